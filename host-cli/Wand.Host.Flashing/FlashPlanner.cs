using System;
using System.Collections.Generic;

namespace Wand.Host.Flashing;

/// <summary>
/// Turns a firmware package and/or an application into a validated <see cref="FlashPlan"/>. Everything is checked
/// here, before the device is touched: image magic, chip id, checksums, partition table, sizes, overlap.
/// </summary>
public static class FlashPlanner
{
    /// <summary>Builds and validates a plan.</summary>
    /// <param name="request">What to flash.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ImageValidationException">An image is malformed.</exception>
    /// <exception cref="ChipMismatchException">An image is for another chip.</exception>
    /// <exception cref="ImageTooLargeException">An image does not fit its partition or the flash.</exception>
    /// <exception cref="PartitionTableException">The partition table is malformed or lacks a needed partition.</exception>
    public static FlashPlan Build(FlashRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Package is null && request.Application is null)
        {
            throw new ImageValidationException("(command line)", "nothing to flash: give --firmware, --app or both.");
        }

        List<FlashRegion> regions = [];
        PartitionTable table;
        string tableSource;
        if (request.Package is FirmwarePackage package)
        {
            (string tableName, byte[] tableBytes) = package.SelectPartitionTable(request.FlashSize);
            tableSource = $"{package.Source}/{tableName}";
            table = PartitionTable.Parse(tableSource, tableBytes);
            table.CheckFits(tableSource, request.FlashSize);
            Partition application = table.Application ?? throw new PartitionTableException($"{tableSource}: no app partition for nanoCLR.");

            EspImageInfo bootloaderInfo = EspImage.Validate("bootloader.bin", package.Bootloader);
            CheckChip("bootloader.bin", bootloaderInfo, request.Chip);
            EspImageInfo runtimeInfo = EspImage.Validate("nanoCLR.bin", package.Runtime);
            CheckChip("nanoCLR.bin", runtimeInfo, request.Chip);

            uint bootloaderOffset = ChipFacts.BootloaderOffset(request.Chip);
            byte[] bootloader = EspImage.PatchFlashSettings(package.Bootloader, request.Settings);
            regions.Add(Region("bootloader", bootloaderOffset, bootloader, PartitionTable.DefaultOffset - bootloaderOffset));
            regions.Add(Region("partition-table", PartitionTable.DefaultOffset, tableBytes, PartitionTable.MaximumLength));
            regions.Add(Region("nanoCLR", application.Offset, package.Runtime, application.Size));
        }
        else
        {
            table = request.DeviceTable ?? throw new PartitionTableException("No partition table is available: give --firmware with the package, or let 'wand flash' read the table from the board.");
            tableSource = request.DeviceTableSource;
        }

        if (request.Application is byte[] app)
        {
            ValidateApplication(request.ApplicationName, app);
            Partition deployment = table.Deployment
                ?? throw new PartitionTableException($"{tableSource}: no nanoFramework deployment partition (data, subtype 0x84, label 'deploy').");
            regions.Add(Region("application", deployment.Offset, app, deployment.Size));
        }

        regions.Sort((left, right) => left.Address.CompareTo(right.Address));
        for (int index = 0; index < regions.Count; index++)
        {
            FlashRegion region = regions[index];
            if (region.End > request.FlashSize)
            {
                throw new ImageTooLargeException($"{region.Name} ends at 0x{region.End:X}, past the end of the {request.FlashSize >> 20} MB flash.");
            }

            if (index > 0 && regions[index - 1].End > region.Address)
            {
                FlashRegion previous = regions[index - 1];
                throw new ImageTooLargeException($"{previous.Name} (0x{previous.Address:X}–0x{previous.End:X}) overlaps {region.Name} at 0x{region.Address:X}.");
            }
        }

        return new FlashPlan(regions, request.FlashSize, table, tableSource);
    }

    /// <summary>
    /// Checks every file on its own, before a port is opened: image structure, every partition table, the application
    /// marker. Sizes against partitions and the chip are checked by <see cref="Build"/> once the board is known.
    /// </summary>
    /// <param name="package">The package, or <c>null</c>.</param>
    /// <param name="application">The application, or <c>null</c>.</param>
    /// <param name="applicationName">The application file name for messages.</param>
    public static void ValidateStructure(FirmwarePackage? package, byte[]? application, string applicationName)
    {
        if (package is null && application is null)
        {
            throw new ImageValidationException("(command line)", "nothing to flash: give --firmware, --app or both.");
        }

        if (package is not null)
        {
            EspImageInfo bootloader = EspImage.Validate("bootloader.bin", package.Bootloader);
            EspImageInfo runtime = EspImage.Validate("nanoCLR.bin", package.Runtime);
            if (bootloader.ChipId != runtime.ChipId)
            {
                throw new ChipMismatchException($"bootloader.bin is for chip id {bootloader.ChipId} but nanoCLR.bin for chip id {runtime.ChipId}; the package mixes targets.");
            }

            foreach ((string name, byte[] table) in package.PartitionTables)
            {
                _ = PartitionTable.Parse($"{package.Source}/{name}", table);
            }
        }

        if (application is not null)
        {
            ValidateApplication(applicationName, application);
        }
    }

    /// <summary>Checks a nanoFramework deployment image: not empty, starts with an assembly marker.</summary>
    /// <param name="name">The file name for messages.</param>
    /// <param name="application">The image.</param>
    /// <exception cref="ImageValidationException">The file is not a deployment image.</exception>
    public static void ValidateApplication(string name, ReadOnlySpan<byte> application)
    {
        if (application.IsEmpty)
        {
            throw new ImageValidationException(name, "is empty.");
        }

        // nanoFramework PE assemblies start with the marker "NFMRK1" (1.x) or "NFMRK2" (2.x with generics),
        // nf-interpreter src/CLR/Core/TypeSystem.cpp and the nanoFramework PE file format description.
        if (application.Length < 6 || !(application[..6].SequenceEqual("NFMRK1"u8) || application[..6].SequenceEqual("NFMRK2"u8)))
        {
            string found = application.Length >= 6 ? Convert.ToHexString(application[..6]) : "too short";
            string hint = application[0] == EspImage.Magic
                ? "it is an ESP firmware image; pass it inside the --firmware package instead"
                : "pass the deployment .bin from the application's build output";
            throw new ImageValidationException(name, $"does not start with a nanoFramework assembly marker NFMRK1/NFMRK2 (found {found}); {hint}.");
        }
    }

    private static void CheckChip(string name, EspImageInfo info, ChipFamily chip)
    {
        ChipFamily imageChip = ChipFacts.FromChipId(info.ChipId);
        if (imageChip != chip)
        {
            throw new ChipMismatchException($"{name} is built for {(imageChip == ChipFamily.Unknown ? $"chip id {info.ChipId}" : ChipFacts.DisplayName(imageChip))} but the board is an {ChipFacts.DisplayName(chip)}. Use the firmware package for {ChipFacts.DisplayName(chip)}.");
        }
    }

    private static FlashRegion Region(string name, uint address, byte[] data, uint limit)
    {
        byte[] padded = data;
        if (data.Length % 4 != 0)
        {
            padded = new byte[(data.Length + 3) & ~3];
            padded.AsSpan().Fill(0xFF);
            data.CopyTo(padded, 0);
        }

        if ((uint)padded.Length > limit)
        {
            throw new ImageTooLargeException($"{name} is {padded.Length:N0} bytes but its space at 0x{address:X} holds {limit:N0} bytes ({(padded.Length - (long)limit):N0} too many). Nothing was written.");
        }

        return new FlashRegion(name, address, padded, limit);
    }
}

/// <summary>What to flash and for which board.</summary>
public sealed record FlashRequest
{
    /// <summary>Gets the firmware package, or <c>null</c> to flash only the application.</summary>
    public FirmwarePackage? Package { get; init; }

    /// <summary>Gets the application deployment image, or <c>null</c>.</summary>
    public byte[]? Application { get; init; }

    /// <summary>Gets the application file name for messages.</summary>
    public string ApplicationName { get; init; } = "application";

    /// <summary>Gets the chip the images must be for.</summary>
    public ChipFamily Chip { get; init; } = ChipFamily.Esp32;

    /// <summary>Gets the flash size in bytes.</summary>
    public uint FlashSize { get; init; } = 4u << 20;

    /// <summary>Gets the bootloader header settings to write.</summary>
    public FlashSettings Settings { get; init; } = FlashSettings.Keep;

    /// <summary>Gets the partition table read from the board, used when there is no package.</summary>
    public PartitionTable? DeviceTable { get; init; }

    /// <summary>Gets where <see cref="DeviceTable"/> came from.</summary>
    public string DeviceTableSource { get; init; } = "the board's partition table";
}
