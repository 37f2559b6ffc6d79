using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;

namespace Wand.Repository.Tests;

/// <summary>
/// The READMEs stay true: every relative link and anchor in the repository's Markdown resolves, and every command a
/// README shows names projects and paths that exist. The root README stays short and keeps the two commands.
/// </summary>
public class ReadmeTests
{
    private static bool Exists(string path) => path.Length == 0 || File.Exists(RepositoryTree.FullPath(path)) || Directory.Exists(RepositoryTree.FullPath(path));

    private static bool IsProject(string path) =>
        (File.Exists(RepositoryTree.FullPath(path)) && Path.GetExtension(path) is ".csproj" or ".sln")
        || (Directory.Exists(RepositoryTree.FullPath(path)) && Directory.EnumerateFiles(RepositoryTree.FullPath(path), "*.csproj").Any());

    private static IEnumerable<SourceFile> MarkdownFiles() => RepositoryTree.TextFiles().Where(file => file.Path.EndsWith(".md", StringComparison.Ordinal));

    [Fact]
    public void EveryRelativeLinkAndAnchor_Resolves()
    {
        string[] broken = MarkdownFiles().SelectMany(file => MarkdownChecks.BrokenLinks(file, Exists, RepositoryTree.Read)).ToArray();

        Assert.True(broken.Length == 0, "Broken links:\n" + string.Join("\n", broken));
    }

    [Fact]
    public void EveryReadmeCommand_NamesProjectsAndPathsThatExist()
    {
        List<string> missing = [];
        int commands = 0;
        foreach (SourceFile file in MarkdownFiles().Where(file => Path.GetFileName(file.Path) == "README.md"))
        {
            foreach ((int line, string command) in MarkdownChecks.Commands(file))
            {
                commands++;
                missing.AddRange(MarkdownChecks.MissingReferences(command, Exists, IsProject).Select(what => $"{file.Path}:{line}: {what} in `{command}`"));
            }
        }

        Assert.True(commands >= 20, $"only {commands} commands found");
        Assert.True(missing.Count == 0, "README commands naming what does not exist:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void RootReadme_IsShortAndGivesTheTwoCommands()
    {
        SourceFile readme = new("README.md", RepositoryTree.Read("README.md"));
        string[] commands = MarkdownChecks.Commands(readme).Select(command => command.Command).ToArray();

        Assert.True(readme.Text.Split('\n').Length <= 150, "the root README grew past 150 lines; move details to an area README");
        Assert.Contains(commands, command => command.StartsWith("dotnet run --project host-cli/", StringComparison.Ordinal) && command.Contains("test run hardware/test-plans/end-of-line.yaml", StringComparison.Ordinal));
        Assert.Contains("./tests/run.sh", commands);
    }

    [Fact]
    public void PlantedBrokenLinkAndCommand_AreReported()
    {
        SourceFile planted = new("docs/README.md", "# Guide\n\nSee [limits](../hardware/limits.md), [gone](../hardware/gone.md) and [here](#nowhere).\n\n```sh\ndotnet test tests/Wand.Gone.Tests\ndotnet run --project host-cli/Wand.Cli -- test run hardware/test-plans/missing.yaml --report-dir artifacts/x\n```\n");

        string[] links = MarkdownChecks.BrokenLinks(planted, Exists, RepositoryTree.Read).ToArray();
        string[] commands = MarkdownChecks.Commands(planted).SelectMany(command => MarkdownChecks.MissingReferences(command.Command, Exists, IsProject)).ToArray();

        Assert.Equal(["docs/README.md:3: ../hardware/gone.md (no such file)", "docs/README.md:3: #nowhere (no such heading)"], links);
        Assert.Equal(["project tests/Wand.Gone.Tests", "path hardware/test-plans/missing.yaml"], commands);
    }

    [Theory]
    [InlineData("## The `wand` CLI and host library (`host-cli/Wand.Cli`, `host-cli/Wand.Host`)", "the-wand-cli-and-host-library-host-cliwandcli-host-cliwandhost")]
    [InlineData("### SR-7 Head temperature: derate, trip, restart", "sr-7-head-temperature-derate-trip-restart")]
    [InlineData("## Targets (measured by benchmarks)", "targets-measured-by-benchmarks")]
    public void Anchors_FollowGitHubsRule(string heading, string anchor)
    {
        Assert.Contains(anchor, MarkdownChecks.Anchors(heading));
    }
}
