namespace Wand.Host.Results.Yield;

/// <summary>One bar of the failure Pareto: a measurement and how often it failed.</summary>
/// <param name="Measurement">The measurement name.</param>
/// <param name="Failures">The runs in which it failed.</param>
/// <param name="Share">Its share of all measurement failures, 0 to 1.</param>
/// <param name="CumulativeShare">The share of this and every more frequent failure, 0 to 1.</param>
public sealed record ParetoEntry(string Measurement, int Failures, double Share, double CumulativeShare);
