using System;
using System.Linq;
using Wand.Core.Board;
using Wand.Core.Motor;
using Wand.Core.Routines;
using Wand.Core.Tests.Fakes;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class RoutineTests
{
    private static readonly HeadCatalog Heads = HeadCatalog.CreateDefault();

    [Fact]
    public void MD6_BuiltInRoutinesAreWellFormedFitTheDefaultSessionAndEveryHead()
    {
        RoutineLibrary library = new();
        PatternLibrary patterns = new();
        Assert.Equal(4, library.Count);
        foreach (HeadIdentity head in new[] { HeadIdentity.SoftDome, HeadIdentity.RidgedWave, HeadIdentity.BristleBrush })
        {
            for (int index = 0; index < library.Count; index++)
            {
                Routine routine = library.At(index);
                Assert.Equal(CommandResult.Success, RoutineValidator.Check(routine, 600, Heads.Find(head), 5f, patterns));
                Assert.InRange(routine.TotalSeconds, SafetyLimits.MinimumSessionSeconds, 600);
            }
        }
    }

    [Fact]
    public void MD6_InfantFullBodyFollowsTheClassOrderAndNeverVibratesTheFace()
    {
        Routine routine = new RoutineLibrary().Find(RoutineKind.InfantFullBody);
        BodyArea[] expected = { BodyArea.LegsAndFeet, BodyArea.Tummy, BodyArea.Chest, BodyArea.ArmsAndHands, BodyArea.Face, BodyArea.Back };
        Assert.Equal(expected.Length, routine.StepCount);
        for (int step = 0; step < routine.StepCount; step++)
        {
            Assert.Equal(expected[step], routine.AreaAt(step));
            if (routine.AreaAt(step) == BodyArea.Face)
            {
                Assert.Equal(0, routine.LevelAt(step));
            }
        }
    }

    [Fact]
    public void MD6_BedtimeWindDownUsesTheWaveAtAFallingLevel_LactationCoversEachBreastThenEachSide()
    {
        RoutineLibrary library = new();
        Routine bedtime = library.Find(RoutineKind.BedtimeWindDown);
        for (int step = 1; step < bedtime.StepCount; step++)
        {
            Assert.True(bedtime.LevelAt(step) < bedtime.LevelAt(step - 1));
            Assert.Equal(PatternKind.Wave, bedtime.PatternAt(step));
        }

        Routine lactation = library.Find(RoutineKind.Lactation);
        Assert.Equal(new[] { BodyArea.LeftBreast, BodyArea.RightBreast, BodyArea.LeftBreastSide, BodyArea.RightBreastSide },
            Enumerable.Range(0, lactation.StepCount).Select(lactation.AreaAt).ToArray());
    }

    [Fact]
    public void MD6_SR5_ARoutineLongerThanTheSessionLimitIsRefusedNotCut()
    {
        TestBench bench = new();
        bench.Run(400);
        Assert.Equal(CommandResult.Success, bench.Controller.UpdateSettings(300, 2, PatternKind.Continuous));
        Assert.Equal(CommandResult.RoutineTooLong, bench.Controller.StartRoutineRemote(RoutineKind.InfantFullBody));
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(CommandResult.Success, bench.Controller.StartRoutineRemote(RoutineKind.TummyWind));
    }

    [Fact]
    public void MD6_HD4_ARoutineAboveTheHeadMaximumOrWithAPatternItForbidsIsRefused()
    {
        PatternLibrary patterns = new();
        Routine tooStrong = new(RoutineKind.None, "strong", new[] { BodyArea.Back }, new[] { 60 }, new[] { PatternKind.Continuous }, new[] { 4 });
        Routine pulsing = new(RoutineKind.None, "pulse", new[] { BodyArea.Back }, new[] { 60 }, new[] { PatternKind.Pulse }, new[] { 2 });
        HeadDefinition brush = Heads.Find(HeadIdentity.BristleBrush);
        Assert.Equal(CommandResult.LevelNotAllowed, RoutineValidator.Check(tooStrong, 600, brush, 5f, patterns));
        Assert.Equal(CommandResult.PatternNotAllowed, RoutineValidator.Check(pulsing, 600, brush, 5f, patterns));
        Assert.Equal(CommandResult.Success, RoutineValidator.Check(pulsing, 600, Heads.Find(HeadIdentity.SoftDome), 5f, patterns));
        Assert.Equal(CommandResult.LevelNotAllowed, RoutineValidator.Check(pulsing, 600, Heads.Find(HeadIdentity.SoftDome), 1.5f, patterns));
        Assert.Equal(CommandResult.NoHead, RoutineValidator.Check(pulsing, 600, null, 5f, patterns));
    }

    [Fact]
    public void MD6_MalformedRoutinesAreRefused_FaceVibrationUnknownPatternNoDrivenStep()
    {
        PatternLibrary patterns = new();
        HeadDefinition dome = Heads.Find(HeadIdentity.SoftDome);
        Routine face = new(RoutineKind.None, "face", new[] { BodyArea.Face }, new[] { 60 }, new[] { PatternKind.Continuous }, new[] { 1 });
        Routine unknown = new(RoutineKind.None, "x", new[] { BodyArea.Back }, new[] { 60 }, new[] { (PatternKind)9 }, new[] { 1 });
        Routine handsOnly = new(RoutineKind.None, "rest", new[] { BodyArea.Back }, new[] { 60 }, new[] { PatternKind.Continuous }, new[] { 0 });
        Routine ragged = new(RoutineKind.None, "ragged", new[] { BodyArea.Back, BodyArea.Tummy }, new[] { 60 }, new[] { PatternKind.Continuous }, new[] { 1 });
        foreach (Routine routine in new[] { face, unknown, handsOnly, ragged })
        {
            Assert.Equal(CommandResult.OutOfRange, RoutineValidator.Check(routine, 600, dome, 5f, patterns));
        }

        Assert.Equal(CommandResult.OutOfRange, RoutineValidator.Check(null!, 600, dome, 5f, patterns));
    }

    [Fact]
    public void MD6_TheVirtualClockPlaysEachStepForItsDurationWithACueBetween()
    {
        TestBench bench = new();
        bench.Run(400);
        Routine routine = bench.Controller.Routines.Find(RoutineKind.TummyWind);
        Assert.Equal(CommandResult.Success, bench.Controller.StartRoutineRemote(RoutineKind.TummyWind));
        long start = bench.Clock.MillisecondsSinceBoot;
        long firstCue = -1;
        long secondStep = -1;
        double cuePeak = 0;
        bench.Run(70_000, () =>
        {
            var player = bench.Controller.RoutineProgress;
            long at = bench.Clock.MillisecondsSinceBoot - start;
            if (player.InCue && firstCue < 0)
            {
                firstCue = at;
            }

            if (player.InCue)
            {
                cuePeak = Math.Max(cuePeak, bench.Controller.PresentLevel);
            }

            if (!player.InCue && player.StepIndex == 1 && secondStep < 0)
            {
                secondStep = at;
            }
        });
        Assert.InRange(firstCue, routine.SecondsAt(0) * 1000 - 20, routine.SecondsAt(0) * 1000 + 20);
        Assert.InRange(secondStep, firstCue + RoutineCue.DurationMilliseconds - 20, firstCue + RoutineCue.DurationMilliseconds + 20);
        Assert.True(cuePeak > 0.2, $"the cue was not felt: peak level {cuePeak}");
        Assert.True(cuePeak <= RoutineCue.Level + 1e-3, $"the cue went above its level: {cuePeak}");
    }

    [Fact]
    public void MD6_AHandsOnlyStepRestsTheMotorAndTheRoutineEndsAsComplete()
    {
        TestBench bench = new();
        bench.Run(400);
        Routine routine = bench.Controller.Routines.Find(RoutineKind.TummyWind);
        Assert.Equal(CommandResult.Success, bench.Controller.StartRoutineRemote(RoutineKind.TummyWind));
        // Well into step 2 (hands only): the motor is at rest.
        bench.Run((routine.SecondsAt(0) * 1000) + RoutineCue.DurationMilliseconds + 5_000);
        Assert.Equal(1, bench.Controller.RoutineProgress.StepIndex);
        Assert.Equal(0.0, bench.Motor.DutyCycle);
        Assert.Equal(CommandResult.Busy, bench.Controller.SetLevel(2));
        bench.Run(routine.TotalSeconds * 1000);
        Assert.Equal(SessionState.Idle, bench.Controller.SessionState);
        Assert.Equal(StopReason.RoutineComplete, bench.Controller.LastStopReason);
        Assert.Equal(RoutineKind.TummyWind, bench.Controller.History.RoutineAt(0));
    }
}
