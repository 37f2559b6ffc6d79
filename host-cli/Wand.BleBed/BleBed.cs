using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Host.Links;
using Wand.Host.Links.Ble;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.BleBed;

/// <summary>
/// The radio-free BLE bed: a private dbus-daemon with the mocked BlueZ (<c>testbed/bed.sh</c>, python3-dbusmock's
/// bluez5 template extended by <c>testbed/wand_bluez.py</c>) and adapter hci0, with wands placed near it. Each wand's
/// GATT requests are bridged (<see cref="GattBridge"/>) to a wand behind an <see cref="IWandLink"/>: the firmware on a
/// virtual board (<see cref="VirtualWandPeripheral"/>) or the host's simulated wand link.
/// </summary>
public sealed class BleBed : IAsyncDisposable
{
    private readonly string stateDirectory;
    private readonly List<GattBridge> bridges = [];
    private readonly List<IAsyncDisposable> owned = [];
    private DBusConnection? control;

    private BleBed(string stateDirectory) => this.stateDirectory = stateDirectory;

    /// <summary>Gets the private bus address, to export as <c>DBUS_SYSTEM_BUS_ADDRESS</c>.</summary>
    public string BusAddress { get; private set; } = string.Empty;

    /// <summary>Gets the bed's own bus connection (it exports the wand backends).</summary>
    public DBusConnection Control => control ?? throw new InvalidOperationException("The bed is not started.");

    /// <summary>Gets the bed script, next to this assembly.</summary>
    public static string Script => Path.Combine(AppContext.BaseDirectory, "testbed", "bed.sh");

    /// <summary>Starts the daemon and the mocked BlueZ with adapter hci0.</summary>
    /// <param name="stateDirectory">Where the bus socket and logs go; <c>null</c> for a new temporary directory.</param>
    /// <returns>The running bed.</returns>
    /// <exception cref="BluetoothUnavailableException">The bed did not start; the message holds the script's error output.</exception>
    public static async Task<BleBed> StartAsync(string? stateDirectory = null)
    {
        BleBed bed = new(stateDirectory ?? Path.Combine(Path.GetTempPath(), "wand-ble-bed-" + Guid.NewGuid().ToString("N")[..8]));
        (int exitCode, string output, string error) = await RunAsync("start", bed.stateDirectory).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new BluetoothUnavailableException($"The BLE bed did not start (exit {exitCode}): {error.Trim()}");
        }

        foreach (string line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(DBusAddress.SystemBusVariable + "=", StringComparison.Ordinal))
            {
                bed.BusAddress = line[(DBusAddress.SystemBusVariable.Length + 1)..];
            }
        }

        try
        {
            bed.control = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress)).ConfigureAwait(false);
        }
        catch
        {
            await bed.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return bed;
    }

    /// <summary>Places a wand near hci0 whose requests go to <paramref name="wand"/> (connected first).</summary>
    /// <param name="address">The Bluetooth address, <c>AA:BB:CC:DD:EE:FF</c>.</param>
    /// <param name="name">The advertised name.</param>
    /// <param name="wand">The wand; the bed disposes it when it owns it (<paramref name="owns"/>).</param>
    /// <param name="pairingWindowOpen">Tells whether the wand accepts a new pairing now (its pairing window, BP-4).</param>
    /// <param name="known">Known to BlueZ from the start; otherwise it appears through discovery.</param>
    /// <param name="rssi">Signal strength, dBm.</param>
    /// <param name="owns">Dispose <paramref name="wand"/> with the bed.</param>
    /// <param name="linkUp">Called on connection and encryption changes instead of <see cref="IWandLink.ConnectAsync"/>.</param>
    /// <returns>A task that completes when BlueZ lists the wand (or will find it).</returns>
    public async Task AddWandAsync(string address, string name, IWandLink wand, Func<bool> pairingWindowOpen, bool known, short rssi = -58, bool owns = false, Func<bool, Task>? linkUp = null)
    {
        ArgumentNullException.ThrowIfNull(wand);
        if (owns)
        {
            owned.Add(wand);
        }

        if (linkUp is null)
        {
            await wand.ConnectAsync().ConfigureAwait(false);
        }

        ObjectPath path = new("/org/wandfirmware/backend/dev_" + address.Replace(':', '_'));
        bridges.Add(new GattBridge(Control, path, address, wand, pairingWindowOpen, linkUp));
        await CallAsync("AddWand", "sssa{sv}", "hci0", address, name, new Dictionary<string, Variant>
        {
            ["service"] = Variant.FromString(WandGattUuids.WandService.ToString()),
            ["gatt"] = new Variant(new Signature("a(sqa(sqas))"), GattLayout()),
            ["backend"] = new Variant(new Signature("(so)"), new object[] { Control.UniqueName, path }),
            ["known"] = Variant.FromBoolean(known),
            ["rssi"] = Variant.FromInt16(rssi),
        }).ConfigureAwait(false);
    }

    /// <summary>Places the firmware on a virtual board near hci0 (see <see cref="VirtualWandPeripheral"/>).</summary>
    /// <param name="address">The Bluetooth address.</param>
    /// <param name="name">The advertised name.</param>
    /// <param name="wand">The peripheral; the bed disposes it.</param>
    /// <param name="known">Known to BlueZ from the start.</param>
    /// <param name="rssi">Signal strength, dBm.</param>
    /// <returns>A task that completes when placed.</returns>
    public Task AddPeripheralAsync(string address, string name, VirtualWandPeripheral wand, bool known, short rssi = -58)
    {
        ArgumentNullException.ThrowIfNull(wand);
        return AddWandAsync(address, name, wand, wand.IsPairingWindowOpen, known, rssi, owns: true, linkUp: encrypted =>
        {
            wand.LinkUp(encrypted);
            return Task.CompletedTask;
        });
    }

    /// <summary>The profile table as the bed's GATT layout: services at handles 0x10, 0x20, …, each characteristic
    /// taking three handles (declaration, value, CCCD), as a BlueZ client would see them.</summary>
    /// <returns>Services with their start handle and characteristics (UUID, declaration handle, flags).</returns>
    public static List<object[]> GattLayout()
    {
        List<object[]> services = [];
        for (int serviceIndex = 0; serviceIndex < WandProfile.ServiceCount; serviceIndex++)
        {
            ushort handle = (ushort)(0x10 * (serviceIndex + 1));
            List<object[]> characteristics = [];
            for (int index = 0; index < WandProfile.CharacteristicCount; index++)
            {
                CharacteristicDefinition definition = WandProfile.Characteristic(index);
                if (definition.ServiceIndex == serviceIndex)
                {
                    List<string> flags = [];
                    if (definition.CanRead) { flags.Add("read"); }
                    if (definition.CanWriteWithoutResponse) { flags.Add("write-without-response"); }
                    if (definition.CanWrite) { flags.Add("write"); }
                    if (definition.CanNotify) { flags.Add("notify"); }
                    characteristics.Add([definition.Uuid.Text, (ushort)(handle + 1 + (3 * characteristics.Count)), flags.ToArray()]);
                }
            }

            services.Add([WandProfile.Service(serviceIndex).Uuid.Text, handle, characteristics]);
        }

        return services;
    }

    /// <summary>Calls the bed's control interface (<c>org.wandfirmware.TestBed</c> on <c>/</c> of org.bluez).</summary>
    /// <param name="member">The method, for example <c>SetBehaviour</c>.</param>
    /// <param name="signature">The arguments' signature.</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The reply values.</returns>
    public async Task<IReadOnlyList<object>> CallAsync(string member, string signature, params object[] arguments) =>
        (await Control.CallAsync(DBusMessage.MethodCall("org.bluez", new ObjectPath("/"), "org.wandfirmware.TestBed", member, signature, arguments)).ConfigureAwait(false)).Body;

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        foreach (GattBridge bridge in bridges)
        {
            bridge.Dispose();
        }

        foreach (IAsyncDisposable wand in owned)
        {
            await wand.DisposeAsync().ConfigureAwait(false);
        }

        if (control is not null)
        {
            await control.DisposeAsync().ConfigureAwait(false);
        }

        await RunAsync("stop", stateDirectory).ConfigureAwait(false);
        if (Directory.Exists(stateDirectory))
        {
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        ProcessStartInfo start = new("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return (process.ExitCode, await output.ConfigureAwait(false), await error.ConfigureAwait(false));
    }
}
