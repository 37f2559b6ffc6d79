using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Host.Calibration;
using Wand.Host.Links.Simulated;
using Xunit;
using Xunit.Abstractions;

namespace Wand.Calibration.Tests;

/// <summary>The calibration target (hardware/requirements.md, targets): the ±25 % motor population after calibration.</summary>
public sealed class PopulationTests(ITestOutputHelper output)
{
    /// <summary>Units in the population (at least 200).</summary>
    private const int PopulationSize = 200;

    [Fact]
    public async Task MD2_Population200WithSpread25Percent_EveryLevelWithin5PercentAndTopNeverAboveCeiling()
    {
        List<UnitOutcome> outcomes = [];
        for (ulong seed = 1; seed <= PopulationSize; seed++)
        {
            outcomes.Add(await PopulationRunner.CalibrateAndCheckAsync(new SimulatedWandOptions { Seed = seed, MotorSpread = 0.25, Calibrated = false }));
        }

        UnitOutcome[] failed = outcomes.Where(unit => unit.Result.Outcome != CalibrationOutcome.Pass).ToArray();
        foreach (UnitOutcome unit in failed)
        {
            output.WriteLine($"seed {unit.Seed}: {unit.Result.Outcome} {unit.Result.Message} ({unit.Motor})");
        }

        double worst = outcomes.Max(unit => unit.WorstError);
        long slowest = outcomes.Max(unit => unit.Result.DurationMilliseconds);
        output.WriteLine($"worst level error {worst:P2}, slowest unit {slowest} ms virtual, mean {outcomes.Average(unit => unit.Result.DurationMilliseconds):0} ms");
        Assert.Empty(failed);
        Assert.All(outcomes, unit => Assert.InRange(unit.TopMillivolts, 1, SafetyLimits.DefaultRatedMotorMillivolts));
        Assert.All(outcomes, unit =>
        {
            for (int level = 1; level <= SafetyLimits.LevelCount; level++)
            {
                Assert.True(Math.Abs(unit.RelativeError(level)) <= 0.05, $"seed {unit.Seed} level {level}: {unit.RelativeError(level):P2} off target");
            }
        });

        // The spread really is ±25 %: the population covers most of each parameter's range.
        Assert.True(outcomes.Max(unit => unit.Motor.StartVolts) / outcomes.Min(unit => unit.Motor.StartVolts) > 1.5);
        Assert.True(outcomes.Max(unit => unit.Motor.SpeedGainRpmPerVolt) / outcomes.Min(unit => unit.Motor.SpeedGainRpmPerVolt) > 1.5);
        Assert.True(outcomes.Max(unit => unit.Motor.TimeConstantMilliseconds) / outcomes.Min(unit => unit.Motor.TimeConstantMilliseconds) > 1.5);
    }
}
