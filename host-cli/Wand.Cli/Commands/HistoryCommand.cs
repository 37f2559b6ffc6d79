using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;
using Wand.Protocol.Messages;
using Wand.Protocol.Vocabulary;

namespace Wand.Cli.Commands;

/// <summary><c>wand history</c>: the last 32 sessions, newest first, and today's total drive time (BP-6).</summary>
internal static class HistoryCommand
{
    private static readonly Option<bool> SetTime = new("--set-time") { Description = "First write this computer's local time to the wand (Current Time Service), so new sessions carry wall-clock time." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("history", "Show the last 32 sessions, newest first (drive time, routine or manual, head, highest level, why it ended, when) and today's total drive time.")
        {
            SetTime,
        };
        command.SetAction((parseResult, cancellationToken) =>
            DeviceSession.RunAsync(parseResult, (context, token) => RunAsync(context, parseResult.GetValue(SetTime), token), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, bool setTime, CancellationToken cancellationToken)
    {
        ProtocolFeatures needed = ProtocolFeatures.SessionHistory | (setTime ? ProtocolFeatures.CurrentTime : ProtocolFeatures.None);
        await context.Client.RequireFeaturesAsync(needed, cancellationToken).ConfigureAwait(false);
        if (setTime)
        {
            await context.Client.WriteCurrentTimeAsync(DateTime.Now, cancellationToken).ConfigureAwait(false);
        }

        SynchronousProgress<ReadProgress>? progress = context.Json ? null : new(step =>
        {
            if (context.Terminal.IsInteractive)
            {
                context.Error.Write($"\rReading the session history: {step.Done}/{step.Total}");
            }
        });
        WandHistory history = await context.Client.ReadHistoryAsync(progress, cancellationToken).ConfigureAwait(false);
        if (context.Terminal.IsInteractive)
        {
            context.Error.WriteLine();
        }

        if (context.Json)
        {
            JsonArray items = CliJson.Array(history.Entries, entry => new JsonObject
            {
                ["index"] = entry.Index,
                ["start"] = entry.Start?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                ["secondsSinceBoot"] = entry.SinceBoot?.TotalSeconds,
                ["driveSeconds"] = entry.DriveSeconds,
                ["routine"] = entry.Routine == RoutineKind.None ? "manual" : RoutineText.Name(entry.Routine),
                ["head"] = CliJson.Name(entry.Head),
                ["highestLevel"] = entry.HighestLevel,
                ["stopReason"] = CliJson.Name(entry.StopReason),
            });

            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["todayDriveSeconds"] = history.TodayDriveSeconds, ["count"] = history.Entries.Count, ["sessions"] = items });
            return (int)ExitCode.Success;
        }

        context.Terminal.Line(string.Create(CultureInfo.InvariantCulture, $"Today's drive time: {history.TodayDriveSeconds / 60} min {history.TodayDriveSeconds % 60:00} s."));
        if (history.Entries.Count == 0)
        {
            context.Terminal.Line("No session has been recorded yet.");
            return (int)ExitCode.Success;
        }

        List<IReadOnlyList<string>> rows = [];
        foreach (WandHistoryEntry entry in history.Entries)
        {
            rows.Add([
                entry.Index.ToString(CultureInfo.InvariantCulture),
                entry.Start is DateTime start ? start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{entry.SinceBoot!.Value.TotalSeconds:0} s after boot"),
                entry.Routine == RoutineKind.None ? "manual" : RoutineText.Name(entry.Routine),
                entry.Head.ToString(),
                entry.HighestLevel.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{entry.DriveSeconds} s"),
                entry.StopReason.ToString(),
            ]);
        }

        context.Terminal.Table($"Session history ({history.Entries.Count}, newest first)", ["#", "Start", "Routine", "Head", "Top level", "Drive", "Ended"], rows);
        return (int)ExitCode.Success;
    }
}
