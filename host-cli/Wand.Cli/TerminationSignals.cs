using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace Wand.Cli;

/// <summary>
/// Turns SIGINT, SIGTERM and SIGHUP into cancellation of the running command, so that every way of stopping `wand`
/// runs the same teardown and the command decides its exit code; a command that has not finished within
/// <see cref="GracePeriod"/> is ended with 128 + the signal number, as a shell reports a process the signal killed.
/// </summary>
/// <remarks>
/// .NET runs the handlers of SIGINT, SIGQUIT and SIGTERM on a new thread but queues every other signal's, SIGHUP's
/// included, to the thread pool (dotnet/runtime, src/libraries/System.Private.CoreLib/src/System/Runtime/InteropServices/
/// PosixSignalRegistration.Unix.cs, OnPosixSignal). So nothing of <c>wand</c> may hold pool threads for long (the
/// simulated wand's real-time clock has its own thread), and the deadline waits on its own thread, not on a pool timer.
/// </remarks>
internal static class TerminationSignals
{
    /// <summary>
    /// The environment variable that sets the grace period in whole seconds, 1 to 600: for a station whose teardown and
    /// storing take longer than the default (a slow line database), or one that wants a shorter backstop.
    /// </summary>
    public const string GraceVariable = "WAND_STOP_GRACE_SECONDS";

    /// <summary>
    /// The grace period when <see cref="GraceVariable"/> is not set: 30 s. A backstop for a command that does not stop,
    /// not a performance target: on a loaded station a stop that runs teardown, writes the report and stores the run
    /// takes several seconds of wall time, and ending it early would lose the very record the stop is meant to keep.
    /// </summary>
    public static readonly TimeSpan DefaultGracePeriod = TimeSpan.FromSeconds(30);

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
            // the process still ends within the grace period. Its own thread: a pool timer would wait on the pool too.
            int killedCode = 128 + SignalNumber(signal);
            Thread deadline = new(() =>
            {
                Thread.Sleep(GracePeriod);
                Environment.Exit(killedCode);
            })
            {
                IsBackground = true,
                Name = "termination deadline",
            };
            deadline.Start();
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
