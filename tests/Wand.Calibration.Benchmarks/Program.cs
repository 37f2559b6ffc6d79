using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Wand.Calibration.Tests;
using Wand.Core.Board;
using Wand.Host.Calibration;
using Wand.Host.Links.Simulated;

namespace Wand.Calibration.Benchmarks;

/// <summary>
/// Calibrates a population of simulated units (seeds 1..N, motor spread ±25 % by default) and prints the calibration
/// time per unit in virtual time and the accuracy of every level, judged by the motor's true amplitude in a normal
/// session after calibration (hardware/requirements.md, targets: ≤ 8 s per unit, every level within ±5 %).
/// </summary>
public static class Program
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="args">Optional: number of units (default 500) and spread (default 0.25).</param>
    /// <returns>0 when every unit passed and met both targets, 1 otherwise.</returns>
    public static async Task<int> Main(string[] args)
    {
        int units = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        double spread = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.25;
        List<UnitOutcome> outcomes = [];
        Stopwatch wall = Stopwatch.StartNew();
        for (ulong seed = 1; seed <= (ulong)units; seed++)
        {
            outcomes.Add(await PopulationRunner.CalibrateAndCheckAsync(new SimulatedWandOptions { Seed = seed, MotorSpread = spread, Calibrated = false }));
        }

        wall.Stop();
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Console.WriteLine($"Calibration benchmark: {units} simulated units, motor spread ±{spread:P0} (start voltage, gain, time constant)");
        Console.WriteLine($"Passed: {outcomes.Count(unit => unit.Result.Outcome == CalibrationOutcome.Pass)} / {units}");
        double[] times = outcomes.Select(unit => (double)unit.Result.DurationMilliseconds).Order().ToArray();
        Console.WriteLine();
        Console.WriteLine("| calibration time per unit (virtual) | min | median | p95 | max | target |");
        Console.WriteLine("|---|---|---|---|---|---|");
        Console.WriteLine($"| seconds | {times[0] / 1000:0.00} | {Percentile(times, 0.5) / 1000:0.00} | {Percentile(times, 0.95) / 1000:0.00} | {times[^1] / 1000:0.00} | ≤ 8 |");
        Console.WriteLine();
        Console.WriteLine("| level | target g | mean error | std dev | p95 \\|error\\| | max \\|error\\| | within ±5 % |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            double[] errors = outcomes.Select(unit => unit.RelativeError(level)).ToArray();
            double mean = errors.Average();
            double deviation = Math.Sqrt(errors.Sum(error => (error - mean) * (error - mean)) / errors.Length);
            double[] magnitudes = errors.Select(Math.Abs).Order().ToArray();
            Console.WriteLine($"| {level} | {LevelTargets.Product.AmplitudeG(level):0.0000} | {mean:+0.00%;-0.00%} | {deviation:0.00%} | {Percentile(magnitudes, 0.95):0.00%} | {magnitudes[^1]:0.00%} | {magnitudes.Count(error => error <= 0.05)} / {units} |");
        }

        double[] worst = outcomes.Select(unit => unit.WorstError).Order().ToArray();
        Console.WriteLine();
        Console.WriteLine("Worst level per unit, |error|: " + string.Join(", ", new[] { 0.01, 0.02, 0.03, 0.04, 0.05 }.Select(limit => $"≤ {limit:P0}: {worst.Count(error => error <= limit)}")));
        Console.WriteLine($"Top level drive: max {outcomes.Max(unit => unit.TopMillivolts)} mV (ceiling {SafetyLimits.DefaultRatedMotorMillivolts} mV)");
        Console.WriteLine($"Wall time: {wall.Elapsed.TotalSeconds:0.0} s for {units} units ({wall.Elapsed.TotalMilliseconds / units:0.0} ms per unit, calibration plus the session check)");
        bool met = outcomes.All(unit => unit.Result.Outcome == CalibrationOutcome.Pass) && times[^1] <= 8000 && worst[^1] <= 0.05
            && outcomes.All(unit => unit.TopMillivolts <= SafetyLimits.DefaultRatedMotorMillivolts);
        Console.WriteLine(met ? "Targets met." : "Targets MISSED.");
        return met ? 0 : 1;
    }

    private static double Percentile(double[] sorted, double fraction)
    {
        double position = fraction * (sorted.Length - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + ((sorted[upper] - sorted[lower]) * (position - lower));
    }
}
