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

/// <summary>
/// <c>wand routine list|show NAME|start NAME</c>: the wand's built-in guided routines (MD-6), read from the wand itself
/// (the routine-catalog characteristic), and playing one with its steps and cues shown as they happen.
/// </summary>
internal static class RoutineCommand
{
    private static readonly Argument<string> Name = new("name") { Description = "The routine: " + string.Join(", ", RoutineText.Names) + " (or its number 1 to 4)." };

    private static readonly Option<double?> For = new("--for") { Description = "Stop the routine after this many seconds (default: follow it to its end)." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command list = new("list", "List the built-in routines with their steps' areas and lengths.");
        list.SetAction((parseResult, cancellationToken) => DeviceSession.RunAsync(parseResult, ListAsync, cancellationToken));

        Command show = new("show", "Show one routine step by step: body area, duration, pattern and level (0 = hands only).") { Name };
        show.SetAction((parseResult, cancellationToken) => WithRoutine(parseResult, (context, routine, token) => ShowAsync(context, routine, token), cancellationToken));

        Command start = new("start", "Start a routine and follow it to its end (or --for SECONDS), showing each step and the cue between steps; Ctrl-C stops it.") { Name, For };
        start.SetAction((parseResult, cancellationToken) =>
        {
            double? stopAfter = parseResult.GetValue(For);
            if (stopAfter is < 0 or > 900)
            {
                return Task.FromResult(ExitCodeMapping.Report(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.ValueOutOfRange, $"--for {stopAfter} is outside 0 to 900 seconds."));
            }

            return WithRoutine(parseResult, (context, routine, token) => StartCommand.RunRoutineAsync(context, routine, stopAfter, token), cancellationToken);
        });

        return new Command("routine", "Guided routines built into the wand: infant full body, tummy for wind, bedtime wind-down, lactation (for the mother).")
        {
            list,
            show,
            start,
        };
    }

    private static Task<int> WithRoutine(ParseResult parseResult, System.Func<DeviceContext, RoutineKind, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        string? text = parseResult.GetValue(Name);
        if (!RoutineText.TryParse(text, out RoutineKind routine))
        {
            return Task.FromResult(ExitCodeMapping.Report(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.ValueOutOfRange, $"'{text}' is not a built-in routine; use one of {string.Join(", ", RoutineText.Names)}."));
        }

        return DeviceSession.RunAsync(parseResult, (context, token) => work(context, routine, token), cancellationToken);
    }

    private static async Task<int> ListAsync(DeviceContext context, CancellationToken cancellationToken)
    {
        await context.Client.RequireFeaturesAsync(ProtocolFeatures.Routines, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<WandRoutine> routines = await context.Client.ReadRoutinesAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["routines"] = CliJson.Array(routines, Json) });
            return (int)ExitCode.Success;
        }

        List<IReadOnlyList<string>> rows = [];
        foreach (WandRoutine routine in routines)
        {
            List<string> areas = [];
            foreach (WandRoutineStep step in routine.Steps)
            {
                areas.Add(RoutineText.Area(step.Area) + (step.Level == 0 ? " (hands only)" : string.Empty));
            }

            rows.Add([RoutineText.Name(routine.Kind), routine.Steps.Count.ToString(CultureInfo.InvariantCulture), Minutes(routine.TotalSeconds), string.Join(", ", areas)]);
        }

        context.Terminal.Table("Built-in routines", ["Routine", "Steps", "Length", "Areas in order"], rows);
        return (int)ExitCode.Success;
    }

    private static async Task<int> ShowAsync(DeviceContext context, RoutineKind kind, CancellationToken cancellationToken)
    {
        await context.Client.RequireFeaturesAsync(ProtocolFeatures.Routines, cancellationToken).ConfigureAwait(false);
        WandRoutine routine = await context.Client.ReadRoutineAsync(kind, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["routine"] = Json(routine) });
            return (int)ExitCode.Success;
        }

        List<IReadOnlyList<string>> rows = [];
        for (int index = 0; index < routine.Steps.Count; index++)
        {
            WandRoutineStep step = routine.Steps[index];
            rows.Add([(index + 1).ToString(CultureInfo.InvariantCulture), RoutineText.Area(step.Area), $"{step.Seconds} s", RoutineText.Drive(step.Level, step.Pattern)]);
        }

        context.Terminal.Table($"{RoutineText.Name(routine.Kind)}: {Minutes(routine.TotalSeconds)}, a double-pulse cue between steps", ["Step", "Area", "Duration", "Vibration"], rows);
        return (int)ExitCode.Success;
    }

    private static JsonObject Json(WandRoutine routine)
    {
        JsonArray steps = CliJson.Array(routine.Steps, step => new JsonObject { ["area"] = CliJson.Name(step.Area), ["seconds"] = step.Seconds, ["pattern"] = CliJson.Name(step.Pattern), ["level"] = step.Level, ["handsOnly"] = step.Level == 0 });

        return new JsonObject { ["name"] = RoutineText.Name(routine.Kind), ["number"] = (int)routine.Kind, ["totalSeconds"] = routine.TotalSeconds, ["steps"] = steps };
    }

    private static string Minutes(int seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60} min {seconds % 60:00} s");
}
