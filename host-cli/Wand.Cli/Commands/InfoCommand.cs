using System.CommandLine;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;

namespace Wand.Cli.Commands;

/// <summary><c>wand info</c>: Device Information and the protocol version.</summary>
internal static class InfoCommand
{
    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("info", "Show Device Information (manufacturer, model, serial, revisions) and the protocol version.");
        command.SetAction((parseResult, cancellationToken) => DeviceSession.RunAsync(parseResult, RunAsync, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, CancellationToken cancellationToken)
    {
        WandDeviceInfo info = await context.Client.ReadDeviceInfoAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            CliJson.Write(context.Output, new JsonObject
            {
                ["device"] = context.Client.Link.Address,
                ["manufacturerName"] = info.ManufacturerName,
                ["modelNumber"] = info.ModelNumber,
                ["serialNumber"] = info.SerialNumber,
                ["hardwareRevision"] = info.HardwareRevision,
                ["firmwareRevision"] = info.FirmwareRevision,
                ["softwareRevision"] = info.SoftwareRevision,
                ["protocolVersion"] = info.ProtocolVersion,
                ["features"] = info.Features.ToString(),
            });
        }
        else
        {
            context.Terminal.Properties($"Wand at {context.Client.Link.Address}", [
                ("Manufacturer", info.ManufacturerName),
                ("Model", info.ModelNumber),
                ("Serial number", info.SerialNumber.Length > 0 ? info.SerialNumber : "(not provisioned)"),
                ("Hardware revision", info.HardwareRevision),
                ("Firmware revision", info.FirmwareRevision),
                ("Software revision", info.SoftwareRevision),
                ("Protocol version", info.ProtocolVersion ?? "(needs an encrypted link)"),
                ("Features", info.Features.ToString()),
            ]);
        }

        return (int)ExitCode.Success;
    }
}
