using System.Collections.Generic;

namespace Wand.Host.Results.Yield;

/// <summary>The distribution of one numeric measurement, in equal bins spanning its values and its limits.</summary>
/// <param name="Measurement">The measurement name.</param>
/// <param name="Units">The units.</param>
/// <param name="Minimum">The lower limit, if any.</param>
/// <param name="Maximum">The upper limit, if any.</param>
/// <param name="Low">The lower edge of the first bin.</param>
/// <param name="BinWidth">The width of each bin, greater than 0.</param>
/// <param name="Counts">The values per bin; the last bin includes its upper edge.</param>
public sealed record MeasurementHistogram(string Measurement, string Units, double? Minimum, double? Maximum, double Low, double BinWidth, IReadOnlyList<int> Counts);
