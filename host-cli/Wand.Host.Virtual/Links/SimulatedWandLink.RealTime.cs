using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;

namespace Wand.Host.Links.Simulated;

/// <summary>
/// The real-time clock of the in-process virtual wand (<c>sim:clock=realtime</c>): a dedicated thread that lets virtual
/// time follow the wall clock, one control tick at a time, under the link's lock.
/// </summary>
/// <remarks>
/// The clock never runs on the thread pool. Running the wand is synchronous work, and on a loaded machine the process can
/// fall far behind the wall clock; a pool thread busy catching up is a thread the process's other work (and .NET's
/// handler of SIGHUP, which the runtime queues to the pool) does not get. When the wand falls more than
/// <see cref="MaximumCatchUpMilliseconds"/> behind, the rest of the lag is dropped (virtual time runs slower than the
/// wall clock for a while) instead of being caught up in one long run that would hold the lock and grow with the load.
/// </remarks>
public sealed partial class SimulatedWandLink
{
    /// <summary>Longest span of virtual time one pass of the real-time clock runs, in milliseconds (five control ticks).</summary>
    public const long MaximumCatchUpMilliseconds = 5 * SafetyLimits.ControlTickMilliseconds;

    private CancellationTokenSource? realTimeLoop;
    private TaskCompletionSource? realTimeStopped;
    private long droppedMilliseconds;

    /// <summary>
    /// Gets the wall-clock time the real-time clock dropped because the process fell more than
    /// <see cref="MaximumCatchUpMilliseconds"/> behind, in milliseconds (0 with the virtual clock).
    /// </summary>
    public long DroppedMilliseconds => Interlocked.Read(ref droppedMilliseconds);

    private void StartRealTime()
    {
        if (realTimeLoop != null)
        {
            return;
        }

        CancellationTokenSource loop = new();
        TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Thread thread = new(() => RunRealTime(stopped, loop.Token)) { IsBackground = true, Name = "virtual wand clock" };
        realTimeLoop = loop;
        realTimeStopped = stopped;
        thread.Start();
    }

    private void RunRealTime(TaskCompletionSource stopped, CancellationToken cancellationToken)
    {
        try
        {
            Stopwatch wall = Stopwatch.StartNew();
            long origin = Locked(() => Wand.Now, cancellationToken);
            while (!cancellationToken.WaitHandle.WaitOne(SafetyLimits.ControlTickMilliseconds))
            {
                origin = Locked(() => Advance(origin + wall.ElapsedMilliseconds, origin), cancellationToken);
            }

            stopped.TrySetResult();
        }
        catch (OperationCanceledException)
        {
            // Stopped by DisconnectAsync or DisposeAsync.
            stopped.TrySetResult();
        }
#pragma warning disable CA1031 // Whatever ends the clock is handed to StopRealTimeAsync, which rethrows it.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            stopped.TrySetException(exception);
        }
    }

    /// <summary>Runs the wand up to the wall clock's due time, at most <see cref="MaximumCatchUpMilliseconds"/>; returns the new origin.</summary>
    private long Advance(long due, long origin)
    {
        long behind = due - Wand.Now;
        if (behind > MaximumCatchUpMilliseconds)
        {
            long dropped = behind - MaximumCatchUpMilliseconds;
            Interlocked.Add(ref droppedMilliseconds, dropped);
            origin -= dropped;
            behind = MaximumCatchUpMilliseconds;
        }

        if (behind > 0)
        {
            Wand.RunFor(behind);
        }

        return origin;
    }

    private T Locked<T>(Func<T> action, CancellationToken cancellationToken)
    {
        gate.Wait(cancellationToken);
        try
        {
            return action();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task StopRealTimeAsync()
    {
        // Disconnect and dispose may stop at once: whoever takes the loop stops it, the other finds nothing to stop.
        CancellationTokenSource? loop = Interlocked.Exchange(ref realTimeLoop, null);
        TaskCompletionSource? stopped = Interlocked.Exchange(ref realTimeStopped, null);
        if (loop == null || stopped == null)
        {
            return;
        }

        await loop.CancelAsync().ConfigureAwait(false);
        try
        {
            await stopped.Task.ConfigureAwait(false);
        }
        finally
        {
            loop.Dispose();
        }
    }
}
