using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wand.Host.TestRuns.Steps;

/// <summary>Plan spelling of enum values: lower case with hyphens, for example <c>SoftDome</c> → <c>soft-dome</c>.</summary>
public static class Names
{
    /// <summary>Spells an enum value the plan's way.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hyphenated lower-case name, or the number when the value is undefined.</returns>
    public static string Of<T>(T value)
        where T : struct, Enum
    {
        string name = value.ToString();
        if (name.Length > 0 && (char.IsDigit(name[0]) || name[0] == '-'))
        {
            return name;
        }

        StringBuilder builder = new(name.Length + 4);
        for (int index = 0; index < name.Length; index++)
        {
            char character = name[index];
            if (char.IsUpper(character) && index > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString();
    }

    /// <summary>Builds a name-to-value table of an enum, for plan parsing.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <returns>The table, in declaration order.</returns>
    public static IReadOnlyDictionary<string, T> Table<T>()
        where T : struct, Enum
    {
        Dictionary<string, T> table = new(StringComparer.Ordinal);
        foreach (T value in Enum.GetValues<T>().Distinct())
        {
            table.TryAdd(Of(value), value);
        }

        return table;
    }
}
