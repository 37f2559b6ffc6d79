using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Data.Common;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.Results.Sql;

/// <summary>Queries of the run tables, in SQL that SQLite and PostgreSQL both accept.</summary>
internal static class RunRowReader
{
    /// <summary>Lists runs, newest first.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="query">The filters.</param>
    /// <param name="forwards">Whether the store forwards its runs (a station's file), so each run's forwarding state is read.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async Task<IReadOnlyList<RunSummary>> ListAsync(DbConnection connection, RunQuery query, bool forwards, CancellationToken cancellationToken)
    {
        if (query.PendingForwardOnly && !forwards)
        {
            throw new ArgumentException("Only a station's own results file has runs pending forwarding; the line database forwards nothing.", nameof(query));
        }

        if (query.Limit < 1 || query.Limit > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "The limit must be 1 to 10000.");
        }

        await using DbCommand command = connection.CreateCommand();
        StringBuilder sql = new("""
            SELECT r.run_id, r.plan_name, r.plan_version, r.dut_serial, r.station_id, r.started_utc, r.duration_ms, r.outcome, r.marginal,
                   (SELECT count(*) FROM measurements m WHERE m.run_id = r.run_id AND m.outcome = 'FAIL'),
                   (SELECT count(*) FROM forwarded_runs f WHERE f.run_id = r.run_id), r.retest
            FROM runs r WHERE 1 = 1
            """);
        if (query.PendingForwardOnly)
        {
            sql.Append(" AND r.run_id NOT IN (SELECT run_id FROM forwarded_runs)");
        }

        if (query.DutSerial != null)
        {
            sql.Append(" AND r.dut_serial = @serial");
            RunRowWriter.AddParameter(command, "@serial", query.DutSerial);
        }

        if (query.PlanName != null)
        {
            sql.Append(" AND r.plan_name = @plan");
            RunRowWriter.AddParameter(command, "@plan", query.PlanName);
        }

        if (query.Outcome != null)
        {
            sql.Append(" AND r.outcome = @outcome");
            RunRowWriter.AddParameter(command, "@outcome", RunRowWriter.Name(query.Outcome.Value));
        }

        if (query.Since != null)
        {
            sql.Append(" AND r.started_utc >= @since");
            RunRowWriter.AddParameter(command, "@since", query.Since.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        sql.Append(" ORDER BY r.started_utc DESC, r.run_id LIMIT @limit");
        RunRowWriter.AddParameter(command, "@limit", query.Limit);
        command.CommandText = sql.ToString();
        List<RunSummary> runs = [];
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new RunSummary
            {
                RunId = reader.GetString(0),
                PlanName = reader.GetString(1),
                PlanVersion = reader.GetString(2),
                DutSerial = reader.GetString(3),
                StationId = reader.GetString(4),
                StartedUtc = DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                DurationMilliseconds = reader.GetDouble(6),
                Outcome = reader.GetString(7),
                Marginal = Convert.ToInt64(reader.GetValue(8), CultureInfo.InvariantCulture) != 0,
                FailedMeasurements = Convert.ToInt32(reader.GetValue(9), CultureInfo.InvariantCulture),
                Forwarded = forwards ? Convert.ToInt64(reader.GetValue(10), CultureInfo.InvariantCulture) != 0 : null,
                Retest = Convert.ToInt32(reader.GetValue(11), CultureInfo.InvariantCulture),
            });
        }

        return runs;
    }

    /// <summary>Reads one run in full: its stored JSON with the series from the <c>series</c> table put back.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="runId">The run ID or a prefix of at least 6 characters.</param>
    /// <param name="location">The store, for messages.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <exception cref="RunNotFoundException">No run, or more than one, matches.</exception>
    /// <exception cref="System.Text.Json.JsonException">The stored JSON is not a record.</exception>
    /// <exception cref="System.IO.InvalidDataException">A stored series is damaged or of an unknown format.</exception>
    public static async Task<TestRecord> FindRecordAsync(DbConnection connection, string runId, string location, CancellationToken cancellationToken)
    {
        string prefix = runId.Trim().ToLowerInvariant();
        if (prefix.Length < 6)
        {
            throw new RunNotFoundException($"Give at least 6 characters of the run ID; '{runId}' is too short.");
        }

        string fullId;
        string json;
        await using (DbCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT run_id, record_json FROM runs WHERE substr(run_id, 1, @length) = @prefix ORDER BY run_id LIMIT 2";
            RunRowWriter.AddParameter(command, "@length", prefix.Length);
            RunRowWriter.AddParameter(command, "@prefix", prefix);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new RunNotFoundException($"No run '{runId}' in '{location}'. List the runs with 'wand results list'.");
            }

            fullId = reader.GetString(0);
            json = reader.GetString(1);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new RunNotFoundException($"'{runId}' matches several runs ({fullId}, {reader.GetString(0)}, …); give more of the ID.");
            }
        }

        List<SeriesRecord> series = [];
        await using (DbCommand command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name, units, data FROM series WHERE run_id = @run ORDER BY position";
            RunRowWriter.AddParameter(command, "@run", fullId);
            await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                series.Add(new SeriesRecord { Name = reader.GetString(0), Units = reader.GetString(1), Points = SeriesCodec.Decode((byte[])reader.GetValue(2)) });
            }
        }

        return StoredRecordJson.Read(json, series);
    }
}
