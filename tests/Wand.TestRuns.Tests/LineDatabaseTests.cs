using System;
using System.CommandLine;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Cli;
using Wand.Host.Results;
using Wand.Host.Results.PostgreSql;
using Wand.Host.Results.Sqlite;
using Wand.Host.Results.Yield;
using Wand.Host.TestRuns.Records;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>HC-6 with a line of stations: forwarding after each run through an outage of the real server, and the yield analysis giving the same numbers from a station's file and from the line database.</summary>
public sealed class LineDatabaseTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "wand-line-" + Guid.NewGuid().ToString("N"));

    private string Station => Path.Combine(folder, "eol-03.sqlite");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task HC6_TestRun_LineDatabaseDown_KeepsTheRunAndForwardsEveryRunOnceWhenItIsBack()
    {
        string line = await server.CreateDatabaseAsync();
        string[] run = ["test", "run", PlanRunning.PlanPath("smoke.yaml"), "--report-dir", Path.Combine(folder, "reports"), "--results", Station, "--station", "eol-03", "--forward-to", line];

        await server.StopAsync();
        (int whileDown, _, string downError) = await RunAsync(run);
        (int listCode, string pendingList, _) = await RunAsync("results", "list", "--results", Station, "--pending");
        await server.StartAsync();
        (int whenBack, string backOutput, _) = await RunAsync(["--json", .. run]);
        (_, string forwardedList, _) = await RunAsync("results", "list", "--results", Station);
        (int syncCode, string sync, _) = await RunAsync("results", "sync", "--results", Station, "--to", line);

        Assert.Equal((int)ExitCode.Success, whileDown);
        Assert.Contains("not yet in the line database", downError, StringComparison.Ordinal);
        Assert.Contains("1 run(s) wait", downError, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.Success, listCode);
        Assert.Contains("PENDING", pendingList, StringComparison.Ordinal);
        Assert.Contains("1 run(s) not yet forwarded", pendingList, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.Success, whenBack);
        using JsonDocument back = JsonDocument.Parse(backOutput);
        Assert.Equal(2, back.RootElement.GetProperty("forwarded").GetInt32());
        Assert.Equal(0, back.RootElement.GetProperty("pendingForward").GetInt32());
        Assert.DoesNotContain("PENDING", forwardedList, StringComparison.Ordinal);
        Assert.Contains("Every run is forwarded", forwardedList, StringComparison.Ordinal);
        Assert.Equal(0, syncCode);
        Assert.Contains("Forwarded 0 runs", sync, StringComparison.Ordinal);

        await using SqliteResultsStore station = await SqliteResultsStore.OpenAsync(Station);
        await using PostgreSqlResultsStore lineStore = await PostgreSqlResultsStore.OpenAsync(line);
        IReadOnlyList<RunSummary> local = await station.ListRunsAsync(new RunQuery());
        IReadOnlyList<RunSummary> forwarded = await lineStore.ListRunsAsync(new RunQuery());
        Assert.Equal(2, local.Count);
        Assert.Equal(local.Select(item => item.RunId).Order(), forwarded.Select(item => item.RunId).Order());
        Assert.All(local, item => Assert.True(item.Forwarded));
        Assert.All(forwarded, item => Assert.Null(item.Forwarded));
    }

    [Fact]
    public async Task HC6_ResultsSync_LineDatabaseDown_ExitsForwardingIncompleteAndKeepsTheRunPending()
    {
        string line = await server.CreateDatabaseAsync();
        (int runCode, _, _) = await RunAsync("test", "run", PlanRunning.PlanPath("smoke.yaml"), "--report-dir", Path.Combine(folder, "reports"), "--results", Station, "--station", "eol-03");

        await server.StopAsync();
        (int downCode, _, string downError) = await RunAsync("results", "sync", "--results", Station, "--to", line);
        (_, string pendingList, _) = await RunAsync("results", "list", "--results", Station, "--pending");
        await server.StartAsync();
        (int backCode, string back, _) = await RunAsync("results", "sync", "--results", Station, "--to", line);

        Assert.Equal((int)ExitCode.Success, runCode);
        Assert.Equal((int)ExitCode.ForwardingIncomplete, downCode);
        Assert.Contains("Forwarded 0 runs; 1 still pending", downError, StringComparison.Ordinal);
        Assert.Contains("wand results sync' again", downError, StringComparison.Ordinal);
        Assert.Contains("1 run(s) not yet forwarded", pendingList, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.Success, backCode);
        Assert.Contains("Forwarded 1 runs", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HC6_TestRun_ForwardToNotAServer_IsRefusedBeforeAnythingRuns()
    {
        (int code, _, string error) = await RunAsync("test", "run", PlanRunning.PlanPath("smoke.yaml"), "--report-dir", Path.Combine(folder, "reports"), "--results", Station, "--forward-to", "/tmp/line.sqlite");

        Assert.Equal((int)ExitCode.ValueOutOfRange, code);
        Assert.Contains("--forward-to must name the line database as a postgresql:// URI", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Station));
    }

    [Fact]
    public async Task HC6_Yield_SameNumbersFromTheStationFileAndTheLineDatabase()
    {
        string line = await server.CreateDatabaseAsync();
        await using SqliteResultsStore station = await SqliteResultsStore.OpenAsync(Station);
        await using PostgreSqlResultsStore lineStore = await PostgreSqlResultsStore.OpenAsync(line);
        foreach (TestRecord record in SyntheticRuns.Line(400))
        {
            await station.SaveRunAsync(record);
            await lineStore.SaveRunAsync(record);
        }

        YieldFilter[] filters =
        [
            new YieldFilter(),
            new YieldFilter { StationId = "eol-02", FromUtc = new DateTimeOffset(2026, 11, 2, 12, 0, 0, TimeSpan.Zero), UntilUtc = new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.Zero) },
            new YieldFilter { FirmwareRevision = "1.1.0", PlanName = "end-of-line" },
        ];
        foreach (YieldFilter filter in filters)
        {
            YieldReport fromFile = await station.AnalyzeYieldAsync(filter);
            YieldReport fromServer = await lineStore.AnalyzeYieldAsync(filter);

            Assert.True(fromFile.Overall.Runs > 0, $"the filter {YieldDashboardWriter.Describe(filter)} selects runs");
            Assert.Equal(fromFile.Overall, fromServer.Overall);
            Assert.Equal(fromFile.ByPlan, fromServer.ByPlan);
            Assert.Equal(fromFile.ByStation, fromServer.ByStation);
            Assert.Equal(fromFile.ByDay, fromServer.ByDay);
            Assert.Equal(fromFile.ByFirmware, fromServer.ByFirmware);
            Assert.Equal(fromFile.Pareto, fromServer.Pareto);
            Assert.Equal(fromFile.Capability.Count, fromServer.Capability.Count);
            foreach ((CapabilityEntry file, CapabilityEntry database) in fromFile.Capability.Zip(fromServer.Capability))
            {
                // Sums may be taken in another order by each engine: equal to 12 significant digits.
                Assert.Equal((file.Measurement, file.Units, file.Minimum, file.Maximum, file.Count, file.Lowest, file.Highest), (database.Measurement, database.Units, database.Minimum, database.Maximum, database.Count, database.Lowest, database.Highest));
                AssertClose(file.Mean, database.Mean);
                AssertClose(file.SigmaOverall, database.SigmaOverall);
                AssertClose(file.SigmaWithin, database.SigmaWithin);
                AssertClose(file.Cpk, database.Cpk);
                AssertClose(file.Ppk, database.Ppk);
            }

            Assert.Equal(fromFile.Histograms.Select(histogram => histogram.Counts.ToArray()), fromServer.Histograms.Select(histogram => histogram.Counts.ToArray()));
        }
    }

    [Fact]
    public async Task HC6_YieldCommand_BadInputAndUnreachableDatabase_NameWhatAndWhere()
    {
        string unreachable = server.Location("line1").Replace("wandpg-", "wandpg-absent-", StringComparison.Ordinal);
        await using (SqliteResultsStore station = await SqliteResultsStore.OpenAsync(Station))
        {
            await station.SaveRunAsync(SyntheticRuns.Line(1).Single());
        }

        (int badDate, _, string badDateError) = await RunAsync("results", "yield", "--results", Station, "--from", "2026-13-01");
        (int emptyRange, _, string emptyRangeError) = await RunAsync("results", "yield", "--results", Station, "--from", "2026-11-05", "--until", "2026-11-04");
        (int noServer, _, string noServerError) = await RunAsync("results", "yield", "--results", unreachable);
        (int noFolder, _, string noFolderError) = await RunAsync("results", "yield", "--results", Station, "--csv", Path.Combine(folder, "absent"));
        (int noHtml, _, string noHtmlError) = await RunAsync("results", "report", "--results", Station);

        Assert.Equal((int)ExitCode.ValueOutOfRange, badDate);
        Assert.Contains("--from '2026-13-01' is not a date", badDateError, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.ValueOutOfRange, emptyRange);
        Assert.Contains("The date range is empty", emptyRangeError, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.ResultsStoreUnavailable, noServer);
        Assert.Contains("wandpg-absent-", noServerError, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.ValueOutOfRange, noFolder);
        Assert.Contains("is not an existing folder", noFolderError, StringComparison.Ordinal);
        Assert.Equal((int)ExitCode.ValueOutOfRange, noHtml);
        Assert.Contains("--html FILE", noHtmlError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HC6_YieldCommand_FromTheLineDatabase_PrintsYieldAndWritesCsv()
    {
        string line = await server.CreateDatabaseAsync();
        await using (PostgreSqlResultsStore lineStore = await PostgreSqlResultsStore.OpenAsync(line))
        {
            foreach (TestRecord record in SyntheticRuns.Line(60))
            {
                await lineStore.SaveRunAsync(record);
            }
        }

        Directory.CreateDirectory(folder);
        (int code, string output, string error) = await RunAsync("results", "yield", "--results", line, "--csv", folder, "--until", "2026-11-02");
        (int jsonCode, string json, _) = await RunAsync("--json", "results", "yield", "--results", line);

        Assert.True(code == 0, error);
        Assert.Contains("first-pass yield", output, StringComparison.Ordinal);
        Assert.Contains("level-3-amplitude", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "capability.csv")));
        Assert.StartsWith("dimension,group,units", await File.ReadAllTextAsync(Path.Combine(folder, "yield.csv")), StringComparison.Ordinal);
        Assert.Equal(0, jsonCode);
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.Equal(60, document.RootElement.GetProperty("overall").GetProperty("runs").GetInt32());
    }

    private static void AssertClose(double? expected, double? actual)
    {
        Assert.Equal(expected.HasValue, actual.HasValue);
        if (expected is double left && actual is double right)
        {
            Assert.True(Math.Abs(left - right) <= 1e-12 * Math.Max(1, Math.Abs(left)), $"{left:R} and {right:R} differ");
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using StringWriter output = new();
        using StringWriter error = new();
        int code = await Program.BuildRootCommand().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
