using System;

namespace Wand.Host.Results.Yield;

/// <summary>Which runs a yield analysis covers; unset filters match everything.</summary>
public sealed record YieldFilter
{
    /// <summary>Gets the station ID to match exactly.</summary>
    public string? StationId { get; init; }

    /// <summary>Gets the plan name to match exactly.</summary>
    public string? PlanName { get; init; }

    /// <summary>Gets the unit firmware revision to match exactly.</summary>
    public string? FirmwareRevision { get; init; }

    /// <summary>Gets the earliest start time to include (UTC, inclusive).</summary>
    public DateTimeOffset? FromUtc { get; init; }

    /// <summary>Gets the start time to stop before (UTC, exclusive).</summary>
    public DateTimeOffset? UntilUtc { get; init; }

    /// <summary>Checks the filter.</summary>
    /// <returns>The problem, or <see langword="null"/> when the filter is usable.</returns>
    public string? Check() => FromUtc != null && UntilUtc != null && FromUtc >= UntilUtc
        ? $"The date range is empty: from {FromUtc:yyyy-MM-dd HH:mm} is not before until {UntilUtc:yyyy-MM-dd HH:mm} (UTC)."
        : null;
}
