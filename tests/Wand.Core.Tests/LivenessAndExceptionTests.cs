using Wand.Core.Board;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class LivenessAndExceptionTests
{
    [Fact]
    public void SR10_LivenessTimerTurnsTheMotorOffWhenTheLoopStalls()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(2000);
        Assert.False(bench.Controller.CheckLiveness());
        bench.Clock.MillisecondsSinceBoot += SafetyLimits.LivenessTimeoutMilliseconds + 20;
        Assert.True(bench.Controller.CheckLiveness());
        Assert.Equal(0f, bench.Motor.DutyCycle);

        // When the loop comes back, the fault is latched and the session is over.
        bench.Run(TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(FaultCode.LoopDeadline, bench.Controller.FaultLog.CodeAt(0));
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
    }

    [Fact]
    public void SR10_ALateTickLatchesTheDeadlineFaultEvenWithoutTheTimer()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(2000);
        bench.Clock.MillisecondsSinceBoot += 300;
        bench.Run(TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(FaultCode.LoopDeadline, bench.Controller.FaultLog.CodeAt(0));
    }

    [Fact]
    public void SR10_WatchdogIsFedEveryTick()
    {
        TestBench bench = new();
        bench.Run(1000);
        Assert.Equal(1000 / TestBench.Tick, bench.Watchdog.Feeds);
    }

    [Fact]
    public void SR12_ExceptionInTheControlPathTurnsTheMotorOffAndLatchesUntilTheNextStart()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(2000);
        bench.HeadId.Throw = true;
        bench.Run(TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.Equal(FaultCode.ControlException, bench.Controller.FaultLog.CodeAt(0));
        bench.HeadId.Throw = false;
        bench.Run(1000);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.True(bench.Controller.FaultActive);
        Assert.Equal(CommandResult.Success, bench.Controller.StartRemote(2, PatternKind.Continuous, 600));
        bench.Run(1000);
        Assert.True(bench.Motor.DutyCycle > 0);
    }

    [Fact]
    public void SR12_AFailingMotorWriteIsRecordedAndTheNextWriteIsZero()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(1000);
        bench.Motor.ThrowOnNextWrites = 1;
        bench.Run(TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.True(bench.Controller.FaultActive);
    }

    [Fact]
    public void SR10_AStuckMotorOutputStarvesTheWatchdogSoTheResetTurnsTheMotorOff()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(1000);
        int feedsBefore = bench.Watchdog.Feeds;
        bench.Motor.ThrowOnNextWrites = 1000;
        bench.Run(500);
        Assert.Equal(feedsBefore, bench.Watchdog.Feeds);
        Assert.Equal(FaultCode.MotorOutput, bench.Controller.FaultLog.CodeAt(0));
        Assert.Equal(FaultCode.ControlException, bench.Controller.FaultLog.CodeAt(1));
        bench.Motor.ThrowOnNextWrites = 0;
        bench.Run(100);
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.True(bench.Watchdog.Feeds > feedsBefore);
    }

    [Fact]
    public void SR12_AFailedZeroWriteIsRetriedInTheSameTick()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(1000);
        bench.Motor.ThrowOnNextWrites = 3;
        bench.Run(TestBench.Tick);
        Assert.Equal(0f, bench.Motor.DutyCycle);
    }

    [Fact]
    public void SR12_AThrowingClockTurnsTheMotorOffInTheTickAndInTheLivenessCheck()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(1000);
        bench.Clock.Throw = true;
        bench.Controller.Tick();
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.True(bench.Controller.CheckLiveness());
        Assert.Equal(FaultCode.ControlException, bench.Controller.FaultLog.CodeAt(0));
    }

    [Fact]
    public void SR12_AThrowingClockDuringARemoteCommandRefusesItAndLatchesTheFaultInsteadOfThrowing()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(1000);
        bench.Clock.Throw = true;

        Assert.Equal(CommandResult.FaultActive, bench.Controller.StartRemote(2, PatternKind.Continuous, 0));
        Assert.Equal(CommandResult.NotRunning, bench.Controller.SetPattern(PatternKind.Pulse)); // the fault ended the session
        Assert.Equal(CommandResult.FaultActive, bench.Controller.RawDrive(1000, 100));
        bench.Controller.LinkDown();

        Assert.Equal(FaultCode.ControlException, bench.Controller.FaultLog.CodeAt(0));
        Assert.Equal(0f, bench.Motor.DutyCycle);
        Assert.NotEqual(SessionState.Running, bench.Controller.SessionState);
    }
}
