using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.BleBed;
using Wand.BleBed.Peripheral;
using Wand.DBus;
using Wand.Host.Links.Ble;
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

    /// <summary>How long the served wand's button is held at start to open its pairing window, in milliseconds.</summary>
    public const int PairingHoldMilliseconds = 3500;

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
        // The firmware hears of each central's link and whether pairing encrypted it, so encrypted characteristics
        // answer 0x0F until a client pairs, as on the device.
        await wand.LinkUpAsync(encrypted: false, cancellationToken).ConfigureAwait(false);
        await bed.AddWandAsync(WandAddress, WandName, wand, () => wand.Wand.Runtime?.Controller.IsPairingWindowOpen() == true, known: false, owns: true, linkUp: encrypted => wand.LinkUpAsync(encrypted)).ConfigureAwait(false);

        // The button held for 3 s opens the pairing window (BP-4) for the wand's next 60 s: a client pairs in it, by
        // Device1.Pair or by reading an encrypted characteristic (BlueZ pairs and retries by itself).
        await wand.PressButtonAsync(PairingHoldMilliseconds, cancellationToken).ConfigureAwait(false);
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
            output.WriteLine("Its button was held at start: the pairing window is open for the next 60 s (Just Works).");
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

    /// <summary>
    /// Registers the virtual wand as a peripheral with the BlueZ on <see cref="Peripheral.BusAddress"/> (HC-7) and
    /// serves it until cancelled; unregisters on the way out. Untested on a radio: the tests run it against the bed's
    /// BlueZ stand-in.
    /// </summary>
    /// <param name="output">Where the registration goes.</param>
    /// <param name="json">One JSON document instead of text.</param>
    /// <param name="world">The wand's world, as for <c>sim:</c>.</param>
    /// <param name="peripheral">Which bus and adapter.</param>
    /// <param name="cancellationToken">Ctrl-C or SIGTERM.</param>
    /// <returns>A task that completes when the wand is unregistered.</returns>
    /// <exception cref="BluetoothUnavailableException">No bus, or no BlueZ on it.</exception>
    /// <exception cref="BluetoothAdapterNotFoundException">BlueZ has no such adapter, or it cannot be a peripheral.</exception>
    public static async Task RunPeripheralAsync(TextWriter output, bool json, SimulatedWandOptions world, Peripheral peripheral, CancellationToken cancellationToken)
    {
        await using SimulatedWandLink wand = new(world);
        await wand.ConnectAsync(cancellationToken).ConfigureAwait(false);

        // The button held for 3 s opens the pairing window (BP-4); the wand's time then runs only while a central is
        // connected, so the window stays open for the first central's first 60 s.
        await wand.PressButtonAsync(PairingHoldMilliseconds, cancellationToken).ConfigureAwait(false);
        await wand.DisconnectAsync(cancellationToken).ConfigureAwait(false);
        DBusConnection bus;
        try
        {
            bus = await DBusConnection.ConnectAsync(peripheral.BusAddress is null ? DBusAddress.SystemBus() : DBusAddress.Parse(peripheral.BusAddress), cancellationToken).ConfigureAwait(false);
        }
        catch (DBusConnectionException exception)
        {
            throw new BluetoothUnavailableException(exception.Message, exception);
        }

        await using (bus.ConfigureAwait(false))
        {
            ObjectPath adapter = new("/org/bluez/" + peripheral.Adapter);
            SystemBlueZPeripheral registered;
            try
            {
                registered = await SystemBlueZPeripheral.RegisterAsync(bus, adapter, wand, WandName, () => wand.Wand.Runtime?.Controller.IsPairingWindowOpen() == true).ConfigureAwait(false);
            }
            catch (DBusErrorException exception) when (exception.ErrorName is "org.freedesktop.DBus.Error.ServiceUnknown" or "org.freedesktop.DBus.Error.NameHasNoOwner")
            {
                throw new BluetoothUnavailableException($"BlueZ (org.bluez) is not on the bus: {exception.ErrorMessage}", exception);
            }
            catch (DBusErrorException exception) when (exception.ErrorName is "org.freedesktop.DBus.Error.UnknownObject" or "org.freedesktop.DBus.Error.UnknownMethod" or "org.freedesktop.DBus.Error.UnknownInterface")
            {
                throw new BluetoothAdapterNotFoundException($"BlueZ has no adapter {adapter} that can be a peripheral (GattManager1, LEAdvertisingManager1): {exception.ErrorMessage}");
            }

            await using (registered.ConfigureAwait(false))
            {
                if (json)
                {
                    CliJson.Write(output, new System.Text.Json.Nodes.JsonObject { ["adapter"] = peripheral.Adapter, ["name"] = WandName, ["application"] = SystemBlueZPeripheral.Root.Value });
                }
                else
                {
                    output.WriteLine($"A virtual wand '{WandName}' is registered with BlueZ as a peripheral on {peripheral.Adapter}: GATT application {SystemBlueZPeripheral.Root.Value}, advertising. Ctrl-C stops.");
                    output.WriteLine("Its button was held at start: the pairing window is open for the first central's first 60 s (Just Works).");
                }

                output.Flush();
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C or SIGTERM: unregistered on the way out.
                }
            }
        }
    }

    /// <summary>Where to register with <c>--system-bluez</c>.</summary>
    /// <param name="SystemBlueZ">Register with a BlueZ instead of starting the bed.</param>
    /// <param name="BusAddress">The bus BlueZ is on; <c>null</c> for the system bus.</param>
    /// <param name="Adapter">The adapter name, for example <c>hci0</c>.</param>
    internal sealed record Peripheral(bool SystemBlueZ, string? BusAddress, string Adapter);

    private static string BleDeviceAddressText => "ble:" + WandAddress;
}
