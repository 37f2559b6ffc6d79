using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Wand.Repository.Tests;

/// <summary>One text file of the repository: its path relative to the root (forward slashes) and its text.</summary>
/// <param name="Path">Repository-relative path with '/' separators.</param>
/// <param name="Text">The file's text.</param>
public sealed record SourceFile(string Path, string Text);

/// <summary>
/// The repository as the checks see it: every text file under the root except build output and tool state
/// (bin, obj, artifacts, .git and similar folders).
/// </summary>
public static class RepositoryTree
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal)
    {
        "bin", "obj", "artifacts", ".git", ".vs", ".idea", "node_modules", "TestResults", "__pycache__",
    };

    private static readonly HashSet<string> BinaryExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".zip", ".bin", ".dll", ".exe", ".nupkg", ".snk", ".sqlite", ".db",
    };

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>Gets the repository root: the nearest folder above the test assembly holding WandFirmware.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Gets the full path of a repository-relative path.</summary>
    /// <param name="relativePath">A path relative to the root, with '/' separators.</param>
    /// <returns>The full path.</returns>
    public static string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Reads a repository file with LF line ends.</summary>
    /// <param name="relativePath">A path relative to the root.</param>
    /// <returns>The text.</returns>
    public static string Read(string relativePath) => File.ReadAllText(FullPath(relativePath)).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Lists the text files under a folder of the repository (the whole repository by default).</summary>
    /// <param name="folder">A repository-relative folder, or empty for the root.</param>
    /// <returns>The files, ordered by path.</returns>
    public static IReadOnlyList<SourceFile> TextFiles(string folder = "")
    {
        List<SourceFile> files = [];
        Walk(folder.Length == 0 ? Root : FullPath(folder), files);
        return files.OrderBy(file => file.Path, StringComparer.Ordinal).ToList();
    }

    private static void Walk(string directory, List<SourceFile> files)
    {
        foreach (string file in Directory.EnumerateFiles(directory))
        {
            if (BinaryExtensions.Contains(Path.GetExtension(file)))
            {
                continue;
            }

            byte[] bytes = File.ReadAllBytes(file);
            if (Array.IndexOf(bytes, (byte)0) >= 0)
            {
                continue;
            }

            string relative = Path.GetRelativePath(Root, file).Replace(Path.DirectorySeparatorChar, '/');
            files.Add(new SourceFile(relative, System.Text.Encoding.UTF8.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal)));
        }

        foreach (string child in Directory.EnumerateDirectories(directory))
        {
            if (!SkippedFolders.Contains(Path.GetFileName(child)))
            {
                Walk(child, files);
            }
        }
    }

    private static string FindRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "WandFirmware.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("WandFirmware.sln not found above " + AppContext.BaseDirectory);
    }
}
