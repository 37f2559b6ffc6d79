using System;
using Wand.Core.Board;
using Xunit;

namespace Wand.Simulation.Tests;

public class VirtualWandTests
{
    private static (VirtualBoard Board, VirtualWand Wand, Func<TestFirmware> Firmware) Create(VirtualWandOptions? options = null)
    {
        VirtualBoard board = new(BoardProfile.CreateDefault());
        TestFirmware? firmware = null;
        VirtualWand wand = new(board, b => firmware = new TestFirmware(b.Io), options);
        return (board, wand, () => firmware!);
    }

    [Fact]
    public void RunFor_TicksEveryControlPeriodAndChecksLivenessOnItsOwnTimer()
    {
        var (board, wand, firmware) = Create();
        wand.RunFor(1_000);

        Assert.Equal(1_000, board.Clock.Now);
        Assert.Equal(1_000 / SafetyLimits.ControlTickMilliseconds, firmware().Ticks);
        Assert.Equal(50, firmware().LivenessChecks);
        Assert.Equal(1_000, firmware().LastTickTime);
    }

    [Fact]
    public void RunFor_ButtonPressStartsTheMotorThroughTheFirmware()
    {
        var (board, wand, _) = Create();
        board.PressButton(100, 200);

        Assert.True(wand.RunUntil(w => w.Board.Motor.IsRunning, 1_000));
        Assert.InRange(board.Clock.Now, 200, 260);
        wand.RunFor(500);
        Assert.True(board.Accelerometer.ReadAmplitudeG() > 0.2);
    }

    [Fact]
    public void RunUntil_ConditionNeverTrue_ReturnsFalseAtTheTimeout()
    {
        var (board, wand, _) = Create();

        Assert.False(wand.RunUntil(w => false, 400));
        Assert.Equal(400, board.Clock.Now);
    }

    [Fact]
    public void SR10_Stall_SuppressesTicksButNotLivenessOrPhysics()
    {
        var (board, wand, firmware) = Create();
        wand.RunFor(100);
        board.InjectFault("loop-stall:300");
        wand.RunFor(300);

        // Ticks due at 120…380 ms fall inside the stall (100–400 ms); the one due at 400 ms runs again.
        Assert.Equal(6, firmware().Ticks);
        Assert.Equal(14, wand.SkippedTickCount);
        Assert.Equal(20, firmware().LivenessChecks);
        Assert.Equal(400, board.Clock.Now);
        wand.RunFor(100);
        Assert.Equal(11, firmware().Ticks);
    }

    [Fact]
    public void SR10_HungLoop_StarvesTheWatchdog_WhichRebootsTheFirmwareWithTheMotorOff()
    {
        var (board, wand, firmware) = Create();
        board.PressButton(50);
        wand.RunFor(500);
        Assert.True(board.MotorOutput.DutyCycle > 0);
        TestFirmware first = firmware();

        board.InjectFault("loop-hang");
        wand.RunFor(board.Watchdog.TimeoutMilliseconds + 100);

        Assert.Equal(1, wand.RebootCount);
        Assert.NotSame(first, firmware());
        Assert.Equal(0, board.MotorOutput.DutyCycle);
        Assert.True(board.Io.Clock.MillisecondsSinceBoot < board.Clock.Now, "the rebooted firmware's clock restarts from boot");
    }

    [Fact]
    public void EscapedException_IsRecordedAndHangsTheLoopUntilTheWatchdogResets()
    {
        var (board, wand, firmware) = Create();
        wand.RunFor(100);
        board.Faults.ThrowOnNextCalls(AdapterKind.Battery);
        wand.RunFor(100);

        Assert.Equal(1, wand.EscapedExceptionCount);
        Assert.IsType<SimulatedHardwareException>(wand.LastEscapedException);
        TestFirmware crashed = firmware();
        int ticksAtFault = crashed.Ticks;
        wand.RunFor(1_100);

        // Last feed at 100 ms, watchdog expiry after 1000 ms more, reboot at the 1120 ms tick, new ticks 1140…1300 ms.
        Assert.Equal(ticksAtFault, crashed.Ticks);
        Assert.True(crashed.LivenessChecks > 50, "the liveness timer keeps running while the loop is dead");
        Assert.Equal(1, wand.RebootCount);
        Assert.NotSame(crashed, firmware());
        Assert.Equal(9, firmware().Ticks);
    }

    [Fact]
    public void RealTimeFactor_PacesVirtualTimeToTheWallClock()
    {
        var (_, wand, _) = Create(new VirtualWandOptions { RealTimeFactor = 10 });
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        wand.RunFor(1_000);

        Assert.True(stopwatch.ElapsedMilliseconds >= 95, "1 s of virtual time at 10 × real time takes at least 0.1 s");
    }

    [Fact]
    public void Options_ZeroLivenessPeriod_IsRefusedNamingTheOption()
    {
        VirtualBoard board = new(BoardProfile.CreateDefault());
        ArgumentException error = Assert.Throws<ArgumentException>(() => new VirtualWand(board, b => new TestFirmware(b.Io), new VirtualWandOptions { LivenessPeriodMilliseconds = 0 }));
        Assert.Contains("LivenessPeriodMilliseconds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunFor_OddSpans_KeepMillisecondResolutionWithAFiveMillisecondStep()
    {
        var (board, wand, firmware) = Create();
        wand.RunFor(7);
        wand.RunFor(13);

        Assert.Equal(20, board.Clock.Now);
        Assert.Equal(1, firmware().Ticks);
    }
}
