using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wand.Host.TestRuns.Plans;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// A condition on status fields, all of which must hold: <c>{state: running, drive-level: {min: 2.9}, charging: true}</c>.
/// A plain value must equal the field; <c>{min, max}</c> bounds a number (inclusive).
/// </summary>
public sealed class StatusCondition
{
    private readonly List<(string Field, string? Expected, double? Minimum, double? Maximum)> terms = [];

    private StatusCondition()
    {
    }

    /// <summary>Reads a condition; field names are checked against the status fields.</summary>
    /// <param name="node">The mapping node.</param>
    /// <returns>The condition, or <c>null</c> (errors reported).</returns>
    public static StatusCondition? Parse(PlanNode node) => Parse(node, "status");

    /// <summary>Reads a condition on the fields of a readable characteristic (status, routine, …).</summary>
    /// <param name="node">The mapping node.</param>
    /// <param name="characteristic">The characteristic whose fields the condition names.</param>
    /// <returns>The condition, or <c>null</c> (errors reported).</returns>
    public static StatusCondition? Parse(PlanNode node, string characteristic)
    {
        ArgumentNullException.ThrowIfNull(node);
        IReadOnlyCollection<string> known = CharacteristicFields.Of(characteristic);
        PlanMap? map = node.AsMap([.. known]);
        if (map == null)
        {
            return null;
        }

        if (!map.Keys.Any())
        {
            node.Error($"'{node.Path}' needs at least one {characteristic} field, for example state: running.");
            return null;
        }

        StatusCondition condition = new();
        bool valid = true;
        foreach (string field in map.Keys.Where(known.Contains))
        {
            PlanNode value = map.Get(field)!;
            if (value.IsMapping)
            {
                PlanMap? range = value.AsMap("min", "max");
                double? minimum = range?.Number("min");
                double? maximum = range?.Number("max");
                if (minimum == null && maximum == null)
                {
                    value.Error($"'{value.Path}' needs min, max or both.");
                    valid = false;
                }

                condition.terms.Add((field, null, minimum, maximum));
            }
            else
            {
                string? text = value.AsText();
                valid &= text != null;
                condition.terms.Add((field, text, null, null));
            }
        }

        return valid && map.Keys.All(known.Contains) ? condition : null;
    }

    /// <summary>Tells whether the fields satisfy every term.</summary>
    /// <param name="fields">Decoded status fields.</param>
    /// <returns><c>true</c> if all hold.</returns>
    public bool IsMet(IReadOnlyDictionary<string, MeasuredValue> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        foreach ((string field, string? equals, double? minimum, double? maximum) in terms)
        {
            if (!fields.TryGetValue(field, out MeasuredValue value))
            {
                return false;
            }

            if (equals != null && !Matches(value, equals))
            {
                return false;
            }

            if ((minimum != null || maximum != null) && (value.Number is not double number || number < (minimum ?? double.MinValue) || number > (maximum ?? double.MaxValue)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes the condition, for messages.</summary>
    /// <returns>For example <c>state = running, drive-level ≥ 2.9</c>.</returns>
    public override string ToString() => string.Join(", ", terms.Select(term =>
        term.Expected != null ? $"{term.Field} = {term.Expected}"
        : string.Create(CultureInfo.InvariantCulture, $"{term.Field} in [{term.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-inf"}, {term.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "inf"}]")));

    /// <summary>Describes the fields the condition looks at, for messages.</summary>
    /// <param name="fields">Decoded status fields.</param>
    /// <returns>For example <c>state = idle, drive-level = 0</c>.</returns>
    public string Describe(IReadOnlyDictionary<string, MeasuredValue> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return string.Join(", ", terms.Select(term => $"{term.Field} = {(fields.TryGetValue(term.Field, out MeasuredValue value) ? value.ToString() : "?")}"));
    }

    private static bool Matches(MeasuredValue value, string expected)
    {
        if (value.Number is double number)
        {
            return double.TryParse(expected, NumberStyles.Float, CultureInfo.InvariantCulture, out double wanted) && Math.Abs(number - wanted) < 1e-9;
        }

        return string.Equals(value.Text, expected, StringComparison.Ordinal);
    }
}
