using Wand.Core.Board;
using Wand.Core.Sessions;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class SessionTests
{
    [Fact]
    public void SR5_SessionEndsWithDriveAtZeroWithinItsDuration()
    {
        TestBench bench = new();
        long start = bench.Clock.MillisecondsSinceBoot + 400;
        Assert.Equal(CommandResult.Success, bench.BootAndStart(level: 5, durationSeconds: 60));
        long lastDrive = 0;
        bench.Run(65_000, () =>
        {
            if (bench.Motor.DutyCycle > 0)
            {
                lastDrive = bench.Clock.MillisecondsSinceBoot;
            }
        });
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(StopReason.TimeLimit, bench.Controller.LastStopReason);
        Assert.True(lastDrive - start <= 60_000, $"drive until {lastDrive - start} ms");
        Assert.True(lastDrive - start >= 58_000, $"session ended early at {lastDrive - start} ms");
    }

    [Fact]
    public void SR5_WarningComes60SecondsBeforeAutoOffWithAHapticDip()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 4, durationSeconds: 120);
        bench.Run(59_000);
        Assert.False(bench.Controller.SessionEndingWarning);
        bench.Run(1_100);
        Assert.True(bench.Controller.SessionEndingWarning);
        Assert.True(bench.Controller.TakeWarningEvent());
        Assert.False(bench.Controller.TakeWarningEvent());
        float lowest = 5f;
        bench.Run(1_000, () => lowest = System.Math.Min(lowest, bench.Controller.PresentLevel));
        Assert.True(lowest < 4f, "the warning should dip the level");
        bench.Run(3_000);
        Assert.Equal(4f, bench.Controller.PresentLevel);
    }

    [Theory]
    [InlineData(901)]
    [InlineData(59)]
    [InlineData(3600)]
    public void SR5_DurationAboveTheHardMaximumOrBelowTheMinimumIsRefused(int seconds)
    {
        TestBench bench = new();
        bench.Run(400);
        Assert.Equal(CommandResult.OutOfRange, bench.Controller.StartRemote(2, PatternKind.Continuous, seconds));
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(CommandResult.OutOfRange, bench.Controller.UpdateSettings(seconds, 1, PatternKind.Continuous));
        Assert.Equal(SafetyLimits.DefaultSessionSeconds, bench.Controller.Settings.DurationSeconds);
    }

    [Fact]
    public void SR5_BoardProfileMayLowerTheMaximumButNeverRaiseIt()
    {
        SafetyLimits limits = new();
        Assert.False(limits.TryTightenMaximumSessionSeconds(1200));
        Assert.True(limits.TryTightenMaximumSessionSeconds(300));
        Assert.Equal(300, limits.MaximumSessionSeconds);
        Assert.False(limits.TryTightenMaximumSessionSeconds(600));
    }

    [Fact]
    public void SR11_LinkLossRampsARemoteSessionDownWithinTwoSeconds()
    {
        TestBench bench = new();
        bench.Controller.LinkUp();
        bench.BootAndStart(level: 5);
        bench.Run(3000);
        bench.Controller.LinkDown();
        long lostAt = bench.Clock.MillisecondsSinceBoot;
        long zeroAt = -1;
        bench.Run(3000, () =>
        {
            if (zeroAt < 0 && bench.Motor.DutyCycle == 0)
            {
                zeroAt = bench.Clock.MillisecondsSinceBoot;
            }
        });
        Assert.InRange(zeroAt - lostAt, 1, SafetyLimits.LinkLossStopMilliseconds);
        Assert.Equal(StopReason.LinkLost, bench.Controller.LastStopReason);
        Assert.Equal(FaultCode.LinkLost, bench.Controller.FaultLog.CodeAt(0));
    }

    [Fact]
    public void SR11_LinkLossDoesNotStopAButtonSession()
    {
        TestBench bench = new();
        bench.Run(400);
        bench.Controller.LinkUp();
        bench.Button.IsActive = true;
        bench.Run(100);
        bench.Button.IsActive = false;
        bench.Run(1000);
        Assert.Equal(SessionSource.Button, bench.Controller.SessionSource);
        bench.Controller.LinkDown();
        bench.Run(3000);
        Assert.Equal(SessionState.Running, bench.Controller.SessionState);
        Assert.True(bench.Motor.DutyCycle > 0);
    }

    [Fact]
    public void SR14_OutOfRangeCommandsAreRefusedAndChangeNothing()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 2);
        bench.Run(2000);
        Assert.Equal(CommandResult.OutOfRange, bench.Controller.SetLevel(6));
        Assert.Equal(CommandResult.OutOfRange, bench.Controller.SetLevel(0));
        Assert.Equal(CommandResult.OutOfRange, bench.Controller.SetPattern((PatternKind)9));
        Assert.Equal(2, bench.Controller.TargetLevel);
        Assert.Equal(PatternKind.Continuous, bench.Controller.Pattern);
        Assert.Equal(CommandResult.Busy, bench.Controller.StartRemote(3, PatternKind.Wave, 600));
        Assert.Equal(2, bench.Controller.TargetLevel);
    }

    [Fact]
    public void HD4_PatternNotAllowedByTheHeadIsRefused()
    {
        TestBench bench = new();
        bench.SetHead(HeadIdentity.BristleBrush);
        bench.Run(400);
        Assert.Equal(CommandResult.PatternNotAllowed, bench.Controller.StartRemote(2, PatternKind.Pulse, 600));
        Assert.Equal(CommandResult.Success, bench.Controller.StartRemote(2, PatternKind.Wave, 600));
        Assert.Equal(CommandResult.PatternNotAllowed, bench.Controller.SetPattern(PatternKind.Heartbeat));
    }

    [Fact]
    public void Button_ShortPressStartsAndCyclesLevels_HoldStops_LongHoldOpensPairing()
    {
        TestBench bench = new();
        bench.Run(400);
        Press(bench, 100);
        Assert.Equal(SessionSource.Button, bench.Controller.SessionSource);
        Assert.Equal(1, bench.Controller.TargetLevel);
        Press(bench, 100);

        // While a session runs, a short press waits out the double-press window (MD-7) before it changes the level.
        Assert.Equal(1, bench.Controller.TargetLevel);
        bench.Run(ButtonGestureDetector.DoublePressMilliseconds);
        Assert.Equal(2, bench.Controller.TargetLevel);
        Press(bench, 1200);
        bench.Run(1000);
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(StopReason.Button, bench.Controller.LastStopReason);
        Assert.False(bench.Controller.IsPairingWindowOpen());
        Press(bench, 3200);
        Assert.True(bench.Controller.IsPairingWindowOpen());
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        bench.Run(60_000);
        Assert.False(bench.Controller.IsPairingWindowOpen());
    }

    private static void Press(TestBench bench, int milliseconds)
    {
        bench.Button.IsActive = true;
        bench.Run(milliseconds);
        bench.Button.IsActive = false;
        bench.Run(100);
    }
}
