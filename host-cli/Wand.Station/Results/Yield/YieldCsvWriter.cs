using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Wand.Host.Results.Yield;

/// <summary>
/// The yield report as CSV files for spreadsheets (RFC 4180: comma separated, CRLF line ends, fields with commas,
/// quotes or line breaks quoted; invariant numbers, shares 0 to 1): <c>yield.csv</c>, <c>pareto.csv</c> and
/// <c>capability.csv</c>.
/// </summary>
public static class YieldCsvWriter
{
    /// <summary>Renders the three files.</summary>
    /// <param name="report">The analysis.</param>
    /// <returns>File name and content of each file.</returns>
    public static IReadOnlyList<(string FileName, string Content)> Render(YieldReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        StringBuilder yield = new();
        Row(yield, "dimension", "group", "units", "first_pass_units", "first_pass_yield", "final_pass_units", "final_yield", "runs", "retests");
        IEnumerable<(string Dimension, YieldGroup Group)> groups = new[] { ("all", report.Overall) }
            .Concat(report.ByPlan.Select(group => ("plan", group)))
            .Concat(report.ByStation.Select(group => ("station", group)))
            .Concat(report.ByDay.Select(group => ("day", group)))
            .Concat(report.ByFirmware.Select(group => ("firmware", group)));
        foreach ((string dimension, YieldGroup group) in groups)
        {
            Row(yield, dimension, group.Key, Text(group.Units), Text(group.FirstPassUnits), Text(group.FirstPassYield), Text(group.FinalPassUnits), Text(group.FinalYield), Text(group.Runs), Text(group.Retests));
        }

        StringBuilder pareto = new();
        Row(pareto, "measurement", "failures", "share", "cumulative_share");
        foreach (ParetoEntry entry in report.Pareto)
        {
            Row(pareto, entry.Measurement, Text(entry.Failures), Text(entry.Share), Text(entry.CumulativeShare));
        }

        StringBuilder capability = new();
        Row(capability, "measurement", "units", "minimum", "maximum", "n", "mean", "lowest", "highest", "sigma_overall", "sigma_within", "cpk", "ppk");
        foreach (CapabilityEntry entry in report.Capability)
        {
            Row(capability, entry.Measurement, entry.Units, Text(entry.Minimum), Text(entry.Maximum), Text(entry.Count), Text(entry.Mean), Text(entry.Lowest), Text(entry.Highest), Text(entry.SigmaOverall), Text(entry.SigmaWithin), Text(entry.Cpk), Text(entry.Ppk));
        }

        return [("yield.csv", yield.ToString()), ("pareto.csv", pareto.ToString()), ("capability.csv", capability.ToString())];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (int index = 0; index < fields.Length; index++)
        {
            if (index > 0)
            {
                csv.Append(',');
            }

            string field = fields[index];
            bool quote = field.IndexOfAny([',', '"', '\r', '\n']) >= 0;
            csv.Append(quote ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field);
        }

        csv.Append("\r\n");
    }
}
