using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Host.Links.Ble;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// Discovery on the bed as BlueZ 5.66 does it: SetDiscoveryFilter per client (doc/adapter-api.txt; src/adapter.c
/// parse_discovery_filter_dict, merge_discovery_filters, is_filter_match, device_is_discoverable) and temporary
/// devices that disappear TemporaryTimeout (30 s) after they were last seen (src/device.c set_temporary_timer,
/// device_disappeared). Time is the bed's virtual clock, moved by AdvanceClock.
/// </summary>
[Collection(TestBedGroup.Name)]
public sealed class DiscoveryTests(TestBed bed)
{
    private const string Adapter = "org.bluez.Adapter1";
    private static readonly ObjectPath Hci0 = new("/org/bluez/hci0");

    [Fact]
    public async Task SetDiscoveryFilter_UUIDs_ReportsOnlyWandsAdvertisingOneOfThem()
    {
        await bed.AddWandAsync("AA:00:00:00:00:91", "Wand-Q1");
        await using DBusConnection client = await ConnectAsync();

        await FilterAsync(client, new() { ["UUIDs"] = Variant.FromStrings(["180f"]) });
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");
        bool foundWithBatteryFilter = await ExistsAsync("AA:00:00:00:00:91");
        await FilterAsync(client, new() { ["UUIDs"] = Variant.FromStrings([WandGattUuids.WandService.ToString().ToUpperInvariant()]) });

        Assert.False(foundWithBatteryFilter);
        Assert.True(await ExistsAsync("AA:00:00:00:00:91"));
    }

    [Fact]
    public async Task SetDiscoveryFilter_Rssi_ReportsOnlyWandsAtOrAboveTheThreshold()
    {
        await bed.AddWandAsync("AA:00:00:00:00:92", "Wand-Q2", rssi: -40);
        await bed.AddWandAsync("AA:00:00:00:00:93", "Wand-Q3", rssi: -90);
        await using DBusConnection client = await ConnectAsync();

        await FilterAsync(client, new() { ["RSSI"] = Variant.FromInt16(-70), ["Transport"] = Variant.FromString("le") });
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");

        Assert.True(await ExistsAsync("AA:00:00:00:00:92"));
        Assert.False(await ExistsAsync("AA:00:00:00:00:93"));
    }

    [Fact]
    public async Task SetDiscoveryFilter_Pattern_IsAPrefixOfTheAddressOrTheName()
    {
        await bed.AddWandAsync("AA:00:00:00:00:94", "Wand-Q4");
        await bed.AddWandAsync("AA:00:00:00:00:95", "Wand-Q5");
        await using DBusConnection client = await ConnectAsync();

        await FilterAsync(client, new() { ["Pattern"] = Variant.FromString("Wand-Q4") });
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");
        (bool byName, bool other) = (await ExistsAsync("AA:00:00:00:00:94"), await ExistsAsync("AA:00:00:00:00:95"));
        await FilterAsync(client, new() { ["Pattern"] = Variant.FromString("AA:00:00:00:00:9") });

        Assert.Equal((true, false), (byName, other));
        Assert.True(await ExistsAsync("AA:00:00:00:00:95"));
    }

    [Fact]
    public async Task SetDiscoveryFilter_TransportBrEdr_FindsNoLeWand()
    {
        await bed.AddWandAsync("AA:00:00:00:00:96", "Wand-Q6");
        await using DBusConnection client = await ConnectAsync();

        await FilterAsync(client, new() { ["Transport"] = Variant.FromString("bredr") });
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");

        Assert.False(await ExistsAsync("AA:00:00:00:00:96"));
    }

    public static TheoryData<string, Variant> InvalidEntries() => new()
    {
        { "Colour", Variant.FromString("blue") },
        { "RSSI", Variant.FromInt16(-128) },
        { "RSSI", new Variant(new Signature("i"), -60) },
        { "Pathloss", Variant.FromUInt16(138) },
        { "Transport", Variant.FromString("usb") },
        { "UUIDs", Variant.FromStrings(["not-a-uuid"]) },
        { "DuplicateData", Variant.FromString("yes") },
    };

    /// <summary>parse_discovery_filter_dict: an unknown key, a wrong type or a value out of range is InvalidArguments.</summary>
    [Theory]
    [MemberData(nameof(InvalidEntries))]
    public async Task SetDiscoveryFilter_InvalidEntry_IsInvalidArguments(string key, Variant value)
    {
        await using DBusConnection client = await ConnectAsync();

        DBusErrorException refused = await Assert.ThrowsAsync<DBusErrorException>(() => FilterAsync(client, new() { [key] = value }));

        Assert.Equal(("org.bluez.Error.InvalidArguments", "Invalid arguments in method call"), (refused.ErrorName, refused.ErrorMessage));
    }

    /// <summary>parse_discovery_filter_dict: RSSI and Pathloss together are refused.</summary>
    [Fact]
    public async Task SetDiscoveryFilter_RssiWithPathloss_IsInvalidArguments()
    {
        await using DBusConnection client = await ConnectAsync();

        DBusErrorException refused = await Assert.ThrowsAsync<DBusErrorException>(() => FilterAsync(client, new() { ["RSSI"] = Variant.FromInt16(-60), ["Pathloss"] = Variant.FromUInt16(40) }));

        Assert.Equal("org.bluez.Error.InvalidArguments", refused.ErrorName);
    }

    /// <summary>btd_adapter_update_found_device: with DuplicateData a wand's ServiceData is signalled on every
    /// report; without it (BlueZ's default is false) only when it changes.</summary>
    [Fact]
    public async Task DuplicateData_SignalsServiceDataOnEveryReport_OnlyWhenAsked()
    {
        const string Address = "AA:00:00:00:00:97";
        await bed.Bed.CallAsync("AddWand", "sssa{sv}", "hci0", Address, "Wand-Q7", new Dictionary<string, Variant>
        {
            ["service"] = Variant.FromString(WandGattUuids.WandService.ToString()),
            ["backend"] = new Variant(new Signature("(so)"), new object[] { bed.Bed.Control.UniqueName, new ObjectPath("/org/wandfirmware/backend/none") }),
            ["service-data"] = Variant.FromBytes([1, 2, 55]),
        });
        await using DBusConnection client = await ConnectAsync();
        await FilterAsync(client, new() { ["DuplicateData"] = Variant.FromBoolean(false) });
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");
        int serviceData = 0;
        SemaphoreSlim reported = new(0);
        using IDisposable watch = await client.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.freedesktop.DBus.Properties", Member = "PropertiesChanged", Path = DevicePath(Address) }, signal =>
        {
            if (((Dictionary<object, object>)signal.Body[1]).ContainsKey("ServiceData"))
            {
                Interlocked.Increment(ref serviceData);
                reported.Release();
            }
        });

        await bed.AdvanceClockAsync(3);
        // The signals of one sender arrive in order, before its later replies: after this reply every ServiceData
        // signal of those three reports has been handled.
        await client.CallMethodAsync("org.bluez", new ObjectPath("/"), "org.freedesktop.DBus.ObjectManager", "GetManagedObjects");
        int withoutDuplicateData = Volatile.Read(ref serviceData);
        await FilterAsync(client, new() { ["DuplicateData"] = Variant.FromBoolean(true) });
        await bed.AdvanceClockAsync(2);

        for (int report = 0; report < 3; report++)
        {
            Assert.True(await reported.WaitAsync(TimeSpan.FromMinutes(1)), $"report {report + 1} with DuplicateData signalled no ServiceData");
        }

        Assert.Equal(0, withoutDuplicateData);
    }

    /// <summary>set_temporary_timer, device_disappeared: a discovered wand no longer reported (discovery stopped) is
    /// removed TemporaryTimeout = 30 s after it was last seen, with InterfacesRemoved.</summary>
    [Fact]
    public async Task TemporaryDevice_NotSeenForTemporaryTimeout_IsRemoved()
    {
        const string Address = "AA:00:00:00:00:98";
        await bed.AddWandAsync(Address, "Wand-Q8");
        await using DBusConnection client = await ConnectAsync();
        TaskCompletionSource removed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable watch = await client.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.freedesktop.DBus.ObjectManager", Member = "InterfacesRemoved" }, signal =>
        {
            if ((ObjectPath)signal.Body[0] == DevicePath(Address))
            {
                removed.TrySetResult();
            }
        });
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StopDiscovery");

        await bed.AdvanceClockAsync(29);
        bool keptAt29 = await ExistsAsync(Address);
        await bed.AdvanceClockAsync(1);

        await removed.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(keptAt29);
        Assert.False(await ExistsAsync(Address));
    }

    /// <summary>device_update_last_seen: while a discovery runs and the wand advertises in range it is kept; out of
    /// range it disappears 30 s after its last report.</summary>
    [Fact]
    public async Task TemporaryDevice_KeptWhileReported_RemovedOnceOutOfRange()
    {
        const string Address = "AA:00:00:00:00:99";
        await bed.AddWandAsync(Address, "Wand-Q9");
        await using DBusConnection client = await ConnectAsync();
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");

        await bed.AdvanceClockAsync(90);
        bool keptWhileReported = await ExistsAsync(Address);
        await bed.SetBehaviourAsync(Address, "range", "out");
        await bed.AdvanceClockAsync(30);

        Assert.True(keptWhileReported);
        Assert.False(await ExistsAsync(Address));
    }

    /// <summary>src/device.c dev_connect: a connected (or once connected) device is not temporary and never expires.</summary>
    [Fact]
    public async Task ConnectedDevice_IsNotTemporary()
    {
        const string Address = "AA:00:00:00:00:9A";
        await bed.AddWandAsync(Address, "Wand-QA");
        await using DBusConnection client = await ConnectAsync();
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StopDiscovery");
        await client.CallMethodAsync("org.bluez", DevicePath(Address), "org.bluez.Device1", "Connect");
        await client.CallMethodAsync("org.bluez", DevicePath(Address), "org.bluez.Device1", "Disconnect");

        await bed.AdvanceClockAsync(120);

        Assert.True(await ExistsAsync(Address));
    }

    /// <summary>start_discovery, stop_discovery, discovery_disconnect: one session per client; a second StartDiscovery
    /// is InProgress, StopDiscovery without a session is Failed "No discovery started", and a client that leaves the
    /// bus ends its session (Discovering false when it was the last).</summary>
    [Fact]
    public async Task DiscoverySessions_ArePerClient_AndEndWhenTheClientLeaves()
    {
        await using DBusConnection other = await ConnectAsync();
        DBusConnection client = await ConnectAsync();
        await client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery");

        DBusErrorException twice = await Assert.ThrowsAsync<DBusErrorException>(() => client.CallMethodAsync("org.bluez", Hci0, Adapter, "StartDiscovery"));
        DBusErrorException notStarted = await Assert.ThrowsAsync<DBusErrorException>(() => other.CallMethodAsync("org.bluez", Hci0, Adapter, "StopDiscovery"));
        object discoveringWithSession = await DiscoveringAsync(other);
        TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable watch = await other.SubscribeAsync(new MatchRule { Sender = "org.bluez", Interface = "org.freedesktop.DBus.Properties", Member = "PropertiesChanged", Path = Hci0 }, signal =>
        {
            if (((Dictionary<object, object>)signal.Body[1]).TryGetValue("Discovering", out object? value) && ((Variant)value).Value is false)
            {
                stopped.TrySetResult();
            }
        });
        await client.DisposeAsync();

        await stopped.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(("org.bluez.Error.InProgress", "Operation already in progress"), (twice.ErrorName, twice.ErrorMessage));
        Assert.Equal(("org.bluez.Error.Failed", "No discovery started"), (notStarted.ErrorName, notStarted.ErrorMessage));
        Assert.Equal(true, discoveringWithSession);
        Assert.Equal(false, await DiscoveringAsync(other));
    }

    private static ObjectPath DevicePath(string address) => new("/org/bluez/hci0/dev_" + address.Replace(':', '_'));

    private Task<DBusConnection> ConnectAsync() => DBusConnection.ConnectAsync(DBusAddress.Parse(bed.BusAddress));

    private static Task FilterAsync(DBusConnection client, Dictionary<string, Variant> filter) =>
        client.CallMethodAsync("org.bluez", Hci0, Adapter, "SetDiscoveryFilter", "a{sv}", filter);

    private static async Task<object> DiscoveringAsync(DBusConnection client) =>
        ((Variant)(await client.CallMethodAsync("org.bluez", Hci0, "org.freedesktop.DBus.Properties", "Get", "ss", Adapter, "Discovering"))[0]).Value;

    private async Task<bool> ExistsAsync(string address)
    {
        await using DBusConnection reader = await ConnectAsync();
        IReadOnlyList<object> reply = await reader.CallMethodAsync("org.bluez", new ObjectPath("/"), "org.freedesktop.DBus.ObjectManager", "GetManagedObjects");
        return ((Dictionary<object, object>)reply[0]).ContainsKey(DevicePath(address));
    }
}
