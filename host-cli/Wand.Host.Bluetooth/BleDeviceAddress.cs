using System;
using System.Globalization;

namespace Wand.Host.Links.Ble;

/// <summary>A <c>ble:AA:BB:CC:DD:EE:FF</c> device address (HC-1).</summary>
public sealed class BleDeviceAddress
{
    /// <summary>The address scheme, <c>ble:</c>.</summary>
    public const string Scheme = "ble:";

    private BleDeviceAddress(string bluetoothAddress) => BluetoothAddress = bluetoothAddress;

    /// <summary>Gets the Bluetooth address in upper case with colons, for example <c>AA:BB:CC:DD:EE:FF</c>.</summary>
    public string BluetoothAddress { get; }

    /// <summary>Gets the object path element BlueZ uses, for example <c>dev_AA_BB_CC_DD_EE_FF</c>.</summary>
    public string ObjectName => "dev_" + BluetoothAddress.Replace(':', '_');

    /// <summary>Parses <c>ble:AA:BB:CC:DD:EE:FF</c> (case-insensitive hex).</summary>
    /// <param name="text">The device address.</param>
    /// <returns>The parsed address.</returns>
    /// <exception cref="InvalidDeviceAddressException">The text is not of that form; the message names the part.</exception>
    public static BleDeviceAddress Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDeviceAddressException($"'{text}' is not a BLE address: it must start with '{Scheme}'.");
        }

        string address = text[Scheme.Length..];
        string[] octets = address.Split(':');
        if (octets.Length != 6)
        {
            throw new InvalidDeviceAddressException($"'{text}': a Bluetooth address has six octets separated by ':', for example ble:AA:BB:CC:DD:EE:FF.");
        }

        for (int index = 0; index < octets.Length; index++)
        {
            if (octets[index].Length != 2 || !byte.TryParse(octets[index], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
            {
                throw new InvalidDeviceAddressException($"'{text}': octet {index + 1} ('{octets[index]}') is not two hex digits.");
            }
        }

        return new BleDeviceAddress(address.ToUpperInvariant());
    }

    /// <inheritdoc/>
    public override string ToString() => Scheme + BluetoothAddress;
}
