using System;
using Wand.DBus;
using Wand.Host;
using Wand.Host.Links;
using Wand.Host.Links.Ble;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>BlueZ 5.66 create_gatt_dbus_error, read backwards (https://github.com/bluez/bluez/blob/5.66/src/gatt-client.c).</summary>
public sealed class BlueZErrorMappingTests
{
    [Theory]
    [InlineData("org.bluez.Error.NotPermitted", "Read not permitted", 0x02)]
    [InlineData("org.bluez.Error.NotPermitted", "Write not permitted", 0x03)]
    [InlineData("org.bluez.Error.NotPermitted", "Not paired", 0x05)]
    [InlineData("org.bluez.Error.InvalidArguments", "Invalid offset", 0x07)]
    [InlineData("org.bluez.Error.InvalidArguments", "Invalid Length", 0x0D)]
    [InlineData("org.bluez.Error.InvalidOffset", "", 0x07)]
    [InlineData("org.bluez.Error.InvalidValueLength", "", 0x0D)]
    [InlineData("org.bluez.Error.NotAuthorized", "Not authorized", 0x08)]
    [InlineData("org.bluez.Error.NotSupported", "Request not supported", 0x06)]
    [InlineData("org.bluez.Error.Failed", "Operation failed with ATT error: 0x80", 0x80)]
    [InlineData("org.bluez.Error.Failed", "Operation failed with ATT error: 0x9f", 0x9F)]
    [InlineData("org.bluez.Error.Failed", "Operation failed with ATT error: 0x13", 0x13)]
    public void AttErrors_AreRecovered(string name, string text, int code)
    {
        WandHostException mapped = BlueZErrorMapping.ForRequest(new DBusErrorException(name, text), WandGattUuids.ControlPoint, "write");

        AttErrorException att = Assert.IsType<AttErrorException>(mapped);
        Assert.Equal(code, att.ErrorCode);
        Assert.Equal(WandGattUuids.ControlPoint, att.Characteristic);
    }

    [Theory]
    [InlineData("org.bluez.Error.Failed", "Operation failed", typeof(BlueZOperationException))]
    [InlineData("org.bluez.Error.NotPermitted", "Notify acquired", typeof(BlueZOperationException))]
    [InlineData("org.bluez.Error.InProgress", "In Progress", typeof(BlueZOperationException))]
    [InlineData("org.bluez.Error.NotConnected", "Not connected", typeof(LinkLostException))]
    [InlineData("org.freedesktop.DBus.Error.UnknownObject", "gone", typeof(LinkLostException))]
    public void OtherErrors_AreLinkOrBlueZErrors(string name, string text, Type expected)
    {
        Assert.IsType(expected, BlueZErrorMapping.ForRequest(new DBusErrorException(name, text), WandGattUuids.Status, "read"));
    }

    [Fact]
    public void Timeout_IsLinkLost()
    {
        Assert.IsType<LinkLostException>(BlueZErrorMapping.ForRequest(new DBusTimeoutException("late"), WandGattUuids.Status, "read"));
    }

    [Theory]
    [InlineData("ble:aa:bb:cc:dd:ee:ff", "AA:BB:CC:DD:EE:FF")]
    [InlineData("BLE:01:23:45:67:89:AB", "01:23:45:67:89:AB")]
    public void Address_Parses(string text, string address)
    {
        BleDeviceAddress parsed = BleDeviceAddress.Parse(text);

        Assert.Equal(address, parsed.BluetoothAddress);
        Assert.Equal("dev_" + address.Replace(':', '_'), parsed.ObjectName);
    }

    [Theory]
    [InlineData("tcp://x:1", "must start with")]
    [InlineData("ble:AA:BB:CC:DD:EE", "six octets")]
    [InlineData("ble:AA:BB:CC:DD:EE:GG", "octet 6")]
    [InlineData("ble:AAA:BB:CC:DD:EE:FF", "octet 1")]
    public void Address_Malformed_NamesThePart(string text, string part)
    {
        InvalidDeviceAddressException error = Assert.Throws<InvalidDeviceAddressException>(() => BleDeviceAddress.Parse(text));
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Advertisement_DecodesStandInLayout()
    {
        Assert.True(WandAdvertisement.TryDecode(new byte[] { 1, 2, 55 }, out WandAdvertisement? advertisement));
        Assert.Equal(new WandAdvertisement(Wand.Protocol.Vocabulary.HeadIdentity.RidgedWave, 55), advertisement);
        Assert.False(WandAdvertisement.TryDecode(new byte[] { 2, 2, 55 }, out _));
        Assert.False(WandAdvertisement.TryDecode(new byte[] { 1, 2, 101 }, out _));
        Assert.False(WandAdvertisement.TryDecode(new byte[] { 1, 2 }, out _));
    }
}
