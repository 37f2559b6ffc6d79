using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wand.Simulation;

// Speed of the virtual board (physics alone) and of the real firmware on it, against real time.
// Usage: dotnet run -c Release --project tests/Wand.Simulation.Benchmarks [-- --repeat N]
// Target (hardware/requirements.md, targets): ≥ 10,000 × real time, a 15-minute session in < 100 ms.
int repeat = 15;
for (int index = 0; index < args.Length; index++)
{
    if (args[index] == "--repeat" && index + 1 < args.Length && int.TryParse(args[index + 1], NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0)
    {
        repeat = value;
        index++;
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[index]}'. Usage: [--repeat N] (N ≥ 1, default 15).");
        return 2;
    }
}

#if DEBUG
Console.Error.WriteLine("Warning: a Debug build; figures are only meaningful with -c Release.");
#endif

Report("board physics alone, default 5 ms step, 15 min", repeat, () => SpeedMeasurement.MeasureBoard(new VirtualBoardOptions { MotorSpread = 0.25 }, SpeedMeasurement.FifteenMinutes));
Report("board physics alone, 1 ms step, 15 min", repeat, () => SpeedMeasurement.MeasureBoard(new VirtualBoardOptions { MotorSpread = 0.25, PhysicsStepMilliseconds = 1 }, SpeedMeasurement.FifteenMinutes));
Report("firmware + board (the virtual wand), default 5 ms step, 15-min session", repeat, () => SpeedMeasurement.MeasureSession(new VirtualBoardOptions { MotorSpread = 0.25 }));
Report("firmware + board (the virtual wand), 1 ms step, 15-min session", repeat, () => SpeedMeasurement.MeasureSession(new VirtualBoardOptions { MotorSpread = 0.25, PhysicsStepMilliseconds = 1 }));
return 0;

static void Report(string name, int repeat, Func<SpeedReport> measure)
{
    measure();
    List<SpeedReport> runs = new();
    for (int run = 0; run < repeat; run++)
    {
        runs.Add(measure());
    }

    runs.Sort((a, b) => a.WallMilliseconds.CompareTo(b.WallMilliseconds));
    SpeedReport median = runs[runs.Count / 2];
    SpeedReport best = runs[0];
    Console.WriteLine(name);
    Console.WriteLine(FormattableString.Invariant(
        $"  virtual {median.VirtualMilliseconds / 1000.0:F0} s, {median.ControlTicks} ticks, {median.PhysicsSteps} physics steps"));
    Console.WriteLine(FormattableString.Invariant(
        $"  wall median {median.WallMilliseconds:F1} ms (best {best.WallMilliseconds:F1} ms) over {repeat} runs"));
    Console.WriteLine(FormattableString.Invariant(
        $"  {median.RealTimeRatio:N0} x real time (best {best.RealTimeRatio:N0} x), {median.StepsPerSecond / 1e6:F1} M steps/s, {median.TicksPerSecond / 1e3:F0} k ticks/s"));
    Console.WriteLine(FormattableString.Invariant(
        $"  allocated {runs.Max(r => r.AllocatedBytes)} bytes (worst run), {median.BytesPerTick:F2} bytes/tick"));
}
