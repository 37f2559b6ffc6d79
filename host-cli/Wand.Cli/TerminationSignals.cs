using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Wand.Cli;

/// <summary>
/// Turns SIGINT, SIGTERM and SIGHUP into cancellation of the running command, so that every way of stopping `wand`
/// runs the same teardown and the command decides its exit code; a command that has not finished within
/// <see cref="GracePeriod"/> is ended with 128 + the signal number, as a shell reports a process the signal killed.
/// </summary>
internal static class TerminationSignals
{
    /// <summary>How long a cancelled command may take to leave the wand safe and write its results: 5 s.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(5);

    // Kept here so the pending deadline is not collected before it fires.
    private static Timer? deadline;

    // 1 once a signal has started the stop, so a second signal neither cancels again nor restarts the deadline.
    private static int signalled;

    /// <summary>Registers a handler for one signal (none on Windows, where only Ctrl-C exists and .NET maps it to SIGINT).</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="stopping">Cancelled when the signal arrives.</param>
    /// <returns>The registration, to dispose when the command has finished.</returns>
    public static PosixSignalRegistration? Register(PosixSignal signal, CancellationTokenSource stopping)
    {
        if (OperatingSystem.IsWindows() && signal != PosixSignal.SIGINT)
        {
            return null;
        }

        return PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            if (Interlocked.CompareExchange(ref signalled, 1, 0) != 0)
            {
                return;
            }

            // The deadline first: continuations of the command may run inline in Cancel(), and however long they take
            // the process still ends within the grace period.
            int killedCode = 128 + SignalNumber(signal);
            deadline = new Timer(_ => Environment.Exit(killedCode), null, GracePeriod, Timeout.InfiniteTimeSpan);
            stopping.Cancel();
        });
    }

    // POSIX signal numbers on Linux (signal(7)): SIGHUP 1, SIGINT 2, SIGTERM 15.
    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGHUP => 1,
        PosixSignal.SIGINT => 2,
        _ => 15,
    };
}
