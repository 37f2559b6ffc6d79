using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Host.Results;
using Wand.Host.Results.Sql;
using Wand.Host.Results.Sqlite;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>The SQLite results store: one transaction per run, listing and reading, schema migration.</summary>
public sealed class ResultsStoreTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "wand-results-" + Guid.NewGuid().ToString("N"), "station.sqlite");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [Fact]
    public async Task SaveRun_ThenGet_ReturnsTheSameRecord()
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        TestRecord record = SampleRecords.Failed();

        await store.SaveRunAsync(record);
        TestRecord read = await store.GetRunAsync(record.RunId[..8]);

        Assert.Equal(TestRecordJson.Serialize(record), TestRecordJson.Serialize(read));
        Assert.Equal(ResultsSchema.CurrentVersion, await store.ReadSchemaVersionAsync());
    }

    [Fact]
    public async Task ListRuns_FiltersAndOrdersNewestFirst()
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        TestRecord older = SampleRecords.Failed(new string('1', 32), "WAND-0001");
        TestRecord newer = Passed(SampleRecords.Failed(new string('2', 32), "WAND-0002"));
        await store.SaveRunAsync(older);
        await store.SaveRunAsync(newer);

        var all = await store.ListRunsAsync(new RunQuery());
        var failed = await store.ListRunsAsync(new RunQuery { Outcome = RunOutcome.Fail });
        var bySerial = await store.ListRunsAsync(new RunQuery { DutSerial = "WAND-0002" });

        Assert.Equal([newer.RunId, older.RunId], all.Select(run => run.RunId));
        RunSummary failedRun = Assert.Single(failed);
        Assert.Equal(1, failedRun.FailedMeasurements);
        Assert.Equal("FAIL", failedRun.Outcome);
        Assert.True(failedRun.Marginal);
        Assert.Equal("WAND-0002", Assert.Single(bySerial).DutSerial);
    }

    [Theory]
    [InlineData("runs", 1)]
    [InlineData("phases", 2)]
    [InlineData("measurements", 3)]
    [InlineData("attachments", 1)]
    public async Task SaveRun_FailureMidWrite_LeavesNoRowsOfThatRun(string table, int failOnRow)
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        await store.SaveRunAsync(SampleRecords.Failed(new string('9', 32)));
        int rows = 0;
        store.BeforeInsert = name =>
        {
            if (name == table && ++rows == failOnRow)
            {
                throw new IOException("disk full");
            }
        };

        ResultsStoreException error = await Assert.ThrowsAsync<ResultsStoreException>(() => store.SaveRunAsync(SampleRecords.Failed()));

        Assert.Contains("Nothing of this run was stored", error.Message, StringComparison.Ordinal);
        store.BeforeInsert = null;
        Assert.Equal((1, 3, 4, 1), await CountRowsAsync());
        await Assert.ThrowsAsync<RunNotFoundException>(() => store.GetRunAsync(SampleRecords.Failed().RunId));
    }

    [Fact]
    public async Task SaveRun_SameRunTwice_IsRefusedAndTheFirstIsKept()
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        await store.SaveRunAsync(SampleRecords.Failed());

        ResultsStoreException error = await Assert.ThrowsAsync<ResultsStoreException>(() => store.SaveRunAsync(SampleRecords.Failed()));

        Assert.Contains("already stored", error.Message, StringComparison.Ordinal);
        Assert.Equal((1, 3, 4, 1), await CountRowsAsync());
    }

    [Fact]
    public async Task Open_VersionOneFile_MigratesAndKeepsItsRuns()
    {
        await using (SqliteResultsStore old = await SqliteResultsStore.OpenAsync(path, 1, default))
        {
            Assert.Equal(1, await old.ReadSchemaVersionAsync());
        }

        // A run written by version-1 software: no marginal, firmware or attachment columns.
        TestRecord record = SampleRecords.Failed();
        await ExecuteAsync(
            "INSERT INTO runs (run_id, plan_name, plan_version, dut_serial, station_id, started_utc, duration_ms, outcome, record_json) VALUES ($id, 'end-of-line', '1.0', 'WAND-0007', 'eol-01', '2026-11-20T12:00:00.0000000Z', 1000, 'FAIL', $json)",
            ("$id", record.RunId),
            ("$json", TestRecordJson.Serialize(record)));
        await ExecuteAsync("INSERT INTO measurements (run_id, phase_position, name, units, outcome) VALUES ($id, 0, 'level-3-amplitude', 'g', 'FAIL')", ("$id", record.RunId));

        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);

        Assert.Equal(ResultsSchema.CurrentVersion, await store.ReadSchemaVersionAsync());
        RunSummary run = Assert.Single(await store.ListRunsAsync(new RunQuery()));
        Assert.Equal(record.RunId, run.RunId);
        Assert.False(run.Marginal);
        Assert.Equal(1, run.FailedMeasurements);
        await store.SaveRunAsync(SampleRecords.Failed(new string('3', 32)));
        Assert.Equal(2, (await store.ListRunsAsync(new RunQuery())).Count);
    }

    [Fact]
    public async Task Open_FileFromNewerSoftware_IsRefused()
    {
        await using (SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path))
        {
        }

        await ExecuteAsync("UPDATE schema_version SET version = 99");

        ResultsSchemaException error = await Assert.ThrowsAsync<ResultsSchemaException>(() => SqliteResultsStore.OpenAsync(path));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRun_AmbiguousOrUnknownId_IsRunNotFound()
    {
        await using SqliteResultsStore store = await SqliteResultsStore.OpenAsync(path);
        await store.SaveRunAsync(SampleRecords.Failed("abcdef0000000000000000000000000a"));
        await store.SaveRunAsync(SampleRecords.Failed("abcdef0000000000000000000000000b"));

        Assert.Contains("several runs", (await Assert.ThrowsAsync<RunNotFoundException>(() => store.GetRunAsync("abcdef"))).Message, StringComparison.Ordinal);
        Assert.Contains("No run", (await Assert.ThrowsAsync<RunNotFoundException>(() => store.GetRunAsync("ffffff"))).Message, StringComparison.Ordinal);
        Assert.Contains("at least 6", (await Assert.ThrowsAsync<RunNotFoundException>(() => store.GetRunAsync("abc"))).Message, StringComparison.Ordinal);
    }

    private static TestRecord Passed(TestRecord record) => TestRecordJson.Deserialize(
        TestRecordJson.Serialize(record).Replace("\"outcome\": \"FAIL\",\n  \"outcomeDetails\"", "\"outcome\": \"PASS\",\n  \"outcomeDetails\"", StringComparison.Ordinal)
            .Replace("\"startedUtc\": \"2026-11-20T12:00:00+00:00\"", "\"startedUtc\": \"2026-11-20T13:00:00+00:00\"", StringComparison.Ordinal));

    private async Task<(long Runs, long Phases, long Measurements, long Attachments)> CountRowsAsync()
    {
        return (await ScalarAsync("SELECT count(*) FROM runs"), await ScalarAsync("SELECT count(*) FROM phases"), await ScalarAsync("SELECT count(*) FROM measurements"), await ScalarAsync("SELECT count(*) FROM attachments"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using SqliteConnection connection = new($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using SqliteConnection connection = new($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
