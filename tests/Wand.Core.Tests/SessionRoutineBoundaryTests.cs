using Wand.Core.Board;
using Wand.Core.Motor;
using Wand.Core.Routines;
using Wand.Core.Sessions;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The session manager's routine, pause and end-of-session rules at their edges: a routine is refused when it is
/// malformed or longer than the maximum session (MD-6, SR-5), follows its steps in both the timer and the requested
/// level, and ends when a manual session replaces it; a resumed session continues its pattern where it paused (MD-7); the
/// start completes within the tolerance; nothing signals a warning while idle, stopping or paused; an idle session holds
/// no warning, pause or routine and reports no time remaining.
/// </summary>
public class SessionRoutineBoundaryTests
{
    private const long Start = 10_000;
    private readonly SafetyLimits limits = new();
    private readonly SessionManager session;

    public SessionRoutineBoundaryTests()
    {
        session = new SessionManager(limits, new PatternLibrary());
    }

    [Theory]
    [InlineData(SafetyLimits.DefaultMaximumSessionSeconds, CommandResult.Success)]
    [InlineData(SafetyLimits.DefaultMaximumSessionSeconds + 1, CommandResult.OutOfRange)]
    public void MD6_SR5_ARoutineIsAcceptedUpToTheMaximumSessionLengthOnly(int seconds, CommandResult expected)
    {
        Routine routine = Steps(new[] { seconds }, new[] { PatternKind.Continuous }, new[] { 2 });

        Assert.Equal(expected, session.StartRoutine(SessionSource.Remote, routine, Start));

        Assert.Equal(expected == CommandResult.Success, session.Routine.IsPlaying);
        Assert.Equal(expected == CommandResult.Success ? SessionState.Starting : SessionState.Idle, session.State);
    }

    [Fact]
    public void MD6_AMalformedRoutineIsRefusedWhateverItsLength()
    {
        Routine malformed = new(RoutineKind.InfantFullBody, "malformed", new[] { BodyArea.LegsAndFeet, BodyArea.LegsAndFeet }, new[] { 5 }, new[] { PatternKind.Continuous }, new[] { 2 });

        Assert.Equal(CommandResult.OutOfRange, session.StartRoutine(SessionSource.Remote, malformed, Start));
        Assert.Equal(SessionState.Idle, session.State);
    }

    [Fact]
    public void MD6_TheSessionFollowsTheRoutinesStepsInItsTimerAndItsRequestedLevel()
    {
        Routine routine = Steps(new[] { 5, 5, 5 }, new[] { PatternKind.Continuous, PatternKind.Continuous, PatternKind.Continuous }, new[] { 2, 4, 1 });
        Assert.Equal(CommandResult.Success, session.StartRoutine(SessionSource.Remote, routine, Start));

        // Step 2 begins after 5 s and a 1.6 s cue, step 3 after another 5 s and cue. Each is located on its own: the
        // timer's update in step 2, the requested level in step 3.
        long inSecondStep = Start + 5000 + RoutineCue.DurationMilliseconds + 100;
        session.Update(inSecondStep, 2f);
        Assert.Equal(4, session.TargetLevel);

        long inThirdStep = inSecondStep + 5000 + RoutineCue.DurationMilliseconds;
        Assert.Equal(1f, session.RequestedLevel(inThirdStep));
    }

    [Fact]
    public void MD6_APatternedRoutineStepRequestsItsLevelShapedByThePattern()
    {
        Routine routine = Steps(new[] { 5 }, new[] { PatternKind.Pulse }, new[] { 4 });
        Assert.Equal(CommandResult.Success, session.StartRoutine(SessionSource.Remote, routine, Start));

        // Pulse: 600 ms at the level, then lower until the period ends.
        float intensity = new PatternLibrary().Get(PatternKind.Pulse).IntensityAt(900);
        Assert.True(intensity < 0.9f);
        Assert.Equal(4f, session.RequestedLevel(Start + 100));
        Assert.Equal(4f * intensity, session.RequestedLevel(Start + 900));
    }

    [Fact]
    public void MD6_AManualStartEndsARunningRoutine()
    {
        Routine routine = Steps(new[] { 30 }, new[] { PatternKind.Continuous }, new[] { 2 });
        Assert.Equal(CommandResult.Success, session.StartRoutine(SessionSource.Remote, routine, Start));

        Assert.Equal(CommandResult.Success, session.Start(SessionSource.Remote, 3, PatternKind.Continuous, 600, Start + 1000));

        Assert.False(session.Routine.IsPlaying);
        Assert.Equal(CommandResult.Success, session.SetLevel(4));
        Assert.Equal(CommandResult.Success, session.SetPattern(PatternKind.Pulse, Start + 2000));
    }

    [Fact]
    public void SR14_MD6_APatternChangeIsRefusedForAnUnknownPatternAndBusyDuringARoutine()
    {
        Assert.Equal(CommandResult.Success, session.Start(SessionSource.Remote, 3, PatternKind.Continuous, 600, Start));
        Assert.Equal(CommandResult.OutOfRange, session.SetPattern((PatternKind)99, Start));
        Assert.Equal(PatternKind.Continuous, session.Pattern);

        Routine routine = Steps(new[] { 30 }, new[] { PatternKind.Continuous }, new[] { 2 });
        Assert.Equal(CommandResult.Success, session.StartRoutine(SessionSource.Remote, routine, Start));
        Assert.Equal(CommandResult.Busy, session.SetPattern(PatternKind.Pulse, Start));
        Assert.Equal(PatternKind.Continuous, session.Pattern);
    }

    [Fact]
    public void MD7_AResumedSessionContinuesItsPatternWhereItPaused()
    {
        Assert.Equal(CommandResult.Success, session.Start(SessionSource.Remote, 4, PatternKind.Pulse, 600, Start));
        float[] before = new float[24];
        for (int step = 0; step < before.Length; step++)
        {
            before[step] = session.RequestedLevel(Start + 2000 + (step * 50));
        }

        const long Held = 1370;
        Assert.Equal(CommandResult.Success, session.Pause(Start + 2000));
        Assert.Equal(CommandResult.Success, session.Resume(Start + 2000 + Held));

        for (int step = 0; step < before.Length; step++)
        {
            Assert.Equal(before[step], session.RequestedLevel(Start + 2000 + Held + (step * 50)));
        }
    }

    [Fact]
    public void MD5_TheStartCompletesWhenTheLevelIsWithinTheToleranceOfTheTarget()
    {
        Assert.Equal(CommandResult.Success, session.Start(SessionSource.Remote, 3, PatternKind.Continuous, 600, Start));

        session.Update(Start + 20, 3 - SessionManager.StartCompleteToleranceLevels);

        Assert.Equal(SessionState.Running, session.State);
    }

    [Fact]
    public void SR5_NoWarningIsSignalledWhileIdleStoppingOrPaused()
    {
        Assert.False(session.Update(Start, 0f));

        // A 60 s session is inside its warning window from the start.
        Assert.Equal(CommandResult.Success, session.Start(SessionSource.Remote, 1, PatternKind.Continuous, SafetyLimits.MinimumSessionSeconds, Start));
        Assert.Equal(CommandResult.Success, session.Pause(Start));
        Assert.False(session.Update(Start + 20, 0f));
        Assert.Equal(CommandResult.Success, session.Resume(Start + 40));
        Assert.Equal(CommandResult.Success, session.RequestStop(StopReason.RemoteCommand));
        Assert.False(session.Update(Start + 60, 1f));
    }

    [Fact]
    public void SR5_PastItsEndASessionNotYetUpdatedHasNoTimeRemaining()
    {
        Assert.Equal(CommandResult.Success, session.Start(SessionSource.Remote, 1, PatternKind.Continuous, SafetyLimits.MinimumSessionSeconds, Start));

        Assert.Equal(0, session.RemainingMilliseconds(Start + (SafetyLimits.MinimumSessionSeconds * 1000L) + 5000));
    }

    [Fact]
    public void SR5_MD7_AnAbortedSessionHoldsNoWarningPauseOrRoutine()
    {
        Routine routine = Steps(new[] { 60 }, new[] { PatternKind.Continuous }, new[] { 2 });
        Assert.Equal(CommandResult.Success, session.StartRoutine(SessionSource.Remote, routine, Start));
        Assert.True(session.Update(Start + 20, 0f));
        Assert.True(session.WarningIssued);
        Assert.Equal(CommandResult.Success, session.Pause(Start + 40));

        session.Abort(StopReason.Fault);

        Assert.Equal(SessionState.Idle, session.State);
        Assert.False(session.WarningIssued);
        Assert.False(session.IsPaused);
        Assert.False(session.Routine.IsPlaying);
    }

    private static Routine Steps(int[] seconds, PatternKind[] patterns, int[] levels)
    {
        BodyArea[] areas = new BodyArea[seconds.Length];
        for (int step = 0; step < areas.Length; step++)
        {
            areas[step] = BodyArea.LegsAndFeet;
        }

        return new Routine(RoutineKind.InfantFullBody, "test", areas, seconds, patterns, levels);
    }
}
