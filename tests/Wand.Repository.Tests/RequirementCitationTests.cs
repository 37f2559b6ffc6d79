using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Wand.Repository.Tests;

/// <summary>
/// Every requirement ID cited anywhere in the repository (code, tests, plans, documents) is defined in
/// hardware/requirements.md, and every definition carries its rationale, sources and enforcing code.
/// </summary>
public class RequirementCitationTests
{
    // Built at run time so that this file does not cite the undefined ID it plants.
    private static readonly string UndefinedId = "SR" + "-" + "99";

    [Fact]
    public void EveryCitedRequirementId_IsDefinedInRequirementsMd()
    {
        RequirementCatalogue catalogue = RequirementCatalogue.Load();
        IReadOnlyList<Citation> undefined = CitationScanner.Undefined(catalogue, RepositoryTree.TextFiles());

        Assert.True(undefined.Count == 0, "Cited but not defined in hardware/requirements.md:\n" + string.Join("\n", undefined));
    }

    [Fact]
    public void TheScan_CoversCodeTestsPlansAndDocuments()
    {
        HashSet<string> scanned = RepositoryTree.TextFiles().Select(file => file.Path).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("firmware/core/Safety/SafetyGovernor.cs", scanned);
        Assert.Contains("hardware/test-plans/end-of-line.yaml", scanned);
        Assert.Contains("protocol/PROFILE.md", scanned);
        Assert.Contains("tests/Wand.Core.Tests/SafetyGovernorTests.cs", scanned);
        Assert.DoesNotContain(scanned, path => path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal) || path.StartsWith("artifacts/", StringComparison.Ordinal));
    }

    [Fact]
    public void UndefinedCitation_IsReportedWithFileAndLine()
    {
        RequirementCatalogue catalogue = RequirementCatalogue.Load();
        SourceFile planted = new("planted/notes.md", $"# Notes\n\nThe ramp follows SR-4.\nThe new limit follows {UndefinedId} and HD-2.\n");

        IReadOnlyList<Citation> undefined = CitationScanner.Undefined(catalogue, [planted]);

        Citation only = Assert.Single(undefined);
        Assert.Equal($"planted/notes.md:4: {UndefinedId}", only.ToString());
    }

    [Theory]
    [InlineData("see SR-7.", "SR-7")]
    [InlineData("(HD-2, MD-4)", "HD-2,MD-4")]
    [InlineData("BP-3: length first", "BP-3")]
    [InlineData("HC-08 and SR-010", "HC-8,SR-10")]
    [InlineData("XSR-7 or SR-7a or SR7_ or MD5 hash or USB-C", "")]
    public void Scanner_FindsIdsOnlyAsWholeWords(string text, string expected)
    {
        string found = string.Join(",", CitationScanner.Scan(new SourceFile("x.md", text)).Select(citation => citation.Id));

        Assert.Equal(expected, found);
    }

    [Fact]
    public void EveryDefinition_HasRequirementRationaleSourcesAndEnforcement_AndNoIdTwice()
    {
        RequirementCatalogue catalogue = RequirementCatalogue.Load();

        Assert.True(catalogue.Problems.Count == 0, string.Join("\n", catalogue.Problems));
        Assert.True(catalogue.Requirements.Count >= 45, $"only {catalogue.Requirements.Count} requirements parsed");
    }

    [Fact]
    public void EveryDefinition_NamesAPublicSource()
    {
        RequirementCatalogue catalogue = RequirementCatalogue.Load();
        string[] withoutSource = catalogue.Requirements
            .Where(requirement => !requirement.Fields["Sources"].Contains("https://", StringComparison.Ordinal) && !requirement.Fields["Sources"].Contains("IEC ", StringComparison.Ordinal))
            .Select(requirement => $"{RequirementCatalogue.DocumentPath}:{requirement.Line}: {requirement.Id}")
            .ToArray();

        Assert.True(withoutSource.Length == 0, "No public source (a URL or a standard):\n" + string.Join("\n", withoutSource));
    }

    [Fact]
    public void MissingFieldOrDuplicate_IsReported()
    {
        string document = "### SR-1 Off at boot\n\n**Requirement.** Off.\n\n**Rationale.** Safe.\n\n**Sources.** IEC 60601-1.\n\n"
            + "### SR-1 Again\n\n**Requirement.** Off.\n\n**Rationale.** Safe.\n\n**Sources.** IEC 60601-1.\n\n**Enforced in.** `SafetyGovernor`\n";

        RequirementCatalogue catalogue = RequirementCatalogue.Parse("planted.md", document);

        Assert.Equal(["planted.md:1: SR-1 has no **Enforced in.** field", "planted.md:9: SR-1 is defined twice"], catalogue.Problems.OrderBy(problem => problem, StringComparer.Ordinal));
    }
}
