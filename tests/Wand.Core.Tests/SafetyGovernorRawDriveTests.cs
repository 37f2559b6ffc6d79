using System;
using Wand.Core.Board;
using Wand.Core.Motor;
using Wand.Core.Safety;
using Wand.Core.Tests.Fakes;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The factory raw drive (SR-15 under the SR-3 ceiling), the forced stop of the fault path (SR-10, SR-12) and the
/// governor's account of what the output holds (SR-1). Expected values follow from the rules: duty = voltage / cell
/// voltage, capped at the rated voltage and at full duty.
/// </summary>
public class SafetyGovernorRawDriveTests
{
    private const int Cell = 4000;

    private readonly FakeMotorOutput motor = new();
    private readonly SafetyGovernor governor;
    private readonly DriveMap map = new();

    public SafetyGovernorRawDriveTests()
    {
        governor = new SafetyGovernor(motor, new SafetyLimits());
        map.Load(TestBench.NominalCalibration(), true);
    }

    [Fact]
    public void SR15_RawDriveWritesTheRequestedVoltageCompensatedForTheMeasuredCell()
    {
        governor.UpdateRaw(0, 2000, DriveInhibit.None, Cell);

        Assert.Equal(0.5f, motor.DutyCycle);
        Assert.Equal(2000, governor.Millivolts);
        Assert.False(governor.IsOff);
    }

    [Fact]
    public void SR15_SR3_RawDriveAboveTheRatedVoltageIsCappedAtTheRatedVoltageLessTheCellReadingMargin()
    {
        governor.UpdateRaw(0, 3500, DriveInhibit.None, Cell);

        // 3000 mV less 0.5 % (the calibrated cell reading's margin): 2985 mV.
        Assert.Equal(2985f / Cell, motor.DutyCycle);
        Assert.Equal(2985, governor.Millivolts);
    }

    [Fact]
    public void SR3_ARequestAboveTheCellVoltageRunsAtFullDutyAndCountsTheCellVoltageAsApplied()
    {
        governor.UpdateRaw(0, 2800, DriveInhibit.None, 2500);

        Assert.Equal(1f, motor.DutyCycle);
        Assert.Equal(2500, governor.Millivolts);
    }

    [Theory]
    [InlineData(DriveInhibit.Thermal, Cell, 2000)]
    [InlineData(DriveInhibit.UsbPower, Cell, 2000)]
    [InlineData(DriveInhibit.ControlException, Cell, 2000)]
    [InlineData(DriveInhibit.None, 0, 2000)]
    [InlineData(DriveInhibit.None, -1, 2000)]
    [InlineData(DriveInhibit.None, Cell, 0)]
    [InlineData(DriveInhibit.None, Cell, -500)]
    public void SR15_RawDriveWritesZeroWhenInhibitedWithoutAValidCellReadingOrWithoutARequest(int inhibit, int battery, int requested)
    {
        governor.UpdateRaw(0, 2000, DriveInhibit.None, Cell);
        Assert.Equal(0.5f, motor.DutyCycle);
        int writes = motor.Writes.Count;

        governor.UpdateRaw(20, requested, inhibit, battery);

        Assert.Equal(writes + 1, motor.Writes.Count);
        Assert.Equal(0f, motor.DutyCycle);
        Assert.Equal(0, governor.Millivolts);
        Assert.True(governor.IsOff);
    }

    [Fact]
    public void SR4_AfterARawDriveTheRotorCountsAsPossiblyStoppedSoTheNextSessionTickKicks()
    {
        long now = 0;
        for (; now < 2000; now += TestBench.Tick)
        {
            governor.Update(now, 3f, 5f, DriveInhibit.None, 3900, map);
        }

        Assert.True(governor.RotorTurning);

        // A raw drive well above the sustain voltage: the governor still cannot know the rotor's speed.
        governor.UpdateRaw(now, 2500, DriveInhibit.None, 3900);
        Assert.False(governor.RotorTurning);
        Assert.Equal(0f, governor.RotorMillivolts);
        Assert.Equal(0f, governor.Level);

        now += TestBench.Tick;
        governor.Update(now, 3f, 5f, DriveInhibit.None, 3900, map);
        Assert.True(governor.Kicking);
        Assert.Equal((float)map.KickMillivolts / 3900, motor.DutyCycle);

        // A rotor that no kick started gains no speed in the estimate from the raw drive it was held at.
        Assert.Equal(0f, governor.RotorMillivolts);
    }

    [Fact]
    public void SR4_ARawDriveCountsAsATickSoTheSessionThatFollowsRampsOverTheTimeSinceIt()
    {
        governor.UpdateRaw(1000, 0, DriveInhibit.None, 3900);
        governor.Update(1010, 5f, 5f, DriveInhibit.None, 3900, map);

        // 10 ms of a ramp that reaches level 5 in 500 ms.
        Assert.Equal(5f * 10 / SafetyLimits.SessionStartRampMilliseconds, governor.Level, 6);
    }

    [Fact]
    public void SR10_ForceOffRetriesAFailingOutputAndSucceedsWithinItsAttempts()
    {
        governor.UpdateRaw(0, 2000, DriveInhibit.None, Cell);
        motor.ThrowOnNextWrites = SafetyGovernor.ForceOffAttempts - 1;

        Assert.True(governor.ForceOff(20));

        Assert.Equal(0, motor.ThrowOnNextWrites);
        Assert.Equal(0f, motor.DutyCycle);
        Assert.True(governor.IsOff);
        Assert.False(governor.OutputUncertain);
    }

    [Fact]
    public void SR10_ForceOffGivesUpAfterExactlyItsAttemptsAndReportsTheOutputUncertain()
    {
        governor.UpdateRaw(0, 2000, DriveInhibit.None, Cell);
        motor.ThrowOnNextWrites = SafetyGovernor.ForceOffAttempts + 1;

        Assert.False(governor.ForceOff(20));

        Assert.Equal(1, motor.ThrowOnNextWrites);
        Assert.True(governor.OutputUncertain);
        Assert.Equal(0.5f, motor.DutyCycle);
    }

    [Fact]
    public void SR10_AFailedDriveWriteLeavesTheOutputUncertainUntilAWriteSucceeds()
    {
        governor.Update(0, 1f, 5f, DriveInhibit.None, Cell, map);
        Assert.False(governor.OutputUncertain);

        motor.ThrowOnNextWrites = 1;
        Assert.Throws<InvalidOperationException>(() => governor.Update(20, 1f, 5f, DriveInhibit.None, Cell, map));
        Assert.True(governor.OutputUncertain);

        governor.Update(40, 1f, 5f, DriveInhibit.None, Cell, map);
        Assert.False(governor.OutputUncertain);
    }

    [Fact]
    public void SR12_AFailedZeroWriteLeavesTheOutputUncertain()
    {
        governor.Update(0, 1f, 5f, DriveInhibit.None, Cell, map);

        motor.ThrowOnNextWrites = 1;
        Assert.Throws<InvalidOperationException>(() => governor.Update(20, 1f, 5f, DriveInhibit.ControlException, Cell, map));
        Assert.True(governor.OutputUncertain);

        governor.Update(40, 1f, 5f, DriveInhibit.ControlException, Cell, map);
        Assert.False(governor.OutputUncertain);
        Assert.Equal(0f, motor.DutyCycle);
    }

    [Fact]
    public void SR1_TheOutputCountsAsOffFromConstructionAndWhenASessionRampsDownToZero()
    {
        Assert.True(governor.IsOff);

        long now = 0;
        for (; now < 1000; now += TestBench.Tick)
        {
            governor.Update(now, 1f, 5f, DriveInhibit.None, Cell, map);
        }

        Assert.False(governor.IsOff);

        // Level 1 down to 0 at one level per 200 ms, without any inhibit.
        for (long end = now + 200; now <= end; now += TestBench.Tick)
        {
            governor.Update(now, 0f, 5f, DriveInhibit.None, Cell, map);
        }

        Assert.Equal(0f, governor.Level);
        Assert.Equal(0f, motor.DutyCycle);
        Assert.True(governor.IsOff);
    }
}
