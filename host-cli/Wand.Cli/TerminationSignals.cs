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
    /// <summary>
    /// The environment variable that sets the grace period in whole seconds, 1 to 600: for a station whose teardown and
    /// storing take longer than the default (a slow line database, a heavily loaded machine).
    /// </summary>
    public const string GraceVariable = "WAND_STOP_GRACE_SECONDS";

    /// <summary>The grace period when <see cref="GraceVariable"/> is not set: 5 s.</summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>Gets how long a cancelled command may take to leave the wand safe and write its results.</summary>
    public static TimeSpan GracePeriod { get; private set; } = DefaultGracePeriod;

    /// <summary>Sets the grace period from the value of <see cref="GraceVariable"/>.</summary>
    /// <param name="value">The variable's value, or <c>null</c> (or empty) for the default.</param>
    /// <returns><c>null</c> when accepted, otherwise what is wrong with it.</returns>
    public static string? Configure(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            GracePeriod = DefaultGracePeriod;
            return null;
        }

        if (!int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seconds) || seconds is < 1 or > 600)
        {
            return $"${GraceVariable} must be a whole number of seconds from 1 to 600; found '{value}'.";
        }

        GracePeriod = TimeSpan.FromSeconds(seconds);
        return null;
    }

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
