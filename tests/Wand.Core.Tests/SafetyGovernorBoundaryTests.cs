using System;
using Wand.Core.Board;
using Wand.Core.Motor;
using Wand.Core.Safety;
using Wand.Core.Tests.Fakes;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The governor's ramps, time keeping, kick and rotor estimate at their boundaries (SR-3, SR-4). Every expected value
/// is computed from the rules: the start ramp reaches the level asked for in 500 ms, a change moves one level per
/// 200 ms, a tick is granted at most 20 ms, the kick lasts its calibrated duration, and the rotor estimate approaches
/// the drive margin with the documented time constants. The nominal calibration has a sustain voltage of 1300 mV,
/// level 1 at 1700 mV and a 2800 mV kick of 40 ms.
/// </summary>
public class SafetyGovernorBoundaryTests
{
    private const int Cell = 3900;
    private const int Precision = 5;

    private readonly FakeMotorOutput motor = new();
    private readonly SafetyGovernor governor;
    private readonly DriveMap map = new();

    public SafetyGovernorBoundaryTests()
    {
        governor = new SafetyGovernor(motor, new SafetyLimits());
        map.Load(TestBench.NominalCalibration(), true);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void SR4_TheFirstTickCountsAsOneControlTickAndLaterTicksAsTheTimeSinceTheLast(long start)
    {
        governor.Update(start, 5f, 5f, DriveInhibit.None, Cell, map);
        Assert.Equal(5f * TestBench.Tick / SafetyLimits.SessionStartRampMilliseconds, governor.Level, Precision);

        // 10 ms later the level falls by 10 ms of slew.
        governor.Update(start + 10, 0f, 5f, DriveInhibit.None, Cell, map);
        Assert.Equal(0.2f - (10f / SafetyLimits.MillisecondsPerLevelStep), governor.Level, Precision);
    }

    [Fact]
    public void SR4_ALateTickGrantsAtMostOneTicksSlew()
    {
        governor.Update(0, 5f, 5f, DriveInhibit.None, Cell, map);
        governor.Update(1000, 0f, 5f, DriveInhibit.None, Cell, map);

        Assert.Equal(0.2f - (20f / SafetyLimits.MillisecondsPerLevelStep), governor.Level, Precision);
    }

    [Fact]
    public void SR4_ALateTickAfterTheRampRaisesByAtMostOneTicksSlew()
    {
        long now = RunSteady(1f, 0, 2000);
        governor.Update(now + 1000, 5f, 5f, DriveInhibit.None, Cell, map);

        Assert.Equal(1f + (20f / SafetyLimits.MillisecondsPerLevelStep), governor.Level, Precision);
    }

    [Fact]
    public void SR4_AClockThatStepsBackGrantsNoStepAndLeavesTheRotorEstimate()
    {
        governor.Update(1000, 5f, 5f, DriveInhibit.None, Cell, map);
        governor.Update(1020, 5f, 5f, DriveInhibit.None, Cell, map);
        float level = governor.Level;
        float rotor = governor.RotorMillivolts;
        Assert.True(rotor > 0f);

        governor.Update(990, 0f, 5f, DriveInhibit.None, Cell, map);

        Assert.Equal(level, governor.Level);
        Assert.Equal(rotor, governor.RotorMillivolts);
    }

    [Fact]
    public void SR4_ALevelLoweredByLessThanOneTicksSlewStopsExactlyAtTheNewLevel()
    {
        long now = RunSteady(1f, 0, 2000);
        Assert.Equal(1f, governor.Level);

        governor.Update(now, 0.95f, 5f, DriveInhibit.None, Cell, map);

        Assert.Equal(0.95f, governor.Level);
    }

    [Fact]
    public void SR4_ARaiseAfterTheStartRampFollowsTheSlewRateNotTheRampRate()
    {
        // Level 3's start ramp rises 0.12 levels a tick, faster than the slew of 0.1.
        long now = RunSteady(3f, 0, 2000);
        Assert.Equal(3f, governor.Level);

        governor.Update(now, 5f, 5f, DriveInhibit.None, Cell, map);

        Assert.Equal(3f + (20f / SafetyLimits.MillisecondsPerLevelStep), governor.Level, Precision);
    }

    [Fact]
    public void SR4_HoldingTheLevelPartWayThroughTheStartRampKeepsTheStartRate()
    {
        governor.Update(0, 5f, 5f, DriveInhibit.None, Cell, map);
        governor.Update(20, 5f, 5f, DriveInhibit.None, Cell, map);
        float held = governor.Level;
        Assert.Equal(0.4f, held, Precision);

        governor.Update(40, held, 5f, DriveInhibit.None, Cell, map);
        Assert.Equal(held, governor.Level);

        // The ramp to 5 goes on at 5 levels per 500 ms (0.2 a tick), not at the slew rate.
        governor.Update(60, 5f, 5f, DriveInhibit.None, Cell, map);
        Assert.Equal(0.6f, governor.Level, Precision);
    }

    [Fact]
    public void SR3_TheLevelNeverExceedsTheTopLevelWhateverIsRequested()
    {
        for (long now = 0; now < 2000; now += TestBench.Tick)
        {
            governor.Update(now, 7f, 9f, DriveInhibit.None, Cell, map);
            Assert.True(governor.Level <= SafetyLimits.LevelCount, $"level {governor.Level}");
        }

        Assert.Equal((float)SafetyLimits.LevelCount, governor.Level);
        Assert.Equal(map.MillivoltsFor(SafetyLimits.LevelCount), governor.Millivolts);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void SR4_AKickLastsExactlyItsCalibratedDurationWhateverTheStartTime(long start)
    {
        int kickingTicks = 0;
        for (long now = start; now < start + 400; now += TestBench.Tick)
        {
            governor.Update(now, 1f, 5f, DriveInhibit.None, Cell, map);
            kickingTicks += governor.Kicking ? 1 : 0;
        }

        Assert.Equal(map.KickMilliseconds / TestBench.Tick, kickingTicks);
    }

    [Fact]
    public void SR4_WithoutACalibratedKickNothingCountsTheRotorAsStartedSoAKickFollowsOnceOneIsCalibrated()
    {
        var record = TestBench.NominalCalibration();
        record.KickMilliseconds = 0;
        map.Load(record, true);
        long now = 0;
        for (; now < 1000; now += TestBench.Tick)
        {
            governor.Update(now, 1f, 5f, DriveInhibit.None, Cell, map);
            Assert.False(governor.Kicking);
            Assert.False(governor.RotorTurning);
        }

        map.Load(TestBench.NominalCalibration(), true);
        governor.Update(now, 1f, 5f, DriveInhibit.None, Cell, map);
        Assert.True(governor.Kicking);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void SR4_TheRotorEstimateSpinsUpWithItsTimeConstantFromTheFirstKickTick(long start)
    {
        governor.Update(start, 1f, 5f, DriveInhibit.None, Cell, map);
        Assert.True(governor.Kicking);
        Assert.Equal(0f, governor.RotorMillivolts);

        governor.Update(start + 20, 1f, 5f, DriveInhibit.None, Cell, map);

        // 20 ms of the kick's margin over the sustain voltage, approached with the spin-up time constant.
        double expected = (map.KickMillivolts - map.SustainMillivolts) * (1 - Math.Exp(-20.0 / SafetyLimits.RotorSpinUpMilliseconds));
        Assert.Equal(expected, governor.RotorMillivolts, 0.01);
    }

    [Fact]
    public void SR4_DriveHeldBelowTheSustainVoltageBySaggingCellLeavesTheRotorCountedAsStoppedAndKicksAgain()
    {
        // A 1200 mV cell cannot reach the 1300 mV sustain voltage, not even with the kick.
        const int sagging = 1200;
        governor.Update(0, 1f, 5f, DriveInhibit.None, sagging, map);
        governor.Update(20, 1f, 5f, DriveInhibit.None, sagging, map);
        Assert.True(governor.Kicking);
        governor.Update(40, 1f, 5f, DriveInhibit.None, sagging, map);
        Assert.False(governor.Kicking);

        governor.Update(60, 1f, 5f, DriveInhibit.None, sagging, map);

        Assert.Equal(0f, governor.RotorMillivolts);
        Assert.False(governor.RotorTurning);
        Assert.True(governor.Kicking);
    }

    [Fact]
    public void SR4_AnUpdateRepeatedInTheSameMillisecondChangesNothing()
    {
        const int sagging = 1200;
        for (long now = 0; now <= 40; now += TestBench.Tick)
        {
            governor.Update(now, 1f, 5f, DriveInhibit.None, sagging, map);
        }

        bool turning = governor.RotorTurning;
        bool kicking = governor.Kicking;
        float level = governor.Level;
        float duty = motor.DutyCycle;

        governor.Update(40, 1f, 5f, DriveInhibit.None, sagging, map);

        Assert.Equal(turning, governor.RotorTurning);
        Assert.Equal(kicking, governor.Kicking);
        Assert.Equal(level, governor.Level);
        Assert.Equal(duty, motor.DutyCycle);
    }

    [Fact]
    public void SR3_ARequestThatIsNotANumberRampsTheDriveDownAsZeroDoes()
    {
        long now = RunSteady(3f, 0, 2000);
        governor.Update(now, float.NaN, 5f, DriveInhibit.None, Cell, map);

        Assert.Equal(3f - (20f / SafetyLimits.MillisecondsPerLevelStep), governor.Level, Precision);
    }

    [Theory]
    [InlineData(20, 1)]
    [InlineData(40, 2)]
    [InlineData(50, 2)]
    [InlineData(100, 2)]
    public void SR4_AKickLastsItsCalibratedDurationAndNeverMoreThan50Milliseconds(int kickMilliseconds, int expectedTicks)
    {
        var record = TestBench.NominalCalibration();
        record.KickMilliseconds = kickMilliseconds;
        map.Load(record, true);
        int kickingTicks = 0;
        for (long now = 0; now < 400; now += TestBench.Tick)
        {
            governor.Update(now, 1f, 5f, DriveInhibit.None, Cell, map);
            kickingTicks += governor.Kicking ? 1 : 0;
        }

        Assert.Equal(expectedTicks, kickingTicks);
    }

    [Fact]
    public void SR4_AKickBelowTheLevelsVoltageNeverLowersTheDrive()
    {
        var record = TestBench.NominalCalibration();
        record.KickMillivolts = 1000;
        map.Load(record, true);

        governor.Update(0, 1f, 5f, DriveInhibit.None, Cell, map);

        Assert.True(governor.Kicking);
        Assert.Equal(map.MillivoltsFor(governor.Level), governor.Millivolts);
    }

    [Fact]
    public void SR4_DriveHeldAtExactlyTheSustainVoltageKeepsTheRotorCountedAsTurning()
    {
        long now = RunSteady(1f, 0, 2000);
        Assert.True(governor.RotorTurning);

        // A level this low adds less than 1 mV to the sustain voltage.
        for (long end = now + 2000; now < end; now += TestBench.Tick)
        {
            governor.Update(now, 0.001f, 5f, DriveInhibit.None, Cell, map);
            Assert.False(governor.Kicking);
        }

        Assert.Equal(map.SustainMillivolts, governor.Millivolts);
        Assert.True(governor.RotorTurning);
    }

    private long RunSteady(float level, long start, long duration)
    {
        long now = start;
        for (; now < start + duration; now += TestBench.Tick)
        {
            governor.Update(now, level, 5f, DriveInhibit.None, Cell, map);
        }

        return now;
    }
}
