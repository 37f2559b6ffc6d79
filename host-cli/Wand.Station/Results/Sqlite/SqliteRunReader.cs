using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Wand.Host.Results.Sqlite;

/// <summary>Queries of the run tables.</summary>
internal static class SqliteRunReader
{
    public static async Task<IReadOnlyList<RunSummary>> ListAsync(SqliteConnection connection, RunQuery query, CancellationToken cancellationToken)
    {
        if (query.Limit < 1 || query.Limit > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "The limit must be 1 to 10000.");
        }

        await using SqliteCommand command = connection.CreateCommand();
        StringBuilder sql = new("""
            SELECT r.run_id, r.plan_name, r.plan_version, r.dut_serial, r.station_id, r.started_utc, r.duration_ms, r.outcome, r.marginal,
                   (SELECT count(*) FROM measurements m WHERE m.run_id = r.run_id AND m.outcome = 'FAIL')
            FROM runs r WHERE 1 = 1
            """);
        if (query.DutSerial != null)
        {
            sql.Append(" AND r.dut_serial = @serial");
            command.Parameters.AddWithValue("@serial", query.DutSerial);
        }

        if (query.PlanName != null)
        {
            sql.Append(" AND r.plan_name = @plan");
            command.Parameters.AddWithValue("@plan", query.PlanName);
        }

        if (query.Outcome != null)
        {
            sql.Append(" AND r.outcome = @outcome");
            command.Parameters.AddWithValue("@outcome", SqliteRunWriter.Name(query.Outcome.Value));
        }

        if (query.Since != null)
        {
            sql.Append(" AND r.started_utc >= @since");
            command.Parameters.AddWithValue("@since", query.Since.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        sql.Append(" ORDER BY r.started_utc DESC, r.run_id LIMIT @limit");
        command.Parameters.AddWithValue("@limit", query.Limit);
        command.CommandText = sql.ToString();
        List<RunSummary> runs = [];
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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
                Marginal = reader.GetInt64(8) != 0,
                FailedMeasurements = (int)reader.GetInt64(9),
            });
        }

        return runs;
    }

    public static async Task<string> FindRecordJsonAsync(SqliteConnection connection, string runId, string location, CancellationToken cancellationToken)
    {
        string prefix = runId.Trim().ToLowerInvariant();
        if (prefix.Length < 6)
        {
            throw new RunNotFoundException($"Give at least 6 characters of the run ID; '{runId}' is too short.");
        }

        await using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT run_id, record_json FROM runs WHERE substr(run_id, 1, @length) = @prefix ORDER BY run_id LIMIT 2";
        command.Parameters.AddWithValue("@length", prefix.Length);
        command.Parameters.AddWithValue("@prefix", prefix);
        await using SqliteDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new RunNotFoundException($"No run '{runId}' in '{location}'. List the runs with 'wand results list'.");
        }

        string first = reader.GetString(0);
        string json = reader.GetString(1);
        if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new RunNotFoundException($"'{runId}' matches several runs ({first}, {reader.GetString(0)}, …); give more of the ID.");
        }

        return json;
    }
}
