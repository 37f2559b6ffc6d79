using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Protocol.Messages;

namespace Wand.Cli.Commands;

/// <summary><c>wand level N</c>: changes the running session's level.</summary>
internal static class LevelCommand
{
    private static readonly Argument<int> Level = new("level") { Description = "The new level, 1 to 5." };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("level", "Change the running session's level (1 to 5).") { Level };
        command.SetAction((parseResult, cancellationToken) =>
        {
            int level = parseResult.GetValue(Level);
            if (!ValueRanges.IsLevel(level))
            {
                return Task.FromResult(ExitCodeMapping.Report(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.ValueOutOfRange, $"level {level} is outside 1 to 5."));
            }

            return DeviceSession.RunAsync(parseResult, (context, token) => RunAsync(context, level, token), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, int level, CancellationToken cancellationToken)
    {
        await context.Client.SetLevelAsync(level, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["level"] = level });
        }
        else
        {
            context.Terminal.Line($"Level set to {level}.");
        }

        return (int)ExitCode.Success;
    }
}
