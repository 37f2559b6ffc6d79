using Wand.Protocol.Messages;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Client;

/// <summary>The wand's status (PROFILE.md §6.2), decoded.</summary>
/// <param name="State">Session state.</param>
/// <param name="Source">What started the session.</param>
/// <param name="TargetLevel">Target level, 0 (off) to 5.</param>
/// <param name="DriveLevel">Present drive level, 0.0 to 5.0 (ramps, patterns and derating included).</param>
/// <param name="Pattern">The pattern.</param>
/// <param name="Head">The confirmed head.</param>
/// <param name="RemainingSeconds">Session time left, 0 to 900 s (0 when idle).</param>
/// <param name="BatteryMillivolts">Battery voltage, in mV.</param>
/// <param name="HeadTemperatureCelsius">Head temperature, in °C (hundredths resolution).</param>
/// <param name="Flags">Status flags.</param>
/// <param name="ActiveFault">The latched fault, or <see cref="FaultCode.None"/>.</param>
/// <param name="LastStopReason">Why the last session ended.</param>
/// <param name="BatteryPercent">Battery charge, 0 to 100 %.</param>
public sealed record WandStatus(
    SessionState State,
    SessionSource Source,
    int TargetLevel,
    double DriveLevel,
    PatternKind Pattern,
    HeadIdentity Head,
    int RemainingSeconds,
    int BatteryMillivolts,
    double HeadTemperatureCelsius,
    StatusIndicators Flags,
    FaultCode ActiveFault,
    StopReason LastStopReason,
    int BatteryPercent)
{
    /// <summary>Builds the record from a decoded report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The status.</returns>
    public static WandStatus From(StatusReport report)
    {
        System.ArgumentNullException.ThrowIfNull(report);
        return new WandStatus(
            report.State,
            report.Source,
            report.TargetLevel,
            report.DriveLevelTenths / 10.0,
            report.Pattern,
            report.Head,
            report.RemainingSeconds,
            report.BatteryMillivolts,
            report.HeadTemperatureCentidegrees / 100.0,
            report.Flags,
            report.ActiveFault,
            report.LastStopReason,
            report.BatteryPercent);
    }
}

/// <summary>The settings used by button-started sessions and starts with duration 0 (PROFILE.md §6.3).</summary>
/// <param name="DefaultSessionSeconds">Default session length, 60 to 900 s.</param>
/// <param name="DefaultLevel">Default level, 1 to 5.</param>
/// <param name="DefaultPattern">Default pattern.</param>
public sealed record WandSettings(int DefaultSessionSeconds, int DefaultLevel, PatternKind DefaultPattern);

/// <summary>The head as the wand reports it (PROFILE.md §6.4).</summary>
/// <param name="Identity">The confirmed head.</param>
/// <param name="MaximumLevel">Highest level the head allows, 0 to 5.</param>
/// <param name="AllowedPatterns">Bit n set: pattern n allowed.</param>
/// <param name="Name">The head's name.</param>
public sealed record WandHead(HeadIdentity Identity, int MaximumLevel, int AllowedPatterns, string Name);

/// <summary>One fault-log entry (PROFILE.md §6.6).</summary>
/// <param name="Code">The fault.</param>
/// <param name="Context">Fault-specific context byte.</param>
/// <param name="MillisecondsSinceBoot">When it happened, in ms since boot.</param>
public sealed record FaultEntry(FaultCode Code, int Context, long MillisecondsSinceBoot);

/// <summary>Device Information and protocol version (PROFILE.md §8.1, §6.7).</summary>
/// <param name="ManufacturerName">Manufacturer name.</param>
/// <param name="ModelNumber">Model number.</param>
/// <param name="SerialNumber">Serial number; empty before provisioning.</param>
/// <param name="HardwareRevision">Board revision.</param>
/// <param name="FirmwareRevision">nanoCLR version.</param>
/// <param name="SoftwareRevision">Application version.</param>
/// <param name="ProtocolVersion">Protocol major.minor, or <c>null</c> when the link is not encrypted.</param>
/// <param name="Features">Protocol feature bits.</param>
public sealed record WandDeviceInfo(
    string ManufacturerName,
    string ModelNumber,
    string SerialNumber,
    string HardwareRevision,
    string FirmwareRevision,
    string SoftwareRevision,
    string? ProtocolVersion,
    ProtocolFeatures Features);

/// <summary>The result notification of an accepted control-point write (PROFILE.md §6.1).</summary>
/// <param name="Opcode">The opcode answered.</param>
/// <param name="Result">The result.</param>
/// <param name="Detail">The detail field as notified (PROFILE.md §6.1 lists what each opcode puts there).</param>
public sealed record CommandOutcome(ControlPointOpcode Opcode, CommandResult Result, int Detail);

/// <summary>Progress of a paged read such as the fault log.</summary>
/// <param name="Done">Items read so far.</param>
/// <param name="Total">Items in all.</param>
public readonly record struct ReadProgress(int Done, int Total);
