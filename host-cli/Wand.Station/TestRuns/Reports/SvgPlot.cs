using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>
/// Draws a time series as a self-contained inline SVG line chart: time on x (seconds of device time), the value on y,
/// ticks and labels on both axes, optional horizontal limit lines.
/// </summary>
public static class SvgPlot
{
    private const int Width = 640;
    private const int Height = 200;
    private const int Left = 56;
    private const int Right = 12;
    private const int Top = 24;
    private const int Bottom = 34;
    private static readonly double[] StepFactors = [1.0, 2.0, 5.0, 10.0];

    /// <summary>Renders a chart.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="units">Units of the values.</param>
    /// <param name="points">Points in time order; at least one.</param>
    /// <param name="limits">Horizontal reference lines (label, value), for example a ceiling; may be empty.</param>
    /// <returns>An <c>svg</c> element.</returns>
    public static string Render(string title, string units, IReadOnlyList<SeriesPoint> points, IReadOnlyList<(string Label, double Value)> limits)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(limits);
        if (points.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one point.", nameof(points));
        }

        double xMinimum = points[0].TimeMilliseconds;
        double xMaximum = Math.Max(points[^1].TimeMilliseconds, xMinimum + 1);
        IEnumerable<double> values = points.Select(point => point.Value).Concat(limits.Select(limit => limit.Value));
        double yMinimum = Math.Min(0, values.Min());
        double yMaximum = values.Max();
        if (yMaximum - yMinimum < 1e-9)
        {
            yMaximum = yMinimum + 1;
        }

        yMaximum += (yMaximum - yMinimum) * 0.08;
        double X(double time) => Left + ((time - xMinimum) / (xMaximum - xMinimum) * (Width - Left - Right));
        double Y(double value) => Height - Bottom - ((value - yMinimum) / (yMaximum - yMinimum) * (Height - Top - Bottom));

        StringBuilder svg = new();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"plot\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Escape(title)}\">"));
        svg.Append(Invariant($"<text x=\"{Left}\" y=\"15\" class=\"title\">{Escape(title)} ({Escape(units)})</text>"));
        svg.Append(Invariant($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{Width - Left - Right}\" height=\"{Height - Top - Bottom}\" class=\"frame\"/>"));
        foreach (double tick in Ticks(yMinimum, yMaximum))
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(tick):F1}\" y2=\"{Y(tick):F1}\" class=\"grid\"/>"));
            svg.Append(Invariant($"<text x=\"{Left - 4}\" y=\"{Y(tick) + 4:F1}\" class=\"ytick\">{MeasurementText.Number(tick)}</text>"));
        }

        foreach (double tick in Ticks(xMinimum / 1000, xMaximum / 1000))
        {
            double x = X(tick * 1000);
            svg.Append(Invariant($"<line x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom + 4}\" class=\"axis\"/>"));
            svg.Append(Invariant($"<text x=\"{x:F1}\" y=\"{Height - Bottom + 16}\" class=\"xtick\">{MeasurementText.Number(tick)}</text>"));
        }

        svg.Append(Invariant($"<text x=\"{Width - Right}\" y=\"{Height - 4}\" class=\"xlabel\">device time (s)</text>"));
        foreach ((string label, double value) in limits)
        {
            svg.Append(Invariant($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(value):F1}\" y2=\"{Y(value):F1}\" class=\"limit\"/>"));
            svg.Append(Invariant($"<text x=\"{Width - Right - 4}\" y=\"{Y(value) - 3:F1}\" class=\"limitlabel\">{Escape(label)}</text>"));
        }

        svg.Append("<polyline class=\"series\" points=\"");
        foreach (SeriesPoint point in points)
        {
            svg.Append(Invariant($"{X(point.TimeMilliseconds):F1},{Y(point.Value):F1} "));
        }

        svg.Append("\"/></svg>");
        return svg.ToString();
    }

    /// <summary>Chooses about five round tick values across a range.</summary>
    /// <param name="minimum">Range start.</param>
    /// <param name="maximum">Range end, above the start.</param>
    /// <returns>Tick values inside the range.</returns>
    public static IReadOnlyList<double> Ticks(double minimum, double maximum)
    {
        double span = maximum - minimum;
        if (!(span > 0) || !double.IsFinite(span))
        {
            return [minimum];
        }

        double rough = span / 5;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double step = StepFactors.Select(factor => factor * magnitude).First(candidate => candidate >= rough);
        List<double> ticks = [];
        for (double tick = Math.Ceiling(minimum / step) * step; tick <= maximum + (step * 1e-9); tick += step)
        {
            ticks.Add(Math.Round(tick, 10));
        }

        return ticks;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
