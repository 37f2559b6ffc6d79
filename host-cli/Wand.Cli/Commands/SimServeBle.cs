using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.BleBed;
using Wand.Cli.Output;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand sim serve --ble</c>: the radio-free BLE bed (a private dbus-daemon with a mocked BlueZ and adapter hci0)
/// with one virtual wand near it, answered by the real firmware on the virtual board in real time. Prints the
/// <c>DBUS_SYSTEM_BUS_ADDRESS</c> to export so BlueZ clients (bleak, bluetoothctl, <c>wand --device ble:…</c>) reach it;
/// stops and removes the bed on Ctrl-C or SIGTERM.
/// </summary>
internal static class SimServeBle
{
    /// <summary>The virtual wand's Bluetooth address on the bed.</summary>
    public const string WandAddress = "F0:CA:CC:1A:00:01";

    /// <summary>The virtual wand's advertised name.</summary>
    public const string WandName = "Wand-SIM";

    /// <summary>Runs the bed until cancelled.</summary>
    /// <param name="output">Where the address goes.</param>
    /// <param name="json">One JSON document instead of text.</param>
    /// <param name="world">The wand's world, as for <c>sim:</c>; real time unless <c>clock=</c> says otherwise.</param>
    /// <param name="cancellationToken">Ctrl-C or SIGTERM.</param>
    /// <returns>A task that completes when the bed has stopped.</returns>
    public static async Task RunAsync(TextWriter output, bool json, SimulatedWandOptions world, CancellationToken cancellationToken)
    {
        SimulatedWandLink wand = new(world);
        await using BleBed.BleBed bed = await BleBed.BleBed.StartAsync().ConfigureAwait(false);
        await bed.AddWandAsync(WandAddress, WandName, wand, known: false, owns: true).ConfigureAwait(false);
        if (json)
        {
            CliJson.Write(output, new JsonObject { ["busAddress"] = bed.BusAddress, ["address"] = BleDeviceAddressText, ["name"] = WandName, ["adapter"] = "hci0" });
        }
        else
        {
            output.WriteLine($"A virtual wand '{WandName}' ({BleDeviceAddressText}) is near adapter hci0 of a mocked BlueZ. Ctrl-C stops.");
            output.WriteLine("Point BlueZ clients at it:");
            output.WriteLine($"  export DBUS_SYSTEM_BUS_ADDRESS={bed.BusAddress}");
            output.WriteLine($"  wand --device {BleDeviceAddressText} status");
        }

        output.Flush();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: the bed stops on the way out.
        }
    }

    private static string BleDeviceAddressText => "ble:" + WandAddress;
}
