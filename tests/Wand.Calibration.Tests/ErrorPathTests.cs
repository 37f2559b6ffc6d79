using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Calibration.Tests.Fakes;
using Wand.Core.Calibration;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Factory;
using Wand.Protocol.Host;
using Wand.Protocol.Profile;
using Wand.Simulation;
using Xunit;

namespace Wand.Calibration.Tests;

/// <summary>Whatever goes wrong, the wand keeps its previous valid record (or the safe defaults), never a partial one (SR-16).</summary>
public sealed class ErrorPathTests
{
    private static readonly Guid CalibrationUuid = WandProfile.Characteristic(WandProfile.CalibrationIndex).Uuid.ToGuid();

    [Theory]
    [InlineData(DropPoint.BeforeWrite)]
    [InlineData(DropPoint.AfterWrite)]
    public async Task SR16_LinkLostMidWrite_DeviceHoldsPreviousOrNewCompleteRecord(DropPoint point)
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(new SimulatedWandOptions { Seed = 11, MotorSpread = 0.25, Calibrated = true });
        CalibrationRecord previous = unit.StoredRecord()!;
        FlakyLink link = new(unit.Link, CalibrationUuid, point);

        CalibrationResult result = await new CalibrationProcedure(link, unit.Sensor, unit.Options()).RunAsync();

        Assert.Equal(CalibrationOutcome.Error, result.Outcome);
        Assert.Equal(nameof(LinkLostException), result.FailureKind);
        Assert.False(result.Written);
        Assert.Contains("never a partial", result.Message, StringComparison.Ordinal);
        unit.Link.Wand.RunFor(200);
        Assert.Equal(0.0, unit.Link.Wand.Board.MotorVolts);
        CalibrationRecord? stored = unit.StoredRecord();
        Assert.NotNull(stored);
        RecordValues expected = point == DropPoint.BeforeWrite ? RecordValues.From(previous) : result.NewRecord!;
        Assert.Equal(expected.LevelMillivolts, RecordValues.From(stored).LevelMillivolts);
        Assert.Equal(expected with { LevelMillivolts = [] }, RecordValues.From(stored) with { LevelMillivolts = [] });

        // After a reboot the firmware loads a valid record.
        unit.Link.Wand.Reboot();
        unit.Link.Wand.RunFor(500);
        Assert.True(unit.Link.Wand.Controller!.IsCalibrated);
    }

    [Fact]
    public async Task MotorNeverStarts_FailsWithMotorDoesNotStart_NothingWrittenMotorOff()
    {
        ErmMotorParameters stuck = ErmMotorParameters.Nominal with { StartVolts = 3.6, SustainVolts = 2.0 };
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(new SimulatedWandOptions { Motor = stuck, Calibrated = false });

        CalibrationResult result = await unit.CalibrateAsync();

        Assert.Equal(CalibrationOutcome.Fail, result.Outcome);
        Assert.Equal(nameof(MotorDoesNotStartException), result.FailureKind);
        Assert.Null(result.NewRecord);
        Assert.Null(unit.StoredRecord());
        Assert.Equal(0.0, unit.Link.Wand.Board.MotorVolts);
        Assert.All(result.BreakawayProbes, probe => Assert.False(probe.Started));
    }

    [Fact]
    public async Task NoisySensor_FitOrVerificationRejected_PreviousRecordKept()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(new SimulatedWandOptions { Seed = 5, MotorSpread = 0.25, Calibrated = true });
        byte[] before = StoredBytes(unit);
        unit.Link.Wand.Board.Accelerometer.Fault = AccelerometerFault.Noisy;

        CalibrationResult result = await unit.CalibrateAsync();

        Assert.Equal(CalibrationOutcome.Fail, result.Outcome);
        Assert.Contains(result.FailureKind, new[] { nameof(CalibrationFitException), nameof(VerificationFailedException) });
        Assert.False(result.Written);
        Assert.Equal(before, StoredBytes(unit));
    }

    [Fact]
    public async Task WeakMotor_TopAboveCeiling_FailsOutOfRange_NothingWritten()
    {
        ErmMotorParameters weak = ErmMotorParameters.Nominal with { SpeedGainRpmPerVolt = 3000 };
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(new SimulatedWandOptions { Motor = weak, Calibrated = false });

        CalibrationResult result = await unit.CalibrateAsync();

        Assert.Equal(CalibrationOutcome.Fail, result.Outcome);
        Assert.Equal(nameof(UnitOutOfRangeException), result.FailureKind);
        Assert.Contains("3000 mV ceiling", result.Message, StringComparison.Ordinal);
        Assert.Null(unit.StoredRecord());
    }

    [Fact]
    public async Task Cancelled_DuringSweep_ThrowsMotorStoppedNothingWrittenFactoryModeLeft()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 3);
        using CancellationTokenSource cancel = new();
        SynchronousProgress progress = new(report =>
        {
            if (report.Stage == CalibrationStage.Sweep)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new CalibrationProcedure(unit.Link, unit.Sensor, unit.Options()).RunAsync(progress, cancel.Token));

        unit.Link.Wand.RunFor(100);
        Assert.Equal(0.0, unit.Link.Wand.Board.MotorVolts);
        Assert.Null(unit.StoredRecord());
        Assert.False(unit.Link.Wand.Controller!.IsFactoryMode());
    }

    [Fact]
    public async Task RealWandNotInFactoryMode_ErrorSaysHowToEnterIt()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 3);
        FlakyLink notStrappable = new(unit.Link, Guid.Empty, DropPoint.BeforeWrite);
        CalibrationResult result = await new CalibrationProcedure(new LinkWithoutStrap(notStrappable), unit.Sensor, unit.Options()).RunAsync();

        Assert.Equal(CalibrationOutcome.Error, result.Outcome);
        Assert.Equal(nameof(FactoryModeRequiredException), result.FailureKind);
        Assert.Contains("strap", result.Message, StringComparison.Ordinal);
    }

    private static byte[] StoredBytes(VirtualUnit unit)
    {
        byte[] buffer = new byte[64];
        int length = unit.Link.Wand.Board.Storage.Read(Wand.Core.Hardware.StorageSlot.Calibration, buffer);
        return buffer.AsSpan(0, Math.Max(length, 0)).ToArray();
    }
}
