using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.TestRunStep;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Running;
using Wand.Host.TestRuns.Steps;

namespace Wand.Safety.Benchmarks;

/// <summary>
/// Units as they come from assembly (no sensor, no motor calibration) through the station's plans in order: sensor
/// calibration through the fixture (SR-18), motor calibration through the jig (MD-2), end-of-line. Documented part
/// tolerances, ±25 % motors, units in parallel in virtual time. Prints the first-pass yield over the whole line, every
/// failing measurement, and the wall and CPU time.
/// </summary>
internal static class StationLineBenchmark
{
    private const ulong SeedBase = 5_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        int boards = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        StepRegistry steps = StepRegistry.CreateDefault().Add(new CalibrationStepKind()).Add(new SensorCalibrationStepKind());
        TestPlan[] line = new[] { "sensor-calibration.yaml", "calibration.yaml", "end-of-line.yaml" }
            .Select(name => PlanLoader.Load(Path.Combine(AppContext.BaseDirectory, "plans", name), steps)).ToArray();
        int cores = Environment.ProcessorCount;

        // Warm-up (JIT) on a few units, not counted.
        await EndOfLinePopulation.RunAsync(line, Units(SeedBase - 10, 4), cores, CancellationToken.None);

        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        Stopwatch watch = Stopwatch.StartNew();
        UnitResult[] units = await EndOfLinePopulation.RunAsync(line, Units(SeedBase, boards), cores, CancellationToken.None);
        watch.Stop();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        int passed = units.Count(unit => unit.Passed);
        Console.WriteLine(Invariant($"Station line (sensor calibration, motor calibration, end-of-line), {boards} units from assembly: {watch.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU, {cores} cores, {watch.Elapsed.TotalMilliseconds / boards:F1} ms wall per unit"));
        Console.WriteLine(Invariant($"  first-pass yield {passed} / {boards} = {100.0 * passed / boards:F2} % (target ≥ 99.5 %)"));
        EndOfLineBenchmark.PrintCounts("  failing measurements", units.SelectMany(unit => unit.FailedMeasurements));
        EndOfLineBenchmark.PrintCounts("  marginal measurements", units.SelectMany(unit => unit.MarginalMeasurements));
        foreach (UnitResult unit in units.Where(unit => !unit.Passed).Take(20))
        {
            Console.WriteLine(Invariant($"    seed {unit.Seed}: {unit.Outcome}: {string.Join("; ", unit.Failures)} {(unit.Failures.Count == 0 ? unit.Details : string.Empty)}"));
        }

        return passed * 1000 >= boards * 995 ? 0 : 1;
    }

    private static List<SimulatedWandOptions> Units(ulong first, int count)
        => Enumerable.Range(0, count).Select(index => EndOfLinePopulation.UncalibratedUnit(first + (ulong)index)).ToList();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
