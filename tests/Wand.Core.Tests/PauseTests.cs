using Wand.Core.Board;
using Wand.Core.Sessions;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class PauseTests
{
    [Fact]
    public void MD7_PauseRampsTheMotorOffAndHoldsTheSessionTimer()
    {
        TestBench bench = new();
        Assert.Equal(CommandResult.Success, bench.BootAndStart(level: 3, durationSeconds: 120));
        bench.Run(2_000);
        long remainingBefore = bench.Controller.RemainingMilliseconds();
        Assert.Equal(CommandResult.Success, bench.Controller.PauseRemote());
        Assert.True(bench.Controller.IsPaused);

        // Ramps down at the slew limit (SR-4), not a cut: one tick later the level is still above zero.
        bench.Run(TestBench.Tick);
        Assert.True(bench.Controller.PresentLevel > 2.5f);
        bench.Run((3 * SafetyLimits.MillisecondsPerLevelStep) + TestBench.Tick);
        Assert.Equal(0.0, bench.Motor.DutyCycle);

        bench.Run(60_000, () => Assert.Equal(0.0, bench.Motor.DutyCycle));
        Assert.InRange(bench.Controller.RemainingMilliseconds(), remainingBefore - 40, remainingBefore);
        Assert.False(bench.Controller.SessionEndingWarning);
    }

    [Fact]
    public void MD7_SR4_ResumeComesBackThroughTheStartRamp()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 3);
        bench.Run(2_000);
        bench.Controller.PauseRemote();
        bench.Run(5_000);
        Assert.Equal(CommandResult.Success, bench.Controller.ResumeRemote());
        Assert.False(bench.Controller.IsPaused);
        long resumed = bench.Clock.MillisecondsSinceBoot;
        long reached = -1;
        bench.Run(2_000, () =>
        {
            if (reached < 0 && bench.Controller.PresentLevel >= 3f)
            {
                reached = bench.Clock.MillisecondsSinceBoot - resumed;
            }
        });
        Assert.True(reached >= SafetyLimits.SessionStartRampMilliseconds - TestBench.Tick, $"full level after {reached} ms");
        Assert.Equal(SessionState.Running, bench.Controller.SessionState);
    }

    [Fact]
    public void MD7_APauseOverTwoMinutesEndsTheSession()
    {
        TestBench bench = new();
        bench.BootAndStart(level: 2);
        bench.Run(1_000);
        bench.Controller.PauseRemote();
        bench.Run(SessionManager.MaximumPauseMilliseconds - 1_000);
        Assert.NotEqual(SessionState.Idle, bench.Controller.SessionState);
        bench.Run(2_000);
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(StopReason.PauseTimeout, bench.Controller.LastStopReason);
    }

    [Fact]
    public void MD7_ADoublePressPausesAndResumes_AHoldStillStopsWhilePaused()
    {
        TestBench bench = new();
        bench.Run(400);
        Press(bench, 100, 100);
        Assert.Equal(SessionSource.Button, bench.Controller.SessionSource);
        bench.Run(1_000);
        Press(bench, 80, 80);
        Press(bench, 80, 100);
        Assert.True(bench.Controller.IsPaused);
        Assert.Equal(1, bench.Controller.TargetLevel);
        bench.Run(2_000);
        Press(bench, 80, 80);
        Press(bench, 80, 100);
        Assert.False(bench.Controller.IsPaused);
        bench.Run(1_000);
        Press(bench, 80, 80);
        Press(bench, 80, 100);
        Assert.True(bench.Controller.IsPaused);
        Press(bench, 1_200, 100);
        bench.Run(1_000);
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(StopReason.Button, bench.Controller.LastStopReason);
    }

    [Fact]
    public void MD7_AShortPressHeldBackForTheDoublePress_NeverStartsASessionAfterTheOneItMeantEnded()
    {
        TestBench bench = new();
        Assert.Equal(CommandResult.Success, bench.BootAndStart(level: 2));
        bench.Run(1_000);

        // A single press (next level) waits for a possible second one; the session stops meanwhile.
        Press(bench, 80, 40);
        bench.Controller.StopRemote();
        bench.Run(3_000);
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(StopReason.RemoteCommand, bench.Controller.LastStopReason);
        Assert.Equal(0.0, bench.Motor.DutyCycle);
    }

    [Fact]
    public void MD7_PauseAndResumeAreRefusedWithoutASession()
    {
        TestBench bench = new();
        bench.Run(400);
        Assert.Equal(CommandResult.NotRunning, bench.Controller.PauseRemote());
        Assert.Equal(CommandResult.NotRunning, bench.Controller.ResumeRemote());
    }

    [Fact]
    public void MD7_APausedRoutineHoldsItsStep()
    {
        TestBench bench = new();
        bench.Run(400);
        Assert.Equal(CommandResult.Success, bench.Controller.StartRoutineRemote(RoutineKind.Lactation));
        bench.Run(100_000);
        long remaining = bench.Controller.RoutineProgress.StepRemainingMilliseconds;
        bench.Controller.PauseRemote();
        bench.Run(90_000);
        Assert.Equal(0, bench.Controller.RoutineProgress.StepIndex);
        Assert.InRange(bench.Controller.RoutineProgress.StepRemainingMilliseconds, remaining - 40, remaining);
        bench.Controller.ResumeRemote();
        bench.Run(60_000);
        Assert.Equal(1, bench.Controller.RoutineProgress.StepIndex);
    }

    private static void Press(TestBench bench, int holdMilliseconds, int afterMilliseconds)
    {
        bench.Button.IsActive = true;
        bench.Run(holdMilliseconds);
        bench.Button.IsActive = false;
        bench.Run(afterMilliseconds);
    }
}
