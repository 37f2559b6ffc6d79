using System;
using System.Collections.Generic;
using System.Linq;
using Wand.Host.Reports;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>
/// Draws a time series as a self-contained inline SVG line chart on the report kit's <see cref="SvgCanvas"/>: time on
/// x (seconds of device time), the value on y, ticks and labels on both axes, optional horizontal limit lines.
/// </summary>
public static class SvgPlot
{
    private const int Width = 640;
    private const int Height = 200;
    private const int Left = 56;
    private const int Right = 12;
    private const int Top = 24;
    private const int Bottom = 34;

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
        SvgCanvas canvas = new(Width, Height, Left, Right, Top, Bottom);
        canvas.Scale(xMinimum, xMaximum, yMinimum, yMaximum);
        canvas.Append($"<text x=\"{Left}\" y=\"15\" class=\"title\">{Escape(title)} ({Escape(units)})</text>");
        canvas.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{canvas.Right - canvas.Left}\" height=\"{canvas.Bottom - canvas.Top}\" class=\"frame\"/>");
        foreach (double tick in Ticks(yMinimum, yMaximum))
        {
            canvas.Append($"<line x1=\"{Left}\" x2=\"{canvas.Right}\" y1=\"{canvas.Y(tick):F1}\" y2=\"{canvas.Y(tick):F1}\" class=\"grid\"/>");
            canvas.Append($"<text x=\"{Left - 4}\" y=\"{canvas.Y(tick) + 4:F1}\" class=\"ytick\">{MeasurementText.Number(tick)}</text>");
        }

        foreach (double tick in Ticks(xMinimum / 1000, xMaximum / 1000))
        {
            double x = canvas.X(tick * 1000);
            canvas.Append($"<line x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"{canvas.Bottom}\" y2=\"{canvas.Bottom + 4}\" class=\"axis\"/>");
            canvas.Append($"<text x=\"{x:F1}\" y=\"{canvas.Bottom + 16}\" class=\"xtick\">{MeasurementText.Number(tick)}</text>");
        }

        canvas.Append($"<text x=\"{canvas.Right}\" y=\"{Height - 4}\" class=\"xlabel\">device time (s)</text>");
        foreach ((string label, double value) in limits)
        {
            canvas.Append($"<line x1=\"{Left}\" x2=\"{canvas.Right}\" y1=\"{canvas.Y(value):F1}\" y2=\"{canvas.Y(value):F1}\" class=\"limit\"/>");
            canvas.Append($"<text x=\"{canvas.Right - 4}\" y=\"{canvas.Y(value) - 3:F1}\" class=\"limitlabel\">{Escape(label)}</text>");
        }

        canvas.Polyline(points.Select(point => (point.TimeMilliseconds, point.Value)), "class=\"series\"");
        return canvas.Complete($" class=\"plot\" role=\"img\" aria-label=\"{Escape(title)}\"");
    }

    /// <summary>Chooses about five round tick values across a range (<see cref="SvgCanvas.Ticks"/>).</summary>
    /// <param name="minimum">Range start.</param>
    /// <param name="maximum">Range end, above the start.</param>
    /// <returns>Tick values inside the range.</returns>
    public static IReadOnlyList<double> Ticks(double minimum, double maximum) => SvgCanvas.Ticks(minimum, maximum);

    private static string Escape(string text) => HtmlDocument.Encode(text);

}
