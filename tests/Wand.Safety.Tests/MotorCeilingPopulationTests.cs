using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Simulation;
using Xunit;
using Xunit.Abstractions;

namespace Wand.Safety.Tests;

/// <summary>
/// SR-3 on the true quantity: over a population of sensor-calibrated virtual boards whose motors are too weak for the
/// top level (the station clamps it at the 3.0 V ceiling), the true average voltage across the motor never exceeds
/// 3.0 V, from a full cell down to a nearly empty one. The ceiling acts on the calibrated cell reading, so it keeps a
/// margin for that reading's remaining error (<see cref="SensorUncertainty.CalibratedBatteryPermille"/>).
/// </summary>
public class MotorCeilingPopulationTests(ITestOutputHelper output)
{
    /// <summary>Boards per cell voltage; override with WAND_POPULATION_BOARDS (the CI default is 60 per voltage).</summary>
    private static int Boards =>
        int.TryParse(Environment.GetEnvironmentVariable("WAND_POPULATION_BOARDS"), out int count) && count > 0 ? Math.Max(1, count / 3) : 60;

    [Theory]
    [InlineData(4.2)]
    [InlineData(3.9)]
    [InlineData(3.6)]
    public void SR3_OnWeakMotorsClampedAtTheCeilingTheTrueMotorVoltageStaysAtOrBelow3Volts(double batteryVolts)
    {
        MotorCeilingMeasurement.Result[] results = new MotorCeilingMeasurement.Result[Boards];
        Parallel.For(0, Boards, new ParallelOptions { MaxDegreeOfParallelism = 2 }, index =>
            results[index] = MotorCeilingMeasurement.Measure((ulong)(300_000 + index), BoardDefect.WeakMotor, batteryVolts));

        double[] volts = results.Select(result => result.MaximumMotorVolts).OrderBy(value => value).ToArray();
        output.WriteLine($"cell {batteryVolts:F1} V, {volts.Length} weak-motor boards: highest true motor voltage min {volts[0]:F4} V, median {volts[volts.Length / 2]:F4} V, max {volts[^1]:F4} V");

        // The precondition: the station clamped these motors' top level at the ceiling.
        Assert.All(results, result => Assert.Equal(SafetyLimits.DefaultRatedMotorMillivolts, result.TopLevelMillivolts));
        Assert.All(results, result => Assert.True(
            result.MaximumMotorVolts <= SafetyLimits.DefaultRatedMotorMillivolts / 1000.0,
            $"board {result.Seed} at {batteryVolts:F1} V: true motor voltage {result.MaximumMotorVolts:F4} V"));
    }
}
