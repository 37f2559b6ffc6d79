using System;

namespace Wand.Host.Links.Ble;

/// <summary>
/// The GATT UUIDs the BLE link uses: the one place on the host side. The Wand service values are stand-ins until the
/// protocol table (<c>protocol/PROFILE.md</c>) lands; they equal <c>tests/ble-testbed/wand_uuids.py</c>. SIG values
/// are from the Bluetooth Assigned Numbers.
/// </summary>
public static class WandGattUuids
{
    /// <summary>The Wand service; the discovery filter and the advertising service data key.</summary>
    public static readonly Guid WandService = new("5a1d0001-8f2e-4c6b-9a7d-3e1f0b2c4d5e");

    /// <summary>The control point: write with response, results notified.</summary>
    public static readonly Guid ControlPoint = new("5a1d0002-8f2e-4c6b-9a7d-3e1f0b2c4d5e");

    /// <summary>The status characteristic: read and notify.</summary>
    public static readonly Guid Status = new("5a1d0003-8f2e-4c6b-9a7d-3e1f0b2c4d5e");

    /// <summary>The SIG Battery service, 0x180F.</summary>
    public static readonly Guid BatteryService = new("0000180f-0000-1000-8000-00805f9b34fb");

    /// <summary>The SIG Battery Level characteristic, 0x2A19 (uint8 percent, 0 to 100).</summary>
    public static readonly Guid BatteryLevel = new("00002a19-0000-1000-8000-00805f9b34fb");
}
