using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wand.Host.Reports;

namespace Wand.Host.Results.Yield;

/// <summary>
/// The yield dashboard: one self-contained HTML page (inline styles and SVG, no scripts, no external files) with the
/// headline yield, the yield trend by day, the failure Pareto, a histogram with limits per measurement, the Cpk/Ppk
/// table and the yield by plan, station and firmware. Every plot is an <c>svg</c> of class <c>plot</c> whose
/// <c>data-plot</c> names its kind.
/// </summary>
public static class YieldDashboardWriter
{
    private const string Css = """
        .cards{display:flex;gap:1em;flex-wrap:wrap;margin:.5em 0 1em}.card{border:1px solid #ccc;border-radius:.4em;padding:.5em 1em;min-width:9em}
        .card b{display:block;font-size:1.6em}.plots{display:flex;flex-wrap:wrap;gap:1em}.bar{fill:#5c6bc0}.series.final-line{stroke:#2e7d32}
        .series.first-line{stroke:#1565c0}.series.cumulative{stroke:#c62828;stroke-width:1.5}.limitline{stroke:#c62828;stroke-dasharray:4 3}
        td.number,th.number{text-align:right;font-variant-numeric:tabular-nums}.poor{background:#ffebee}
        """;

    /// <summary>Renders the dashboard.</summary>
    /// <param name="report">The analysis.</param>
    /// <returns>The HTML page.</returns>
    public static string Render(YieldReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        StringBuilder html = new();
        HtmlDocument.Open(html, "Yield — " + report.Location, ReportStyle.Css + Css);
        html.Append("<h1>Yield</h1><p>").Append(HtmlDocument.Encode(report.Location)).Append(" · ").Append(HtmlDocument.Encode(Describe(report.Filter))).Append("</p>");
        YieldGroup all = report.Overall;
        html.Append(Invariant($"<div class=\"cards\" id=\"summary\" data-units=\"{all.Units}\" data-runs=\"{all.Runs}\" data-retests=\"{all.Retests}\" data-first-pass=\"{all.FirstPassUnits}\" data-final-pass=\"{all.FinalPassUnits}\">"));
        Card(html, "units", all.Units.ToString(CultureInfo.InvariantCulture));
        Card(html, "first-pass yield", Percent(all.FirstPassYield));
        Card(html, "final yield", Percent(all.FinalYield));
        Card(html, "runs", all.Runs.ToString(CultureInfo.InvariantCulture));
        Card(html, "retests", all.Retests.ToString(CultureInfo.InvariantCulture));
        html.Append("</div><div class=\"plots\">").Append(TrendPlot(report.ByDay)).Append(ParetoPlot(report.Pareto)).Append("</div>");

        html.Append("<h2>Capability</h2>");
        CapabilityTable(html, report.Capability);
        html.Append("<h2>Failure Pareto</h2>");
        ParetoTable(html, report.Pareto);
        foreach ((string title, IReadOnlyList<YieldGroup> groups) in new[] { ("By plan", report.ByPlan), ("By station", report.ByStation), ("By firmware", report.ByFirmware), ("By day (UTC)", report.ByDay) })
        {
            html.Append("<h2>").Append(title).Append("</h2>");
            YieldTable(html, groups);
        }

        html.Append("<h2>Distributions</h2><div class=\"plots\">");
        foreach (MeasurementHistogram histogram in report.Histograms)
        {
            html.Append(HistogramPlot(histogram));
        }

        html.Append("</div>");
        HtmlDocument.Close(html);
        return html.ToString();
    }

    /// <summary>Describes a filter for people.</summary>
    /// <param name="filter">The filter.</param>
    /// <returns>For example <c>station eol-01, from 2026-11-01</c>, or <c>all runs</c>.</returns>
    public static string Describe(YieldFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        List<string> parts = [];
        AddIf(parts, "plan", filter.PlanName);
        AddIf(parts, "station", filter.StationId);
        AddIf(parts, "firmware", filter.FirmwareRevision);
        AddIf(parts, "from", filter.FromUtc?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        AddIf(parts, "until", filter.UntilUtc?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "all runs" : string.Join(", ", parts) + (filter.FromUtc != null || filter.UntilUtc != null ? " (UTC)" : string.Empty);
    }

    private static void AddIf(List<string> parts, string name, string? value)
    {
        if (value != null)
        {
            parts.Add(name + " " + value);
        }
    }

    private static void Card(StringBuilder html, string label, string value)
        => html.Append("<div class=\"card\"><b>").Append(HtmlDocument.Encode(value)).Append("</b>").Append(HtmlDocument.Encode(label)).Append("</div>");

    private static string TrendPlot(IReadOnlyList<YieldGroup> days)
    {
        SvgCanvas canvas = new(520, 260, 48, 16, 28, 40);
        canvas.Scale(0, Math.Max(1, days.Count - 1), 0, 100);
        canvas.Append($"<text x=\"{canvas.Left}\" y=\"18\" font-weight=\"bold\">Yield by day (%)</text>");
        Frame(canvas);
        foreach (double tick in SvgCanvas.Ticks(0, 100))
        {
            canvas.Append($"<text x=\"{canvas.Left - 6}\" y=\"{canvas.Y(tick) + 4:F1}\" text-anchor=\"end\">{tick:0}</text>");
        }

        if (days.Count > 0)
        {
            canvas.Append($"<text x=\"{canvas.Left}\" y=\"{canvas.Bottom + 16}\">{HtmlDocument.Encode(days[0].Key)}</text>");
            canvas.Append($"<text x=\"{canvas.Right}\" y=\"{canvas.Bottom + 16}\" text-anchor=\"end\">{HtmlDocument.Encode(days[^1].Key)}</text>");
        }

        IEnumerable<(double, double)> Line(Func<YieldGroup, double> value) => days.Count == 1
            ? [(0, value(days[0]) * 100), (1, value(days[0]) * 100)]
            : days.Select((day, index) => ((double)index, value(day) * 100));
        canvas.Polyline(Line(day => day.FirstPassYield), Invariant($"class=\"first-line series\" data-points=\"{days.Count}\""), title: "first-pass yield");
        canvas.Polyline(Line(day => day.FinalYield), Invariant($"class=\"final-line series\" data-points=\"{days.Count}\""), title: "final yield");
        canvas.Append($"<text x=\"{canvas.Left + 8}\" y=\"{canvas.Bottom + 32}\" fill=\"#1565c0\">— first pass</text><text x=\"{canvas.Left + 110}\" y=\"{canvas.Bottom + 32}\" fill=\"#2e7d32\">— final</text>");
        return canvas.Complete(" class=\"plot\" data-plot=\"trend\" aria-label=\"yield trend\" font-family=\"sans-serif\" font-size=\"11\"");
    }

    private static string ParetoPlot(IReadOnlyList<ParetoEntry> pareto)
    {
        List<ParetoEntry> shown = pareto.Take(12).ToList();
        SvgCanvas canvas = new(520, 260, 48, 40, 28, 70);
        int highest = Math.Max(1, shown.Count == 0 ? 1 : shown[0].Failures);
        canvas.Scale(0, Math.Max(1, shown.Count), 0, highest);
        canvas.Append($"<text x=\"{canvas.Left}\" y=\"18\" font-weight=\"bold\">Failure Pareto (runs)</text>");
        Frame(canvas);
        double slot = (canvas.Right - canvas.Left) / (double)Math.Max(1, shown.Count);
        for (int index = 0; index < shown.Count; index++)
        {
            ParetoEntry entry = shown[index];
            double top = canvas.Y(entry.Failures);
            double x = canvas.Left + (index * slot) + (slot * 0.15);
            canvas.Append($"<rect class=\"bar\" data-failures=\"{entry.Failures}\" x=\"{x:F1}\" y=\"{top:F1}\" width=\"{slot * 0.7:F1}\" height=\"{canvas.Bottom - top:F1}\"><title>{HtmlDocument.Encode(entry.Measurement)}: {entry.Failures}</title></rect>");
            canvas.Append($"<text x=\"{x + (slot * 0.35):F1}\" y=\"{canvas.Bottom + 10}\" transform=\"rotate(35 {x + (slot * 0.35):F1} {canvas.Bottom + 10})\" font-size=\"9\">{HtmlDocument.Encode(Shorten(entry.Measurement))}</text>");
        }

        canvas.Append($"<text x=\"{canvas.Left - 6}\" y=\"{canvas.Top + 4}\" text-anchor=\"end\">{highest}</text>");
        IEnumerable<(double, double)> cumulative = shown.Count == 1
            ? [(0.1, highest), (0.9, highest)]
            : shown.Select((entry, index) => (index + 0.5, entry.CumulativeShare * highest));
        canvas.Polyline(cumulative, Invariant($"class=\"cumulative series\" data-points=\"{shown.Count}\""), title: "cumulative share");
        canvas.Append($"<text x=\"{canvas.Right + 4}\" y=\"{canvas.Top + 4}\">100%</text>");
        return canvas.Complete(" class=\"plot\" data-plot=\"pareto\" aria-label=\"failure pareto\" font-family=\"sans-serif\" font-size=\"11\"");
    }

    private static string HistogramPlot(MeasurementHistogram histogram)
    {
        SvgCanvas canvas = new(340, 200, 40, 12, 28, 34);
        int highest = Math.Max(1, histogram.Counts.Count == 0 ? 1 : histogram.Counts.Max());
        double high = histogram.Low + (histogram.BinWidth * histogram.Counts.Count);
        canvas.Scale(histogram.Low, high, 0, highest);
        string title = histogram.Units.Length > 0 ? $"{histogram.Measurement} ({histogram.Units})" : histogram.Measurement;
        canvas.Append($"<text x=\"{canvas.Left}\" y=\"18\" font-weight=\"bold\">{HtmlDocument.Encode(title)}</text>");
        Frame(canvas);
        for (int index = 0; index < histogram.Counts.Count; index++)
        {
            double left = canvas.X(histogram.Low + (index * histogram.BinWidth));
            double right = canvas.X(histogram.Low + ((index + 1) * histogram.BinWidth));
            double top = canvas.Y(histogram.Counts[index]);
            canvas.Append($"<rect class=\"bar\" data-count=\"{histogram.Counts[index]}\" x=\"{left:F1}\" y=\"{top:F1}\" width=\"{Math.Max(0.5, right - left - 1):F1}\" height=\"{canvas.Bottom - top:F1}\"/>");
        }

        foreach ((double? limit, string name) in new[] { (histogram.Minimum, "min"), (histogram.Maximum, "max") })
        {
            if (limit is double value)
            {
                double x = canvas.X(value);
                canvas.Append($"<line class=\"limitline\" data-limit=\"{name}\" x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"{canvas.Top}\" y2=\"{canvas.Bottom}\"><title>{name} {value.ToString("G6", CultureInfo.InvariantCulture)}</title></line>");
            }
        }

        canvas.Append($"<text x=\"{canvas.Left}\" y=\"{canvas.Bottom + 14}\">{histogram.Low.ToString("G4", CultureInfo.InvariantCulture)}</text>");
        canvas.Append($"<text x=\"{canvas.Right}\" y=\"{canvas.Bottom + 14}\" text-anchor=\"end\">{high.ToString("G4", CultureInfo.InvariantCulture)}</text>");
        canvas.Append($"<text x=\"{canvas.Left - 4}\" y=\"{canvas.Top + 4}\" text-anchor=\"end\">{highest}</text>");
        return canvas.Complete(Invariant($" class=\"plot\" data-plot=\"histogram\" data-measurement=\"{HtmlDocument.Encode(histogram.Measurement)}\" data-values=\"{histogram.Counts.Sum()}\" aria-label=\"histogram {HtmlDocument.Encode(histogram.Measurement)}\" font-family=\"sans-serif\" font-size=\"10\""));
    }

    private static void Frame(SvgCanvas canvas)
        => canvas.Append($"<rect class=\"frame\" x=\"{canvas.Left}\" y=\"{canvas.Top}\" width=\"{canvas.Right - canvas.Left}\" height=\"{canvas.Bottom - canvas.Top}\" fill=\"none\" stroke=\"#999\"/>");

    private static void CapabilityTable(StringBuilder html, IReadOnlyList<CapabilityEntry> entries)
    {
        html.Append("<table id=\"capability\"><tr><th>measurement</th><th>units</th><th class=\"number\">min</th><th class=\"number\">max</th><th class=\"number\">n</th><th class=\"number\">mean</th><th class=\"number\">σ overall</th><th class=\"number\">σ within</th><th class=\"number\">Cpk</th><th class=\"number\">Ppk</th></tr>");
        foreach (CapabilityEntry entry in entries)
        {
            bool poor = entry.Cpk is double cpk && cpk < 1.33;
            html.Append(poor ? "<tr class=\"poor\">" : "<tr>")
                .Append("<td>").Append(HtmlDocument.Encode(entry.Measurement)).Append("</td><td>").Append(HtmlDocument.Encode(entry.Units)).Append("</td>");
            foreach (string cell in new[] { Number(entry.Minimum), Number(entry.Maximum), entry.Count.ToString(CultureInfo.InvariantCulture), Number(entry.Mean), Number(entry.SigmaOverall), Number(entry.SigmaWithin), Index(entry.Cpk), Index(entry.Ppk) })
            {
                html.Append("<td class=\"number\">").Append(HtmlDocument.Encode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table><p>Cpk uses σ within = average moving range / 1.128; Ppk uses the overall sample standard deviation; both are min(USL − mean, mean − LSL) / 3σ (NIST/SEMATECH e-Handbook of Statistical Methods, 6.1.6 and 6.3.2.2). Rows below Cpk 1.33 are shaded.</p>");
    }

    private static void ParetoTable(StringBuilder html, IReadOnlyList<ParetoEntry> pareto)
    {
        html.Append("<table id=\"pareto\"><tr><th>measurement</th><th class=\"number\">failures</th><th class=\"number\">share</th><th class=\"number\">cumulative</th></tr>");
        foreach (ParetoEntry entry in pareto)
        {
            html.Append("<tr><td>").Append(HtmlDocument.Encode(entry.Measurement)).Append(Invariant($"</td><td class=\"number\">{entry.Failures}</td><td class=\"number\">{Percent(entry.Share)}</td><td class=\"number\">{Percent(entry.CumulativeShare)}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static void YieldTable(StringBuilder html, IReadOnlyList<YieldGroup> groups)
    {
        html.Append("<table class=\"yield\"><tr><th>group</th><th class=\"number\">units</th><th class=\"number\">first-pass yield</th><th class=\"number\">final yield</th><th class=\"number\">runs</th><th class=\"number\">retests</th></tr>");
        foreach (YieldGroup group in groups)
        {
            html.Append("<tr><td>").Append(HtmlDocument.Encode(group.Key.Length == 0 ? "(none)" : group.Key))
                .Append(Invariant($"</td><td class=\"number\">{group.Units}</td><td class=\"number\">{Percent(group.FirstPassYield)}</td><td class=\"number\">{Percent(group.FinalYield)}</td><td class=\"number\">{group.Runs}</td><td class=\"number\">{group.Retests}</td></tr>"));
        }

        html.Append("</table>");
    }

    private static string Shorten(string text) => text.Length <= 18 ? text : text[..17] + "…";

    /// <summary>A share as a percentage with one decimal, for example <c>27.5%</c>.</summary>
    /// <param name="share">0 to 1.</param>
    /// <returns>The text.</returns>
    public static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    /// <summary>A measured value with six significant digits, or empty.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Number(double? value) => value?.ToString("G6", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>A capability index with two decimals, or empty.</summary>
    /// <param name="value">The index.</param>
    /// <returns>The text.</returns>
    public static string Index(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
