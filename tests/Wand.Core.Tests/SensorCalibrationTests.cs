using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Core.Hardware;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Factory;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class SensorCalibrationTests
{
    [Fact]
    public void SR18_WithoutSensorCalibrationEveryLimitIsShiftedByTheUncalibratedWorstCase()
    {
        TestBench bench = new(sensorsCalibrated: false);
        SafetyLimits limits = bench.Controller.Limits;
        Assert.False(bench.Controller.SensorsCalibrated);
        Assert.Equal(SafetyLimits.DefaultTripMillidegrees - SensorUncertainty.UncalibratedThermalMillidegrees, limits.TripMillidegrees);
        Assert.Equal(SafetyLimits.DefaultDerateStartMillidegrees - SensorUncertainty.UncalibratedThermalMillidegrees, limits.DerateStartMillidegrees);
        Assert.Equal(SafetyLimits.DefaultThermalRestartMillidegrees - SensorUncertainty.UncalibratedThermalMillidegrees, limits.ThermalRestartMillidegrees);
        Assert.Equal(SafetyLimits.DefaultBatteryCutoffMillivolts + SensorUncertainty.UncalibratedBatteryMillivolts, limits.BatteryCutoffMillivolts);
        Assert.Equal(SafetyLimits.DefaultBatteryWarningMillivolts + SensorUncertainty.UncalibratedBatteryMillivolts, limits.BatteryWarningMillivolts);
        Assert.Equal(SafetyLimits.DefaultBatteryRestartMillivolts + SensorUncertainty.UncalibratedBatteryMillivolts, limits.BatteryRestartMillivolts);
        Assert.Equal(SafetyLimits.DefaultRatedMotorMillivolts * (100 - SensorUncertainty.UncalibratedBatteryPercent) / 100, limits.RatedMotorMillivolts);

        // The shared profile is untouched: the shift belongs to this unit.
        Assert.Equal(SafetyLimits.DefaultTripMillidegrees, bench.Profile.Limits.TripMillidegrees);
    }

    [Fact]
    public void SR18_WithoutSensorCalibrationTheThermalTripActsAtTheShiftedReading()
    {
        TestBench bench = new(sensorsCalibrated: false);
        bench.SetBatteryVolts(4.1);
        Assert.Equal(CommandResult.Success, bench.BootAndStart(level: 1));
        double shiftedTrip = (SafetyLimits.DefaultTripMillidegrees - SensorUncertainty.UncalibratedThermalMillidegrees) / 1000.0;
        bench.SetTemperature(shiftedTrip - 0.3);
        bench.Run(600);
        Assert.True(bench.Motor.DutyCycle > 0);
        bench.SetTemperature(shiftedTrip + 0.1);
        bench.Run(300);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(StopReason.Fault, bench.Controller.LastStopReason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(28)]
    public void SR18_ACorruptSensorCalibrationIsNotUsedAndShiftsTheLimits(int corruptByte)
    {
        TestBench bench = new(sensorsCalibrated: false);
        byte[] bytes = new byte[SensorCalibrationRecord.Length];
        Record(1.05, 12.0).Encode(bytes, 0);
        bytes[corruptByte] ^= 0x40;
        bench.Storage.Put(StorageSlot.SensorCalibration, bytes);
        SensorCorrection correction = new();
        Assert.False(new SensorCalibrationStore(bench.Storage).TryLoad(correction));
        Assert.False(correction.IsCalibrated);
        Assert.Equal(1000, correction.Correct(SensorCalibrationRecord.BatteryChannel, 1000));
    }

    [Fact]
    public void SR18_TheCorrectionAppliesGainAndOffsetAndKeepsSaturatedReadings()
    {
        SensorCorrection correction = new();
        correction.Load(Record(1.1, -20.5));
        Assert.Equal(1080, correction.Correct(SensorCalibrationRecord.ThermistorChannel, 1000));
        Assert.Equal(0, correction.Correct(SensorCalibrationRecord.ThermistorChannel, 0));
        Assert.Equal(AnalogScaling.MaximumCounts, correction.Correct(SensorCalibrationRecord.ThermistorChannel, AnalogScaling.MaximumCounts));
        Assert.Equal(AnalogScaling.MaximumCounts, correction.Correct(SensorCalibrationRecord.ThermistorChannel, 4000));
        Assert.Equal(0, correction.Correct(SensorCalibrationRecord.ThermistorChannel, 10));
    }

    [Fact]
    public void SR18_TheCorrectedReadingIsWhatTheMonitorsJudge()
    {
        // A unit whose ADC reads 5 % high on the NTC channel: the stored correction brings 40.0 °C back to 40.0 °C.
        TestBench reboot = new(sensorsCalibrated: false, prepareStorage: storage =>
            storage.Put(StorageSlot.SensorCalibration, Encode(RecordFor(SensorCalibrationRecord.ThermistorChannel, 1 / 1.05, 0))));
        reboot.SetTemperature(40.0);
        reboot.Ntc.Counts = (int)System.Math.Round(reboot.Ntc.Counts * 1.05);
        reboot.Run(600);
        Assert.True(reboot.Controller.SensorsCalibrated);
        Assert.InRange(reboot.Controller.HeadMillidegrees, 39800, 40200);
        Assert.Equal(SafetyLimits.DefaultTripMillidegrees, reboot.Controller.Limits.TripMillidegrees);
    }

    [Fact]
    public void SR18_SR15_WritingASensorCalibrationNeedsFactoryModeIsReadBackAndLiftsTheShift()
    {
        TestBench bench = new(sensorsCalibrated: false);
        bench.Run(400);
        SensorCalibrationRecord record = Record(0.97, 8.25);
        Assert.Equal(CommandResult.NotInFactoryMode, bench.Controller.WriteSensorCalibration(record));
        Assert.Null(bench.Storage.Get(StorageSlot.SensorCalibration));

        TestBench factory = new(sensorsCalibrated: false);
        factory.Strap.IsActive = true;
        factory.Run(400);
        Assert.Equal(CommandResult.Success, factory.Controller.WriteSensorCalibration(record));
        Assert.True(factory.Controller.SensorsCalibrated);
        Assert.Equal(SafetyLimits.DefaultTripMillidegrees, factory.Controller.Limits.TripMillidegrees);
        Assert.Equal(SafetyLimits.DefaultRatedMotorMillivolts, factory.Controller.Limits.RatedMotorMillivolts);
        SensorCalibrationRecord readBack = new();
        Assert.Equal(CommandResult.Success, factory.Controller.ReadSensorCalibration(readBack));
        Assert.True(readBack.SameValues(record));
    }

    [Fact]
    public void SR18_AnImplausibleOrUnstorableSensorCalibrationChangesNothing()
    {
        TestBench factory = new(sensorsCalibrated: false);
        factory.Strap.IsActive = true;
        factory.Run(400);
        Assert.Equal(CommandResult.OutOfRange, factory.Controller.WriteSensorCalibration(Record(1.5, 0)));
        factory.Storage.FailWrites = true;
        Assert.Equal(CommandResult.Failed, factory.Controller.WriteSensorCalibration(Record(1.01, 0)));
        Assert.False(factory.Controller.SensorsCalibrated);
        Assert.Equal(SafetyLimits.DefaultTripMillidegrees - SensorUncertainty.UncalibratedThermalMillidegrees, factory.Controller.Limits.TripMillidegrees);
    }

    [Theory]
    [InlineData(SensorCalibrationRecord.BatteryChannel, 1.15, 0.0)]
    [InlineData(SensorCalibrationRecord.BatteryChannel, 0.87, 0.0)]
    [InlineData(SensorCalibrationRecord.ThermistorChannel, 1.141, 0.0)]
    [InlineData(SensorCalibrationRecord.HeadIdChannel, 1.0, 100.5)]
    [InlineData(SensorCalibrationRecord.BatteryChannel, 1.0, -101.0)]
    public void SR18_ARecordOutsideTheUncertaintyBudgetIsRefusedAndTheLimitsKeepTheUncalibratedShift(int channel, double gain, double offsetCounts)
    {
        // A unit whose parts are within tolerance needs a gain of 0.895 to 1.128 and at most 94 counts of offset
        // (hardware/limits.md); a record beyond that is wrong, whoever wrote it, and would move the believed cell voltage
        // and with it the true motor voltage under the SR-3 ceiling.
        byte[] stored = Encode(RecordFor(channel, gain, offsetCounts));
        TestBench reboot = new(sensorsCalibrated: false, prepareStorage: storage => storage.Put(StorageSlot.SensorCalibration, stored));
        reboot.Run(400);
        Assert.False(reboot.Controller.SensorsCalibrated);
        Assert.Equal(SafetyLimits.DefaultTripMillidegrees - SensorUncertainty.UncalibratedThermalMillidegrees, reboot.Controller.Limits.TripMillidegrees);
        Assert.Equal(SafetyLimits.DefaultBatteryCutoffMillivolts + SensorUncertainty.UncalibratedBatteryMillivolts, reboot.Controller.Limits.BatteryCutoffMillivolts);
        Assert.Equal(SafetyLimits.DefaultRatedMotorMillivolts * (100 - SensorUncertainty.UncalibratedBatteryPercent) / 100, reboot.Controller.Limits.RatedMotorMillivolts);

        TestBench factory = new(sensorsCalibrated: false);
        factory.Strap.IsActive = true;
        factory.Run(400);
        Assert.Equal(CommandResult.OutOfRange, factory.Controller.WriteSensorCalibration(RecordFor(channel, gain, offsetCounts)));
        Assert.Null(factory.Storage.Get(StorageSlot.SensorCalibration));
        Assert.False(factory.Controller.SensorsCalibrated);

        // The budget's own extremes are accepted.
        Assert.Equal(CommandResult.Success, factory.Controller.WriteSensorCalibration(RecordFor(channel, gain > 1 ? 1.14 : 0.88, offsetCounts > 0 ? 100 : -100)));
        Assert.True(factory.Controller.SensorsCalibrated);
    }

    [Fact]
    public void SR16_SR18_AnExistingMotorRecordStillLoadsWithAndWithoutASensorBlock()
    {
        Assert.True(new TestBench(sensorsCalibrated: false).Controller.IsCalibrated);
        Assert.True(new TestBench().Controller.IsCalibrated);
    }

    [Fact]
    public void SR18_TheRecordRoundTripsAndRejectsAWrongLengthVersionOrCrc()
    {
        SensorCalibrationRecord record = Record(1.0123, -45.678);
        byte[] bytes = Encode(record);
        SensorCalibrationRecord decoded = new();
        Assert.Equal(AttError.Success, decoded.Decode(bytes, 0, bytes.Length));
        Assert.True(decoded.SameValues(record));
        Assert.Equal(AttError.InvalidAttributeValueLength, decoded.Decode(bytes, 0, bytes.Length - 1));
        bytes[0] = 2;
        Assert.Equal(AttError.CrcMismatch, decoded.Decode(bytes, 0, bytes.Length));
        record.Version = 2;
        byte[] future = Encode(record);
        Assert.Equal(AttError.RecordVersionUnsupported, decoded.Decode(future, 0, future.Length));
    }

    private static SensorCalibrationRecord Record(double gain, double offsetCounts)
    {
        SensorCalibrationRecord record = new();
        for (int channel = 0; channel < SensorCalibrationRecord.ChannelCount; channel++)
        {
            record.SetChannel(channel, (int)System.Math.Round(gain * 1e6), (int)System.Math.Round(offsetCounts * 1000));
        }

        return record;
    }

    private static SensorCalibrationRecord RecordFor(int channel, double gain, double offsetCounts)
    {
        SensorCalibrationRecord record = new();
        record.SetChannel(channel, (int)System.Math.Round(gain * 1e6), (int)System.Math.Round(offsetCounts * 1000));
        return record;
    }

    private static byte[] Encode(SensorCalibrationRecord record)
    {
        byte[] bytes = new byte[SensorCalibrationRecord.Length];
        record.Encode(bytes, 0);
        return bytes;
    }
}
