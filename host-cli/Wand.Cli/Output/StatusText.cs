using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using Wand.Host.Client;
using Wand.Protocol.Messages;
using Wand.Protocol.Vocabulary;

namespace Wand.Cli.Output;

/// <summary>Human and JSON shapes of the wand's status.</summary>
internal static class StatusText
{
    /// <summary>The status as name and value rows.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The rows.</returns>
    public static IEnumerable<(string Name, string Value)> Rows(WandStatus status)
    {
        yield return ("State", StateText(status));
        yield return ("Source", status.Source.ToString());
        yield return ("Level (target / drive)", string.Create(CultureInfo.InvariantCulture, $"{status.TargetLevel} / {status.DriveLevel:0.0}"));
        yield return ("Pattern", status.Pattern.ToString());
        yield return ("Head", status.Head.ToString());
        yield return ("Remaining", $"{status.RemainingSeconds} s");
        yield return ("Battery", $"{status.BatteryMillivolts} mV ({status.BatteryPercent} %)");
        yield return ("Head temperature", string.Create(CultureInfo.InvariantCulture, $"{status.HeadTemperatureCelsius:0.00} °C"));
        yield return ("Flags", status.Flags == StatusIndicators.None ? "none" : status.Flags.ToString());
        yield return ("Active fault", status.ActiveFault.ToString());
        yield return ("Last stop reason", status.LastStopReason.ToString());
    }

    /// <summary>One line for progress logs.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The line.</returns>
    public static string Line(WandStatus status)
    {
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"{StateText(status)} level {status.TargetLevel} (drive {status.DriveLevel:0.0}) {status.Pattern}, {status.RemainingSeconds} s left, battery {status.BatteryMillivolts} mV, head {status.HeadTemperatureCelsius:0.0} °C");
        return status.State == SessionState.Idle ? $"{line}, last stop: {status.LastStopReason}" : line;
    }

    /// <summary>The session state as a user reads it: "Running (paused)" while paused (MD-7).</summary>
    /// <param name="status">The status.</param>
    /// <returns>The state text.</returns>
    public static string StateText(WandStatus status) =>
        (status.Flags & StatusIndicators.Paused) != 0 ? $"{status.State} (paused)" : status.State.ToString();

    /// <summary>The status as a JSON object.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject Json(WandStatus status) => new()
    {
        ["state"] = CliJson.Name(status.State),
        ["source"] = CliJson.Name(status.Source),
        ["targetLevel"] = status.TargetLevel,
        ["driveLevel"] = status.DriveLevel,
        ["pattern"] = CliJson.Name(status.Pattern),
        ["head"] = CliJson.Name(status.Head),
        ["remainingSeconds"] = status.RemainingSeconds,
        ["batteryMillivolts"] = status.BatteryMillivolts,
        ["batteryPercent"] = status.BatteryPercent,
        ["headTemperatureCelsius"] = status.HeadTemperatureCelsius,
        ["flags"] = status.Flags.ToString(),
        ["paused"] = (status.Flags & StatusIndicators.Paused) != 0,
        ["activeFault"] = CliJson.Name(status.ActiveFault),
        ["lastStopReason"] = CliJson.Name(status.LastStopReason),
    };
}
