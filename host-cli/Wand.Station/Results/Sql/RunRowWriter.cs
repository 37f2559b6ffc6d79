using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using System.Data.Common;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.Results.Sql;

/// <summary>Inserts one run's rows inside the caller's transaction, in SQL that SQLite and PostgreSQL both accept.</summary>
internal static class RunRowWriter
{
    /// <summary>Inserts the run unless its run ID is already stored.</summary>
    /// <returns><see langword="true"/> when the rows were inserted; <see langword="false"/> when the run ID was already stored (nothing was written).</returns>
    public static async Task<bool> WriteAsync(DbConnection connection, DbTransaction transaction, TestRecord record, Action<string>? beforeInsert, CancellationToken cancellationToken)
    {
        Inserter inserter = new(connection, transaction, beforeInsert, cancellationToken);
        int inserted = await inserter.InsertAsync("runs",
            "INSERT INTO runs (run_id, plan_name, plan_version, dut_serial, station_id, started_utc, duration_ms, outcome, record_json, marginal, firmware_revision, retest) VALUES (@run, @plan, @version, @serial, @station, @started, @duration, @outcome, @json, @marginal, @firmware, @retest) ON CONFLICT (run_id) DO NOTHING",
            ("@run", record.RunId), ("@plan", record.PlanName), ("@version", record.PlanVersion), ("@serial", record.DutSerial), ("@station", record.StationId),
            ("@started", record.StartedUtc.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)), ("@duration", record.DurationMilliseconds),
            ("@outcome", Name(record.Outcome)), ("@json", StoredRecordJson.WithoutSeries(record)), ("@marginal", record.Marginal ? 1 : 0), ("@firmware", record.FirmwareRevision), ("@retest", record.Retest?.Number ?? 0)).ConfigureAwait(false);
        if (inserted == 0)
        {
            return false;
        }

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

        for (int position = 0; position < record.Series.Count; position++)
        {
            SeriesRecord series = record.Series[position];
            await inserter.InsertAsync("series",
                "INSERT INTO series (run_id, position, name, units, point_count, data) VALUES (@run, @position, @name, @units, @count, @data)",
                ("@run", record.RunId), ("@position", position), ("@name", series.Name), ("@units", series.Units), ("@count", series.Points.Count), ("@data", SeriesCodec.Encode(series.Points))).ConfigureAwait(false);
        }

        foreach (AttachmentRecord attachment in record.Attachments)
        {
            await inserter.InsertAsync("attachments",
                "INSERT INTO attachments (run_id, name, media_type, data) VALUES (@run, @name, @type, @data)",
                ("@run", record.RunId), ("@name", attachment.Name), ("@type", attachment.MediaType), ("@data", attachment.Data)).ConfigureAwait(false);
        }

        return true;
    }

    internal static string Name(RunOutcome outcome) => outcome.ToString().ToUpperInvariant();

    /// <summary>Adds a named parameter to a command; a null value becomes SQL NULL.</summary>
    internal static void AddParameter(DbCommand command, string name, object? value)
    {
        DbParameter parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private sealed class Inserter(DbConnection connection, DbTransaction transaction, Action<string>? beforeInsert, CancellationToken cancellationToken)
    {
        public async Task<int> InsertAsync(string table, string sql, params (string Name, object? Value)[] parameters)
        {
            cancellationToken.ThrowIfCancellationRequested();
            beforeInsert?.Invoke(table);
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            foreach ((string name, object? value) in parameters)
            {
                AddParameter(command, name, value);
            }

            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
