using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Wand.Host.TestRuns.Records;
using Wand.Host.TestRuns.Reports;

namespace Wand.Host.Results.Sqlite;

/// <summary>Inserts one run's rows inside the caller's transaction.</summary>
internal static class SqliteRunWriter
{
    public static async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, TestRecord record, Action<string>? beforeInsert, CancellationToken cancellationToken)
    {
        Inserter inserter = new(connection, transaction, beforeInsert, cancellationToken);
        await inserter.InsertAsync("runs",
            "INSERT INTO runs (run_id, plan_name, plan_version, dut_serial, station_id, started_utc, duration_ms, outcome, record_json, marginal, firmware_revision) VALUES (@run, @plan, @version, @serial, @station, @started, @duration, @outcome, @json, @marginal, @firmware)",
            ("@run", record.RunId), ("@plan", record.PlanName), ("@version", record.PlanVersion), ("@serial", record.DutSerial), ("@station", record.StationId),
            ("@started", record.StartedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("@duration", record.DurationMilliseconds),
            ("@outcome", Name(record.Outcome)), ("@json", TestRecordJson.Serialize(record)), ("@marginal", record.Marginal ? 1 : 0), ("@firmware", record.FirmwareRevision)).ConfigureAwait(false);
        for (int position = 0; position < record.Phases.Count; position++)
        {
            PhaseRecord phase = record.Phases[position];
            await inserter.InsertAsync("phases",
                "INSERT INTO phases (run_id, position, name, outcome, attempts, duration_ms, message) VALUES (@run, @position, @name, @outcome, @attempts, @duration, @message)",
                ("@run", record.RunId), ("@position", position), ("@name", phase.Name), ("@outcome", phase.Outcome.ToString().ToUpperInvariant()),
                ("@attempts", phase.Attempts), ("@duration", phase.DurationMilliseconds), ("@message", phase.Message)).ConfigureAwait(false);
            foreach (MeasurementRecord measurement in phase.Measurements)
            {
                await inserter.InsertAsync("measurements",
                    "INSERT INTO measurements (run_id, phase_position, name, units, numeric_value, text_value, minimum, maximum, marginal_minimum, marginal_maximum, expected, outcome, marginal) VALUES (@run, @position, @name, @units, @number, @text, @minimum, @maximum, @marginalMinimum, @marginalMaximum, @expected, @outcome, @marginal)",
                    ("@run", record.RunId), ("@position", position), ("@name", measurement.Name), ("@units", measurement.Units), ("@number", measurement.NumericValue),
                    ("@text", measurement.TextValue), ("@minimum", measurement.Minimum), ("@maximum", measurement.Maximum), ("@marginalMinimum", measurement.MarginalMinimum),
                    ("@marginalMaximum", measurement.MarginalMaximum), ("@expected", measurement.Expected ?? measurement.Pattern), ("@outcome", measurement.Outcome.ToString().ToUpperInvariant()),
                    ("@marginal", measurement.Marginal ? 1 : 0)).ConfigureAwait(false);
            }
        }

        foreach (AttachmentRecord attachment in record.Attachments)
        {
            await inserter.InsertAsync("attachments",
                "INSERT INTO attachments (run_id, name, media_type, data) VALUES (@run, @name, @type, @data)",
                ("@run", record.RunId), ("@name", attachment.Name), ("@type", attachment.MediaType), ("@data", attachment.Data)).ConfigureAwait(false);
        }
    }

    internal static string Name(RunOutcome outcome) => outcome.ToString().ToUpperInvariant();

    private sealed class Inserter(SqliteConnection connection, SqliteTransaction transaction, Action<string>? beforeInsert, CancellationToken cancellationToken)
    {
        public async Task InsertAsync(string table, string sql, params (string Name, object? Value)[] parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            beforeInsert?.Invoke(table);
            await using SqliteCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach ((string name, object? value) in parameters)
            {
                command.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
