using System;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Host;

/// <summary>Conversions between the protocol library's <see cref="GattUuid"/> and <see cref="Guid"/>.</summary>
public static class GattUuidConversions
{
    /// <summary>Converts to a <see cref="Guid"/> with the same canonical text.</summary>
    /// <param name="uuid">The UUID.</param>
    /// <returns>The GUID.</returns>
    public static Guid ToGuid(this GattUuid uuid)
    {
        ArgumentNullException.ThrowIfNull(uuid);
        byte[] bytes = new byte[GattUuid.Length];
        uuid.CopyGuidBytes(bytes, 0);
        return new Guid(bytes);
    }

    /// <summary>Finds the characteristic with a GUID.</summary>
    /// <param name="uuid">The characteristic UUID.</param>
    /// <returns>The table entry, or <c>null</c> when the profile has no such characteristic.</returns>
    public static CharacteristicDefinition? FindCharacteristic(Guid uuid)
    {
        int index = WandProfile.IndexOfUuid(uuid.ToString("D"));
        return index < 0 ? null : WandProfile.Characteristic(index);
    }
}
