using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Wand.Host.Reports;

namespace Wand.Host.Calibration.Reports;

/// <summary>
/// A self-contained HTML report of one unit's calibration in the report kit's look (<see cref="HtmlDocument"/>,
/// <see cref="ReportStyle"/>, <see cref="AmplitudePlot"/>): the outcome as one badge with its cause first, then the
/// plot on the targets' scale, the levels against their targets, the records and the thresholds. A value that was
/// not measured reads "not measured", never 0.
/// </summary>
public static class CalibrationHtmlReport
{
    private const string NotMeasured = "<span class=\"notmeasured\">not measured</span>";

    /// <summary>Renders the report.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        StringBuilder html = new();
        string outcome = result.Outcome switch { CalibrationOutcome.Pass => "PASS", CalibrationOutcome.Fail => "FAIL", _ => "ERROR" };
        HtmlDocument.Open(html, $"Calibration {UnitName(result)} {outcome}", ReportStyle.Css);
        html.Append("<h1>").Append(Encode(UnitName(result))).Append(" · motor calibration <span class=\"badge ").Append(outcome).Append("\" id=\"verdict\">").Append(outcome).Append("</span></h1>");
        html.Append("<div class=\"verdict verdict-").Append(outcome).Append("\" id=\"summary\"><p class=\"cause\">")
            .Append(result.Message.Length > 0 ? Encode(result.Message) : outcome == "PASS" ? "Calibrated; every level within its target." : string.Empty).Append("</p>");
        int outside = result.LevelChecks.Count(check => Math.Abs(check.RelativeError) > result.Targets.Tolerance);
        html.Append(Invariant($"<p>Levels within ±{result.Targets.Tolerance:P0} of target: "))
            .Append(result.LevelChecks.Count == 0 ? NotMeasured : Invariant($"{result.LevelChecks.Count - outside} of {result.LevelChecks.Count}"))
            .Append(". Record ").Append(result.Written ? "written to the unit." : "not written.").Append("</p></div>");
        html.Append("<table>");
        Row(html, "Unit serial", Encode(result.Identity?.SerialNumber is { Length: > 0 } serial ? serial : "unserialised"));
        if (result.Identity is not null)
        {
            Row(html, "Model / firmware", Encode($"{result.Identity.ModelNumber} / {result.Identity.FirmwareRevision}"));
        }

        Row(html, "Device", $"<code>{Encode(result.Address)}</code>");
        Row(html, "Sensor", Encode(result.Sensor));
        Row(html, "Started (UTC)", Encode(result.StartedAt.UtcDateTime.ToString("u", CultureInfo.InvariantCulture)));
        Row(html, "Duration", Invariant($"{result.DurationMilliseconds / 1000.0:0.###} s"));
        Row(html, "Motor ceiling", Invariant($"{result.CeilingMillivolts} mV"));
        html.Append("</table>");
        html.Append(AmplitudePlot.Render(result));
        html.Append("<h2>Levels</h2>");
        if (result.LevelChecks.Count == 0)
        {
            html.Append("<p>").Append(NotMeasured).Append(": the calibration stopped before the levels were checked.</p>");
        }
        else
        {
            html.Append("<table><tr><th>level</th><th>drive (mV)</th><th>target (g)</th><th>measured (g)</th><th>deviation</th><th>outcome</th></tr>");
            foreach (LevelCheck check in result.LevelChecks)
            {
                bool inside = Math.Abs(check.RelativeError) <= result.Targets.Tolerance;
                string badge = inside ? "PASS" : "FAIL";
                html.Append(Invariant($"<tr class=\"{(inside ? "pass" : "fail")}\"><td>{check.Level}</td><td>{check.Millivolts}</td><td>{check.TargetG:0.0000}</td><td>{check.MeasuredG:0.0000}</td><td>{check.RelativeError:+0.0%;-0.0%}</td><td><span class=\"badge {badge}\">{badge}</span></td></tr>"));
            }

            html.Append(Invariant($"</table><p>Tolerance ±{result.Targets.Tolerance:P0}.</p>"));
        }

        html.Append("<h2>Records</h2><table><tr><th></th><th>sustain (mV)</th><th>breakaway (mV)</th><th>kick (mV)</th><th>kick (ms)</th><th>levels 1–5 (mV)</th></tr>");
        RecordRow(html, "before", result.PreviousRecord, "none (safe defaults)");
        RecordRow(html, result.Written ? "written" : "computed (not written)", result.NewRecord, "not computed");
        html.Append("</table>");
        html.Append("<h2>Thresholds and fit</h2><table>");
        Row(html, "Breakaway", result.BreakawayMillivolts > 0 ? Invariant($"{result.BreakawayMillivolts} mV after {result.BreakawayProbes.Count} probe(s)") : NotMeasured + Invariant($" ({result.BreakawayProbes.Count} probe(s), no start)"));
        Row(html, "Rotor stops below", result.StopMillivolts > 0 ? Invariant($"{result.StopMillivolts} mV") : NotMeasured);
        Row(html, "Sweep", result.SweepPoints.Count > 0 ? Invariant($"{result.SweepPoints.Count} points") : NotMeasured);
        Row(html, "Fit", result.Fit is null ? NotMeasured : Invariant($"amplitude = ({result.Fit.Model.SlopeRootGPerVolt:0.###} √g/V · (V − {result.Fit.Model.ZeroMillivolts:0} mV))², {result.Fit.PointCount} points, RMS residual {result.Fit.RootMeanSquareRelativeResidual:P2}, worst {result.Fit.MaximumRelativeResidual:P2}"));
        html.Append("</table>");
        HtmlDocument.Close(html);
        return html.ToString();
    }

    /// <summary>The unit's name in file names and titles: the serial number, or <c>unserialised</c>.</summary>
    /// <param name="result">The result.</param>
    /// <returns>A name of letters, digits and '-'.</returns>
    public static string UnitName(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        string serial = result.Identity?.SerialNumber ?? string.Empty;
        StringBuilder name = new();
        foreach (char character in serial)
        {
            name.Append(char.IsAsciiLetterOrDigit(character) || character == '-' ? character : '_');
        }

        return name.Length > 0 ? name.ToString() : "unserialised";
    }

    private static void Row(StringBuilder html, string name, string markup) => html.Append("<tr><th>").Append(Encode(name)).Append("</th><td>").Append(markup).Append("</td></tr>");

    private static void RecordRow(StringBuilder html, string label, RecordValues? record, string missing)
    {
        if (record is null)
        {
            html.Append("<tr><th>").Append(Encode(label)).Append("</th><td colspan=\"5\">").Append(Encode(missing)).Append("</td></tr>");
            return;
        }

        html.Append(Invariant($"<tr><th>{Encode(label)}</th><td>{record.SustainMillivolts}</td><td>{record.BreakawayMillivolts}</td><td>{record.KickMillivolts}</td><td>{record.KickMilliseconds}</td><td>{string.Join(", ", record.LevelMillivolts)}</td></tr>"));
    }

    private static string Encode(string text) => HtmlDocument.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
