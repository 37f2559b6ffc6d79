using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Protocol.Vocabulary;

namespace Wand.Cli.Commands;

/// <summary><c>wand pattern NAME</c>: changes the running session's pattern.</summary>
internal static class PatternCommand
{
    private static readonly Argument<PatternKind> Pattern = new("pattern") { Description = "The new pattern: Continuous, Pulse, Wave or Heartbeat." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("pattern", "Change the running session's pattern (the head must allow it).") { Pattern };
        command.SetAction((parseResult, cancellationToken) =>
        {
            PatternKind pattern = parseResult.GetValue(Pattern);
            if (ValueChecks.Pattern("pattern", pattern) is { } problem)
            {
                return Task.FromResult(ExitCodeMapping.Report(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.ValueOutOfRange, problem));
            }

            return DeviceSession.RunAsync(parseResult, (context, token) => RunAsync(context, pattern, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, PatternKind pattern, CancellationToken cancellationToken)
    {
        await context.Client.SetPatternAsync(pattern, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["pattern"] = CliJson.Name(pattern) });
        }
        else
        {
            context.Terminal.Line($"Pattern set to {pattern}.");
        }

        return (int)ExitCode.Success;
    }
}
