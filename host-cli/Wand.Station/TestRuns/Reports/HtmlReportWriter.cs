using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Wand.Host.Reports;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>
/// Writes a record as one self-contained HTML page of the report kit (<see cref="HtmlDocument"/>, <see cref="SvgPlot"/>).
/// The first screen carries the verdict (one badge), the first failure with a link to it, and the failures grouped by
/// phase, each root cause apart from its consequences (measurements not taken, phases skipped). Then the unit and
/// station, the phase table, and every phase with its measurements against their limits and inline SVG plots of the
/// series recorded in it, with the measurement limits drawn as bands. Calibration reports attached to the run are
/// shown inline.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly string[] PlotOrder = ["drive-level", "amplitude", "motor-voltage", "head-temperature", "battery"];

    /// <summary>The name fragments that tie a measurement to the series it is a reading of (units must match too).</summary>
    private static readonly Dictionary<string, string[]> SeriesMeasurements = new(StringComparer.Ordinal)
    {
        ["drive-level"] = ["drive-level"],
        ["amplitude"] = ["amplitude"],
        ["motor-voltage"] = ["motor-voltage"],
        ["head-temperature"] = ["ntc-reading", "temperature"],
        ["battery"] = ["battery"],
    };

    /// <summary>The motor's average voltage ceiling (SR-3), drawn on every motor-voltage plot, in volts.</summary>
    private const double MotorCeilingVolts = 3.0;


    /// <summary>Renders the page.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The HTML document (well-formed XHTML-compatible markup).</returns>
    public static string Render(TestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        string verdict = VerdictText(record);
        StringBuilder html = new();
        HtmlDocument.Open(html, $"{record.DutSerial} {record.PlanName} {verdict}", ReportStyle.Css);
        html.Append(CultureInfo.InvariantCulture, $"<h1>{E(record.DutSerial)} · {E(record.PlanName)} <span class=\"badge {VerdictClass(record)}\" id=\"verdict\">{verdict}</span></h1>");
        AppendVerdict(html, record);
        html.Append("<table>");
        Row(html, "Unit serial", record.DutSerial);
        if (record.Retest != null)
        {
            Row(html, "Retest", MeasurementText.Retest(record));
        }

        Row(html, "Firmware / application", $"{record.FirmwareRevision} / {record.SoftwareRevision}");
        Row(html, "Hardware / model", $"{record.HardwareRevision} / {record.ModelNumber}");
        Row(html, "Protocol", record.ProtocolVersion);
        Row(html, "Device", record.DeviceAddress + (record.VirtualDevice ? " (virtual wand)" : string.Empty));
        Row(html, "Plan", $"{record.PlanName} {record.PlanVersion}{(record.PlanVariant is string variant ? ", variant " + variant : string.Empty)} ({record.PlanFile}, sha256 {record.PlanSha256[..Math.Min(12, record.PlanSha256.Length)]})");
        Row(html, "Station", record.StationId);
        if (record.Operator.Length > 0)
        {
            Row(html, "Operator", record.Operator);
        }

        Row(html, "Started (UTC)", record.StartedUtc.UtcDateTime.ToString("u", CultureInfo.InvariantCulture));
        Row(html, "Duration", MeasurementText.Number(record.DurationMilliseconds / 1000) + " s");
        Row(html, "Run ID", record.RunId);
        html.Append("</table>");

        html.Append("<h2>Phases</h2><table><tr><th>phase</th><th>outcome</th><th>attempts</th><th>measurements</th><th>device time (s)</th><th>message</th></tr>");
        foreach (PhaseRecord phase in record.Phases)
        {
            string phaseOutcome = phase.Outcome.ToString().ToUpperInvariant();
            int passed = phase.Measurements.Count(measurement => measurement.Outcome == MeasurementOutcome.Pass);
            string time = phase.Outcome == PhaseOutcome.Skipped ? "skipped" : $"{MeasurementText.Number(phase.DeviceStartMilliseconds / 1000)} – {MeasurementText.Number(phase.DeviceEndMilliseconds / 1000)}";
            string counts = phase.Outcome == PhaseOutcome.Skipped ? "not run" : $"{passed}/{phase.Measurements.Count} passed";
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#phase-{E(phase.Name)}\">{E(phase.Name)}</a></td><td><span class=\"badge {phaseOutcome}\">{phaseOutcome}</span></td><td>{phase.Attempts}</td><td>{counts}</td><td>{time}</td><td>{E(phase.Message)}</td></tr>");
        }

        html.Append("</table>");
        foreach (PhaseRecord phase in record.Phases)
        {
            AppendPhase(html, record, phase);
        }

        AppendAttachments(html, record);
        HtmlDocument.Close(html);
        return html.ToString();
    }

    /// <summary>The verdict as one word (or <c>PASS (MARGINAL)</c>): a single badge for the whole run.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The text of the run's badge.</returns>
    public static string VerdictText(TestRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Outcome == RunOutcome.Pass && record.Marginal ? "PASS (MARGINAL)" : record.Outcome.ToString().ToUpperInvariant();
    }

    /// <summary>The anchor of a measurement's row.</summary>
    /// <param name="phase">The phase.</param>
    /// <param name="measurement">The measurement.</param>
    /// <returns>An element ID.</returns>
    public static string MeasurementAnchor(PhaseRecord phase, MeasurementRecord measurement) => $"m-{phase?.Name}-{measurement?.Name}";

    private static string VerdictClass(TestRecord record) => record.Outcome == RunOutcome.Pass && record.Marginal ? "MARGINAL" : record.Outcome.ToString().ToUpperInvariant();

    private static void AppendVerdict(StringBuilder html, TestRecord record)
    {
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"verdict verdict-{VerdictClass(record)}\" id=\"summary\">");
        IReadOnlyList<PhaseFailures> failures = FailureAnalysis.Group(record);
        PhaseFailures? first = failures.FirstOrDefault(group => group.Root != null || group.Phase.Outcome != PhaseOutcome.Skipped);
        if (first == null)
        {
            html.Append(record.Marginal ? "<p class=\"cause\">Every measurement passed; some lie outside their marginal limits (see MARGINAL rows).</p>" : "<p class=\"cause\">Every phase and measurement passed.</p>");
        }
        else
        {
            string anchor = first.Root != null ? MeasurementAnchor(first.Phase, first.Root) : $"phase-{first.Phase.Name}";
            string what = first.Root != null ? $"{first.Root.Name}: {first.Root.Message}" : first.Phase.Message;
            string label = record.Outcome == RunOutcome.Aborted ? "Stopped" : "First failure";
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"cause\"><b>{label}</b> in phase <b>{E(first.Phase.Name)}</b>: <a href=\"#{E(anchor)}\" id=\"first-failure\">{E(what)}</a></p>");
            if (record.OutcomeDetails.Length > 0 && record.OutcomeDetails != what)
            {
                html.Append(CultureInfo.InvariantCulture, $"<p class=\"message\">{E(record.OutcomeDetails)}</p>");
            }

            html.Append("<p><b>By phase</b></p><ul>");
            foreach (PhaseFailures group in failures)
            {
                AppendGroup(html, group);
            }

            html.Append("</ul>");
        }

        html.Append("</div>");
    }

    private static void AppendGroup(StringBuilder html, PhaseFailures group)
    {
        string outcome = group.Phase.Outcome.ToString().ToUpperInvariant();
        html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#phase-{E(group.Phase.Name)}\">{E(group.Phase.Name)}</a> <span class=\"badge {outcome}\">{outcome}</span> ");
        if (group.Phase.Outcome == PhaseOutcome.Skipped)
        {
            html.Append("<span class=\"consequence\">not run: consequence of the earlier stop</span></li>");
            return;
        }

        if (group.Root != null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"#{E(MeasurementAnchor(group.Phase, group.Root))}\">{E(group.Root.Name)}</a>: {E(group.Root.Message)}");
        }
        else
        {
            html.Append(E(group.Phase.Message));
        }

        if (group.AlsoFailed.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<br/><span class=\"consequence\">then also failed (possibly a consequence): {E(string.Join(", ", group.AlsoFailed.Select(measurement => measurement.Name)))}</span>");
        }

        if (group.NotTaken.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<br/><span class=\"consequence\">consequence: {group.NotTaken.Count} measurement(s) not taken ({E(string.Join(", ", group.NotTaken.Select(measurement => measurement.Name)))})</span>");
        }

        html.Append("</li>");
    }

    private static void AppendPhase(StringBuilder html, TestRecord record, PhaseRecord phase)
    {
        string outcome = phase.Outcome.ToString().ToUpperInvariant();
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"phase\" id=\"phase-{E(phase.Name)}\"><h2>{E(phase.Name)} <span class=\"badge {outcome}\">{outcome}</span></h2>");
        if (phase.Requirements.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Requirements: {E(string.Join(", ", phase.Requirements))}</p>");
        }

        if (phase.Outcome == PhaseOutcome.Skipped)
        {
            html.Append("<p class=\"consequence\">Skipped: not run because of an earlier stop.</p></section>");
            return;
        }

        if (phase.Message.Length > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"message\">{E(phase.Message)}</p>");
        }

        if (phase.Measurements.Count > 0)
        {
            MeasurementRecord? root = phase.Measurements.FirstOrDefault(measurement => measurement.Outcome == MeasurementOutcome.Fail);
            html.Append("<table><tr><th>measurement</th><th>value</th><th>limits</th><th>outcome</th><th>requirement</th><th>note</th></tr>");
            foreach (MeasurementRecord measurement in phase.Measurements)
            {
                bool consequence = measurement.Outcome == MeasurementOutcome.Unset && phase.Outcome != PhaseOutcome.Pass;
                string measurementOutcome = consequence ? "CONSEQUENCE" : measurement.Marginal ? "MARGINAL" : measurement.Outcome == MeasurementOutcome.Unset ? "UNSET" : measurement.Outcome.ToString().ToUpperInvariant();
                string badge = consequence ? "NOT TAKEN" : measurementOutcome;
                string rowClass = measurement.Outcome switch { MeasurementOutcome.Fail => "fail", MeasurementOutcome.Unset => "unset", _ => "pass" };
                string note = measurement.Message;
                if (consequence && root != null)
                {
                    note = $"Consequence of {root.Name} failing: {note}";
                }

                html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{rowClass}\" id=\"{E(MeasurementAnchor(phase, measurement))}\"><td title=\"{E(measurement.Description)}\">{E(measurement.Name)}</td><td>{E(MeasurementText.Value(measurement))}</td><td>{E(MeasurementText.Limits(measurement))}</td><td><span class=\"badge {measurementOutcome}\">{badge}</span></td><td>{E(measurement.Requirement)}</td><td>{E(note)}</td></tr>");
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
            if (points.Count >= 1)
            {
                html.Append(SvgPlot.Render($"{phase.Name}: {name}", series.Units, points, Limits(phase, series)));
            }
        }

        if (record.Attachments.Any(attachment => attachment.MediaType == "text/html") && phase.Measurements.Any(measurement => measurement.Name.Contains("calibration", StringComparison.Ordinal)))
        {
            html.Append("<p><a href=\"#attachments\">Calibration report (below)</a></p>");
        }

        html.Append("</section>");
    }

    /// <summary>The bands drawn on a series' plot in a phase: the limits of the phase's readings of that series (same units), and the motor ceiling.</summary>
    private static List<LimitBand> Limits(PhaseRecord phase, SeriesRecord series)
    {
        List<LimitBand> bands = [];
        if (series.Name == "motor-voltage")
        {
            bands.Add(new LimitBand("ceiling (SR-3)", null, MotorCeilingVolts));
        }

        string[] fragments = SeriesMeasurements.TryGetValue(series.Name, out string[]? known) ? known : [series.Name];
        foreach (MeasurementRecord measurement in phase.Measurements)
        {
            bool reading = measurement.Units == series.Units && fragments.Any(fragment => measurement.Name.Contains(fragment, StringComparison.Ordinal));
            if (!reading || (measurement.Minimum == null && measurement.Maximum == null))
            {
                continue;
            }

            // A band equal to one already drawn (the same ceiling at every level) is drawn once.
            if (bands.Any(band => Near(band.Low, measurement.Minimum) && Near(band.High, measurement.Maximum)))
            {
                continue;
            }

            double? low = measurement.Minimum;
            if (series.Name == "motor-voltage" && low == 0)
            {
                low = null;
            }

            if (bands.Any(band => Near(band.Low, low) && Near(band.High, measurement.Maximum)))
            {
                continue;
            }

            bands.Add(new LimitBand(measurement.Name, low, measurement.Maximum));
        }

        return bands;
    }

    private static bool Near(double? first, double? second) => (first, second) switch
    {
        (null, null) => true,
        (double a, double b) => Math.Abs(a - b) < 1e-9,
        _ => false,
    };

    private static void AppendAttachments(StringBuilder html, TestRecord record)
    {
        List<AttachmentRecord> pages = record.Attachments.Where(attachment => attachment.MediaType == "text/html").ToList();
        if (record.Attachments.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"phase\" id=\"attachments\"><h2>Attachments</h2><ul>");
        foreach (AttachmentRecord attachment in record.Attachments)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(attachment.Name)} ({E(attachment.MediaType)}, {attachment.Data.Length} bytes){(attachment.MediaType == "text/html" ? " — shown below" : string.Empty)}</li>");
        }

        html.Append("</ul>");
        foreach (AttachmentRecord page in pages)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3>{E(page.Name)}</h3><iframe class=\"attachment\" title=\"{E(page.Name)}\" sandbox=\"\" srcdoc=\"{E(Encoding.UTF8.GetString(page.Data))}\"></iframe>");
        }

        html.Append("</section>");
    }

    private static void Row(StringBuilder html, string name, string value) => html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");

    private static string E(string text) => HtmlDocument.Encode(text);
}
