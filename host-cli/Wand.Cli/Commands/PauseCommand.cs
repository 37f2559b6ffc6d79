using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;
using Wand.Protocol.Messages;

namespace Wand.Cli.Commands;

/// <summary><c>wand pause</c>: pauses the running session; the motor ramps off and the timers hold (MD-7).</summary>
internal static class PauseCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("pause", "Pause the running session or routine: the motor ramps off, timers hold; 'wand resume' continues. Over 2 minutes paused ends the session. Exit code 13 when nothing runs.");
        command.SetAction((parseResult, cancellationToken) => DeviceSession.RunAsync(parseResult, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, CancellationToken cancellationToken)
    {
        await context.Client.RequireFeaturesAsync(ProtocolFeatures.Pause, cancellationToken).ConfigureAwait(false);
        await context.Client.PauseAsync(cancellationToken).ConfigureAwait(false);
        WandStatus status = await context.Client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["new { device"] = true, ["status"] = StatusText.Json(status) });
        }
        else
        {
            context.Terminal.Line($"Paused: {StatusText.Line(status)}");
        }

        return (int)ExitCode.Success;
    }
}
