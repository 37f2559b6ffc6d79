using System;
using System.Collections.Generic;
using System.Text;
using Xunit;

namespace Wand.DBus.Tests;

/// <summary>Byte-level vectors produced by GLib's GDBusMessage.to_blob (https://docs.gtk.org/gio/method.DBusMessage.to_blob.html).</summary>
public sealed class WireVectorTests
{
    [Fact]
    public void Encode_Hello_MatchesGlibVector()
    {
        DBusMessage hello = DBusMessage.MethodCall("org.freedesktop.DBus", new ObjectPath("/org/freedesktop/DBus"), "org.freedesktop.DBus", "Hello");
        hello.Serial = 1;

        byte[] bytes = MessageCodec.Encode(hello);

        Assert.Equal(128, bytes.Length);
        byte[] start = [0x6c, 0x01, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x6e, 0x00, 0x00, 0x00, 0x01, 0x01, 0x6f, 0x00, 0x15, 0x00, 0x00, 0x00];
        Assert.Equal(start, bytes[..start.Length]);
        Assert.Equal("/org/freedesktop/DBus", Encoding.ASCII.GetString(bytes, 24, 21));
        Assert.Equal(new byte[] { 0, 0, 0 }, bytes[45..48]);
    }

    [Fact]
    public void Encode_WriteValueBody_MatchesGlibVector()
    {
        MessageWriter writer = new();
        writer.WriteValues(new Signature("aya{sv}"), [new byte[] { 0x01 }, new Dictionary<string, Variant> { ["type"] = Variant.FromString("request") }]);

        byte[] expected =
        [
            0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
            0x18, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
            0x04, 0x00, 0x00, 0x00, (byte)'t', (byte)'y', (byte)'p', (byte)'e', 0x00,
            0x01, (byte)'s', 0x00,
            0x07, 0x00, 0x00, 0x00, (byte)'r', (byte)'e', (byte)'q', (byte)'u', (byte)'e', (byte)'s', (byte)'t', 0x00,
        ];
        Assert.Equal(expected, writer.ToArray());
    }

    [Fact]
    public void Encode_WriteValueCall_HasGlibSignatureField()
    {
        DBusMessage call = DBusMessage.MethodCall("org.bluez", new ObjectPath("/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF/service0010/char0011"), "org.bluez.GattCharacteristic1", "WriteValue", "aya{sv}",
            new byte[] { 0x01 }, new Dictionary<string, Variant> { ["type"] = Variant.FromString("request") });
        call.Serial = 7;

        byte[] bytes = MessageCodec.Encode(call);

        byte[] signatureField = [0x08, 0x01, 0x67, 0x00, 0x07, .. Encoding.ASCII.GetBytes("aya{sv}"), 0x00];
        Assert.True(bytes.AsSpan().IndexOf(signatureField) > 0);
        Assert.Equal(40u, BitConverter.ToUInt32(bytes, 4));
    }

    [Fact]
    public void Encode_EmptyStringVariantDictionary_IsEightBytes()
    {
        MessageWriter writer = new();
        writer.WriteValue("a{sv}", new Dictionary<string, Variant>());

        Assert.Equal(new byte[8], writer.ToArray());
    }

    [Fact]
    public void Encode_EmptyArrayOfStructsAfterByte_PadsToElementAlignment()
    {
        MessageWriter writer = new();
        writer.WriteValue("y", (byte)7);
        writer.WriteValue("a(yv)", Array.Empty<object[]>());

        // byte, 3 pad, u32 length 0, then padding to 8 even though the array is empty.
        Assert.Equal(new byte[] { 7, 0, 0, 0, 0, 0, 0, 0 }, writer.ToArray());
    }

    [Fact]
    public void SaslExternal_HexOfDecimalUid_MatchesSpecificationExamples()
    {
        Assert.Equal("30", SaslExternal.HexOfDecimal(0));
        Assert.Equal("31303030", SaslExternal.HexOfDecimal(1000));
    }
}
