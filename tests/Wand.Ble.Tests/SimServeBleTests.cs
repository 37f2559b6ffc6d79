using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// <c>wand sim serve --ble</c> as an integrator runs it, with its own bed: the README's bleak example runs against it
/// exactly as written (Debian's python3-bleak); Ctrl-C stops it and removes the bed.
/// </summary>
public sealed partial class SimServeBleTests
{
    [Fact]
    public async Task ReadmeBleakExample_RunsAgainstServedWand_AndCtrlCStopsCleanly()
    {
        string example = ReadmeExample();
        LineWriter output = new();
        StringWriter error = new();
        using CancellationTokenSource stop = new();
        Task<int> serve = Program.BuildRootCommand().Parse(["sim", "serve", "--ble", "--json"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = error }, stop.Token);

        string first = await output.FirstLine.Task.WaitAsync(TimeSpan.FromSeconds(60));
        using JsonDocument announced = JsonDocument.Parse(first);
        string busAddress = announced.RootElement.GetProperty("busAddress").GetString()!;
        Assert.Equal("ble:F0:CA:CC:1A:00:01", announced.RootElement.GetProperty("address").GetString());

        (int code, string printed, string failure) = await RunPythonAsync(example, busAddress);

        Assert.True(code == 0, $"The README's bleak example failed (exit {code}):\n{printed}\n{failure}");
        Assert.Matches(@"battery \d+ %", printed);
        Assert.Matches("start answered 0100", printed);
        Assert.Matches("stop answered 0200", printed);
        Assert.DoesNotContain("EOFError", failure, StringComparison.Ordinal);
        string socket = busAddress["unix:path=".Length..].Split(',')[0];
        Assert.True(File.Exists(socket));

        await stop.CancelAsync();

        Assert.Equal(0, await serve.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.False(Directory.Exists(Path.GetDirectoryName(socket)), "the bed's state directory was left behind");
        Assert.Equal(string.Empty, error.ToString());
    }

    [Fact]
    public async Task BleakIntegratorCheck_PassesEveryStepAgainstServedWand()
    {
        string script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "testbed", "integrator_check.py"));
        LineWriter output = new();
        using CancellationTokenSource stop = new();
        Task<int> serve = Program.BuildRootCommand().Parse(["sim", "serve", "--ble", "--json"])
            .InvokeAsync(new System.CommandLine.InvocationConfiguration { Output = output, Error = new StringWriter() }, stop.Token);
        try
        {
            using JsonDocument announced = JsonDocument.Parse(await output.FirstLine.Task.WaitAsync(TimeSpan.FromSeconds(60)));

            (int code, string printed, string failure) = await RunPythonAsync(script, announced.RootElement.GetProperty("busAddress").GetString()!);

            Assert.True(code == 0, $"The bleak integrator check failed (exit {code}):\n{printed}\n{failure}");
            string[] steps = ["scan found Wand-SIM", "connected", "paired by BlueZ on the first encrypted read", "device information: ", "battery ", "subscribed", "session started (0100",
                "status notified running", "refused: org.bluez.Error.Failed: Operation failed with ATT error: 0x81",
                "refused: org.bluez.Error.InvalidArguments: Invalid Length", "refused by bleak: ",
                "session stopped (0200", "refused: org.bluez.Error.Failed: Operation failed with ATT error: 0x98", "disconnected"];
            foreach (string step in steps)
            {
                Assert.Contains("ok " + step, printed, StringComparison.Ordinal);
            }

            Assert.DoesNotContain("EOFError", failure, StringComparison.Ordinal);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await serve.WaitAsync(TimeSpan.FromSeconds(60)));
        }
    }

    /// <summary>The python block of host-cli/Wand.BleBed/README.md's "Develop a BLE client without hardware".</summary>
    internal static string ReadmeExample()
    {
        string readme = File.ReadAllText(Path.Combine(TestBed.RepositoryRoot(), "host-cli", "Wand.BleBed", "README.md"));
        Match block = PythonBlock().Match(readme[readme.IndexOf("## Develop a BLE client without hardware", StringComparison.Ordinal)..]);
        Assert.True(block.Success, "The README section has no python block.");
        return block.Groups[1].Value;
    }

    internal static async Task<(int Code, string Output, string Error)> RunPythonAsync(string script, string busAddress)
    {
        string file = Path.Combine(Path.GetTempPath(), $"wand-bleak-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(file, script);
        try
        {
            ProcessStartInfo start = new("/usr/bin/python3", [file]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["DBUS_SYSTEM_BUS_ADDRESS"] = busAddress;
            using Process python = Process.Start(start)!;
            Task<string> output = python.StandardOutput.ReadToEndAsync();
            Task<string> error = python.StandardError.ReadToEndAsync();
            await python.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
            return (python.ExitCode, await output, await error);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Collects what the command prints and completes <see cref="FirstLine"/> with its first line.</summary>
    private sealed class LineWriter : StringWriter
    {
        public TaskCompletionSource<string> FirstLine { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Flush()
        {
            base.Flush();
            string text = ToString();
            int end = text.IndexOf('\n', StringComparison.Ordinal);
            if (end >= 0)
            {
                FirstLine.TrySetResult(text[..end].TrimEnd('\r'));
            }
        }
    }

    [GeneratedRegex("```python\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex PythonBlock();
}
