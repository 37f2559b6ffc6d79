using System;
using System.CommandLine;
using System.Globalization;
using Wand.Host.Results.Yield;

namespace Wand.Cli.TestRuns;

/// <summary>The filters of <c>results yield</c> and <c>results report</c>, and reading them into a <see cref="YieldFilter"/>.</summary>
internal static class YieldFilterOptions
{
    public static readonly Option<string> Station = new("--station-id") { Description = "Only runs of this station ID." };

    public static readonly Option<string> Plan = new("--plan") { Description = "Only runs of this plan name." };

    public static readonly Option<string> Firmware = new("--firmware") { Description = "Only runs of units with this firmware revision." };

    public static readonly Option<string> From = new("--from") { Description = "Only runs started on or after this UTC date (YYYY-MM-DD) or time (ISO 8601, for example 2026-11-20T08:00Z)." };

    public static readonly Option<string> Until = new("--until") { Description = "Only runs started before this UTC time, or up to the end of this UTC date (YYYY-MM-DD)." };

    /// <summary>Adds the options to a command.</summary>
    /// <param name="command">The command.</param>
    public static void AddTo(Command command)
    {
        command.Options.Add(Station);
        command.Options.Add(Plan);
        command.Options.Add(Firmware);
        command.Options.Add(From);
        command.Options.Add(Until);
    }

    /// <summary>Reads the filter.</summary>
    /// <param name="parseResult">The parsed command line.</param>
    /// <returns>The filter.</returns>
    /// <exception cref="ArgumentException">A date is malformed or the range is empty; the message names the option.</exception>
    public static YieldFilter Read(ParseResult parseResult)
    {
        YieldFilter filter = new()
        {
            StationId = parseResult.GetValue(Station),
            PlanName = parseResult.GetValue(Plan),
            FirmwareRevision = parseResult.GetValue(Firmware),
            FromUtc = Time(parseResult.GetValue(From), "--from", endOfDay: false),
            UntilUtc = Time(parseResult.GetValue(Until), "--until", endOfDay: true),
        };
        return filter.Check() is { } problem ? throw new ArgumentException(problem) : filter;
    }

    private static DateTimeOffset? Time(string? text, string option, bool endOfDay)
    {
        if (text == null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            DateTimeOffset start = new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out DateTimeOffset time))
        {
            return time;
        }

        throw new ArgumentException($"{option} '{text}' is not a date or time: use YYYY-MM-DD (UTC) or ISO 8601 such as 2026-11-20T08:00Z.");
    }
}
