using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Wand.Host.Calibration.Fitting;

namespace Wand.Host.Calibration.Reports;

/// <summary>
/// An SVG plot of amplitude against drive: the sweep points, the fitted law, the breakaway and sustain thresholds, the
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
        double X(double millivolts) => Left + ((millivolts / 1000.0) - minimumVolts) / (maximumVolts - minimumVolts) * (Width - Left - Right);
        double Y(double g) => Height - Bottom - (Math.Min(g, maximumG) / maximumG * (Height - Top - Bottom));

        StringBuilder svg = new();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"11\">"));
        svg.Append("<title>Amplitude against drive</title>");
        Axes(svg, minimumVolts, maximumVolts, maximumG, X, Y);
        VerticalMarker(svg, X(result.CeilingMillivolts), "ceiling", "#c00", string.Empty);
        if (result.BreakawayMillivolts > 0)
        {
            VerticalMarker(svg, X(result.BreakawayMillivolts), "breakaway", "#e69500", "6,3");
        }

        if (result.NewRecord is not null)
        {
            VerticalMarker(svg, X(result.NewRecord.SustainMillivolts), "sustain", "#7a7a7a", "2,3");
        }

        if (result.Fit is not null)
        {
            AmplitudeModel model = result.Fit.Model;
            StringBuilder path = new();
            for (double millivolts = Math.Max(minimumVolts * 1000, model.ZeroMillivolts); millivolts <= maximumVolts * 1000; millivolts += 20)
            {
                path.Append(Invariant($"{X(millivolts):0.#},{Y(model.AmplitudeAt(millivolts)):0.#} "));
            }

            svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"1.5\" points=\"{path}\"><title>fit: (slope·(V − {model.ZeroMillivolts:0} mV))², slope {model.SlopeRootGPerVolt:0.###} √g/V</title></polyline>"));
        }

        foreach (DrivePoint point in result.SweepPoints)
        {
            svg.Append(Invariant($"<circle cx=\"{X(point.Millivolts):0.#}\" cy=\"{Y(point.AmplitudeG):0.#}\" r=\"3\" fill=\"#1f77b4\"><title>{point.Millivolts} mV: {point.AmplitudeG:0.0000} g</title></circle>"));
        }

        foreach (LevelCheck check in result.LevelChecks)
        {
            double x = X(check.Millivolts);
            svg.Append(Invariant($"<line x1=\"{x - 8:0.#}\" x2=\"{x + 8:0.#}\" y1=\"{Y(check.TargetG):0.#}\" y2=\"{Y(check.TargetG):0.#}\" stroke=\"#2ca02c\" stroke-width=\"2\"/>"));
            svg.Append(Invariant($"<rect x=\"{x - 4:0.#}\" y=\"{Y(check.MeasuredG) - 4:0.#}\" width=\"8\" height=\"8\" fill=\"#2ca02c\" transform=\"rotate(45 {x:0.#} {Y(check.MeasuredG):0.#})\"><title>level {check.Level}: {check.Millivolts} mV, {check.MeasuredG:0.0000} g (target {check.TargetG:0.0000} g)</title></rect>"));
            svg.Append(Invariant($"<text x=\"{x - 6:0.#}\" y=\"{Y(check.MeasuredG) - 10:0.#}\" fill=\"#2ca02c\">L{check.Level}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{Width - Right - 230}\" y=\"{Top + 12}\">● sweep  — fit  ◆ level (bar: target)</text>"));
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Axes(StringBuilder svg, double minimumVolts, double maximumVolts, double maximumG, Func<double, double> x, Func<double, double> y)
    {
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#000\"/>"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#000\"/>"));
        for (double volts = Math.Ceiling(minimumVolts * 2) / 2; volts <= maximumVolts + 1e-9; volts += 0.5)
        {
            svg.Append(Invariant($"<text x=\"{x(volts * 1000) - 10:0.#}\" y=\"{Height - Bottom + 16}\">{volts:0.0}</text>"));
        }

        double step = maximumG > 0.6 ? 0.2 : 0.1;
        for (double g = 0; g <= maximumG; g += step)
        {
            svg.Append(Invariant($"<text x=\"{Left - 36}\" y=\"{y(g) + 4:0.#}\">{g:0.0}</text>"));
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y(g):0.#}\" y2=\"{y(g):0.#}\" stroke=\"#eee\"/>"));
        }

        svg.Append(Invariant($"<text x=\"{(Width / 2) - 60}\" y=\"{Height - 12}\">average motor voltage (V)</text>"));
        svg.Append(Invariant($"<text x=\"14\" y=\"{(Height / 2) + 40}\" transform=\"rotate(-90 14 {(Height / 2) + 40})\">amplitude (g peak)</text>"));
    }

    private static void VerticalMarker(StringBuilder svg, double x, string label, string colour, string dash)
    {
        string dashes = dash.Length > 0 ? $" stroke-dasharray=\"{dash}\"" : string.Empty;
        svg.Append(Invariant($"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"{colour}\"{dashes}/>"));
        bool nearRightEdge = x > Width - Right - 80;
        string anchor = nearRightEdge ? " text-anchor=\"end\"" : string.Empty;
        svg.Append(Invariant($"<text x=\"{(nearRightEdge ? x - 3 : x + 3):0.#}\" y=\"{Top + 24}\" fill=\"{colour}\"{anchor}>{label}</text>"));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
