using System;
using Wand.Protocol.Profile;

namespace Wand.Host.Links.Ble;

/// <summary>
/// The GATT UUIDs the BLE link names, taken from the host's one UUID map (<see cref="CharacteristicMap"/>) of the
/// protocol library's table (<see cref="WandProfile"/>), the one source for UUIDs on the host, the firmware and the BLE
/// test bed.
/// </summary>
public static class WandGattUuids
{
    /// <summary>The Wand service; the discovery filter and the advertising service data key.</summary>
    public static readonly Guid WandService = ServiceUuid(WandProfile.WandServiceIndex);

    /// <summary>The control point: write with response, results notified.</summary>
    public static readonly Guid ControlPoint = CharacteristicUuid(WandProfile.ControlPointIndex);

    /// <summary>The status characteristic: read and notify.</summary>
    public static readonly Guid Status = CharacteristicUuid(WandProfile.StatusIndex);

    /// <summary>The SIG Battery service, 0x180F.</summary>
    public static readonly Guid BatteryService = ServiceUuid(WandProfile.BatteryServiceIndex);

    /// <summary>The SIG Battery Level characteristic, 0x2A19 (uint8 percent, 0 to 100).</summary>
    public static readonly Guid BatteryLevel = CharacteristicUuid(WandProfile.BatteryLevelIndex);

    /// <summary>Gets a service's UUID by its index in the profile table.</summary>
    /// <param name="index">0 to <see cref="WandProfile.ServiceCount"/> − 1.</param>
    /// <returns>The UUID.</returns>
    public static Guid ServiceUuid(int index) => CharacteristicMap.ServiceUuidOf(index);

    /// <summary>Gets a characteristic's UUID by its index in the profile table.</summary>
    /// <param name="index">0 to <see cref="WandProfile.CharacteristicCount"/> − 1.</param>
    /// <returns>The UUID.</returns>
    public static Guid CharacteristicUuid(int index) => CharacteristicMap.UuidOf(index);
}
