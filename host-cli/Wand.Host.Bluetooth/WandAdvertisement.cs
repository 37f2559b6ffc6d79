using System;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Links.Ble;

/// <summary>
/// The service data a wand may advertise under the Wand service UUID: byte 0 layout version (1), byte 1 head identity,
/// byte 2 battery percent (0 to 100). <c>protocol/PROFILE.md</c> §13 reserves this layout for a scan response; version
/// 1.0 firmware sends no service data (no room next to the 128-bit UUID), so a scan shows head and battery only for
/// wands that send it (the test bed does).
/// </summary>
/// <param name="Head">The attached head.</param>
/// <param name="BatteryPercent">Battery charge, 0 to 100 %.</param>
public sealed record WandAdvertisement(HeadIdentity Head, int BatteryPercent)
{
    /// <summary>Decodes the service data, when it has the expected layout.</summary>
    /// <param name="serviceData">The bytes under the Wand service UUID.</param>
    /// <param name="advertisement">The decoded content.</param>
    /// <returns><c>true</c> when decoded; <c>false</c> for an unknown layout or an out-of-range battery value.</returns>
    public static bool TryDecode(ReadOnlySpan<byte> serviceData, out WandAdvertisement? advertisement)
    {
        advertisement = null;
        if (serviceData.Length < 3 || serviceData[0] != 1 || serviceData[2] > 100)
        {
            return false;
        }

        advertisement = new WandAdvertisement((HeadIdentity)serviceData[1], serviceData[2]);
        return true;
    }
}
