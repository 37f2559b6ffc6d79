using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Results.Yield;

namespace Wand.Host.Results.Sql;

/// <summary>
/// The yield analysis over the run tables, in SQL that SQLite and PostgreSQL both accept, so a station's file and the
/// line database give the same numbers: two ordered reads (the runs by unit, the measurements by run start time), with
/// all arithmetic in <see cref="UnitAttempts"/> and <see cref="MeasurementStatistics"/>, done the same way for both.
/// </summary>
internal static class YieldQueries
{
    /// <summary>The bins of each measurement's histogram.</summary>
    public const int HistogramBins = 24;

    /// <summary>Analyses the runs a filter selects.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="filter">The runs to cover.</param>
    /// <param name="location">The store, for the report.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The report.</returns>
    public static async Task<YieldReport> AnalyzeAsync(DbConnection connection, YieldFilter filter, string location, CancellationToken cancellationToken)
    {
        if (filter.Check() is { } problem)
        {
            throw new ArgumentException(problem, nameof(filter));
        }

        IReadOnlyList<YieldRun> runs = await ReadRunsAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        var yields = UnitAttempts.Summarize(runs);
        MeasurementStatistics statistics = await ReadMeasurementsAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        (IReadOnlyList<CapabilityEntry> capability, IReadOnlyList<MeasurementHistogram> histograms) = statistics.Capability(HistogramBins);
        IReadOnlyList<ParetoEntry> pareto = statistics.Pareto();
        return new YieldReport
        {
            Filter = filter,
            Location = location,
            Overall = yields.Overall,
            ByPlan = yields.ByPlan,
            ByStation = yields.ByStation,
            ByDay = yields.ByDay,
            ByFirmware = yields.ByFirmware,
            Pareto = pareto,
            Capability = capability,
            Histograms = histograms,
        };
    }

    private static async Task<IReadOnlyList<YieldRun>> ReadRunsAsync(DbConnection connection, YieldFilter filter, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT r.plan_name, r.dut_serial, r.station_id, r.started_utc, r.outcome, r.firmware_revision FROM runs r WHERE {Where(command, filter)} ORDER BY r.plan_name, r.dut_serial, r.started_utc, r.run_id";
        List<YieldRun> runs = [];
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            runs.Add(new YieldRun(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4) == "PASS", reader.GetString(5)));
        }

        return runs;
    }

    /// <summary>Reads every measurement of the selected runs in run start order (the order the moving range needs).</summary>
    private static async Task<MeasurementStatistics> ReadMeasurementsAsync(DbConnection connection, YieldFilter filter, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT m.name, m.units, m.minimum, m.maximum, m.numeric_value, m.outcome FROM runs r JOIN measurements m ON m.run_id = r.run_id WHERE {Where(command, filter)} ORDER BY r.started_utc, r.run_id";
        MeasurementStatistics statistics = new();
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            statistics.Add(new MeasuredValue(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4),
                reader.GetString(5) == "FAIL"));
        }

        return statistics;
    }

    /// <summary>The condition on <c>runs r</c> for a filter, its parameters added to the command.</summary>
    private static string Where(DbCommand command, YieldFilter filter)
    {
        StringBuilder sql = new("1 = 1");
        if (filter.StationId != null)
        {
            sql.Append(" AND r.station_id = @station");
            RunRowWriter.AddParameter(command, "@station", filter.StationId);
        }

        if (filter.PlanName != null)
        {
            sql.Append(" AND r.plan_name = @plan");
            RunRowWriter.AddParameter(command, "@plan", filter.PlanName);
        }

        if (filter.FirmwareRevision != null)
        {
            sql.Append(" AND r.firmware_revision = @firmware");
            RunRowWriter.AddParameter(command, "@firmware", filter.FirmwareRevision);
        }

        if (filter.FromUtc != null)
        {
            sql.Append(" AND r.started_utc >= @from");
            RunRowWriter.AddParameter(command, "@from", filter.FromUtc.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        if (filter.UntilUtc != null)
        {
            sql.Append(" AND r.started_utc < @until");
            RunRowWriter.AddParameter(command, "@until", filter.UntilUtc.Value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        }

        return sql.ToString();
    }
}
