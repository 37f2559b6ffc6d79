using System;
using System.Diagnostics;
using System.Threading;

namespace Wand.RomSimulator;

/// <summary>Waits with sub-millisecond precision: sleeps for the bulk, then yields until the deadline.</summary>
internal static class PreciseDelay
{
    /// <summary>Waits for a duration.</summary>
    /// <param name="duration">How long.</param>
    public static void Wait(TimeSpan duration) => Until(Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency));

    /// <summary>Waits until a <see cref="Stopwatch"/> timestamp.</summary>
    /// <param name="deadline">The timestamp.</param>
    public static void Until(long deadline)
    {
        while (true)
        {
            long remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            // Sleep for the bulk but wake 3 ms early: a sleeping thread on a loaded machine wakes late, and a late
            // answer would show as idle line time that no real UART has.
            double milliseconds = remaining * 1000.0 / Stopwatch.Frequency;
            if (milliseconds > 4)
            {
                Thread.Sleep((int)(milliseconds - 3));
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
