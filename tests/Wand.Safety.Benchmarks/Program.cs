// Where the limits act on the true quantity (SR-18) over a population of virtual boards whose parts are drawn within the
// documented tolerances (hardware/limits.md, uncertainty budget), calibrated and uncalibrated:
//
//   dotnet run -c Release --project tests/Wand.Safety.Benchmarks [-- BOARDS]
//
// Prints min, p1, median, p99 and max of the true trip temperature, the true derate start and the true battery
// cut-off voltage, the count outside the targets, and the wall time. Boards run in parallel, in virtual time.
//
// The end-of-line population (first-pass yield of good units and detection of every seeded defect class, see
// EndOfLineBenchmark.cs):
//
//   dotnet run -c Release --project tests/Wand.Safety.Benchmarks -- end-of-line [BOARDS] [UNITS-PER-DEFECT]
//
// Units from assembly through the station's own plans (sensor calibration, motor calibration, end-of-line; see
// StationLineBenchmark.cs):
//
//   dotnet run -c Release --project tests/Wand.Safety.Benchmarks -- station-line [BOARDS]
using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Wand.Simulation;

if (args.Length > 0 && args[0] == "end-of-line")
{
    return await Wand.Safety.Benchmarks.EndOfLineBenchmark.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "station-line")
{
    return await Wand.Safety.Benchmarks.StationLineBenchmark.RunAsync(args[1..]);
}

int boards = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
foreach (bool calibrated in new[] { true, false })
{
    Stopwatch watch = Stopwatch.StartNew();
    TrueLimitMeasurement.Result[] results = new TrueLimitMeasurement.Result[boards];
    Parallel.For(0, boards, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, index =>
        results[index] = TrueLimitMeasurement.Measure((ulong)(1_000_000 + index), calibrated));
    watch.Stop();
    Console.WriteLine(calibrated
        ? $"Sensor-calibrated units, {boards} boards ({watch.Elapsed.TotalSeconds:F1} s wall, {Environment.ProcessorCount} cores)"
        : $"Units without sensor calibration (limits shifted), {boards} boards ({watch.Elapsed.TotalSeconds:F1} s wall)");
    Print("thermal trip, true °C", results.Select(result => result.TripCelsius).ToArray(), "F2");
    Print("derate start, true °C", results.Select(result => result.DerateStartCelsius).ToArray(), "F2");
    Print("battery cut-off, true V", results.Select(result => result.CutoffVolts).ToArray(), "F3");
    if (calibrated)
    {
        Console.WriteLine($"  outside targets: trip not 41.0 ± 0.5 °C: {results.Count(r => Math.Abs(r.TripCelsius - 41.0) > 0.5)}; derate below 38.5 °C: {results.Count(r => r.DerateStartCelsius < 38.5)}; cut-off not 3.40 ± 0.03 V: {results.Count(r => Math.Abs(r.CutoffVolts - 3.40) > 0.03)}");
    }
    else
    {
        Console.WriteLine($"  outside targets: trip above 41.0 °C: {results.Count(r => r.TripCelsius > 41.0)}; cut-off below 3.40 V: {results.Count(r => r.CutoffVolts < 3.40)}");
    }

    Console.WriteLine();
}

return 0;

static void Print(string name, double[] values, string format)
{
    double[] sorted = values.OrderBy(value => value).ToArray();
    double At(double fraction) => sorted[(int)Math.Round(fraction * (sorted.Length - 1))];
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"  {name,-26} min {sorted[0].ToString(format, CultureInfo.InvariantCulture)}  p1 {At(0.01).ToString(format, CultureInfo.InvariantCulture)}  median {At(0.5).ToString(format, CultureInfo.InvariantCulture)}  p99 {At(0.99).ToString(format, CultureInfo.InvariantCulture)}  max {sorted[^1].ToString(format, CultureInfo.InvariantCulture)}"));
}
