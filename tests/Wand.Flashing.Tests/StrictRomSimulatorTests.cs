using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using Wand.Host.Flashing;
using Wand.RomSimulator;
using Xunit;

namespace Wand.Flashing.Tests;

/// <summary>
/// The simulated ROM is as strict as the chip where clients differ: crystal estimate and drift, flash reachable only
/// after SPI_ATTACH with the right pads, the 2 MB default before SPI_SET_PARAMS, the inflate window, boot logs, chip
/// time (virtual, so no test waits on it), and stub uploads.
/// </summary>
public sealed class StrictRomSimulatorTests
{
    private const uint RtcCalibration = 0x3FF5_F06C;
    private const uint Efuse4 = 0x3FF5_A010;
    private const uint SpiCommand = 0x3FF4_2000;
    private const uint SpiUser2 = 0x3FF4_2024;
    private const uint SpiData0 = 0x3FF4_2080;

    [Theory]
    [InlineData(RomSimulatorOptions.RealCrystal, 39_993_750)]
    [InlineData(RomSimulatorOptions.DriftingCrystalEstimate, 38_728_125)]
    public void RtcCalibrationAndEfuseCk8m_GiveEsptoolsRomCrystalEstimate(int estimate, double expected)
    {
        using RomLoaderModel model = Synchronised(new RomSimulatorOptions { RomCrystalEstimate = estimate });

        uint calibration = ReadRegister(model, RtcCalibration);
        uint efuse4 = ReadRegister(model, Efuse4);

        Assert.Equal(expected, ChipDetector.Esp32RomCrystalEstimate(calibration, efuse4));
        Assert.NotEqual(0u, efuse4 & 0xFF);
    }

    [Fact]
    public void ChangeBaudRate_WithCrystalDrift_RunsAtTheRateTheDividerGives_SoTheRequestNeedsCompensation()
    {
        using RomLoaderModel model = Synchronised(new RomSimulatorOptions { RomCrystalEstimate = RomSimulatorOptions.DriftingCrystalEstimate });

        model.CommitBaudRate(460_800);
        int uncompensated = model.BaudRate;
        model.CommitBaudRate(446_148); // esptool's request for 460800 from this ROM (esptool issue #921)
        int compensated = model.BaudRate;

        Assert.InRange(uncompensated, 475_000, 477_000);
        Assert.InRange(compensated, 460_800 * 0.999, 460_800 * 1.001);
    }

    [Fact]
    public void FlashIdBeforeSpiAttach_ReadsAllOnes_AndTheJedecIdAfterIt()
    {
        using RomLoaderModel model = Synchronised(new RomSimulatorOptions());

        uint before = ReadJedecId(model);
        Assert.Single(Handle(model, RomCommand.SpiAttach, RomPacket.Words(0, 0)));
        uint after = ReadJedecId(model);

        Assert.Equal(0xFF_FFFFu, before);
        Assert.Equal(0x16_40EFu, after);
    }

    [Fact]
    public void InPackageFlash_AttachedOnTheDefaultPins_StaysUnreachable_AndWorksWithTheEfusePads()
    {
        using RomLoaderModel model = Synchronised(new RomSimulatorOptions { PackageVersion = 5, SpiPads = SpiPads.InPackage });
        uint efuse3 = ReadRegister(model, 0x3FF5_A00C);
        uint efuse5 = ReadRegister(model, 0x3FF5_A014);

        Handle(model, RomCommand.SpiAttach, RomPacket.Words(0, 0));
        uint withDefaultPins = ReadJedecId(model);
        byte[] eraseRefused = Assert.Single(Handle(model, RomCommand.FlashBegin, RomPacket.Words(0x1000, 0, 0x400, 0x10000)));
        Handle(model, RomCommand.SpiAttach, RomPacket.Words(ChipDetector.Esp32SpiPads(efuse3, efuse5), 0));
        uint withEfusePads = ReadJedecId(model);

        Assert.Equal(5, ChipDetector.Esp32PackageVersion(efuse3));
        Assert.Equal(SpiPads.InPackage.AttachValue, ChipDetector.Esp32SpiPads(efuse3, efuse5));
        Assert.Equal(0xFF_FFFFu, withDefaultPins);
        Assert.Equal(new byte[] { 1, 6, 0, 0 }, eraseRefused[8..]);
        Assert.Equal(0x16_40EFu, withEfusePads);
    }

    [Fact]
    public void Md5PastTwoMegabytes_FailsUntilSpiSetParamsTellsTheRealSize()
    {
        using RomLoaderModel model = Synchronised(new RomSimulatorOptions());
        Handle(model, RomCommand.SpiAttach, RomPacket.Words(0, 0));

        byte[] before = Assert.Single(Handle(model, RomCommand.SpiFlashMd5, RomPacket.Words(0x1F_0000, 0x2_0000, 0, 0)));
        Handle(model, RomCommand.SpiSetParameters, RomPacket.Words(0, 4u << 20, 0x10000, 0x1000, 0x100, 0xFFFF));
        byte[] after = Assert.Single(Handle(model, RomCommand.SpiFlashMd5, RomPacket.Words(0x1F_0000, 0x2_0000, 0, 0)));

        Assert.Equal(1, before[8]);
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, after[^4..]);
        Assert.Equal(32 + 4, after.Length - 8);
    }

    [Fact]
    public void CompressedBlocks_ReachTheFlashWhenTheirInflateWindowFills_OrAtTheLastBlock()
    {
        using RomLoaderModel model = Synchronised(new RomSimulatorOptions());
        Handle(model, RomCommand.SpiAttach, RomPacket.Words(0, 0));
        byte[] image = TestImages.EspImage(80_000, seed: 5);
        byte[] zlib = Compress(image);
        int blocks = (zlib.Length + 0x3FF) / 0x400;
        uint rounded = (uint)((image.Length + 0x3FF) / 0x400 * 0x400);
        Handle(model, RomCommand.FlashDeflateBegin, RomPacket.Words(rounded, (uint)blocks, 0x400, 0x10000));

        bool firstBlockReachedFlash = false;
        int windowsSeen = 0;
        for (int sequence = 0; sequence < blocks; sequence++)
        {
            byte[] block = zlib.AsSpan(sequence * 0x400, Math.Min(0x400, zlib.Length - (sequence * 0x400))).ToArray();
            byte[] answer = Assert.Single(model.Handle(RomPacket.Build(RomCommand.FlashDeflateData, RomPacket.DataBlock((uint)sequence, block), RomPacket.Checksum(block))).Responses);
            Assert.Equal(new byte[] { 0, 0, 0, 0 }, answer[8..]);
            firstBlockReachedFlash |= sequence == 0 && model.Flash.BytesProgrammed > 0;
            windowsSeen = (int)Math.Max(windowsSeen, model.Flash.BytesProgrammed / RomLoaderModel.InflateWindow);
        }

        Assert.False(firstBlockReachedFlash, "the first block's output waits in the window");
        Assert.Equal(image.Length / RomLoaderModel.InflateWindow, windowsSeen);
        Assert.Equal(image, model.Flash.Read(0x10000, image.Length));
    }

    [Fact]
    public void ChipTiming_IsChargedAsVirtualTime_PerEraseProgramMd5AndInflate()
    {
        ChipTiming timing = new();
        using RomLoaderModel model = Synchronised(new RomSimulatorOptions { ChipTiming = timing });
        Handle(model, RomCommand.SpiAttach, RomPacket.Words(0, 0));

        Handle(model, RomCommand.FlashBegin, RomPacket.Words(0x10_0000, 0, 0x400, 0x1_0000)); // 1 MB, 64 KB aligned
        TimeSpan erase = model.LastBusy;
        Handle(model, RomCommand.FlashBegin, RomPacket.Words(0x3000, 0, 0x400, 0x1000)); // three 4 KB sectors
        TimeSpan sectors = model.LastBusy;
        Handle(model, RomCommand.SpiFlashMd5, RomPacket.Words(0, 1_000_000, 0, 0));
        TimeSpan md5 = model.LastBusy;
        Handle(model, RomCommand.FlashBegin, RomPacket.Words(0x1000, 1, 0x400, 0x18_0000));
        byte[] block = new byte[0x400];
        model.Handle(RomPacket.Build(RomCommand.FlashData, RomPacket.DataBlock(0, block), RomPacket.Checksum(block)));
        TimeSpan program = model.LastBusy;

        Assert.Equal(timing.BlockErase * 16, erase);
        Assert.Equal(timing.SectorErase * 3, sectors);
        Assert.Equal(timing.Md5PerMegabyte, md5);
        Assert.Equal(timing.PageProgram * 4, program);
    }

    [Fact]
    public void ResetIntoFlashBoot_PrintsTheSpiBootLog_AndTheChipIgnoresSync()
    {
        using RomLoaderModel model = new(new RomSimulatorOptions { BootMode = BootMode.SpiFlash }, new SimulatedFlash(4 << 20));

        string log = model.Reset();
        IReadOnlyList<byte[]> answers = model.Handle(RomPacket.Build(RomCommand.Sync, RomPacket.SyncData())).Responses;

        Assert.Contains("boot:0x13 (SPI_FAST_FLASH_BOOT)", log, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting for download", log, StringComparison.Ordinal);
        Assert.Empty(answers);
        Assert.Equal(BootLogFindingKind.WrongBootMode, BootLogDiagnosis.BeforeConnecting(log)[0].Kind);
    }

    [Theory]
    [InlineData(BootProblem.Brownout, BootLogFindingKind.Brownout)]
    [InlineData(BootProblem.FlashReadError, BootLogFindingKind.FlashReadError)]
    public void BootProblems_ShowInTheBootLog_AndAreDiagnosedWithAdvice(BootProblem problem, BootLogFindingKind kind)
    {
        using RomLoaderModel model = new(new RomSimulatorOptions { BootMode = BootMode.SpiFlash, BootProblem = problem }, new SimulatedFlash(4 << 20));

        IReadOnlyList<BootLogFinding> findings = BootLogDiagnosis.AfterReset(model.Reset());

        BootLogFinding finding = Assert.Single(findings);
        Assert.Equal(kind, finding.Kind);
        Assert.True(finding.Message.Length > 60, "each finding says what to do");
    }

    [Fact]
    public void AfterReset_ADownloadModeBanner_MeansGpio0IsHeldLow()
    {
        BootLogFinding finding = Assert.Single(BootLogDiagnosis.AfterReset(RomLoaderModel.DownloadBootBanner));

        Assert.Equal(BootLogFindingKind.StillInDownloadMode, finding.Kind);
        Assert.Contains("GPIO0", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StubUpload_IsAnsweredAndLogged_AndTheRomKeepsAnswering()
    {
        List<string> log = [];
        using RomLoaderModel model = Synchronised(new RomSimulatorOptions { Log = log.Add });
        byte[] text = new byte[0x200];

        Handle(model, RomCommand.MemoryBegin, RomPacket.Words((uint)text.Length, 1, 0x1800, 0x400B_E000));
        byte[] data = Assert.Single(model.Handle(RomPacket.Build(RomCommand.MemoryData, RomPacket.DataBlock(0, text), RomPacket.Checksum(text))).Responses);
        byte[] end = Assert.Single(Handle(model, RomCommand.MemoryEnd, RomPacket.Words(0, 0x400B_E658)));
        byte[] stillRom = Assert.Single(Handle(model, RomCommand.ReadRegister, RomPacket.Words(0x4000_1000)));

        Assert.Equal(new byte[] { 0, 0, 0, 0 }, data[8..]);
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, end[8..]);
        Assert.Equal(1, model.StubUploadsRefused);
        Assert.Contains(log, line => line.Contains("0x400BE658", StringComparison.Ordinal) && line.Contains("cannot execute", StringComparison.Ordinal));
        Assert.Equal(12, stillRom.Length); // ROM framing: 4 status bytes
    }

    private static RomLoaderModel Synchronised(RomSimulatorOptions options)
    {
        RomLoaderModel model = new(options, new SimulatedFlash(options.FlashSize));
        model.Handle(RomPacket.Build(RomCommand.Sync, RomPacket.SyncData()));
        return model;
    }

    private static IReadOnlyList<byte[]> Handle(RomLoaderModel model, RomCommand command, byte[] data) => model.Handle(RomPacket.Build(command, data)).Responses;

    private static uint ReadRegister(RomLoaderModel model, uint address) =>
        BinaryPrimitives.ReadUInt32LittleEndian(Handle(model, RomCommand.ReadRegister, RomPacket.Words(address))[0].AsSpan(4));

    private static uint ReadJedecId(RomLoaderModel model)
    {
        Handle(model, RomCommand.WriteRegister, RomPacket.Words(SpiUser2, (7u << 28) | 0x9F, 0xFFFF_FFFF, 0));
        Handle(model, RomCommand.WriteRegister, RomPacket.Words(SpiCommand, 1u << 18, 0xFFFF_FFFF, 0));
        return ReadRegister(model, SpiData0) & 0xFF_FFFF;
    }

    private static byte[] Compress(byte[] image)
    {
        using MemoryStream output = new();
        using (ZLibStream zlib = new(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(image);
        }

        return output.ToArray();
    }
}
