using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.TestRuns.Plans;

/// <summary>
/// What reading one plan keeps across the files it includes: the step kinds, the names taken, the chain of includes,
/// the texts read (for the plan's digest) and the product variants with the limits each one overrides.
/// </summary>
internal sealed partial class PlanReading
{
    private static readonly string[] VariantKeys = ["description", "limits"];
    private static readonly string[] LimitKeys = ["min", "max", "marginal-min", "marginal-max", "equals", "matches"];

    private readonly Dictionary<string, (PlanMap? Limits, Dictionary<string, PlanMap> Overrides)> variants = new(StringComparer.Ordinal);
    private readonly string? wanted;

    public PlanReading(StepRegistry registry, string file, string text, string? variant)
    {
        Registry = registry;
        RootFile = Path.GetFullPath(file);
        Texts.Add(text);
        wanted = variant;
    }

    public StepRegistry Registry { get; }

    /// <summary>Gets the full path of the plan being read.</summary>
    public string RootFile { get; }

    /// <summary>Gets the text of the plan and of each file it includes, in reading order.</summary>
    public List<string> Texts { get; } = [];

    public HashSet<string> MeasurementNames { get; } = new(StringComparer.Ordinal);

    public HashSet<string> PhaseNames { get; } = new(StringComparer.Ordinal) { "setup", "teardown" };

    /// <summary>Gets the includes being read, outermost first: the included file's full path and where it was included.</summary>
    public List<(string Target, SourceLocation Site)> IncludeChain { get; } = [];

    /// <summary>Gets the variant names in file order.</summary>
    public IReadOnlyList<string> VariantNames => [.. variants.Keys];

    /// <summary>Gets the variant whose limits apply, when the plan has it.</summary>
    public string? SelectedVariant => wanted != null && variants.ContainsKey(wanted) ? wanted : null;

    /// <summary>Reads the plan's <c>variants</c>: name → {description, limits: {measurement: {min, max, …}}}.</summary>
    public void ReadVariants(PlanNode? node)
    {
        if (node == null || node.IsEmpty)
        {
            return;
        }

        PlanMap? map = node.AsMap();
        foreach (string name in map?.Keys ?? [])
        {
            PlanNode entry = map!.Get(name)!;
            if (!VariantName().IsMatch(name))
            {
                node.Errors.Add(map.LocationOf(name), $"A variant name uses lower-case letters, digits and hyphens, starting with a letter; found '{name}'.");
                continue;
            }

            PlanMap? fields = entry.AsMap(VariantKeys);
            PlanMap? limits = fields?.Get("limits", required: true)?.AsMap();
            Dictionary<string, PlanMap> overrides = new(StringComparer.Ordinal);
            foreach (string measurement in limits?.Keys ?? [])
            {
                // Every variant's limits are checked for shape; the chosen one's are checked in full where they apply.
                PlanMap? values = limits!.Get(measurement)!.AsMap(LimitKeys);
                if (values == null)
                {
                    continue;
                }

                overrides[measurement] = values;
                if (name != wanted)
                {
                    _ = values.Number("min");
                    _ = values.Number("max");
                    _ = values.Number("marginal-min");
                    _ = values.Number("marginal-max");
                }
            }

            variants[name] = (limits, overrides);
        }
    }

    /// <summary>Gives the limits the chosen variant sets for a measurement, or <c>null</c> to keep the plan's.</summary>
    public PlanMap? SelectedOverride(string measurement) =>
        SelectedVariant is string name && variants[name].Overrides.TryGetValue(measurement, out PlanMap? limits) ? limits : null;

    /// <summary>Reports every variant limit that names no measurement of the plan or its includes.</summary>
    public void CheckVariantTargets()
    {
        foreach ((string name, (PlanMap? limits, Dictionary<string, PlanMap> _)) in variants)
        {
            foreach (string measurement in limits?.Keys.Where(key => !MeasurementNames.Contains(key)) ?? [])
            {
                limits!.Node.Errors.Add(limits.LocationOf(measurement), $"Variant '{name}' sets limits for '{measurement}', which is not a measurement of this plan or of the phases it includes.");
            }
        }
    }

    /// <summary>Refuses a variant the plan does not have, naming those it has.</summary>
    /// <exception cref="PlanVariantException">The plan has no variant of that name.</exception>
    public void ThrowIfUnknownVariant()
    {
        if (wanted != null && SelectedVariant == null)
        {
            throw new PlanVariantException(variants.Count == 0
                ? $"The plan has no variant '{wanted}': it defines no variants."
                : $"The plan has no variant '{wanted}'; its variants are {string.Join(", ", variants.Keys)}.");
        }
    }

    /// <summary>The digest of what ran: the plan file's SHA-256 alone, or over it and every file it includes.</summary>
    public string Sha256()
    {
        string text = Texts.Count == 1 ? Texts[0] : string.Join('\0', Texts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [GeneratedRegex("^[a-z][a-z0-9-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VariantName();
}

/// <summary>A product variant was asked for that the plan does not define; nothing ran.</summary>
/// <param name="message">The name asked for and the names the plan defines.</param>
public sealed class PlanVariantException(string message) : WandHostException(message);
