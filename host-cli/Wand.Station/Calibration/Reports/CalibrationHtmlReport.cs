using System;
using System.Globalization;
using System.Text;
using Wand.Host.Reports;

namespace Wand.Host.Calibration.Reports;

/// <summary>A self-contained HTML report (the report kit's <see cref="HtmlDocument"/> and <see cref="AmplitudePlot"/>) of one unit's calibration: outcome, record, thresholds, levels and the plot.</summary>
public static class CalibrationHtmlReport
{
    private const string Style = "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{background:#f4f4f4}.outcome{color:white;padding:2px 8px;border-radius:4px}";

    /// <summary>Renders the report.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The HTML document.</returns>
    public static string Render(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        StringBuilder html = new();
        string unit = Encode(UnitName(result));
        string colour = result.Outcome switch { CalibrationOutcome.Pass => "#2ca02c", CalibrationOutcome.Fail => "#d62728", _ => "#e69500" };
        HtmlDocument.Open(html, "Calibration " + UnitName(result), Style);
        html.Append("<h1>Motor calibration: ").Append(unit).Append(" <span class=\"outcome\" style=\"background:").Append(colour).Append("\">")
            .Append(result.Outcome.ToString().ToUpperInvariant()).Append("</span></h1>");
        html.Append("<p>").Append(Encode(result.Message)).Append("</p>");
        html.Append("<p>Device <code>").Append(Encode(result.Address)).Append("</code>, sensor: ").Append(Encode(result.Sensor))
            .Append(Invariant($", started {result.StartedAt:u}, duration {result.DurationMilliseconds} ms, ceiling {result.CeilingMillivolts} mV."))
            .Append(result.Identity is null ? string.Empty : Invariant($" Model {Encode(result.Identity.ModelNumber)}, firmware {Encode(result.Identity.FirmwareRevision)}."))
            .Append("</p>");
        html.Append(AmplitudePlot.Render(result));
        html.Append("<h2>Levels</h2><table><tr><th>level</th><th>drive (mV)</th><th>target (g)</th><th>measured (g)</th><th>deviation</th></tr>");
        foreach (LevelCheck check in result.LevelChecks)
        {
            html.Append(Invariant($"<tr><td>{check.Level}</td><td>{check.Millivolts}</td><td>{check.TargetG:0.0000}</td><td>{check.MeasuredG:0.0000}</td><td>{check.RelativeError:+0.0%;-0.0%}</td></tr>"));
        }

        html.Append(Invariant($"</table><p>Tolerance ±{result.Targets.Tolerance:P0}.</p>"));
        html.Append("<h2>Records</h2><table><tr><th></th><th>sustain</th><th>breakaway</th><th>kick</th><th>kick ms</th><th>levels 1–5 (mV)</th></tr>");
        RecordRow(html, "before", result.PreviousRecord);
        RecordRow(html, result.Written ? "written" : "computed (not written)", result.NewRecord);
        html.Append("</table>");
        html.Append("<h2>Thresholds and fit</h2><ul>");
        html.Append(Invariant($"<li>Breakaway: {result.BreakawayMillivolts} mV after {result.BreakawayProbes.Count} probes</li>"));
        html.Append(Invariant($"<li>Rotor stops below: {result.StopMillivolts} mV</li>"));
        if (result.Fit is not null)
        {
            html.Append(Invariant($"<li>Fit: amplitude = ({result.Fit.Model.SlopeRootGPerVolt:0.###} √g/V · (V − {result.Fit.Model.ZeroMillivolts:0} mV))², {result.Fit.PointCount} points, RMS residual {result.Fit.RootMeanSquareRelativeResidual:P2}, worst {result.Fit.MaximumRelativeResidual:P2}</li>"));
        }

        html.Append("</ul>");
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

    private static void RecordRow(StringBuilder html, string label, RecordValues? record)
    {
        if (record is null)
        {
            html.Append("<tr><th>").Append(Encode(label)).Append("</th><td colspan=\"5\">none (safe defaults)</td></tr>");
            return;
        }

        html.Append(Invariant($"<tr><th>{Encode(label)}</th><td>{record.SustainMillivolts}</td><td>{record.BreakawayMillivolts}</td><td>{record.KickMillivolts}</td><td>{record.KickMilliseconds}</td><td>{string.Join(", ", record.LevelMillivolts)}</td></tr>"));
    }

    private static string Encode(string text) => HtmlDocument.Encode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
