using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Host.Links;
using Wand.Host.Links.Ble;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>The bed behaves as BlueZ 5.66 does where clients can tell; each test names the BlueZ function.</summary>
[Collection(TestBedGroup.Name)]
public sealed class BedFidelityTests(TestBed bed)
{
    private const string Characteristic = "org.bluez.GattCharacteristic1";

    /// <summary>src/gatt-client.c characteristic_stop_notify: a client without a notify session gets Failed "No notify
    /// session started"; the session of the client that started it (and Notifying) stays.</summary>
    [Fact]
    public async Task StopNotify_FromAClientWithoutASession_IsRefused_TheOwnersSessionStays()
    {
        await bed.AddWandAsync("AA:00:00:00:00:61", "Wand-F1", known: true);
        await using BleWandLink link = new("ble:AA:00:00:00:00:61", new BleLinkOptions { BusAddress = bed.BusAddress, RequestTimeout = TimeSpan.FromSeconds(10) });
        await link.ConnectAsync();
        await link.SubscribeAsync(WandGattUuids.Status, true);
        ObjectPath status = await SpoofingTests.CharacteristicPathAsync(bed, "AA:00:00:00:00:61", WandGattUuids.Status);
        await using DBusConnection other = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));

        DBusErrorException refused = await Assert.ThrowsAsync<DBusErrorException>(() => other.CallMethodAsync("org.bluez", status, Characteristic, "StopNotify"));

        Assert.Equal(("org.bluez.Error.Failed", "No notify session started"), (refused.ErrorName, refused.ErrorMessage));
        Assert.Equal(true, await NotifyingAsync(other, status));
    }

    /// <summary>characteristic_start_notify: one session per client; the second client's StartNotify adds a session,
    /// and Notifying stays true until the last session stops.</summary>
    [Fact]
    public async Task Notifying_StaysTrueUntilTheLastClientStops()
    {
        await bed.AddWandAsync("AA:00:00:00:00:62", "Wand-F2", known: true);
        await using BleWandLink link = new("ble:AA:00:00:00:00:62", new BleLinkOptions { BusAddress = bed.BusAddress, RequestTimeout = TimeSpan.FromSeconds(10) });
        await link.ConnectAsync();
        await link.SubscribeAsync(WandGattUuids.Status, true);
        ObjectPath status = await SpoofingTests.CharacteristicPathAsync(bed, "AA:00:00:00:00:62", WandGattUuids.Status);
        await using DBusConnection other = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));

        await other.CallMethodAsync("org.bluez", status, Characteristic, "StartNotify");
        await link.SubscribeAsync(WandGattUuids.Status, false);
        object afterFirstStop = await NotifyingAsync(other, status);
        await other.CallMethodAsync("org.bluez", status, Characteristic, "StopNotify");

        Assert.Equal(true, afterFirstStop);
        Assert.Equal(false, await NotifyingAsync(other, status));
    }

    /// <summary>src/gatt-client.c notify_client_disconnect: a client that leaves the bus loses its notify session;
    /// when it held the last one, Notifying turns false and the CCCD is written off.</summary>
    [Fact]
    public async Task NotifySession_EndsWhenItsClientLeavesTheBus()
    {
        await bed.AddWandAsync("AA:00:00:00:00:65", "Wand-F5", known: true);
        await using DBusConnection watcher = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
        DBusConnection client = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
        ObjectPath device = new("/org/bluez/hci0/dev_AA_00_00_00_00_65");
        await client.CallMethodAsync("org.bluez", device, "org.bluez.Device1", "Connect");
        await client.CallMethodAsync("org.bluez", device, "org.bluez.Device1", "Pair");
        ObjectPath battery = await SpoofingTests.CharacteristicPathAsync(bed, "AA:00:00:00:00:65", WandGattUuids.BatteryLevel);
        await client.CallMethodAsync("org.bluez", battery, Characteristic, "StartNotify");
        object whileSubscribed = await NotifyingAsync(watcher, battery);
        TaskCompletionSource ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable watch = await watcher.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.freedesktop.DBus.Properties", Member = "PropertiesChanged", Path = battery }, signal =>
        {
            if (((Dictionary<object, object>)signal.Body[1]).TryGetValue("Notifying", out object? value) && ((Variant)value).Value is false)
            {
                ended.TrySetResult();
            }
        });

        await client.DisposeAsync();

        await ended.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(true, whileSubscribed);
        Assert.Equal(false, await NotifyingAsync(watcher, battery));
    }

    /// <summary>src/device.c device_remove_connection: ServicesResolved turns false, the Disconnect reply is sent, and
    /// only then Connected turns false, so a client that closes its bus on Connected=false has its reply.</summary>
    [Fact]
    public async Task Disconnect_RepliesBeforeConnectedTurnsFalse()
    {
        await bed.AddWandAsync("AA:00:00:00:00:63", "Wand-F3", known: true);
        await using DBusConnection client = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
        ObjectPath device = new("/org/bluez/hci0/dev_AA_00_00_00_00_63");
        List<string> seen = [];
        TaskCompletionSource disconnected = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable watch = await client.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.freedesktop.DBus.Properties", Member = "PropertiesChanged", Path = device }, signal =>
        {
            foreach ((object key, object value) in (Dictionary<object, object>)signal.Body[1])
            {
                lock (seen)
                {
                    seen.Add($"{key}={((Variant)value).Value}");
                }

                if ((string)key == "Connected" && ((Variant)value).Value is false)
                {
                    disconnected.TrySetResult();
                }
            }
        });
        await client.CallMethodAsync("org.bluez", device, "org.bluez.Device1", "Connect");

        await client.CallMethodAsync("org.bluez", device, "org.bluez.Device1", "Disconnect");
        List<string> beforeReply;
        lock (seen)
        {
            beforeReply = [.. seen];
        }

        await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Contains("ServicesResolved=False", beforeReply);
        Assert.DoesNotContain("Connected=False", beforeReply);
    }

    private static async Task<object> NotifyingAsync(DBusConnection connection, ObjectPath path) =>
        ((Variant)(await connection.CallMethodAsync("org.bluez", path, "org.freedesktop.DBus.Properties", "Get", "ss", Characteristic, "Notifying"))[0]).Value;

    /// <summary>src/gatt-client.c characteristic_write_value passes WriteValue's "offset" option on; it reaches the wand,
    /// whose GATT server answers any offset other than 0 with 0x07 (seen as InvalidArguments "Invalid offset"), instead
    /// of running the write as if it were at offset 0.</summary>
    [Fact]
    public async Task WriteValue_AtAnOffset_ReachesTheWand_WhichAnswersInvalidOffset()
    {
        await bed.AddWandAsync("AA:00:00:00:00:64", "Wand-F4", known: true);
        await using BleWandLink link = new("ble:AA:00:00:00:00:64", new BleLinkOptions { BusAddress = bed.BusAddress, RequestTimeout = TimeSpan.FromSeconds(10) });
        await link.ConnectAsync();
        await link.ReadAsync(WandGattUuids.Status);
        ObjectPath controlPoint = await SpoofingTests.CharacteristicPathAsync(bed, "AA:00:00:00:00:64", WandGattUuids.ControlPoint);
        await using DBusConnection client = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));

        DBusErrorException refused = await Assert.ThrowsAsync<DBusErrorException>(() => client.CallMethodAsync("org.bluez", controlPoint, Characteristic, "WriteValue", "aya{sv}",
            new byte[] { 0x02 }, new Dictionary<string, Variant> { ["offset"] = Variant.FromUInt16(1), ["type"] = Variant.FromString("request") }));

        Assert.Equal(("org.bluez.Error.InvalidArguments", "Invalid offset"), (refused.ErrorName, refused.ErrorMessage));
    }
}
