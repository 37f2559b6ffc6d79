using System;

namespace Wand.Host.Results;

/// <summary>One line of a run listing.</summary>
public sealed record RunSummary
{
    /// <summary>Gets the run ID.</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Gets the plan version.</summary>
    public string PlanVersion { get; init; } = string.Empty;

    /// <summary>Gets the unit's serial number.</summary>
    public required string DutSerial { get; init; }

    /// <summary>Gets the station ID.</summary>
    public required string StationId { get; init; }

    /// <summary>Gets when the run started (UTC).</summary>
    public DateTimeOffset StartedUtc { get; init; }

    /// <summary>Gets the run's duration, in milliseconds.</summary>
    public double DurationMilliseconds { get; init; }

    /// <summary>Gets the outcome, upper case: PASS, FAIL, ERROR, TIMEOUT or ABORTED.</summary>
    public required string Outcome { get; init; }

    /// <summary>Gets a value indicating whether a passing measurement was marginal.</summary>
    public bool Marginal { get; init; }

    /// <summary>Gets which retest of its unit under the plan the run is: 0 for the unit's first run.</summary>
    public int Retest { get; init; }

    /// <summary>Gets the number of failed measurements.</summary>
    public int FailedMeasurements { get; init; }

    /// <summary>
    /// Gets whether a station's own store has handed the run on to the line database (store and forward): <see langword="false"/>
    /// while it is pending; <see langword="null"/> in the line database itself, which forwards nothing.
    /// </summary>
    public bool? Forwarded { get; init; }
}
