using System;
using System.Globalization;

namespace Wand.Host.Links;

/// <summary>
/// A parsed device address (HC-1): <c>sim</c> (optionally <c>sim:OPTIONS</c>), <c>tcp://HOST:PORT</c>,
/// <c>unix:PATH</c>, <c>serial:PORT</c> or <c>ble:AA:BB:CC:DD:EE:FF</c>.
/// </summary>
public sealed record DeviceAddress
{
    /// <summary>The longest Unix socket path Linux accepts (sun_path is 108 bytes with its terminator).</summary>
    public const int MaximumUnixPathLength = 107;

    private DeviceAddress(DeviceKind kind, string text, string target, int port)
    {
        Kind = kind;
        Text = text;
        Target = target;
        Port = port;
    }

    /// <summary>Gets the transport.</summary>
    public DeviceKind Kind { get; }

    /// <summary>Gets the address as given.</summary>
    public string Text { get; }

    /// <summary>
    /// Gets the transport's target: the host name (TCP), the socket path (Unix), the port name (serial), the
    /// Bluetooth address in upper case (BLE), or the option text after <c>sim:</c> (empty for plain <c>sim</c>).
    /// </summary>
    public string Target { get; }

    /// <summary>Gets the TCP port, 1 to 65535; 0 for other transports.</summary>
    public int Port { get; }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>Parses an address.</summary>
    /// <param name="text">The address, for example <c>tcp://127.0.0.1:4711</c>.</param>
    /// <returns>The parsed address.</returns>
    /// <exception cref="InvalidDeviceAddressException">The address is not one of the supported forms; the message says which part is wrong.</exception>
    public static DeviceAddress Parse(string? text)
    {
        string value = (text ?? string.Empty).Trim();
        if (value.Length == 0)
        {
            throw new InvalidDeviceAddressException("The device address is empty. " + Forms);
        }

        if (value.Equals("sim", StringComparison.OrdinalIgnoreCase))
        {
            return new DeviceAddress(DeviceKind.Simulated, value, string.Empty, 0);
        }

        if (value.StartsWith("sim:", StringComparison.OrdinalIgnoreCase))
        {
            return new DeviceAddress(DeviceKind.Simulated, value, value[4..], 0);
        }

        if (value.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseTcp(value);
        }

        if (value.StartsWith("unix:", StringComparison.OrdinalIgnoreCase))
        {
            string path = value[5..];
            if (path.Length == 0)
            {
                throw new InvalidDeviceAddressException($"'{value}': the Unix socket path after 'unix:' is empty, e.g. unix:/tmp/wand.sock.");
            }

            if (path.Length > MaximumUnixPathLength)
            {
                throw new InvalidDeviceAddressException($"'{value}': the Unix socket path is {path.Length} characters long; Linux allows at most {MaximumUnixPathLength}.");
            }

            return new DeviceAddress(DeviceKind.Unix, value, path, 0);
        }

        if (value.StartsWith("serial:", StringComparison.OrdinalIgnoreCase))
        {
            string port = value[7..];
            if (port.Length == 0)
            {
                throw new InvalidDeviceAddressException($"'{value}': the port after 'serial:' is empty, e.g. serial:/dev/ttyUSB0.");
            }

            return new DeviceAddress(DeviceKind.Serial, value, port, 0);
        }

        if (value.StartsWith("ble:", StringComparison.OrdinalIgnoreCase))
        {
            string bluetooth = value[4..].ToUpperInvariant();
            if (!IsBluetoothAddress(bluetooth))
            {
                throw new InvalidDeviceAddressException($"'{value}': '{value[4..]}' is not a Bluetooth address; write six hexadecimal pairs separated by colons, e.g. ble:AA:BB:CC:DD:EE:FF.");
            }

            return new DeviceAddress(DeviceKind.Ble, value, bluetooth, 0);
        }

        throw new InvalidDeviceAddressException($"'{value}' is not a device address. " + Forms);
    }

    private const string Forms = "Use one of: sim, tcp://HOST:PORT, unix:PATH, serial:PORT or ble:AA:BB:CC:DD:EE:FF.";

    private static DeviceAddress ParseTcp(string value)
    {
        string rest = value[6..];
        int colon = rest.LastIndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1)
        {
            throw new InvalidDeviceAddressException($"'{value}': a TCP address needs a host and a port, e.g. tcp://127.0.0.1:4711.");
        }

        string host = rest[..colon];
        string portText = rest[(colon + 1)..];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal))
        {
            throw new InvalidDeviceAddressException($"'{value}': '{rest[..colon]}' is not a host name or IP address.");
        }

        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > 65535)
        {
            throw new InvalidDeviceAddressException($"'{value}': the port '{portText}' must be a number from 1 to 65535.");
        }

        return new DeviceAddress(DeviceKind.Tcp, value, host, port);
    }

    private static bool IsBluetoothAddress(string text)
    {
        if (text.Length != 17)
        {
            return false;
        }

        for (int index = 0; index < text.Length; index++)
        {
            bool separator = index % 3 == 2;
            char character = text[index];
            if (separator ? character != ':' : !char.IsAsciiHexDigit(character))
            {
                return false;
            }
        }

        return true;
    }
}
