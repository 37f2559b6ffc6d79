using System;
using System.Linq;
using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Fitting;
using Xunit;

namespace Wand.Calibration.Tests;

/// <summary>The pure parts: fitting the ERM law and planning the levels.</summary>
public sealed class FittingTests
{
    private static readonly AmplitudeModel Truth = new(1200, 0.55);

    [Fact]
    public void Fit_ExactPointsOfTheLaw_RecoversZeroAndSlope()
    {
        DrivePoint[] points = new[] { 1600, 1900, 2200, 2600, 3000 }.Select(mv => Point(mv, Truth.AmplitudeAt(mv))).ToArray();

        FitResult fit = AmplitudeFit.Fit(points, 0.03, 0.06);

        Assert.Equal(1200, fit.Model.ZeroMillivolts, 3);
        Assert.Equal(0.55, fit.Model.SlopeRootGPerVolt, 6);
        Assert.True(fit.RootMeanSquareRelativeResidual < 1e-9);
    }

    [Fact]
    public void Fit_OnePointTenPercentOff_Rejected()
    {
        DrivePoint[] points = new[] { 1600, 1900, 2200, 2600, 3000 }.Select(mv => Point(mv, Truth.AmplitudeAt(mv) * (mv == 1900 ? 1.10 : 1.0))).ToArray();

        CalibrationFitException error = Assert.Throws<CalibrationFitException>(() => AmplitudeFit.Fit(points, 0.03, 0.06));
        Assert.Contains("residual", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_AmplitudeFallingWithDrive_Rejected()
    {
        DrivePoint[] points = [Point(2000, 0.3), Point(2500, 0.1)];
        Assert.Throws<CalibrationFitException>(() => AmplitudeFit.Fit(points, 1, 1));
    }

    [Fact]
    public void Fit_SinglePoint_Rejected()
    {
        Assert.Throws<CalibrationFitException>(() => AmplitudeFit.Fit([Point(2000, 0.3)], 1, 1));
    }

    [Fact]
    public void MD2_LevelMillivolts_EvenlySpacedInAmplitudeAndAscending()
    {
        int[] levels = LevelPlanner.LevelMillivolts(Truth, LevelTargets.Product, 3000);

        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            Assert.Equal(LevelTargets.Product.AmplitudeG(level), Truth.AmplitudeAt(levels[level - 1]), 0.002);
        }

        Assert.Equal(levels.Order(), levels);
        double step = LevelTargets.Product.AmplitudeG(2) - LevelTargets.Product.AmplitudeG(1);
        Assert.Equal(step, LevelTargets.Product.AmplitudeG(5) - LevelTargets.Product.AmplitudeG(4), 9);
    }

    [Fact]
    public void SR3_LevelMillivolts_TopBeyondCeiling_RefusedAsOutOfRange()
    {
        AmplitudeModel weak = new(1500, 0.30);
        Assert.Throws<UnitOutOfRangeException>(() => LevelPlanner.LevelMillivolts(weak, LevelTargets.Product, 3000));
    }

    [Fact]
    public void SR3_LevelMillivolts_TopJustAtCeilingWithinHalfTolerance_ClampedToCeiling()
    {
        // Reaches 98.5 % of the top target at exactly 3000 mV.
        double slope = Math.Sqrt(LevelTargets.Product.TopAmplitudeG * 0.985) / 1.5;
        int[] levels = LevelPlanner.LevelMillivolts(new AmplitudeModel(1500, slope), LevelTargets.Product, 3000);
        Assert.Equal(3000, levels[^1]);
    }

    [Fact]
    public void SR4_SR16_BuildRecord_KickAboveBreakawayAtMostCeilingAnd50Milliseconds_ValidForFirmware()
    {
        SafetyLimits limits = new();
        int[] levels = LevelPlanner.LevelMillivolts(Truth, LevelTargets.Product, 3000);

        CalibrationRecordValuesCheck(LevelPlanner.BuildRecord(levels, 2200, 1240, limits), limits, 2200);
        CalibrationRecordValuesCheck(LevelPlanner.BuildRecord(levels, 2900, 1240, limits), limits, 2900);
    }

    [Fact]
    public void BuildRecord_StopAboveLevelOne_Refused()
    {
        int[] levels = LevelPlanner.LevelMillivolts(Truth, LevelTargets.Product, 3000);
        Assert.Throws<UnitOutOfRangeException>(() => LevelPlanner.BuildRecord(levels, 2200, levels[0], new SafetyLimits()));
    }

    private static void CalibrationRecordValuesCheck(Wand.Protocol.Factory.CalibrationRecord record, SafetyLimits limits, int breakaway)
    {
        Assert.True(CalibrationRules.IsValidFor(record, limits));
        Assert.True(record.KickMillivolts >= Math.Min(breakaway + 1, limits.RatedMotorMillivolts));
        Assert.InRange(record.KickMillivolts, 0, limits.RatedMotorMillivolts);
        Assert.InRange(record.KickMilliseconds, 1, SafetyLimits.MaximumKickMilliseconds);
    }

    private static DrivePoint Point(int millivolts, double amplitude) => new(millivolts, amplitude, 0.0005, 100, 100);
}
