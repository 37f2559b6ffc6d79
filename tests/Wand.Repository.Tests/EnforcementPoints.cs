using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Wand.Repository.Tests;

/// <summary>Where a requirement is detected and enforced in the code.</summary>
/// <param name="DetectedBy">What observes the condition (SR rows of limits.md), or "—".</param>
/// <param name="EnforcedBy">What acts on it, as written in limits.md or requirements.md.</param>
public sealed record EnforcementPoint(string DetectedBy, string EnforcedBy)
{
    /// <summary>Gets the code identifiers named in backticks in both columns.</summary>
    public IEnumerable<string> Identifiers =>
        Regex.Matches(DetectedBy + " " + EnforcedBy, "`([^`]+)`").Select(match => match.Groups[1].Value);
}

/// <summary>
/// The enforcement-point map: for SR the table "Where each requirement is enforced" in hardware/limits.md (the single
/// place that names them), for every other family the **Enforced in.** field of hardware/requirements.md.
/// </summary>
public static partial class EnforcementPoints
{
    /// <summary>The repository path of the limits document.</summary>
    public const string LimitsPath = "hardware/limits.md";

    /// <summary>Builds the map.</summary>
    /// <param name="catalogue">The requirements.</param>
    /// <param name="limitsText">The text of hardware/limits.md.</param>
    /// <returns>Enforcement points by requirement ID; requirements without one are absent.</returns>
    public static IReadOnlyDictionary<string, EnforcementPoint> Build(RequirementCatalogue catalogue, string limitsText)
    {
        Dictionary<string, EnforcementPoint> points = new(StringComparer.Ordinal);
        foreach ((string id, EnforcementPoint point) in SafetyRows(limitsText))
        {
            points[id] = point;
        }

        foreach (RequirementDefinition requirement in catalogue.Requirements.Where(requirement => !requirement.Id.StartsWith("SR-", StringComparison.Ordinal)))
        {
            if (requirement.EnforcementIdentifiers.Count > 0)
            {
                points[requirement.Id] = new EnforcementPoint("—", requirement.Fields["Enforced in"]);
            }
        }

        return points;
    }

    /// <summary>Reads the SR rows of the "Where each requirement is enforced" table.</summary>
    /// <param name="limitsText">The text of hardware/limits.md.</param>
    /// <returns>The rows in order.</returns>
    public static IEnumerable<(string Id, EnforcementPoint Point)> SafetyRows(string limitsText)
    {
        int section = limitsText.IndexOf("## Where each requirement is enforced", StringComparison.Ordinal);
        if (section < 0)
        {
            yield break;
        }

        int end = limitsText.IndexOf("\n## ", section + 1, StringComparison.Ordinal);
        foreach (string line in limitsText[section..(end < 0 ? limitsText.Length : end)].Split('\n'))
        {
            Match row = SafetyRow().Match(line);
            if (row.Success)
            {
                yield return (row.Groups["id"].Value, new EnforcementPoint(row.Groups["detected"].Value.Trim(), row.Groups["enforced"].Value.Trim()));
            }
        }
    }

    /// <summary>Lists the identifiers named as enforcement points that no C# source of the repository declares.</summary>
    /// <param name="points">The map.</param>
    /// <param name="sources">The C# sources to look in.</param>
    /// <returns>One entry per unknown identifier, as "ID: `identifier`".</returns>
    public static IReadOnlyList<string> UnknownIdentifiers(IReadOnlyDictionary<string, EnforcementPoint> points, IReadOnlyList<SourceFile> sources)
    {
        // Per file: the types it declares and the words it contains.
        List<(HashSet<string> Types, HashSet<string> Words)> index = sources
            .Select(file => (
                Declaration().Matches(file.Text).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal),
                WordInText().Matches(file.Text).Select(match => match.Value).ToHashSet(StringComparer.Ordinal)))
            .ToList();
        List<string> unknown = [];
        foreach ((string id, EnforcementPoint point) in points.OrderBy(pair => RequirementId.SortKey(pair.Key)))
        {
            foreach (string identifier in point.Identifiers)
            {
                if (!Resolves(identifier, index))
                {
                    unknown.Add($"{id}: `{identifier}`");
                }
            }
        }

        return unknown;
    }

    private static bool Resolves(string identifier, List<(HashSet<string> Types, HashSet<string> Words)> index)
    {
        string[] parts = identifier.Split('.');
        if (parts.Any(part => !Word().IsMatch(part)))
        {
            return false;
        }

        if (parts.Length == 1)
        {
            // A type, or a member named on its own after its type in the same cell (`WandController.RawDrive` / `WriteCalibration`).
            return index.Any(file => file.Types.Contains(parts[0])) || index.Any(file => file.Words.Contains(parts[0]));
        }

        // Type.Member: the member appears in a file that declares the type (partial classes span files).
        return index.Any(file => file.Types.Contains(parts[0]) && file.Words.Contains(parts[^1]));
    }

    [GeneratedRegex(@"\b(?:class|struct|interface|enum|record)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex WordInText();

    [GeneratedRegex(@"^\| (?<id>SR-[0-9]+)[^|]*\|(?<detected>[^|]*)\|(?<enforced>[^|]*)\|\s*$")]
    private static partial Regex SafetyRow();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Word();
}
