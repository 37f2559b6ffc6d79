namespace Wand.Host.Results.Yield;

/// <summary>
/// The process capability of one numeric measurement against its limits (one entry per distinct pair of limits).
/// <para>
/// Ppk uses the overall sample standard deviation s; Cpk uses the within (short-term) deviation estimated from the
/// average moving range of consecutive runs, σ = MR̄ / d₂ with d₂ = 1.128 for ranges of two (NIST/SEMATECH
/// e-Handbook of Statistical Methods, §6.3.2.2 "Individuals control charts",
/// https://www.itl.nist.gov/div898/handbook/pmc/section3/pmc322.htm). Both indices are
/// min(USL − μ, μ − LSL) / 3σ, using only the limits that exist (§6.1.6 "What is Process Capability?",
/// https://www.itl.nist.gov/div898/handbook/pmc/section1/pmc16.htm).
/// </para>
/// </summary>
/// <param name="Measurement">The measurement name.</param>
/// <param name="Units">The units of values and limits.</param>
/// <param name="Minimum">The lower specification limit, if any.</param>
/// <param name="Maximum">The upper specification limit, if any.</param>
/// <param name="Count">The number of values, n.</param>
/// <param name="Mean">The mean μ, in <paramref name="Units"/>.</param>
/// <param name="Lowest">The lowest value.</param>
/// <param name="Highest">The highest value.</param>
/// <param name="SigmaOverall">The sample standard deviation s (n − 1 in the denominator); null when n &lt; 2.</param>
/// <param name="SigmaWithin">The moving-range estimate MR̄ / 1.128; null when n &lt; 2.</param>
/// <param name="Cpk">Cpk; null without limits or spread.</param>
/// <param name="Ppk">Ppk; null without limits or spread.</param>
public sealed record CapabilityEntry(
    string Measurement,
    string Units,
    double? Minimum,
    double? Maximum,
    int Count,
    double Mean,
    double Lowest,
    double Highest,
    double? SigmaOverall,
    double? SigmaWithin,
    double? Cpk,
    double? Ppk);
