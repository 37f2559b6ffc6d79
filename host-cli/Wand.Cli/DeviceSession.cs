using System;
using System.CommandLine;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host.Client;
using Wand.Host.Links;
using Wand.Host.Links.Ble;
using Wand.Host.Links.Simulated;

namespace Wand.Cli;

/// <summary>What a device command's handler gets: the connected client and where to write.</summary>
/// <param name="Client">The connected client.</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error.</param>
/// <param name="Json">Whether --json was given.</param>
/// <param name="Terminal">Human output (tables, progress) for <paramref name="Output"/>.</param>
/// <param name="HasVirtualClock">Whether the wand's time only advances when asked (in-process <c>sim</c> with the virtual clock).</param>
internal sealed record DeviceContext(WandClient Client, TextWriter Output, TextWriter Error, bool Json, Terminal Terminal, bool HasVirtualClock);

/// <summary>Connects to the wand named by --device, runs a command's work, and maps failures to exit codes.</summary>
internal static class DeviceSession
{
    /// <summary>Creates the link factory with every transport this build has.</summary>
    /// <returns>The factory.</returns>
    public static WandLinkFactory CreateFactory() => new(
        simulated: address => new SimulatedWandLink(SimulatedAddressOptions.Parse(address.Target)),
        serial: address => WandLinkFactory.CreateSerialLink(address),
        ble: address => new BleWandLink(address.Text));

    /// <summary>Runs work against the connected wand.</summary>
    /// <param name="parseResult">The parse result (for --device, --json and the writers).</param>
    /// <param name="work">The work; returns an exit code.</param>
    /// <param name="cancellationToken">Cancelled on Ctrl-C.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(ParseResult parseResult, Func<DeviceContext, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        TextWriter output = parseResult.InvocationConfiguration.Output;
        TextWriter error = parseResult.InvocationConfiguration.Error;
        bool json = parseResult.GetValue(CommonOptions.Json);
        string device = parseResult.GetValue(CommonOptions.Device) ?? "sim";
        try
        {
            DeviceAddress address = DeviceAddress.Parse(device);
            bool virtualClock = address.Kind == DeviceKind.Simulated
                && SimulatedAddressOptions.Parse(address.Target).ClockMode == SimulatedClockMode.Virtual;
            WandClient client = await WandClient.ConnectAsync(CreateFactory(), device, cancellationToken).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                return await work(new DeviceContext(client, output, error, json, Terminal.For(output), virtualClock), cancellationToken).ConfigureAwait(false);
            }
        }
#pragma warning disable CA1031 // The CLI's one boundary: every failure becomes an exit code and a message.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            return ExitCodeMapping.Report(output, error, json, exception);
        }
    }
}
