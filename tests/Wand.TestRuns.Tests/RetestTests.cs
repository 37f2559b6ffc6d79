using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Host.Links.Simulated;
using Wand.Host.Results;
using Wand.Host.Results.Sql;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Wand.Host.TestRuns.Running;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>
/// A unit tested again under the same plan is recorded as a retest (its number and the run before it), in the record,
/// the reports and both kinds of results store; a station file from before retests were stored migrates and keeps its runs.
/// </summary>
public sealed class RetestTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>, IDisposable
{
    /// <summary>The plan fails a unit under its 'strict' variant (the virtual wand's protocol minor is below 200) and passes it under its own limits.</summary>
    private const string Plan = """
        plan: retest-check
        setup: [connect]
        variants:
          strict:
            limits:
              protocol-minor: {min: 200, max: 255}
        phases:
          - name: identification
            steps:
              - read: protocol-version
                measure:
                  - {name: protocol-minor, field: minor, min: 0, max: 255}
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("wand-retest-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Retest_OfAFailedUnit_IsRecordedInTheStationFile()
    {
        await using IResultsStore store = await ResultsStores.OpenAsync(Path.Combine(folder, "station.sqlite"));

        await FailThenPassAsync(store);
    }

    [Fact]
    public async Task Retest_OfAFailedUnit_IsRecordedInTheLineDatabase()
    {
        await using IResultsStore store = await ResultsStores.OpenAsync(await server.CreateDatabaseAsync());

        await FailThenPassAsync(store);
    }

    [Fact]
    public async Task StationFileFromBeforeRetests_MigratesAndReadsItsRunsAsFirstRuns()
    {
        string path = Path.Combine(folder, "old.sqlite");
        await using (SqliteResultsStore old = await SqliteResultsStore.OpenAsync(path, 4, default))
        {
            Assert.Equal(4, await old.ReadSchemaVersionAsync());
        }

        TestRecord record = SampleRecords.Failed();
        await using (SqliteConnection connection = new($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "INSERT INTO runs (run_id, plan_name, plan_version, dut_serial, station_id, started_utc, duration_ms, outcome, record_json, marginal, firmware_revision) VALUES ($id, 'end-of-line', '1.0', 'WAND-0007', 'eol-01', '2026-11-20T12:00:00.0000000Z', 1000, 'FAIL', $json, 0, '')";
            command.Parameters.AddWithValue("$id", record.RunId);
            command.Parameters.AddWithValue("$json", TestRecordJson.Serialize(record));
            await command.ExecuteNonQueryAsync();
        }

        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);

        Assert.Equal(ResultsSchema.CurrentVersion, await store.ReadSchemaVersionAsync());
        RunSummary run = Assert.Single(await store.ListRunsAsync(new RunQuery()));
        Assert.Equal(0, run.Retest);
        Assert.Null((await store.GetRunAsync(record.RunId)).Retest);
    }

    private async Task FailThenPassAsync(IResultsStore store)
    {
        TestRecord failed = await RunAndStoreAsync(store, "strict");
        TestRecord retest = await RunAndStoreAsync(store, null);
        TestRecord again = await RunAndStoreAsync(store, null);

        Assert.Equal(RunOutcome.Fail, failed.Outcome);
        Assert.Null(failed.Retest);
        Assert.Equal(RunOutcome.Pass, retest.Outcome);
        Assert.Equal(1, retest.Retest!.Number);
        Assert.Equal((failed.RunId, "FAIL"), (retest.Retest.PreviousRunId, retest.Retest.PreviousOutcome));
        Assert.Equal((2, retest.RunId, "PASS"), (again.Retest!.Number, again.Retest.PreviousRunId, again.Retest.PreviousOutcome));

        // The store lists each run with its retest number and gives the record back with it.
        Dictionary<string, int> listed = (await store.ListRunsAsync(new RunQuery { DutSerial = "SIM-0001" })).ToDictionary(run => run.RunId, run => run.Retest);
        Assert.Equal(0, listed[failed.RunId]);
        Assert.Equal(1, listed[retest.RunId]);
        Assert.Equal(2, listed[again.RunId]);
        Assert.Equal(1, (await store.GetRunAsync(retest.RunId)).Retest!.Number);

        // The reports say so.
        Assert.Contains($"retest 1 of serial SIM-0001 (previous run {failed.RunId[..12]}: FAIL)", HtmlReportWriter.Render(retest), StringComparison.Ordinal);
        Assert.DoesNotContain("of serial SIM-0001", HtmlReportWriter.Render(failed), StringComparison.Ordinal);
    }

    private async Task<TestRecord> RunAndStoreAsync(IResultsStore store, string? variant)
    {
        TestPlan plan = PlanLoader.Parse(Plan, Path.Combine(folder, "retest-check.yaml"), variant: variant);
        await using SimulatedWandLink link = new();
        TestRunner runner = new(new RunOptions { StationId = "eol-01", History = store });
        TestRecord record = await runner.RunAsync(plan, link, null, null, default);
        await store.SaveRunAsync(record);
        return record;
    }
}
