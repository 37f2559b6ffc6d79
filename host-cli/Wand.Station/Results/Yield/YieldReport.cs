using System;
using System.Collections.Generic;

namespace Wand.Host.Results.Yield;

/// <summary>Yield, failures and capability of the runs a <see cref="YieldFilter"/> selects.</summary>
public sealed class YieldReport
{
    /// <summary>Gets the filter the report covers.</summary>
    public required YieldFilter Filter { get; init; }

    /// <summary>Gets where the runs were read, for the report's heading.</summary>
    public required string Location { get; init; }

    /// <summary>Gets the yield of every unit together (key <c>all</c>).</summary>
    public required YieldGroup Overall { get; init; }

    /// <summary>Gets the yield by plan.</summary>
    public IReadOnlyList<YieldGroup> ByPlan { get; init; } = Array.Empty<YieldGroup>();

    /// <summary>Gets the yield by station (of each unit's first run).</summary>
    public IReadOnlyList<YieldGroup> ByStation { get; init; } = Array.Empty<YieldGroup>();

    /// <summary>Gets the yield by UTC day (of each unit's first run), oldest first: the trend.</summary>
    public IReadOnlyList<YieldGroup> ByDay { get; init; } = Array.Empty<YieldGroup>();

    /// <summary>Gets the yield by unit firmware revision (of each unit's first run).</summary>
    public IReadOnlyList<YieldGroup> ByFirmware { get; init; } = Array.Empty<YieldGroup>();

    /// <summary>Gets the failing measurements, most frequent first.</summary>
    public IReadOnlyList<ParetoEntry> Pareto { get; init; } = Array.Empty<ParetoEntry>();

    /// <summary>Gets the capability of each numeric measurement, by name.</summary>
    public IReadOnlyList<CapabilityEntry> Capability { get; init; } = Array.Empty<CapabilityEntry>();

    /// <summary>Gets the histogram of each numeric measurement, in the order of <see cref="Capability"/>.</summary>
    public IReadOnlyList<MeasurementHistogram> Histograms { get; init; } = Array.Empty<MeasurementHistogram>();
}
