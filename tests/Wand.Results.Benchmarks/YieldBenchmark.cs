using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Wand.Host.Results;
using Wand.Host.Results.PostgreSql;
using Wand.Host.Results.Sqlite;
using Wand.Host.Results.Yield;
using Wand.Host.TestRuns.Records;
using Wand.TestRuns.Tests;

namespace Wand.Results.Benchmarks;

/// <summary>The yield analysis and the HTML dashboard over many stored runs (target: 100,000 runs in at most 5 s), in each store.</summary>
internal static class YieldBenchmark
{
    private const int Repeats = 3;

    public static async Task RunAsync(Databases databases, int runs)
    {
        Console.WriteLine($"Yield analysis and dashboard over {runs:N0} synthetic runs (7 measurements each), best and worst of {Repeats}:");
        string path = Databases.NewFile();
        try
        {
            await using SqliteResultsStore sqlite = await SqliteResultsStore.OpenAsync(path);
            await FillAsync(sqlite, runs, 1, sqlite.SaveRunsAsync);
            await MeasureAsync("SQLite file", sqlite, runs);
        }
        finally
        {
            Databases.Delete(path);
        }

        await using PostgreSqlResultsStore server = await PostgreSqlResultsStore.OpenAsync(await databases.CreateServerDatabaseAsync());
        await FillAsync(server, runs, 4, server.SaveRunsAsync);
        await MeasureAsync("PostgreSQL", server, runs);
    }

    /// <summary>Fills a store in batches of 1,000 runs per transaction, from several connections at once.</summary>
    private static async Task FillAsync(IResultsStore store, int runs, int connections, Func<IReadOnlyList<TestRecord>, System.Threading.CancellationToken, Task> saveBatch)
    {
        Stopwatch clock = Stopwatch.StartNew();
        TestRecord[][] batches = SyntheticRuns.Line(runs).Chunk(1000).ToArray();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(connection => Task.Run(async () =>
        {
            for (int index = connection; index < batches.Length; index += connections)
            {
                await saveBatch(batches[index], default);
            }
        })));
        Console.WriteLine($"  filled {store.Location} with {runs:N0} runs in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task MeasureAsync(string name, IResultsStore store, int runs)
    {
        List<double> seconds = [];
        List<double> processor = [];
        YieldReport? report = null;
        int length = 0;
        using Process self = Process.GetCurrentProcess();
        for (int repeat = 0; repeat < Repeats; repeat++)
        {
            self.Refresh();
            TimeSpan processorBefore = self.TotalProcessorTime;
            Stopwatch clock = Stopwatch.StartNew();
            report = await store.AnalyzeYieldAsync(new YieldFilter());
            length = YieldDashboardWriter.Render(report).Length;
            seconds.Add(clock.Elapsed.TotalSeconds);
            self.Refresh();
            processor.Add((self.TotalProcessorTime - processorBefore).TotalSeconds);
        }

        // On a loaded machine the wall time includes waiting for a core; the harness's own processor time does not
        // (it includes SQLite, which runs in-process, but not the PostgreSQL server's work).
        Console.WriteLine($"  {name,-12} dashboard in {seconds.Min():F2} s wall (worst {seconds.Max():F2} s), {processor.Min():F2} s of this process's processor time, for {report!.Overall.Runs:N0} runs, {report.Overall.Units:N0} units, first-pass yield {YieldDashboardWriter.Percent(report.Overall.FirstPassYield)}, final {YieldDashboardWriter.Percent(report.Overall.FinalYield)}; page {length:N0} characters");
        if (report.Overall.Runs != runs)
        {
            throw new InvalidOperationException($"The analysis saw {report.Overall.Runs} runs, not {runs}.");
        }
    }
}
