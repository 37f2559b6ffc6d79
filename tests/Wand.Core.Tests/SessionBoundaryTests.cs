using Wand.Core.Board;
using Wand.Core.Motor;
using Wand.Core.Sessions;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The session timer and its commands at their exact boundaries: levels 1 to 5 and durations from 60 s to the maximum
/// (SR5, SR14), the warning 60 s before the end and its haptic dip, the ramp-down that reaches zero by the end (SR-5),
/// and the pause that holds the timers and ends the session after two minutes (MD-7).
/// </summary>
public class SessionBoundaryTests
{
    private const int TenMinutes = 600;
    private readonly SessionManager session = new(new SafetyLimits(), new PatternLibrary());

    [Theory]
    [InlineData(0, TenMinutes, CommandResult.OutOfRange)]
    [InlineData(1, TenMinutes, CommandResult.Success)]
    [InlineData(SafetyLimits.LevelCount, TenMinutes, CommandResult.Success)]
    [InlineData(SafetyLimits.LevelCount + 1, TenMinutes, CommandResult.OutOfRange)]
    [InlineData(1, SafetyLimits.MinimumSessionSeconds - 1, CommandResult.OutOfRange)]
    [InlineData(1, SafetyLimits.MinimumSessionSeconds, CommandResult.Success)]
    [InlineData(1, SafetyLimits.DefaultMaximumSessionSeconds, CommandResult.Success)]
    [InlineData(1, SafetyLimits.DefaultMaximumSessionSeconds + 1, CommandResult.OutOfRange)]
    public void SR14_SR5_AStartIsAcceptedForLevels1To5AndDurationsFromTheMinimumToTheMaximumOnly(int level, int seconds, CommandResult expected)
    {
        Assert.Equal(expected, session.Start(SessionSource.Remote, level, PatternKind.Continuous, seconds, 1000));

        bool accepted = expected == CommandResult.Success;
        Assert.Equal(accepted ? SessionState.Starting : SessionState.Idle, session.State);
        Assert.Equal(accepted ? level : 0, session.TargetLevel);
        Assert.Equal(accepted ? seconds * 1000L : 0, session.DurationMilliseconds);
        Assert.Equal(accepted ? 1 : 0, session.StartCount);
    }

    [Fact]
    public void SR14_AnUnknownPatternIsRefused()
    {
        Assert.Equal(CommandResult.OutOfRange, session.Start(SessionSource.Remote, 1, (PatternKind)99, TenMinutes, 0));
        Assert.Equal(SessionState.Idle, session.State);
    }

    [Fact]
    public void SR5_TheSessionRunsOnceTheDriveReachesTheLevelAskedFor()
    {
        session.Start(SessionSource.Button, 3, PatternKind.Continuous, TenMinutes, 0);
        session.Update(20, 2.9f);
        Assert.Equal(SessionState.Starting, session.State);
        session.Update(40, 3f);
        Assert.Equal(SessionState.Running, session.State);
    }

    [Fact]
    public void SR5_TheWarningComesExactly60SecondsBeforeTheEndAndOnce()
    {
        session.Start(SessionSource.Button, 2, PatternKind.Continuous, TenMinutes, 1000);
        long warningAt = 1000 + ((TenMinutes - SafetyLimits.SessionWarningSeconds) * 1000L);

        Assert.False(session.Update(warningAt - 1, 2f));
        Assert.False(session.WarningIssued);
        Assert.True(session.Update(warningAt, 2f));
        Assert.True(session.WarningIssued);
        Assert.False(session.Update(warningAt + 20, 2f));
    }

    [Fact]
    public void SR5_TheWarningHalvesTheLevelInTheFirstAndThirdOf400MillisecondsOfIts1600()
    {
        session.Start(SessionSource.Button, 4, PatternKind.Continuous, TenMinutes, 0);
        long warningAt = (TenMinutes - SafetyLimits.SessionWarningSeconds) * 1000L;
        Assert.Equal(4f, session.RequestedLevel(warningAt - 1));
        session.Update(warningAt, 4f);

        Assert.Equal(2f, session.RequestedLevel(warningAt));
        Assert.Equal(2f, session.RequestedLevel(warningAt + 399));
        Assert.Equal(4f, session.RequestedLevel(warningAt + 400));
        Assert.Equal(2f, session.RequestedLevel(warningAt + 800));
        Assert.Equal(4f, session.RequestedLevel(warningAt + 1200));
        Assert.Equal(4f, session.RequestedLevel(warningAt + SessionManager.WarningHapticMilliseconds));
    }

    [Theory]
    [InlineData(3f)]
    [InlineData(5f)]
    public void SR5_TheRampDownBeginsWhenTheSlewNeedsTheRestOfTheSessionToReachZero(float present)
    {
        session.Start(SessionSource.Button, 5, PatternKind.Continuous, TenMinutes, 1000);
        long end = 1000 + (TenMinutes * 1000L);

        // 200 ms per level of slew plus two ticks.
        long rampDown = (long)(present * SafetyLimits.MillisecondsPerLevelStep) + (2 * SafetyLimits.ControlTickMilliseconds);
        session.Update(end - rampDown - 1, present);
        Assert.NotEqual(SessionState.Stopping, session.State);

        session.Update(end - rampDown, present);
        Assert.Equal(SessionState.Stopping, session.State);
        Assert.Equal(StopReason.TimeLimit, session.LastStopReason);
    }

    [Fact]
    public void SR5_AStoppingSessionGoesIdleOnlyOnceTheDriveIsAtZero()
    {
        session.Start(SessionSource.Remote, 2, PatternKind.Continuous, TenMinutes, 0);
        Assert.Equal(CommandResult.Success, session.RequestStop(StopReason.RemoteCommand));
        Assert.Equal(0f, session.RequestedLevel(20));

        session.Update(20, 0.1f);
        Assert.Equal(SessionState.Stopping, session.State);
        session.Update(40, 0f);

        Assert.Equal(SessionState.Idle, session.State);
        Assert.Equal(SessionSource.None, session.Source);
        Assert.Equal(0, session.TargetLevel);
        Assert.Equal(StopReason.RemoteCommand, session.LastStopReason);
        Assert.Equal(0, session.RemainingMilliseconds(40));
    }

    [Fact]
    public void SR14_CommandsWithoutARunningSessionAreRefusedAndChangeNothing()
    {
        Assert.Equal(CommandResult.NotRunning, session.SetLevel(2));
        Assert.Equal(CommandResult.NotRunning, session.SetPattern(PatternKind.Pulse, 0));
        Assert.Equal(CommandResult.NotRunning, session.Pause(0));
        Assert.Equal(CommandResult.NotRunning, session.Resume(0));
        Assert.Equal(CommandResult.NotRunning, session.RequestStop(StopReason.Button));
        session.Abort(StopReason.Fault);
        Assert.Equal(StopReason.None, session.LastStopReason);

        session.Start(SessionSource.Remote, 2, PatternKind.Continuous, TenMinutes, 0);
        session.RequestStop(StopReason.RemoteCommand);
        Assert.Equal(CommandResult.NotRunning, session.SetLevel(3));
        Assert.Equal(CommandResult.NotRunning, session.SetPattern(PatternKind.Pulse, 0));
        Assert.Equal(CommandResult.NotRunning, session.Pause(0));
        Assert.Equal(CommandResult.NotRunning, session.Resume(0));
        Assert.Equal(CommandResult.NotRunning, session.RequestStop(StopReason.Button));
        Assert.Equal(StopReason.RemoteCommand, session.LastStopReason);
        Assert.Equal(2, session.TargetLevel);
    }

    [Theory]
    [InlineData(0, CommandResult.OutOfRange, 2)]
    [InlineData(1, CommandResult.Success, 1)]
    [InlineData(SafetyLimits.LevelCount, CommandResult.Success, SafetyLimits.LevelCount)]
    [InlineData(SafetyLimits.LevelCount + 1, CommandResult.OutOfRange, 2)]
    public void SR14_ALevelChangeIsAcceptedFrom1To5Only(int level, CommandResult expected, int after)
    {
        session.Start(SessionSource.Remote, 2, PatternKind.Continuous, TenMinutes, 0);
        Assert.Equal(expected, session.SetLevel(level));
        Assert.Equal(after, session.TargetLevel);
    }

    [Fact]
    public void MD7_APauseEndsTheSessionOnlyWhenItLastsMoreThanTwoMinutes()
    {
        session.Start(SessionSource.Button, 2, PatternKind.Continuous, TenMinutes, 0);
        session.Update(20, 2f);
        Assert.Equal(CommandResult.Success, session.Pause(1000));
        Assert.Equal(0f, session.RequestedLevel(1020));

        session.Update(1000 + SessionManager.MaximumPauseMilliseconds, 0f);
        Assert.True(session.IsPaused);
        Assert.Equal(SessionState.Running, session.State);

        session.Update(1000 + SessionManager.MaximumPauseMilliseconds + 1, 0f);
        Assert.Equal(SessionState.Stopping, session.State);
        Assert.Equal(StopReason.PauseTimeout, session.LastStopReason);
    }

    [Fact]
    public void MD7_APauseHoldsTheSessionTimerAndAResumeComesBackThroughTheStart()
    {
        session.Start(SessionSource.Button, 2, PatternKind.Continuous, TenMinutes, 0);
        session.Update(20, 2f);
        session.Pause(10000);
        session.Pause(15000);
        Assert.Equal((TenMinutes * 1000L) - 10000, session.RemainingMilliseconds(30000));

        Assert.Equal(CommandResult.Success, session.Resume(40000));
        Assert.False(session.IsPaused);
        Assert.Equal(SessionState.Starting, session.State);
        Assert.Equal((TenMinutes * 1000L) - 10000, session.RemainingMilliseconds(40000));
        Assert.Equal((TenMinutes * 1000L) - 10020, session.RemainingMilliseconds(40020));

        // The warning comes 30 s (the pause) later than without it.
        long warningAt = ((TenMinutes - SafetyLimits.SessionWarningSeconds) * 1000L) + 30000;
        Assert.False(session.Update(warningAt - 1, 2f));
        Assert.True(session.Update(warningAt, 2f));
    }

    [Fact]
    public void MD7_APauseDuringTheWarningShiftsItsHapticDip()
    {
        session.Start(SessionSource.Button, 4, PatternKind.Continuous, TenMinutes, 0);
        long warningAt = (TenMinutes - SafetyLimits.SessionWarningSeconds) * 1000L;
        session.Update(warningAt, 4f);
        session.Pause(warningAt + 100);
        session.Resume(warningAt + 1100);

        // After 1000 ms of pause the dip's clock is 1000 ms behind: 300 ms and 800 ms into it are halved.
        Assert.Equal(2f, session.RequestedLevel(warningAt + 1000 + 300));
        Assert.Equal(2f, session.RequestedLevel(warningAt + 1000 + 800));
        Assert.Equal(4f, session.RequestedLevel(warningAt + 1000 + SessionManager.WarningHapticMilliseconds));
    }

    [Fact]
    public void MD7_AResumeWithoutAPauseChangesNothing()
    {
        session.Start(SessionSource.Button, 2, PatternKind.Continuous, TenMinutes, 0);
        session.Update(20, 2f);
        Assert.Equal(CommandResult.Success, session.Resume(5000));
        Assert.Equal(SessionState.Running, session.State);
        Assert.Equal((TenMinutes * 1000L) - 5000, session.RemainingMilliseconds(5000));
    }
}
