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
/// The yield analysis over the run tables, in SQL that SQLite and PostgreSQL both accept (window functions included),
/// so a station's file and the line database give the same numbers. Heavy aggregation happens in the database: only
/// one row per run (for units and retests), per failing measurement, per measurement and per histogram bin come back.
/// </summary>
internal static class YieldQueries
{
    /// <summary>The bins of each measurement's histogram.</summary>
    public const int HistogramBins = 24;

    /// <summary>Analyses the runs a filter selects.</summary>
    /// <param name="connection">The open connection.</param>
    /// <param name="dialect">The engine.</param>
    /// <param name="filter">The runs to cover.</param>
    /// <param name="location">The store, for the report.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <returns>The report.</returns>
    public static async Task<YieldReport> AnalyzeAsync(DbConnection connection, SqlDialect dialect, YieldFilter filter, string location, CancellationToken cancellationToken)
    {
        if (filter.Check() is { } problem)
        {
            throw new ArgumentException(problem, nameof(filter));
        }

        IReadOnlyList<YieldRun> runs = await ReadRunsAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        var yields = UnitAttempts.Summarize(runs);
        IReadOnlyList<ParetoEntry> pareto = await ReadParetoAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<CapabilityEntry> capability = await ReadCapabilityAsync(connection, filter, cancellationToken).ConfigureAwait(false);
        List<MeasurementHistogram> histograms = [];
        foreach (CapabilityEntry entry in capability)
        {
            histograms.Add(await ReadHistogramAsync(connection, dialect, filter, entry, cancellationToken).ConfigureAwait(false));
        }

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

    private static async Task<IReadOnlyList<ParetoEntry>> ReadParetoAsync(DbConnection connection, YieldFilter filter, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"SELECT m.name, count(*) FROM measurements m JOIN runs r ON r.run_id = m.run_id WHERE m.outcome = 'FAIL' AND {Where(command, filter)} GROUP BY m.name";
        List<(string Name, int Failures)> rows = [];
        await using (DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture)));
            }
        }

        rows.Sort((left, right) => left.Failures != right.Failures ? right.Failures.CompareTo(left.Failures) : string.CompareOrdinal(left.Name, right.Name));
        double total = rows.Sum(row => (double)row.Failures);
        double cumulative = 0;
        List<ParetoEntry> entries = [];
        foreach ((string name, int failures) in rows)
        {
            cumulative += failures;
            entries.Add(new ParetoEntry(name, failures, failures / total, cumulative / total));
        }

        return entries;
    }

    private static async Task<IReadOnlyList<CapabilityEntry>> ReadCapabilityAsync(DbConnection connection, YieldFilter filter, CancellationToken cancellationToken)
    {
        // One pass: per measurement and pair of limits, the deviation from the group's mean (for s, without the
        // cancellation of Σx² − nμ²) and the step from the previous run's value in start order (for MR̄).
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = $"""
            WITH selected AS (
                SELECT m.name, m.units, m.minimum, m.maximum, m.numeric_value AS v, r.started_utc, r.run_id
                FROM measurements m JOIN runs r ON r.run_id = m.run_id
                WHERE m.numeric_value IS NOT NULL AND {Where(command, filter)}),
            ordered AS (
                SELECT name, units, minimum, maximum, v,
                       v - avg(v) OVER (PARTITION BY name, units, minimum, maximum) AS deviation,
                       v - lag(v) OVER (PARTITION BY name, units, minimum, maximum ORDER BY started_utc, run_id) AS step
                FROM selected)
            SELECT name, units, minimum, maximum, count(*), avg(v), min(v), max(v), sum(deviation * deviation), avg(abs(step))
            FROM ordered GROUP BY name, units, minimum, maximum
            """;
        List<CapabilityEntry> entries = [];
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(CapabilityMath.Entry(
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetDouble(3),
                Convert.ToInt32(reader.GetValue(4), CultureInfo.InvariantCulture),
                reader.GetDouble(5),
                reader.GetDouble(6),
                reader.GetDouble(7),
                reader.GetDouble(8),
                reader.IsDBNull(9) ? null : reader.GetDouble(9)));
        }

        // Sorted here: the engines order NULLs and collate text differently.
        return [.. entries.OrderBy(entry => entry.Measurement, StringComparer.Ordinal).ThenBy(entry => entry.Units, StringComparer.Ordinal).ThenBy(entry => entry.Minimum ?? double.NegativeInfinity).ThenBy(entry => entry.Maximum ?? double.PositiveInfinity)];
    }

    private static async Task<MeasurementHistogram> ReadHistogramAsync(DbConnection connection, SqlDialect dialect, YieldFilter filter, CapabilityEntry entry, CancellationToken cancellationToken)
    {
        // The bins span the values and the limits, so the limits can be drawn on the same axis.
        double low = Math.Min(entry.Lowest, entry.Minimum ?? entry.Lowest);
        double high = Math.Max(entry.Highest, entry.Maximum ?? entry.Highest);
        if (high <= low)
        {
            double pad = Math.Abs(low) > 0 ? Math.Abs(low) * 0.01 : 1;
            low -= pad;
            high += pad;
        }

        double width = (high - low) / HistogramBins;
        await using DbCommand command = connection.CreateCommand();
        string limits = (entry.Minimum == null ? " AND m.minimum IS NULL" : " AND m.minimum = @minimum") + (entry.Maximum == null ? " AND m.maximum IS NULL" : " AND m.maximum = @maximum");
        string bin = dialect.WholePart("(m.numeric_value - @low) / @width");
        command.CommandText = $"SELECT {bin} AS bin, count(*) FROM measurements m JOIN runs r ON r.run_id = m.run_id WHERE m.name = @name AND m.units = @units{limits} AND m.numeric_value IS NOT NULL AND {Where(command, filter)} GROUP BY bin";
        RunRowWriter.AddParameter(command, "@name", entry.Measurement);
        RunRowWriter.AddParameter(command, "@units", entry.Units);
        RunRowWriter.AddParameter(command, "@low", low);
        RunRowWriter.AddParameter(command, "@width", width);
        if (entry.Minimum != null)
        {
            RunRowWriter.AddParameter(command, "@minimum", entry.Minimum);
        }

        if (entry.Maximum != null)
        {
            RunRowWriter.AddParameter(command, "@maximum", entry.Maximum);
        }

        int[] counts = new int[HistogramBins];
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            int index = Math.Clamp(Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), 0, HistogramBins - 1);
            counts[index] += Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return new MeasurementHistogram(entry.Measurement, entry.Units, entry.Minimum, entry.Maximum, low, width, counts);
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
