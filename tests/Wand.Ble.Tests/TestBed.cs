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
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// The radio-free BLE test bed (tests/ble-testbed/bed.sh): a private dbus-daemon with the BlueZ mock, shared by every
/// test in the collection. Each test uses its own wand address. The bed's bus becomes this process's
/// DBUS_SYSTEM_BUS_ADDRESS so code that uses the default system bus reaches it too.
/// </summary>
public sealed class TestBed : IAsyncLifetime
{
    private readonly string stateDirectory = Path.Combine(Path.GetTempPath(), "wand-ble-testbed-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<GattBridge> bridges = [];
    private readonly List<VirtualWandPeripheral> peripherals = [];
    private DBusConnection? control;

    public string BusAddress { get; private set; } = string.Empty;

    public static string Script => Path.Combine(RepositoryRoot(), "tests", "ble-testbed", "bed.sh");

    public async Task InitializeAsync()
    {
        (int exitCode, string output, string error) = await RunAsync(Script, "start", stateDirectory);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"The BLE test bed did not start (exit {exitCode}): {error}");
        }

        foreach (string line in output.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith(DBusAddress.SystemBusVariable + "=", StringComparison.Ordinal))
            {
                BusAddress = line[(DBusAddress.SystemBusVariable.Length + 1)..];
            }
        }

        Assert.NotEmpty(BusAddress);
        Environment.SetEnvironmentVariable(DBusAddress.SystemBusVariable, BusAddress);
        control = await DBusConnection.ConnectAsync(DBusAddress.Parse(BusAddress));
    }

    public async Task DisposeAsync()
    {
        foreach (GattBridge bridge in bridges)
        {
            bridge.Dispose();
        }

        foreach (VirtualWandPeripheral peripheral in peripherals)
        {
            await peripheral.DisposeAsync();
        }

        if (control is not null)
        {
            await control.DisposeAsync();
        }

        await RunAsync(Script, "stop", stateDirectory);
        Directory.Delete(stateDirectory, recursive: true);
    }

    /// <summary>Places a wand near adapter hci0, its GATT layout built from the protocol table and its values
    /// answered by the real firmware on a virtual board (<see cref="VirtualWandPeripheral"/>) through a
    /// <see cref="GattBridge"/>; unless <paramref name="known"/>, it appears only through discovery. With
    /// <paramref name="factoryStrap"/> it boots in factory mode, as in the calibration jig.</summary>
    public async Task<VirtualWandPeripheral> AddWandAsync(string address, string name, bool known = false, short rssi = -58, HeadIdentity head = HeadIdentity.SoftDome, double batteryVolts = 3.9, bool factoryStrap = false)
    {
        VirtualWandPeripheral wand = new(head, batteryVolts, factoryStrap);
        peripherals.Add(wand);
        ObjectPath path = new("/org/wandfirmware/backend/dev_" + address.Replace(':', '_'));
        bridges.Add(new GattBridge(control!, path, address, wand, wand.LinkUp));
        byte battery = (byte)wand.Controller.BatteryPercent;
        await CallAsync("AddWand", "sssa{sv}", "hci0", address, name, new Dictionary<string, Variant>
        {
            ["service"] = Variant.FromString(WandGattUuids.WandService.ToString()),
            ["gatt"] = new Variant(new Signature("a(sqa(sqas))"), GattLayout()),
            ["backend"] = new Variant(new Signature("(so)"), new object[] { control!.UniqueName, path }),
            ["service-data"] = Variant.FromBytes([1, (byte)wand.Controller.Head, battery]),
            ["known"] = Variant.FromBoolean(known),
            ["rssi"] = Variant.FromInt16(rssi),
        });
        return wand;
    }

    /// <summary>Places a wand whose GATT requests are bridged to any <see cref="IWandLink"/>, for example the host's
    /// own virtual wand link (address <c>sim</c>); it connects the link first. Known to BlueZ from the start.</summary>
    public async Task AddBridgedWandAsync(string address, string name, IWandLink wand)
    {
        await wand.ConnectAsync();
        ObjectPath path = new("/org/wandfirmware/backend/dev_" + address.Replace(':', '_'));
        bridges.Add(new GattBridge(control!, path, address, wand));
        await CallAsync("AddWand", "sssa{sv}", "hci0", address, name, new Dictionary<string, Variant>
        {
            ["service"] = Variant.FromString(WandGattUuids.WandService.ToString()),
            ["gatt"] = new Variant(new Signature("a(sqa(sqas))"), GattLayout()),
            ["backend"] = new Variant(new Signature("(so)"), new object[] { control!.UniqueName, path }),
            ["known"] = Variant.FromBoolean(true),
        });
    }

    /// <summary>The profile table as the bed's GATT layout: services at handles 0x10, 0x20, …, each characteristic
    /// taking three handles (declaration, value, CCCD), as a BlueZ client would see them.</summary>
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

    /// <summary>Sets a wand's behaviour: pairing=refuse, write-error=NAME|TEXT, connect-error=NAME|TEXT.</summary>
    public Task SetBehaviourAsync(string address, string key, string value) => CallAsync("SetBehaviour", "sss", address, key, value);

    /// <summary>Takes the wand out of range.</summary>
    public Task DropLinkAsync(string address) => CallAsync("DropLink", "s", address);

    /// <summary>Makes BlueZ forget the wand (as 'bluetoothctl remove' does).</summary>
    public async Task RemoveDeviceAsync(string address) =>
        await control!.CallAsync(DBusMessage.MethodCall("org.bluez", new ObjectPath("/org/bluez/hci0"), "org.bluez.Adapter1", "RemoveDevice", "o",
            new ObjectPath("/org/bluez/hci0/dev_" + address.Replace(':', '_'))));

    /// <summary>Lists the calls the mock recorded on an object, as method names.</summary>
    public async Task<List<string>> MethodCallsAsync(string path)
    {
        DBusMessage reply = await control!.CallAsync(DBusMessage.MethodCall("org.bluez", new ObjectPath(path), "org.freedesktop.DBus.Mock", "GetCalls"));
        List<string> names = [];
        foreach (object call in (object[])reply.Body[0])
        {
            names.Add((string)((object[])call)[1]);
        }

        return names;
    }

    private async Task CallAsync(string member, string signature, params object[] arguments) =>
        await control!.CallAsync(DBusMessage.MethodCall("org.bluez", new ObjectPath("/"), "org.wandfirmware.TestBed", member, signature, arguments));

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string script, params string[] arguments)
    {
        ProcessStartInfo start = new("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    public static string RepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "WandFirmware.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WandFirmware.sln not found above " + AppContext.BaseDirectory);
    }
}

[CollectionDefinition(Name)]
public sealed class TestBedGroup : ICollectionFixture<TestBed>
{
    public const string Name = "BLE test bed";
}
