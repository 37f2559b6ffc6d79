using System.Collections.Generic;
using Xunit;

namespace Wand.DBus.Tests;

public sealed class MessageCodecTests
{
    [Fact]
    public void Signal_RoundTripsHeaderAndBody()
    {
        DBusMessage signal = new()
        {
            Type = MessageType.Signal,
            Serial = 42,
            Path = new ObjectPath("/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF/service0010/char0011"),
            Interface = "org.freedesktop.DBus.Properties",
            Member = "PropertiesChanged",
            Sender = ":1.7",
            Signature = new Signature("sa{sv}as"),
            Body = ["org.bluez.GattCharacteristic1", new Dictionary<string, Variant> { ["Value"] = Variant.FromBytes([0x21, 0x22]) }, System.Array.Empty<string>()],
        };

        DBusMessage decoded = MessageCodec.Decode(MessageCodec.Encode(signal));

        Assert.Equal(MessageType.Signal, decoded.Type);
        Assert.Equal(42u, decoded.Serial);
        Assert.Equal(signal.Path, decoded.Path);
        Assert.Equal(":1.7", decoded.Sender);
        Assert.Equal("sa{sv}as", decoded.Signature.Value);
        Variant value = (Variant)((Dictionary<object, object>)decoded.Body[1])["Value"];
        Assert.Equal(new byte[] { 0x21, 0x22 }, value.Value);
        Assert.Empty((object[])decoded.Body[2]);
    }

    [Fact]
    public void Error_CarriesNameAndText()
    {
        DBusMessage call = DBusMessage.MethodCall("org.bluez", new ObjectPath("/x"), "i.f", "M");
        call.Serial = 3;
        call.Sender = ":1.9";
        DBusMessage error = DBusReplies.Error(call, "org.bluez.Error.NotPermitted", "Write not permitted");
        error.Serial = 4;

        DBusMessage decoded = MessageCodec.Decode(MessageCodec.Encode(error));

        Assert.Equal(MessageType.Error, decoded.Type);
        Assert.Equal(3u, decoded.ReplySerial);
        Assert.Equal("org.bluez.Error.NotPermitted", decoded.ErrorName);
        Assert.Equal("Write not permitted", decoded.FirstStringOrEmpty());
    }

    [Fact]
    public void TotalLength_ComesFromFixedHeader()
    {
        DBusMessage call = DBusMessage.MethodCall("a.b", new ObjectPath("/"), "a.b", "C", "s", "x");
        call.Serial = 1;
        byte[] bytes = MessageCodec.Encode(call);

        Assert.Equal(bytes.Length, MessageCodec.TotalLength(bytes));
    }

    [Fact]
    public void Decode_MissingRequiredField_IsRefused()
    {
        DBusMessage reply = new() { Type = MessageType.MethodReturn, Serial = 1 };
        byte[] bytes = MessageCodec.Encode(reply);

        Assert.Throws<DBusProtocolException>(() => MessageCodec.Decode(bytes));
    }

    [Fact]
    public void Decode_WrongByteOrderMark_IsRefused()
    {
        DBusMessage call = DBusMessage.MethodCall("a.b", new ObjectPath("/"), "a.b", "C");
        call.Serial = 1;
        byte[] bytes = MessageCodec.Encode(call);
        bytes[0] = (byte)'x';

        Assert.Throws<DBusProtocolException>(() => MessageCodec.Decode(bytes));
    }

    [Theory]
    [InlineData("unix:path=/run/dbus/system_bus_socket", "/run/dbus/system_bus_socket")]
    [InlineData("unix:path=/tmp/a%20b,guid=0123", "/tmp/a b")]
    [InlineData("tcp:host=x;unix:path=/tmp/s", "/tmp/s")]
    public void Address_ParsesUnixPath(string text, string path)
    {
        Assert.Equal(path, DBusAddress.Parse(text).EndPoints[0].ToString());
    }

    [Theory]
    [InlineData("tcp:host=localhost,port=1")]
    [InlineData("unix:guid=1")]
    [InlineData("nonsense")]
    public void Address_Unusable_IsRefused(string text)
    {
        Assert.Throws<System.FormatException>(() => DBusAddress.Parse(text));
    }

    [Fact]
    public void MatchRule_TextAndLocalMatch()
    {
        MatchRule rule = new()
        {
            Interface = "org.freedesktop.DBus.ObjectManager",
            Member = "InterfacesAdded",
            Argument0Path = "/org/bluez/",
        };
        DBusMessage signal = new()
        {
            Type = MessageType.Signal,
            Path = new ObjectPath("/"),
            Interface = "org.freedesktop.DBus.ObjectManager",
            Member = "InterfacesAdded",
            Body = [new ObjectPath("/org/bluez/hci0/dev_AA")],
        };

        Assert.Equal("type='signal',interface='org.freedesktop.DBus.ObjectManager',member='InterfacesAdded',arg0path='/org/bluez/'", rule.ToString());
        Assert.True(rule.Matches(signal));
        signal.Body = [new ObjectPath("/com/other")];
        Assert.False(rule.Matches(signal));
    }

    [Fact]
    public void MatchRule_PathNamespace()
    {
        MatchRule rule = new() { PathNamespace = new ObjectPath("/org/bluez") };
        DBusMessage signal = new() { Type = MessageType.Signal, Path = new ObjectPath("/org/bluez/hci0"), Interface = "i.f", Member = "M" };

        Assert.True(rule.Matches(signal));
        signal.Path = new ObjectPath("/org/bluezz");
        Assert.False(rule.Matches(signal));
    }
}
