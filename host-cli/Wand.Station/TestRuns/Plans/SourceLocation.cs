using System.Globalization;

namespace Wand.Host.TestRuns.Plans;

/// <summary>A place in a plan file.</summary>
/// <param name="File">The file path as given.</param>
/// <param name="Line">Line, from 1.</param>
/// <param name="Column">Column, from 1.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>Formats the place as <c>file:line:column</c>, the form editors and CI annotate.</summary>
    /// <returns>The formatted place.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}");
}
