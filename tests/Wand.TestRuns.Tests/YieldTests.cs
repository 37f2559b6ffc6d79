using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Host.Results;
using Wand.Host.Results.Sqlite;
using Wand.Host.Results.Yield;
using Wand.Host.TestRuns.Records;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>HC-6 yield and capability over a station's SQLite file, against numbers worked out by hand.</summary>
public sealed class YieldTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly string path = Path.Combine(Path.GetTempPath(), "wand-yield-" + Guid.NewGuid().ToString("N"), "station.sqlite");
    private int runs;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Path.GetDirectoryName(path)))
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task HC6_Yield_CountsFirstPassFinalAndRetestsPerUnitSerial()
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        // WAND-1 passes; WAND-2 fails then passes on the rework station; WAND-3 fails three times; two runs without a
        // readable serial (each its own unit); WAND-1 again under another plan (another unit).
        await SaveAsync(store, "WAND-1", true, "eol-01", 0);
        await SaveAsync(store, "WAND-2", false, "eol-02", 1);
        await SaveAsync(store, "WAND-3", false, "eol-01", 2);
        await SaveAsync(store, "WAND-2", true, "eol-rework", 3);
        await SaveAsync(store, "WAND-3", false, "eol-rework", 4);
        await SaveAsync(store, "WAND-3", false, "eol-rework", 60 * 24);
        await SaveAsync(store, "UNKNOWN", false, "eol-02", 5);
        await SaveAsync(store, "UNKNOWN", true, "eol-02", 6);
        await SaveAsync(store, "WAND-1", true, "eol-01", 7, plan: "smoke");

        YieldReport report = await store.AnalyzeYieldAsync(new YieldFilter());

        Assert.Equal(new YieldGroup("all", 6, 3, 4, 9), report.Overall);
        Assert.Equal(3, report.Overall.Retests);
        Assert.Equal(0.5, report.Overall.FirstPassYield);
        Assert.Equal([new YieldGroup("end-of-line", 5, 2, 3, 8), new YieldGroup("smoke", 1, 1, 1, 1)], report.ByPlan);

        // A unit belongs to the station, day and firmware of its first run: WAND-2's retest counts for eol-02.
        Assert.Equal([new YieldGroup("eol-01", 3, 2, 2, 5), new YieldGroup("eol-02", 3, 1, 2, 4)], report.ByStation);
        Assert.Equal([new YieldGroup("2026-11-02", 6, 3, 4, 9)], report.ByDay);
        Assert.Equal(["measure-b", "measure-a"], report.Pareto.Select(entry => entry.Measurement));
        Assert.Equal([5, 3], report.Pareto.Select(entry => entry.Failures));
        Assert.Equal(1.0, report.Pareto[^1].CumulativeShare, 12);
    }

    [Fact]
    public async Task HC6_Capability_MatchesTheMovingRangeAndSampleDeviationFormulas()
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        // Values 1, 2, 3, 5, 4 in time order against limits [0, 6]: μ = 3, s = √(10/4), MR̄ = (1 + 1 + 2 + 1) / 4.
        double[] values = [1, 2, 3, 5, 4];
        for (int index = 0; index < values.Length; index++)
        {
            await SaveAsync(store, $"WAND-{index}", true, "eol-01", index, value: values[index]);
        }

        CapabilityEntry entry = Assert.Single((await store.AnalyzeYieldAsync(new YieldFilter())).Capability, item => item.Measurement == "measure-a");

        double sigma = Math.Sqrt(10.0 / 4);
        double within = 1.25 / 1.128;
        Assert.Equal(5, entry.Count);
        Assert.Equal(3, entry.Mean, 12);
        Assert.Equal(sigma, entry.SigmaOverall!.Value, 12);
        Assert.Equal(within, entry.SigmaWithin!.Value, 12);
        Assert.Equal(3 / (3 * sigma), entry.Ppk!.Value, 12);
        Assert.Equal(3 / (3 * within), entry.Cpk!.Value, 12);
        Assert.Equal((0.0, 6.0), (entry.Minimum, entry.Maximum));
        MeasurementHistogram histogram = Assert.Single((await store.AnalyzeYieldAsync(new YieldFilter())).Histograms, item => item.Measurement == "measure-a");
        Assert.Equal(5, histogram.Counts.Sum());
        Assert.Equal(0, histogram.Low);
    }

    [Fact]
    public void HC6_Capability_OneSidedLimitUsesItsSideOnly_NoLimitsGivesNoIndex()
    {
        Assert.Equal((3.0 - 2.4) / (3 * 0.1), CapabilityMath.Index(2.4, 0.1, null, 3.0)!.Value, 12);
        Assert.Equal((2.4 - 2.0) / (3 * 0.1), CapabilityMath.Index(2.4, 0.1, 2.0, null)!.Value, 12);
        Assert.Null(CapabilityMath.Index(2.4, 0.1, null, null));
        Assert.Null(CapabilityMath.Index(2.4, 0, 2.0, 3.0));
    }

    [Fact]
    public async Task HC6_Yield_FiltersByStationAndDateRange()
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        await SaveAsync(store, "WAND-1", true, "eol-01", 0);
        await SaveAsync(store, "WAND-2", false, "eol-02", 60 * 24);
        await SaveAsync(store, "WAND-3", true, "eol-02", 60 * 48);

        YieldReport station = await store.AnalyzeYieldAsync(new YieldFilter { StationId = "eol-02" });
        YieldReport tuesday = await store.AnalyzeYieldAsync(new YieldFilter { FromUtc = new DateTimeOffset(2026, 11, 3, 0, 0, 0, TimeSpan.Zero), UntilUtc = new DateTimeOffset(2026, 11, 4, 0, 0, 0, TimeSpan.Zero) });

        Assert.Equal(new YieldGroup("all", 2, 1, 1, 2), station.Overall);
        Assert.Equal(new YieldGroup("all", 1, 0, 0, 1), tuesday.Overall);
        Assert.Equal("2026-11-03", Assert.Single(tuesday.ByDay).Key);
        await Assert.ThrowsAsync<ArgumentException>(() => store.AnalyzeYieldAsync(new YieldFilter { FromUtc = Monday, UntilUtc = Monday }));
    }

    [Fact]
    public async Task HC6_YieldCsv_HoldsTheReportsNumbers()
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        foreach (TestRecord record in SyntheticRuns.Line(120))
        {
            await store.SaveRunAsync(record);
        }

        YieldReport report = await store.AnalyzeYieldAsync(new YieldFilter());
        Dictionary<string, string> files = YieldCsvWriter.Render(report).ToDictionary(file => file.FileName, file => file.Content);

        string[] overall = files["yield.csv"].Split("\r\n")[1].Split(',');
        Assert.Equal(["all", "all", $"{report.Overall.Units}", $"{report.Overall.FirstPassUnits}"], overall[..4]);
        Assert.Equal(report.Overall.FirstPassYield, double.Parse(overall[4], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(report.Pareto.Count + 2, files["pareto.csv"].Split("\r\n").Length);
        string[] firstCapability = files["capability.csv"].Split("\r\n")[1].Split(',');
        Assert.Equal(report.Capability.Count + 2, files["capability.csv"].Split("\r\n").Length);
        Assert.Equal([report.Capability[0].Measurement, report.Capability[0].Units], firstCapability[..2]);
        Assert.Equal($"{report.Capability[0].Count}", firstCapability[4]);
        Assert.Equal(120, report.Overall.Runs);
    }

    private async Task SaveAsync(SqliteResultsStore store, string serial, bool pass, string station, int minutes, string plan = "end-of-line", double value = 1)
    {
        runs++;
        await store.SaveRunAsync(new TestRecord
        {
            RunId = runs.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
            PlanName = plan,
            StationId = station,
            DutSerial = serial,
            FirmwareRevision = "1.0.4",
            StartedUtc = Monday.AddMinutes(minutes),
            Outcome = pass ? RunOutcome.Pass : RunOutcome.Fail,
            Phases =
            [
                new PhaseRecord
                {
                    Name = "measure",
                    Measurements =
                    [
                        new MeasurementRecord { Name = "measure-a", Units = "V", NumericValue = value, Minimum = 0, Maximum = 6, Outcome = pass || runs % 2 == 0 ? MeasurementOutcome.Pass : MeasurementOutcome.Fail },
                        new MeasurementRecord { Name = "measure-b", Units = "g", NumericValue = pass ? 0.3 : 0.1, Minimum = 0.2, Outcome = pass ? MeasurementOutcome.Pass : MeasurementOutcome.Fail },
                    ],
                },
            ],
        });
    }
}
