using System;
using Wand.Host.Flashing;
using Xunit;

namespace Wand.Flashing.Tests;

public sealed class RomErrorAndChipTests
{
    [Theory]
    [InlineData(0x05, "invalid format")]
    [InlineData(0x07, "checksum")]
    [InlineData(0x08, "flash write error")]
    [InlineData(0x0B, "deflate failed")]
    [InlineData(0x0C, "Adler-32")]
    [InlineData(0x63, "SPI flash reported an error")]
    public void Describe_RomErrorCodes_NameTheErrorAndAnAction(byte code, string expected)
    {
        string message = RomErrors.Describe(code);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void RomErrorException_MessageNamesCommandAndAdvice()
    {
        RomErrorException error = new(RomCommand.FlashDeflateData, 0x07);

        Assert.Contains("FlashDeflateData", error.Message, StringComparison.Ordinal);
        Assert.Contains("lower --baud", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0x05, true)]
    [InlineData(0x07, true)]
    [InlineData(0x08, false)]
    [InlineData(0x0B, false)]
    public void RequestWasDiscarded_OnlyForErrorsWhereTheRomDroppedTheRequest(byte code, bool discarded)
    {
        Assert.Equal(discarded, RomErrors.RequestWasDiscarded(code));
    }

    [Fact]
    public void Esp32MacAddress_FromIssue570EfuseWords()
    {
        Assert.Equal("24:6f:28:7a:d8:84", ChipDetector.Esp32MacAddress(0x287AD884, 0x003E246F));
    }

    [Theory]
    [InlineData(0u, 0u, 0u, 0)]
    [InlineData(1u << 15, 0u, 0u, 1)]
    [InlineData(1u << 15, 1u << 20, 0u, 2)]
    [InlineData(1u << 15, 1u << 20, 1u << 31, 3)]
    public void Esp32MajorRevision_FromFuseAndApbBits(uint efuse3, uint efuse5, uint apb, int revision)
    {
        Assert.Equal(revision, ChipDetector.Esp32MajorRevision(efuse3, efuse5, apb));
    }

    [Theory]
    [InlineData(0x00F01D83u, ChipFamily.Esp32)]
    [InlineData(0x000007C6u, ChipFamily.Esp32S2)]
    [InlineData(0x00000009u, ChipFamily.Esp32S3)]
    [InlineData(0x1B31506Fu, ChipFamily.Esp32C3)]
    [InlineData(0x12345678u, ChipFamily.Unknown)]
    public void FromMagic_KnownValues(uint magic, ChipFamily family)
    {
        Assert.Equal(family, ChipFacts.FromMagic(magic));
    }

    [Theory]
    [InlineData(0x1640EFu, 4u << 20)]
    [InlineData(0x1540C8u, 2u << 20)]
    [InlineData(0x1840EFu, 16u << 20)]
    [InlineData(0xFFFFFFu, 0u)]
    public void SizeFromJedecId_MapsCapacityCode(uint jedec, uint size)
    {
        Assert.Equal(size, SpiFlashProbe.SizeFromJedecId(jedec));
    }

    [Theory]
    [InlineData(347u, 115_200, 40)]
    [InlineData(226u, 115_200, 26)]
    public void EstimateCrystal_FromUartDivider(uint divider, int baud, int megahertz)
    {
        Assert.Equal(megahertz, ChipDetector.EstimateCrystal(divider, baud));
    }

    [Fact]
    public void HintFromBootLog_NormalBoot_SaysWrongBootMode()
    {
        string hint = RomConnector.HintFromBootLog("ets Jun  8 2016 00:22:57\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n");

        Assert.Contains("Wrong boot mode detected (0x13)", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void HintFromBootLog_DownloadModeButNoSync_SaysTxPathDown()
    {
        string hint = RomConnector.HintFromBootLog("rst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n");

        Assert.Contains("TX path seems to be down", hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeouts_PerMegabyte_HaveAFloorAndACeiling()
    {
        RomTimeouts timeouts = new();

        Assert.Equal(TimeSpan.FromSeconds(3), timeouts.ForSize(timeouts.EraseRegionPerMegabyte, 1024));
        Assert.Equal(TimeSpan.FromSeconds(80), timeouts.ForSize(timeouts.EraseRegionPerMegabyte, 2_000_000));
        Assert.Equal(TimeSpan.FromSeconds(240), timeouts.ForSize(timeouts.EraseRegionPerMegabyte, 16_000_000));
    }
}
