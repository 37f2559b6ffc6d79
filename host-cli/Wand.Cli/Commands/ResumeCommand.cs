using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;
using Wand.Protocol.Messages;

namespace Wand.Cli.Commands;

/// <summary><c>wand resume</c>: resumes a paused session through the start ramp (MD-7).</summary>
internal static class ResumeCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("resume", "Resume a paused session or routine where it held; the motor comes back through the start ramp. Exit code 13 when nothing runs.");
        command.SetAction((parseResult, cancellationToken) => DeviceSession.RunAsync(parseResult, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, CancellationToken cancellationToken)
    {
        await context.Client.RequireFeaturesAsync(ProtocolFeatures.Pause, cancellationToken).ConfigureAwait(false);
        await context.Client.ResumeAsync(cancellationToken).ConfigureAwait(false);
        WandStatus status = await context.Client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject { ["device"] = context.Client.Link.Address, ["new { device"] = true, ["status"] = StatusText.Json(status) });
        }
        else
        {
            context.Terminal.Line($"Resumed: {StatusText.Line(status)}");
        }

        return (int)ExitCode.Success;
    }
}
