using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Npgsql;
using Wand.Host.Results;
using Wand.Host.Results.PostgreSql;
using Wand.Host.Results.Sql;
using Wand.Host.Results.Sqlite;
using Wand.Host.Results.Forwarding;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>HC-6: the line's PostgreSQL results database, against a real private server.</summary>
public sealed class PostgreSqlResultsStoreTests(PostgreSqlServer server) : IClassFixture<PostgreSqlServer>
{
    [Fact]
    public async Task HC6_SaveRun_ThenGet_ReturnsTheSameRecord()
    {
        await using IResultsStore store = await ResultsStores.OpenAsync(await server.CreateDatabaseAsync());
        TestRecord record = SampleRecords.Failed(Guid.NewGuid().ToString("N"));

        await store.SaveRunAsync(record);
        TestRecord read = await store.GetRunAsync(record.RunId[..8]);
        RunSummary listed = Assert.Single(await store.ListRunsAsync(new RunQuery { Outcome = RunOutcome.Fail }));

        Assert.IsType<PostgreSqlResultsStore>(store);
        Assert.Equal(TestRecordJson.Serialize(record), TestRecordJson.Serialize(read));
        Assert.Equal(record.RunId, listed.RunId);
        Assert.Equal(1, listed.FailedMeasurements);
        Assert.True(listed.Marginal);
        Assert.Equal(record.DurationMilliseconds, listed.DurationMilliseconds);
    }

    [Fact]
    public async Task HC6_RetriedUpload_StoresTheRunOnce()
    {
        await using PostgreSqlResultsStore store = await PostgreSqlResultsStore.OpenAsync(await server.CreateDatabaseAsync());
        TestRecord record = SampleRecords.Failed(Guid.NewGuid().ToString("N"));

        bool first = await store.SaveRunReportingAsync(record);
        bool retried = await store.SaveRunReportingAsync(record);
        await store.SaveRunAsync(record);

        Assert.True(first);
        Assert.False(retried);
        Assert.Single(await store.ListRunsAsync(new RunQuery()));
        Assert.Equal((long)record.Phases.Sum(phase => phase.Measurements.Count), await CountAsync(store.Location, "SELECT count(*) FROM measurements WHERE run_id = '" + record.RunId + "'"));
    }

    [Fact]
    public async Task HC6_EightStationsTogether_StoreEveryRunExactlyOnce()
    {
        const int Stations = 8;
        const int RunsPerStation = 50;
        string location = await server.CreateDatabaseAsync();

        // Every station opens the fresh database at once (they race to migrate it), then stores its runs; each run is
        // also uploaded a second time, as a station does after a lost acknowledgement.
        IEnumerable<Task<List<string>>> stations = Enumerable.Range(1, Stations).Select(station => Task.Run(async () =>
        {
            await using IResultsStore store = await ResultsStores.OpenAsync(location);
            List<string> runIds = [];
            for (int run = 0; run < RunsPerStation; run++)
            {
                TestRecord record = SampleRecords.Failed(Guid.NewGuid().ToString("N"), $"WAND-{station:D2}{run:D3}", $"eol-{station:D2}");
                await store.SaveRunAsync(record);
                if (run % 5 == 0)
                {
                    await store.SaveRunAsync(record);
                }

                runIds.Add(record.RunId);
            }

            return runIds;
        }));
        List<string>[] written = await Task.WhenAll(stations);

        await using PostgreSqlResultsStore reader = await PostgreSqlResultsStore.OpenAsync(location);
        IReadOnlyList<RunSummary> stored = await reader.ListRunsAsync(new RunQuery { Limit = 10_000 });
        Assert.Equal(Stations * RunsPerStation, stored.Count);
        Assert.Equal(written.SelectMany(ids => ids).Order(), stored.Select(run => run.RunId).Order());
        Assert.All(stored.GroupBy(run => run.StationId), station => Assert.Equal(RunsPerStation, station.Count()));
        Assert.Equal(ResultsSchema.CurrentVersion, await reader.ReadSchemaVersionAsync());
    }

    [Fact]
    public async Task HC6_Open_VersionOneDatabase_MigratesAndKeepsItsRuns()
    {
        string location = await server.CreateDatabaseAsync();
        await using (PostgreSqlResultsStore old = await PostgreSqlResultsStore.OpenAsync(location, 1, default))
        {
            Assert.Equal(1, await old.ReadSchemaVersionAsync());
        }

        // A run written by version-1 software: no marginal, firmware or attachment columns.
        TestRecord record = SampleRecords.Failed(Guid.NewGuid().ToString("N"));
        await ExecuteAsync(
            location,
            "INSERT INTO runs (run_id, plan_name, plan_version, dut_serial, station_id, started_utc, duration_ms, outcome, record_json) VALUES (@id, 'end-of-line', '1.0', 'WAND-0007', 'eol-01', '2026-11-20T12:00:00.0000000Z', 1000, 'FAIL', @json)",
            ("id", record.RunId),
            ("json", TestRecordJson.Serialize(record)));
        await ExecuteAsync(location, "INSERT INTO measurements (run_id, phase_position, name, units, outcome) VALUES (@id, 0, 'level-3-amplitude', 'g', 'FAIL')", ("id", record.RunId));

        await using PostgreSqlResultsStore store = await PostgreSqlResultsStore.OpenAsync(location);

        Assert.Equal(ResultsSchema.CurrentVersion, await store.ReadSchemaVersionAsync());
        RunSummary run = Assert.Single(await store.ListRunsAsync(new RunQuery()));
        Assert.Equal(record.RunId, run.RunId);
        Assert.False(run.Marginal);
        Assert.Equal(1, run.FailedMeasurements);
        await store.SaveRunAsync(SampleRecords.Failed(Guid.NewGuid().ToString("N")));
        Assert.Equal(2, (await store.ListRunsAsync(new RunQuery())).Count);
    }

    [Fact]
    public async Task HC6_Open_DatabaseFromNewerSoftware_IsRefused()
    {
        string location = await server.CreateDatabaseAsync();
        await using (await PostgreSqlResultsStore.OpenAsync(location))
        {
        }

        await ExecuteAsync(location, "UPDATE schema_version SET version = 99");

        ResultsSchemaException error = await Assert.ThrowsAsync<ResultsSchemaException>(() => ResultsStores.OpenAsync(location));
        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Equal(99L, await CountAsync(location, "SELECT version FROM schema_version"));
    }

    [Fact]
    public async Task HC6_Open_ServerNotRunning_FailsWithTheLocation()
    {
        string location = server.Location("line1").Replace("wandpg-", "wandpg-absent-", StringComparison.Ordinal);

        ResultsStoreException error = await Assert.ThrowsAsync<ResultsStoreException>(() => ResultsStores.OpenAsync(location));

        Assert.Contains("Cannot open the results database", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HC6_Forwarding_ServerStoppedMidUpload_ThenRestarted_ForwardsEveryRunOnce()
    {
        string line = await server.CreateDatabaseAsync();
        string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "wand-forward-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using SqliteResultsStore local = await SqliteResultsStore.OpenAsync(System.IO.Path.Combine(folder, "eol-01.sqlite"));
            List<string> runIds = Enumerable.Range(1, 6).Select(run => run.ToString("x", System.Globalization.CultureInfo.InvariantCulture).PadLeft(32, '0')).ToList();
            foreach (string runId in runIds)
            {
                await local.SaveRunAsync(SampleRecords.Failed(runId, "WAND-" + runId[^4..]));
            }

            // The third upload commits on the server, then the server goes down before the station hears back.
            ResultsForwarder forwarder = new(local, line);
            int uploads = 0;
            forwarder.AfterUpload = async _ =>
            {
                if (++uploads == 3)
                {
                    await server.StopAsync();
                    throw new ResultsStoreException("The connection to the line database was lost before the acknowledgement.");
                }
            };

            ForwardingResult interrupted = await forwarder.ForwardPendingAsync();
            ForwardingResult whileDown = await forwarder.ForwardPendingAsync();
            await server.StartAsync();
            ForwardingResult resumed = await forwarder.ForwardPendingAsync();
            ForwardingResult idle = await forwarder.ForwardPendingAsync();

            Assert.Equal(new ForwardingResult(2, 4, interrupted.Failure), interrupted);
            Assert.NotNull(interrupted.Failure);
            Assert.Equal(0, whileDown.Forwarded);
            Assert.Equal(4, whileDown.Pending);
            Assert.Contains("Cannot open the results database", whileDown.Failure, StringComparison.Ordinal);
            Assert.Equal(new ForwardingResult(4, 0, null), resumed);
            Assert.Equal(new ForwardingResult(0, 0, null), idle);
            Assert.Empty(await local.ListPendingForwardAsync(100));
            await using PostgreSqlResultsStore lineStore = await PostgreSqlResultsStore.OpenAsync(line);
            Assert.Equal(runIds, (await lineStore.ListRunsAsync(new RunQuery { Limit = 100 })).Select(run => run.RunId).Order());
            Assert.Equal(6L, await CountAsync(line, "SELECT count(DISTINCT run_id) FROM phases"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task ExecuteAsync(string location, string sql, params (string Name, object Value)[] parameters)
    {
        await using NpgsqlConnection connection = new(PostgreSqlLocation.Parse(location).ConnectionString);
        await connection.OpenAsync();
        await using NpgsqlCommand command = new(sql, connection);
        foreach ((string name, object value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> CountAsync(string location, string sql)
    {
        await using NpgsqlConnection connection = new(PostgreSqlLocation.Parse(location).ConnectionString);
        await connection.OpenAsync();
        await using NpgsqlCommand command = new(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
