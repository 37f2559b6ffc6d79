using System;
using System.Collections.Generic;
using System.Threading.Channels;
using System.Threading.Tasks;
using Wand.BleBed;
using Wand.DBus;
using Wand.Host.Links.Ble;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// Pairing as BlueZ 5.66 does it with a central that never calls Pair: a request the wand answers 0x05 or 0x0F on an
/// unencrypted link makes BlueZ raise the link's security (Just Works pairing) and send the request again
/// (src/shared/att.c handle_error_rsp, change_security), and the wand accepts a pairing only inside its pairing window
/// (BP-4). Device1.Pair outside the window is refused as src/device.c new_authentication_return reports a peer's
/// Pairing Failed.
/// </summary>
[Collection(TestBedGroup.Name)]
public sealed class AutomaticPairingTests(TestBed bed)
{
    private const string Characteristic = "org.bluez.GattCharacteristic1";
    private static readonly Dictionary<string, Variant> NoOptions = [];

    /// <summary>change_security: the wand's 0x0F on the status read makes BlueZ pair inside the window and retry; the
    /// client gets the value, never the error, and the device is paired.</summary>
    [Fact]
    public async Task BP4_ChangeSecurity_EncryptedReadInsideTheWindow_PairsAndRetries_ClientSeesTheValue()
    {
        const string Address = "AA:00:00:00:00:81";
        await bed.AddWandAsync(Address, "Wand-P1", known: true);
        await using Client client = await Client.ConnectAsync(bed, Address);

        IReadOnlyList<object> status = await client.Bus.CallMethodAsync("org.bluez", await client.PathAsync(WandGattUuids.Status), Characteristic, "ReadValue", "a{sv}", NoOptions);

        Assert.Equal(17, ((byte[])status[0]).Length);
        Assert.Equal((Address, true), await client.NextPairingAsync());
        Assert.Equal(true, await client.DevicePropertyAsync("Paired"));
    }

    /// <summary>handle_error_rsp in BlueZ 5.66 has no retry limit: with the window closed the wand refuses each
    /// pairing and the write stays pending, tried again with a new pairing each time; once the user opens the window
    /// the next try pairs and the write completes.</summary>
    [Fact]
    public async Task BP4_ChangeSecurity_WindowClosed_BlueZ566_KeepsRetrying_UntilTheWindowOpens()
    {
        const string Address = "AA:00:00:00:00:82";
        VirtualWandPeripheral wand = await bed.AddWandAsync(Address, "Wand-P2", known: true, holdButtonForPairing: false);
        await using Client client = await Client.ConnectAsync(bed, Address);
        ObjectPath controlPoint = await client.PathAsync(WandGattUuids.ControlPoint);

        Task<DBusMessage> write = client.Bus.CallAsync(DBusMessage.MethodCall("org.bluez", controlPoint, Characteristic, "WriteValue", "aya{sv}",
            Payloads.Command(command => command.SetStop()), new Dictionary<string, Variant> { ["type"] = Variant.FromString("request") }), TimeSpan.FromMinutes(5));
        (string, bool) first = await client.NextPairingAsync();
        (string, bool) second = await client.NextPairingAsync();
        bool pendingAfterTwoRefusals = !write.IsCompleted;
        wand.HoldButtonForPairing();

        DBusErrorException answer = await Assert.ThrowsAsync<DBusErrorException>(() => write);

        Assert.Equal(((Address, false), (Address, false), true), (first, second, pendingAfterTwoRefusals));
        // The retried write reached the firmware over the encrypted link: stop while idle is refused by state (0x98).
        Assert.Equal(("org.bluez.Error.Failed", "Operation failed with ATT error: 0x98"), (answer.ErrorName, answer.ErrorMessage));
        Assert.Equal(true, await client.DevicePropertyAsync("Paired"));
    }

    /// <summary>A request kept for another security retry ends when the link drops: src/shared/att.c
    /// disc_att_send_op completes it without an ATT code, which create_gatt_dbus_error sends as Failed "Operation
    /// failed".</summary>
    [Fact]
    public async Task BP4_ChangeSecurity_WindowClosed_BlueZ566_LinkDrop_EndsThePendingRequestWithOperationFailed()
    {
        const string Address = "AA:00:00:00:00:87";
        await bed.AddWandAsync(Address, "Wand-P7", known: true, holdButtonForPairing: false);
        await using Client client = await Client.ConnectAsync(bed, Address);
        ObjectPath status = await client.PathAsync(WandGattUuids.Status);

        Task<DBusMessage> read = client.Bus.CallAsync(DBusMessage.MethodCall("org.bluez", status, Characteristic, "ReadValue", "a{sv}", NoOptions), TimeSpan.FromMinutes(5));
        Assert.Equal((Address, false), await client.NextPairingAsync());
        await bed.DropLinkAsync(Address);

        DBusErrorException ended = await Assert.ThrowsAsync<DBusErrorException>(() => read);
        Assert.Equal(("org.bluez.Error.Failed", "Operation failed"), (ended.ErrorName, ended.ErrorMessage));
    }

    /// <summary>From BlueZ 5.71 (commit 7ff68ce57, "shared/att: Don't keep retrying the same operation") a request is
    /// retried once: after the refused pairing the client sees create_gatt_dbus_error's NotPermitted "Not paired".</summary>
    [Fact]
    public async Task BP4_ChangeSecurity_WindowClosed_BlueZ571_OneRetry_ThenNotPermittedNotPaired()
    {
        const string Address = "AA:00:00:00:00:83";
        await bed.AddWandAsync(Address, "Wand-P3", known: true, holdButtonForPairing: false);
        await bed.SetBehaviourAsync(Address, "security-retry", "once");
        await using Client client = await Client.ConnectAsync(bed, Address);

        DBusErrorException refused = await Assert.ThrowsAsync<DBusErrorException>(async () =>
            await client.Bus.CallMethodAsync("org.bluez", await client.PathAsync(WandGattUuids.Status), Characteristic, "ReadValue", "a{sv}", NoOptions));

        Assert.Equal(("org.bluez.Error.NotPermitted", "Not paired"), (refused.ErrorName, refused.ErrorMessage));
        Assert.Equal((Address, false), await client.NextPairingAsync());
        Assert.Equal(false, await client.DevicePropertyAsync("Paired"));
    }

    /// <summary>An open characteristic (Battery Level) needs no pairing: no attempt is made.</summary>
    [Fact]
    public async Task OpenRead_NeedsNoPairing()
    {
        const string Address = "AA:00:00:00:00:84";
        await bed.AddWandAsync(Address, "Wand-P4", known: true, holdButtonForPairing: false);
        await using Client client = await Client.ConnectAsync(bed, Address);

        IReadOnlyList<object> battery = await client.Bus.CallMethodAsync("org.bluez", await client.PathAsync(WandGattUuids.BatteryLevel), Characteristic, "ReadValue", "a{sv}", NoOptions);

        Assert.Single((byte[])battery[0]);
        Assert.Equal(false, await client.DevicePropertyAsync("Paired"));
        Assert.False(client.Pairings.Reader.TryRead(out _));
    }

    /// <summary>src/device.c pair_device and new_authentication_return: the wand's Pairing Failed outside its window is
    /// MGMT_STATUS_AUTH_FAILED, reported as AuthenticationFailed "Authentication Failed"; inside the window (a long
    /// button press later) Pair succeeds.</summary>
    [Fact]
    public async Task BP4_Pair_OutsideTheWindow_IsAuthenticationFailed_InsideItSucceeds()
    {
        const string Address = "AA:00:00:00:00:85";
        VirtualWandPeripheral wand = await bed.AddWandAsync(Address, "Wand-P5", known: true, holdButtonForPairing: false);
        await using Client client = await Client.ConnectAsync(bed, Address);

        DBusErrorException refused = await Assert.ThrowsAsync<DBusErrorException>(() => client.Bus.CallMethodAsync("org.bluez", client.Device, "org.bluez.Device1", "Pair"));
        object pairedAfterRefusal = await client.DevicePropertyAsync("Paired");
        wand.HoldButtonForPairing();
        await client.Bus.CallMethodAsync("org.bluez", client.Device, "org.bluez.Device1", "Pair");

        Assert.Equal(("org.bluez.Error.AuthenticationFailed", "Authentication Failed"), (refused.ErrorName, refused.ErrorMessage));
        Assert.Equal(false, pairedAfterRefusal);
        Assert.Equal(true, await client.DevicePropertyAsync("Paired"));
        Assert.True(wand.Controller.IsPairingWindowOpen());
    }

    /// <summary>characteristic_start_notify writes the CCCD; the wand refuses a subscription to an encrypted
    /// characteristic with 0x0F (AccessRules.CheckSubscribe), so BlueZ pairs and writes it again, inside the window.</summary>
    [Fact]
    public async Task BP4_StartNotify_OnAnEncryptedCharacteristic_PairsFirst_InsideTheWindow()
    {
        const string Address = "AA:00:00:00:00:86";
        await bed.AddWandAsync(Address, "Wand-P6", known: true);
        await using Client client = await Client.ConnectAsync(bed, Address);
        ObjectPath status = await client.PathAsync(WandGattUuids.Status);

        await client.Bus.CallMethodAsync("org.bluez", status, Characteristic, "StartNotify");

        Assert.Equal((Address, true), await client.NextPairingAsync());
        Assert.Equal(true, ((Variant)(await client.Bus.CallMethodAsync("org.bluez", status, "org.freedesktop.DBus.Properties", "Get", "ss", Characteristic, "Notifying"))[0]).Value);
    }

    /// <summary>A central with its own bus connection, connected to one wand, that records TestBed.PairingAttempted.</summary>
    private sealed class Client : IAsyncDisposable
    {
        private IDisposable? watch;

        private Client(DBusConnection bus, ObjectPath device, string address, TestBed bed)
        {
            Bus = bus;
            Device = device;
            Address = address;
            Bed = bed;
        }

        public DBusConnection Bus { get; }

        public ObjectPath Device { get; }

        public string Address { get; }

        public Channel<(string Address, bool Accepted)> Pairings { get; } = Channel.CreateUnbounded<(string, bool)>();

        private TestBed Bed { get; }

        public static async Task<Client> ConnectAsync(TestBed bed, string address)
        {
            DBusConnection bus = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
            Client client = new(bus, new ObjectPath("/org/bluez/hci0/dev_" + address.Replace(':', '_')), address, bed);
            client.watch = await bus.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.wandfirmware.TestBed", Member = "PairingAttempted" }, signal =>
            {
                if ((string)signal.Body[0] == address)
                {
                    client.Pairings.Writer.TryWrite(((string)signal.Body[0], (bool)signal.Body[1]));
                }
            });
            await bus.CallMethodAsync("org.bluez", client.Device, "org.bluez.Device1", "Connect");
            return client;
        }

        public Task<ObjectPath> PathAsync(Guid uuid) => SpoofingTests.CharacteristicPathAsync(Bed, Address, uuid);

        public async Task<(string, bool)> NextPairingAsync() => await Pairings.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(2));

        public async Task<object> DevicePropertyAsync(string name) =>
            ((Variant)(await Bus.CallMethodAsync("org.bluez", Device, "org.freedesktop.DBus.Properties", "Get", "ss", "org.bluez.Device1", name))[0]).Value;

        public async ValueTask DisposeAsync()
        {
            watch?.Dispose();
            try
            {
                await Bus.CallMethodAsync("org.bluez", Device, "org.bluez.Device1", "Disconnect");
            }
            catch (DBusErrorException)
            {
                // Already disconnected.
            }

            await Bus.DisposeAsync();
        }
    }
}
