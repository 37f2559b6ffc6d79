using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Protocol.Factory;
using Wand.Core.Hardware;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class FactoryAndCalibrationTests
{
    [Fact]
    public void SR15_RawDriveIsRefusedOutsideFactoryMode()
    {
        TestBench bench = new();
        bench.Run(2500);
        Assert.False(bench.Controller.IsFactoryMode());
        Assert.Equal(CommandResult.NotInFactoryMode, bench.Controller.RawDrive(2000, 1000));
        Assert.Equal(CommandResult.NotInFactoryMode, bench.Controller.WriteCalibration(TestBench.NominalCalibration()));
    }

    [Fact]
    public void SR15_StrapAtBootEntersFactoryModeAndRawDriveStaysUnderTheCeiling()
    {
        TestBench bench = new();
        bench.Strap.IsActive = true;
        bench.Run(400);
        Assert.True(bench.Controller.IsFactoryMode());
        Assert.Equal(CommandResult.OutOfRange, bench.Controller.RawDrive(3001, 1000));
        Assert.Equal(CommandResult.Success, bench.Controller.RawDrive(3000, 1000));
        bench.SetBatteryVolts(3.2);
        bench.Run(400, () => Assert.True(bench.MotorMillivolts <= 3000.5));
        bench.Run(800);
        Assert.Equal(0f, bench.Motor.DutyCycle);
    }

    [Fact]
    public void SR15_ButtonHeldFromBootEntersFactoryModeWhichEndsAfterTenMinutes()
    {
        TestBench bench = new();
        bench.Button.IsActive = true;
        bench.Run(2100);
        bench.Button.IsActive = false;
        bench.Run(100);
        Assert.True(bench.Controller.IsFactoryMode());
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        bench.Clock.MillisecondsSinceBoot = SafetyLimits.FactoryModeSeconds * 1000L;
        Assert.False(bench.Controller.IsFactoryMode());
    }

    [Fact]
    public void SR15_RawDriveStillObeysTheHeadInterlock()
    {
        TestBench bench = new();
        bench.Strap.IsActive = true;
        bench.SetHead(HeadIdentity.None);
        bench.Run(400);
        Assert.Equal(CommandResult.NoHead, bench.Controller.RawDrive(2000, 1000));
    }

    [Fact]
    public void SR16_MissingRecordFallsBackToTheLowestTwoLevels()
    {
        TestBench bench = new(calibrated: false);
        Assert.False(bench.Controller.IsCalibrated);
        Assert.Equal(FaultCode.CalibrationInvalid, bench.Controller.FaultLog.CodeAt(0));
        bench.Run(400);
        Assert.Equal(CommandResult.LevelNotAllowed, bench.Controller.StartRemote(3, PatternKind.Continuous, 600));
        Assert.Equal(CommandResult.Success, bench.Controller.StartRemote(2, PatternKind.Continuous, 600));
    }

    [Fact]
    public void SR16_CorruptRecordIsNeverUsed()
    {
        FakeStorage storage = new();
        byte[] buffer = new byte[CalibrationRecord.Length];
        TestBench.NominalCalibration().Encode(buffer, 0);
        buffer[5] ^= 0x40;
        storage.Put(StorageSlot.Calibration, buffer);
        CalibrationStore store = new(storage);
        Motor.DriveMap map = new();
        Assert.False(store.TryLoad(map, new SafetyLimits()));
        Assert.Equal(CalibrationStore.ProblemCorrupt, store.LastLoadProblem);
        Assert.Equal(SafetyLimits.UncalibratedMaximumLevel, map.MaximumLevel);
    }

    [Fact]
    public void SR16_RecordAboveTheBoardsCeilingIsRefusedOnLoad()
    {
        CalibrationRecord record = TestBench.NominalCalibration();
        record.SetLevelMillivolts(5, 2950);
        SafetyLimits limits = new();
        Assert.True(limits.TryTightenRatedMotorMillivolts(2900));
        Assert.False(CalibrationRules.IsValidFor(record, limits));
        FakeStorage storage = new();
        byte[] buffer = new byte[CalibrationRecord.Length];
        record.Encode(buffer, 0);
        storage.Put(StorageSlot.Calibration, buffer);
        CalibrationStore store = new(storage);
        Assert.False(store.TryLoad(new Motor.DriveMap(), limits));
        Assert.Equal(CalibrationStore.ProblemOutOfLimits, store.LastLoadProblem);
        Assert.True(store.TryLoad(new Motor.DriveMap(), new SafetyLimits()));
    }

    [Fact]
    public void SR16_FailedWriteKeepsThePreviousRecordInUse()
    {
        TestBench bench = new();
        bench.Strap.IsActive = true;
        bench.Run(400);
        byte[] before = bench.Storage.Get(StorageSlot.Calibration)!;
        CalibrationRecord next = TestBench.NominalCalibration();
        next.SetLevelMillivolts(1, 1750);
        bench.Storage.FailWrites = true;
        Assert.Equal(CommandResult.Failed, bench.Controller.WriteCalibration(next));
        Assert.Equal(before, bench.Storage.Get(StorageSlot.Calibration));
        Assert.Equal(1700, bench.Controller.Calibration.LevelMillivolts(1));
        bench.Storage.FailWrites = false;
        Assert.Equal(CommandResult.Success, bench.Controller.WriteCalibration(next));
        Assert.Equal(1750, bench.Controller.Calibration.LevelMillivolts(1));
    }

    [Fact]
    public void SR16_RecordRoundTripsThroughStorage()
    {
        FakeStorage storage = new();
        CalibrationStore store = new(storage);
        CalibrationRecord record = TestBench.NominalCalibration();
        record.KickMilliseconds = 30;
        Assert.True(store.Save(record));
        Motor.DriveMap map = new();
        Assert.True(store.TryLoad(map, new SafetyLimits()));
        Assert.True(CalibrationRules.SameValues(record, map.Record));
    }
}
