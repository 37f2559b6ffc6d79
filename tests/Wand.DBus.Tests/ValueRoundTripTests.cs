using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Xunit;

namespace Wand.DBus.Tests;

/// <summary>
/// Plain values marshalled by signature survive a trip through a real dbus-daemon and back (an exported echo object
/// returns its arguments): the shapes BlueZ and the BLE test bed use.
/// </summary>
public sealed class ValueRoundTripTests(PrivateBus bus) : IClassFixture<PrivateBus>
{
    public static TheoryData<string, object> Values() => new()
    {
        { "y", (byte)0xA5 },
        { "b", true },
        { "n", (short)-58 },
        { "q", (ushort)517 },
        { "i", -123456 },
        { "u", 0xDEADBEEFu },
        { "x", long.MinValue },
        { "t", ulong.MaxValue },
        { "d", 3.25 },
        { "s", "Wand-A1 ✓" },
        { "o", new ObjectPath("/org/bluez/hci0/dev_AA_00_00_00_00_01") },
        { "g", new Signature("a{sv}") },
        { "ay", new byte[] { 1, 2, 3 } },
        { "ay", Array.Empty<byte>() },
        { "as", new object[] { "read", "notify" } },
        { "(yay)", new object[] { (byte)0x80, new byte[] { 9 } } },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Value_RoundTripsThroughTheBus(string signature, object value)
    {
        object echoed = (await EchoAsync(signature, value))[0];

        Assert.Equal(value, echoed);
    }

    [Fact]
    public async Task ManagedObjectsShape_RoundTrips()
    {
        Dictionary<ObjectPath, Dictionary<string, Dictionary<string, Variant>>> objects = new()
        {
            [new ObjectPath("/org/bluez/hci0")] = new() { ["org.bluez.Adapter1"] = new() { ["Powered"] = Variant.FromBoolean(true) } },
            [new ObjectPath("/org/bluez/hci0/dev_AA")] = new()
            {
                ["org.bluez.Device1"] = new()
                {
                    ["RSSI"] = Variant.FromInt16(-60),
                    ["UUIDs"] = Variant.FromStrings(["6d780100-ef12-4cc2-baad-fd233d601624"]),
                    ["ServiceData"] = new Variant(new Signature("a{sv}"), new Dictionary<string, Variant>()),
                    ["Value"] = Variant.FromBytes([7, 8]),
                },
            },
        };

        Dictionary<object, object> echoed = (Dictionary<object, object>)(await EchoAsync("a{oa{sa{sv}}}", objects))[0];

        Dictionary<object, object> device = (Dictionary<object, object>)((Dictionary<object, object>)echoed[new ObjectPath("/org/bluez/hci0/dev_AA")])["org.bluez.Device1"];
        Assert.Equal((short)-60, ((Variant)device["RSSI"]).Value);
        Assert.Equal(new object[] { "6d780100-ef12-4cc2-baad-fd233d601624" }, ((Variant)device["UUIDs"]).Value);
        Assert.Empty((Dictionary<object, object>)((Variant)device["ServiceData"]).Value);
        Assert.Equal("a{sv}", ((Variant)device["ServiceData"]).Signature.Value);
        Assert.Equal(new byte[] { 7, 8 }, ((Variant)device["Value"]).Value);
        Assert.Equal(true, ((Variant)((Dictionary<object, object>)((Dictionary<object, object>)echoed[new ObjectPath("/org/bluez/hci0")])["org.bluez.Adapter1"])["Powered"]).Value);
    }

    [Fact]
    public async Task NestedStructsInAVariant_RoundTrip()
    {
        object[] layout = [new object[] { "180f", (ushort)0x10, new object[] { new object[] { "2a19", (ushort)0x11, new[] { "read", "notify" } } } }];

        Variant echoed = (Variant)(await EchoAsync("v", new Variant(new Signature("a(sqa(sqas))"), layout)))[0];

        object[] service = (object[])((object[])echoed.Value)[0];
        object[] characteristic = (object[])((object[])service[2])[0];
        Assert.Equal(("180f", (ushort)0x10), ((string)service[0], (ushort)service[1]));
        Assert.Equal(new object[] { "read", "notify" }, characteristic[2]);
    }

    [Fact]
    public void Write_WrongDotNetType_NamesTheType()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new Variant(new Signature("ss"), "x"));

        Assert.Contains("ss", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ValueNotFittingSignature_IsRefusedBeforeSending()
    {
        await using DBusConnection client = await DBusConnection.ConnectAsync(bus.Address);

        ArgumentException error = await Assert.ThrowsAsync<ArgumentException>(() =>
            client.CallAsync(DBusMessage.MethodCall(DBusConnection.BusName, new ObjectPath("/org/freedesktop/DBus"), DBusConnection.BusName, "GetNameOwner", "s", 5)));

        Assert.Contains("'s'", error.Message, StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<object>> EchoAsync(string signature, object value)
    {
        await using DBusConnection server = await DBusConnection.ConnectAsync(bus.Address);
        using IDisposable export = server.ExportObject(new ObjectPath("/echo"), call => Task.FromResult(DBusReplies.Return(call, call.Signature.Value, [.. call.Body])));
        await using DBusConnection client = await DBusConnection.ConnectAsync(bus.Address);
        return await client.CallMethodAsync(server.UniqueName, new ObjectPath("/echo"), "org.example.Echo", "Echo", signature, value);
    }
}
