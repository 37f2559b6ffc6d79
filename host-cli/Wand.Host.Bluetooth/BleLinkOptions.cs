using System;

namespace Wand.Host.Links.Ble;

/// <summary>Settings of BLE links and scans through BlueZ.</summary>
public sealed class BleLinkOptions
{
    /// <summary>Gets the D-Bus address of the system bus; <c>null</c> uses <c>DBUS_SYSTEM_BUS_ADDRESS</c> or the default socket.</summary>
    public string? BusAddress { get; init; }

    /// <summary>Gets the adapter name, for example <c>hci0</c>; <c>null</c> picks the first powered adapter.</summary>
    public string? Adapter { get; init; }

    /// <summary>Gets how long discovery looks for a wand that BlueZ does not know yet; default 10 s.</summary>
    public TimeSpan DiscoveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how long connecting and resolving services may take; default 30 s.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets how long one read, write or subscription may take; default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how often a connect is retried after BlueZ's transient <c>le-connection-abort-by-local</c>; default 2.</summary>
    public int ConnectRetries { get; init; } = 2;

    /// <summary>Gets a value indicating whether an unpaired wand is paired (Just Works) after connecting; default <c>true</c>.
    /// The wand accepts pairing only within its pairing window (BP-4).</summary>
    public bool Pair { get; init; } = true;
}
