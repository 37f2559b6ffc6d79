using System;
using System.Collections.Generic;
using System.Linq;

namespace Wand.Host.Results.Yield;

/// <summary>One measurement of one run as the analysis reads it.</summary>
/// <param name="Name">The measurement name.</param>
/// <param name="Units">The units.</param>
/// <param name="Minimum">The lower limit, if any.</param>
/// <param name="Maximum">The upper limit, if any.</param>
/// <param name="Value">The numeric value, if the value is a number.</param>
/// <param name="Failed">Whether the measurement failed.</param>
internal readonly record struct MeasuredValue(string Name, string Units, double? Minimum, double? Maximum, double? Value, bool Failed);

/// <summary>
/// Collects measurements in run start order and gives the failure Pareto, the capability of each numeric measurement
/// (per distinct pair of limits) and its histogram. The arithmetic is done here, once, whichever database the rows
/// came from.
/// </summary>
internal sealed class MeasurementStatistics
{
    private readonly Dictionary<string, int> failures = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Units, double? Minimum, double? Maximum), List<double>> values = [];

    /// <summary>Adds the next measurement (runs in start order).</summary>
    /// <param name="measured">The measurement.</param>
    public void Add(in MeasuredValue measured)
    {
        if (measured.Failed)
        {
            failures[measured.Name] = failures.GetValueOrDefault(measured.Name) + 1;
        }

        if (measured.Value is double value)
        {
            var key = (measured.Name, measured.Units, measured.Minimum, measured.Maximum);
            if (!values.TryGetValue(key, out List<double>? list))
            {
                list = [];
                values.Add(key, list);
            }

            list.Add(value);
        }
    }

    /// <summary>Gives the failing measurements, most frequent first (ties by name).</summary>
    /// <returns>The Pareto.</returns>
    public IReadOnlyList<ParetoEntry> Pareto()
    {
        double total = failures.Values.Sum(count => (double)count);
        double cumulative = 0;
        List<ParetoEntry> entries = [];
        foreach ((string name, int count) in failures.OrderByDescending(pair => pair.Value).ThenBy(pair => pair.Key, StringComparer.Ordinal))
        {
            cumulative += count;
            entries.Add(new ParetoEntry(name, count, count / total, cumulative / total));
        }

        return entries;
    }

    /// <summary>Gives the capability and histogram of every numeric measurement, by name, units and limits.</summary>
    /// <param name="bins">The histogram bins, at least 1.</param>
    /// <returns>The entries and their histograms, in the same order.</returns>
    public (IReadOnlyList<CapabilityEntry> Capability, IReadOnlyList<MeasurementHistogram> Histograms) Capability(int bins)
    {
        List<CapabilityEntry> capability = [];
        List<MeasurementHistogram> histograms = [];
        var ordered = values.OrderBy(pair => pair.Key.Name, StringComparer.Ordinal).ThenBy(pair => pair.Key.Units, StringComparer.Ordinal)
            .ThenBy(pair => pair.Key.Minimum ?? double.NegativeInfinity).ThenBy(pair => pair.Key.Maximum ?? double.PositiveInfinity);
        foreach (((string name, string units, double? minimum, double? maximum), List<double> series) in ordered)
        {
            double mean = series.Average();
            double squared = 0;
            double lowest = double.PositiveInfinity;
            double highest = double.NegativeInfinity;
            double ranges = 0;
            for (int index = 0; index < series.Count; index++)
            {
                double value = series[index];
                squared += (value - mean) * (value - mean);
                lowest = Math.Min(lowest, value);
                highest = Math.Max(highest, value);
                ranges += index > 0 ? Math.Abs(value - series[index - 1]) : 0;
            }

            double? movingRange = series.Count >= 2 ? ranges / (series.Count - 1) : null;
            CapabilityEntry entry = CapabilityMath.Entry(name, units, minimum, maximum, series.Count, mean, lowest, highest, squared, movingRange);
            capability.Add(entry);
            histograms.Add(Histogram(entry, series, bins));
        }

        return (capability, histograms);
    }

    /// <summary>Bins the values over a range spanning the values and the limits, so the limits can be drawn on the same axis.</summary>
    private static MeasurementHistogram Histogram(CapabilityEntry entry, List<double> series, int bins)
    {
        double low = Math.Min(entry.Lowest, entry.Minimum ?? entry.Lowest);
        double high = Math.Max(entry.Highest, entry.Maximum ?? entry.Highest);
        if (high <= low)
        {
            double pad = Math.Abs(low) > 0 ? Math.Abs(low) * 0.01 : 1;
            low -= pad;
            high += pad;
        }

        double width = (high - low) / bins;
        int[] counts = new int[bins];
        foreach (double value in series)
        {
            counts[Math.Clamp((int)Math.Floor((value - low) / width), 0, bins - 1)]++;
        }

        return new MeasurementHistogram(entry.Measurement, entry.Units, entry.Minimum, entry.Maximum, low, width, counts);
    }
}
