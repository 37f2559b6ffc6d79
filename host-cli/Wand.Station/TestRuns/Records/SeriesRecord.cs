using System;
using System.Collections.Generic;

namespace Wand.Host.TestRuns.Records;

/// <summary>A time series recorded during a run, for plots: drive level, head temperature, vibration amplitude, …</summary>
public sealed class SeriesRecord
{
    /// <summary>Gets the series name, for example <c>drive-level</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the units of the values.</summary>
    public string Units { get; init; } = string.Empty;

    /// <summary>Gets the points in time order.</summary>
    public IReadOnlyList<SeriesPoint> Points { get; init; } = Array.Empty<SeriesPoint>();
}

/// <summary>One point of a <see cref="SeriesRecord"/>.</summary>
/// <param name="TimeMilliseconds">Device time, in milliseconds since the device booted (virtual time on virtual wands).</param>
/// <param name="Value">The value, in the series' units.</param>
public readonly record struct SeriesPoint(double TimeMilliseconds, double Value);
