using System;

namespace Wand.Host.Links;

/// <summary>The state of an <see cref="IWandLink"/>.</summary>
public enum LinkState
{
    /// <summary>Not connected.</summary>
    Disconnected,

    /// <summary>Connecting.</summary>
    Connecting,

    /// <summary>Connected and usable.</summary>
    Connected,

    /// <summary>The link dropped without being closed.</summary>
    Lost,
}

/// <summary>The kind of GATT write.</summary>
public enum WriteKind
{
    /// <summary>Write request: the wand acknowledges or answers with an ATT error.</summary>
    WithResponse,

    /// <summary>Write command: no acknowledgement.</summary>
    WithoutResponse,
}

/// <summary>Data of <see cref="IWandLink.StateChanged"/>.</summary>
/// <param name="state">The new state.</param>
/// <param name="reason">Why it changed, for people; empty when deliberate.</param>
public sealed class LinkStateChangedEventArgs(LinkState state, string reason) : EventArgs
{
    /// <summary>Gets the new state.</summary>
    public LinkState State { get; } = state;

    /// <summary>Gets why the state changed.</summary>
    public string Reason { get; } = reason;
}

/// <summary>Data of <see cref="IWandLink.NotificationReceived"/>.</summary>
/// <param name="characteristic">The notifying characteristic's UUID.</param>
/// <param name="value">The notified value.</param>
public sealed class CharacteristicNotificationEventArgs(Guid characteristic, byte[] value) : EventArgs
{
    /// <summary>Gets the notifying characteristic's UUID.</summary>
    public Guid Characteristic { get; } = characteristic;

    /// <summary>Gets the notified value.</summary>
    public ReadOnlyMemory<byte> Value { get; } = value;
}
