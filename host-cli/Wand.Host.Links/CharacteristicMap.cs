using System;
using Wand.Protocol.Host;
using Wand.Protocol.Profile;

namespace Wand.Host.Links;

/// <summary>
/// The host's one map between the profile table's UUIDs and its stable indexes (PROFILE.md §2), for characteristics and
/// services. Every host assembly (links, Bluetooth, station) looks UUIDs up here.
/// </summary>
public static class CharacteristicMap
{
    private static readonly Guid[] Uuids = BuildUuids();
    private static readonly Guid[] ServiceUuids = BuildServiceUuids();

    /// <summary>Gets a characteristic's UUID by index.</summary>
    /// <param name="index">Index, 0 to <see cref="WandProfile.CharacteristicCount"/> − 1.</param>
    /// <returns>The UUID.</returns>
    public static Guid UuidOf(int index) => Uuids[index];

    /// <summary>Gets a characteristic's UUID.</summary>
    /// <param name="definition">The characteristic's row of the profile table.</param>
    /// <returns>The UUID.</returns>
    public static Guid UuidOf(CharacteristicDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return Uuids[definition.Index];
    }

    /// <summary>Gets a service's UUID by index.</summary>
    /// <param name="index">Index, 0 to <see cref="WandProfile.ServiceCount"/> − 1.</param>
    /// <returns>The UUID.</returns>
    public static Guid ServiceUuidOf(int index) => ServiceUuids[index];

    /// <summary>Finds a characteristic's index by UUID.</summary>
    /// <param name="uuid">The UUID.</param>
    /// <param name="index">The index when found.</param>
    /// <returns><c>true</c> when the profile has the characteristic.</returns>
    public static bool TryIndexOf(Guid uuid, out int index)
    {
        index = Array.IndexOf(Uuids, uuid);
        return index >= 0;
    }

    /// <summary>Gets a characteristic's profile name, or the UUID text when it is not in the profile.</summary>
    /// <param name="uuid">The UUID.</param>
    /// <returns>The name, e.g. <c>status</c>.</returns>
    public static string NameOf(Guid uuid) => TryIndexOf(uuid, out int index) ? WandProfile.Characteristic(index).Name : uuid.ToString();

    private static Guid[] BuildUuids()
    {
        Guid[] uuids = new Guid[WandProfile.CharacteristicCount];
        for (int index = 0; index < uuids.Length; index++)
        {
            uuids[index] = WandProfile.Characteristic(index).Uuid.ToGuid();
        }

        return uuids;
    }

    private static Guid[] BuildServiceUuids()
    {
        Guid[] uuids = new Guid[WandProfile.ServiceCount];
        for (int index = 0; index < uuids.Length; index++)
        {
            uuids[index] = WandProfile.Service(index).Uuid.ToGuid();
        }

        return uuids;
    }
}
