using System;

namespace Wand.Host.TestRuns.Running;

/// <summary>Who and where: the station's identity and overrides for one run.</summary>
public sealed record RunOptions
{
    /// <summary>Gets the station ID, for example <c>eol-01</c>; defaults to the host name.</summary>
    public string StationId { get; init; } = Environment.MachineName.ToLowerInvariant();

    /// <summary>Gets the operator's name, if known.</summary>
    public string Operator { get; init; } = string.Empty;

    /// <summary>Gets the serial number to record instead of the plan's or the unit's, if given.</summary>
    public string? DutSerial { get; init; }

    /// <summary>
    /// Gets the serial the operator scanned for this unit (HC-5), or <c>null</c>. When the unit's Device Information
    /// serial differs, the run ends in ERROR after setup, before any phase tests the unit, and teardown runs.
    /// </summary>
    public string? ExpectedSerial { get; init; }

    /// <summary>Gets the version of the host software, for the record.</summary>
    public string HostVersion { get; init; } = typeof(RunOptions).Assembly.GetName().Version?.ToString() ?? string.Empty;

    /// <summary>Gets the longest time teardown may take after a Ctrl-C or error, in seconds.</summary>
    public double TeardownTimeoutSeconds { get; init; } = 30;

    /// <summary>Gets the station's fixture actions (HC-4) for <c>fixture</c> steps, or <c>null</c> when it has none.</summary>
    public Wand.Host.TestRuns.Fixture.IFixtureActions? FixtureActions { get; init; }

    /// <summary>
    /// Gets the results store whose earlier runs of the same serial under the same plan make this run a retest
    /// (<see cref="Wand.Host.TestRuns.Records.TestRecord.Retest"/>), or <c>null</c> when the run is not stored.
    /// </summary>
    public Wand.Host.Results.IResultsStore? History { get; init; }

    /// <summary>Gets the station's instruments with their identities, for the record.</summary>
    public System.Collections.Generic.IReadOnlyList<Wand.Host.TestRuns.Records.InstrumentRecord> Instruments { get; init; } = [];
}
