using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Running;
using Wand.Simulation;

namespace Wand.Safety.Benchmarks;

/// <summary>
/// The shipped end-of-line plan over a population of virtual wands (documented part tolerances, ±25 % motors, sensor
/// and motor calibration as the station writes them), boards in parallel in virtual time: first-pass yield of good
/// units with every failing measurement, then every seeded defect class with its detection rate and the measurements
/// that caught it, and the wall time of the good population's runs.
/// </summary>
internal static class EndOfLineBenchmark
{
    /// <summary>First seed of the good population; defect classes start at their own offsets.</summary>
    private const ulong GoodSeedBase = 3_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        int boards = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
        int perDefect = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        string planPath = Path.Combine(AppContext.BaseDirectory, "plans", "end-of-line.yaml");
        TestPlan plan = PlanLoader.Load(planPath);
        int cores = Environment.ProcessorCount;

        // Warm-up (JIT) on a few units, not counted.
        await EndOfLinePopulation.RunAsync(plan, Units(GoodSeedBase - 10, 4, BoardDefect.None), cores, CancellationToken.None);

        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        Stopwatch watch = Stopwatch.StartNew();
        UnitResult[] good = await EndOfLinePopulation.RunAsync(plan, Units(GoodSeedBase, boards, BoardDefect.None), cores, CancellationToken.None);
        watch.Stop();
        TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        int passed = good.Count(unit => unit.Passed);
        Console.WriteLine(Invariant($"End-of-line plan, {boards} good units (documented tolerances, ±25 % motors, sensor- and motor-calibrated): {watch.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU, {cores} cores, {watch.Elapsed.TotalMilliseconds / boards:F1} ms wall per unit"));
        Console.WriteLine(Invariant($"  first-pass yield {passed} / {boards} = {100.0 * passed / boards:F2} % (target ≥ 99.5 %)"));
        PrintCounts("  failing measurements", good.SelectMany(unit => unit.FailedMeasurements));
        PrintCounts("  marginal measurements", good.SelectMany(unit => unit.MarginalMeasurements));
        foreach (UnitResult unit in good.Where(unit => !unit.Passed).Take(20))
        {
            Console.WriteLine(Invariant($"    seed {unit.Seed}: {unit.Outcome}: {string.Join("; ", unit.Failures)} {(unit.Failures.Count == 0 ? unit.Details : string.Empty)}"));
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"Seeded defects, {perDefect} units per class (sim:seed=N,motor-spread=0.25,defect=NAME):"));
        ulong offset = 4_000_000;
        bool allCaught = true;
        foreach (BoardDefect defect in BoardDefects.All)
        {
            Stopwatch defectWatch = Stopwatch.StartNew();
            UnitResult[] units = await EndOfLinePopulation.RunAsync(plan, Units(offset, perDefect, defect), cores, CancellationToken.None);
            defectWatch.Stop();
            offset += 1_000_000;
            int caught = units.Count(unit => !unit.Passed);
            allCaught &= caught == perDefect;
            Console.WriteLine(Invariant($"  {BoardDefects.Name(defect),-24} failed {caught} / {perDefect} = {100.0 * caught / perDefect:F1} % ({defectWatch.Elapsed.TotalSeconds:F1} s wall)"));
            PrintCounts("    failing measurements", units.SelectMany(unit => unit.FailedMeasurements));
            foreach (UnitResult unit in units.Where(unit => unit.Passed).Take(5))
            {
                Console.WriteLine(Invariant($"    escaped: seed {unit.Seed}"));
            }
        }

        return passed * 1000 >= boards * 995 && allCaught ? 0 : 1;
    }

    private static List<SimulatedWandOptions> Units(ulong first, int count, BoardDefect defect)
        => Enumerable.Range(0, count).Select(index => EndOfLinePopulation.Unit(first + (ulong)index, defect)).ToList();

    /// <summary>Prints each name with how often it occurs, most frequent first.</summary>
    internal static void PrintCounts(string title, IEnumerable<string> names)
    {
        List<(string Name, int Count)> counts = names.GroupBy(name => name).Select(group => (group.Key, group.Count())).OrderByDescending(item => item.Item2).ToList();
        Console.WriteLine(counts.Count == 0 ? title + ": none" : title + ": " + string.Join(", ", counts.Select(item => Invariant($"{item.Name} × {item.Count}"))));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
