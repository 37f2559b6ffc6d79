using System;
using Wand.Protocol.Factory;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Protocol.Tests;

public class CodecRobustnessTests
{
    /// <summary>
    /// Random bytes of every length into every decoder: never an exception, and whatever is accepted re-encodes to the
    /// same bytes (the codecs are canonical, so accepted input is exactly what the device will act on).
    /// </summary>
    [Theory]
    [InlineData("ControlPointCommand")]
    [InlineData("ControlPointResponse")]
    [InlineData("StatusReport")]
    [InlineData("SessionSettings")]
    [InlineData("HeadReport")]
    [InlineData("EffectiveLimits")]
    [InlineData("FaultLogSelection")]
    [InlineData("FaultLogPage")]
    [InlineData("ProtocolVersion")]
    [InlineData("BatteryLevel")]
    [InlineData("CalibrationRecord")]
    [InlineData("RawDriveCommand")]
    [InlineData("RawSensorReadings")]
    [InlineData("SerialNumber")]
    [InlineData("SelfTestCommand")]
    [InlineData("SelfTestReport")]
    public void SR14_RandomBytes_NeverThrow_AndAcceptedInputIsCanonical(string message)
    {
        var random = new Random(message.GetHashCode(StringComparison.Ordinal) ^ 0x5EED);
        MessageAdapter adapter = MessageAdapter.For(message);
        byte[] buffer = new byte[48];
        byte[] encoded = new byte[64];
        int accepted = 0;
        for (int round = 0; round < 20000; round++)
        {
            int length = random.Next(0, 41);
            random.NextBytes(buffer);
            if (round % 4 == 0 && length > 0)
            {
                // Bias toward plausible opcodes, levels and small numbers so value checks are reached.
                buffer[0] = (byte)random.Next(0, 6);
                buffer[1] = (byte)random.Next(0, 7);
            }
            else if (round % 4 == 1)
            {
                for (int index = 0; index < length; index++)
                {
                    buffer[index] = (byte)random.Next(0, 7);
                }
            }

            object instance = adapter.Create();
            AttError result = adapter.Decode(instance, buffer, 0, length);
            if (result != AttError.Success)
            {
                continue;
            }

            accepted++;
            int written = adapter.Encode(instance, encoded, 0);
            Assert.True(written <= length, $"{message}: encoded {written} bytes from {length}");
            Assert.Equal(buffer.AsSpan(0, written).ToArray(), encoded.AsSpan(0, written).ToArray());
        }

        Assert.True(accepted > 0 || message is "CalibrationRecord" or "SelfTestCommand", $"{message}: no random input was accepted");
    }

    [Fact]
    public void SR16_RandomValidCalibrationRecords_RoundTrip()
    {
        var random = new Random(16);
        byte[] buffer = new byte[CalibrationRecord.Length];
        byte[] again = new byte[CalibrationRecord.Length];
        for (int round = 0; round < 5000; round++)
        {
            var record = new CalibrationRecord
            {
                SustainMillivolts = random.Next(500, 2000),
                BreakawayMillivolts = random.Next(500, 3001),
                KickMillivolts = random.Next(500, 3001),
                KickMilliseconds = random.Next(0, 51),
            };
            int level = record.SustainMillivolts;
            for (int index = 1; index <= 5; index++)
            {
                level += random.Next(1, 200);
                record.SetLevelMillivolts(index, level);
            }

            Assert.Equal(CalibrationRecord.Length, record.Encode(buffer, 0));
            var decoded = new CalibrationRecord();
            Assert.Equal(AttError.Success, decoded.Decode(buffer, 0, buffer.Length));
            decoded.Encode(again, 0);
            Assert.Equal(buffer, again);

            int flip = random.Next(0, CalibrationRecord.Length * 8);
            buffer[flip / 8] ^= (byte)(1 << (flip % 8));
            Assert.Equal(AttError.CrcMismatch, new CalibrationRecord().Decode(buffer, 0, buffer.Length));
        }
    }

    [Fact]
    public void SR14_ControlPoint_EveryTwoByteWrite_IsClassifiedExactly()
    {
        var command = new ControlPointCommand();
        byte[] value = new byte[2];
        for (int opcode = 0; opcode < 256; opcode++)
        {
            for (int argument = 0; argument < 256; argument++)
            {
                value[0] = (byte)opcode;
                value[1] = (byte)argument;
                AttError expected = opcode switch
                {
                    3 => argument is >= 1 and <= 5 ? AttError.Success : AttError.LevelOutOfRange,
                    4 => argument <= 3 ? AttError.Success : AttError.PatternUnknown,
                    5 => argument is >= 1 and <= 4 ? AttError.Success : AttError.RoutineUnknown,
                    1 or 2 or 6 or 7 => AttError.InvalidAttributeValueLength,
                    _ => AttError.OpcodeNotSupported,
                };
                Assert.Equal(expected, command.Decode(value, 0, 2));
            }
        }
    }

    [Fact]
    public void MD4_EncodeAndDecode_DoNotAllocate()
    {
        byte[] buffer = new byte[64];
        var status = new StatusReport { State = SessionState.Running, BatteryMillivolts = 3900, HeadTemperatureCentidegrees = -12 };
        var command = new ControlPointCommand();
        var response = new ControlPointResponse();
        var settings = new SessionSettings { DefaultSessionSeconds = 600, DefaultLevel = 3 };
        var head = new HeadReport();
        head.SetName("Soft dome");
        var limits = new EffectiveLimits();
        var page = new FaultLogPage();
        var version = new ProtocolVersion { Major = 1 };
        var record = new CalibrationRecord { SustainMillivolts = 600, BreakawayMillivolts = 900, KickMillivolts = 2800, KickMilliseconds = 30 };
        for (int level = 1; level <= 5; level++)
        {
            record.SetLevelMillivolts(level, 800 + (level * 300));
        }

        var drive = new RawDriveCommand { Millivolts = 1000, DurationMilliseconds = 100 };
        var sensors = new RawSensorReadings();
        var serial = new SerialNumber();
        serial.Set("WND-1");
        var selfTest = new SelfTestReport();

        void RunAll()
        {
            status.Decode(buffer, 0, status.Encode(buffer, 0));
            command.SetStart(3, PatternKind.Wave, 600);
            command.Decode(buffer, 0, command.Encode(buffer, 0));
            response.Decode(buffer, 0, response.Encode(buffer, 0));
            settings.Decode(buffer, 0, settings.Encode(buffer, 0));
            head.SetName("Soft dome");
            head.Decode(buffer, 0, head.Encode(buffer, 0));
            limits.Decode(buffer, 0, limits.Encode(buffer, 0));
            page.Clear(1, 0);
            page.Add(FaultCode.LinkLost, 0, 5);
            page.Decode(buffer, 0, page.Encode(buffer, 0));
            version.Decode(buffer, 0, version.Encode(buffer, 0));
            record.Decode(buffer, 0, record.Encode(buffer, 0));
            drive.Decode(buffer, 0, drive.Encode(buffer, 0));
            sensors.Decode(buffer, 0, sensors.Encode(buffer, 0));
            serial.Decode(buffer, 0, serial.Encode(buffer, 0));
            selfTest.Decode(buffer, 0, selfTest.Encode(buffer, 0));
            BatteryLevel.Decode(buffer, 0, BatteryLevel.Encode(buffer, 0, 50), out _);
        }

        RunAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 100; round++)
        {
            RunAll();
        }

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal("Soft dome", head.GetName());
        Assert.Equal(AttError.Success, record.Decode(buffer, 0, record.Encode(buffer, 0)));
    }

    [Fact]
    public void HD4_HeadName_IsTruncatedAndSanitisedWhenEncoded()
    {
        var head = new HeadReport { Identity = HeadIdentity.SoftDome, MaximumLevel = 5, AllowedPatterns = 15 };
        head.SetName("A very long head name\u00e9");
        byte[] buffer = new byte[32];
        Assert.Equal(HeadReport.MaximumLength, head.Encode(buffer, 0));
        Assert.Equal("A very long head ", head.GetName());
        head.SetName("Dôme");
        Assert.Equal("D?me", head.GetName());
        head.SetName(null!);
        Assert.Equal(HeadReport.MinimumLength, head.Encode(buffer, 0));
    }

    [Fact]
    public void BatteryLevel_Encode_LimitsToZeroToHundred()
    {
        byte[] buffer = new byte[1];
        BatteryLevel.Encode(buffer, 0, 140);
        Assert.Equal(100, buffer[0]);
        BatteryLevel.Encode(buffer, 0, -3);
        Assert.Equal(0, buffer[0]);
    }
}
