using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Wand.Architecture.Tests;

/// <summary>The solution's project references point one way, and no production library references a simulator.</summary>
public sealed class LayeringTests
{
    private static readonly ProjectGraph Solution = ProjectGraph.Load(ProjectGraph.FindSolution());

    [Fact]
    public void Solution_ProjectReferences_FollowTheLayering()
    {
        IReadOnlyList<string> violations = Layering.Check(Solution);

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void Solution_Graph_IsReadFromTheProjectFiles()
    {
        // The check above would pass on an empty graph; these references exist in the repository.
        Assert.Contains(new ProjectEdge("Wand.Cli", "Wand.Station"), Solution.References);
        Assert.Contains(new ProjectEdge("Wand.Host.Virtual", "Wand.Simulation"), Solution.References);
        Assert.Contains(new ProjectEdge("Wand.Host.Flashing", "Wand.Host.Serial"), Solution.References);
        Assert.True(Solution.Projects.Count >= 20, $"{Solution.Projects.Count} projects read");
    }

    [Fact]
    public void Solution_ProductionLibraries_ReachNoSimulatorEvenIndirectly()
    {
        string[] simulators = Layering.Placements.Where(entry => entry.Value.Role == ProjectRole.Simulator).Select(entry => entry.Key).ToArray();
        string[] production = Layering.Placements.Where(entry => entry.Value.Role == ProjectRole.Production).Select(entry => entry.Key).ToArray();

        List<string> reached = [.. from library in production from simulator in simulators where Solution.Reaches(library, simulator) select $"{library} -> {simulator}"];

        Assert.NotEmpty(simulators);
        Assert.Contains("Wand.Station", production);
        Assert.Empty(reached);
    }

    [Fact]
    public void Check_PlantedStationReferenceToTheVirtualWand_IsReported()
    {
        IReadOnlyList<string> violations = Layering.Check(Solution.WithReference("Wand.Station", "Wand.Host.Virtual"));

        string violation = Assert.Single(violations);
        Assert.Contains("Wand.Station -> Wand.Host.Virtual", violation);
        Assert.Contains("references a simulator", violation);
    }

    [Fact]
    public void Check_PlantedReferenceFromTheLinkLayerUpToTheStation_IsReported()
    {
        IReadOnlyList<string> violations = Layering.Check(Solution.WithReference("Wand.Host.Links", "Wand.Station"));

        string violation = Assert.Single(violations);
        Assert.Contains("Wand.Host.Links -> Wand.Station", violation);
        Assert.Contains("wrong way", violation);
    }

    [Fact]
    public void Check_PlantedCycleBetweenEqualLayers_IsReported()
    {
        IReadOnlyList<string> violations = Layering.Check(Solution.WithReference("Wand.Host.Links", "Wand.Host.Flashing"));

        Assert.Contains(violations, violation => violation.Contains("Wand.Host.Links -> Wand.Host.Flashing") && violation.Contains("wrong way"));
    }

    [Fact]
    public void Check_PlantedFirmwareCoreReferenceToTheSimulator_IsReported()
    {
        IReadOnlyList<string> violations = Layering.Check(Solution.WithReference("Wand.Core.Net", "Wand.Simulation"));

        Assert.Contains(violations, violation => violation.Contains("Wand.Core.Net -> Wand.Simulation"));
    }

    [Fact]
    public void Check_PlantedFlashingReferenceBeyondTheSerialLayer_IsReported()
    {
        IReadOnlyList<string> violations = Layering.Check(Solution.WithReference("Wand.Host.Flashing", "Wand.Protocol.Net"));

        string violation = Assert.Single(violations);
        Assert.Contains("may reference only Wand.Host.Serial", violation);
    }

    [Fact]
    public void Check_PlantedReferenceToATestProject_IsReported()
    {
        IReadOnlyList<string> violations = Layering.Check(Solution.WithReference("Wand.Cli", "Wand.Cli.Tests"));

        string violation = Assert.Single(violations);
        Assert.Contains("test or benchmark", violation);
    }

    [Fact]
    public void Check_ProjectWithoutAPlace_IsReported()
    {
        IReadOnlyList<string> violations = Layering.Check(Solution.WithProject(new ProjectNode("Wand.Unplaced", "host-cli/Wand.Unplaced/Wand.Unplaced.csproj")));

        string violation = Assert.Single(violations);
        Assert.Contains("Wand.Unplaced", violation);
    }

    [Fact]
    public void Check_TheCliWiringSimulators_IsAllowed()
    {
        Assert.Contains(new ProjectEdge("Wand.Cli", "Wand.Host.Virtual"), Solution.References);
        Assert.Empty(Layering.Check(Solution.WithReference("Wand.Cli", "Wand.Simulation")));
    }
}
