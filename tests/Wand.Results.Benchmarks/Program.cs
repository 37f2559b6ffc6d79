using System;
using System.Globalization;
using System.Threading.Tasks;
using Wand.Results.Benchmarks;

// Rerunnable speed harness for the results stores (not a timed test). It starts a private PostgreSQL server
// (Debian's postgresql, as .ci/run installs it) unless --postgres URI names one.
//   dotnet run --project tests/Wand.Results.Benchmarks -c Release                 everything
//   dotnet run --project tests/Wand.Results.Benchmarks -c Release -- store [RUNS]  runs stored per second, each store
//   dotnet run --project tests/Wand.Results.Benchmarks -c Release -- bytes         bytes per end-of-line run
//   dotnet run --project tests/Wand.Results.Benchmarks -c Release -- yield [RUNS]  yield and dashboard over RUNS (100000)
string mode = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "all";
int? count = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out int parsed) ? parsed : null;
int postgresIndex = Array.IndexOf(args, "--postgres");
string? postgres = postgresIndex >= 0 && postgresIndex + 1 < args.Length ? args[postgresIndex + 1] : null;

PrivateServer? server = postgres == null && mode != "bytes" ? await PrivateServer.StartAsync() : null;
try
{
    string? serverLocation = postgres ?? server?.Location;
    if (mode is "all" or "bytes")
    {
        await StoreSizeBenchmark.RunAsync();
    }

    if (mode is "all" or "store")
    {
        await StoreRateBenchmark.RunAsync(new Databases(serverLocation!), count ?? 2000);
    }

    if (mode is "all" or "yield")
    {
        await YieldBenchmark.RunAsync(new Databases(serverLocation!), count ?? 100_000);
    }
}
finally
{
    if (server != null)
    {
        await server.DisposeAsync();
    }
}
