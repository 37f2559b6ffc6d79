using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.TestRuns.Tests;

/// <summary>A clock that moves only when told: timers fire on <see cref="FireAll"/>; tests wait for a timer to exist.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<ManualTimer> timers = [];
    private TaskCompletionSource timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Gets a task that completes when the next timer is created.</summary>
    public Task TimerCreated
    {
        get
        {
            lock (timers)
            {
                return timerCreated.Task;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ManualTimer timer = new(callback, state);
        lock (timers)
        {
            timers.Add(timer);
            timerCreated.TrySetResult();
            timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        return timer;
    }

    /// <summary>Fires every live timer once, as if all their due times had passed.</summary>
    public void FireAll()
    {
        List<ManualTimer> live;
        lock (timers)
        {
            live = [.. timers];
        }

        foreach (ManualTimer timer in live)
        {
            timer.Fire();
        }
    }

    private sealed class ManualTimer(TimerCallback callback, object? state) : ITimer
    {
        private bool disposed;

        public void Fire()
        {
            if (!disposed)
            {
                callback(state);
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => !disposed;

        public void Dispose() => disposed = true;

        public ValueTask DisposeAsync()
        {
            disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
