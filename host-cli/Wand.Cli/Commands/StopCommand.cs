using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;

namespace Wand.Cli.Commands;

/// <summary><c>wand stop</c>: ramps the running session down and stops it.</summary>
internal static class StopCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("stop", "Stop the running session (it ramps down). Exit code 13 when nothing runs.");
        command.SetAction((parseResult, cancellationToken) => DeviceSession.RunAsync(parseResult, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, CancellationToken cancellationToken)
    {
        await context.Client.StopAsync(cancellationToken).ConfigureAwait(false);
        WandStatus status = await context.Client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["new { device"] = true, ["status"] = StatusText.Json(status) });
        }
        else
        {
            context.Terminal.Line($"Stopping: {StatusText.Line(status)}");
        }

        return (int)ExitCode.Success;
    }
}
