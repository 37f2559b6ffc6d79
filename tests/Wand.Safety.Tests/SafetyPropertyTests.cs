using System;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Wand.Safety.Tests;

public class SafetyPropertyTests
{
    private static int Sequences => PropertyRuns.Sequences;

    [Fact]
    public void SafetyInvariants_HoldOnEveryTickOfRandomEventSequences()
    {
        long ticks = 0;
        long driven = 0;
        Property property = Prop.ForAll(ScenarioGenerators.Scenarios(), scenario =>
        {
            SafetyInvariants result = ScenarioRunner.Run(scenario.Seed, scenario.Events);
            ticks += result.TicksChecked;
            driven += result.DrivenTicks;
        });
        Check.One(PropertyRuns.Configuration(Sequences), property);

        // The sequences must actually exercise the motor, or the invariants prove nothing.
        Assert.True(driven > ticks / 20, $"only {driven} of {ticks} ticks drove the motor");
    }

    /// <summary>
    /// MD-6, MD-7: routines with their cues, and pauses by BLE and by double press, under faults: every existing invariant
    /// (ceiling, head maximum, slew, session limit, zero drive within a tick of a fault) holds, plus no drive while
    /// paused once the ramp-down is over, no pause outlasting 2 minutes, no routine or cue above its level.
    /// </summary>
    [Fact]
    public void MD6_MD7_SafetyInvariants_HoldThroughRoutinesCuesAndPauses()
    {
        long ticks = 0;
        long driven = 0;
        long paused = 0;
        long routine = 0;
        long cue = 0;
        Property property = Prop.ForAll(ScenarioGenerators.RoutineScenarios(), scenario =>
        {
            SafetyInvariants result = ScenarioRunner.Run(scenario.Seed, scenario.Events);
            ticks += result.TicksChecked;
            driven += result.DrivenTicks;
            paused += result.PausedTicks;
            routine += result.RoutineTicks;
            cue += result.CueTicks;
        });
        Check.One(PropertyRuns.Configuration(Sequences / 5), property);

        // The sequences must reach what they test: driven routine steps, cues and pauses.
        Assert.True(driven > ticks / 20, $"only {driven} of {ticks} ticks drove the motor");
        Assert.True(routine > ticks / 40, $"only {routine} of {ticks} ticks played a routine");
        Assert.True(cue > 0, "no routine cue was ever played");
        Assert.True(paused > ticks / 100, $"only {paused} of {ticks} ticks were paused");
    }
}
