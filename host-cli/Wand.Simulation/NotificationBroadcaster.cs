using System;
using Wand.Core.Gatt;

namespace Wand.Simulation;

/// <summary>
/// The notification sink of the virtual wand's GATT server. It outlives firmware reboots, so a link subscribed to it
/// keeps receiving notifications from each new firmware instance.
/// </summary>
public sealed class NotificationBroadcaster : IGattNotificationSink
{
    /// <summary>Raised for every notification: characteristic index and a copy of the value.</summary>
    public event EventHandler<GattNotification>? Notified;

    /// <inheritdoc/>
    public void Notify(int characteristicIndex, byte[] value, int length)
    {
        ArgumentNullException.ThrowIfNull(value);
        Notified?.Invoke(this, new GattNotification(characteristicIndex, value.AsSpan(0, length).ToArray()));
    }
}

/// <summary>One notification from the virtual wand's GATT server.</summary>
/// <param name="CharacteristicIndex">Index in the profile's characteristic table.</param>
/// <param name="Value">The notified bytes.</param>
public sealed record GattNotification(int CharacteristicIndex, byte[] Value);
