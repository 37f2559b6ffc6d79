using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Host.TestRuns.Records;
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

    /// <summary>Opens (creating if needed) a store file and migrates its schema to <see cref="SqliteSchema.CurrentVersion"/>.</summary>
    /// <param name="path">The database file; its folder is created when missing.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open store.</returns>
    /// <exception cref="ResultsStoreException">The file cannot be opened or migrated; it is left as it was.</exception>
    public static Task<SqliteResultsStore> OpenAsync(string path, CancellationToken cancellationToken = default)
        => OpenAsync(path, SqliteSchema.CurrentVersion, cancellationToken);

    /// <summary>Opens a store migrated only up to a version (for migration tests).</summary>
    internal static async Task<SqliteResultsStore> OpenAsync(string path, int targetVersion, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        SqliteConnection? connection = null;
        try
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder != null)
            {
                Directory.CreateDirectory(folder);
            }

            connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 5000", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, null, "PRAGMA foreign_keys = ON", cancellationToken).ConfigureAwait(false);
            await MigrateAsync(connection, path, targetVersion, cancellationToken).ConfigureAwait(false);
            return new SqliteResultsStore(path, connection);
        }
        catch (Exception error) when (error is SqliteException or IOException or UnauthorizedAccessException)
        {
            if (connection != null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw new ResultsStoreException($"Cannot open the results store '{path}': {error.Message}", error);
        }
        catch
        {
            if (connection != null)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Reads the schema version of the open file.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The version, 0 for an empty file.</returns>
    public async Task<int> ReadSchemaVersionAsync(CancellationToken cancellationToken = default)
        => await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);

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
                await SqliteRunWriter.WriteAsync(connection, (SqliteTransaction)transaction, record, BeforeInsert, cancellationToken).ConfigureAwait(false);
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

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RunSummary>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SqliteRunReader.ListAsync(connection, query, cancellationToken).ConfigureAwait(false);
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
            string json = await SqliteRunReader.FindRecordJsonAsync(connection, runId, Location, cancellationToken).ConfigureAwait(false);
            return TestRecordJson.Deserialize(json);
        }
        catch (SqliteException error)
        {
            throw new ResultsStoreException($"Cannot read the results store '{Location}': {error.Message}", error);
        }
        catch (System.Text.Json.JsonException error)
        {
            throw new ResultsSchemaException($"Run {runId} in '{Location}' holds a record this software cannot read: {error.Message}");
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

    private static async Task MigrateAsync(SqliteConnection connection, string path, int targetVersion, CancellationToken cancellationToken)
    {
        int version = await ReadVersionAsync(connection, cancellationToken).ConfigureAwait(false);
        if (version > SqliteSchema.CurrentVersion)
        {
            throw new ResultsSchemaException($"The results store '{path}' has schema version {version}, newer than this software's {SqliteSchema.CurrentVersion}. Update wand, or use another file.");
        }

        for (int next = version + 1; next <= targetVersion; next++)
        {
            await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (string statement in SqliteSchema.Migrations[next - 1])
            {
                await ExecuteAsync(connection, (SqliteTransaction)transaction, statement, cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, (SqliteTransaction)transaction, string.Create(CultureInfo.InvariantCulture, $"UPDATE schema_version SET version = {next}"), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using SqliteCommand exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using SqliteCommand read = connection.CreateCommand();
        read.CommandText = "SELECT version FROM schema_version";
        return Convert.ToInt32(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) ?? 0, CultureInfo.InvariantCulture);
    }
}
