using System;

namespace Wand.Host.Flashing;

/// <summary>
/// How long the client waits for each kind of answer. Defaults follow esptool v5 (the timeout constants of
/// https://github.com/espressif/esptool/blob/v5.2.0/esptool/loader.py): 3 s per command,
/// 0.1 s for SYNC, 40 s/MB for ROM erase and write, 8 s/MB for MD5, never less than the command timeout and never
/// more than 240 s.
/// </summary>
public sealed record RomTimeouts
{
    /// <summary>Gets the default command timeout (esptool <c>timeout</c>, 3 s).</summary>
    public TimeSpan Command { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets the wait for the first SYNC answer (esptool <c>sync_timeout</c>, 0.1 s).</summary>
    public TimeSpan Sync { get; init; } = TimeSpan.FromSeconds(0.1);

    /// <summary>Gets the erase-and-write time per megabyte (esptool <c>erase_write_timeout_per_mb</c>, 40 s).</summary>
    public TimeSpan EraseWritePerMegabyte { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Gets the ROM's up-front erase time per megabyte (esptool <c>erase_region_timeout_per_mb</c>, 40 s).</summary>
    public TimeSpan EraseRegionPerMegabyte { get; init; } = TimeSpan.FromSeconds(40);

    /// <summary>Gets the MD5 time per megabyte (esptool <c>md5_timeout_per_mb</c>, 8 s).</summary>
    public TimeSpan Md5PerMegabyte { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>Gets the longest any single wait may be (esptool <c>max_timeout</c>, 240 s).</summary>
    public TimeSpan Maximum { get; init; } = TimeSpan.FromSeconds(240);

    /// <summary>Scales a per-megabyte rate to a size: max(command timeout, rate × bytes / 1e6), capped at the maximum.</summary>
    /// <param name="perMegabyte">The rate.</param>
    /// <param name="bytes">The size in bytes.</param>
    /// <returns>The timeout.</returns>
    public TimeSpan ForSize(TimeSpan perMegabyte, long bytes)
    {
        TimeSpan scaled = TimeSpan.FromSeconds(perMegabyte.TotalSeconds * bytes / 1e6);
        TimeSpan atLeast = scaled < Command ? Command : scaled;
        return atLeast > Maximum ? Maximum : atLeast;
    }
}
