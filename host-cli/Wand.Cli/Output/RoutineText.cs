using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wand.Host.Client;
using Wand.Protocol.Vocabulary;

namespace Wand.Cli.Output;

/// <summary>Names and text of routines, steps and history entries for the CLI.</summary>
internal static class RoutineText
{
    /// <summary>The routine names the CLI accepts, in number order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Enum.GetValues<RoutineKind>().Where(kind => kind != RoutineKind.None).Select(Name)];

    /// <summary>Gives a routine's command-line name: "infant-full-body", "tummy-wind", "bedtime-wind-down", "lactation".</summary>
    /// <param name="kind">The routine.</param>
    /// <returns>The name.</returns>
    public static string Name(RoutineKind kind) => Kebab(kind.ToString());

    /// <summary>Parses a routine name (any case, or its number 1 to 4).</summary>
    /// <param name="text">The name.</param>
    /// <param name="kind">The routine.</param>
    /// <returns><c>true</c> when it names a built-in routine.</returns>
    public static bool TryParse(string? text, out RoutineKind kind)
    {
        kind = RoutineKind.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        foreach (RoutineKind candidate in Enum.GetValues<RoutineKind>())
        {
            if (candidate != RoutineKind.None
                && (string.Equals(Name(candidate), text.Trim(), StringComparison.OrdinalIgnoreCase) || text.Trim() == ((int)candidate).ToString(CultureInfo.InvariantCulture)))
            {
                kind = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>Describes a body area in words.</summary>
    /// <param name="area">The area.</param>
    /// <returns>For example "arms and hands".</returns>
    public static string Area(BodyArea area) => Kebab(area.ToString()).Replace('-', ' ');

    /// <summary>Describes a step's drive.</summary>
    /// <param name="level">0 (hands only) to 5.</param>
    /// <param name="pattern">The pattern.</param>
    /// <returns>For example "wave, level 2" or "hands only".</returns>
    public static string Drive(int level, PatternKind pattern) =>
        level == 0 ? "hands only" : string.Create(CultureInfo.InvariantCulture, $"{pattern.ToString().ToLowerInvariant()}, level {level}");

    /// <summary>One line for the routine's present step or cue.</summary>
    /// <param name="progress">The progress.</param>
    /// <returns>The line.</returns>
    public static string Line(WandRoutineProgress progress)
    {
        string step = string.Create(CultureInfo.InvariantCulture, $"step {progress.StepIndex + 1}/{progress.StepCount} {Area(progress.Area)} ({Drive(progress.Level, progress.Pattern)})");
        string text = progress.InCue ? $"cue (double pulse), next: {step}" : step;
        return progress.Paused ? text + ", paused" : text;
    }

    private static string Kebab(string pascal)
    {
        StringBuilder builder = new();
        foreach (char character in pascal)
        {
            if (char.IsUpper(character) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(character));
        }

        return builder.ToString();
    }
}
