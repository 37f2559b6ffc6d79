using System.Text.RegularExpressions;

namespace Wand.Repository.Tests;

/// <summary>The shape of a requirement ID (SR-7, HD-2, MD-4, BP-3, HC-1) and how test names carry one.</summary>
public static partial class RequirementId
{
    /// <summary>The requirement families, in the order the documents list them.</summary>
    public static readonly string[] Families = ["SR", "HD", "MD", "BP", "HC"];

    /// <summary>Gets the pattern of a cited ID anywhere in text: a family, a hyphen and a number, not inside a longer word (SR-7a and XSR-7 are not citations).</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?<family>SR|HD|MD|BP|HC)-(?<number>[0-9]+)(?![0-9A-Za-z])")]
    public static partial Regex Citation();

    /// <summary>Gets the pattern of the IDs a test method's name starts with: <c>SR7_</c>, or several as <c>BP3_SR14_</c>.</summary>
    [GeneratedRegex(@"^(?:(?:SR|HD|MD|BP|HC)[0-9]+_)+")]
    public static partial Regex MethodPrefix();

    [GeneratedRegex(@"(?<family>SR|HD|MD|BP|HC)(?<number>[0-9]+)_")]
    private static partial Regex PrefixPart();

    /// <summary>Lists the IDs a test method's name starts with.</summary>
    /// <param name="methodName">A method name such as <c>BP3_SR14_MalformedWrites</c>.</param>
    /// <returns>The IDs in hyphenated form (BP-3, SR-14), possibly none.</returns>
    public static string[] FromMethodName(string methodName)
    {
        Match prefix = MethodPrefix().Match(methodName);
        if (!prefix.Success)
        {
            return [];
        }

        MatchCollection parts = PrefixPart().Matches(prefix.Value);
        string[] ids = new string[parts.Count];
        for (int index = 0; index < parts.Count; index++)
        {
            ids[index] = parts[index].Groups["family"].Value + "-" + int.Parse(parts[index].Groups["number"].Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return ids;
    }

    /// <summary>Orders IDs by family (SR, HD, MD, BP, HC) and then by number.</summary>
    /// <param name="id">An ID such as SR-7.</param>
    /// <returns>A sort key.</returns>
    public static (int Family, int Number) SortKey(string id)
    {
        int hyphen = id.IndexOf('-', System.StringComparison.Ordinal);
        int family = System.Array.IndexOf(Families, id[..hyphen]);
        return (family < 0 ? Families.Length : family, int.Parse(id[(hyphen + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
