using System;
using System.Collections.Generic;
using Wand.Host.Flashing;
using Xunit;

namespace Wand.Flashing.Tests;

public sealed class FramingTests
{
    [Fact]
    public void Encode_EscapesDelimiterAndEscapeBytes()
    {
        byte[] frame = Slip.Encode([0x01, 0xC0, 0x02, 0xDB, 0x03]);

        Assert.Equal(new byte[] { 0xC0, 0x01, 0xDB, 0xDC, 0x02, 0xDB, 0xDD, 0x03, 0xC0 }, frame);
    }

    [Fact]
    public void Decode_EveryByteValueRoundTrips()
    {
        Random random = new(42);
        SlipDecoder decoder = new();
        for (int round = 0; round < 200; round++)
        {
            byte[] packet = new byte[random.Next(1, 600)];
            random.NextBytes(packet);
            List<byte[]> frames = [];

            decoder.Feed(Slip.Encode(packet), frames);

            Assert.Equal(packet, Assert.Single(frames));
        }
    }

    [Fact]
    public void Decode_FrameSplitAcrossReads_IsReassembled()
    {
        byte[] wire = Slip.Encode([0x01, 0x08, 0xC0, 0xDB]);
        SlipDecoder decoder = new();
        List<byte[]> frames = [];

        foreach (byte value in wire)
        {
            decoder.Feed([value], frames);
        }

        Assert.Equal(new byte[] { 0x01, 0x08, 0xC0, 0xDB }, Assert.Single(frames));
    }

    [Fact]
    public void Decode_BootTextBetweenFrames_IsKeptAsStrayBytes()
    {
        SlipDecoder decoder = new();
        List<byte[]> frames = [];

        decoder.Feed("rst:0x1 (POWERON_RESET),boot:0x13"u8, frames);
        decoder.Feed(Slip.Encode([0x01, 0x02]), frames);

        Assert.Single(frames);
        Assert.Equal("rst:0x1 (POWERON_RESET),boot:0x13"u8.ToArray(), System.Linq.Enumerable.ToArray(decoder.StrayBytes));
    }

    [Fact]
    public void Decode_InvalidEscape_DropsTheFrameAndKeepsTheNext()
    {
        SlipDecoder decoder = new();
        List<byte[]> frames = [];

        decoder.Feed([0xC0, 0x01, 0xDB, 0x55, 0x02, 0xC0], frames);
        decoder.Feed(Slip.Encode([0x07]), frames);

        Assert.Equal(new byte[] { 0x07 }, Assert.Single(frames));
        Assert.Equal(1, decoder.DroppedFrames);
    }

    [Fact]
    public void Decode_BackToBackDelimiters_ProduceNoEmptyFrames()
    {
        SlipDecoder decoder = new();
        List<byte[]> frames = [];

        decoder.Feed([0xC0, 0xC0, 0xC0, 0x05, 0xC0, 0xC0, 0x06, 0xC0], frames);

        Assert.Equal([[0x05], [0x06]], frames);
    }

    [Fact]
    public void Checksum_IsSeedXorOfData()
    {
        Assert.Equal(0xEF, RomPacket.Checksum([]));
        Assert.Equal(0xEF ^ 0x01 ^ 0x02 ^ 0xFF, RomPacket.Checksum([0x01, 0x02, 0xFF]));
    }

    [Fact]
    public void Build_SyncRequest_MatchesTheDocumentedLayout()
    {
        byte[] packet = RomPacket.Build(RomCommand.Sync, RomPacket.SyncData());

        Assert.Equal(new byte[] { 0x00, 0x08, 0x24, 0x00, 0x00, 0x00, 0x00, 0x00, 0x07, 0x07, 0x12, 0x20 }, packet[..12]);
        Assert.Equal(44, packet.Length);
        Assert.All(packet[12..], value => Assert.Equal(0x55, value));
    }

    [Fact]
    public void DataBlock_CarriesLengthSequenceAndTwoZeroWords()
    {
        byte[] data = RomPacket.DataBlock(3, [0xAA, 0xBB]);

        Assert.Equal(new byte[] { 2, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xAA, 0xBB }, data);
    }

    [Fact]
    public void Build_DataLongerThanSizeField_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RomPacket.Build(RomCommand.FlashData, new byte[70_000]));
    }

    [Fact]
    public void Response_RomReadRegisterTrace_GivesValueAndSuccess()
    {
        // ESP32 READ_REG(0x40001000) trace (https://github.com/espressif/esptool/issues/921): 01 0a 0400 831df000 00000000.
        Assert.True(RomResponse.TryParse(Convert.FromHexString("010A0400831DF00000000000"), out RomResponse? response));

        Assert.Equal(0x0A, response!.Command);
        Assert.Equal(0x00F01D83u, response.Value);
        Assert.True(response.TryReadStatus(0, out bool failed, out _));
        Assert.False(failed);
    }

    [Fact]
    public void Response_RomChecksumFailureTrace_GivesErrorSeven()
    {
        // ESP32 ROM checksum failure on FLASH_DATA (https://github.com/espressif/esptool/issues/497): 01 03 0400 07122007 01 07 00 00.
        Assert.True(RomResponse.TryParse(Convert.FromHexString("010304000712200701070000"), out RomResponse? response));

        Assert.True(response!.TryReadStatus(0, out bool failed, out byte code));
        Assert.True(failed);
        Assert.Equal(0x07, code);
    }

    [Fact]
    public void Response_Md5Answer_ReadsStatusAfterThe32HexCharacters()
    {
        byte[] frame = new byte[8 + 32 + 4];
        frame[0] = 0x01;
        frame[1] = 0x13;
        "0123456789abcdef0123456789abcdef"u8.CopyTo(frame.AsSpan(8));
        Assert.True(RomResponse.TryParse(frame, out RomResponse? response));

        Assert.True(response!.TryReadStatus(32, out bool failed, out _));
        Assert.False(failed);
    }

    [Theory]
    [InlineData("0008040007071220")]
    [InlineData("010A0400")]
    public void Response_RequestOrShortFrame_IsNotAResponse(string hex)
    {
        Assert.False(RomResponse.TryParse(Convert.FromHexString(hex), out _));
    }
}
