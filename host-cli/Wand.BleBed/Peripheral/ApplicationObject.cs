using System;
using Wand.DBus;
using Wand.Protocol.Profile;

namespace Wand.BleBed.Peripheral;

/// <summary>One object of the GATT application: a service, a characteristic or a descriptor, with its properties.</summary>
/// <param name="Path">The object path.</param>
/// <param name="Properties">Its one GATT interface and the properties on it.</param>
/// <param name="Characteristic">The profile characteristic it serves (characteristics and their descriptors), or <c>null</c>.</param>
/// <param name="CharacteristicUuid">That characteristic's UUID, or <see cref="Guid.Empty"/>.</param>
internal sealed record ApplicationObject(ObjectPath Path, PropertySet Properties, CharacteristicDefinition? Characteristic, Guid CharacteristicUuid)
{
    /// <summary>Gets or sets a value indicating whether bluetoothd started notifications (characteristics only).</summary>
    public bool Notifying { get; set; }

    /// <summary>Gets a value indicating whether this is the characteristic itself, not a descriptor or service.</summary>
    public bool IsCharacteristic => Properties.Interface == GattApplicationTree.CharacteristicInterface;
}
