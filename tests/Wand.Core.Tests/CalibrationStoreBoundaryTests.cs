using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Core.Hardware;
using Wand.Core.Motor;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Factory;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The motor calibration store (SR-16) and the sensor calibration store (SR-18) at their edges: an empty slot is
/// reported as missing (not corrupt), a record that cannot be used replaces whatever was in force before with the safe
/// fallback, and a save counts only when the record read back decodes and holds exactly the values sent. Also the
/// sensor correction on saturated readings, where a calibration with an offset or a gain below one would otherwise move
/// a short (0) or an open (4095) into the measuring range.
/// </summary>
public class CalibrationStoreBoundaryTests
{
    private const int Channel = SensorCalibrationRecord.ThermistorChannel;

    [Fact]
    public void SR16_AnEmptySlotIsReportedAsMissingAndTheDefaultsReplaceTheRecordInForce()
    {
        DriveMap map = new();
        map.Load(TestBench.NominalCalibration(), true);
        CalibrationStore store = new(new FakeStorage());

        Assert.False(store.TryLoad(map, new SafetyLimits()));

        Assert.Equal(CalibrationStore.ProblemMissing, store.LastLoadProblem);
        Assert.False(map.IsCalibrated);
        Assert.Equal(SafetyLimits.UncalibratedMaximumLevel, map.MaximumLevel);
        Assert.True(CalibrationRules.SameValues(CalibrationRules.CreateSafeDefaults(), map.Record));
    }

    [Fact]
    public void SR16_ACorruptRecordReplacesTheRecordInForceWithTheDefaults()
    {
        FakeStorage storage = new();
        byte[] bytes = new byte[CalibrationRecord.Length];
        TestBench.NominalCalibration().Encode(bytes, 0);
        bytes[3] ^= 0x01;
        storage.Put(StorageSlot.Calibration, bytes);
        DriveMap map = new();
        map.Load(TestBench.NominalCalibration(), true);
        CalibrationStore store = new(storage);

        Assert.False(store.TryLoad(map, new SafetyLimits()));

        Assert.Equal(CalibrationStore.ProblemCorrupt, store.LastLoadProblem);
        Assert.False(map.IsCalibrated);
        Assert.True(CalibrationRules.SameValues(CalibrationRules.CreateSafeDefaults(), map.Record));
    }

    [Fact]
    public void SR16_ASaveWhoseReadBackHoldsOtherValuesFails()
    {
        CalibrationRecord other = TestBench.NominalCalibration();
        other.SetLevelMillivolts(1, 1650);
        byte[] otherBytes = new byte[CalibrationRecord.Length];
        other.Encode(otherBytes, 0);
        FakeStorage storage = new() { StoreAs = _ => (byte[])otherBytes.Clone() };
        CalibrationStore store = new(storage);

        Assert.False(store.Save(TestBench.NominalCalibration()));
    }

    [Fact]
    public void SR16_ASaveWhoseReadBackIsCorruptFailsEvenAfterTheSameRecordWasSavedBefore()
    {
        FakeStorage storage = new();
        CalibrationStore store = new(storage);
        Assert.True(store.Save(TestBench.NominalCalibration()));

        storage.StoreAs = written =>
        {
            written[3] ^= 0x01;
            return written;
        };

        Assert.False(store.Save(TestBench.NominalCalibration()));
    }

    [Fact]
    public void SR18_AnEmptySensorCalibrationSlotIsMissingAndClearsTheCorrectionInForce()
    {
        SensorCorrection correction = new();
        correction.Load(Record(1.05, 12.0));
        SensorCalibrationStore store = new(new FakeStorage());

        Assert.False(store.TryLoad(correction));

        Assert.Equal(SensorCalibrationStore.ProblemMissing, store.LastLoadProblem);
        Assert.False(correction.IsCalibrated);
        Assert.Equal(1000, correction.Correct(Channel, 1000));
        Assert.False(store.TryRead(new SensorCalibrationRecord()));
    }

    [Fact]
    public void SR18_ACorruptSensorCalibrationClearsTheCorrectionInForce()
    {
        FakeStorage storage = new();
        byte[] bytes = new byte[SensorCalibrationRecord.Length];
        Record(1.05, 12.0).Encode(bytes, 0);
        bytes[7] ^= 0x01;
        storage.Put(StorageSlot.SensorCalibration, bytes);
        SensorCorrection correction = new();
        correction.Load(Record(1.05, 12.0));
        SensorCalibrationStore store = new(storage);

        Assert.False(store.TryLoad(correction));

        Assert.Equal(SensorCalibrationStore.ProblemCorrupt, store.LastLoadProblem);
        Assert.False(correction.IsCalibrated);
        Assert.Equal(1000, correction.Correct(Channel, 1000));
    }

    [Fact]
    public void SR18_ASensorCalibrationSaveWhoseReadBackHoldsOtherValuesFails()
    {
        byte[] otherBytes = new byte[SensorCalibrationRecord.Length];
        Record(1.02, 3.0).Encode(otherBytes, 0);
        FakeStorage storage = new() { StoreAs = _ => (byte[])otherBytes.Clone() };
        SensorCalibrationStore store = new(storage);

        Assert.False(store.Save(Record(1.05, 12.0)));
    }

    [Fact]
    public void SR18_ASensorCalibrationSaveWhoseReadBackIsCorruptFailsEvenAfterTheSameRecordWasSavedBefore()
    {
        FakeStorage storage = new();
        SensorCalibrationStore store = new(storage);
        Assert.True(store.Save(Record(1.05, 12.0)));

        storage.StoreAs = written =>
        {
            written[7] ^= 0x01;
            return written;
        };

        Assert.False(store.Save(Record(1.05, 12.0)));
    }

    [Theory]
    [InlineData(1.0, 12.0)]
    [InlineData(0.95, 0.0)]
    [InlineData(1.05, -30.0)]
    public void SR18_AShortOrAnOpenStaysSaturatedWhateverTheCorrection(double gain, double offsetCounts)
    {
        SensorCorrection correction = new();
        correction.Load(Record(gain, offsetCounts));

        Assert.Equal(0, correction.Correct(Channel, 0));
        Assert.Equal(AnalogScaling.MaximumCounts, correction.Correct(Channel, AnalogScaling.MaximumCounts));
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
}
