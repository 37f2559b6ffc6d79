using System;
using System.Globalization;
using System.IO;

namespace Wand.Host.Serving;

/// <summary>
/// How many connections the server may hold open without exhausting the process's open-file limit. Past that limit the
/// .NET runtime itself cannot open what it needs (thread start-up reads <c>/proc/stat</c>, the GC reads
/// <c>/proc/self/status</c>) and aborts, so the server keeps <see cref="RuntimeReserve"/> descriptors free for it and
/// lowers its connection cap to fit. Read from <c>/proc/self/limits</c> and <c>/proc/self/fd</c> (proc(5)); on systems
/// without them the configured cap stands.
/// </summary>
public static class FileDescriptorBudget
{
    /// <summary>Descriptors left free for the runtime, the log and the world-control channel.</summary>
    public const int RuntimeReserve = 64;

    /// <summary>The connection cap that fits under the limit.</summary>
    /// <param name="configured">The configured cap, 1 or more.</param>
    /// <returns>The cap to enforce, at most <paramref name="configured"/>.</returns>
    /// <exception cref="Wand.Host.WandHostException">Fewer than one connection fits: the limit is too low to serve.</exception>
    public static int ConnectionCap(int configured)
    {
        if (!TryRead(out long limit, out int open))
        {
            return configured;
        }

        long free = limit - open - RuntimeReserve;
        if (free < 1)
        {
            throw new Wand.Host.WandHostException(
                $"The open-file limit is {limit} and {open} files are open already; serving needs {RuntimeReserve + 1} more. "
                + "Raise the limit (ulimit -n) and start again.");
        }

        return (int)Math.Min(configured, free);
    }

    private static bool TryRead(out long limit, out int open)
    {
        limit = 0;
        open = 0;
        if (!OperatingSystem.IsLinux() || !File.Exists("/proc/self/limits"))
        {
            return false;
        }

        foreach (string line in File.ReadLines("/proc/self/limits"))
        {
            // "Max open files            1024                 1048576              files"
            if (!line.StartsWith("Max open files", StringComparison.Ordinal))
            {
                continue;
            }

            string[] fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 1 || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                return false; // "unlimited"
            }

            open = Directory.GetFileSystemEntries("/proc/self/fd").Length;
            return true;
        }

        return false;
    }
}
