using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Running;
using Wand.Simulation;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>
/// The shipped end-of-line plan over populations of virtual wands whose parts vary within their documented tolerances
/// (hardware/limits.md), with ±25 % motors and the station's sensor and motor calibration: good units pass first time,
/// and every unit of each seeded defect class fails, caught by the measurement that looks at the defective part. The
/// 1,000-unit figures and the wall time come from <c>tests/Wand.Safety.Benchmarks -- end-of-line</c>.
/// </summary>
public sealed class EndOfLinePopulationTests
{
    /// <summary>Good units run in CI.</summary>
    private const int GoodUnits = 200;

    /// <summary>Units per seeded defect class run in CI.</summary>
    private const int UnitsPerDefect = 30;

    private static readonly TestPlan Plan = PlanLoader.Load(PlanRunning.PlanPath("end-of-line.yaml"));

    [Fact]
    public async Task MD2_MD5_SR18_GoodUnitsOfThePopulationPassTheEndOfLinePlanFirstTimeInAtLeast99Point5Percent()
    {
        List<Wand.Host.Links.Simulated.SimulatedWandOptions> units = Enumerable.Range(0, GoodUnits)
            .Select(index => EndOfLinePopulation.Unit(1_000_000 + (ulong)index)).ToList();

        UnitResult[] results = await EndOfLinePopulation.RunAsync(Plan, units, Environment.ProcessorCount, CancellationToken.None);

        UnitResult[] failed = results.Where(unit => !unit.Passed).ToArray();
        string failures = string.Join(Environment.NewLine, failed.Select(unit => $"seed {unit.Seed}: {unit.Outcome}: {string.Join("; ", unit.Failures)} {unit.Details}"));
        Assert.True(failed.Length * 1000 <= GoodUnits * 5, $"{failed.Length} of {GoodUnits} good units failed:{Environment.NewLine}{failures}");
    }

    [Theory]
    [InlineData("ntc-out-of-tolerance", new[] { "ntc-reading-at-40c", "ntc-reading-at-25c" })]
    [InlineData("wrong-divider-resistor", new[] { "sensor-calibration-present", "battery-reading-at-3v90" })]
    [InlineData("stuck-ntc", new[] { "ntc-reading-at-40c", "thermal-derate-detect-time" })]
    [InlineData("wrong-head-resistor", new[] { "bristle-brush-accept-time" })]
    [InlineData("miscalibrated-motor", new[] { "level-1-amplitude", "level-2-amplitude", "level-3-amplitude", "level-4-amplitude", "level-5-amplitude" })]
    [InlineData("weak-motor", new[] { "level-5-amplitude" })]
    [InlineData("stalled-restart", new[] { "quick-restart-level-1-amplitude" })]
    public async Task SR7_SR8_SR18_HD2_MD2_MD5_EverySeededDefectFailsEachUnitAndIsNamedByTheMeasurementOfItsPart(string defectName, string[] expected)
    {
        Assert.True(BoardDefects.TryParse(defectName, out BoardDefect defect));
        ulong first = 2_000_000 + ((ulong)defect * 10_000);
        List<Wand.Host.Links.Simulated.SimulatedWandOptions> units = Enumerable.Range(0, UnitsPerDefect)
            .Select(index => EndOfLinePopulation.Unit(first + (ulong)index, defect)).ToList();

        UnitResult[] results = await EndOfLinePopulation.RunAsync(Plan, units, Environment.ProcessorCount, CancellationToken.None);

        foreach (UnitResult unit in results)
        {
            Assert.True(unit.Outcome == Wand.Host.TestRuns.Records.RunOutcome.Fail, $"{defectName}, seed {unit.Seed}: {unit.Outcome} {unit.Details}");
            foreach (string measurement in expected)
            {
                Assert.True(unit.FailedMeasurements.Contains(measurement), $"{defectName}, seed {unit.Seed}: {measurement} did not fail; failed: {string.Join(", ", unit.FailedMeasurements)}");
            }
        }
    }

    [Fact]
    public async Task SR18_HC1_ADefectSeededFromTheAddressIsThePhysicalPartOnTheBoard()
    {
        Wand.Host.Links.Simulated.SimulatedWandOptions options = Wand.Host.Links.SimulatedAddressOptions.Parse("seed=7,motor-spread=0.25,defect=stuck-ntc");
        Assert.Equal(BoardDefect.StuckNtc, options.Defect);
        Assert.Throws<Wand.Host.Links.InvalidDeviceAddressException>(() => Wand.Host.Links.SimulatedAddressOptions.Parse("defect=loose-screw"));

        UnitResult result = await EndOfLinePopulation.RunUnitAsync(Plan, options, CancellationToken.None);

        Assert.Equal(Wand.Host.TestRuns.Records.RunOutcome.Fail, result.Outcome);
        Assert.Contains("ntc-reading-at-40c", result.FailedMeasurements);
        Assert.DoesNotContain(result.FailedMeasurements, name => name.Contains("amplitude", StringComparison.Ordinal) || name.StartsWith("battery", StringComparison.Ordinal));
    }
}
