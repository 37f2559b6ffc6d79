using System;

namespace Wand.Host.Serving;

/// <summary>Receives what the served firmware sends on its own: notifications, and a reset that drops the link.</summary>
public interface INotificationTarget
{
    /// <summary>Sends one notification. Called under the host's lock; must not block.</summary>
    /// <param name="characteristicIndex">Characteristic index.</param>
    /// <param name="value">The value; copy it, the buffer is reused.</param>
    void Notify(int characteristicIndex, ReadOnlySpan<byte> value);

    /// <summary>The firmware rebooted: the link is gone. Called under the host's lock; must not block.</summary>
    /// <param name="reason">Why, for the log.</param>
    void LinkReset(string reason);
}
