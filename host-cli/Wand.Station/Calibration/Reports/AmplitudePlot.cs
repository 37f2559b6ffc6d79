using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wand.Host.Calibration.Fitting;
using Wand.Host.Reports;
using Wand.Core.Board;

namespace Wand.Host.Calibration.Reports;

/// <summary>
/// An SVG plot of amplitude against drive, drawn on the report kit's <see cref="SvgCanvas"/> on the scale of the
/// level targets: every level's target band (target ± tolerance) always, the sweep points, the fitted law, the
/// breakaway and sustain thresholds when measured, the ceiling, and the chosen level points. Points above the scale
/// are drawn on its top edge as open markers. Labels sit outside the plot area or in the legend, never under a line.
/// </summary>
public static class AmplitudePlot
{
    private const int Width = 680;
    private const int Height = 400;
    private const int Left = 60;
    private const int Right = 60;
    private const int Top = 40;
    private const int Bottom = 50;

    /// <summary>Renders the plot.</summary>
    /// <param name="result">A calibration result (any outcome).</param>
    /// <returns>A standalone SVG element with class <c>plot</c>: the target bands have class <c>limit</c>, the sweep class <c>series</c>.</returns>
    public static string Render(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double minimumVolts = 0.5;
        double maximumVolts = Math.Max(3.0, result.CeilingMillivolts / 1000.0);
        double tolerance = result.Targets.Tolerance;
        double maximumG = Math.Ceiling(result.Targets.TopAmplitudeG * (1 + tolerance) * 1.2 * 20) / 20;
        SvgCanvas canvas = new(Width, Height, Left, Right, Top, Bottom);
        canvas.Scale(minimumVolts * 1000, maximumVolts * 1000, 0, maximumG);
        double X(double millivolts) => canvas.X(Math.Clamp(millivolts, minimumVolts * 1000, maximumVolts * 1000));
        double Y(double g) => canvas.Y(Math.Clamp(g, 0, maximumG));

        canvas.Append($"<text x=\"{Left}\" y=\"14\" class=\"title\">Amplitude against drive, on the level targets' scale</text>");
        canvas.Append($"<text x=\"{Left}\" y=\"26\" class=\"legendtext\">● sweep   ○ sweep point above the scale   — fit   ◆ level check   ▭ target ± {tolerance:P0}</text>");
        for (int level = 1; level <= SafetyLimits.LevelCount; level++)
        {
            double target = result.Targets.AmplitudeG(level);
            double high = Y(target * (1 + tolerance));
            double low = Y(target * (1 - tolerance));
            canvas.Append($"<rect x=\"{Left}\" y=\"{high:0.#}\" width=\"{canvas.Right - canvas.Left}\" height=\"{low - high:0.#}\" class=\"limit\" data-level=\"{level}\"><title>level {level} target {target:0.0000} g ± {tolerance:P0}</title></rect>");
            canvas.Append($"<line x1=\"{Left}\" x2=\"{canvas.Right}\" y1=\"{Y(target):0.#}\" y2=\"{Y(target):0.#}\" class=\"target\"/>");
            canvas.Append($"<text x=\"{canvas.Right + 4}\" y=\"{Y(target) + 4:0.#}\" class=\"limitlabel\">L{level} {target:0.000} g</text>");
        }

        Axes(canvas, minimumVolts, maximumVolts, maximumG);
        VerticalMarker(canvas, X(result.CeilingMillivolts), "ceiling", "#c62828", string.Empty, 0);
        if (result.BreakawayMillivolts > 0)
        {
            VerticalMarker(canvas, X(result.BreakawayMillivolts), "breakaway", "#e69500", "6,3", 1);
        }

        if (result.NewRecord is not null)
        {
            VerticalMarker(canvas, X(result.NewRecord.SustainMillivolts), "sustain", "#616161", "2,3", 2);
        }

        if (result.Fit is not null)
        {
            AmplitudeModel model = result.Fit.Model;
            List<(double, double)> path = [];
            for (double millivolts = Math.Max(minimumVolts * 1000, model.ZeroMillivolts); millivolts <= maximumVolts * 1000; millivolts += 10)
            {
                if (model.AmplitudeAt(millivolts) > maximumG)
                {
                    break;
                }

                path.Add((millivolts, model.AmplitudeAt(millivolts)));
            }

            if (path.Count >= 2)
            {
                canvas.Polyline(path, "class=\"fit\"", "0.#", Invariant($"fit: (slope·(V − {model.ZeroMillivolts:0} mV))², slope {model.SlopeRootGPerVolt:0.###} √g/V"));
            }
        }

        canvas.Append($"<g class=\"series\" data-points=\"{result.SweepPoints.Count}\">");
        foreach (DrivePoint point in result.SweepPoints)
        {
            string fill = point.AmplitudeG > maximumG ? "none" : "#1565c0";
            canvas.Append($"<circle cx=\"{X(point.Millivolts):0.#}\" cy=\"{Y(point.AmplitudeG):0.#}\" r=\"3\" fill=\"{fill}\" stroke=\"#1565c0\"><title>{point.Millivolts} mV: {point.AmplitudeG:0.0000} g</title></circle>");
        }

        canvas.Append($"</g>");
        if (result.SweepPoints.Count == 0)
        {
            canvas.Append($"<text x=\"{(canvas.Left + canvas.Right) / 2}\" y=\"{(canvas.Top + canvas.Bottom) / 2}\" class=\"nodata\">Not measured: no sweep point (the motor did not run)</text>");
        }

        foreach (LevelCheck check in result.LevelChecks)
        {
            double x = X(check.Millivolts);
            bool inside = Math.Abs(check.RelativeError) <= tolerance;
            string colour = inside ? "#2e7d32" : "#c62828";
            canvas.Append($"<rect x=\"{x - 4:0.#}\" y=\"{Y(check.MeasuredG) - 4:0.#}\" width=\"8\" height=\"8\" fill=\"{colour}\" class=\"levelcheck\" transform=\"rotate(45 {x:0.#} {Y(check.MeasuredG):0.#})\"><title>level {check.Level}: {check.Millivolts} mV, {check.MeasuredG:0.0000} g (target {check.TargetG:0.0000} g, {check.RelativeError:+0.0%;-0.0%})</title></rect>");
        }

        return canvas.Complete(" class=\"plot\" role=\"img\" aria-label=\"amplitude (g) against average motor voltage (V)\" font-family=\"sans-serif\" font-size=\"11\"");
    }

    private static void Axes(SvgCanvas svg, double minimumVolts, double maximumVolts, double maximumG)
    {
        svg.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{svg.Right - svg.Left}\" height=\"{svg.Bottom - svg.Top}\" class=\"frame\"/>");
        for (double volts = Math.Ceiling(minimumVolts * 2) / 2; volts <= maximumVolts + 1e-9; volts += 0.5)
        {
            svg.Append($"<text x=\"{svg.X(volts * 1000):0.#}\" y=\"{svg.Bottom + 16}\" class=\"xtick\">{volts:0.0}</text>");
        }

        foreach (double g in SvgCanvas.Ticks(0, maximumG))
        {
            svg.Append($"<line x1=\"{Left - 4}\" x2=\"{Left}\" y1=\"{svg.Y(g):0.#}\" y2=\"{svg.Y(g):0.#}\" class=\"axis\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{svg.Y(g) + 4:0.#}\" class=\"ytick\">{g:0.00}</text>");
        }

        svg.Append($"<text x=\"{svg.Right}\" y=\"{Height - 4}\" class=\"xlabel\">average motor voltage (V)</text>");
        svg.Append($"<text x=\"14\" y=\"{(Top + svg.Bottom) / 2}\" class=\"ylabel\" transform=\"rotate(-90 14 {(Top + svg.Bottom) / 2})\">amplitude (g peak)</text>");
    }

    private static void VerticalMarker(SvgCanvas svg, double x, string label, string colour, string dash, int row)
    {
        string dashes = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : string.Empty;
        svg.Append($"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{svg.Bottom}\" stroke=\"{colour}\"{dashes}/>");
        // The ceiling's label sits above the plot area at its right; the thresholds' labels below the tick labels, one row each.
        double y = row == 0 ? Top - 3 : svg.Bottom + 18 + (row * 12);
        string anchor = row == 0 ? "end" : "middle";
        svg.Append($"<text x=\"{x:0.#}\" y=\"{y:0.#}\" fill=\"{colour}\" font-size=\"10\" text-anchor=\"{anchor}\">{label}</text>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
