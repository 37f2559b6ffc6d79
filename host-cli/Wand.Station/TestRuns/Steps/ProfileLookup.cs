using System;
using System.Collections.Generic;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Wand.Host.Links;
using Wand.Host.TestRuns.Plans;

namespace Wand.Host.TestRuns.Steps;

/// <summary>Characteristic and error names as plans spell them, from the profile table.</summary>
public static class ProfileLookup
{
    /// <summary>Gets every characteristic's profile name with its definition.</summary>
    public static IReadOnlyDictionary<string, int> Characteristics { get; } = BuildCharacteristics();

    /// <summary>Gets every ATT error name (<c>level-out-of-range</c>, <c>insufficient-authorization</c>, …) with its code.</summary>
    public static IReadOnlyDictionary<string, AttError> AttErrors { get; } = Names.Table<AttError>();

    /// <summary>Gets every command result name (<c>success</c>, <c>no-head</c>, <c>charging</c>, …).</summary>
    public static IReadOnlyDictionary<string, CommandResult> CommandResults { get; } = Names.Table<CommandResult>();

    /// <summary>Reads a characteristic name from a plan node.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The definition, or <c>null</c> (error reported with the valid names).</returns>
    public static CharacteristicDefinition? ReadCharacteristic(PlanNode? node)
    {
        int? index = node?.AsChoice(Characteristics);
        return index is int value ? WandProfile.Characteristic(value) : null;
    }

    /// <summary>Gets a characteristic's UUID as a <see cref="Guid"/>.</summary>
    /// <param name="definition">The characteristic.</param>
    /// <returns>The UUID.</returns>
    public static Guid Uuid(CharacteristicDefinition definition) => CharacteristicMap.UuidOf(definition);

    /// <summary>Names an ATT error code the plan's way.</summary>
    /// <param name="code">The code.</param>
    /// <returns>For example <c>level-out-of-range</c>; <c>none</c> for 0.</returns>
    public static string AttErrorName(byte code) => code == 0 ? "none" : Names.Of((AttError)code);

    private static Dictionary<string, int> BuildCharacteristics()
    {
        Dictionary<string, int> table = new(StringComparer.Ordinal);
        for (int index = 0; index < WandProfile.CharacteristicCount; index++)
        {
            table.Add(WandProfile.Characteristic(index).Name, index);
        }

        return table;
    }
}
