using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Host.TestRuns.Records;
using Wand.Host.Results.Sql;
using Wand.Host.Results.Yield;
using Wand.Host.TestRuns.Reports;

namespace Wand.Host.Results.Sqlite;

/// <summary>
/// The results store in one SQLite file per station. Each run is written in one transaction (all rows or none); the
/// schema is versioned and migrated forward when the file is opened; a file from newer software is refused.
/// </summary>
public sealed class SqliteResultsStore : IResultsStore
{
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);

    static SqliteResultsStore()
    {
        SQLitePCL.Batteries_V2.Init();
    }

    private SqliteResultsStore(string path, SqliteConnection connection)
    {
        Location = path;
        this.connection = connection;
    }

    /// <inheritdoc/>
    public string Location { get; }

    /// <summary>Gets or sets a hook run before each row is inserted, with the table name (for fault-injection tests).</summary>
    internal Action<string>? BeforeInsert { get; set; }

    /// <summary>Opens (creating if needed) a store file and migrates its schema to <see cref="ResultsSchema.CurrentVersion"/>.</summary>
    /// <param name="path">The database file; its folder is created when missing.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ResultsStoreException">The file cannot be opened or migrated; it is left as it was.</exception>
    public static Task<SqliteResultsStore> OpenAsync(string path, CancellationToken cancellationToken = default)
        => OpenAsync(path, ResultsSchema.CurrentVersion, cancellationToken);

    /// <summary>Opens a store migrated only up to a version (for migration tests).</summary>
    internal static Task<SqliteResultsStore> OpenAsync(string path, int targetVersion, CancellationToken cancellationToken)
        => OpenAsync(path, targetVersion, null, cancellationToken);

    /// <summary>Opens a store; <paramref name="configure"/> runs on the fresh connection first (fault-injection tests limit its size there).</summary>
    internal static async Task<SqliteResultsStore> OpenAsync(string path, int targetVersion, Func<SqliteConnection, Task>? configure, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SqliteConnection? connection = null;
        bool created = !File.Exists(path);
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder != null)
            {
                Directory.CreateDirectory(folder);
            }

            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 10000", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON", cancellationToken).ConfigureAwait(false);
            if (configure != null)
            {
                await configure(connection).ConfigureAwait(false);
            }

            await MigrateAsync(connection, path, targetVersion, cancellationToken).ConfigureAwait(false);
            return new SqliteResultsStore(path, connection);
        }
        catch (Exception error)
        {
            if (connection != null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            if (created)
            {
                RemoveEmptyFile(path);
            }

            if (error is SqliteException or IOException or UnauthorizedAccessException)
            {
                throw new ResultsStoreException($"Cannot open the results store '{path}': {error.Message}", error);
            }

            throw;
        }
    }

    /// <summary>Removes a store file this open created but could not initialise (a full disk), so no empty store is left behind.</summary>
    private static void RemoveEmptyFile(string path)
    {
        try
        {
            FileInfo file = new(path);
            if (file.Exists && file.Length == 0)
            {
                file.Delete();
                File.Delete(path + "-journal");
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort: the error being reported matters more.
        }
    }

    /// <summary>Reads the schema version of the open file.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The version, 0 for an empty file.</returns>
    public async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken = default)
        => await ReadStoredVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task SaveRunAsync(TestRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (!await RunRowWriter.WriteAsync(connection, transaction, record, BeforeInsert, cancellationToken).ConfigureAwait(false))
                {
                    throw new ResultsStoreException($"a run with ID {record.RunId} is already stored");
                }

                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception error)
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
                if (error is OperationCanceledException)
                {
                    throw;
                }

                string reason = error is SqliteException { SqliteErrorCode: 19 } ? $"a run with ID {record.RunId} is already stored" : error.Message;
                throw new ResultsStoreException($"Could not store run {record.RunId} in '{Location}': {reason}. Nothing of this run was stored.", error);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Stores many runs in one transaction, all or nothing (fills large stores for benchmarks quickly).</summary>
    /// <param name="records">The runs; their run IDs must be new to the store.</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write stores nothing.</param>
    /// <returns>A task that completes when the runs are durably stored.</returns>
    internal async Task SaveRunsAsync(IReadOnlyList<TestRecord> records, CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (TestRecord record in records)
            {
                await RunRowWriter.WriteAsync(connection, transaction, record, null, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunRowReader.ListAsync(connection, query, forwards: true, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new ResultsStoreException($"Cannot read the results store '{Location}': {error.Message}", error);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<TestRecord> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runId);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunRowReader.FindRecordAsync(connection, runId, Location, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new ResultsStoreException($"Cannot read the results store '{Location}': {error.Message}", error);
        }
        catch (Exception error) when (error is System.Text.Json.JsonException or System.IO.InvalidDataException)
        {
            throw new ResultsSchemaException($"Run {runId} in '{Location}' holds a record this software cannot read: {error.Message}");
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async Task<YieldReport> AnalyzeYieldAsync(YieldFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await YieldQueries.AnalyzeAsync(connection, filter, Location, cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new ResultsStoreException($"Cannot read the results store '{Location}': {error.Message}", error);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Lists the runs not yet handed on to the line database, oldest first.</summary>
    /// <param name="limit">The most run IDs to return, at least 1.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The run IDs.</returns>
    /// <exception cref="ResultsStoreException">The store could not be read.</exception>
    public async Task<IReadOnlyList<string>> ListPendingForwardAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT run_id FROM runs WHERE run_id NOT IN (SELECT run_id FROM forwarded_runs) ORDER BY started_utc, run_id LIMIT @limit";
            command.Parameters.AddWithValue("@limit", limit);
            List<string> runIds = [];
            await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                runIds.Add(reader.GetString(0));
            }

            return runIds;
        }
        catch (SqliteException error)
        {
            throw new ResultsStoreException($"Cannot read the results store '{Location}': {error.Message}", error);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Counts the runs not yet handed on to the line database.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The number of pending runs.</returns>
    /// <exception cref="ResultsStoreException">The store could not be read.</exception>
    public async Task<int> CountPendingForwardAsync(CancellationToken cancellationToken = default)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM runs WHERE run_id NOT IN (SELECT run_id FROM forwarded_runs)";
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        catch (SqliteException error)
        {
            throw new ResultsStoreException($"Cannot read the results store '{Location}': {error.Message}", error);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Records that the line database holds a run, so it is not forwarded again.</summary>
    /// <param name="runId">The full run ID.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the mark is stored.</returns>
    /// <exception cref="ResultsStoreException">The store could not be written.</exception>
    public async Task MarkForwardedAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using SqliteCommand command = connection.CreateCommand();
            command.CommandText = "INSERT INTO forwarded_runs (run_id, forwarded_utc) VALUES (@run, @now) ON CONFLICT (run_id) DO NOTHING";
            command.Parameters.AddWithValue("@run", runId);
            command.Parameters.AddWithValue("@now", DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SqliteException error)
        {
            throw new ResultsStoreException($"Cannot write the results store '{Location}': {error.Message}", error);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await connection.DisposeAsync().ConfigureAwait(false);
        gate.Dispose();
    }

    internal static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using SqliteCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Brings the file to the target version. Each step reads the version and migrates inside one immediate (write-locked)
    /// transaction, so two programs opening a new file at once never both create the tables: the second waits for the
    /// lock, sees the first one's version and skips the step. A file that is not a wand store is refused untouched.
    /// </summary>
    private static async Task MigrateAsync(SqliteConnection connection, string path, int targetVersion, CancellationToken cancellationToken)
    {
        // Reading first keeps an up-to-date store (even a read-only file) free of writes.
        bool marked = await CheckOwnershipAsync(connection, null, path, cancellationToken).ConfigureAwait(false);
        if (await ReadVersionAsync(connection, null, path, cancellationToken).ConfigureAwait(false) >= targetVersion && marked)
        {
            return;
        }

        for (int next = 1; next <= targetVersion; next++)
        {
            await using DbTransaction transaction = connection.BeginTransaction(deferred: false);
            await CheckOwnershipAsync(connection, (SqliteTransaction)transaction, path, cancellationToken).ConfigureAwait(false);
            if (await ReadVersionAsync(connection, (SqliteTransaction)transaction, path, cancellationToken).ConfigureAwait(false) < next)
            {
                foreach (string statement in ResultsSchema.Migrations(SqlDialect.Sqlite)[next - 1])
                {
                    await ExecuteAsync(connection, (SqliteTransaction)transaction, statement, cancellationToken).ConfigureAwait(false);
                }

                await ExecuteAsync(connection, (SqliteTransaction)transaction, string.Create(CultureInfo.InvariantCulture, $"UPDATE schema_version SET version = {next}"), cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, (SqliteTransaction)transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA application_id = {ResultsSchema.ApplicationId}"), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Refuses a database that belongs to another program: ours carries <see cref="ResultsSchema.ApplicationId"/>
    /// (stores written before it was set have <c>schema_version</c> and <c>runs</c> tables); an empty file is new.
    /// </summary>
    /// <returns><c>true</c> when the file already carries the application ID.</returns>
    private static async Task<bool> CheckOwnershipAsync(SqliteConnection connection, SqliteTransaction? transaction, string path, CancellationToken cancellationToken)
    {
        await using SqliteCommand identity = connection.CreateCommand();
        identity.Transaction = transaction;
        identity.CommandText = "PRAGMA application_id";
        long applicationId = Convert.ToInt64(await identity.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (applicationId == ResultsSchema.ApplicationId)
        {
            return true;
        }

        List<string> tables = [];
        await using (SqliteCommand list = connection.CreateCommand())
        {
            list.Transaction = transaction;
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using SqliteDataReader reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tables.Add(reader.GetString(0));
            }
        }

        bool empty = tables.Count == 0;
        bool earlierWandStore = applicationId == 0 && tables.Contains("schema_version") && tables.Contains("runs");
        if (!empty && !earlierWandStore)
        {
            string kind = applicationId == 0 ? $"its tables are {string.Join(", ", tables)}" : $"its application ID is 0x{applicationId:X8}";
            throw new ResultsStoreException($"'{path}' is not a wand results store ({kind}); it was left untouched. Give another --results file.");
        }

        return false;
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, string path, CancellationToken cancellationToken)
    {
        int version = await ReadStoredVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if (version > ResultsSchema.CurrentVersion)
        {
            throw new ResultsSchemaException($"The results store '{path}' has schema version {version}, newer than this software's {ResultsSchema.CurrentVersion}. Update wand, or use another file.");
        }

        return version;
    }

    private static async Task<int> ReadStoredVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using SqliteCommand exists = connection.CreateCommand();
        exists.Transaction = transaction;
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using SqliteCommand read = connection.CreateCommand();
        read.Transaction = transaction;
        read.CommandText = "SELECT version FROM schema_version";
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0, CultureInfo.InvariantCulture);
    }
}
