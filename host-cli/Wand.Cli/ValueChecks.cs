using System;
using System.Globalization;
using Wand.Protocol.Vocabulary;

namespace Wand.Cli;

/// <summary>
/// Range checks of command-line values that the parser lets through: enum values given as numbers and non-finite
/// numbers. Each returns the problem as a message naming the option, or <c>null</c>; commands run them before
/// anything is sent to a wand.
/// </summary>
internal static class ValueChecks
{
    /// <summary>Checks a pattern: System.CommandLine accepts any number for an enum, the wand knows four patterns.</summary>
    /// <param name="name">The option or argument as the user wrote it, e.g. <c>--pattern</c>.</param>
    /// <param name="pattern">The parsed value, or <c>null</c> when not given.</param>
    /// <returns>The problem, or <c>null</c>.</returns>
    public static string? Pattern(string name, PatternKind? pattern) =>
        pattern is { } value && !Enum.IsDefined(value)
            ? $"{name} {(int)value} is not a pattern; use {string.Join(", ", Enum.GetNames<PatternKind>())} (or 0 to {Enum.GetValues<PatternKind>().Length - 1})."
            : null;

    /// <summary>Checks a number of seconds: finite and inside a range.</summary>
    /// <param name="name">The option, e.g. <c>--for</c>.</param>
    /// <param name="seconds">The value, or <c>null</c> when not given.</param>
    /// <param name="minimum">The smallest allowed value, seconds.</param>
    /// <param name="maximum">The largest allowed value, seconds.</param>
    /// <returns>The problem, or <c>null</c>.</returns>
    public static string? Seconds(string name, double? seconds, double minimum, double maximum) =>
        seconds is { } value && !(double.IsFinite(value) && value >= minimum && value <= maximum)
            ? $"{name} {value.ToString(CultureInfo.InvariantCulture)} is outside {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)} seconds."
            : null;
}
