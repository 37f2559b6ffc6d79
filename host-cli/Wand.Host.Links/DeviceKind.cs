namespace Wand.Host.Links;

/// <summary>The transports a device address can name (HC-1).</summary>
public enum DeviceKind
{
    /// <summary>The virtual wand in this process: <c>sim</c>.</summary>
    Simulated,

    /// <summary>A served virtual wand over TCP: <c>tcp://HOST:PORT</c>.</summary>
    Tcp,

    /// <summary>A served virtual wand over a Unix socket: <c>unix:PATH</c>.</summary>
    Unix,

    /// <summary>The UART factory port: <c>serial:PORT</c>.</summary>
    Serial,

    /// <summary>A wand over Bluetooth LE through BlueZ: <c>ble:AA:BB:CC:DD:EE:FF</c>.</summary>
    Ble,
}
