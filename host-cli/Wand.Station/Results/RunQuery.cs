using System;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.Results;

/// <summary>Filters for <see cref="IResultsStore.ListRunsAsync"/>; unset filters match everything.</summary>
public sealed record RunQuery
{
    /// <summary>Gets the serial number to match exactly.</summary>
    public string? DutSerial { get; init; }

    /// <summary>Gets the plan name to match exactly.</summary>
    public string? PlanName { get; init; }

    /// <summary>Gets the outcome to match.</summary>
    public RunOutcome? Outcome { get; init; }

    /// <summary>Gets the earliest start time to include (UTC).</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets a value indicating whether to list only the runs a station has not yet handed on to the line database (station files only).</summary>
    public bool PendingForwardOnly { get; init; }

    /// <summary>Gets the most runs to return, 1 to 10000.</summary>
    public int Limit { get; init; } = 50;
}
