using System;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using Wand.Cli.Benchmarks;

// Rerunnable speed harness for the wand CLI (not a timed test):
//   dotnet run --project tests/Wand.Cli.Benchmarks -c Release            both benchmarks
//   dotnet run --project tests/Wand.Cli.Benchmarks -c Release -- startup [RUNS]
//   dotnet run --project tests/Wand.Cli.Benchmarks -c Release -- roundtrip [SECONDS]
string mode = args.Length > 0 ? args[0] : "all";
string root = FindRepositoryRoot();
if (mode is "all" or "startup")
{
    int runs = mode == "startup" && args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
    StartupBenchmark.Run(root, runs);
}

if (mode is "all" or "roundtrip")
{
    double seconds = mode == "roundtrip" && args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 3;
    Console.WriteLine($"Round trips over the loopback link ({seconds} s each, status reads back to back):");
    await RoundTripBenchmark.RunAsync(TimeSpan.FromSeconds(seconds));
}

static string FindRepositoryRoot()
{
    string? directory = AppContext.BaseDirectory;
    while (directory is not null && !File.Exists(Path.Combine(directory, "WandFirmware.sln")))
    {
        directory = Path.GetDirectoryName(directory);
    }

    return directory ?? throw new InvalidOperationException("Run the harness from inside the repository.");
}
