using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Wand.Host.TestRuns.Plans;

/// <summary>
/// Shared phases: an item <c>- include: FILE</c> of a plan's <c>phases</c> stands for the phases of another plan file,
/// found relative to the including file. Only the included file's <c>phases</c> are taken (its setup and teardown are
/// its own business when it runs alone). Included files may include others; a file that includes itself, directly or
/// through others, is refused. An error inside an included file names its own place and the include that brought it in.
/// </summary>
public static partial class PlanLoader
{
    /// <summary>The deepest chain of includes accepted.</summary>
    public const int MaximumIncludeDepth = 8;

    private const string IncludeKey = "include";

    private static void Include(PlanNode item, PlanReading reading, List<PhasePlan> phases)
    {
        PlanMap? entry = item.AsMap(IncludeKey);
        string? relative = entry?.Text(IncludeKey, required: true);
        if (entry == null || relative == null)
        {
            return;
        }

        if (relative.Length == 0)
        {
            entry.Get(IncludeKey)!.Error("'include' names a plan file, relative to this one.");
            return;
        }

        string directory = Path.GetDirectoryName(Path.GetFullPath(item.File)) ?? Environment.CurrentDirectory;
        string target = Path.GetFullPath(Path.Combine(directory, relative));
        SourceLocation site = entry.Get(IncludeKey)!.Location;
        int repeated = reading.IncludeChain.FindIndex(link => string.Equals(link.Target, target, StringComparison.Ordinal));
        if (repeated >= 0 || string.Equals(target, reading.RootFile, StringComparison.Ordinal))
        {
            IEnumerable<string> chain = reading.IncludeChain.Skip(Math.Max(0, repeated)).Select(link => $"{link.Site} includes {Shown(link.Target)}");
            item.Errors.Add(site, $"Including '{relative}' makes a cycle: {string.Join(", then ", chain.Append($"{site} includes {Shown(target)} again"))}. A file cannot include itself, directly or through others.");
            return;
        }

        if (reading.IncludeChain.Count >= MaximumIncludeDepth)
        {
            item.Errors.Add(site, $"Includes nest deeper than {MaximumIncludeDepth} files.");
            return;
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(InputFile.ReadAllBytes(target, MaximumFileBytes)).TrimStart('\uFEFF');
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            item.Errors.Add(site, $"Cannot read the included plan '{relative}' ({target}): {error.Message}");
            return;
        }

        reading.Texts.Add(text);
        PlanErrorList inner = new();
        string shown = Shown(target);
        if (ReadDocument(text, shown, inner) is PlanNode root && root.AsMap(TopKeys) is PlanMap map)
        {
            if (map.Get("variants") is PlanNode variants)
            {
                variants.Error("Variants belong to the plan that is run; an included file gives phases only.");
            }

            reading.IncludeChain.Add((target, site));
            PlanNode? phaseList = map.Get("phases", required: true);
            int before = phases.Count;
            ReadPhaseList(phaseList, reading, phases);
            reading.IncludeChain.RemoveAt(reading.IncludeChain.Count - 1);
            if (phaseList != null && phases.Count == before && inner.Count == 0)
            {
                phaseList.Error("An included file needs at least one phase.");
            }
        }

        foreach (PlanError error in inner.Errors)
        {
            item.Errors.Add(error.Location, $"{error.Message} (in the phases included at {site})");
        }
    }

    /// <summary>A path as messages show it: relative to the working folder when below it, else in full.</summary>
    private static string Shown(string fullPath)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }
}
