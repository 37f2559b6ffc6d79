using System;
using System.Globalization;
using System.Text.RegularExpressions;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.TestRuns.Plans;

/// <summary>
/// A measurement declared in a plan: which step field it takes, its units and its limits (OpenHTF's
/// <c>in_range</c> with marginal limits, <c>equals</c>, <c>matches_regex</c>). Limits are inclusive; a value outside
/// the marginal limits but inside the limits passes and is flagged marginal.
/// </summary>
public sealed class MeasurementSpec
{
    /// <summary>Gets the name, unique in the plan: lower case letters, digits and hyphens.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the step field measured.</summary>
    public required string Field { get; init; }

    /// <summary>Gets the units, for example <c>g</c>, <c>V</c>, <c>ms</c>.</summary>
    public string Units { get; init; } = string.Empty;

    /// <summary>Gets what the measurement checks.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the requirement IDs it covers.</summary>
    public string Requirement { get; init; } = string.Empty;

    /// <summary>Gets the lowest passing value, if any.</summary>
    public double? Minimum { get; init; }

    /// <summary>Gets the highest passing value, if any.</summary>
    public double? Maximum { get; init; }

    /// <summary>Gets the lowest value that is not marginal, if any.</summary>
    public double? MarginalMinimum { get; init; }

    /// <summary>Gets the highest value that is not marginal, if any.</summary>
    public double? MarginalMaximum { get; init; }

    /// <summary>Gets the exact expected value (text, or a number written as text), if any.</summary>
    public string? Expected { get; init; }

    /// <summary>Gets the regular expression a text value must match, if any.</summary>
    public Regex? Pattern { get; init; }

    /// <summary>Gets where the measurement is declared.</summary>
    public SourceLocation Location { get; init; }

    /// <summary>Judges a value against the limits.</summary>
    /// <param name="value">The step's field, or <c>null</c> when the step did not return it.</param>
    /// <returns>The judged record.</returns>
    public MeasurementRecord Judge(MeasuredValue? value)
    {
        if (value is not MeasuredValue actual)
        {
            return Record(null, MeasurementOutcome.Unset, false, $"The step returned no '{Field}'.");
        }

        string? failure = null;
        bool marginal = false;
        if (Expected != null)
        {
            bool equal = actual.Number is double number
                ? double.TryParse(Expected, NumberStyles.Float, CultureInfo.InvariantCulture, out double wanted) && Math.Abs(number - wanted) <= 1e-9 * Math.Max(1, Math.Abs(wanted))
                : string.Equals(actual.Text, Expected, StringComparison.Ordinal);
            failure = equal ? null : $"expected {Expected}, got {actual}";
        }
        else if (Pattern != null)
        {
            failure = Pattern.IsMatch(actual.ToString()) ? null : $"'{actual}' does not match /{Pattern}/";
        }
        else if (Minimum != null || Maximum != null)
        {
            if (actual.Number is not double number)
            {
                failure = $"expected a number, got '{actual}'";
            }
            else if (double.IsNaN(number) || number < (Minimum ?? double.NegativeInfinity) || number > (Maximum ?? double.PositiveInfinity))
            {
                failure = string.Create(CultureInfo.InvariantCulture, $"{actual} {Units} is outside {Range(Minimum, Maximum)}").Replace("  ", " ", StringComparison.Ordinal);
            }
            else
            {
                marginal = number < (MarginalMinimum ?? double.NegativeInfinity) || number > (MarginalMaximum ?? double.PositiveInfinity);
            }
        }

        return failure == null
            ? Record(actual, MeasurementOutcome.Pass, marginal, marginal ? string.Create(CultureInfo.InvariantCulture, $"marginal: outside {Range(MarginalMinimum, MarginalMaximum)}") : string.Empty)
            : Record(actual, MeasurementOutcome.Fail, false, failure + ".");
    }

    /// <summary>Makes the record of a measurement that was never taken (its step did not run).</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The record, outcome <see cref="MeasurementOutcome.Unset"/>.</returns>
    public MeasurementRecord NotTaken(string reason) => Record(null, MeasurementOutcome.Unset, false, reason);

    /// <summary>Makes the record of a measurement whose step failed before it could give the value.</summary>
    /// <param name="reason">What the unit did wrong.</param>
    /// <returns>The record, outcome <see cref="MeasurementOutcome.Fail"/>.</returns>
    public MeasurementRecord Failed(string reason) => Record(null, MeasurementOutcome.Fail, false, reason);

    private static string Range(double? minimum, double? maximum)
        => string.Create(CultureInfo.InvariantCulture, $"[{minimum?.ToString("G6", CultureInfo.InvariantCulture) ?? "-inf"}, {maximum?.ToString("G6", CultureInfo.InvariantCulture) ?? "+inf"}]");

    private MeasurementRecord Record(MeasuredValue? value, MeasurementOutcome outcome, bool marginal, string message) => new()
    {
        Name = Name,
        Units = Units,
        Description = Description,
        Requirement = Requirement,
        NumericValue = value?.Number,
        TextValue = value?.Text,
        Minimum = Minimum,
        Maximum = Maximum,
        MarginalMinimum = MarginalMinimum,
        MarginalMaximum = MarginalMaximum,
        Expected = Expected,
        Pattern = Pattern?.ToString(),
        Outcome = outcome,
        Marginal = marginal,
        Message = message,
    };
}
