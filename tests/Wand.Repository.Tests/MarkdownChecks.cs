using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Wand.Repository.Tests;

/// <summary>
/// Checks what Markdown documents point at: relative links (and their #anchors) must resolve, and the shell commands
/// a README shows must name projects and repository paths that exist. Commands are read as run from the repository
/// root; build output (bin, obj, artifacts) and placeholders (UPPER-CASE words, &lt;…&gt;, globs) are not checked.
/// </summary>
public static partial class MarkdownChecks
{
    private static readonly string[] TopLevel = ["firmware/", "protocol/", "host-cli/", "tests/", "hardware/", "./tests/"];

    /// <summary>Lists broken relative links and anchors, as "path:line: target".</summary>
    /// <param name="file">A Markdown file.</param>
    /// <param name="exists">Tells whether a repository-relative path exists (file or folder).</param>
    /// <param name="read">Reads a repository-relative Markdown file (for anchors in other files).</param>
    /// <returns>The problems.</returns>
    public static IEnumerable<string> BrokenLinks(SourceFile file, Func<string, bool> exists, Func<string, string> read)
    {
        string folder = Path.GetDirectoryName(file.Path)?.Replace('\\', '/') ?? "";
        string[] lines = file.Text.Split('\n');
        bool inFence = false;
        for (int index = 0; index < lines.Length; index++)
        {
            if (lines[index].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
                continue;
            }

            if (inFence)
            {
                continue;
            }

            foreach (Match link in Link().Matches(lines[index]))
            {
                string target = link.Groups["target"].Value;
                if (Regex.IsMatch(target, "^(https?:|mailto:)"))
                {
                    continue;
                }

                string path = target.Split('#')[0];
                string anchor = target.Contains('#', StringComparison.Ordinal) ? target[(target.IndexOf('#', StringComparison.Ordinal) + 1)..] : "";
                string resolved = path.Length == 0 ? file.Path : Normalise(folder.Length == 0 ? path : folder + "/" + path);
                if (path.Length > 0 && (resolved.StartsWith("../", StringComparison.Ordinal) || !exists(resolved)))
                {
                    yield return $"{file.Path}:{index + 1}: {target} (no such file)";
                    continue;
                }

                if (anchor.Length > 0 && resolved.EndsWith(".md", StringComparison.Ordinal) && !Anchors(resolved == file.Path ? file.Text : read(resolved)).Contains(anchor))
                {
                    yield return $"{file.Path}:{index + 1}: {target} (no such heading)";
                }
            }
        }
    }

    /// <summary>Lists the shell commands of a document: the lines of sh/bash/console code blocks and inline code that starts with dotnet or ./tests/.</summary>
    /// <param name="file">A Markdown file.</param>
    /// <returns>Each command with its 1-based line.</returns>
    public static IEnumerable<(int Line, string Command)> Commands(SourceFile file)
    {
        string[] lines = file.Text.Split('\n');
        bool inShell = false;
        bool inOther = false;
        for (int index = 0; index < lines.Length; index++)
        {
            string trimmed = lines[index].Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (inShell || inOther)
                {
                    inShell = inOther = false;
                }
                else
                {
                    string language = trimmed[3..].Trim();
                    inShell = language is "sh" or "bash" or "shell" or "console";
                    inOther = !inShell;
                }

                continue;
            }

            if (inShell)
            {
                if (trimmed.Length > 0 && !trimmed.StartsWith('#'))
                {
                    yield return (index + 1, trimmed);
                }

                continue;
            }

            if (inOther)
            {
                continue;
            }

            foreach (Match code in InlineCode().Matches(lines[index]))
            {
                string text = code.Groups[1].Value;
                if (text.StartsWith("dotnet ", StringComparison.Ordinal) || text.StartsWith("./tests/", StringComparison.Ordinal) || text.StartsWith("WAND_", StringComparison.Ordinal))
                {
                    yield return (index + 1, text);
                }
            }
        }
    }

    /// <summary>Lists the projects and repository paths a command names that do not exist.</summary>
    /// <param name="command">One shell command.</param>
    /// <param name="exists">Tells whether a repository-relative path exists.</param>
    /// <param name="isProject">Tells whether a repository-relative path is a project folder or project file.</param>
    /// <returns>What is missing, one entry each.</returns>
    public static IEnumerable<string> MissingReferences(string command, Func<string, bool> exists, Func<string, bool> isProject)
    {
        string[] tokens = command.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(token => token.Trim('"', '\'', ',', ';', '(', ')', '`')).ToArray();
        for (int index = 0; index < tokens.Length; index++)
        {
            string token = tokens[index];
            bool projectArgument = index > 0 && (tokens[index - 1] == "--project"
                || (index > 1 && tokens[index - 2] == "dotnet" && tokens[index - 1] is "build" or "test" or "pack" or "publish"));
            if (projectArgument && !token.StartsWith('-') && !IsPlaceholderOrOutput(token))
            {
                if (!isProject(Normalise(token)))
                {
                    yield return $"project {token}";
                }

                continue;
            }

            if (TopLevel.Any(prefix => token.StartsWith(prefix, StringComparison.Ordinal)) && !IsPlaceholderOrOutput(token))
            {
                string path = Normalise(token.StartsWith("./", StringComparison.Ordinal) ? token[2..] : token);
                if (!exists(path))
                {
                    yield return $"path {token}";
                }
            }
        }
    }

    /// <summary>Computes the anchors GitHub gives a document's headings.</summary>
    /// <param name="markdown">The document.</param>
    /// <returns>The anchors.</returns>
    public static HashSet<string> Anchors(string markdown)
    {
        HashSet<string> anchors = new(StringComparer.Ordinal);
        Dictionary<string, int> seen = new(StringComparer.Ordinal);
        bool inFence = false;
        foreach (string line in markdown.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inFence = !inFence;
            }

            Match heading = Heading().Match(line);
            if (inFence || !heading.Success)
            {
                continue;
            }

            StringBuilder slug = new();
            foreach (char character in heading.Groups["text"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(character) || character is '-' or '_')
                {
                    slug.Append(character);
                }
                else if (character == ' ')
                {
                    slug.Append('-');
                }
            }

            string anchor = slug.ToString();
            int count = seen.TryGetValue(anchor, out int previous) ? previous + 1 : 0;
            seen[anchor] = count;
            anchors.Add(count == 0 ? anchor : $"{anchor}-{count}");
        }

        return anchors;
    }

    private static bool IsPlaceholderOrOutput(string token) =>
        token.IndexOfAny(['*', '<', '>', '…', '{', '$', '|']) >= 0
        || Regex.IsMatch(token, "(^|/)[A-Z][A-Z0-9_-]+(/|\\.|$)")
        || Regex.IsMatch(token, "(^|/)(bin|obj|artifacts)(/|$)");

    private static string Normalise(string path)
    {
        List<string> parts = [];
        foreach (string part in path.Replace('\\', '/').Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex(@"\[(?:[^\]]*)\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+)$")]
    private static partial Regex Heading();
}
