using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Wand.Host.Flashing;

/// <summary>
/// A nanoFramework ESP32 firmware package, a folder or a zip as published for each target: <c>bootloader.bin</c>
/// (at 0x1000), one or more partition tables <c>partitions_&lt;N&gt;mb.bin</c> (at 0x8000) and <c>nanoCLR.bin</c> (at
/// 0x10000), per nanoFirmwareFlasher's <c>Esp32Firmware.cs</c>
/// (https://github.com/nanoframework/nanoFirmwareFlasher).
/// </summary>
public sealed partial class FirmwarePackage
{
    /// <summary>The largest file read from a package, 16 MB, so a wrong path cannot exhaust memory.</summary>
    public const int MaximumFileLength = 16 << 20;

    private FirmwarePackage(string source, byte[] bootloader, byte[] runtime, IReadOnlyDictionary<string, byte[]> partitionTables)
    {
        Source = source;
        Bootloader = bootloader;
        Runtime = runtime;
        PartitionTables = partitionTables;
    }

    /// <summary>Gets the folder or zip the package was read from.</summary>
    public string Source { get; }

    /// <summary>Gets the second-stage bootloader image.</summary>
    public byte[] Bootloader { get; }

    /// <summary>Gets the nanoCLR image.</summary>
    public byte[] Runtime { get; }

    /// <summary>Gets the partition tables by file name.</summary>
    public IReadOnlyDictionary<string, byte[]> PartitionTables { get; }

    /// <summary>Reads a package from a folder or a zip file.</summary>
    /// <param name="path">The folder or <c>.zip</c>.</param>
    /// <returns>The package, not yet validated (see <see cref="FlashPlanner"/>).</returns>
    /// <exception cref="ImageValidationException">The path does not exist or a required file is missing.</exception>
    public static FirmwarePackage Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Dictionary<string, byte[]> files = new(StringComparer.OrdinalIgnoreCase);
        if (Directory.Exists(path))
        {
            foreach (string file in Directory.EnumerateFiles(path, "*.bin"))
            {
                files[Path.GetFileName(file)] = ReadLimited(file, File.OpenRead(file));
            }
        }
        else if (File.Exists(path))
        {
            try
            {
                using ZipArchive archive = ZipFile.OpenRead(path);
                foreach (ZipArchiveEntry entry in archive.Entries)
                {
                    if (entry.Name.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
                    {
                        files[entry.Name] = ReadLimited($"{path}!{entry.FullName}", entry.Open());
                    }
                }
            }
            catch (InvalidDataException exception)
            {
                throw new ImageValidationException(path, $"is neither a folder nor a valid zip file ({exception.Message}).");
            }
        }
        else
        {
            throw new ImageValidationException(path, "does not exist. Pass the firmware package folder or zip with --firmware.");
        }

        Dictionary<string, byte[]> tables = new(StringComparer.OrdinalIgnoreCase);
        foreach ((string name, byte[] content) in files)
        {
            if (name.StartsWith("partitions", StringComparison.OrdinalIgnoreCase))
            {
                tables[name] = content;
            }
        }

        byte[] bootloader = files.GetValueOrDefault("bootloader.bin") ?? throw new ImageValidationException(path, "has no bootloader.bin.");
        byte[] runtime = files.GetValueOrDefault("nanoCLR.bin") ?? throw new ImageValidationException(path, "has no nanoCLR.bin.");
        if (tables.Count == 0)
        {
            throw new ImageValidationException(path, "has no partition table (partitions_<size>mb.bin or partitions.bin).");
        }

        return new FirmwarePackage(path, bootloader, runtime, tables);
    }

    /// <summary>Creates a package from bytes (tests, generated images).</summary>
    /// <param name="source">A name for messages.</param>
    /// <param name="bootloader">The bootloader image.</param>
    /// <param name="runtime">The nanoCLR image.</param>
    /// <param name="partitionTables">Partition tables by file name.</param>
    /// <returns>The package.</returns>
    public static FirmwarePackage FromImages(string source, byte[] bootloader, byte[] runtime, IReadOnlyDictionary<string, byte[]> partitionTables) =>
        new(source, bootloader, runtime, partitionTables);

    /// <summary>Picks the partition table for a flash size: the one named <c>…_&lt;N&gt;mb.bin</c>, or the only one.</summary>
    /// <param name="flashSize">The flash size in bytes.</param>
    /// <returns>The file name and bytes.</returns>
    /// <exception cref="PartitionTableException">No table matches.</exception>
    public (string Name, byte[] Table) SelectPartitionTable(uint flashSize)
    {
        if (PartitionTables.Count == 1)
        {
            foreach (KeyValuePair<string, byte[]> only in PartitionTables)
            {
                return (only.Key, only.Value);
            }
        }

        uint megabytes = flashSize >> 20;
        foreach ((string name, byte[] table) in PartitionTables)
        {
            Match match = SizeSuffix().Match(name);
            if (match.Success && uint.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) == megabytes)
            {
                return (name, table);
            }
        }

        throw new PartitionTableException($"{Source}: none of the partition tables ({string.Join(", ", PartitionTables.Keys)}) is for a {megabytes} MB flash.");
    }

    private static byte[] ReadLimited(string name, Stream stream)
    {
        using (stream)
        {
            using MemoryStream buffer = new();
            byte[] chunk = new byte[81920];
            int count;
            while ((count = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, count);
                if (buffer.Length > MaximumFileLength)
                {
                    throw new ImageValidationException(name, $"is larger than {MaximumFileLength >> 20} MB; no ESP32 flash holds it.");
                }
            }

            return buffer.ToArray();
        }
    }

    [GeneratedRegex(@"_(\d+)mb\.bin$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizeSuffix();
}
