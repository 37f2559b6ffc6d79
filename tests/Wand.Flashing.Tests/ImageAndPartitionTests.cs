using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using Wand.Host.Flashing;
using Xunit;

namespace Wand.Flashing.Tests;

public sealed class ImageAndPartitionTests
{
    private static readonly byte[] Runtime = TestImages.EspImage(200_000, seed: 9);

    [Fact]
    public void Validate_WellFormedImage_ReportsHeaderFacts()
    {
        EspImageInfo info = EspImage.Validate("nanoCLR.bin", Runtime);

        Assert.Equal(5, info.SegmentCount);
        Assert.Equal(0, info.ChipId);
        Assert.True(info.HashAppended);
        Assert.Equal(Runtime.Length, info.DataLength);
    }

    [Fact]
    public void Validate_BadMagic_NamesFileAndOffset()
    {
        byte[] image = (byte[])Runtime.Clone();
        image[0] = 0x7F;

        ImageValidationException error = Assert.Throws<ImageValidationException>(() => EspImage.Validate("nanoCLR.bin", image));

        Assert.Contains("nanoCLR.bin", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xE9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Requirement", "HC-3")]
    public void Validate_TruncatedImage_IsRefused()
    {
        ImageValidationException error = Assert.Throws<ImageValidationException>(() => EspImage.Validate("nanoCLR.bin", Runtime.AsSpan(0, 150_000)));

        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FlippedSegmentByte_FailsTheChecksum()
    {
        byte[] image = (byte[])Runtime.Clone();
        image[1000] ^= 0x01;

        ImageValidationException error = Assert.Throws<ImageValidationException>(() => EspImage.Validate("nanoCLR.bin", image));

        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PatchFlashSettings_WritesModeSizeFrequencyAndKeepsTheDigestValid()
    {
        byte[] bootloader = TestImages.EspImage(20_000, seed: 4);

        byte[] patched = EspImage.PatchFlashSettings(bootloader, new FlashSettings(Mode: 3, SizeCode: 0x40, FrequencyCode: 0xF));

        Assert.Equal(3, patched[2]);
        Assert.Equal(0x4F, patched[3]);
        EspImage.Validate("bootloader.bin", patched);
        Assert.Equal(0x20, bootloader[3]);
    }

    [Fact]
    public void PatchFlashSettings_KeepEverything_ReturnsTheSameBytes()
    {
        byte[] bootloader = TestImages.EspImage(20_000, seed: 4);

        Assert.Same(bootloader, EspImage.PatchFlashSettings(bootloader, FlashSettings.Keep));
    }

    [Fact]
    public void PartitionTable_NanoFramework4MbLayout_DeploymentAt0x1E0000()
    {
        PartitionTable table = PartitionTable.Parse("partitions_4mb.bin", PartitionTable.Build(TestImages.FourMegabyteLayout));

        Assert.Equal(0x1E0000u, table.Deployment!.Offset);
        Assert.Equal(0x1C0000u, table.Deployment.Size);
        Assert.Equal(0x10000u, table.Application!.Offset);
        Assert.Equal(5, table.Partitions.Count);
    }

    [Fact]
    public void PartitionTable_CorruptedEntry_FailsItsMd5()
    {
        byte[] table = PartitionTable.Build(TestImages.FourMegabyteLayout);
        table[3 * 32 + 8] ^= 0x10;

        PartitionTableException error = Assert.Throws<PartitionTableException>(() => PartitionTable.Parse("partitions_4mb.bin", table));

        Assert.Contains("MD5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionTable_OverlappingPartitions_AreRefused()
    {
        Partition[] layout = [new("factory", 0, 0, 0x10000, 0x1D0000, 0), new("deploy", 1, 0x84, 0x1D0000, 0x10000, 0)];

        PartitionTableException error = Assert.Throws<PartitionTableException>(() => PartitionTable.Parse("t", PartitionTable.Build(layout)));

        Assert.Contains("overlap", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PartitionTable_NotATable_IsRefused()
    {
        Assert.Throws<PartitionTableException>(() => PartitionTable.Parse("nanoCLR.bin", Runtime));
    }

    [Fact]
    public void Plan_FullPackage_PutsEachImageAtItsDocumentedAddress()
    {
        FlashPlan plan = FlashPlanner.Build(new FlashRequest { Package = TestImages.Package(runtimeLength: 100_000), Application = TestImages.Application(1000) });

        Assert.Equal([0x1000u, 0x8000u, 0x10000u, 0x1E0000u], System.Linq.Enumerable.Select(plan.Regions, region => region.Address));
    }

    [Fact]
    public void Plan_RuntimeLargerThanFactoryPartition_IsRefused()
    {
        ImageTooLargeException error = Assert.Throws<ImageTooLargeException>(() =>
            FlashPlanner.Build(new FlashRequest { Package = TestImages.Package(runtimeLength: 0x1D0000 + 64) }));

        Assert.Contains("nanoCLR", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_BootloaderRunningIntoPartitionTable_IsRefusedAsOverlap()
    {
        FirmwarePackage package = TestImages.Package(runtimeLength: 100_000);
        FirmwarePackage oversized = FirmwarePackage.FromImages("big", TestImages.EspImage(0x7100, seed: 2), package.Runtime, package.PartitionTables);

        ImageTooLargeException error = Assert.Throws<ImageTooLargeException>(() => FlashPlanner.Build(new FlashRequest { Package = oversized }));

        Assert.Contains("bootloader", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_ImageForEsp32S3OnEsp32_IsAChipMismatch()
    {
        Assert.Throws<ChipMismatchException>(() => FlashPlanner.Build(new FlashRequest { Package = TestImages.Package(runtimeLength: 100_000, chipId: 9) }));
    }

    [Fact]
    public void Plan_PaddsOddLengthApplicationToFourBytesWithErasedValue()
    {
        FlashPlan plan = FlashPlanner.Build(new FlashRequest { Package = TestImages.Package(runtimeLength: 100_000), Application = TestImages.Application(1001) });

        FlashRegion application = plan.Find("application")!;
        Assert.Equal(1004, application.Data.Length);
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF }, application.Data[1001..]);
    }

    [Fact]
    public void SelectPartitionTable_PicksTheTableForTheDetectedFlashSize()
    {
        FirmwarePackage package = TestImages.Package(runtimeLength: 100_000);
        Dictionary<string, byte[]> tables = new() { ["partitions_4mb.bin"] = [1], ["partitions_8mb.bin"] = [2], ["partitions_16mb.bin"] = [3] };
        FirmwarePackage multi = FirmwarePackage.FromImages("multi", package.Bootloader, package.Runtime, tables);

        Assert.Equal("partitions_8mb.bin", multi.SelectPartitionTable(8u << 20).Name);
        Assert.Throws<PartitionTableException>(() => multi.SelectPartitionTable(2u << 20));
    }

    [Fact]
    public void CompressedImage_RealLookingRuntime_CompressesAndSplitsIntoRomBlocks()
    {
        byte[] image = TestImages.EspImage(400_000, seed: 12);

        CompressedImage compressed = CompressedImage.Create(image);

        Assert.True(compressed.IsCompressed);
        Assert.InRange(compressed.WireLength, image.Length * 0.4, image.Length * 0.8);
        Assert.Equal((compressed.WireLength + 0x3FF) / 0x400, compressed.BlockCount(0x400));
    }

    [Fact]
    public void BlockProbe_TraceRanges_AreTheInflateWindowsTheirBlocksComplete_AndTheLastBlockFlushesTheRest()
    {
        CompressedImage image = CompressedImage.Create(TestImages.EspImage(200_000, seed: 13));
        long previousEnd = 0;
        int traced = 0;

        for (int block = 0; block < image.BlockCount(0x400); block++)
        {
            (long start, long end) = BlockProbe.TraceRange(image, block, 0x400, RomFlasher.RomInflateWindow);
            if (end == start)
            {
                continue;
            }

            traced++;
            Assert.True(start >= previousEnd, "windows are traced once, in order");
            Assert.Equal(0, start % RomFlasher.RomInflateWindow);
            Assert.True(end - start == RomFlasher.RomInflateWindow || block == image.BlockCount(0x400) - 1, $"block {block}: {start}..{end}");
            Assert.True(image.OutputAfter((block + 1) * 0x400) - BlockProbe.Margin >= end || block == image.BlockCount(0x400) - 1, "a traced window must be complete after its block, even with held-back output");
            previousEnd = end;
        }

        Assert.Equal(image.UncompressedLength, previousEnd);
        // A window whose boundary falls within the inflater's hold-back of a block's end has no certain writer; most do.
        Assert.InRange(traced, (image.UncompressedLength / RomFlasher.RomInflateWindow / 2) + 1, (image.UncompressedLength + RomFlasher.RomInflateWindow - 1) / RomFlasher.RomInflateWindow);
    }

    [Fact]
    public void CompressedImage_RandomData_IsSentUncompressedWithPaddedLastBlock()
    {
        byte[] random = RandomNumberGenerator.GetBytes(5000);

        CompressedImage image = CompressedImage.Create(random);

        Assert.False(image.IsCompressed);
        Assert.Equal(0x400, image.Block(4, 0x400).Length);
        Assert.Equal(0xFF, image.Block(4, 0x400)[^1]);
    }
}
