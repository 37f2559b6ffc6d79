using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Wand.Repository.Tests;

/// <summary>A requirement ID cited at a place in the repository.</summary>
/// <param name="Id">The cited ID.</param>
/// <param name="Path">The repository-relative file.</param>
/// <param name="Line">The 1-based line.</param>
public sealed record Citation(string Id, string Path, int Line)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Path}:{Line}: {Id}";
}

/// <summary>Finds requirement-ID citations in text and reports those the catalogue does not define.</summary>
public static class CitationScanner
{
    /// <summary>Lists every requirement ID cited in a file.</summary>
    /// <param name="file">The file.</param>
    /// <returns>The citations in order.</returns>
    public static IEnumerable<Citation> Scan(SourceFile file)
    {
        string[] lines = file.Text.Split('\n');
        for (int index = 0; index < lines.Length; index++)
        {
            foreach (Match match in RequirementId.Citation().Matches(lines[index]))
            {
                string id = match.Groups["family"].Value + "-" + int.Parse(match.Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
                yield return new Citation(id, file.Path, index + 1);
            }
        }
    }

    /// <summary>Lists the citations of IDs that the catalogue does not define.</summary>
    /// <param name="catalogue">The requirements.</param>
    /// <param name="files">The files to scan.</param>
    /// <returns>One entry per undefined citation, as "path:line: ID".</returns>
    public static IReadOnlyList<Citation> Undefined(RequirementCatalogue catalogue, IEnumerable<SourceFile> files)
    {
        List<Citation> undefined = [];
        foreach (SourceFile file in files)
        {
            foreach (Citation citation in Scan(file))
            {
                if (!catalogue.ById.ContainsKey(citation.Id))
                {
                    undefined.Add(citation);
                }
            }
        }

        return undefined;
    }
}
