using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Cli.Aot.Tests;

/// <summary>Which build of <c>wand</c> a process runs.</summary>
internal enum WandBuild
{
    /// <summary>The Native AOT binary.</summary>
    Native,

    /// <summary>The framework-dependent wand.dll under <c>dotnet</c> (the JIT build).</summary>
    Jit,
}

/// <summary>What one finished <c>wand</c> invocation gave.</summary>
internal sealed record WandResult(int ExitCode, string Output, string Error);

/// <summary>A <c>wand</c> child process of either build; killed on dispose.</summary>
internal sealed class WandProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly object sync = new();
    private readonly TaskCompletionSource<string> firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WandProcess(Process process) => this.process = process;

    /// <summary>Starts <c>wand</c> with the arguments in the given folder.</summary>
    public static WandProcess Start(WandBuild build, string workingDirectory, params string[] args)
    {
        ProcessStartInfo info = build == WandBuild.Native
            ? new(NativeWand.Path)
            : new("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "wand.dll") } };
        info.UseShellExecute = false;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = workingDirectory;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["NO_COLOR"] = "1";
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        Process process = Process.Start(info) ?? throw new InvalidOperationException("wand did not start.");
        WandProcess child = new(process);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                child.firstLine.TrySetException(new InvalidOperationException($"wand closed its output before printing a line: {child.error}"));
                return;
            }

            child.firstLine.TrySetResult(line.Data);
            child.Append(child.output, line.Data);
        };
        process.ErrorDataReceived += (_, line) => child.Append(child.error, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs <c>wand</c> to its end; a run still going after two minutes is killed and fails the test.</summary>
    public static async Task<WandResult> RunAsync(WandBuild build, string workingDirectory, params string[] args)
    {
        using WandProcess child = Start(build, workingDirectory, args);
        using CancellationTokenSource deadline = new(TimeSpan.FromMinutes(2));
        await child.process.WaitForExitAsync(deadline.Token);
        child.process.WaitForExit();
        lock (child.sync)
        {
            return new WandResult(child.process.ExitCode, child.output.ToString(), child.error.ToString());
        }
    }

    /// <summary>The first line on standard output (the served address); fails after a minute without one.</summary>
    public Task<string> FirstLineAsync() => firstLine.Task.WaitAsync(TimeSpan.FromMinutes(1));

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sync)
        {
            target.Append(line).Append('\n');
        }
    }
}
