using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Wand.Host.Results;
using Wand.Host.Results.PostgreSql;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Records;
using Wand.TestRuns.Tests;

namespace Wand.Results.Benchmarks;

/// <summary>Runs stored per second, one transaction each: small synthetic runs and full end-of-line runs, into each store.</summary>
internal static class StoreRateBenchmark
{
    public static async Task RunAsync(Databases databases, int runs)
    {
        List<TestRecord> small = SyntheticRuns.Line(runs).ToList();
        TestRecord endOfLine = await EndOfLineRecords.RunOnceAsync();
        List<TestRecord> full = EndOfLineRecords.Copies(endOfLine, Math.Max(1, runs / 4));
        Console.WriteLine($"Runs stored per second (one transaction per run; {small.Count} synthetic runs of 7 measurements, {full.Count} end-of-line runs of {endOfLine.Phases.Sum(phase => phase.Measurements.Count)} measurements and {endOfLine.Series.Count} series):");
        foreach ((string name, List<TestRecord> records) in new[] { ("synthetic", small), ("end-of-line", full) })
        {
            string path = Databases.NewFile();
            try
            {
                await using SqliteResultsStore sqlite = await SqliteResultsStore.OpenAsync(path);
                Report($"SQLite file, {name}", records.Count, await TimeAsync(sqlite, records, 1));
            }
            finally
            {
                Databases.Delete(path);
            }

            await using PostgreSqlResultsStore single = await PostgreSqlResultsStore.OpenAsync(await databases.CreateServerDatabaseAsync());
            Report($"PostgreSQL, one station, {name}", records.Count, await TimeAsync(single, records, 1));
            await using PostgreSqlResultsStore eight = await PostgreSqlResultsStore.OpenAsync(await databases.CreateServerDatabaseAsync());
            Report($"PostgreSQL, 8 stations at once, {name}", records.Count, await TimeAsync(eight, records, 8));
        }
    }

    private static async Task<TimeSpan> TimeAsync(IResultsStore store, List<TestRecord> records, int stations)
    {
        Stopwatch clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, stations).Select(station => Task.Run(async () =>
        {
            for (int index = station; index < records.Count; index += stations)
            {
                await store.SaveRunAsync(records[index]);
            }
        })));
        return clock.Elapsed;
    }

    private static void Report(string what, int runs, TimeSpan elapsed)
        => Console.WriteLine($"  {what,-44} {runs / elapsed.TotalSeconds,8:N0} runs/s ({runs} runs in {elapsed.TotalSeconds:F2} s)");
}
