using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host;

/// <summary>
/// Writes output files (reports, exports) so that no half-written file and no temporary file is ever left: the
/// content goes to a uniquely named temporary file in the target folder, which is renamed into place; any failure
/// (full disk, permissions, cancellation) removes the temporary file. Also checks a report folder up front.
/// </summary>
public static class OutputFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Checks that a folder can take files without creating anything: the folder, or when it does not exist yet its
    /// nearest existing parent (where it would be created), must be a folder in which a probe file can be written
    /// and removed. Run it before a job that ends in writing there, so the job never runs for reports that cannot be
    /// written.
    /// </summary>
    /// <param name="folder">The folder.</param>
    /// <param name="option">The option that named it, for the message, e.g. <c>--report-dir</c>.</param>
    /// <exception cref="IOException">The folder cannot take files (a file in the way, no permission, full disk).</exception>
    public static void CheckWritableFolder(string folder, string option)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        string? existing = Path.GetFullPath(folder);
        while (existing is not null && !Directory.Exists(existing))
        {
            if (File.Exists(existing))
            {
                throw new IOException($"{option} {folder}: {existing} is a file, not a folder.");
            }

            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            throw new IOException($"{option} {folder}: no part of the path exists.");
        }

        string probe = Path.Combine(existing, $".wand-write-check-{Guid.NewGuid():N}");
        try
        {
            using FileStream stream = new(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            stream.WriteByte(0);
            stream.Flush(flushToDisk: false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            TryDelete(probe);
            throw new IOException($"{option} {folder} cannot take files: {exception.Message}", exception);
        }
    }

    /// <summary>Writes text to a file atomically, replacing an existing file.</summary>
    /// <param name="path">The file; its folder must exist.</param>
    /// <param name="text">The content (UTF-8).</param>
    /// <param name="cancellationToken">Cancels the write; a cancelled write leaves nothing.</param>
    /// <returns>A task that completes when the file is in place.</returns>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static Task WriteAsync(string path, string text, CancellationToken cancellationToken = default) =>
        WriteAsync(path, text, overwrite: true, cancellationToken);

    /// <summary>Writes text to a new file atomically; fails when the file already exists (nothing is replaced).</summary>
    /// <param name="path">The file; its folder must exist.</param>
    /// <param name="text">The content (UTF-8).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns><c>true</c> when written, <c>false</c> when a file of that name exists already.</returns>
    public static async Task<bool> TryWriteNewAsync(string path, string text, CancellationToken cancellationToken = default)
    {
        try
        {
            await WriteAsync(path, text, overwrite: false, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    private static async Task WriteAsync(string path, string text, bool overwrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        string full = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Cannot write {path}: the folder {folder} does not exist.");
        }

        string temporary = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.partial");
        try
        {
            await File.WriteAllTextAsync(temporary, text, Utf8, cancellationToken).ConfigureAwait(false);
            File.Move(temporary, full, overwrite);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort; the original failure is what the caller reports.
        }
    }
}
