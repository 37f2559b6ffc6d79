using System;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Wand.Safety.Tests;

public class SafetyPropertyTests
{
    /// <summary>Sequences per run; CI runs at least 10,000. Override with WAND_PROPERTY_SEQUENCES for longer campaigns.</summary>
    private static int Sequences =>
        int.TryParse(Environment.GetEnvironmentVariable("WAND_PROPERTY_SEQUENCES"), out int count) && count > 0 ? count : 10_000;

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
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Sequences).WithQuietOnSuccess(true), property);

        // The sequences must actually exercise the motor, or the invariants prove nothing.
        Assert.True(driven > ticks / 20, $"only {driven} of {ticks} ticks drove the motor");
    }
}
