using System;
using Wand.Core.Board;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Simulation.Tests;

/// <summary>The unchanged firmware controller running on the virtual board, end to end.</summary>
public class RealFirmwareTests
{
    private static VirtualWand StartedSession(ulong seed = 1)
    {
        VirtualWand wand = VirtualWand.Create(boardOptions: new VirtualBoardOptions { Seed = seed });
        double highestMotorVolts = 0;
        wand.AfterTick = w =>
        {
            highestMotorVolts = Math.Max(highestMotorVolts, w.Board.MotorVolts);
            Assert.True(highestMotorVolts <= w.Board.Profile.Limits.RatedMotorMillivolts / 1000.0 + 0.02, "SR-3: average motor voltage above the rated voltage");
        };
        wand.Board.PressButton(100, delayMilliseconds: 300);
        Assert.True(wand.RunUntil(w => w.Board.Motor.IsRunning, 3_000), "a short press with a head attached starts the motor");
        wand.RunFor(2_000);
        Assert.Equal(SessionState.Running, wand.Controller!.SessionState);
        return wand;
    }

    [Fact]
    public void SR1_Boot_MotorOffAndHeadConfirmedAfterDebounce()
    {
        VirtualWand wand = VirtualWand.Create();
        Assert.Equal(0, wand.Board.MotorOutput.DutyCycle);
        Assert.True(wand.Board.MotorOutput.WriteCount >= 1, "the controller writes zero drive at boot");

        Assert.True(wand.RunUntil(w => w.Controller!.Head == HeadIdentity.SoftDome, 1_000));
        Assert.InRange(wand.Now, SafetyLimits.HeadAcceptMilliseconds, 400);
        Assert.Equal(0, wand.EscapedExceptionCount);
    }

    [Fact]
    public void ButtonSession_VibratesWithinTheCeiling()
    {
        VirtualWand wand = StartedSession();

        Assert.True(wand.Board.Accelerometer.ReadAmplitudeG() > 0.05);
        Assert.Equal(0, wand.Board.MotorOutput.OutOfRangeWriteCount);
        Assert.Equal(0, wand.EscapedExceptionCount);
    }

    [Fact]
    public void SR6_HeadDetached_DriveIsZeroWithinOneTick()
    {
        VirtualWand wand = StartedSession();
        wand.Board.DetachHead();
        wand.RunFor(SafetyLimits.ControlTickMilliseconds);

        Assert.Equal(0, wand.Board.MotorOutput.DutyCycle);
        Assert.Equal(FaultCode.HeadRemoved, wand.Controller!.FaultLog.CodeAt(0));
    }

    [Fact]
    public void SR9_UsbPlugged_DriveIsZeroWithinOneTick()
    {
        VirtualWand wand = StartedSession();
        wand.Board.SetUsbPower(true);
        wand.RunFor(SafetyLimits.ControlTickMilliseconds);

        Assert.Equal(0, wand.Board.MotorOutput.DutyCycle);
        Assert.Equal(SessionState.Idle, wand.Controller!.SessionState);
    }

    [Fact]
    public void SR7_OverTemperature_DriveIsZeroWithinTheThermalSamplePeriod()
    {
        VirtualWand wand = StartedSession();
        wand.Board.ForceHeadTemperature(42);
        wand.RunFor(SafetyLimits.ThermalSamplePeriodMilliseconds + SafetyLimits.ControlTickMilliseconds);

        Assert.Equal(0, wand.Board.MotorOutput.DutyCycle);
    }

    [Fact]
    public void SR10_StalledLoop_LivenessTimerTurnsTheMotorOff()
    {
        VirtualWand wand = StartedSession();
        long stallStart = wand.Now;
        wand.Board.InjectFault("loop-stall:1000");

        Assert.True(wand.RunUntil(w => w.Board.MotorOutput.DutyCycle == 0, 1_000));
        Assert.InRange(wand.Now - stallStart, SafetyLimits.LivenessTimeoutMilliseconds, SafetyLimits.LivenessTimeoutMilliseconds + (2 * SafetyLimits.ControlTickMilliseconds));
        Assert.Equal(1, ((WandControllerLoop)wand.Firmware).LivenessTrips);
    }

    [Fact]
    public void SR12_AdapterException_DriveIsZeroAfterThatTick_AndNothingEscapes()
    {
        VirtualWand wand = StartedSession();
        wand.Board.Faults.ThrowOnNextCalls(AdapterKind.Battery);
        wand.RunFor(SafetyLimits.ControlTickMilliseconds);

        Assert.Equal(0, wand.Board.MotorOutput.DutyCycle);
        Assert.Equal(0, wand.EscapedExceptionCount);
        Assert.Equal(1, wand.Board.Faults.ThrownBy(AdapterKind.Battery));
    }

    /// <summary>
    /// SR-10, SR-12: a button start released in the same tick that latches a fault (here the liveness timer's clock read
    /// throws, which latches the deadline fault) is refused; the motor stays off to the end of that tick and after it.
    /// </summary>
    [Fact]
    public void SR12_StartInTheTickThatLatchedAFault_IsRefused()
    {
        VirtualWand wand = VirtualWand.Create(BoardProfile.CreateDefault(), new VirtualBoardOptions { Seed = 1716253828, MotorSpread = 0.25 });
        wand.Board.PressButton(80);
        wand.Board.PressButton(80, 250);
        wand.RunFor(360);
        Assert.Equal(SessionState.Idle, wand.Controller!.SessionState);

        wand.Board.InjectFault("adapter-exception:clock:1");
        wand.RunFor(SafetyLimits.ControlTickMilliseconds);

        Assert.Equal(1, wand.Board.Faults.ThrownBy(AdapterKind.Clock));
        Assert.Equal(0, wand.Board.MotorOutput.DutyCycle);
        Assert.Equal(SessionState.Idle, wand.Controller.SessionState);
        Assert.True(wand.Controller.FaultActive);
        wand.RunFor(1_000);
        Assert.Equal(0, wand.Board.MotorOutput.DutyCycle);
        Assert.Equal(0, wand.EscapedExceptionCount);
    }

    [Fact]
    public void SR5_DefaultSession_EndsOnItsOwnWithinTheLimit()
    {
        VirtualWand wand = StartedSession();

        Assert.True(wand.RunUntil(w => w.Controller!.SessionState == SessionState.Idle, (SafetyLimits.DefaultSessionSeconds * 1000) + 5_000));
        Assert.InRange(wand.Now, SafetyLimits.DefaultSessionSeconds * 1000, (SafetyLimits.DefaultSessionSeconds * 1000) + 5_000);
        wand.RunFor(1_000);
        Assert.Equal(0, wand.Board.MotorOutput.DutyCycle);
    }

    [Fact]
    public void MD4_RealFirmwareOnTheVirtualBoard_AllocatesNothingPerTickInSteadyState()
    {
        VirtualWand wand = StartedSession();
        wand.AfterTick = null;
        wand.RunFor(5_000);

        long before = GC.GetAllocatedBytesForCurrentThread();
        wand.RunFor(60_000);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(SessionState.Running, wand.Controller!.SessionState);
        Assert.Equal(0, allocated);
    }
}
