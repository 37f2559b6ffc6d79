using System;
using System.Globalization;
using System.Collections.Generic;
using System.Linq;
using Wand.Host.Calibration.Fitting;
using Wand.Host.Reports;

namespace Wand.Host.Calibration.Reports;

/// <summary>
/// An SVG plot of amplitude against drive, drawn on the report kit's <see cref="SvgCanvas"/>: the sweep points, the fitted law, the breakaway and sustain thresholds, the
/// ceiling, and the chosen level points against their targets.
/// </summary>
public static class AmplitudePlot
{
    private const int Width = 640;
    private const int Height = 400;
    private const int Left = 60;
    private const int Right = 20;
    private const int Top = 20;
    private const int Bottom = 50;

    /// <summary>Renders the plot.</summary>
    /// <param name="result">A calibration result (any outcome).</param>
    /// <returns>A standalone SVG element.</returns>
    public static string Render(CalibrationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        double minimumVolts = 0.5;
        double maximumVolts = Math.Max(3.0, result.CeilingMillivolts / 1000.0);
        double maximumG = new[] { result.Targets.TopAmplitudeG * 1.3 }
            .Concat(result.SweepPoints.Select(point => point.AmplitudeG * 1.05))
            .Max();
        SvgCanvas canvas = new(Width, Height, Left, Right, Top, Bottom);
        canvas.Scale(minimumVolts * 1000, maximumVolts * 1000, 0, maximumG);
        double X(double millivolts) => canvas.X(millivolts);
        double Y(double g) => canvas.Y(Math.Min(g, maximumG));

        canvas.Append($"<title>Amplitude against drive</title>");
        Axes(canvas, minimumVolts, maximumVolts, maximumG, X, Y);
        VerticalMarker(canvas, X(result.CeilingMillivolts), "ceiling", "#c00", string.Empty);
        if (result.BreakawayMillivolts > 0)
        {
            VerticalMarker(canvas, X(result.BreakawayMillivolts), "breakaway", "#e69500", "6,3");
        }

        if (result.NewRecord is not null)
        {
            VerticalMarker(canvas, X(result.NewRecord.SustainMillivolts), "sustain", "#7a7a7a", "2,3");
        }

        if (result.Fit is not null)
        {
            AmplitudeModel model = result.Fit.Model;
            List<(double, double)> path = [];
            for (double millivolts = Math.Max(minimumVolts * 1000, model.ZeroMillivolts); millivolts <= maximumVolts * 1000; millivolts += 20)
            {
                path.Add((millivolts, Math.Min(model.AmplitudeAt(millivolts), maximumG)));
            }

            canvas.Polyline(path, "fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\"", "0.#", Invariant($"fit: (slope·(V − {model.ZeroMillivolts:0} mV))², slope {model.SlopeRootGPerVolt:0.###} √g/V"));
        }

        foreach (DrivePoint point in result.SweepPoints)
        {
            canvas.Append($"<circle cx=\"{X(point.Millivolts):0.#}\" cy=\"{Y(point.AmplitudeG):0.#}\" r=\"3\" fill=\"#1f77b4\"><title>{point.Millivolts} mV: {point.AmplitudeG:0.0000} g</title></circle>");
        }

        foreach (LevelCheck check in result.LevelChecks)
        {
            double x = X(check.Millivolts);
            canvas.Append($"<line x1=\"{x - 8:0.#}\" x2=\"{x + 8:0.#}\" y1=\"{Y(check.TargetG):0.#}\" y2=\"{Y(check.TargetG):0.#}\" stroke=\"#2ca02c\" stroke-width=\"2\"/>");
            canvas.Append($"<rect x=\"{x - 4:0.#}\" y=\"{Y(check.MeasuredG) - 4:0.#}\" width=\"8\" height=\"8\" fill=\"#2ca02c\" transform=\"rotate(45 {x:0.#} {Y(check.MeasuredG):0.#})\"><title>level {check.Level}: {check.Millivolts} mV, {check.MeasuredG:0.0000} g (target {check.TargetG:0.0000} g)</title></rect>");
            canvas.Append($"<text x=\"{x - 6:0.#}\" y=\"{Y(check.MeasuredG) - 10:0.#}\" fill=\"#2ca02c\">L{check.Level}</text>");
        }

        canvas.Append($"<text x=\"{Width - Right - 230}\" y=\"{Top + 12}\">● sweep  — fit  ◆ level (bar: target)</text>");
        return canvas.Complete(" font-family=\"sans-serif\" font-size=\"11\"");
    }

    private static void Axes(SvgCanvas svg, double minimumVolts, double maximumVolts, double maximumG, Func<double, double> x, Func<double, double> y)
    {
        svg.Append($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#000\"/>");
        svg.Append($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#000\"/>");
        for (double volts = Math.Ceiling(minimumVolts * 2) / 2; volts <= maximumVolts + 1e-9; volts += 0.5)
        {
            svg.Append($"<text x=\"{x(volts * 1000) - 10:0.#}\" y=\"{Height - Bottom + 16}\">{volts:0.0}</text>");
        }

        double step = maximumG > 0.6 ? 0.2 : 0.1;
        for (double g = 0; g <= maximumG; g += step)
        {
            svg.Append($"<text x=\"{Left - 36}\" y=\"{y(g) + 4:0.#}\">{g:0.0}</text>");
            svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y(g):0.#}\" y2=\"{y(g):0.#}\" stroke=\"#eee\"/>");
        }

        svg.Append($"<text x=\"{(Width / 2) - 60}\" y=\"{Height - 12}\">average motor voltage (V)</text>");
        svg.Append($"<text x=\"14\" y=\"{(Height / 2) + 40}\" transform=\"rotate(-90 14 {(Height / 2) + 40})\">amplitude (g peak)</text>");
    }

    private static void VerticalMarker(SvgCanvas svg, double x, string label, string colour, string dash)
    {
        string dashes = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : string.Empty;
        svg.Append($"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"{colour}\"{dashes}/>");
        bool nearRightEdge = x > Width - Right - 80;
        string anchor = nearRightEdge ? " text-anchor=\"end\"" : string.Empty;
        svg.Append($"<text x=\"{(nearRightEdge ? x - 3 : x + 3):0.#}\" y=\"{Top + 24}\" fill=\"{colour}\"{anchor}>{label}</text>");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
