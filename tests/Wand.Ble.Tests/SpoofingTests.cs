using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Host.Links;
using Wand.Host.Links.Ble;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// Only BlueZ speaks for the wand: a PropertiesChanged that another connection on the bus emits for a characteristic
/// path never becomes a notification, while BlueZ's own notifications do.
/// </summary>
[Collection(TestBedGroup.Name)]
public sealed class SpoofingTests(TestBed bed)
{
    [Fact]
    public async Task PropertiesChanged_FromAProcessNotOwningOrgBluez_IsNotANotification()
    {
        await bed.AddWandAsync("AA:00:00:00:00:51", "Wand-S1", known: true);
        await using BleWandLink link = new("ble:AA:00:00:00:00:51", new BleLinkOptions { BusAddress = bed.BusAddress, RequestTimeout = TimeSpan.FromSeconds(10) });
        await link.ConnectAsync();
        BlockingCollection<byte[]> controlPoint = [];
        link.NotificationReceived += (_, notification) =>
        {
            if (notification.Characteristic == WandGattUuids.ControlPoint)
            {
                controlPoint.Add(notification.Value.ToArray());
            }
        };
        await link.SubscribeAsync(WandGattUuids.ControlPoint, true);
        ObjectPath characteristic = await CharacteristicPathAsync(bed, "AA:00:00:00:00:51", WandGattUuids.ControlPoint);
        byte[] forged = [0xEE, 0xEE, 0xEE];

        await using DBusConnection impostor = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
        impostor.EmitSignal(characteristic, "org.freedesktop.DBus.Properties", "PropertiesChanged", "sa{sv}as",
            "org.bluez.GattCharacteristic1", new Dictionary<string, Variant> { ["Value"] = Variant.FromBytes(forged) }, Array.Empty<string>());
        // The daemon routes one connection's messages in order: after this reply the forged signal was delivered.
        await impostor.CallMethodAsync(DBusConnection.BusName, new ObjectPath("/org/freedesktop/DBus"), DBusConnection.BusName, "GetId");
        await link.WriteAsync(WandGattUuids.ControlPoint, Payloads.Command(command => command.SetStart(1, PatternKind.Wave, ValueRanges.DefaultSessionDuration)), WriteKind.WithResponse);

        // The first notification is the wand's answer to the start, sent through BlueZ; the forged one never arrives.
        byte[]? first = await Task.Run(() => controlPoint.TryTake(out byte[]? value, TimeSpan.FromSeconds(10)) ? value : null);
        Assert.NotNull(first);
        Assert.NotEqual(forged, first);
        Assert.Equal(ControlPointOpcode.StartSession, Payloads.Response(first).Opcode);
        Assert.False(controlPoint.TryTake(out _));
    }

    internal static async Task<ObjectPath> CharacteristicPathAsync(TestBed bed, string address, Guid uuid)
    {
        await using DBusConnection reader = await DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));
        IReadOnlyList<object> reply = await reader.CallMethodAsync("org.bluez", new ObjectPath("/"), "org.freedesktop.DBus.ObjectManager", "GetManagedObjects");
        string prefix = "/org/bluez/hci0/dev_" + address.Replace(':', '_') + "/";
        foreach ((object path, object interfaces) in (Dictionary<object, object>)reply[0])
        {
            if (((ObjectPath)path).Value.StartsWith(prefix, StringComparison.Ordinal)
                && ((Dictionary<object, object>)interfaces).TryGetValue("org.bluez.GattCharacteristic1", out object? properties)
                && ((Variant)((Dictionary<object, object>)properties)["UUID"]).Value is string text && Guid.Parse(text) == uuid)
            {
                return (ObjectPath)path;
            }
        }

        throw new InvalidOperationException($"No characteristic {uuid} under {prefix}.");
    }
}
