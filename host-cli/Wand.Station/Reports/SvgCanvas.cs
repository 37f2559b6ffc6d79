using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Wand.Host.Reports;

/// <summary>
/// The drawing area of every station plot: an inline SVG element of a fixed size with margins for the axes, linear
/// scales from data to pixels, round tick values and the elements plots are drawn with (lines, text, polylines).
/// Run reports' time series and the calibration's amplitude plot both draw on it.
/// </summary>
public sealed class SvgCanvas
{
    private static readonly double[] StepFactors = [1.0, 2.0, 5.0, 10.0];
    private readonly StringBuilder svg = new();
    private double xMinimum;
    private double xMaximum = 1;
    private double yMinimum;
    private double yMaximum = 1;

    /// <summary>Initializes a new instance of the <see cref="SvgCanvas"/> class.</summary>
    /// <param name="width">Width, in pixels.</param>
    /// <param name="height">Height, in pixels.</param>
    /// <param name="left">Left margin (y-axis labels), in pixels.</param>
    /// <param name="right">Right margin, in pixels.</param>
    /// <param name="top">Top margin (title), in pixels.</param>
    /// <param name="bottom">Bottom margin (x-axis labels), in pixels.</param>
    public SvgCanvas(int width, int height, int left, int right, int top, int bottom)
    {
        Width = width;
        Height = height;
        Left = left;
        Right = width - right;
        Top = top;
        Bottom = height - bottom;
    }

    /// <summary>Gets the width, in pixels.</summary>
    public int Width { get; }

    /// <summary>Gets the height, in pixels.</summary>
    public int Height { get; }

    /// <summary>Gets the x of the plot area's left edge, in pixels.</summary>
    public int Left { get; }

    /// <summary>Gets the x of the plot area's right edge, in pixels.</summary>
    public int Right { get; }

    /// <summary>Gets the y of the plot area's top edge, in pixels.</summary>
    public int Top { get; }

    /// <summary>Gets the y of the plot area's bottom edge (the x axis), in pixels.</summary>
    public int Bottom { get; }

    /// <summary>Sets the data ranges the plot area shows.</summary>
    /// <param name="xFrom">Data x at the left edge.</param>
    /// <param name="xTo">Data x at the right edge, above <paramref name="xFrom"/>.</param>
    /// <param name="yFrom">Data y at the bottom edge.</param>
    /// <param name="yTo">Data y at the top edge, above <paramref name="yFrom"/>.</param>
    public void Scale(double xFrom, double xTo, double yFrom, double yTo)
    {
        xMinimum = xFrom;
        xMaximum = xTo;
        yMinimum = yFrom;
        yMaximum = yTo;
    }

    /// <summary>Maps a data x to pixels.</summary>
    /// <param name="value">Data x.</param>
    /// <returns>Pixels from the left.</returns>
    public double X(double value) => Left + ((value - xMinimum) / (xMaximum - xMinimum) * (Right - Left));

    /// <summary>Maps a data y to pixels.</summary>
    /// <param name="value">Data y.</param>
    /// <returns>Pixels from the top.</returns>
    public double Y(double value) => Bottom - ((value - yMinimum) / (yMaximum - yMinimum) * (Bottom - Top));

    /// <summary>Appends raw SVG markup, formatted with the invariant culture.</summary>
    /// <param name="markup">The markup.</param>
    /// <returns>This canvas.</returns>
    public SvgCanvas Append(FormattableString markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        svg.Append(markup.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>Appends a polyline through data points.</summary>
    /// <param name="points">Data points (x, y) in drawing order.</param>
    /// <param name="attributes">The element's other attributes, for example <c>class="series"</c>.</param>
    /// <param name="format">Number format of the pixel coordinates.</param>
    /// <param name="title">A tooltip, or empty.</param>
    /// <returns>This canvas.</returns>
    public SvgCanvas Polyline(IEnumerable<(double X, double Y)> points, string attributes, string format = "F1", string title = "")
    {
        ArgumentNullException.ThrowIfNull(points);
        svg.Append("<polyline ").Append(attributes).Append(" points=\"");
        foreach ((double x, double y) in points)
        {
            svg.Append(X(x).ToString(format, CultureInfo.InvariantCulture)).Append(',').Append(Y(y).ToString(format, CultureInfo.InvariantCulture)).Append(' ');
        }

        svg.Append('"');
        svg.Append(title.Length > 0 ? ">" + "<title>" + title + "</title></polyline>" : "/>");
        return this;
    }

    /// <summary>Gives the finished SVG element.</summary>
    /// <param name="attributes">Attributes after the size and view box, each with a leading space (class, fonts, label).</param>
    /// <returns>The element.</returns>
    public string Complete(string attributes) =>
        string.Create(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\"{attributes}>") + svg + "</svg>";

    /// <summary>Chooses about five round tick values across a range (steps of 1, 2 or 5 times a power of ten).</summary>
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
}
