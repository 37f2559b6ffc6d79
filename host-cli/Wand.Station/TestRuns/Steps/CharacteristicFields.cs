using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wand.Protocol.Factory;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// Decodes characteristic values into named fields for measurements, with units in the names where they matter
/// (<c>battery-v</c>, <c>head-temperature-c</c>, <c>remaining-s</c>). Every value also yields <c>length</c> and
/// <c>hex</c>.
/// </summary>
public static class CharacteristicFields
{
    private static readonly string[] StatusFlagNames = Enum.GetValues<StatusIndicators>().Where(flag => flag != StatusIndicators.None).Select(Names.Of).ToArray();

    private static readonly Dictionary<string, string[]> FieldNames = new(StringComparer.Ordinal)
    {
        ["status"] = ["state", "source", "target-level", "drive-level", "pattern", "head", "remaining-s", "battery-v", "head-temperature-c", "active-fault", "last-stop-reason", "battery-percent", .. StatusFlagNames],
        ["head"] = ["head", "maximum-level", "allowed-patterns", "name"],
        ["limits"] = ["motor-ceiling-v", "maximum-session-s", "maximum-level-now", "thermal-derate-c", "thermal-trip-c", "thermal-restart-c", "battery-warning-v", "battery-cutoff-v", "battery-restart-v"],
        ["protocol-version"] = ["major", "minor", "version", "features"],
        ["settings"] = ["default-session-s", "default-level", "default-pattern"],
        ["fault-log"] = ["total-entries", "first-index", "count", "codes", "entry-0-code", "entry-0-time-ms", "entry-0-context", "entry-1-code", "entry-1-time-ms", "entry-1-context", "entry-2-code", "entry-2-time-ms", "entry-2-context"],
        ["battery-level"] = ["percent"],
        ["raw-sensors"] = ["head-id-counts", "thermistor-counts", "battery-counts", "battery-v", "head-temperature-c", "duty"],
        ["routine"] = ["routine", "step", "step-count", "area", "level", "pattern", "phase", "paused", "step-remaining-s"],
        ["session-history"] = ["total-entries", "first-index", "count", "today-drive-s", "entry-0-routine", "entry-0-head", "entry-0-highest-level", "entry-0-drive-s", "entry-0-stop-reason", "entry-0-wall-clock", "entry-0-start-s",
            "entry-1-routine", "entry-1-head", "entry-1-highest-level", "entry-1-drive-s", "entry-1-stop-reason", "entry-1-wall-clock", "entry-1-start-s"],
    };

    private static readonly string[] Common = ["length", "hex"];

    /// <summary>Gets the field names a characteristic's value decodes into.</summary>
    /// <param name="characteristic">The characteristic's profile name, for example <c>status</c>.</param>
    /// <returns>The names; text characteristics (Device Information, serial) yield <c>text</c>.</returns>
    public static IReadOnlyCollection<string> Of(string characteristic)
    {
        if (FieldNames.TryGetValue(characteristic, out string[]? names))
        {
            return [.. names, .. Common];
        }

        return IsText(characteristic) ? ["text", .. Common] : Common;
    }

    /// <summary>Decodes a value.</summary>
    /// <param name="characteristic">The characteristic's profile name.</param>
    /// <param name="value">The bytes read or notified.</param>
    /// <returns>The fields by name.</returns>
    /// <exception cref="Links.ProtocolViolationException">The value does not fit the profile.</exception>
    public static Dictionary<string, MeasuredValue> Decode(string characteristic, byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Dictionary<string, MeasuredValue> fields = new(StringComparer.Ordinal)
        {
            ["length"] = MeasuredValue.Of(value.Length),
            ["hex"] = MeasuredValue.Of(Convert.ToHexStringLower(value)),
        };
        switch (characteristic)
        {
            case "status":
                AddStatus(fields, DecodeStatus(value));
                break;
            case "head":
                HeadReport head = new();
                Check(head.Decode(value, 0, value.Length), characteristic);
                fields["head"] = MeasuredValue.Of(Names.Of(head.Identity));
                fields["maximum-level"] = MeasuredValue.Of(head.MaximumLevel);
                fields["allowed-patterns"] = MeasuredValue.Of(head.AllowedPatterns);
                fields["name"] = MeasuredValue.Of(head.GetName());
                break;
            case "limits":
                EffectiveLimits limits = new();
                Check(limits.Decode(value, 0, value.Length), characteristic);
                fields["motor-ceiling-v"] = MeasuredValue.Of(limits.MotorCeilingMillivolts / 1000.0);
                fields["maximum-session-s"] = MeasuredValue.Of(limits.MaximumSessionSeconds);
                fields["maximum-level-now"] = MeasuredValue.Of(limits.MaximumLevelNow);
                fields["thermal-derate-c"] = MeasuredValue.Of(limits.ThermalDerateCentidegrees / 100.0);
                fields["thermal-trip-c"] = MeasuredValue.Of(limits.ThermalTripCentidegrees / 100.0);
                fields["thermal-restart-c"] = MeasuredValue.Of(limits.ThermalRestartCentidegrees / 100.0);
                fields["battery-warning-v"] = MeasuredValue.Of(limits.BatteryWarningMillivolts / 1000.0);
                fields["battery-cutoff-v"] = MeasuredValue.Of(limits.BatteryCutoffMillivolts / 1000.0);
                fields["battery-restart-v"] = MeasuredValue.Of(limits.BatteryRestartMillivolts / 1000.0);
                break;
            case "protocol-version":
                ProtocolVersion version = new();
                Check(version.Decode(value, 0, value.Length), characteristic);
                fields["major"] = MeasuredValue.Of(version.Major);
                fields["minor"] = MeasuredValue.Of(version.Minor);
                fields["version"] = MeasuredValue.Of(string.Create(CultureInfo.InvariantCulture, $"{version.Major}.{version.Minor}"));
                fields["features"] = MeasuredValue.Of((double)(uint)version.Features);
                break;
            case "settings":
                Protocol.Messages.SessionSettings settings = new();
                Check(settings.Decode(value, 0, value.Length), characteristic);
                fields["default-session-s"] = MeasuredValue.Of(settings.DefaultSessionSeconds);
                fields["default-level"] = MeasuredValue.Of(settings.DefaultLevel);
                fields["default-pattern"] = MeasuredValue.Of(Names.Of(settings.DefaultPattern));
                break;
            case "fault-log":
                AddFaultLog(fields, value);
                break;
            case "battery-level":
                Check(BatteryLevel.Decode(value, 0, value.Length, out int percent), characteristic);
                fields["percent"] = MeasuredValue.Of(percent);
                break;
            case "routine":
                RoutineProgress progress = new();
                Check(progress.Decode(value, 0, value.Length), characteristic);
                fields["routine"] = MeasuredValue.Of(Names.Of(progress.Routine));
                fields["step"] = MeasuredValue.Of(progress.StepIndex + 1);
                fields["step-count"] = MeasuredValue.Of(progress.StepCount);
                fields["area"] = MeasuredValue.Of(Names.Of(progress.Area));
                fields["level"] = MeasuredValue.Of(progress.Level);
                fields["pattern"] = MeasuredValue.Of(Names.Of(progress.Pattern));
                fields["phase"] = MeasuredValue.Of(progress.Phase switch { RoutineProgress.PhaseStep => "step", RoutineProgress.PhaseCue => "cue", _ => "none" });
                fields["paused"] = MeasuredValue.Of(progress.Paused);
                fields["step-remaining-s"] = MeasuredValue.Of(progress.StepRemainingSeconds);
                break;
            case "session-history":
                AddSessionHistory(fields, value);
                break;
            case "raw-sensors":
                RawSensorReadings raw = new();
                Check(raw.Decode(value, 0, value.Length), characteristic);
                fields["head-id-counts"] = MeasuredValue.Of(raw.HeadIdCounts);
                fields["thermistor-counts"] = MeasuredValue.Of(raw.ThermistorCounts);
                fields["battery-counts"] = MeasuredValue.Of(raw.BatteryCounts);
                fields["battery-v"] = MeasuredValue.Of(raw.BatteryMillivolts / 1000.0);
                fields["head-temperature-c"] = MeasuredValue.Of(raw.HeadTemperatureCentidegrees / 100.0);
                fields["duty"] = MeasuredValue.Of(raw.DutyTenThousandths / 10000.0);
                break;
            default:
                if (IsText(characteristic))
                {
                    fields["text"] = MeasuredValue.Of(Encoding.ASCII.GetString(value).TrimEnd('\0'));
                }

                break;
        }

        return fields;
    }

    /// <summary>Decodes a status value.</summary>
    /// <param name="value">The bytes.</param>
    /// <returns>The status.</returns>
    /// <exception cref="Links.ProtocolViolationException">Too short.</exception>
    public static StatusReport DecodeStatus(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        StatusReport status = new();
        Check(status.Decode(value, 0, value.Length), "status");
        return status;
    }

    /// <summary>Adds a status value's fields.</summary>
    /// <param name="fields">Where to add.</param>
    /// <param name="status">The status.</param>
    public static void AddStatus(Dictionary<string, MeasuredValue> fields, StatusReport status)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(status);
        fields["state"] = MeasuredValue.Of(Names.Of(status.State));
        fields["source"] = MeasuredValue.Of(Names.Of(status.Source));
        fields["target-level"] = MeasuredValue.Of(status.TargetLevel);
        fields["drive-level"] = MeasuredValue.Of(status.DriveLevelTenths / 10.0);
        fields["pattern"] = MeasuredValue.Of(Names.Of(status.Pattern));
        fields["head"] = MeasuredValue.Of(Names.Of(status.Head));
        fields["remaining-s"] = MeasuredValue.Of(status.RemainingSeconds);
        fields["battery-v"] = MeasuredValue.Of(status.BatteryMillivolts / 1000.0);
        fields["head-temperature-c"] = MeasuredValue.Of(status.HeadTemperatureCentidegrees / 100.0);
        fields["active-fault"] = MeasuredValue.Of(Names.Of(status.ActiveFault));
        fields["last-stop-reason"] = MeasuredValue.Of(Names.Of(status.LastStopReason));
        fields["battery-percent"] = MeasuredValue.Of(status.BatteryPercent);
        foreach (StatusIndicators flag in Enum.GetValues<StatusIndicators>())
        {
            if (flag != StatusIndicators.None)
            {
                fields[Names.Of(flag)] = MeasuredValue.Of((status.Flags & flag) != 0);
            }
        }
    }

    private static void AddFaultLog(Dictionary<string, MeasuredValue> fields, byte[] value)
    {
        FaultLogPage page = new();
        Check(page.Decode(value, 0, value.Length), "fault-log");
        fields["total-entries"] = MeasuredValue.Of(page.TotalEntries);
        fields["first-index"] = MeasuredValue.Of(page.FirstIndex);
        fields["count"] = MeasuredValue.Of(page.Count);
        List<string> codes = [];
        for (int position = 0; position < page.Count; position++)
        {
            string code = Names.Of(page.CodeAt(position));
            codes.Add(code);
            string prefix = string.Create(CultureInfo.InvariantCulture, $"entry-{position}-");
            fields[prefix + "code"] = MeasuredValue.Of(code);
            fields[prefix + "time-ms"] = MeasuredValue.Of(page.MillisecondsAt(position));
            fields[prefix + "context"] = MeasuredValue.Of(page.ContextAt(position));
        }

        fields["codes"] = MeasuredValue.Of(string.Join(",", codes));
    }

    private static void AddSessionHistory(Dictionary<string, MeasuredValue> fields, byte[] value)
    {
        SessionHistoryPage page = new();
        Check(page.Decode(value, 0, value.Length), "session-history");
        fields["total-entries"] = MeasuredValue.Of(page.TotalEntries);
        fields["first-index"] = MeasuredValue.Of(page.FirstIndex);
        fields["count"] = MeasuredValue.Of(page.Count);
        fields["today-drive-s"] = MeasuredValue.Of(page.TodayDriveSeconds);
        for (int position = 0; position < page.Count; position++)
        {
            string prefix = string.Create(CultureInfo.InvariantCulture, $"entry-{position}-");
            fields[prefix + "routine"] = MeasuredValue.Of(page.RoutineAt(position) == RoutineKind.None ? "manual" : Names.Of(page.RoutineAt(position)));
            fields[prefix + "head"] = MeasuredValue.Of(Names.Of(page.HeadAt(position)));
            fields[prefix + "highest-level"] = MeasuredValue.Of(page.HighestLevelAt(position));
            fields[prefix + "drive-s"] = MeasuredValue.Of(page.DriveSecondsAt(position));
            fields[prefix + "stop-reason"] = MeasuredValue.Of(Names.Of(page.StopReasonAt(position)));
            fields[prefix + "wall-clock"] = MeasuredValue.Of(page.IsWallClockAt(position));
            fields[prefix + "start-s"] = MeasuredValue.Of((double)page.TimeAt(position));
        }
    }

    private static bool IsText(string characteristic)
    {
        int index = WandProfile.IndexOfName(characteristic);
        return index >= 0 && WandProfile.Characteristic(index).Units is "ASCII";
    }

    private static void Check(AttError error, string characteristic)
    {
        if (error != AttError.Success)
        {
            throw new Links.ProtocolViolationException($"The wand's '{characteristic}' value does not fit the profile ({Names.Of(error)}).");
        }
    }
}
