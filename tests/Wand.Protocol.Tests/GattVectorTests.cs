using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using Wand.Core.Gatt;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Wand.Simulation;
using Xunit;

namespace Wand.Protocol.Tests;

/// <summary>
/// The device side of the shared vectors (BP-5): every write vector goes through the firmware's GATT server on the
/// virtual wand, on the device state the vector README describes, and must get the vector's ATT error; a refused write
/// must leave every readable characteristic as it was (SR-14).
/// </summary>
public class GattVectorTests
{
    internal sealed class CountingSink : IGattNotificationSink
    {
        public int Count { get; private set; }

        public void Notify(int characteristicIndex, byte[] value, int length) => Count++;
    }

    public static IEnumerable<object[]> WriteVectors()
    {
        foreach (object[] pair in VectorFiles.MessageVectorNames())
        {
            JsonElement vector = VectorFiles.Find((string)pair[0], (string)pair[1]);
            if (vector.GetProperty("direction").GetString() == "write")
            {
                yield return pair;
            }
        }
    }

    public static IEnumerable<object[]> AccessVectors() =>
        VectorFiles.Vectors("access.json")
            .Where(vector => vector.GetProperty("operation").GetString() is "read" or "write" or "write-command")
            .Select(vector => new object[] { vector.GetProperty("name").GetString()! });

    [Theory]
    [MemberData(nameof(AccessVectors))]
    public void BP4_AccessVector_GetsItsErrorFromTheFirmwareGattServer(string vectorName)
    {
        JsonElement vector = VectorFiles.Find("access.json", vectorName);
        JsonElement characteristic = vector.GetProperty("characteristic");
        int index = characteristic.ValueKind == JsonValueKind.Number ? characteristic.GetInt32() : WandProfile.IndexOfName(characteristic.GetString());
        (VirtualWand _, WandGattServer gatt, CountingSink _) = Boot(vector.GetProperty("factoryMode").GetBoolean(), false, vector.GetProperty("encrypted").GetBoolean());
        byte expected = VectorFiles.ParseError(vector);
        string operation = vector.GetProperty("operation").GetString()!;
        if (operation == "read")
        {
            if (vector.GetProperty("offset").GetInt32() != 0)
            {
                return; // IGattServer.Read has no offset: nanoFramework never passes one.
            }

            Assert.Equal(expected, gatt.Read(index, new byte[64], out _));
            return;
        }

        if (expected == 0)
        {
            return; // An accepted access then depends on the value, which access vectors do not give.
        }

        byte[] value = new byte[vector.GetProperty("length").GetInt32()];
        Assert.Equal(expected, gatt.Write(index, value, vector.GetProperty("offset").GetInt32(), operation == "write"));
    }

    internal static (VirtualWand Wand, WandGattServer Gatt, CountingSink Sink) Boot(bool factoryMode, bool sessionRunning, bool encrypted = true)
    {
        // A calibrated unit: store a valid record in factory mode, then boot again in the mode the vector needs.
        VirtualWand wand = VirtualWand.Create();
        wand.Board.FactoryStrap.Set(true);
        wand.RunFor(1000);
        var record = new Wand.Protocol.Factory.CalibrationRecord { SustainMillivolts = 600, BreakawayMillivolts = 900, KickMillivolts = 2800, KickMilliseconds = 30 };
        for (int level = 1; level <= 5; level++)
        {
            record.SetLevelMillivolts(level, 800 + (level * 400));
        }

        Assert.Equal(CommandResult.Success, wand.Controller!.WriteCalibration(record));
        wand.Board.FactoryStrap.Set(factoryMode);
        wand.Reboot();
        wand.RunFor(1000);
        Assert.Equal(factoryMode, wand.Controller!.IsFactoryMode());
        Assert.True(wand.Controller.IsCalibrated);
        var sink = new CountingSink();
        var gatt = new WandGattServer(wand.Controller, wand.Board.Io.Storage, new DeviceIdentity("Wand Labs", "WAND-1", "B", "1.17", "1.0"), sink);
        gatt.LinkUp(encrypted);
        if (sessionRunning)
        {
            Assert.Equal(CommandResult.Success, wand.Controller.StartRemote(3, PatternKind.Continuous, 600));
            wand.RunFor(1000);
        }

        return (wand, gatt, sink);
    }

    private static byte[][] Snapshot(WandGattServer gatt)
    {
        var values = new byte[WandProfile.CharacteristicCount][];
        byte[] buffer = new byte[64];
        for (int index = 0; index < WandProfile.CharacteristicCount; index++)
        {
            byte error = gatt.Read(index, buffer, out int length);
            values[index] = error == 0 ? buffer.AsSpan(0, length).ToArray() : new[] { error };
        }

        return values;
    }

    [Theory]
    [MemberData(nameof(WriteVectors))]
    public void BP3_WriteVector_GetsItsErrorFromTheFirmwareGattServer(string fileName, string vectorName)
    {
        JsonElement vector = VectorFiles.Find(fileName, vectorName);
        int index = WandProfile.IndexOfName(VectorFiles.Load(fileName).GetProperty("characteristic").GetString());
        bool factory = WandProfile.Characteristic(index)!.WriteSecurity == AccessSecurity.FactoryMode;
        bool running = vector.TryGetProperty("requires", out JsonElement requires) && requires.EnumerateArray().Any(state => state.GetString() == "session-running");
        (VirtualWand _, WandGattServer gatt, CountingSink sink) = Boot(factory, running);
        for (int subscribe = 0; subscribe < WandProfile.CharacteristicCount; subscribe++)
        {
            gatt.SetSubscribed(subscribe, WandProfile.Characteristic(subscribe)!.CanNotify);
        }

        byte[] value = Convert.FromHexString(vector.GetProperty("hex").GetString()!);
        byte expected = VectorFiles.ParseError(vector);
        byte[][] before = Snapshot(gatt);
        int notificationsBefore = sink.Count;

        byte result = gatt.Write(index, value, VectorFiles.Offset(vector), withResponse: true);

        Assert.True(expected == result, $"{fileName} '{vectorName}': expected 0x{expected:X2}, the GATT server answered 0x{result:X2}");
        if (expected != 0)
        {
            byte[][] after = Snapshot(gatt);
            for (int characteristic = 0; characteristic < before.Length; characteristic++)
            {
                Assert.True(before[characteristic].SequenceEqual(after[characteristic]), $"refused write changed {WandProfile.Characteristic(characteristic)!.Name}");
            }

            Assert.Equal(notificationsBefore, sink.Count);
        }
    }
}
