using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;
using Wand.Protocol.Messages;
using Wand.Protocol.Vocabulary;

namespace Wand.Cli.Commands;

/// <summary><c>wand settings</c>: shows the session defaults, or changes the ones given.</summary>
internal static class SettingsCommand
{
    private static readonly Option<int?> Duration = new("--duration") { Description = "Default session length, 60 to 900 s." };

    private static readonly Option<int?> Level = new("--level", "-l") { Description = "Default level, 1 to 5." };

    private static readonly Option<PatternKind?> Pattern = new("--pattern", "-p") { Description = "Default pattern." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("settings", "Show the defaults used by button-started sessions; with options, change them (kept across reboots).")
        {
            Duration,
            Level,
            Pattern,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            int? duration = parseResult.GetValue(Duration);
            int? level = parseResult.GetValue(Level);
            PatternKind? pattern = parseResult.GetValue(Pattern);
            string? problem = duration is { } seconds && !ValueRanges.IsSessionSeconds(seconds) ? $"--duration {seconds} is outside 60 to 900 seconds."
                : level is { } value && !ValueRanges.IsLevel(value) ? $"--level {value} is outside 1 to 5."
                : ValueChecks.Pattern("--pattern", pattern);
            if (problem is not null)
            {
                return Task.FromResult(ExitCodeMapping.Report(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.ValueOutOfRange, problem));
            }

            return DeviceSession.RunAsync(parseResult, (context, token) => RunAsync(context, duration, level, pattern, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, int? duration, int? level, PatternKind? pattern, CancellationToken cancellationToken)
    {
        WandSettings settings = await context.Client.ReadSettingsAsync(cancellationToken).ConfigureAwait(false);
        bool change = duration is not null || level is not null || pattern is not null;
        if (change)
        {
            settings = new WandSettings(duration ?? settings.DefaultSessionSeconds, level ?? settings.DefaultLevel, pattern ?? settings.DefaultPattern);
            await context.Client.WriteSettingsAsync(settings, cancellationToken).ConfigureAwait(false);
            settings = await context.Client.ReadSettingsAsync(cancellationToken).ConfigureAwait(false);
        }

        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject
            {
                ["device"] = context.Client.Link.Address,
                ["changed"] = change,
                ["defaultSessionSeconds"] = settings.DefaultSessionSeconds,
                ["defaultLevel"] = settings.DefaultLevel,
                ["defaultPattern"] = CliJson.Name(settings.DefaultPattern),
            });
        }
        else
        {
            context.Terminal.Properties(change ? "Settings (saved)" : "Settings", [
                ("Default session", $"{settings.DefaultSessionSeconds} s"),
                ("Default level", settings.DefaultLevel.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("Default pattern", settings.DefaultPattern.ToString()),
            ]);
        }

        return (int)ExitCode.Success;
    }
}
