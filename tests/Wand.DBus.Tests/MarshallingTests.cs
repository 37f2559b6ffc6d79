using System;
using System.Collections.Generic;
using Xunit;

namespace Wand.DBus.Tests;

public sealed class MarshallingTests
{
    [Theory]
    [InlineData("y", (byte)0xAB, new byte[] { 0xAB })]
    [InlineData("b", true, new byte[] { 1, 0, 0, 0 })]
    [InlineData("n", (short)-2, new byte[] { 0xFE, 0xFF })]
    [InlineData("q", (ushort)0x1234, new byte[] { 0x34, 0x12 })]
    [InlineData("i", -1, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData("u", 0x01020304u, new byte[] { 4, 3, 2, 1 })]
    [InlineData("x", -2L, new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData("t", 1UL, new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData("d", 1.0, new byte[] { 0, 0, 0, 0, 0, 0, 0xF0, 0x3F })]
    [InlineData("s", "ab", new byte[] { 2, 0, 0, 0, (byte)'a', (byte)'b', 0 })]
    public void BasicType_EncodesLittleEndianAndRoundTrips(string type, object value, byte[] expected)
    {
        MessageWriter writer = new();
        writer.WriteValue(type, value);

        Assert.Equal(expected, writer.ToArray());
        Assert.Equal(value, new MessageReader(expected, bigEndian: false).ReadValue(type));
    }

    [Fact]
    public void Alignment_IsCountedFromMessageStart()
    {
        MessageWriter writer = new();
        writer.WriteValue("y", (byte)1);
        writer.WriteValue("q", (ushort)2);
        writer.WriteValue("y", (byte)3);
        writer.WriteValue("t", 4UL);

        Assert.Equal(new byte[] { 1, 0, 2, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0 }, writer.ToArray());
    }

    [Fact]
    public void ObjectPathAndSignature_EncodeAsSpecified()
    {
        MessageWriter writer = new();
        writer.WriteValue("o", new ObjectPath("/a"));
        writer.WriteValue("g", new Signature("ay"));

        Assert.Equal(new byte[] { 2, 0, 0, 0, (byte)'/', (byte)'a', 0, 2, (byte)'a', (byte)'y', 0 }, writer.ToArray());
    }

    [Fact]
    public void ManagedObjectsShape_RoundTrips()
    {
        Dictionary<ObjectPath, Dictionary<string, Dictionary<string, Variant>>> objects = new()
        {
            [new ObjectPath("/org/bluez/hci0")] = new()
            {
                ["org.bluez.Adapter1"] = new()
                {
                    ["Powered"] = Variant.FromBoolean(true),
                    ["Address"] = Variant.FromString("00:01:02:03:04:05"),
                    ["UUIDs"] = Variant.FromStrings(["0000180f-0000-1000-8000-00805f9b34fb"]),
                },
            },
            [new ObjectPath("/org/bluez/hci0/dev_AA")] = new()
            {
                ["org.bluez.Device1"] = new()
                {
                    ["RSSI"] = Variant.FromInt16(-60),
                    ["ManufacturerData"] = new Variant(new Signature("a{qv}"), new Dictionary<ushort, Variant> { [0x05F1] = Variant.FromBytes([1, 2]) }),
                },
            },
        };
        MessageWriter writer = new();
        writer.WriteValue("a{oa{sa{sv}}}", objects);

        Dictionary<object, object> decoded = (Dictionary<object, object>)new MessageReader(writer.ToArray(), false).ReadValue("a{oa{sa{sv}}}");

        Dictionary<object, object> adapter = (Dictionary<object, object>)((Dictionary<object, object>)decoded[new ObjectPath("/org/bluez/hci0")])["org.bluez.Adapter1"];
        Assert.Equal(true, ((Variant)adapter["Powered"]).Value);
        Assert.Equal(new object[] { "0000180f-0000-1000-8000-00805f9b34fb" }, (object[])((Variant)adapter["UUIDs"]).Value);
        Dictionary<object, object> device = (Dictionary<object, object>)((Dictionary<object, object>)decoded[new ObjectPath("/org/bluez/hci0/dev_AA")])["org.bluez.Device1"];
        Assert.Equal((short)-60, ((Variant)device["RSSI"]).Value);
        Variant manufacturer = (Variant)device["ManufacturerData"];
        Assert.Equal("a{qv}", manufacturer.Signature.Value);
        Assert.Equal(new byte[] { 1, 2 }, ((Variant)((Dictionary<object, object>)manufacturer.Value)[(ushort)0x05F1]).Value);
    }

    [Fact]
    public void Struct_AlignsToEight()
    {
        MessageWriter writer = new();
        writer.WriteValue("y", (byte)9);
        writer.WriteValue("(yu)", new object[] { (byte)1, 2u });

        Assert.Equal(new byte[] { 9, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0 }, writer.ToArray());
        MessageReader reader = new(writer.ToArray(), false);
        reader.ReadValue("y");
        Assert.Equal(new object[] { (byte)1, 2u }, (object[])reader.ReadValue("(yu)"));
    }

    [Fact]
    public void BigEndian_IsRead()
    {
        Assert.Equal(0x01020304u, new MessageReader(new byte[] { 1, 2, 3, 4 }, bigEndian: true).ReadValue("u"));
        Assert.Equal("hi", new MessageReader(new byte[] { 0, 0, 0, 2, (byte)'h', (byte)'i', 0 }, bigEndian: true).ReadValue("s"));
    }

    [Theory]
    [InlineData(new byte[] { 2, 0, 0, 0 }, "b")]
    [InlineData(new byte[] { 5, 0, 0, 0, (byte)'a', 0 }, "s")]
    [InlineData(new byte[] { 1, 0, 0, 0, (byte)'a', (byte)'b' }, "s")]
    [InlineData(new byte[] { 9, 0, 0, 0, 1 }, "ay")]
    [InlineData(new byte[] { 1, 7, 0, 0, 1, 0, 0, 0 }, "yu")]
    [InlineData(new byte[] { 1, (byte)'(', 0 }, "v")]
    public void Malformed_IsRefusedWithProtocolError(byte[] bytes, string signature)
    {
        Assert.Throws<DBusProtocolException>(() => new MessageReader(bytes, false).ReadValues(new Signature(signature)));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("(")]
    [InlineData("()")]
    [InlineData("{sv}")]
    [InlineData("a{vs}")]
    [InlineData("a{sv")]
    [InlineData("z")]
    public void Signature_Invalid_IsRefused(string text)
    {
        Assert.Throws<ArgumentException>(() => new Signature(text));
    }

    [Fact]
    public void Signature_SplitsCompleteTypes()
    {
        Assert.Equal(new[] { "s", "a{sv}", "as" }, new Signature("sa{sv}as").CompleteTypes());
    }

    [Theory]
    [InlineData("/", true)]
    [InlineData("/org/bluez/hci0", true)]
    [InlineData("/org/", false)]
    [InlineData("org", false)]
    [InlineData("/a//b", false)]
    [InlineData("/a-b", false)]
    public void ObjectPath_Validation(string text, bool valid)
    {
        Assert.Equal(valid, ObjectPath.IsValid(text));
    }

    [Fact]
    public void Writer_WrongDotNetType_NamesTheType()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => new MessageWriter().WriteValue("s", 5));
        Assert.Contains("'s'", error.Message, StringComparison.Ordinal);
    }
}
