using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Serial.Terminals;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>
/// <c>wand station run</c> (HC-5) on a real pseudo-terminal, as an operator with a barcode scanner uses it: the scanner
/// types the serial and Enter on the terminal; the test reads the screen from the terminal's other end.
/// </summary>
[Trait("Requirement", "HC-5")]
public sealed class OperatorLoopTests : IDisposable
{
    private const string VirtualStation = """
        station: eol-pty
        actions:
          head-resistor: virtual
          ntc-substitute: virtual
          supply: virtual
          supply-current: virtual
          usb-power: virtual
          button: virtual
          motor-voltage: virtual
          head-vibration: virtual
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("wand-operator-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task HC5_ScannedSerials_EmptyIsRefusedMismatchIsErrorBeforeTestingMatchPassesAndEveryRunIsStored()
    {
        string configuration = Path.Combine(folder, "station.yaml");
        await File.WriteAllTextAsync(configuration, VirtualStation);
        string store = Path.Combine(folder, "station.sqlite");
        string plan = Path.Combine(AppContext.BaseDirectory, "plans", "end-of-line.yaml");
        using PseudoTerminal terminal = PseudoTerminal.Open();
        using TerminalScreen screen = new(terminal.Controller);
        using Process station = StartOnTerminal(terminal.TerminalPath, "--device", "sim", "station", "run", plan, "--config", configuration, "--results", store, "--report-dir", Path.Combine(folder, "reports"));
        try
        {
            await screen.WaitForAsync("Scan the serial", 1);

            screen.Type("\r");
            await screen.WaitForAsync("Refused: No serial was entered", 1);
            await screen.WaitForAsync("Scan the serial", 2);

            screen.Type("NOT-THIS-ONE\r");
            await screen.WaitForAsync("Unit NOT-THIS-ONE: ERROR", 1);
            await screen.WaitForAsync("is not this unit's serial 'SIM-0001'", 1);
            await screen.WaitForAsync("Scan the serial", 3);

            screen.Type("SIM-0001\r");
            await screen.WaitForAsync("Unit SIM-0001: PASS", 1);
            await screen.WaitForAsync("Scan the serial", 4);

            // Ctrl-C between units: nothing is running, the shift ends cleanly.
            Assert.Equal(0, Signal(station.Id, SignalInterrupt));
            using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));
            await station.WaitForExitAsync(deadline.Token);
            Assert.True(station.ExitCode == (int)ExitCode.Success, screen.Text);
        }
        finally
        {
            if (!station.HasExited)
            {
                station.Kill(entireProcessTree: true);
            }
        }

        CliResult list = await CliRunner.RunAsync("--json", "results", "list", "--results", store);
        JsonElement[] runs = [.. list.Json.EnumerateArray()];
        Assert.Equal(2, runs.Length);
        Assert.Contains(runs, run => run.GetProperty("outcome").GetString() == "ERROR" && run.GetProperty("dutSerial").GetString() == "NOT-THIS-ONE");
        Assert.Contains(runs, run => run.GetProperty("outcome").GetString() == "PASS" && run.GetProperty("dutSerial").GetString() == "SIM-0001");
    }

    [Fact]
    public async Task HC5_MalformedScan_IsRefusedAndNothingIsStored()
    {
        string configuration = Path.Combine(folder, "station.yaml");
        await File.WriteAllTextAsync(configuration, VirtualStation);
        string store = Path.Combine(folder, "station.sqlite");
        string plan = Path.Combine(AppContext.BaseDirectory, "plans", "smoke.yaml");
        using PseudoTerminal terminal = PseudoTerminal.Open();
        using TerminalScreen screen = new(terminal.Controller);
        using Process station = StartOnTerminal(terminal.TerminalPath, "--device", "sim", "station", "run", plan, "--config", configuration, "--results", store, "--report-dir", Path.Combine(folder, "reports"));
        try
        {
            await screen.WaitForAsync("Scan the serial", 1);
            screen.Type("https://example.com/not-a-serial\r");
            await screen.WaitForAsync("is not a unit serial", 1);
            await screen.WaitForAsync("Scan the serial", 2);

            // SIGTERM, as a station shutdown sends, between units.
            Assert.Equal(0, Signal(station.Id, SignalTerminate));
            using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));
            await station.WaitForExitAsync(deadline.Token);
            Assert.True(station.ExitCode == (int)ExitCode.Success, screen.Text);
        }
        finally
        {
            if (!station.HasExited)
            {
                station.Kill(entireProcessTree: true);
            }
        }

        CliResult list = await CliRunner.RunAsync("--json", "results", "list", "--results", store);
        Assert.Empty(list.Json.EnumerateArray());
    }

    [Theory]
    [InlineData(SignalInterrupt)]
    [InlineData(SignalTerminate)]
    [InlineData(SignalHangUp)]
    public async Task HC5_StopWhileAUnitIsUnderTest_RunsTeardownStoresTheRunAbortedAndEndsTheShift(int signal)
    {
        string configuration = Path.Combine(folder, "station.yaml");
        await File.WriteAllTextAsync(configuration, VirtualStation);
        string store = Path.Combine(folder, "station.sqlite");

        // A phase that holds the unit until stopped: on a real-time wand its wait lasts an hour.
        string plan = Path.Combine(folder, "stop-check.yaml");
        await File.WriteAllTextAsync(plan, """
            plan: stop-check
            setup:
              - connect
              - command: {start: {level: 1, pattern: continuous, duration-s: 600}}
            phases:
              - name: hold-position
                timeout-s: 3600
                steps:
                  - wait: {until: {state: idle}, timeout-ms: 3600000}
            teardown:
              - command: {stop: {}, expect: any}
              - wait: {until: {state: idle}, timeout-ms: 5000}
                measure:
                  - {name: stopped-after-abort, field: state, equals: idle}
              - disconnect
            """);
        using PseudoTerminal terminal = PseudoTerminal.Open();
        using TerminalScreen screen = new(terminal.Controller);
        using Process station = StartOnTerminal(terminal.TerminalPath, "--device", "sim:clock=realtime", "station", "run", plan, "--config", configuration, "--results", store, "--report-dir", Path.Combine(folder, "reports"));
        try
        {
            await screen.WaitForAsync("Scan the serial", 1);
            screen.Type("SIM-0001\r");

            // The phase has started: the unit is under test, its motor running, when the signal arrives.
            await screen.WaitForAsync("hold-position…", 1);
            Assert.Equal(0, Signal(station.Id, signal));

            await screen.WaitForAsync("Unit SIM-0001: ABORTED", 1);
            using CancellationTokenSource deadline = new(TimeSpan.FromSeconds(60));
            await station.WaitForExitAsync(deadline.Token);
            Assert.True(station.ExitCode == (int)ExitCode.TestAborted, $"exit code {station.ExitCode}\n{screen.Text}");
        }
        finally
        {
            if (!station.HasExited)
            {
                station.Kill(entireProcessTree: true);
            }
        }

        CliResult list = await CliRunner.RunAsync("--json", "results", "list", "--results", store);
        JsonElement run = Assert.Single(list.Json.EnumerateArray());
        Assert.Equal("ABORTED", run.GetProperty("outcome").GetString());
        CliResult show = await CliRunner.RunAsync("--json", "results", "show", run.GetProperty("runId").GetString()!, "--results", store);
        JsonElement[] phases = [.. show.Json.GetProperty("phases").EnumerateArray()];
        JsonElement teardown = phases.Single(phase => phase.GetProperty("name").GetString() == "teardown");
        Assert.Equal("PASS", teardown.GetProperty("outcome").GetString());
        Assert.Equal("PASS", teardown.GetProperty("measurements")[0].GetProperty("outcome").GetString());
    }

    [Fact]
    public void StopGrace_FromTheEnvironment_IsCheckedAndNamedWhenWrong()
    {
        string? refusal = TerminationSignals.Configure("0");
        string? text = TerminationSignals.Configure("five");

        Assert.Contains("WAND_STOP_GRACE_SECONDS", refusal, StringComparison.Ordinal);
        Assert.Contains("'five'", text, StringComparison.Ordinal);
        Assert.Equal(TerminationSignals.DefaultGracePeriod, TerminationSignals.GracePeriod);
        Assert.Null(TerminationSignals.Configure(null));
    }

    private const int SignalHangUp = 1;

    private const int SignalInterrupt = 2;

    private const int SignalTerminate = 15;

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Signal(int processId, int signal);

    /// <summary>Starts wand with standard input, output and error on the terminal side of a pseudo-terminal.</summary>
    private static Process StartOnTerminal(string terminalPath, params string[] args)
    {
        ProcessStartInfo info = new("sh") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("exec \"$@\" <\"$WAND_TERMINAL\" >\"$WAND_TERMINAL\" 2>&1");
        info.ArgumentList.Add("sh");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(ChildProcess.WandDll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["WAND_TERMINAL"] = terminalPath;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["TERM"] = "xterm";

        // Teardown, reports and the store are written after a stop; on a heavily loaded machine that may take longer
        // than the default 5 s before a stopped station is ended with the signal's code.
        info.Environment["WAND_STOP_GRACE_SECONDS"] = "300";
        return Process.Start(info) ?? throw new InvalidOperationException("sh did not start");
    }

    /// <summary>Everything written to the terminal, read from the pseudo-terminal's controlling side on a thread.</summary>
    private sealed class TerminalScreen : IDisposable
    {
        private readonly PosixTerminalLine controller;
        private readonly StringBuilder text = new();
        private readonly Thread reader;
        private readonly SemaphoreSlim changed = new(0);
        private volatile bool stopping;

        public TerminalScreen(PosixTerminalLine controller)
        {
            this.controller = controller;
            reader = new Thread(Read) { IsBackground = true, Name = "terminal screen" };
            reader.Start();
        }

        /// <summary>Gets the text on the terminal without its colour and mode escape sequences (ECMA-48 CSI, ESC = and ESC >).</summary>
        public string Text
        {
            get
            {
                lock (text)
                {
                    return System.Text.RegularExpressions.Regex.Replace(text.ToString(), @"\x1b(\[[0-9;?]*[@-~]|[=>])", string.Empty);
                }
            }
        }

        public void Type(string keys) => controller.Write(Encoding.UTF8.GetBytes(keys));

        /// <summary>Waits until the text has appeared <paramref name="times"/> times; the screen changing is the event waited on.</summary>
        public async Task WaitForAsync(string wanted, int times)
        {
            using CancellationTokenSource deadline = new(TimeSpan.FromMinutes(2));
            while (Count(Text, wanted) < times)
            {
                try
                {
                    await changed.WaitAsync(deadline.Token);
                }
                catch (OperationCanceledException)
                {
                    throw new TimeoutException($"'{wanted}' (×{times}) did not appear on the terminal. Screen:\n{Text}");
                }
            }
        }

        public void Dispose()
        {
            stopping = true;
            reader.Join(TimeSpan.FromSeconds(2));
            changed.Dispose();
        }

        private static int Count(string haystack, string needle)
        {
            int count = 0;
            for (int index = haystack.IndexOf(needle, StringComparison.Ordinal); index >= 0; index = haystack.IndexOf(needle, index + needle.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }

        private void Read()
        {
            byte[] buffer = new byte[4096];
            Decoder decoder = Encoding.UTF8.GetDecoder();
            char[] characters = new char[4096];
            while (!stopping)
            {
                int count;
                try
                {
                    count = controller.Read(buffer, TimeSpan.FromMilliseconds(100));
                }
                catch (IOException)
                {
                    return;
                }

                if (count == 0)
                {
                    continue;
                }

                int decoded = decoder.GetChars(buffer, 0, count, characters, 0);
                lock (text)
                {
                    text.Append(characters, 0, decoded);
                }

                changed.Release();
            }
        }
    }
}
