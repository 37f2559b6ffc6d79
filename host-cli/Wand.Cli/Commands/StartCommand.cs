using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;
using Wand.Protocol.Messages;
using Wand.Protocol.Vocabulary;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand start</c>: starts a remote session, or a built-in routine with <c>--routine</c>, and stays connected while
/// it runs, showing progress (a routine's steps and the cues between them as they happen), because a remote session
/// stops within 2 s of its link dropping (SR-11). Ctrl-C stops the session before exiting.
/// </summary>
internal static class StartCommand
{
    private static readonly Option<int?> Level = new("--level", "-l") { Description = "Level, 1 to 5 (default: the wand's default level)." };

    private static readonly Option<PatternKind?> Pattern = new("--pattern", "-p") { Description = "Pattern (default: the wand's default pattern)." };

    private static readonly Option<int> Duration = new("--duration") { Description = "Session length in seconds, 60 to 900; 0 uses the wand's default.", DefaultValueFactory = _ => 0 };

    private static readonly Option<double?> For = new("--for") { Description = "Stop the session after this many seconds (default: follow it to its end)." };

    private static readonly Option<string?> Routine = new("--routine", "-r") { Description = "Play a built-in routine instead (" + string.Join(", ", RoutineText.Names) + "); its steps set level, pattern and length." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("start", "Start a session and follow it until it ends (or --for SECONDS); Ctrl-C stops it.")
        {
            Level,
            Pattern,
            Duration,
            For,
            Routine,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            int? level = parseResult.GetValue(Level);
            int duration = parseResult.GetValue(Duration);
            double? stopAfter = parseResult.GetValue(For);
            PatternKind? pattern = parseResult.GetValue(Pattern);
            string? problem = level is < ValueRanges.MinimumLevel or > ValueRanges.MaximumLevel ? $"--level {level} is outside 1 to 5."
                : duration != 0 && !ValueRanges.IsSessionSeconds(duration) ? $"--duration {duration} is outside 60 to 900 seconds (or 0 for the default)."
                : ValueChecks.Seconds("--for", stopAfter, 0, 900) ?? ValueChecks.Pattern("--pattern", pattern);
            if (problem is not null)
            {
                return Task.FromResult(ExitCodeMapping.Report(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.ValueOutOfRange, problem));
            }

            string? routineName = parseResult.GetValue(Routine);
            if (routineName is not null)
            {
                if (!RoutineText.TryParse(routineName, out RoutineKind routine))
                {
                    return Task.FromResult(ExitCodeMapping.Report(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.ValueOutOfRange, $"--routine '{routineName}' is not a built-in routine; use one of {string.Join(", ", RoutineText.Names)}."));
                }

                if (level is not null || parseResult.GetValue(Pattern) is not null || duration != 0)
                {
                    return Task.FromResult(ExitCodeMapping.Report(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.UsageError, "--routine sets level, pattern and length from its steps; leave out --level, --pattern and --duration."));
                }

                return DeviceSession.RunAsync(parseResult, (context, token) => RunRoutineAsync(context, routine, stopAfter, token), cancellationToken);
            }

            return DeviceSession.RunAsync(parseResult, (context, token) => RunAsync(context, level, pattern, duration, stopAfter, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, int? level, PatternKind? pattern, int duration, double? stopAfter, CancellationToken cancellationToken)
    {
        WandClient client = context.Client;
        if (level is null || pattern is null)
        {
            WandSettings settings = await client.ReadSettingsAsync(cancellationToken).ConfigureAwait(false);
            level ??= settings.DefaultLevel;
            pattern ??= settings.DefaultPattern;
        }

        await client.StartAsync(level.Value, pattern.Value, duration, cancellationToken).ConfigureAwait(false);
        int granted = (await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false)).RemainingSeconds;
        if (!context.Json)
        {
            context.Terminal.Line($"Started level {level} {pattern} for {granted} s on {client.Link.Address}" + (stopAfter is null ? "; following it (Ctrl-C stops it)." : $"; stopping it after {stopAfter} s."));
        }

        Func<TimeSpan, CancellationToken, Task> wait = SessionFollower.WaitFor(client.Link.World, context.HasVirtualClock);
        TimeSpan? limit = stopAfter is null ? null : TimeSpan.FromSeconds(stopAfter.Value);
        FollowResult result;
        try
        {
            result = await SessionProgress.FollowAsync(context, granted, limit, wait, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopQuietlyAsync(client).ConfigureAwait(false);
            throw;
        }

        WandStatus final = result.Final;
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject
            {
                ["device"] = client.Link.Address,
                ["started"] = new JsonObject { ["level"] = level, ["pattern"] = CliJson.Name(pattern), ["grantedSeconds"] = granted },
                ["stoppedByCommand"] = result.StoppedByFollower,
                ["followedSeconds"] = result.FollowedMilliseconds / 1000.0,
                ["status"] = StatusText.Json(final),
            });
        }
        else
        {
            context.Terminal.Line($"Session ended after {result.FollowedMilliseconds / 1000.0:0.0} s: {final.LastStopReason}.");
            context.Terminal.Properties("Final status", StatusText.Rows(final));
        }

        return (int)ExitCode.Success;
    }

    /// <summary>Starts a routine and follows it, showing each step and cue as it happens (MD-6); <c>wand routine start</c> runs this too.</summary>
    /// <param name="context">The command's context.</param>
    /// <param name="routine">The routine.</param>
    /// <param name="stopAfter">Stop it after this many seconds, or <c>null</c> to follow it to its end.</param>
    /// <param name="cancellationToken">Ctrl-C: stops the routine.</param>
    /// <returns>The exit code.</returns>
    internal static async Task<int> RunRoutineAsync(DeviceContext context, RoutineKind routine, double? stopAfter, CancellationToken cancellationToken)
    {
        WandClient client = context.Client;
        await client.RequireFeaturesAsync(ProtocolFeatures.Routines, cancellationToken).ConfigureAwait(false);
        await client.StartRoutineAsync(routine, cancellationToken).ConfigureAwait(false);
        int granted = (await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false)).RemainingSeconds;
        bool lines = !context.Json && !context.Terminal.IsInteractive;
        RoutineWatcher watcher = new(client, lines ? (change, progress) => context.Output.WriteLine(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{change.AtSeconds,7:0.0} s  {RoutineText.Line(progress)}")) : null);
        if (!context.Json)
        {
            context.Terminal.Line($"Started the {RoutineText.Name(routine)} routine ({granted} s) on {client.Link.Address}" + (stopAfter is null ? "; following it (Ctrl-C stops it)." : $"; stopping it after {stopAfter} s."));
        }

        await watcher.RefreshAsync(cancellationToken).ConfigureAwait(false);
        Func<TimeSpan, CancellationToken, Task> wait = watcher.Wrap(SessionFollower.WaitFor(client.Link.World, context.HasVirtualClock));
        TimeSpan? limit = stopAfter is null ? null : TimeSpan.FromSeconds(stopAfter.Value);
        FollowResult result;
        try
        {
            result = await SessionProgress.FollowAsync(context, granted, limit, wait, cancellationToken, () => watcher.Current).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await StopQuietlyAsync(client).ConfigureAwait(false);
            throw;
        }

        WandStatus final = result.Final;
        if (context.Json)
        {
            JsonArray steps = CliJson.Array(watcher.Events, change => new JsonObject { ["atSeconds"] = change.AtSeconds, ["step"] = change.Step, ["area"] = CliJson.Name(change.Area), ["level"] = change.Level, ["pattern"] = CliJson.Name(change.Pattern), ["cue"] = change.Cue, ["paused"] = change.Paused });

            CliJson.Write(context.Output, new JsonObject
            {
                ["device"] = client.Link.Address,
                ["routine"] = RoutineText.Name(routine),
                ["grantedSeconds"] = granted,
                ["stoppedByCommand"] = result.StoppedByFollower,
                ["followedSeconds"] = result.FollowedMilliseconds / 1000.0,
                ["steps"] = steps,
                ["status"] = StatusText.Json(final),
            });
        }
        else
        {
            context.Terminal.Line($"Routine ended after {result.FollowedMilliseconds / 1000.0:0.0} s: {final.LastStopReason}.");
            context.Terminal.Properties("Final status", StatusText.Rows(final));
        }

        return (int)ExitCode.Success;
    }

    private static async Task StopQuietlyAsync(WandClient client)
    {
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(2));
        try
        {
            await client.StopAsync(timeout.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort on Ctrl-C; the link closing stops a remote session anyway (SR-11).
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
