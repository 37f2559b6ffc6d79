using System;
using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>
/// The hardware watchdog (SR-10): counts feeds and reports starvation when no feed came within the timeout.
/// <see cref="VirtualWand"/> reboots the firmware when it expires, as the real watchdog resets the chip.
/// </summary>
public sealed class SimulatedWatchdog : IWatchdog
{
    private readonly AdapterFaultInjector faults;
    private readonly VirtualClock clock;

    /// <summary>Initializes a new instance of the <see cref="SimulatedWatchdog"/> class.</summary>
    /// <param name="faults">Fault injection.</param>
    /// <param name="clock">Virtual time.</param>
    /// <param name="timeoutMilliseconds">Starvation timeout, in milliseconds, 1 or more.</param>
    public SimulatedWatchdog(AdapterFaultInjector faults, VirtualClock clock, long timeoutMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutMilliseconds, 1);
        this.faults = faults;
        this.clock = clock;
        TimeoutMilliseconds = timeoutMilliseconds;
    }

    /// <summary>Gets the starvation timeout, in milliseconds.</summary>
    public long TimeoutMilliseconds { get; }

    /// <summary>Gets the number of feeds.</summary>
    public long FeedCount { get; private set; }

    /// <summary>Gets the virtual time of the last feed (or of the last restart), in milliseconds.</summary>
    public long LastFeedMilliseconds { get; private set; }

    /// <summary>Gets the longest gap between feeds seen so far, in milliseconds.</summary>
    public long LongestGapMilliseconds { get; private set; }

    /// <summary>Gets a value indicating whether the watchdog has expired since the last restart.</summary>
    public bool IsExpired { get; private set; }

    /// <summary>Gets how many times the watchdog has expired.</summary>
    public int ExpiryCount { get; private set; }

    /// <inheritdoc />
    public void Feed()
    {
        faults.ThrowIfArmed(AdapterKind.Watchdog);
        long now = clock.Now;
        LongestGapMilliseconds = Math.Max(LongestGapMilliseconds, now - LastFeedMilliseconds);
        LastFeedMilliseconds = now;
        FeedCount++;
    }

    /// <summary>Restarts the countdown after a reset and clears the expired flag.</summary>
    public void Restart()
    {
        LastFeedMilliseconds = clock.Now;
        IsExpired = false;
    }

    /// <summary>Checks for starvation; called by the board every step.</summary>
    /// <returns><c>true</c> when it expired just now.</returns>
    internal bool Check()
    {
        if (IsExpired || clock.Now - LastFeedMilliseconds <= TimeoutMilliseconds)
        {
            return false;
        }

        IsExpired = true;
        ExpiryCount++;
        return true;
    }
}
