using System;

namespace Wand.Host.Serving;

/// <summary>Limits and timeouts of a <see cref="WandStreamServer"/>; every wait runs on <see cref="Time"/>.</summary>
public sealed record WandStreamServerOptions
{
    /// <summary>Gets the most connections open at once (GATT, queued and world control), 1 to 1000; more are closed at once.</summary>
    public int MaximumConnections { get; init; } = 32;

    /// <summary>Gets how long a new connection may stay silent before its first byte, after which it is closed.</summary>
    public TimeSpan FirstByteTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long the client holding the wand may send no complete frame while others wait, before it is dropped.</summary>
    public TimeSpan HolderIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets how long a queued Connect waits for the wand before it is answered busy: long enough for a holder that is
    /// leaving (a finished or killed client) to be noticed, shorter than a client's 3 s connect timeout.
    /// </summary>
    public TimeSpan QueueAnswerDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets the pause after a failed accept (for example no file descriptors left) before accepting again.</summary>
    public TimeSpan AcceptRetryDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets the clock of every timeout; tests pass a fake one and advance it.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaximumConnections, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaximumConnections, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(FirstByteTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HolderIdleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(QueueAnswerDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(AcceptRetryDelay, TimeSpan.Zero);
        ArgumentNullException.ThrowIfNull(Time);
    }
}
