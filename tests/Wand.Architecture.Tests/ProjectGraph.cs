using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Wand.Architecture.Tests;

/// <summary>A project of the solution: its name (the .csproj file name) and its path relative to the repository.</summary>
/// <param name="Name">Project name, for example <c>Wand.Station</c>.</param>
/// <param name="Path">Path of the .csproj relative to the repository root, with forward slashes.</param>
public sealed record ProjectNode(string Name, string Path);

/// <summary>A project reference: <paramref name="From"/> references <paramref name="To"/> (both project names).</summary>
/// <param name="From">The referencing project.</param>
/// <param name="To">The referenced project.</param>
public sealed record ProjectEdge(string From, string To);

/// <summary>The solution's projects and their ProjectReferences, read from WandFirmware.sln and each .csproj.</summary>
public sealed partial class ProjectGraph
{
    public ProjectGraph(IEnumerable<ProjectNode> projects, IEnumerable<ProjectEdge> references)
    {
        Projects = projects.ToList();
        References = references.ToList();
    }

    public IReadOnlyList<ProjectNode> Projects { get; }

    public IReadOnlyList<ProjectEdge> References { get; }

    /// <summary>Reads the graph of the solution file and the projects it lists.</summary>
    /// <param name="solutionPath">Path of WandFirmware.sln.</param>
    /// <returns>The graph.</returns>
    public static ProjectGraph Load(string solutionPath)
    {
        string root = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(solutionPath))!;
        List<ProjectNode> projects = [];
        List<ProjectEdge> references = [];
        foreach (Match match in SolutionProjectLine().Matches(File.ReadAllText(solutionPath)))
        {
            string relative = match.Groups["path"].Value.Replace('\\', '/');
            projects.Add(new ProjectNode(System.IO.Path.GetFileNameWithoutExtension(relative), relative));
        }

        foreach (ProjectNode project in projects)
        {
            string projectPath = System.IO.Path.Combine(root, project.Path);
            string directory = System.IO.Path.GetDirectoryName(projectPath)!;
            foreach (XElement reference in XDocument.Load(projectPath).Descendants().Where(element => element.Name.LocalName == "ProjectReference"))
            {
                string include = ((string?)reference.Attribute("Include") ?? string.Empty).Replace('\\', '/');
                string target = System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, include));
                if (!File.Exists(target))
                {
                    throw new InvalidDataException($"{project.Path}: ProjectReference '{include}' names no file.");
                }

                references.Add(new ProjectEdge(project.Name, System.IO.Path.GetFileNameWithoutExtension(target)));
            }
        }

        return new ProjectGraph(projects, references);
    }

    /// <summary>Finds WandFirmware.sln above the test's directory.</summary>
    /// <returns>Its full path.</returns>
    public static string FindSolution()
    {
        string? directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory, "WandFirmware.sln")))
        {
            directory = System.IO.Path.GetDirectoryName(directory);
        }

        return directory is null
            ? throw new FileNotFoundException("WandFirmware.sln not found above " + AppContext.BaseDirectory)
            : System.IO.Path.Combine(directory, "WandFirmware.sln");
    }

    /// <summary>A copy of this graph with one more reference, for planting a defect.</summary>
    /// <param name="from">The referencing project.</param>
    /// <param name="to">The referenced project.</param>
    /// <returns>The new graph.</returns>
    public ProjectGraph WithReference(string from, string to) => new(Projects, References.Append(new ProjectEdge(from, to)));

    /// <summary>A copy of this graph with one more project, for planting a defect.</summary>
    /// <param name="project">The project.</param>
    /// <returns>The new graph.</returns>
    public ProjectGraph WithProject(ProjectNode project) => new(Projects.Append(project), References);

    /// <summary>Whether <paramref name="from"/> reaches <paramref name="to"/> through references, directly or not.</summary>
    /// <param name="from">Start project.</param>
    /// <param name="to">Target project.</param>
    /// <returns><c>true</c> when reachable.</returns>
    public bool Reaches(string from, string to)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        Stack<string> pending = new([from]);
        while (pending.Count > 0)
        {
            string current = pending.Pop();
            foreach (ProjectEdge edge in References.Where(edge => edge.From == current))
            {
                if (edge.To == to)
                {
                    return true;
                }

                if (seen.Add(edge.To))
                {
                    pending.Push(edge.To);
                }
            }
        }

        return false;
    }

    [GeneratedRegex("""^Project\("\{[0-9A-F-]+\}"\) = "[^"]+", "(?<path>[^"]+\.csproj)", "\{[0-9A-F-]+\}"$""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SolutionProjectLine();
}
