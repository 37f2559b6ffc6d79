using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Wand.Repository.Tests;

/// <summary>
/// Builds hardware/traceability.md (requirement → enforcement point → tests) and lists what breaks the rules: a
/// requirement without a test that is not listed as not yet implemented, a listed one that has tests, a test claiming
/// an undefined requirement, a safety requirement without an enforcement row.
/// </summary>
public sealed class Traceability
{
    /// <summary>The repository path of the generated document.</summary>
    public const string DocumentPath = "hardware/traceability.md";

    private readonly RequirementCatalogue catalogue;
    private readonly IReadOnlyDictionary<string, EnforcementPoint> points;
    private readonly IReadOnlyList<TestCase> tests;
    private readonly IReadOnlyDictionary<string, string> pending;

    /// <summary>Initializes a new instance of the <see cref="Traceability"/> class.</summary>
    /// <param name="catalogue">The requirements.</param>
    /// <param name="points">The enforcement-point map.</param>
    /// <param name="tests">The test methods.</param>
    /// <param name="pending">Requirements not yet implemented, with reasons.</param>
    public Traceability(RequirementCatalogue catalogue, IReadOnlyDictionary<string, EnforcementPoint> points, IReadOnlyList<TestCase> tests, IReadOnlyDictionary<string, string> pending)
    {
        this.catalogue = catalogue;
        this.points = points;
        this.tests = tests;
        this.pending = pending;
    }

    /// <summary>Builds the repository's traceability from its documents and test sources.</summary>
    /// <returns>The traceability.</returns>
    public static Traceability FromRepository()
    {
        RequirementCatalogue catalogue = RequirementCatalogue.Load();
        return new Traceability(catalogue, EnforcementPoints.Build(catalogue, RepositoryTree.Read(EnforcementPoints.LimitsPath)), TestInventory.Load(), NotYetImplemented.Reasons);
    }

    /// <summary>Gets the tests that claim a requirement.</summary>
    /// <param name="id">The requirement ID.</param>
    /// <returns>The tests in order.</returns>
    public IReadOnlyList<TestCase> TestsOf(string id) => tests.Where(test => test.Requirements.Contains(id, StringComparer.Ordinal)).ToList();

    /// <summary>Lists every broken rule, one line each.</summary>
    /// <returns>The problems; empty when the traceability is complete.</returns>
    public IReadOnlyList<string> Problems()
    {
        List<string> problems = [];
        foreach (RequirementDefinition requirement in catalogue.Requirements)
        {
            int count = TestsOf(requirement.Id).Count;
            bool isPending = pending.ContainsKey(requirement.Id);
            if (count == 0 && !isPending)
            {
                problems.Add($"{requirement.Id} has no test: name one `{requirement.Id.Replace("-", "", StringComparison.Ordinal)}_…` or add [Trait(\"Requirement\", \"{requirement.Id}\")], or list it in NotYetImplemented with the reason");
            }

            if (count > 0 && isPending)
            {
                problems.Add($"{requirement.Id} now has {count} test(s): remove it from NotYetImplemented");
            }

            if (!isPending && !points.ContainsKey(requirement.Id))
            {
                problems.Add(requirement.Id.StartsWith("SR-", StringComparison.Ordinal)
                    ? $"{requirement.Id} has no row in the table \"Where each requirement is enforced\" of {EnforcementPoints.LimitsPath}"
                    : $"{requirement.Id} names no enforcing code in the **Enforced in.** field of {RequirementCatalogue.DocumentPath}");
            }
        }

        foreach (string id in pending.Keys.Where(id => !catalogue.ById.ContainsKey(id)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{id} is listed in NotYetImplemented but not defined in {RequirementCatalogue.DocumentPath}");
        }

        foreach (string reason in pending.Where(pair => string.IsNullOrWhiteSpace(pair.Value)).Select(pair => pair.Key))
        {
            problems.Add($"{reason} is listed in NotYetImplemented without a reason");
        }

        foreach (TestCase test in tests)
        {
            foreach (string id in test.Requirements.Where(id => !catalogue.ById.ContainsKey(id)))
            {
                problems.Add($"{test.Path}: {test.Name} claims {id}, which {RequirementCatalogue.DocumentPath} does not define");
            }
        }

        return problems;
    }

    /// <summary>Renders hardware/traceability.md.</summary>
    /// <returns>The document, LF line ends.</returns>
    public string Render()
    {
        StringBuilder text = new();
        text.Append("# Traceability: requirement → enforcement point → tests\n\n");
        text.Append("Generated from the test sources by `tests/Wand.Repository.Tests` (`TraceabilityTests`); do not edit it by hand.\n");
        text.Append("After adding, renaming or removing a test that claims a requirement, regenerate it with\n");
        text.Append("`WAND_UPDATE_TRACEABILITY=1 dotnet test tests/Wand.Repository.Tests`; the test fails while it is stale.\n\n");
        text.Append("- **Requirements**: [`requirements.md`](requirements.md).\n");
        text.Append("- **Enforcement points**: for the safety requirements the table \"Where each requirement is enforced\" in\n");
        text.Append("  [`limits.md`](limits.md); for the others the **Enforced in.** field of `requirements.md`.\n");
        text.Append("- **Tests**: a test method claims a requirement when its name starts with the ID without the hyphen (`SR7_…`;\n");
        text.Append("  several as `BP3_SR14_…`) or when the method or its class carries `[Trait(\"Requirement\", \"SR-7\")]`.\n");
        text.Append("  Every requirement has at least one test, except those listed under \"Not yet implemented\" with the reason.\n\n");

        text.Append("## Summary\n\n");
        text.Append("| requirement | title | enforced by | tests |\n|---|---|---|---|\n");
        foreach (RequirementDefinition requirement in catalogue.Requirements)
        {
            string enforcedBy = points.TryGetValue(requirement.Id, out EnforcementPoint? point) ? point.EnforcedBy : "—";
            int count = TestsOf(requirement.Id).Count;
            string tested = pending.ContainsKey(requirement.Id) && count == 0 ? "not yet implemented" : count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append($"| {requirement.Id} | {requirement.Title} | {enforcedBy} | {tested} |\n");
        }

        text.Append("\n## Not yet implemented\n\n");
        text.Append("| requirement | reason |\n|---|---|\n");
        foreach (RequirementDefinition requirement in catalogue.Requirements.Where(requirement => pending.ContainsKey(requirement.Id)))
        {
            text.Append($"| {requirement.Id} | {pending[requirement.Id]} |\n");
        }

        text.Append("\n## Requirements and their tests\n");
        foreach (RequirementDefinition requirement in catalogue.Requirements)
        {
            text.Append($"\n### {requirement.Id} {requirement.Title}\n\n");
            if (points.TryGetValue(requirement.Id, out EnforcementPoint? point))
            {
                if (point.DetectedBy != "—")
                {
                    text.Append($"Detected by: {point.DetectedBy}. ");
                }

                text.Append($"Enforced by: {point.EnforcedBy}.\n\n");
            }

            IReadOnlyList<TestCase> covering = TestsOf(requirement.Id);
            if (covering.Count == 0)
            {
                text.Append(pending.TryGetValue(requirement.Id, out string? reason) ? $"Not yet implemented: {reason}\n" : "No test.\n");
                continue;
            }

            foreach (IGrouping<string, TestCase> project in covering.GroupBy(test => test.Project))
            {
                text.Append($"- `{project.Key}`: ");
                text.Append(string.Join(", ", project.Select(test => $"`{test.Name}`")));
                text.Append('\n');
            }
        }

        return text.ToString();
    }
}
