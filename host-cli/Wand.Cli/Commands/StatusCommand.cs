using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;

namespace Wand.Cli.Commands;

/// <summary><c>wand status</c>: reads the wand's status and head.</summary>
internal static class StatusCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("status", "Show the wand's session state, level, head, battery, temperature and faults.");
        command.SetAction((parseResult, cancellationToken) => DeviceSession.RunAsync(parseResult, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, CancellationToken cancellationToken)
    {
        WandStatus status = await context.Client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        WandHead head = await context.Client.ReadHeadAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject
            {
                ["device"] = context.Client.Link.Address,
                ["status"] = StatusText.Json(status),
                ["head"] = new JsonObject { ["identity"] = CliJson.Name(head.Identity), ["name"] = head.Name, ["maximumLevel"] = head.MaximumLevel, ["allowedPatterns"] = head.AllowedPatterns },
            });
        }
        else
        {
            context.Terminal.Properties($"Wand at {context.Client.Link.Address}", StatusText.Rows(status));
            context.Terminal.Line($"Head: {(head.Name.Length > 0 ? head.Name : head.Identity.ToString())}, up to level {head.MaximumLevel}");
        }

        return (int)ExitCode.Success;
    }
}
