namespace Wand.Host.TestRuns.Records;

/// <summary>One judged measurement: its value, its limits and its outcome. Limits are inclusive.</summary>
public sealed class MeasurementRecord
{
    /// <summary>Gets the measurement's name, unique in the plan, for example <c>level-3-amplitude</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the units of the value and limits, for example <c>g</c>, <c>V</c>, <c>ms</c>; empty for text.</summary>
    public string Units { get; init; } = string.Empty;

    /// <summary>Gets what the measurement checks, for people.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Gets the requirement IDs it covers, for example <c>SR-7</c>.</summary>
    public string Requirement { get; init; } = string.Empty;

    /// <summary>Gets the numeric value, when the value is a number.</summary>
    public double? NumericValue { get; init; }

    /// <summary>Gets the text value, when the value is text.</summary>
    public string? TextValue { get; init; }

    /// <summary>Gets the lowest passing value (inclusive), if any.</summary>
    public double? Minimum { get; init; }

    /// <summary>Gets the highest passing value (inclusive), if any.</summary>
    public double? Maximum { get; init; }

    /// <summary>Gets the lowest value that is not marginal (inclusive), if any.</summary>
    public double? MarginalMinimum { get; init; }

    /// <summary>Gets the highest value that is not marginal (inclusive), if any.</summary>
    public double? MarginalMaximum { get; init; }

    /// <summary>Gets the exact expected value (text or number in invariant text), if any.</summary>
    public string? Expected { get; init; }

    /// <summary>Gets the regular expression a text value must match, if any.</summary>
    public string? Pattern { get; init; }

    /// <summary>Gets the outcome.</summary>
    public MeasurementOutcome Outcome { get; init; }

    /// <summary>Gets a value indicating whether a passing value lies outside the marginal limits.</summary>
    public bool Marginal { get; init; }

    /// <summary>Gets why the measurement failed or was not set; empty when it passed.</summary>
    public string Message { get; init; } = string.Empty;
}
