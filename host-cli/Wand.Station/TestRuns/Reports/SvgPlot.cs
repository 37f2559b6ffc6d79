using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Wand.Host.Reports;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Reports;

/// <summary>A pass band drawn on a plot: the values between <see cref="Low"/> and <see cref="High"/> pass.</summary>
/// <param name="Label">What the band is, for example <c>ntc-reading-at-40c</c> or <c>ceiling (SR-3)</c>.</param>
/// <param name="Low">The lowest passing value, in the series' units; <c>null</c> when unbounded below.</param>
/// <param name="High">The highest passing value, in the series' units; <c>null</c> when unbounded above.</param>
public sealed record LimitBand(string Label, double? Low, double? High);

/// <summary>
/// Draws a time series as a self-contained inline SVG line chart on the report kit's <see cref="SvgCanvas"/>: time on
/// x (seconds of device time), the value on y with its units, ticks on both axes, and limits as shaded pass bands with
/// their edges dashed. Every series is drawn, a constant one as a flat line; the y range fits the data and the limits
/// (it does not start at 0 unless they do); limit labels sit in a legend above the plot area, never under a line.
/// </summary>
public static class SvgPlot
{
    private const int Width = 640;
    private const int Height = 210;
    private const int Left = 64;
    private const int Right = 12;
    private const int Top = 34;
    private const int Bottom = 34;

    /// <summary>Renders a chart.</summary>
    /// <param name="title">Chart title.</param>
    /// <param name="units">Units of the values.</param>
    /// <param name="points">Points in time order; at least one.</param>
    /// <param name="limits">Pass bands; may be empty.</param>
    /// <returns>An <c>svg</c> element with class <c>plot</c>; its line has class <c>series</c>, each band class <c>limit</c>.</returns>
    public static string Render(string title, string units, IReadOnlyList<SeriesPoint> points, IReadOnlyList<LimitBand> limits)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(limits);
        if (points.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one point.", nameof(points));
        }

        double xMinimum = points[0].TimeMilliseconds;
        double xMaximum = Math.Max(points[^1].TimeMilliseconds, xMinimum + 1);
        (double yMinimum, double yMaximum) = ValueRange(points.Select(point => point.Value), limits);
        SvgCanvas canvas = new(Width, Height, Left, Right, Top, Bottom);
        canvas.Scale(xMinimum, xMaximum, yMinimum, yMaximum);
        canvas.Append($"<text x=\"{Left}\" y=\"13\" class=\"title\">{Escape(title)}</text>");
        double legendX = Left;
        foreach (LimitBand band in limits)
        {
            string text = $"▭ {band.Label} {BandText(band, units)}";
            canvas.Append($"<text x=\"{legendX:F0}\" y=\"27\" class=\"limitlabel\">{Escape(text)}</text>");
            legendX += (text.Length * 5.6) + 10;
        }

        foreach (LimitBand band in limits)
        {
            double high = canvas.Y(band.High ?? yMaximum);
            double low = canvas.Y(band.Low ?? yMinimum);
            canvas.Append($"<rect x=\"{Left}\" y=\"{high:F1}\" width=\"{canvas.Right - canvas.Left}\" height=\"{Math.Max(low - high, 0.5):F1}\" class=\"limit\" data-low=\"{Bound(band.Low)}\" data-high=\"{Bound(band.High)}\"><title>{Escape(band.Label)} {Escape(BandText(band, units))}</title></rect>");
            foreach (double? edge in new[] { band.Low, band.High })
            {
                if (edge is double value)
                {
                    canvas.Append($"<line x1=\"{Left}\" x2=\"{canvas.Right}\" y1=\"{canvas.Y(value):F1}\" y2=\"{canvas.Y(value):F1}\" class=\"limitedge\"/>");
                }
            }
        }

        canvas.Append($"<rect x=\"{Left}\" y=\"{Top}\" width=\"{canvas.Right - canvas.Left}\" height=\"{canvas.Bottom - canvas.Top}\" class=\"frame\"/>");
        foreach (double tick in Ticks(yMinimum, yMaximum))
        {
            canvas.Append($"<line x1=\"{Left - 4}\" x2=\"{Left}\" y1=\"{canvas.Y(tick):F1}\" y2=\"{canvas.Y(tick):F1}\" class=\"axis\"/>");
            canvas.Append($"<text x=\"{Left - 6}\" y=\"{canvas.Y(tick) + 4:F1}\" class=\"ytick\">{MeasurementText.Number(tick)}</text>");
        }

        foreach (double tick in Ticks(xMinimum / 1000, xMaximum / 1000))
        {
            double x = canvas.X(tick * 1000);
            canvas.Append($"<line x1=\"{x:F1}\" x2=\"{x:F1}\" y1=\"{canvas.Bottom}\" y2=\"{canvas.Bottom + 4}\" class=\"axis\"/>");
            canvas.Append($"<text x=\"{x:F1}\" y=\"{canvas.Bottom + 16}\" class=\"xtick\">{MeasurementText.Number(tick)}</text>");
        }

        canvas.Append($"<text x=\"{canvas.Right}\" y=\"{Height - 3}\" class=\"xlabel\">device time (s)</text>");
        double middle = (Top + canvas.Bottom) / 2.0;
        canvas.Append($"<text x=\"12\" y=\"{middle:F0}\" class=\"ylabel\" transform=\"rotate(-90 12 {middle:F0})\">{Escape(units.Length > 0 ? units : "value")}</text>");
        List<(double X, double Y)> line = points.Select(point => (point.TimeMilliseconds, point.Value)).ToList();
        if (line.Count == 1)
        {
            line.Add((xMaximum, line[0].Y));
        }

        canvas.Polyline(line, $"class=\"series\" data-points=\"{points.Count}\"");
        return canvas.Complete($" class=\"plot\" role=\"img\" aria-label=\"{Escape(title)}\" data-units=\"{Escape(units)}\"");
    }

    /// <summary>The y range of a plot: the data and every finite limit, padded by 8 % (a constant series and no limits get ±5 % or ±1 around the value).</summary>
    /// <param name="values">The series' values.</param>
    /// <param name="limits">The bands.</param>
    /// <returns>The range, bottom below top.</returns>
    public static (double Minimum, double Maximum) ValueRange(IEnumerable<double> values, IReadOnlyList<LimitBand> limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        List<double> all = values.Where(double.IsFinite).ToList();
        all.AddRange(limits.SelectMany(band => new[] { band.Low, band.High }).OfType<double>().Where(double.IsFinite));
        if (all.Count == 0)
        {
            return (0, 1);
        }

        double minimum = all.Min();
        double maximum = all.Max();
        double span = maximum - minimum;
        if (span < 1e-9)
        {
            double half = Math.Abs(minimum) > 1e-9 ? Math.Abs(minimum) * 0.05 : 1;
            return (minimum - half, maximum + half);
        }

        return (minimum - (span * 0.08), maximum + (span * 0.08));
    }

    /// <summary>Chooses about five round tick values across a range (<see cref="SvgCanvas.Ticks"/>).</summary>
    /// <param name="minimum">Range start.</param>
    /// <param name="maximum">Range end, above the start.</param>
    /// <returns>Tick values inside the range.</returns>
    public static IReadOnlyList<double> Ticks(double minimum, double maximum) => SvgCanvas.Ticks(minimum, maximum);

    private static string BandText(LimitBand band, string units) => band switch
    {
        { Low: double low, High: double high } => $"[{MeasurementText.Number(low)}, {MeasurementText.Number(high)}] {units}",
        { Low: double low } => $"≥ {MeasurementText.Number(low)} {units}",
        { High: double high } => $"≤ {MeasurementText.Number(high)} {units}",
        _ => string.Empty,
    };

    private static string Bound(double? value) => value is double number ? number.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    private static string Escape(string text) => HtmlDocument.Encode(text);
}
