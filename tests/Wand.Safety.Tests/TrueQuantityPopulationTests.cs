using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Wand.Simulation;
using Xunit;

namespace Wand.Safety.Tests;

/// <summary>
/// SR-18 over a population of virtual boards whose parts are drawn within the documented tolerances: the thermal trip,
/// the derate start and the battery cut-off act on the true quantity. CI runs 200 boards of each kind; the benchmark
/// (tests/Wand.Safety.Benchmarks) runs 1,000 and prints the distributions.
/// </summary>
public class TrueQuantityPopulationTests
{
    /// <summary>Boards per population; override with WAND_POPULATION_BOARDS.</summary>
    private static int Boards =>
        int.TryParse(Environment.GetEnvironmentVariable("WAND_POPULATION_BOARDS"), out int count) && count > 0 ? count : 200;

    [Fact]
    public void SR18_SR7_SR8_CalibratedUnitsTripAt41Point0Plus0Point5DerateFrom38Point5AndCutOffAt3Point40Plus0Point03True()
    {
        IReadOnlyList<TrueLimitMeasurement.Result> results = Measure(sensorCalibrated: true);
        foreach (TrueLimitMeasurement.Result result in results)
        {
            Assert.True(Math.Abs(result.TripCelsius - 41.0) <= 0.5, $"board {result.Seed}: trip at {result.TripCelsius:F2} °C true");
            Assert.True(result.DerateStartCelsius >= 38.5, $"board {result.Seed}: derating from {result.DerateStartCelsius:F2} °C true");
            Assert.True(Math.Abs(result.CutoffVolts - 3.40) <= 0.03, $"board {result.Seed}: cut-off at {result.CutoffVolts:F3} V true");
        }
    }

    [Fact]
    public void SR18_SR7_SR8_UncalibratedUnitsTripAtOrBelow41TrueAndCutOffAtOrAbove3Point40True()
    {
        IReadOnlyList<TrueLimitMeasurement.Result> results = Measure(sensorCalibrated: false);
        foreach (TrueLimitMeasurement.Result result in results)
        {
            Assert.True(result.TripCelsius <= 41.0, $"board {result.Seed}: trip at {result.TripCelsius:F2} °C true");
            Assert.True(result.CutoffVolts >= 3.40, $"board {result.Seed}: cut-off at {result.CutoffVolts:F3} V true");
        }

        // The shift is what makes it hold: some units read far enough off that the default limits would not have acted.
        Assert.Contains(results, result => result.TripCelsius < 38.0);
    }

    private static IReadOnlyList<TrueLimitMeasurement.Result> Measure(bool sensorCalibrated)
    {
        TrueLimitMeasurement.Result[] results = new TrueLimitMeasurement.Result[Boards];
        Parallel.For(0, Boards, new ParallelOptions { MaxDegreeOfParallelism = 2 }, index =>
            results[index] = TrueLimitMeasurement.Measure((ulong)(100_000 + index), sensorCalibrated));
        return results;
    }
}
