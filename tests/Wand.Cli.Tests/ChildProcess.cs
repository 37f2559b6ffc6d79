using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Cli.Tests;

/// <summary>A <c>wand</c> child process (the built wand.dll under the test's output), killed on dispose.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly object sync = new();

    // Released at every line the child writes and at its exit: the event output waits wake on.
    private readonly SemaphoreSlim changed = new(0);

    static ChildProcess()
    {
        RestoreDefaultStopSignals();
    }

    private ChildProcess(Process process)
    {
        this.process = process;
    }

    public static string WandDll => Path.Combine(AppContext.BaseDirectory, "wand.dll");

    public string Output
    {
        get
        {
            lock (sync)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (sync)
            {
                return error.ToString();
            }
        }
    }

    public static ChildProcess Start(params string[] args) => StartLimited(0, args);

    /// <summary>Starts wand under an open-file limit (soft and hard, through util-linux prlimit), or unlimited for 0.</summary>
    public static ChildProcess StartLimited(int openFileLimit, params string[] args)
    {
        ProcessStartInfo info = new(openFileLimit > 0 ? "prlimit" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (openFileLimit > 0)
        {
            info.ArgumentList.Add($"--nofile={openFileLimit}:{openFileLimit}");
            info.ArgumentList.Add("dotnet");
        }

        info.ArgumentList.Add(WandDll);
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        Process process = new() { StartInfo = info, EnableRaisingEvents = true };
        ChildProcess child = new(process);
        process.Exited += (_, _) => child.Changed();
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet did not start");
        }

        process.OutputDataReceived += (_, line) => child.Append(child.output, line.Data);
        process.ErrorDataReceived += (_, line) => child.Append(child.error, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a wand invocation to its end (killed after the timeout).</summary>
    public static async Task<CliResult> RunAsync(TimeSpan timeout, params string[] args)
    {
        using ChildProcess child = Start(args);
        int code = await child.WaitForExitAsync(timeout);
        return new CliResult(code, child.Output, child.Error);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using CancellationTokenSource deadline = new(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"wand did not exit within {timeout}. stdout: {Output} stderr: {Error}");
        }

        process.WaitForExit();
        return process.ExitCode;
    }

    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using CancellationTokenSource deadline = new(timeout);
        while (true)
        {
            string current = Output;
            if (current.Contains(text, StringComparison.Ordinal))
            {
                return current;
            }

            if (process.HasExited)
            {
                // Its last lines may still be on their way: wait for the end of standard output, then look once more.
                await process.WaitForExitAsync(CancellationToken.None);
                current = Output;
                if (current.Contains(text, StringComparison.Ordinal))
                {
                    return current;
                }

                break;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"'{text}' did not appear within {timeout}. stdout: {Output} stderr: {Error}");
    }

    /// <summary>Sends SIGHUP, as closing the terminal does.</summary>
    public void HangUp()
    {
        if (!process.HasExited && Kill(process.Id, SignalHangUp) != 0)
        {
            throw new InvalidOperationException("kill(SIGHUP) failed");
        }
    }

    /// <summary>Sends SIGINT, as Ctrl-C in a terminal does.</summary>
    public void Interrupt()
    {
        if (!process.HasExited && Kill(process.Id, SignalInterrupt) != 0)
        {
            throw new InvalidOperationException("kill(SIGINT) failed");
        }
    }

    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        changed.Dispose();
    }

    private const int SignalHangUp = 1;

    private const int SignalInterrupt = 2;

    /// <summary>
    /// A test host started as a background job of a non-interactive shell has SIGINT ignored (POSIX, Shell Command
    /// Language §2.11), and one started under nohup(1) has SIGHUP ignored; every child inherits an ignored signal, and
    /// .NET then leaves it ignored (as it should: wand under nohup must survive a hang-up), so the Ctrl-C and hang-up
    /// tests would test nothing. When either is ignored here (its bit of SigIgn in /proc/self/status, proc(5)), it is
    /// set back to its default, which children inherit; otherwise the runtime's own handler is left alone.
    /// </summary>
    private static void RestoreDefaultStopSignals()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        foreach (string line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith("SigIgn:", StringComparison.Ordinal))
            {
                continue;
            }

            ulong ignored = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
            foreach (int signal in new[] { SignalInterrupt, SignalHangUp })
            {
                if ((ignored & (1UL << (signal - 1))) != 0)
                {
                    _ = SetSignalDisposition(signal, 0); // SIG_DFL
                }
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "signal", SetLastError = true)]
    private static extern nint SetSignalDisposition(int signal, nint handler);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sync)
        {
            target.AppendLine(line);
        }

        Changed();
    }

    private void Changed()
    {
        try
        {
            changed.Release();
        }
        catch (ObjectDisposedException)
        {
            // A last event after Dispose: nobody waits any more.
        }
    }
}
