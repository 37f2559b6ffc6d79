using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Wand.Core.Board;
using Wand.Protocol.Vocabulary;
using Wand.Simulation;
using Xunit;

namespace Wand.Safety.Tests;

/// <summary>
/// MD-5 and SR-4 as amended: a session that reports Running has the motor turning. Random sequences of starts, level
/// changes, patterns, stops and restarts (many of them 50–250 ms after the previous stop, while the rotor coasts) on
/// motors drawn from the ±25 % population, each with its own calibration.
/// </summary>
public class MotorStartPropertyTests
{
    /// <summary>The head must reach this fraction of the level's amplitude (MD-5).</summary>
    private const double AmplitudeFraction = 0.9;

    /// <summary>Within this long of the start command, in milliseconds (MD-5).</summary>
    private const int StartWindowMilliseconds = 700;

    /// <summary>Sequences per run; override with WAND_PROPERTY_SEQUENCES for longer campaigns.</summary>
    private static int Sequences =>
        int.TryParse(Environment.GetEnvironmentVariable("WAND_PROPERTY_SEQUENCES"), out int count) && count > 0 ? Math.Min(count, 2000) : 300;

    public sealed record SessionPlan(int Level, PatternKind Pattern, int RunMilliseconds, int ChangedLevel, int OffMilliseconds);

    public sealed record StartScenario(ulong Seed, IReadOnlyList<SessionPlan> Sessions)
    {
        public override string ToString() => $"seed {Seed}: " + string.Join(", ", Sessions.Select(s => $"L{s.Level}/{s.Pattern}/{s.RunMilliseconds}ms→L{s.ChangedLevel}, off {s.OffMilliseconds}ms"));
    }

    [Fact]
    public void MD5_SR4_EverySessionStartReachesNinetyPercentOfTheLevelAmplitudeWithin700Milliseconds()
    {
        int starts = 0;
        int quickRestarts = 0;
        Property property = Prop.ForAll(Scenarios(), scenario =>
        {
            (int checkedStarts, int quick) = Run(scenario);
            starts += checkedStarts;
            quickRestarts += quick;
        });
        Check.One(PropertyRuns.Configuration(Sequences), property);

        // The sequences must exercise the case the requirement names: restarts while the rotor coasts.
        Assert.True(starts > Sequences, $"only {starts} starts checked");
        Assert.True(quickRestarts > Sequences / 2, $"only {quickRestarts} restarts 50–250 ms after a stop");
    }

    [Theory]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(150)]
    [InlineData(250)]
    public void MD5_ARestartWhileTheRotorCoastsGetsTheMotorTurningAtEveryLevel(int offMilliseconds)
    {
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            StartScenario scenario = new(7, new[]
            {
                new SessionPlan(level, PatternKind.Continuous, 1500, level, offMilliseconds),
                new SessionPlan(level, PatternKind.Continuous, 1500, level, 0),
            });
            Run(scenario);
        }
    }

    [Fact]
    public void MD5_TheWeakestMotorOfThePopulationStartsAtEveryLevelAndAfterQuickRestarts()
    {
        ErmMotorParameters nominal = ErmMotorParameters.Nominal;
        ErmMotorParameters weakest = nominal with
        {
            StartVolts = nominal.StartVolts * 1.25,
            SustainVolts = nominal.SustainVolts * 1.25,
            SpeedGainRpmPerVolt = nominal.SpeedGainRpmPerVolt * 0.75,
            TimeConstantMilliseconds = nominal.TimeConstantMilliseconds * 1.25,
        };
        List<SessionPlan> sessions = new();
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            sessions.Add(new SessionPlan(level, PatternKind.Continuous, 1200, level, 120));
        }

        Run(new StartScenario(11, sessions), weakest);
    }

    private static Arbitrary<StartScenario> Scenarios()
    {
        Gen<PatternKind> pattern = Gen.Frequency(
            (3, Gen.Constant(PatternKind.Continuous)),
            (1, Gen.Constant(PatternKind.Pulse)),
            (1, Gen.Constant(PatternKind.Wave)),
            (1, Gen.Constant(PatternKind.Heartbeat)));
        Gen<int> off = Gen.Frequency(
            (3, Gen.Choose(50, 250)),
            (1, Gen.Choose(0, 49)),
            (1, Gen.Choose(251, 1000)));
        Gen<SessionPlan> session =
            from level in Gen.Choose(1, SafetyLimits.LevelCount)
            from kind in pattern
            from run in Gen.Choose(StartWindowMilliseconds, 3000)
            from changed in Gen.Choose(1, SafetyLimits.LevelCount)
            from offMilliseconds in off
            select new SessionPlan(level, kind, run, changed, offMilliseconds);
        Gen<StartScenario> scenario =
            from seed in Gen.Choose(1, int.MaxValue)
            from count in Gen.Choose(2, 6)
            from sessions in session.ListOf(count)
            select new StartScenario((ulong)seed, sessions.ToList());
        return Arb.From(scenario, Shrink);
    }

    private static IEnumerable<StartScenario> Shrink(StartScenario scenario)
    {
        for (int index = 0; index < scenario.Sessions.Count; index++)
        {
            List<SessionPlan> fewer = new(scenario.Sessions);
            fewer.RemoveAt(index);
            if (fewer.Count > 0)
            {
                yield return scenario with { Sessions = fewer };
            }
        }
    }

    /// <summary>Plays one scenario on a calibrated unit; throws when a start misses MD-5.</summary>
    /// <returns>The number of starts checked and of restarts 50–250 ms after a stop.</returns>
    private static (int Starts, int QuickRestarts) Run(StartScenario scenario, ErmMotorParameters? motor = null)
    {
        VirtualBoardOptions options = motor is null
            ? new VirtualBoardOptions { Seed = scenario.Seed, MotorSpread = 0.25 }
            : new VirtualBoardOptions { Seed = scenario.Seed, Motor = motor };
        VirtualWand wand = VirtualWand.Create(BoardProfile.CreateDefault(), options);
        VirtualBoard board = wand.Board;
        board.StoreCalibration(IdealCalibration.For(board.Motor.Parameters));
        wand.Reboot();
        Assert.True(wand.RunUntil(w => w.Controller!.HeadDefinition != null, 1000), "head not accepted");

        int starts = 0;
        int quick = 0;
        int previousOff = -1;
        foreach (SessionPlan plan in scenario.Sessions)
        {
            CommandResult result = wand.Controller!.StartRemote(plan.Level, plan.Pattern, 600);
            Assert.True(result == CommandResult.Success, $"start refused: {result} ({scenario})");
            starts++;
            quick += previousOff is >= 50 and <= 250 ? 1 : 0;
            double target = AmplitudeFraction * IdealCalibration.TargetAmplitudeG(plan.Level);
            double highest = 0;
            long started = wand.Now;
            while (wand.Now - started < StartWindowMilliseconds)
            {
                wand.RunFor(SafetyLimits.ControlTickMilliseconds);
                highest = Math.Max(highest, board.Motor.AmplitudeG);
            }

            // Every pattern holds at least 30 % of the level, a drive above the sustain voltage: the rotor must turn.
            Assert.True(board.Motor.IsRunning, $"rotor stopped {StartWindowMilliseconds} ms after a start at level {plan.Level} ({scenario})");
            if (plan.Pattern == PatternKind.Continuous)
            {
                Assert.True(highest >= target, $"level {plan.Level}: {highest:F4} g < {target:F4} g within {StartWindowMilliseconds} ms, {previousOff} ms after the previous stop ({scenario})");
            }

            wand.Controller.SetLevel(plan.ChangedLevel);
            wand.RunFor(plan.RunMilliseconds - StartWindowMilliseconds);
            Assert.True(board.Motor.IsRunning, $"rotor stopped during the session ({scenario})");
            wand.Controller.StopRemote();
            Assert.True(wand.RunUntil(w => w.Controller!.SessionState == SessionState.Idle, 3000), "no stop");
            wand.RunFor(plan.OffMilliseconds);
            previousOff = plan.OffMilliseconds;
        }

        return (starts, quick);
    }
}
