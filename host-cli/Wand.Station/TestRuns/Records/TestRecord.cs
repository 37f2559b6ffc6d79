using System;
using System.Collections.Generic;

namespace Wand.Host.TestRuns.Records;

/// <summary>
/// The record of one run on one unit (OpenHTF's TestRecord): what ran, on which station and unit, every measurement
/// with its limits and outcome, timings, time series and attachments. Written as JSON per unit, exported as JUnit XML
/// and HTML, and stored in the results store.
/// </summary>
public sealed class TestRecord
{
    /// <summary>The version of this record's shape; raised when fields change meaning.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Gets the record shape version.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Gets the run's unique ID (32 lower-case hex digits).</summary>
    public required string RunId { get; init; }

    /// <summary>Gets the plan name.</summary>
    public required string PlanName { get; init; }

    /// <summary>Gets the plan version.</summary>
    public string PlanVersion { get; init; } = string.Empty;

    /// <summary>Gets the plan file's path as given.</summary>
    public string PlanFile { get; init; } = string.Empty;

    /// <summary>Gets the product variant whose limits applied, or <c>null</c> for the plan's own limits.</summary>
    public string? PlanVariant { get; init; }

    /// <summary>Gets the SHA-256 of the plan file (and of the files it includes), lower-case hex, so a record names exactly what ran.</summary>
    public string PlanSha256 { get; init; } = string.Empty;

    /// <summary>Gets the station ID.</summary>
    public required string StationId { get; init; }

    /// <summary>Gets the operator's name, if given.</summary>
    public string Operator { get; init; } = string.Empty;

    /// <summary>Gets the version of the host software that ran the plan.</summary>
    public string HostVersion { get; init; } = string.Empty;

    /// <summary>Gets the device address, for example <c>sim</c>.</summary>
    public string DeviceAddress { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether the unit was a virtual wand.</summary>
    public bool VirtualDevice { get; init; }

    /// <summary>Gets the unit's serial number (the DUT ID); <c>UNKNOWN</c> when it could not be read.</summary>
    public required string DutSerial { get; init; }

    /// <summary>Gets, when the results store already held runs of this serial under this plan, which retest this run is; <c>null</c> for a unit's first run.</summary>
    public RetestRecord? Retest { get; init; }

    /// <summary>Gets the unit's firmware (nanoCLR) revision from Device Information.</summary>
    public string FirmwareRevision { get; init; } = string.Empty;

    /// <summary>Gets the unit's application version from Device Information.</summary>
    public string SoftwareRevision { get; init; } = string.Empty;

    /// <summary>Gets the unit's board revision from Device Information.</summary>
    public string HardwareRevision { get; init; } = string.Empty;

    /// <summary>Gets the unit's model number from Device Information.</summary>
    public string ModelNumber { get; init; } = string.Empty;

    /// <summary>Gets the unit's protocol version, <c>MAJOR.MINOR</c>.</summary>
    public string ProtocolVersion { get; init; } = string.Empty;

    /// <summary>Gets when the run started (UTC).</summary>
    public DateTimeOffset StartedUtc { get; init; }

    /// <summary>Gets when the run finished (UTC).</summary>
    public DateTimeOffset FinishedUtc { get; init; }

    /// <summary>Gets the run's duration on the station's clock, in milliseconds.</summary>
    public double DurationMilliseconds { get; init; }

    /// <summary>Gets the outcome.</summary>
    public RunOutcome Outcome { get; init; }

    /// <summary>Gets why the run did not pass, for people; empty when it passed.</summary>
    public string OutcomeDetails { get; init; } = string.Empty;

    /// <summary>Gets a value indicating whether any passing measurement was marginal.</summary>
    public bool Marginal { get; init; }

    /// <summary>Gets the phases in the order they ran: setup, the plan's phases, teardown.</summary>
    public IReadOnlyList<PhaseRecord> Phases { get; init; } = Array.Empty<PhaseRecord>();

    /// <summary>Gets the recorded time series.</summary>
    public IReadOnlyList<SeriesRecord> Series { get; init; } = Array.Empty<SeriesRecord>();

    /// <summary>Gets the attachments.</summary>
    public IReadOnlyList<AttachmentRecord> Attachments { get; init; } = Array.Empty<AttachmentRecord>();

    /// <summary>Gets the station's instruments with the identity each gave (<c>*IDN?</c>), empty on a virtual station.</summary>
    public IReadOnlyList<InstrumentRecord> Instruments { get; init; } = Array.Empty<InstrumentRecord>();
}
