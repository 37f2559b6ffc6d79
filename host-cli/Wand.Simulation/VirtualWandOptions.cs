using System;
using Wand.Core.Board;

namespace Wand.Simulation;

/// <summary>How a <see cref="VirtualWand"/> runs: tick periods and pacing.</summary>
public sealed record VirtualWandOptions
{
    /// <summary>Gets the control tick, in milliseconds (default <see cref="SafetyLimits.ControlTickMilliseconds"/>).</summary>
    public int TickMilliseconds { get; init; } = SafetyLimits.ControlTickMilliseconds;

    /// <summary>
    /// Gets the period of the independent liveness timer, in milliseconds. With the default 20 ms a stalled loop has
    /// the motor off at most 20 ms after the 200 ms deadline (SR-10).
    /// </summary>
    public int LivenessPeriodMilliseconds { get; init; } = 20;

    /// <summary>
    /// Gets the pacing: 0 runs as fast as possible; otherwise virtual time runs at this multiple of real time
    /// (1 = real time, for a person watching or a client that expects real delays).
    /// </summary>
    public double RealTimeFactor { get; init; }

    /// <summary>Gets a value indicating whether an expired watchdog reboots the firmware (as the real watchdog resets the chip).</summary>
    public bool RebootOnWatchdog { get; init; } = true;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public void Validate()
    {
        if (TickMilliseconds is < 1 or > 1000)
        {
            throw new ArgumentException("TickMilliseconds must be 1 to 1000 ms.");
        }

        if (LivenessPeriodMilliseconds is < 1 or > 1000)
        {
            throw new ArgumentException("LivenessPeriodMilliseconds must be 1 to 1000 ms.");
        }

        if (!(RealTimeFactor >= 0) || double.IsInfinity(RealTimeFactor))
        {
            throw new ArgumentException("RealTimeFactor must be 0 (as fast as possible) or positive.");
        }
    }
}
