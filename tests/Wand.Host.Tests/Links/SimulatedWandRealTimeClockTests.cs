using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.Links.Simulated;
using Xunit;

namespace Wand.Host.Tests.Links;

/// <summary>
/// The real-time clock of the in-process virtual wand (<c>sim:clock=realtime</c>) keeps off the thread pool, where .NET
/// queues the SIGHUP handler, and drops lag instead of catching it up in one run that holds the link.
/// </summary>
public class SimulatedWandRealTimeClockTests
{
    // Only bounds a failure: each wait ends at the event it waits for.
    private static readonly TimeSpan EventBound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task RealTimeClock_RunsTheWandOnItsOwnThread_NotOnThePool()
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { ClockMode = SimulatedClockMode.RealTime });
        await link.ConnectAsync();
        TaskCompletionSource<(bool Pool, string? Name)> tick = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // After connect every control tick comes from the clock: requests do not advance a real-time wand.
        link.Wand.AfterTick = _ => tick.TrySetResult((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name));
        (bool pool, string? name) = await tick.Task.WaitAsync(EventBound);

        Assert.False(pool, "the real-time clock ran the wand on a thread-pool thread");
        Assert.Equal("virtual wand clock", name);
    }

    [Fact]
    public async Task RealTimeClock_AfterAStall_DropsTheLagInsteadOfCatchingItUp()
    {
        await using SimulatedWandLink link = new(new SimulatedWandOptions { ClockMode = SimulatedClockMode.RealTime });
        await link.ConnectAsync();
        long stalledMilliseconds = 0;
        int ticksAfterStall = -1;
        TaskCompletionSource nextPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // The clock's first tick stalls it for a second of wall time, as a descheduled process would be. The pass it
        // stalled ends within MaximumCatchUpMilliseconds / ControlTickMilliseconds ticks, so one tick more is in a
        // later pass, which has measured the lag.
        link.Wand.AfterTick = _ =>
        {
            if (Interlocked.CompareExchange(ref ticksAfterStall, 0, -1) == -1)
            {
                Stopwatch stall = Stopwatch.StartNew();
                Thread.Sleep(1000);
                Interlocked.Exchange(ref stalledMilliseconds, stall.ElapsedMilliseconds);
            }
            else if (Interlocked.Increment(ref ticksAfterStall) == (SimulatedWandLink.MaximumCatchUpMilliseconds / SafetyLimits.ControlTickMilliseconds) + 1)
            {
                nextPass.TrySetResult();
            }
        };
        await nextPass.Task.WaitAsync(EventBound);

        // The pass after the stall found the wand at least the stall behind, ran MaximumCatchUpMilliseconds and dropped the rest.
        long stalled = Interlocked.Read(ref stalledMilliseconds);
        Assert.True(stalled >= 1000, $"stalled {stalled} ms");
        Assert.True(
            link.DroppedMilliseconds >= stalled - SimulatedWandLink.MaximumCatchUpMilliseconds,
            $"dropped {link.DroppedMilliseconds} ms after a {stalled} ms stall");
    }
}
