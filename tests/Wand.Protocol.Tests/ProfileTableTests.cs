using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Wand.Protocol.Host;
using Wand.Protocol.Profile;
using Xunit;

namespace Wand.Protocol.Tests;

public class ProfileTableTests
{
    private static IEnumerable<CharacteristicDefinition> All() =>
        Enumerable.Range(0, WandProfile.CharacteristicCount).Select(index => WandProfile.Characteristic(index)!);

    [Fact]
    public void Table_IndexesMatchPositionsAndConstants()
    {
        Assert.Equal(WandProfile.CharacteristicCount, All().Count());
        foreach (CharacteristicDefinition characteristic in All())
        {
            Assert.Same(characteristic, WandProfile.Characteristic(characteristic.Index));
        }

        Assert.Equal("control-point", WandProfile.Characteristic(WandProfile.ControlPointIndex)!.Name);
        Assert.Equal("status", WandProfile.Characteristic(WandProfile.StatusIndex)!.Name);
        Assert.Equal("calibration", WandProfile.Characteristic(WandProfile.CalibrationIndex)!.Name);
        Assert.Equal("battery-level", WandProfile.Characteristic(WandProfile.BatteryLevelIndex)!.Name);
        Assert.Null(WandProfile.Characteristic(-1));
        Assert.Null(WandProfile.Characteristic(WandProfile.CharacteristicCount));
        Assert.Null(WandProfile.Service(WandProfile.ServiceCount));
    }

    [Fact]
    public void Table_NamesAndUuidsAreUnique()
    {
        Assert.Equal(WandProfile.CharacteristicCount, All().Select(c => c.Name).Distinct().Count());
        Assert.Equal(WandProfile.CharacteristicCount, All().Select(c => c.Uuid.Text).Distinct().Count());
        var services = Enumerable.Range(0, WandProfile.ServiceCount).Select(i => WandProfile.Service(i)!.Uuid.Text).ToList();
        Assert.Empty(services.Intersect(All().Select(c => c.Uuid.Text)));
    }

    [Fact]
    public void BP1_CustomUuids_ShareTheDocumentedBaseAndTheirServiceBlock()
    {
        string suffix = WandProfile.CustomUuidBase[8..];
        Assert.Equal("-ef12-4cc2-baad-fd233d601624", suffix);
        Assert.Equal('4', suffix[6]); // version 4 (random) UUID
        foreach (CharacteristicDefinition characteristic in All())
        {
            ServiceDefinition service = WandProfile.Service(characteristic.ServiceIndex)!;
            if (service.Uuid.IsBluetoothSig)
            {
                Assert.True(characteristic.Uuid.IsBluetoothSig, characteristic.Name);
                continue;
            }

            Assert.StartsWith("6d78", characteristic.Uuid.Text, StringComparison.Ordinal);
            Assert.EndsWith(suffix, characteristic.Uuid.Text, StringComparison.Ordinal);
            Assert.Equal(service.Uuid.SixteenBitField >> 8, characteristic.Uuid.SixteenBitField >> 8);
            Assert.NotEqual(0, characteristic.Uuid.SixteenBitField & 0xFF);
        }
    }

    [Fact]
    public void BP2_StandardServices_UseTheAssignedNumbers()
    {
        Assert.Equal(0x180A, WandProfile.Service(WandProfile.DeviceInformationServiceIndex)!.Uuid.ShortValue);
        Assert.Equal(0x180F, WandProfile.Service(WandProfile.BatteryServiceIndex)!.Uuid.ShortValue);
        var expected = new Dictionary<int, int>
        {
            [WandProfile.ManufacturerNameIndex] = 0x2A29, [WandProfile.ModelNumberIndex] = 0x2A24, [WandProfile.SerialNumberIndex] = 0x2A25,
            [WandProfile.HardwareRevisionIndex] = 0x2A27, [WandProfile.FirmwareRevisionIndex] = 0x2A26, [WandProfile.SoftwareRevisionIndex] = 0x2A28,
            [WandProfile.BatteryLevelIndex] = 0x2A19,
        };
        foreach ((int index, int shortValue) in expected)
        {
            CharacteristicDefinition characteristic = WandProfile.Characteristic(index)!;
            Assert.Equal(shortValue, characteristic.Uuid.ShortValue);
            Assert.Equal(CharacteristicProperties.Read, characteristic.Properties & ~CharacteristicProperties.Notify);
            Assert.Equal(AccessSecurity.Open, characteristic.ReadSecurity);
        }

        CharacteristicDefinition battery = WandProfile.Characteristic(WandProfile.BatteryLevelIndex)!;
        Assert.True(battery.CanNotify);
        Assert.NotNull(battery.PresentationFormat);
        byte[] descriptor = new byte[7];
        battery.PresentationFormat!.Encode(descriptor, 0);
        Assert.Equal(new byte[] { 0x04, 0x00, 0xAD, 0x27, 0x01, 0x00, 0x00 }, descriptor);
    }

    [Fact]
    public void BP4_CustomServices_NeedEncryption_FactoryNeedsFactoryMode()
    {
        foreach (CharacteristicDefinition characteristic in All())
        {
            AccessSecurity expected = characteristic.ServiceIndex switch
            {
                WandProfile.WandServiceIndex => AccessSecurity.Encrypted,
                WandProfile.FactoryServiceIndex => AccessSecurity.FactoryMode,

                // The time stamps the session history (BP-6): only a bonded app may read or set it.
                WandProfile.CurrentTimeServiceIndex => AccessSecurity.Encrypted,
                _ => AccessSecurity.Open,
            };
            Assert.Equal(expected, characteristic.ReadSecurity);
            Assert.Equal(expected, characteristic.WriteSecurity);
        }
    }

    [Fact]
    public void BP1_WandServiceValues_FitTheDefaultMtu_AndBuffersHoldEveryValue()
    {
        foreach (CharacteristicDefinition characteristic in All())
        {
            Assert.True(characteristic.MaximumValueLength <= WandProfile.MaximumValueLength);
            Assert.True(characteristic.MaximumWriteLength <= WandProfile.MaximumValueLength);
            if (characteristic.ServiceIndex == WandProfile.WandServiceIndex)
            {
                Assert.True(characteristic.MaximumValueLength <= 20, characteristic.Name);
                Assert.True(characteristic.MaximumWriteLength <= 20, characteristic.Name);
            }

            bool writable = characteristic.CanWrite || characteristic.CanWriteWithoutResponse;
            Assert.Equal(writable, characteristic.MaximumWriteLength > 0);
            Assert.True(characteristic.MinimumWriteLength <= characteristic.MaximumWriteLength);
            Assert.Equal(characteristic.CanRead || characteristic.CanNotify, characteristic.MaximumValueLength > 0);
            Assert.False(string.IsNullOrWhiteSpace(characteristic.Description));
        }

        Assert.Equal(17, WandProfile.Characteristic(WandProfile.StatusIndex)!.MaximumValueLength);
    }

    [Fact]
    public void Lookup_ByNameUuidTextAndWireBytes_FindsEveryCharacteristic()
    {
        byte[] wire = new byte[20];
        foreach (CharacteristicDefinition characteristic in All())
        {
            Assert.Equal(characteristic.Index, WandProfile.IndexOfName(characteristic.Name));
            Assert.Equal(characteristic.Index, WandProfile.IndexOfUuid(characteristic.Uuid.Text.ToUpperInvariant()));
            characteristic.Uuid.CopyWireBytes(wire, 3);
            Assert.Equal(characteristic.Index, WandProfile.IndexOfUuid(wire, 3));
        }

        Assert.Equal(-1, WandProfile.IndexOfName("nope"));
        Assert.Equal(-1, WandProfile.IndexOfUuid("6d780199-ef12-4cc2-baad-fd233d601624"));
        Assert.Equal(-1, WandProfile.IndexOfUuid(new byte[10], 0));
        Assert.Equal(WandProfile.BatteryServiceIndex, WandProfile.IndexOfServiceUuid("0000180F-0000-1000-8000-00805F9B34FB"));
    }

    [Fact]
    public void Lookup_DoesNotAllocate()
    {
        byte[] wire = new byte[16];
        WandProfile.Characteristic(WandProfile.BatteryLevelIndex)!.Uuid.CopyWireBytes(wire, 0);
        string text = WandProfile.Characteristic(WandProfile.SelfTestIndex)!.Uuid.Text.ToUpperInvariant();
        WandProfile.IndexOfUuid(wire, 0);
        WandProfile.IndexOfUuid(text);
        WandProfile.IndexOfName("self-test");
        long before = GC.GetAllocatedBytesForCurrentThread();
        int sum = 0;
        for (int round = 0; round < 1000; round++)
        {
            sum += WandProfile.IndexOfUuid(wire, 0) + WandProfile.IndexOfUuid(text) + WandProfile.IndexOfName("self-test");
            sum += (int)AccessRules.CheckWrite(WandProfile.SettingsIndex, 4, 0, true, true, false);
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(1000 * (18 + 11 + 11), sum);
    }

    [Fact]
    public void GattUuid_WireAndGuidOrders_MatchSystemGuid()
    {
        foreach (CharacteristicDefinition characteristic in All())
        {
            var guid = Guid.Parse(characteristic.Uuid.Text);
            Assert.Equal(guid, characteristic.Uuid.ToGuid());
            byte[] wire = new byte[16];
            characteristic.Uuid.CopyWireBytes(wire, 0);
            byte[] bigEndian = guid.ToByteArray(bigEndian: true);
            Array.Reverse(bigEndian);
            Assert.Equal(bigEndian, wire);
            Assert.Same(characteristic, GattUuidConversions.FindCharacteristic(guid));
        }

        var battery = GattUuid.FromShortValue(0x2A19);
        Assert.Equal("00002a19-0000-1000-8000-00805f9b34fb", battery.Text);
        Assert.Equal(0x19, battery.WireByteAt(12));
        Assert.Equal(0x2A, battery.WireByteAt(13));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("6d780101-ef12-4cc2-baad-fd233d60162")]
    [InlineData("6d780101-ef12-4cc2-baad-fd233d6016245")]
    [InlineData("6d780101xef12-4cc2-baad-fd233d601624")]
    [InlineData("6d78010g-ef12-4cc2-baad-fd233d601624")]
    public void GattUuid_MalformedText_IsRefused(string? text)
    {
        Assert.Throws<ArgumentException>(() => new GattUuid(text!));
        Assert.False(WandProfile.Characteristic(0)!.Uuid.MatchesText(text!));
    }

    [Fact]
    public void ProfileJson_ListsEveryCharacteristic()
    {
        JsonNode document = JsonNode.Parse(ProfileJson.Export())!;
        Assert.Equal(WandProfile.CustomUuidBase, document["customUuidBase"]!.GetValue<string>());
        JsonArray characteristics = document["characteristics"]!.AsArray();
        Assert.Equal(WandProfile.CharacteristicCount, characteristics.Count);
        Assert.Equal("status", characteristics[WandProfile.StatusIndex]!["name"]!.GetValue<string>());
        Assert.Equal("Encrypted", characteristics[WandProfile.StatusIndex]!["readSecurity"]!.GetValue<string>());
    }

    [Fact]
    public void CommandRefusal_MapsResultsIntoTheApplicationRange()
    {
        Assert.Equal(AttError.Success, CommandRefusal.ToAttError(Vocabulary.CommandResult.Success));
        foreach (Vocabulary.CommandResult result in Enum.GetValues<Vocabulary.CommandResult>().Where(r => r != Vocabulary.CommandResult.Success))
        {
            AttError error = CommandRefusal.ToAttError(result);
            Assert.Equal(0x90 + (int)result, (int)error);
            Assert.True(Enum.IsDefined(error), $"{result} maps to an undefined AttError 0x{(int)error:X2}");
            Assert.EndsWith(result.ToString(), error.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(AttError.UnlikelyError, CommandRefusal.ToAttError((Vocabulary.CommandResult)16));
    }
}

public class GattUuidTextTests
{
    [Fact]
    public void GattUuid_UpperCaseText_IsStoredInLowerCase()
    {
        var uuid = new Wand.Protocol.Profile.GattUuid("6D780101-EF12-4CC2-BAAD-FD233D601624");
        Assert.Equal("6d780101-ef12-4cc2-baad-fd233d601624", uuid.Text);
        Assert.Equal(0x0101, uuid.SixteenBitField);
        Assert.False(uuid.IsBluetoothSig);
        Assert.Equal(0, uuid.ShortValue);
    }
}
