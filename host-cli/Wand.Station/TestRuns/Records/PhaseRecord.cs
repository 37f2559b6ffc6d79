using System;
using System.Collections.Generic;

namespace Wand.Host.TestRuns.Records;

/// <summary>One phase of a run as it happened.</summary>
public sealed class PhaseRecord
{
    /// <summary>Gets the phase name from the plan (setup and teardown are named <c>setup</c> and <c>teardown</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the outcome.</summary>
    public PhaseOutcome Outcome { get; init; }

    /// <summary>Gets how many times the phase ran, 0 (skipped) to 1 + its retries.</summary>
    public int Attempts { get; init; }

    /// <summary>Gets when the last attempt started (UTC).</summary>
    public DateTimeOffset StartedUtc { get; init; }

    /// <summary>Gets how long all attempts took on the station's clock, in milliseconds.</summary>
    public double DurationMilliseconds { get; init; }

    /// <summary>Gets the device time at the start of the last attempt, in milliseconds (virtual time on virtual wands).</summary>
    public double DeviceStartMilliseconds { get; init; }

    /// <summary>Gets the device time at the end of the phase, in milliseconds.</summary>
    public double DeviceEndMilliseconds { get; init; }

    /// <summary>Gets why the phase did not pass; empty when it passed.</summary>
    public string Message { get; init; } = string.Empty;

    /// <summary>Gets the requirement IDs the phase covers, for example <c>SR-5</c>.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = Array.Empty<string>();

    /// <summary>Gets the measurements of the last attempt, in plan order.</summary>
    public IReadOnlyList<MeasurementRecord> Measurements { get; init; } = Array.Empty<MeasurementRecord>();
}
