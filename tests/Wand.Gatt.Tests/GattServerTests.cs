using System;
using System.Collections.Generic;
using System.Linq;
using Wand.Protocol.Profile;
using Xunit;

namespace Wand.Gatt.Tests;

/// <summary>The GATT server on the virtual wand; the shared write and access vectors run in Wand.Protocol.Tests.</summary>
public class GattServerTests
{
    [Fact]
    public void BP4_CustomServicesNeedAnEncryptedLink_StandardServicesDoNot()
    {
        GattBench bench = new(encrypted: false);
        Assert.Equal((byte)AttError.InsufficientEncryption, bench.Read(GattBench.Index("status")).Error);
        Assert.Equal((byte)AttError.InsufficientEncryption, bench.Write("control-point", new byte[] { 0x02 }));
        Assert.Equal(0, bench.Read(GattBench.Index("battery-level")).Error);
        Assert.Equal(0, bench.Read(GattBench.Index("manufacturer-name")).Error);
    }

    [Fact]
    public void SR15_FactoryServiceIsRefusedOutsideFactoryMode()
    {
        GattBench bench = new();
        Assert.Equal((byte)AttError.InsufficientAuthorization, bench.Read(GattBench.Index("calibration")).Error);
        Assert.Equal((byte)AttError.InsufficientAuthorization, bench.Write("raw-drive", new byte[] { 0xD0, 0x07, 0xE8, 0x03 }));
        Assert.Equal(0.0, bench.Wand.Board.MotorOutput.DutyCycle);
    }

    [Fact]
    public void SR15_RawDriveInFactoryModeStaysUnderTheCeiling()
    {
        GattBench bench = new(factoryMode: true);
        Assert.Equal(0, bench.Write("raw-drive", new byte[] { 0xB8, 0x0B, 0x10, 0x27 }));
        double highest = 0;
        for (int tick = 0; tick < 100; tick++)
        {
            bench.Wand.RunFor(20);
            highest = Math.Max(highest, bench.Wand.Runtime!.Controller.MotorMillivolts);
        }

        Assert.InRange(highest, 2500, 3000);
    }

    [Fact]
    public void SR14_StateRefusalIs0x90PlusTheResultAndChangesNothing()
    {
        GattBench bench = new();
        bench.Wand.Board.DetachHead();
        bench.Wand.RunFor(100);
        Dictionary<int, string> before = bench.Snapshot();
        byte error = bench.Write("control-point", new byte[] { 0x01, 0x02, 0x00, 0x00, 0x00 });
        Assert.Equal(CommandRefusal.Base + (int)global::Wand.Protocol.Vocabulary.CommandResult.NoHead, error);
        Assert.Equal(before, bench.Snapshot());
    }

    [Fact]
    public void SR17_FaultLogIsReadableInPagesNewestFirst()
    {
        GattBench bench = new();
        for (int fault = 0; fault < 5; fault++)
        {
            Assert.Equal(0, bench.Write("control-point", new byte[] { 0x01, 0x01, 0x00, 0x00, 0x00 }));
            bench.Wand.RunFor(600);
            bench.Wand.Board.SetUsbPower(true);
            bench.Wand.RunFor(40);
            bench.Wand.Board.SetUsbPower(false);
            bench.Wand.RunFor(100);
        }

        Assert.Equal(0, bench.Write("fault-log", new byte[] { 0x00 }));
        (byte error, byte[] page) = bench.Read(GattBench.Index("fault-log"));
        Assert.Equal(0, error);
        global::Wand.Protocol.Messages.FaultLogPage decoded = new();
        Assert.Equal(AttError.Success, decoded.Decode(page, 0, page.Length));
        Assert.Equal(5, decoded.TotalEntries);
        Assert.Equal(global::Wand.Protocol.Vocabulary.FaultCode.ChargingInterlock, decoded.CodeAt(0));
        Assert.True(decoded.MillisecondsAt(0) > decoded.MillisecondsAt(1));
        Assert.Equal(0, bench.Write("fault-log", new byte[] { 0x03 }));
        (_, byte[] second) = bench.Read(GattBench.Index("fault-log"));
        Assert.Equal(AttError.Success, decoded.Decode(second, 0, second.Length));
        Assert.Equal(3, decoded.FirstIndex);
    }

    [Fact]
    public void HD2_StatusReportsAShortedLineAndAGuardZoneReading()
    {
        GattBench bench = new();
        int status = GattBench.Index("status");
        bench.Wand.Board.ShortHeadLine();
        bench.Wand.RunFor(40);
        global::Wand.Protocol.Messages.StatusReport report = new();
        byte[] value = bench.Read(status).Value;
        Assert.Equal(AttError.Success, report.Decode(value, 0, value.Length));
        Assert.Equal(global::Wand.Protocol.Vocabulary.HeadIdentity.Shorted, report.Head);
        bench.Wand.Board.SetHeadResistor(10_000);
        bench.Wand.RunFor(40);
        value = bench.Read(status).Value;
        Assert.Equal(AttError.Success, report.Decode(value, 0, value.Length));
        Assert.Equal(global::Wand.Protocol.Vocabulary.HeadIdentity.Unknown, report.Head);
        bench.Wand.Board.DetachHead();
        bench.Wand.RunFor(40);
        value = bench.Read(status).Value;
        Assert.Equal(AttError.Success, report.Decode(value, 0, value.Length));
        Assert.Equal(global::Wand.Protocol.Vocabulary.HeadIdentity.None, report.Head);
    }
}
