using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Wand.Repository.Tests;

/// <summary>One requirement as <c>hardware/requirements.md</c> defines it.</summary>
/// <param name="Id">The ID, e.g. SR-7.</param>
/// <param name="Title">The heading text after the ID.</param>
/// <param name="Line">The heading's 1-based line.</param>
/// <param name="Fields">The bold-labelled fields (Requirement, Rationale, Sources, Enforced in) and their text.</param>
public sealed record RequirementDefinition(string Id, string Title, int Line, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>Gets the code identifiers named in backticks in the "Enforced in" field.</summary>
    public IReadOnlyList<string> EnforcementIdentifiers =>
        Fields.TryGetValue("Enforced in", out string? text)
            ? Regex.Matches(text, "`([^`]+)`").Select(match => match.Groups[1].Value).ToList()
            : [];
}

/// <summary>Reads <c>hardware/requirements.md</c>: a <c>### ID title</c> heading per requirement, then its fields.</summary>
public sealed partial class RequirementCatalogue
{
    /// <summary>The repository path of the requirements document.</summary>
    public const string DocumentPath = "hardware/requirements.md";

    /// <summary>The fields every requirement must have.</summary>
    public static readonly string[] RequiredFields = ["Requirement", "Rationale", "Sources", "Enforced in"];

    private RequirementCatalogue(IReadOnlyList<RequirementDefinition> requirements, IReadOnlyList<string> problems)
    {
        Requirements = requirements;
        Problems = problems;
        ById = requirements.GroupBy(requirement => requirement.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
    }

    /// <summary>Gets the requirements in document order.</summary>
    public IReadOnlyList<RequirementDefinition> Requirements { get; }

    /// <summary>Gets the requirements by ID.</summary>
    public IReadOnlyDictionary<string, RequirementDefinition> ById { get; }

    /// <summary>Gets what is wrong with the document's format (duplicates, missing fields), as "path:line: problem".</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads the repository's requirements document.</summary>
    /// <returns>The catalogue.</returns>
    public static RequirementCatalogue Load() => Parse(DocumentPath, RepositoryTree.Read(DocumentPath));

    /// <summary>Parses a requirements document.</summary>
    /// <param name="path">The path to name in problems.</param>
    /// <param name="text">The document.</param>
    /// <returns>The catalogue.</returns>
    public static RequirementCatalogue Parse(string path, string text)
    {
        string[] lines = text.Split('\n');
        List<RequirementDefinition> requirements = [];
        List<string> problems = [];
        HashSet<string> seen = new(StringComparer.Ordinal);
        for (int index = 0; index < lines.Length; index++)
        {
            Match heading = Heading().Match(lines[index]);
            if (!heading.Success)
            {
                continue;
            }

            string id = heading.Groups["id"].Value;
            Dictionary<string, string> fields = new(StringComparer.Ordinal);
            string? field = null;
            int next = index + 1;
            for (; next < lines.Length && !lines[next].StartsWith('#'); next++)
            {
                Match label = FieldLabel().Match(lines[next]);
                if (label.Success)
                {
                    field = label.Groups["name"].Value;
                    fields[field] = label.Groups["rest"].Value.Trim();
                }
                else if (field != null && lines[next].Trim().Length > 0)
                {
                    fields[field] = (fields[field] + " " + lines[next].Trim()).Trim();
                }
            }

            if (!seen.Add(id))
            {
                problems.Add($"{path}:{index + 1}: {id} is defined twice");
            }

            foreach (string required in RequiredFields)
            {
                if (!fields.TryGetValue(required, out string? value) || value.Length == 0)
                {
                    problems.Add($"{path}:{index + 1}: {id} has no **{required}.** field");
                }
            }

            requirements.Add(new RequirementDefinition(id, heading.Groups["title"].Value.Trim(), index + 1, fields));
        }

        return new RequirementCatalogue(requirements, problems);
    }

    [GeneratedRegex(@"^### (?<id>(?:SR|HD|MD|BP|HC)-[0-9]+) (?<title>.+)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\*\*(?<name>[A-Za-z ]+)\.\*\*(?<rest>.*)$")]
    private static partial Regex FieldLabel();
}
