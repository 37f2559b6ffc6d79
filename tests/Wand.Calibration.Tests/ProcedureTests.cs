using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Wand.Calibration.Tests.Fakes;
using Wand.Core.Board;
using Wand.Host.Calibration;
using Wand.Host.Links.Simulated;
using Wand.Simulation;
using Xunit;

namespace Wand.Calibration.Tests;

/// <summary>Each step of the procedure on the virtual wand, judged against the simulated motor's true parameters.</summary>
public sealed class ProcedureTests
{
    /// <summary>Supply compensation runs on the board's measured battery voltage (ADC error up to ±60 mV on the divider), so commanded and true drive differ by a few per cent; calibration absorbs it.</summary>
    private const double DriveScaleTolerance = 0.03;

    [Fact]
    public async Task Calibrate_UncalibratedUnit_PassesWritesReadsBackAndLeavesFactoryMode()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 7, spread: 0.25);
        Assert.False(unit.Link.Wand.Controller!.IsCalibrated);

        CalibrationResult result = await unit.CalibrateAsync();

        Assert.Equal(CalibrationOutcome.Pass, result.Outcome);
        Assert.True(result.Written);
        Assert.Null(result.PreviousRecord);
        Assert.Equal(result.NewRecord!.LevelMillivolts, RecordValues.From(unit.StoredRecord()!).LevelMillivolts);
        Assert.True(unit.Link.Wand.Controller!.IsCalibrated);
        Assert.False(unit.Link.Wand.Controller.IsFactoryMode());
        Assert.InRange(result.DurationMilliseconds, 1000, 8000);
        Assert.Equal("sim", result.Address);
        Assert.NotNull(result.Identity);
    }

    [Fact]
    public async Task Breakaway_BisectionFindsTrueStartVoltageWithinResolution()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 21, spread: 0.25);
        CalibrationResult result = await unit.CalibrateAsync();

        double trueStart = unit.Motor.StartVolts * 1000;
        Assert.InRange(result.BreakawayMillivolts, (trueStart * (1 - DriveScaleTolerance)) - 30, (trueStart * (1 + DriveScaleTolerance)) + 30);
        Assert.InRange(result.BreakawayProbes.Count, 2, 8);
        Assert.True(result.BreakawayProbes[0].Started, "the first probe is at the ceiling and must start the motor");
        Assert.True(result.NewRecord!.KickMillivolts >= result.BreakawayMillivolts);
        Assert.InRange(result.NewRecord.KickMillivolts, 0, SafetyLimits.DefaultRatedMotorMillivolts);
        Assert.InRange(result.NewRecord.KickMilliseconds, 1, SafetyLimits.MaximumKickMilliseconds);
    }

    [Fact]
    public async Task Sustain_RampDownFindsWhereTheSpinningRotorStops()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 33, spread: 0.25);
        CalibrationResult result = await unit.CalibrateAsync();

        ErmMotorParameters motor = unit.Motor;
        double trueStop = (motor.SustainVolts + (motor.StopSpeedRpm / motor.SpeedGainRpmPerVolt)) * 1000;
        Assert.InRange(result.StopMillivolts, (trueStop * (1 - DriveScaleTolerance)) - 25, (trueStop * (1 + DriveScaleTolerance)) + 45);
        Assert.True(result.NewRecord!.SustainMillivolts > result.StopMillivolts);
        Assert.True(result.NewRecord.SustainMillivolts < result.NewRecord.LevelMillivolts[0]);
    }

    [Fact]
    public async Task Sweep_SettledPointsAndFitMatchTheMotorLaw()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 44, spread: 0.25);
        CalibrationResult result = await unit.CalibrateAsync();

        Assert.InRange(result.SweepPoints.Count, 5, 12);
        Assert.Contains(result.SweepPoints, point => point.Millivolts == SafetyLimits.DefaultRatedMotorMillivolts);
        Assert.All(result.SweepPoints, point => Assert.InRange(point.SettleMilliseconds, 20, 1000));
        Assert.NotNull(result.Fit);
        Assert.True(result.Fit!.RootMeanSquareRelativeResidual < 0.02);

        // V0 of the fit is the motor's sustain voltage (zero speed), up to the drive scale.
        double trueZero = unit.Motor.SustainVolts * 1000;
        Assert.InRange(result.Fit.Model.ZeroMillivolts, trueZero * (1 - DriveScaleTolerance) - 20, trueZero * (1 + DriveScaleTolerance) + 20);
    }

    [Fact]
    public async Task Verify_EveryLevelReMeasuredAgainstItsTarget()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 55, spread: 0.25);
        CalibrationResult result = await unit.CalibrateAsync();

        Assert.Equal(Enumerable.Range(1, 5), result.LevelChecks.Select(check => check.Level));
        Assert.All(result.LevelChecks, check => Assert.InRange(Math.Abs(check.RelativeError), 0, 0.05));
        Assert.All(result.LevelChecks, check => Assert.Equal(LevelTargets.Product.AmplitudeG(check.Level), check.TargetG));
        Assert.Equal(result.NewRecord!.LevelMillivolts, result.LevelChecks.Select(check => check.Millivolts));
    }

    [Fact]
    public async Task Progress_ReportsStagesInOrderAndEndsAtOne()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 8, spread: 0.25);
        List<CalibrationProgress> reports = [];
        await new CalibrationProcedure(unit.Link, unit.Sensor, unit.Options()).RunAsync(new SynchronousProgress(reports.Add));

        CalibrationStage[] stages = reports.Select(report => report.Stage).Distinct().ToArray();
        Assert.Equal(Enum.GetValues<CalibrationStage>(), stages);
        Assert.Equal(reports.Select(report => report.Stage), reports.Select(report => report.Stage).Order());
        Assert.Equal(1.0, reports[^1].Fraction);
    }

    [Fact]
    public async Task MiscalibratedUnit_BroughtWithinSpecByCalibration()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(new SimulatedWandOptions { Seed = 77, MotorSpread = 0.25, Calibrated = true });

        // Another unit's record, as if the boards were swapped after calibration.
        unit.Link.Wand.Board.StoreCalibration(IdealCalibration.For(unit.Motor with { SpeedGainRpmPerVolt = unit.Motor.SpeedGainRpmPerVolt * 1.3 }));
        await unit.Link.PowerCycleAsync(factoryStrap: false);
        double[] before = PopulationRunner.MeasureLevelsInSession(unit.Link.Wand);
        Assert.All(before, amplitude => Assert.False(double.IsNaN(amplitude)));
        Assert.All(Enumerable.Range(1, 5), level => Assert.True(Error(before, level) < -0.2, $"level {level} before: {Error(before, level):P1}"));

        CalibrationResult result = await unit.CalibrateAsync();

        Assert.Equal(CalibrationOutcome.Pass, result.Outcome);
        Assert.NotNull(result.PreviousRecord);
        double[] after = PopulationRunner.MeasureLevelsInSession(unit.Link.Wand);
        Assert.All(Enumerable.Range(1, 5), level => Assert.InRange(Math.Abs(Error(after, level)), 0, 0.05));
    }

    private static double Error(double[] amplitudes, int level) =>
        (amplitudes[level - 1] - LevelTargets.Product.AmplitudeG(level)) / LevelTargets.Product.AmplitudeG(level);
}

/// <summary>Sensors that cannot measure frequency, or that freeze.</summary>
public sealed class SensorFallbackTests
{
    [Fact]
    public async Task Calibrate_SensorWithoutFrequency_FallsBackToAmplitudeAndStaysWithinSpec()
    {
        for (ulong seed = 100; seed < 120; seed++)
        {
            await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: seed, spread: 0.25);

            CalibrationResult result = await new CalibrationProcedure(unit.Link, new AmplitudeOnlySensor(unit.Sensor), unit.Options()).RunAsync();

            Assert.True(result.Outcome == CalibrationOutcome.Pass, $"seed {seed}: {result.Message}");
            Assert.InRange(result.BreakawayMillivolts, (unit.Motor.StartVolts * 1000 * 0.97) - 30, (unit.Motor.StartVolts * 1000 * 1.03) + 30);
            double[] levels = PopulationRunner.MeasureLevelsInSession(unit.Link.Wand);
            for (int level = 1; level <= 5; level++)
            {
                Assert.InRange(levels[level - 1] / LevelTargets.Product.AmplitudeG(level), 0.95, 1.05);
            }

            // Without frequency the stop is seen where the amplitude sinks into the noise: higher, on the safe side.
            Assert.True(result.StopMillivolts >= (unit.Motor.SustainVolts * 1000 * 0.97) - 20);
            Assert.True(result.NewRecord!.SustainMillivolts < result.NewRecord.LevelMillivolts[0]);
        }
    }

    [Fact]
    public async Task Calibrate_StuckSensor_FailsOrErrorsNothingWritten()
    {
        await using VirtualUnit unit = await VirtualUnit.ConnectAsync(seed: 18, spread: 0.25);
        unit.Link.Wand.Board.Accelerometer.Fault = AccelerometerFault.Stuck;

        CalibrationResult result = await unit.CalibrateAsync();

        Assert.NotEqual(CalibrationOutcome.Pass, result.Outcome);
        Assert.False(result.Written);
        Assert.Null(unit.StoredRecord());
        Assert.Equal(0.0, unit.Link.Wand.Board.MotorVolts);
    }
}
