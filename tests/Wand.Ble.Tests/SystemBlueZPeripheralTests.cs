using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Wand.BleBed;
using Wand.BleBed.Peripheral;
using Wand.Core.Board;
using Wand.DBus;
using Wand.Host.Links;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// HC-7: the virtual wand registered as a peripheral with BlueZ. The bed's BlueZ mock plays bluetoothd
/// (testbed/wand_peripheral.py): it reads the registered application and advertisement back, checks permissions as
/// src/shared/gatt-server.c does, and passes a remote central's reads, writes and CCCD writes to the application's
/// objects with the options bluetoothd gives. The firmware on a virtual board answers, in virtual time.
/// </summary>
public sealed class SystemBlueZPeripheralTests : IAsyncLifetime
{
    private const string Central = "11:22:33:44:55:66";
    private static readonly ObjectPath Adapter = new("/org/bluez/hci0");
    private static readonly string ControlPoint = WandProfile.Characteristic(WandProfile.ControlPointIndex).Uuid.Text;
    private static readonly string Status = WandProfile.Characteristic(WandProfile.StatusIndex).Uuid.Text;
    private static readonly string ManufacturerName = WandProfile.Characteristic(WandProfile.ManufacturerNameIndex).Uuid.Text;
    private BleBed.BleBed? bed;
    private DBusConnection? bus;
    private VirtualWandPeripheral? wand;

    private BleBed.BleBed Bed => bed!;

    private VirtualWandPeripheral Wand => wand!;

    public async Task InitializeAsync()
    {
        bed = await BleBed.BleBed.StartAsync();
        bus = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
        wand = new VirtualWandPeripheral(HeadIdentity.SoftDome, 3.9) { Paced = false };
    }

    public async Task DisposeAsync()
    {
        if (wand is not null)
        {
            await wand.DisposeAsync();
        }

        if (bus is not null)
        {
            await bus.DisposeAsync();
        }

        if (bed is not null)
        {
            await bed.DisposeAsync();
        }
    }

    [Fact]
    public async Task HC7_Registration_GivesBlueZTheProfileTableWithSecurityFlagsAndTheDocumentedAdvertisement()
    {
        await using SystemBlueZPeripheral peripheral = await RegisterAsync();

        Dictionary<string, Dictionary<string, object>> characteristics = await RegisteredCharacteristicsAsync();
        Assert.Equal(WandProfile.CharacteristicCount, characteristics.Count);
        Assert.Equal(["encrypt-write", "encrypt-notify"], Flags(characteristics[ControlPoint]));
        Assert.Equal(["encrypt-read", "encrypt-notify"], Flags(characteristics[Status]));
        Assert.Equal(["read"], Flags(characteristics[ManufacturerName]));
        object[] advertisement = (object[])(await Bed.CallAsync("Advertisements", string.Empty))[0];
        Dictionary<object, object> properties = (Dictionary<object, object>)((object[])Assert.Single(advertisement))[1];
        Assert.Equal("peripheral", ((Variant)properties["Type"]).Value);
        Assert.Equal([WandProfile.Service(WandProfile.WandServiceIndex).Uuid.Text], (object[])((Variant)properties["ServiceUUIDs"]).Value);
        Assert.Equal("Wand-SIM", ((Variant)properties["LocalName"]).Value);
        Assert.False(properties.ContainsKey("ServiceData"), "version 1.0 advertises no service data");
    }

    [Fact]
    public async Task HC7_PresentationDescriptor_IsRegisteredWhereTheTableHasOne()
    {
        await using SystemBlueZPeripheral peripheral = await RegisterAsync();

        Dictionary<object, object> objects = await ApplicationObjectsAsync();
        List<Dictionary<object, object>> descriptors = [.. objects.Values.Cast<Dictionary<object, object>>()
            .Where(interfaces => interfaces.ContainsKey("org.bluez.GattDescriptor1"))
            .Select(interfaces => (Dictionary<object, object>)interfaces["org.bluez.GattDescriptor1"])];
        int withFormat = Enumerable.Range(0, WandProfile.CharacteristicCount).Count(index => WandProfile.Characteristic(index).PresentationFormat is not null);
        Assert.True(withFormat > 0);
        Assert.Equal(withFormat, descriptors.Count);
        Assert.All(descriptors, descriptor => Assert.Equal("00002904-0000-1000-8000-00805f9b34fb", ((Variant)descriptor["UUID"]).Value));
    }

    [Fact]
    public async Task HC7_Central_OpenReadsPass_EncryptedAccessNeedsPairing_PairingOnlyInsideTheWindow()
    {
        await using SystemBlueZPeripheral peripheral = await RegisterAsync();
        ObjectPath central = await ConnectCentralAsync();

        (byte code, byte[] value) = await ReadAsync(central, ManufacturerName);
        Assert.Equal(0, code);
        Assert.Equal("WandFirmware", System.Text.Encoding.ASCII.GetString(value));
        Assert.Equal((byte)AttError.InsufficientEncryption, (await ReadAsync(central, Status)).Code);
        Assert.Equal((byte)AttError.InsufficientEncryption, await WriteAsync(central, ControlPoint, [0x01, 2, 0, 0, 0]));
        Assert.Equal((byte)AttError.InsufficientEncryption, await SubscribeAsync(central, ControlPoint, true));

        DBusErrorException closed = await Assert.ThrowsAsync<DBusErrorException>(() => Bed.CallAsync("CentralPair", "o", central));
        Assert.Equal("org.bluez.Error.AuthenticationRejected", closed.ErrorName);
        Assert.Contains("org.bluez.Error.Rejected", closed.ErrorMessage, StringComparison.Ordinal);

        OpenPairingWindow();
        await Bed.CallAsync("CentralPair", "o", central);

        Assert.Equal(0, (await ReadAsync(central, Status)).Code);
    }

    [Fact]
    public async Task HC7_PairedCentral_ControlsASession_NotifiedThroughTheApplication_RefusalsKeepTheirAttCodes()
    {
        await using SystemBlueZPeripheral peripheral = await RegisterAsync();
        ObjectPath central = await ConnectCentralAsync();
        OpenPairingWindow();
        await Bed.CallAsync("CentralPair", "o", central);
        List<byte[]> answers = [];
        TaskCompletionSource<byte[]> answered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable notified = await bus!.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.wandfirmware.TestBed", Member = "CentralNotified" }, signal =>
        {
            if ((string)signal.Body[1] == ControlPoint)
            {
                answered.TrySetResult((byte[])signal.Body[2]);
            }
        });

        Assert.Equal(0, await SubscribeAsync(central, ControlPoint, true));
        Assert.Equal(0, await WriteAsync(central, ControlPoint, [0x01, 2, 0, 0, 0]));

        byte[] answer = await answered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal([0x01, 0x00], answer[..2]);
        Assert.NotEqual(SessionState.Idle, Wand.Controller.SessionState);
        Assert.Equal((byte)AttError.LevelOutOfRange, await WriteAsync(central, ControlPoint, [0x03, 9]));
        Assert.Equal((byte)AttError.InvalidOffset, await WriteAsync(central, ControlPoint, [0x02], offset: 1));
        Assert.Equal((byte)AttError.InvalidAttributeValueLength, await WriteAsync(central, ControlPoint, []));
    }

    [Fact]
    public async Task HC7_CentralLeaves_TheWandSeesTheLinkDrop_AndUnregisteringRemovesEverything()
    {
        SystemBlueZPeripheral peripheral = await RegisterAsync();
        ObjectPath central = await ConnectCentralAsync();
        OpenPairingWindow();
        await Bed.CallAsync("CentralPair", "o", central);
        Assert.Equal(0, await WriteAsync(central, ControlPoint, [0x01, 2, 0, 0, 0]));
        Assert.NotEqual(SessionState.Idle, Wand.Controller.SessionState);

        TaskCompletionSource linkDown = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Wand.StateChanged += (_, change) =>
        {
            if (change.State == LinkState.Disconnected)
            {
                linkDown.TrySetResult();
            }
        };
        await Bed.CallAsync("CentralDisconnect", "o", central);
        await linkDown.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Wand.Run(SafetyLimits.ControlTickMilliseconds * 5);

        Assert.Equal(SessionState.Idle, Wand.Controller.SessionState);
        await peripheral.DisposeAsync();
        Assert.Empty((object[])(await Bed.CallAsync("Applications", string.Empty))[0]);
        Assert.Empty((object[])(await Bed.CallAsync("Advertisements", string.Empty))[0]);
    }

    private Task<SystemBlueZPeripheral> RegisterAsync() =>
        SystemBlueZPeripheral.RegisterAsync(bus!, Adapter, Wand, "Wand-SIM", () => Wand.Controller.IsPairingWindowOpen(), Wand.LinkUp);

    private async Task<ObjectPath> ConnectCentralAsync() => (ObjectPath)(await Bed.CallAsync("CentralConnect", "ss", "hci0", Central))[0];

    private void OpenPairingWindow()
    {
        // Held for three seconds while idle (BP-4); run the virtual board through the press.
        Wand.Board.PressButton(3500);
        Wand.Run(4000);
        Assert.True(Wand.Controller.IsPairingWindowOpen(), "the pairing window did not open");
    }

    private async Task<(byte Code, byte[] Value)> ReadAsync(ObjectPath central, string uuid)
    {
        IReadOnlyList<object> reply = await Bed.CallAsync("CentralRead", "osq", central, uuid, (ushort)0);
        return ((byte)reply[0], (byte[])reply[1]);
    }

    private async Task<byte> WriteAsync(ObjectPath central, string uuid, byte[] value, ushort offset = 0) =>
        (byte)(await Bed.CallAsync("CentralWrite", "osayqb", central, uuid, value, offset, true))[0];

    private async Task<byte> SubscribeAsync(ObjectPath central, string uuid, bool enable) =>
        (byte)(await Bed.CallAsync("CentralSubscribe", "osb", central, uuid, enable))[0];

    private async Task<Dictionary<object, object>> ApplicationObjectsAsync()
    {
        object[] applications = (object[])(await Bed.CallAsync("Applications", string.Empty))[0];
        object[] application = (object[])Assert.Single(applications);
        Assert.Equal(SystemBlueZPeripheral.Root.Value, application[1]);
        return (Dictionary<object, object>)application[2];
    }

    private async Task<Dictionary<string, Dictionary<string, object>>> RegisteredCharacteristicsAsync()
    {
        Dictionary<string, Dictionary<string, object>> characteristics = [];
        foreach (Dictionary<object, object> interfaces in (await ApplicationObjectsAsync()).Values.Cast<Dictionary<object, object>>())
        {
            if (interfaces.TryGetValue("org.bluez.GattCharacteristic1", out object? properties))
            {
                Dictionary<string, object> values = ((Dictionary<object, object>)properties).ToDictionary(pair => (string)pair.Key, pair => ((Variant)pair.Value).Value);
                characteristics[(string)values["UUID"]] = values;
            }
        }

        return characteristics;
    }

    private static string[] Flags(Dictionary<string, object> characteristic) => [.. ((object[])characteristic["Flags"]).Cast<string>()];
}
