using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Wand.Repository.Tests;

/// <summary>
/// hardware/traceability.md is generated from the tests and current, every requirement has a test (or is listed as
/// not yet implemented with the reason), and every enforcement point names code that exists. Set
/// WAND_UPDATE_TRACEABILITY=1 to rewrite the document.
/// </summary>
public class TraceabilityTests
{
    [Fact]
    public void TraceabilityDocument_IsCurrent()
    {
        string expected = Traceability.FromRepository().Render();
        string path = RepositoryTree.FullPath(Traceability.DocumentPath);
        string actual = File.Exists(path) ? RepositoryTree.Read(Traceability.DocumentPath) : "";
        if (actual != expected && Environment.GetEnvironmentVariable("WAND_UPDATE_TRACEABILITY") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(actual == expected, $"{Traceability.DocumentPath} is stale: run WAND_UPDATE_TRACEABILITY=1 dotnet test tests/Wand.Repository.Tests");
    }

    [Fact]
    public void EveryRequirement_HasATestOrIsListedAsNotYetImplemented()
    {
        IReadOnlyList<string> problems = Traceability.FromRepository().Problems();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EverySafetyRequirement_HasItsOwnTest()
    {
        Traceability traceability = Traceability.FromRepository();
        string[] untested = RequirementCatalogue.Load().Requirements
            .Where(requirement => requirement.Id.StartsWith("SR-", StringComparison.Ordinal) && !NotYetImplemented.Reasons.ContainsKey(requirement.Id))
            .Where(requirement => traceability.TestsOf(requirement.Id).Count == 0)
            .Select(requirement => requirement.Id)
            .ToArray();

        Assert.Empty(untested);
        Assert.True(RequirementCatalogue.Load().ById.Keys.Count(id => id.StartsWith("SR-", StringComparison.Ordinal)) >= 18);
    }

    [Fact]
    public void EveryRequirementTheCodeCites_HasATestOrIsListedAsNotYetImplemented()
    {
        Traceability traceability = Traceability.FromRepository();
        IEnumerable<SourceFile> production = new[] { "firmware", "protocol", "host-cli" }.SelectMany(folder => RepositoryTree.TextFiles(folder));
        string[] untested = production
            .Where(file => file.Path.EndsWith(".cs", StringComparison.Ordinal))
            .SelectMany(CitationScanner.Scan)
            .Select(citation => citation.Id)
            .Distinct(StringComparer.Ordinal)
            .Where(id => traceability.TestsOf(id).Count == 0 && !NotYetImplemented.Reasons.ContainsKey(id))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Empty(untested);
    }

    [Fact]
    public void EveryEnforcementPoint_NamesCodeThatExists()
    {
        RequirementCatalogue catalogue = RequirementCatalogue.Load();
        IReadOnlyDictionary<string, EnforcementPoint> points = EnforcementPoints.Build(catalogue, RepositoryTree.Read(EnforcementPoints.LimitsPath));
        IReadOnlyList<string> unknown = EnforcementPoints.UnknownIdentifiers(points, CSharpSources());

        Assert.True(points.Count >= 30, $"only {points.Count} enforcement points read");
        Assert.True(unknown.Count == 0, "Enforcement points naming no declared code:\n" + string.Join("\n", unknown));
    }

    [Fact]
    public void PlantedGaps_AreReported()
    {
        RequirementCatalogue catalogue = RequirementCatalogue.Parse("planted.md", string.Join("\n", new[] { "SR-1", "SR-2", "HD-1", "HC-6" }.Select(id =>
            $"### {id} Planted\n\n**Requirement.** R.\n\n**Rationale.** R.\n\n**Sources.** IEC 60601-1.\n\n**Enforced in.** `SafetyGovernor`\n")));
        string limits = "## Where each requirement is enforced\n\n| Requirement | Detected by | Enforced by |\n|---|---|---|\n| SR-1 off | — | `SafetyGovernor` |\n";
        IReadOnlyList<TestCase> tests = TestInventory.Parse([new SourceFile("tests/Planted.Tests/PlantedTests.cs", """
            public class PlantedTests
            {
                [Fact] public void SR1_Off() { }
                [Fact] public void HD1_Reads() { }
                [Fact, Trait("Requirement", "HC-6")] public void StoresRuns() { }
                [Theory] public void SR5_NotDefinedHere() { }
                [Fact] public void Helper_WithoutRequirement() { }
            }
            """)]);
        Dictionary<string, string> pending = new(StringComparer.Ordinal) { ["HC-6"] = "not built" };

        IReadOnlyList<string> problems = new Traceability(catalogue, EnforcementPoints.Build(catalogue, limits), tests, pending).Problems();

        Assert.Contains(problems, problem => problem.StartsWith("SR-2 has no test", StringComparison.Ordinal));
        Assert.Contains("SR-2 has no row in the table \"Where each requirement is enforced\" of hardware/limits.md", problems);
        Assert.Contains("HC-6 now has 1 test(s): remove it from NotYetImplemented", problems);
        Assert.Contains("tests/Planted.Tests/PlantedTests.cs: PlantedTests.SR5_NotDefinedHere claims SR-5, which hardware/requirements.md does not define", problems);
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void PlantedUnknownEnforcementPoint_IsReported()
    {
        SourceFile source = new("firmware/core/Governor.cs", "public sealed class SafetyGovernor { public void ForceOff() { } }");
        Dictionary<string, EnforcementPoint> points = new(StringComparer.Ordinal)
        {
            ["SR-1"] = new("—", "`SafetyGovernor.ForceOff`"),
            ["SR-2"] = new("`HeadDetector`", "`SafetyGovernor.RemovedMethod`"),
        };

        Assert.Equal(["SR-2: `HeadDetector`", "SR-2: `SafetyGovernor.RemovedMethod`"], EnforcementPoints.UnknownIdentifiers(points, [source]));
    }

    [Fact]
    public void TestNamesAndTraits_AreReadFromTheSources()
    {
        IReadOnlyList<TestCase> tests = TestInventory.Parse([new SourceFile("tests/Planted.Tests/A.cs", """
            [Trait("Requirement", "HD-4")]
            public class HeadTests
            {
                [Xunit.FactAttribute] public void BP3_SR14_Writes() { }
                [FsCheck.Xunit.Property] public bool SR7_Property() => true;
                public void SR1_NotATest() { }
            }
            """)]);

        Assert.Equal(["HeadTests.BP3_SR14_Writes", "HeadTests.SR7_Property"], tests.Select(test => test.Name));
        Assert.Equal(["SR-14", "HD-4", "BP-3"], tests[0].Requirements);
        Assert.Equal(["SR-7", "HD-4"], tests[1].Requirements);
        Assert.All(tests, test => Assert.Equal("Planted.Tests", test.Project));
    }

    private static IReadOnlyList<SourceFile> CSharpSources() =>
        RepositoryTree.TextFiles().Where(file => file.Path.EndsWith(".cs", StringComparison.Ordinal)).ToList();
}
