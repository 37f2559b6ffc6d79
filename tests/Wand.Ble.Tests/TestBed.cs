using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Wand.BleBed;
using Wand.DBus;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// The radio-free BLE bed (<see cref="BleBed"/>) shared by every test in the collection; each test uses its own wand
/// address. The bed's bus becomes this process's DBUS_SYSTEM_BUS_ADDRESS so code that uses the default system bus
/// reaches it too.
/// </summary>
public sealed class TestBed : IAsyncLifetime
{
    private BleBed.BleBed? bed;

    public string BusAddress => Bed.BusAddress;

    public BleBed.BleBed Bed => bed ?? throw new InvalidOperationException("The bed is not started.");

    public async Task InitializeAsync()
    {
        bed = await BleBed.BleBed.StartAsync();
        Assert.NotEmpty(bed.BusAddress);
        Environment.SetEnvironmentVariable(DBusAddress.SystemBusVariable, bed.BusAddress);

        // Discovered wands expire after BlueZ's TemporaryTimeout of bed time; only AdvanceClockAsync moves it here, so
        // a loaded machine never loses a wand between a scan and a connect.
        await bed.CallAsync("SetClock", "s", "virtual");
    }

    public async Task DisposeAsync()
    {
        if (bed is not null)
        {
            await bed.DisposeAsync();
        }
    }

    /// <summary>Places the firmware on a virtual board near hci0, paced at <see cref="VirtualWandPeripheral.SpeedFactor"/>
    /// × real time; unless <paramref name="known"/>, it appears only through discovery. With
    /// <paramref name="factoryStrap"/> it boots in factory mode, as in the calibration jig. With
    /// <paramref name="holdButtonForPairing"/> its button is held for 3.5 s first, as a user does before pairing a new
    /// phone: the pairing window (BP-4) is then open for the next 60 s of wand time.</summary>
    public async Task<VirtualWandPeripheral> AddWandAsync(string address, string name, bool known = false, short rssi = -58, HeadIdentity head = HeadIdentity.SoftDome, double batteryVolts = 3.9, bool factoryStrap = false, bool holdButtonForPairing = true)
    {
        VirtualWandPeripheral wand = new(head, batteryVolts, factoryStrap);
        if (holdButtonForPairing)
        {
            wand.HoldButtonForPairing();
        }

        await Bed.AddPeripheralAsync(address, name, wand, known, rssi);
        return wand;
    }

    /// <summary>Places a wand whose GATT requests are bridged to the host's own virtual wand link (address <c>sim</c>);
    /// it connects the link first and holds the wand's button for 3.5 s, opening its pairing window (BP-4). Known to
    /// BlueZ from the start.</summary>
    public async Task AddBridgedWandAsync(string address, string name, SimulatedWandLink wand)
    {
        await Bed.AddWandAsync(address, name, wand, () => wand.Wand.Runtime?.Controller.IsPairingWindowOpen() == true, known: true);
        await wand.PressButtonAsync(VirtualWandPeripheral.PairingHoldMilliseconds);
    }

    /// <summary>Moves the bed's virtual clock on (discovery reports, temporary-device expiry).</summary>
    public Task AdvanceClockAsync(uint seconds) => Bed.CallAsync("AdvanceClock", "u", seconds);

    /// <summary>Sets a wand's behaviour: pairing=refuse, write-error=NAME|TEXT, connect-error=NAME|TEXT, range=in|out,
    /// security-retry=unlimited|once.</summary>
    public Task SetBehaviourAsync(string address, string key, string value) => Bed.CallAsync("SetBehaviour", "sss", address, key, value);

    /// <summary>Takes the wand out of range.</summary>
    public Task DropLinkAsync(string address) => Bed.CallAsync("DropLink", "s", address);

    /// <summary>Makes BlueZ forget the wand (as 'bluetoothctl remove' does).</summary>
    public async Task RemoveDeviceAsync(string address) =>
        await Bed.Control.CallAsync(DBusMessage.MethodCall("org.bluez", new ObjectPath("/org/bluez/hci0"), "org.bluez.Adapter1", "RemoveDevice", "o",
            new ObjectPath("/org/bluez/hci0/dev_" + address.Replace(':', '_'))));

    /// <summary>Lists the calls the mock recorded on an object, as method names.</summary>
    public async Task<List<string>> MethodCallsAsync(string path)
    {
        DBusMessage reply = await Bed.Control.CallAsync(DBusMessage.MethodCall("org.bluez", new ObjectPath(path), "org.freedesktop.DBus.Mock", "GetCalls"));
        List<string> names = [];
        foreach (object call in (object[])reply.Body[0])
        {
            names.Add((string)((object[])call)[1]);
        }

        return names;
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
