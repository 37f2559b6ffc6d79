using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using Wand.Host.Results.Sql;
using Wand.Host.Results.Yield;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;

namespace Wand.Host.Results.PostgreSql;

/// <summary>
/// The line's shared results database on a PostgreSQL server (HC-6). It has the same tables and the same migration list
/// as the station's SQLite file (<see cref="ResultsSchema"/>). Each run is written in one transaction; a run ID already
/// stored is left as it is, so an upload retried after a lost connection never duplicates a run. A database with a
/// newer schema is refused. Stations opening a fresh database at once migrate it one at a time (an advisory lock).
/// </summary>
public sealed class PostgreSqlResultsStore : IResultsStore
{
    /// <summary>The advisory lock key that serialises migrations ("wand" in ASCII).</summary>
    private const long MigrationLock = 0x77616E64;

    private readonly NpgsqlDataSource dataSource;

    private PostgreSqlResultsStore(string location, NpgsqlDataSource dataSource)
    {
        Location = location;
        this.dataSource = dataSource;
    }

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>Opens the database a <c>postgresql://</c> URI names and migrates its schema to <see cref="ResultsSchema.CurrentVersion"/>.</summary>
    /// <param name="location">The URI, for example <c>postgresql://wand@line-db/results</c>.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ResultsStoreException">The server cannot be reached or the database migrated; it is left as it was.</exception>
    public static Task<PostgreSqlResultsStore> OpenAsync(string location, CancellationToken cancellationToken = default)
        => OpenAsync(location, ResultsSchema.CurrentVersion, cancellationToken);

    /// <summary>Opens a store migrated only up to a version (for migration tests).</summary>
    internal static async Task<PostgreSqlResultsStore> OpenAsync(string location, int targetVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        string shown = PostgreSqlLocation.Redact(location);
        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(PostgreSqlLocation.Parse(location));
        try
        {
            await MigrateAsync(dataSource, shown, targetVersion, cancellationToken).ConfigureAwait(false);
            return new PostgreSqlResultsStore(shown, dataSource);
        }
        catch (Exception error)
        {
            await dataSource.DisposeAsync().ConfigureAwait(false);
            if (error is NpgsqlException or System.IO.IOException or TimeoutException)
            {
                throw new ResultsStoreException($"Cannot open the results database '{shown}': {error.Message}", error);
            }

            throw;
        }
    }

    /// <summary>Reads the schema version of the database.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The version, 0 for an empty database.</returns>
    public async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await ReadVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <remarks>A run ID already in the database is not an error: the earlier upload stands and nothing is written.</remarks>
    public async Task SaveRunAsync(TestRecord record, CancellationToken cancellationToken = default)
        => await SaveRunReportingAsync(record, cancellationToken).ConfigureAwait(false);

    /// <summary>Stores a run unless its run ID is already stored.</summary>
    /// <param name="record">The run.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write stores nothing.</param>
    /// <returns><see langword="true"/> when this call stored the run; <see langword="false"/> when it was already stored.</returns>
    /// <exception cref="ResultsStoreException">The write failed; nothing was stored.</exception>
    public async Task<bool> SaveRunReportingAsync(TestRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            bool stored = await RunRowWriter.WriteAsync(connection, transaction, record, null, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }
        catch (Exception error) when (error is NpgsqlException or System.IO.IOException or TimeoutException)
        {
            throw new ResultsStoreException($"Could not store run {record.RunId} in '{Location}': {error.Message}. Nothing of this run was stored.", error);
        }
    }

    /// <summary>Stores many runs in one transaction, all or nothing (fills large databases for benchmarks quickly).</summary>
    /// <param name="records">The runs; run IDs already stored are skipped.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write stores nothing.</param>
    /// <returns>A task that completes when the runs are committed.</returns>
    internal async Task SaveRunsAsync(IReadOnlyList<TestRecord> records, CancellationToken cancellationToken = default)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (TestRecord record in records)
        {
            await RunRowWriter.WriteAsync(connection, transaction, record, null, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        try
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await RunRowReader.ListAsync(connection, query, forwards: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or System.IO.IOException or TimeoutException)
        {
            throw new ResultsStoreException($"Cannot read the results database '{Location}': {error.Message}", error);
        }
    }

    /// <inheritdoc/>
    public async Task<TestRecord> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        try
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await RunRowReader.FindRecordAsync(connection, runId, Location, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or System.IO.IOException or TimeoutException)
        {
            throw new ResultsStoreException($"Cannot read the results database '{Location}': {error.Message}", error);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or System.IO.InvalidDataException)
        {
            throw new ResultsSchemaException($"Run {runId} in '{Location}' holds a record this software cannot read: {error.Message}");
        }
    }

    /// <inheritdoc/>
    public async Task<YieldReport> AnalyzeYieldAsync(YieldFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        try
        {
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await YieldQueries.AnalyzeAsync(connection, filter, Location, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or System.IO.IOException or TimeoutException)
        {
            throw new ResultsStoreException($"Cannot read the results database '{Location}': {error.Message}", error);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await dataSource.DisposeAsync().ConfigureAwait(false);

    private static async Task MigrateAsync(NpgsqlDataSource dataSource, string location, int targetVersion, CancellationToken cancellationToken)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"SELECT pg_advisory_xact_lock({MigrationLock})"), cancellationToken).ConfigureAwait(false);
        int version = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (version > ResultsSchema.CurrentVersion)
        {
            throw new ResultsSchemaException($"The results database '{location}' has schema version {version}, newer than this software's {ResultsSchema.CurrentVersion}. Update wand on this station.");
        }

        // PostgreSQL's DDL is transactional: all steps commit together or none does.
        IReadOnlyList<string[]> migrations = ResultsSchema.Migrations(SqlDialect.PostgreSql);
        for (int next = version + 1; next <= targetVersion; next++)
        {
            foreach (string statement in migrations[next - 1])
            {
                await ExecuteAsync(connection, transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"UPDATE schema_version SET version = {next}"), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using NpgsqlCommand exists = new("SELECT to_regclass('schema_version') IS NOT NULL", connection, transaction);
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
        {
            return 0;
        }

        await using NpgsqlCommand read = new("SELECT version FROM schema_version", connection, transaction);
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0, CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
