using System;
using System.Collections.Generic;
using System.Linq;

namespace Wand.Architecture.Tests;

/// <summary>What a project is, for the reference rules.</summary>
public enum ProjectRole
{
    /// <summary>A library that ships in the product or the station: it never references a simulator.</summary>
    Production,

    /// <summary>A simulator: the virtual board, the virtual wand on the host side, the simulated ROM loader.</summary>
    Simulator,

    /// <summary>The application that wires transports and simulators together: the <c>wand</c> CLI.</summary>
    Application,

    /// <summary>Build tooling: the nanoFramework API contract, the firmware contract check and its analyzer.</summary>
    Tooling,

    /// <summary>Tests and benchmarks: may reference anything; nothing references them.</summary>
    Test,
}

/// <summary>A project's place: its role and its layer (a reference must point to a strictly lower layer).</summary>
/// <param name="Role">The role.</param>
/// <param name="Layer">The layer, 0 for the protocol.</param>
public sealed record Placement(ProjectRole Role, int Layer);

/// <summary>
/// The one-way dependency rule of the code base: protocol &lt;- firmware core &lt;- simulation / host link &lt;- station
/// &lt;- CLI. Every project of the solution has a placement here; a new project must be placed before it can be built
/// into the graph.
/// </summary>
public static class Layering
{
    /// <summary>The placement of every non-test project.</summary>
    public static IReadOnlyDictionary<string, Placement> Placements { get; } = new Dictionary<string, Placement>(StringComparer.Ordinal)
    {
        ["Wand.Protocol.Net"] = new(ProjectRole.Production, 0),
        ["Wand.Protocol.Host"] = new(ProjectRole.Production, 1),
        ["Wand.Core.Net"] = new(ProjectRole.Production, 2),
        ["Wand.Host.Serial"] = new(ProjectRole.Production, 3),
        ["Wand.DBus"] = new(ProjectRole.Production, 3),
        ["Wand.Simulation"] = new(ProjectRole.Simulator, 3),
        ["Wand.Host.Links"] = new(ProjectRole.Production, 4),
        ["Wand.Host.Flashing"] = new(ProjectRole.Production, 4),
        ["Wand.RomSimulator"] = new(ProjectRole.Simulator, 4),
        ["Wand.Host.Bluetooth"] = new(ProjectRole.Production, 5),
        ["Wand.Station"] = new(ProjectRole.Production, 6),
        ["Wand.Host.Virtual"] = new(ProjectRole.Simulator, 7),
        ["Wand.BleBed"] = new(ProjectRole.Simulator, 7),
        ["Wand.Cli"] = new(ProjectRole.Application, 8),
        ["Wand.Firmware.SubsetAnalyzer"] = new(ProjectRole.Tooling, 0),
        ["Wand.Firmware.ContractCheck"] = new(ProjectRole.Tooling, 1),
    };

    /// <summary>Projects whose references are fixed exactly, beyond the layer rule.</summary>
    public static IReadOnlyDictionary<string, string[]> OnlyReferences { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        // Flashing depends on the serial layer and nothing else.
        ["Wand.Host.Flashing"] = ["Wand.Host.Serial"],
    };

    /// <summary>Gives a project's placement.</summary>
    /// <param name="project">The project.</param>
    /// <returns>The placement, or <c>null</c> when the project is not placed.</returns>
    public static Placement? PlacementOf(ProjectNode project)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Path.StartsWith("tests/", StringComparison.Ordinal))
        {
            return new Placement(ProjectRole.Test, int.MaxValue);
        }

        if (project.Name.StartsWith("NanoFramework.Contract.", StringComparison.Ordinal))
        {
            return new Placement(ProjectRole.Tooling, 0);
        }

        return Placements.TryGetValue(project.Name, out Placement? placement) ? placement : null;
    }

    /// <summary>Checks a graph against the rules.</summary>
    /// <param name="graph">The graph.</param>
    /// <returns>One line per broken rule, naming the projects; empty when the graph is sound.</returns>
    public static IReadOnlyList<string> Check(ProjectGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        List<string> violations = [];
        Dictionary<string, ProjectNode> byName = graph.Projects.ToDictionary(project => project.Name, StringComparer.Ordinal);
        foreach (ProjectNode project in graph.Projects)
        {
            if (PlacementOf(project) is null)
            {
                violations.Add($"{project.Name} ({project.Path}) has no place in the layering; add it to Layering.Placements.");
            }
        }

        foreach (ProjectEdge edge in graph.References)
        {
            if (!byName.TryGetValue(edge.From, out ProjectNode? from) || !byName.TryGetValue(edge.To, out ProjectNode? to))
            {
                violations.Add($"{edge.From} -> {edge.To}: a project outside the solution.");
                continue;
            }

            if (PlacementOf(from) is not Placement source || PlacementOf(to) is not Placement target)
            {
                continue;
            }

            string name = $"{edge.From} -> {edge.To}";
            if (target.Role == ProjectRole.Test)
            {
                violations.Add($"{name}: nothing references a test or benchmark project.");
            }
            else if (source.Role == ProjectRole.Test)
            {
                continue;
            }
            else if (source.Role == ProjectRole.Production && target.Role is ProjectRole.Simulator or ProjectRole.Application)
            {
                violations.Add($"{name}: a production library references a {target.Role.ToString().ToLowerInvariant()}; put the seam in an interface {edge.From} owns and wire the {target.Role.ToString().ToLowerInvariant()} in the CLI.");
            }
            else if (target.Layer >= source.Layer)
            {
                violations.Add($"{name}: points the wrong way (layer {source.Layer} references layer {target.Layer}); references point from the CLI down to the protocol.");
            }

            if (OnlyReferences.TryGetValue(edge.From, out string[]? allowed) && !allowed.Contains(edge.To, StringComparer.Ordinal))
            {
                violations.Add($"{name}: {edge.From} may reference only {string.Join(", ", allowed)}.");
            }
        }

        return violations;
    }
}
