using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Running;
using Wand.Simulation;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>
/// Units as they reach the station from assembly (no sensor and no motor calibration) through the station's own plans
/// in order: sensor calibration (SR-18) through the fixture, motor calibration (MD-2) through the jig, then
/// end-of-line. Parts vary within the documented tolerances, motors by ±25 %. The 1,000-unit figure comes from
/// <c>tests/Wand.Safety.Benchmarks -- station-line</c>.
/// </summary>
public sealed class StationLinePopulationTests
{
    /// <summary>Good units run in CI.</summary>
    private const int GoodUnits = 40;

    private static readonly TestPlan[] Line =
    [
        PlanRunning.Load("sensor-calibration.yaml"),
        PlanRunning.Load("calibration.yaml"),
        PlanRunning.Load("end-of-line.yaml"),
    ];

    [Fact]
    public async Task SR18_MD2_UnitsCalibratedAtTheStationPassSensorCalibrationMotorCalibrationAndEndOfLineFirstTime()
    {
        List<SimulatedWandOptions> units = Enumerable.Range(0, GoodUnits)
            .Select(index => EndOfLinePopulation.UncalibratedUnit(3_000_000 + (ulong)index)).ToList();

        UnitResult[] results = await EndOfLinePopulation.RunAsync(Line, units, Environment.ProcessorCount, CancellationToken.None);

        UnitResult[] failed = results.Where(unit => !unit.Passed).ToArray();
        string failures = string.Join(Environment.NewLine, failed.Select(unit => $"seed {unit.Seed}: {unit.Outcome}: {string.Join("; ", unit.Failures)} {unit.Details}"));
        Assert.True(failed.Length * 1000 <= GoodUnits * 5, $"{failed.Length} of {GoodUnits} good units failed:{Environment.NewLine}{failures}");
        Assert.All(results, unit => Assert.Empty(unit.MarginalMeasurements));
    }

    [Fact]
    public async Task SR18_AnUncalibratedUnitFailsEndOfLineAtTheSensorCalibrationCheck()
    {
        UnitResult result = await EndOfLinePopulation.RunUnitAsync(Line[2], EndOfLinePopulation.UncalibratedUnit(3_100_001), CancellationToken.None);

        Assert.Equal(RunOutcome.Fail, result.Outcome);
        Assert.Contains("sensor-calibration-present", result.FailedMeasurements);
    }

    [Fact]
    public async Task SR18_AWrongDividerResistorFailsTheStationSensorCalibrationNamingTheGainCheck()
    {
        List<SimulatedWandOptions> units = Enumerable.Range(0, 10)
            .Select(index => EndOfLinePopulation.UncalibratedUnit(3_200_000 + (ulong)index, BoardDefect.WrongDividerResistor)).ToList();

        UnitResult[] results = await EndOfLinePopulation.RunAsync(Line, units, Environment.ProcessorCount, CancellationToken.None);

        foreach (UnitResult unit in results)
        {
            Assert.Equal(RunOutcome.Fail, unit.Outcome);
            Assert.Contains("sensor-calibration-outcome", unit.FailedMeasurements);
            Assert.Contains(unit.Failures, failure => failure.StartsWith("sensor-failed-check sensor-", StringComparison.Ordinal));
            Assert.DoesNotContain(unit.FailedMeasurements, name => name.Contains("amplitude", StringComparison.Ordinal));
        }
    }
}
