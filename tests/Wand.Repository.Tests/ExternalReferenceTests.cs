using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Wand.Repository.Tests;

/// <summary>
/// Citations point at public sources (a URL, a repository file at a tag, a datasheet section), never at notes that
/// exist outside the repository.
/// </summary>
public class ExternalReferenceTests
{
    // Built at run time so that this file does not contain the phrases it looks for.
    private static readonly string[] Forbidden =
    [
        "fact" + " sheet", "/work" + "/shared", "domain" + " §", "product" + " brief", "brief" + " §", "reference/" + "domain",
        "nanoframework" + ".md", "ble-host" + ".md", "esp-rom-protocol" + ".md",
    ];

    public static IReadOnlyList<string> Find(IEnumerable<SourceFile> files)
    {
        List<string> found = [];
        foreach (SourceFile file in files)
        {
            string[] lines = file.Text.Split('\n');
            for (int index = 0; index < lines.Length; index++)
            {
                foreach (string phrase in Forbidden)
                {
                    if (lines[index].Contains(phrase, StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add($"{file.Path}:{index + 1}: \"{phrase}\"");
                    }
                }
            }
        }

        return found;
    }

    [Fact]
    public void NoCitation_PointsOutsideTheRepository()
    {
        IReadOnlyList<string> found = Find(RepositoryTree.TextFiles());

        Assert.True(found.Count == 0, "Cite the public source instead:\n" + string.Join("\n", found));
    }

    [Fact]
    public void PlantedPrivateCitation_IsReportedWithFileAndLine()
    {
        SourceFile planted = new("planted/Chip.cs", "// Magic value per the ESP32 datasheet.\n// Timeouts per the " + Forbidden[0] + " §5.3.\n");

        Assert.Equal(["planted/Chip.cs:2: \"" + Forbidden[0] + "\""], Find([planted]).ToArray());
    }
}
