using System;
using System.Globalization;

namespace Wand.Host.TestRuns.Steps;

/// <summary>A value a step returns: a number or text (true/false is text <c>true</c>/<c>false</c>).</summary>
public readonly record struct MeasuredValue
{
    private MeasuredValue(double? number, string? text)
    {
        Number = number;
        Text = text;
    }

    /// <summary>Gets the number, when the value is numeric.</summary>
    public double? Number { get; }

    /// <summary>Gets the text, when the value is text.</summary>
    public string? Text { get; }

    /// <summary>Makes a numeric value.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The value.</returns>
    public static MeasuredValue Of(double value) => new(value, null);

    /// <summary>Makes a text value.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The value.</returns>
    public static MeasuredValue Of(string value) => new(null, value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>Makes a true/false value, as text.</summary>
    /// <param name="value">The flag.</param>
    /// <returns>The value.</returns>
    public static MeasuredValue Of(bool value) => new(null, value ? "true" : "false");

    /// <summary>Formats the value in invariant culture.</summary>
    /// <returns>The number or the text.</returns>
    public override string ToString() => Number?.ToString("G6", CultureInfo.InvariantCulture) ?? Text ?? string.Empty;
}
