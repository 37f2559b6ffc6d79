using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wand.Host.Reports;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>
/// Writes a record as one self-contained HTML page of the report kit (<see cref="HtmlDocument"/>, <see cref="SvgPlot"/>): the verdict, the unit and station,
/// every phase with its measurements against their limits, and inline SVG plots of the time series recorded in each
/// phase (drive level, vibration amplitude, motor voltage, head temperature, battery).
/// </summary>
public static class HtmlReportWriter
{
    private static readonly string[] PlotOrder = ["drive-level", "amplitude", "motor-voltage", "head-temperature", "battery"];

    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}
        h1{margin-bottom:.2em} .badge{display:inline-block;padding:.15em .6em;border-radius:.3em;color:#fff;font-weight:bold}
        .PASS{background:#2e7d32}.FAIL{background:#c62828}.ERROR{background:#6a1b9a}.TIMEOUT{background:#ef6c00}.ABORTED{background:#546e7a}.SKIPPED{background:#9e9e9e}.UNSET{background:#9e9e9e}.MARGINAL{background:#f9a825}
        table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;font-size:.92em}
        th{background:#f3f3f3} tr.fail td{background:#fdecea} tr.unset td{color:#777}
        section.phase{border-top:2px solid #ddd;margin-top:1.5em} .message{color:#b71c1c}
        svg.plot{margin:.3em 1em .3em 0;background:#fff} svg .title{font-size:12px;font-weight:bold}
        svg .frame{fill:none;stroke:#999} svg .grid{stroke:#eee} svg .axis{stroke:#999}
        svg .ytick{font-size:10px;text-anchor:end} svg .xtick{font-size:10px;text-anchor:middle} svg .xlabel{font-size:10px;text-anchor:end}
        svg .series{fill:none;stroke:#1565c0;stroke-width:1.5} svg .limit{stroke:#c62828;stroke-dasharray:4 3} svg .limitlabel{font-size:10px;fill:#c62828;text-anchor:end}
        """;

    /// <summary>Renders the page.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The HTML document (well-formed XHTML-compatible markup).</returns>
    public static string Render(TestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string outcome = record.Outcome.ToString().ToUpperInvariant();
        StringBuilder html = new();
        HtmlDocument.Open(html, $"{record.DutSerial} {record.PlanName} {outcome}", Style);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(record.PlanName)} <span class=\"badge {outcome}\">{outcome}</span>{(record.Marginal ? " <span class=\"badge MARGINAL\">MARGINAL</span>" : string.Empty)}</h1>");
        if (record.OutcomeDetails.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"message\">{E(record.OutcomeDetails)}</p>");
        }

        html.Append("<table>");
        Row(html, "Unit serial", record.DutSerial);
        Row(html, "Firmware / application", $"{record.FirmwareRevision} / {record.SoftwareRevision}");
        Row(html, "Hardware / model", $"{record.HardwareRevision} / {record.ModelNumber}");
        Row(html, "Protocol", record.ProtocolVersion);
        Row(html, "Device", record.DeviceAddress + (record.VirtualDevice ? " (virtual wand)" : string.Empty));
        Row(html, "Plan", $"{record.PlanName} {record.PlanVersion} ({record.PlanFile}, sha256 {record.PlanSha256[..Math.Min(12, record.PlanSha256.Length)]})");
        Row(html, "Station / operator", $"{record.StationId} / {record.Operator}");
        Row(html, "Started (UTC)", record.StartedUtc.UtcDateTime.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
        Row(html, "Duration", MeasurementText.Number(record.DurationMilliseconds / 1000) + " s");
        Row(html, "Run ID", record.RunId);
        html.Append("</table>");

        html.Append("<h2>Phases</h2><table><tr><th>phase</th><th>outcome</th><th>attempts</th><th>measurements</th><th>device time (s)</th><th>message</th></tr>");
        foreach (PhaseRecord phase in record.Phases)
        {
            string phaseOutcome = phase.Outcome.ToString().ToUpperInvariant();
            int passed = phase.Measurements.Count(measurement => measurement.Outcome == MeasurementOutcome.Pass);
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#phase-{E(phase.Name)}\">{E(phase.Name)}</a></td><td><span class=\"badge {phaseOutcome}\">{phaseOutcome}</span></td><td>{phase.Attempts}</td><td>{passed}/{phase.Measurements.Count} passed</td><td>{MeasurementText.Number(phase.DeviceStartMilliseconds / 1000)} – {MeasurementText.Number(phase.DeviceEndMilliseconds / 1000)}</td><td>{E(phase.Message)}</td></tr>");
        }

        html.Append("</table>");
        foreach (PhaseRecord phase in record.Phases)
        {
            AppendPhase(html, record, phase);
        }

        HtmlDocument.Close(html);
        return html.ToString();
    }

    private static void AppendPhase(StringBuilder html, TestRecord record, PhaseRecord phase)
    {
        string outcome = phase.Outcome.ToString().ToUpperInvariant();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"phase\" id=\"phase-{E(phase.Name)}\"><h2>{E(phase.Name)} <span class=\"badge {outcome}\">{outcome}</span></h2>");
        if (phase.Requirements.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Requirements: {E(string.Join(", ", phase.Requirements))}</p>");
        }

        if (phase.Message.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"message\">{E(phase.Message)}</p>");
        }

        if (phase.Measurements.Count > 0)
        {
            html.Append("<table><tr><th>measurement</th><th>value</th><th>limits</th><th>outcome</th><th>requirement</th><th>note</th></tr>");
            foreach (MeasurementRecord measurement in phase.Measurements)
            {
                string measurementOutcome = measurement.Marginal ? "MARGINAL" : measurement.Outcome.ToString().ToUpperInvariant();
                string rowClass = measurement.Outcome switch { MeasurementOutcome.Fail => "fail", MeasurementOutcome.Unset => "unset", _ => "pass" };
                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{rowClass}\"><td title=\"{E(measurement.Description)}\">{E(measurement.Name)}</td><td>{E(MeasurementText.Value(measurement))}</td><td>{E(MeasurementText.Limits(measurement))}</td><td><span class=\"badge {measurementOutcome}\">{measurementOutcome}</span></td><td>{E(measurement.Requirement)}</td><td>{E(measurement.Message)}</td></tr>");
            }

            html.Append("</table>");
        }

        foreach (string name in PlotOrder)
        {
            SeriesRecord? series = record.Series.FirstOrDefault(candidate => candidate.Name == name);
            if (series == null)
            {
                continue;
            }

            List<SeriesPoint> points = series.Points.Where(point => point.TimeMilliseconds >= phase.DeviceStartMilliseconds && point.TimeMilliseconds <= phase.DeviceEndMilliseconds).ToList();
            if (points.Count >= 2 && points.Max(point => point.Value) - points.Min(point => point.Value) > 1e-6)
            {
                IReadOnlyList<(string, double)> limits = name == "motor-voltage" ? [("3.0 V ceiling (SR-3)", 3.0)] : [];
                html.Append(SvgPlot.Render($"{phase.Name}: {name}", series.Units, points, limits));
            }
        }

        html.Append("</section>");
    }

    private static void Row(StringBuilder html, string name, string value) => html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");

    private static string E(string text) => HtmlDocument.Encode(text);
}
