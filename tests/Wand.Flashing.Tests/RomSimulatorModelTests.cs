using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Wand.Host.Flashing;
using Wand.RomSimulator;
using Xunit;

namespace Wand.Flashing.Tests;

/// <summary>The simulated ROM answers byte for byte as Espressif's serial-protocol documentation and esptool describe it.</summary>
public sealed class RomSimulatorModelTests : IDisposable
{
    private readonly RomLoaderModel model = new(new RomSimulatorOptions(), new SimulatedFlash(4 << 20));

    public void Dispose() => model.Dispose();

    [Fact]
    public void BeforeSync_RequestsAreIgnored()
    {
        Assert.Empty(Handle(RomCommand.ReadRegister, RomPacket.Words(0x40001000)));
    }

    [Fact]
    public void Sync_IsAnsweredEightTimesWithTheTracedBytes()
    {
        var (responses, _) = model.Handle(RomPacket.Build(RomCommand.Sync, RomPacket.SyncData()));

        Assert.Equal(8, responses.Count);
        Assert.All(responses, response => Assert.Equal(Convert.FromHexString("010804000707122000000000"), response));
    }

    [Fact]
    public void ReadRegister_MagicValue_AndTheValueFieldRepeatsItOnTheNextCommand()
    {
        Synchronise();

        byte[] read = Assert.Single(Handle(RomCommand.ReadRegister, RomPacket.Words(0x40001000)));
        byte[] next = Assert.Single(Handle(RomCommand.SpiAttach, RomPacket.Words(0, 0)));

        Assert.Equal(Convert.FromHexString("010A0400831DF00000000000"), read);
        Assert.Equal(0x00F01D83u, BinaryPrimitives.ReadUInt32LittleEndian(next.AsSpan(4)));
    }

    [Fact]
    public void UnknownCommand_IsAnsweredEightTimesWithStatus0105()
    {
        Synchronise();

        IReadOnlyList<byte[]> responses = Handle(RomCommand.GetSecurityInfo, []);

        Assert.Equal(8, responses.Count);
        Assert.All(responses, response => Assert.Equal(new byte[] { 1, 5, 0, 0 }, response[8..]));
        Assert.All(responses, response => Assert.NotEqual((byte)RomCommand.GetSecurityInfo, response[1]));
    }

    [Fact]
    public void FlashData_WrongChecksum_IsError07()
    {
        Synchronise();
        Handle(RomCommand.SpiAttach, RomPacket.Words(0, 0));
        Handle(RomCommand.FlashBegin, RomPacket.Words(0x1000, 1, 0x400, 0x10000));
        byte[] block = new byte[0x400];

        byte[] answer = Assert.Single(model.Handle(RomPacket.Build(RomCommand.FlashData, RomPacket.DataBlock(0, block), (uint)(RomPacket.Checksum(block) ^ 1))).Responses);

        Assert.Equal(new byte[] { 1, 7, 0, 0 }, answer[8..]);
    }

    [Fact]
    public void FlashBegin_WithoutSpiAttach_IsRefused()
    {
        Synchronise();

        byte[] answer = Assert.Single(Handle(RomCommand.FlashBegin, RomPacket.Words(0x1000, 1, 0x400, 0x10000)));

        Assert.Equal(1, answer[8]);
    }

    [Fact]
    public void FlashBegin_PastTwoMegabytesWithoutSpiSetParameters_IsRefused()
    {
        Synchronise();
        Handle(RomCommand.SpiAttach, RomPacket.Words(0, 0));

        byte[] refused = Assert.Single(Handle(RomCommand.FlashBegin, RomPacket.Words(0x10000, 1, 0x400, 0x1E0000 + 0x30000)));
        Handle(RomCommand.SpiSetParameters, RomPacket.Words(0, 4u << 20, 0x10000, 0x1000, 0x100, 0xFFFF));
        byte[] accepted = Assert.Single(Handle(RomCommand.FlashBegin, RomPacket.Words(0x10000, 1, 0x400, 0x1E0000 + 0x30000)));

        Assert.Equal(new byte[] { 1, 1, 0, 0 }, refused[8..]);
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, accepted[8..]);
    }

    [Fact]
    public void SpiFlashMd5_AnswersLowercaseHexThenFourStatusBytes()
    {
        Synchronise();
        Handle(RomCommand.SpiAttach, RomPacket.Words(0, 0));

        byte[] answer = Assert.Single(Handle(RomCommand.SpiFlashMd5, RomPacket.Words(0, 0x1000, 0, 0)));

        Assert.Equal(8 + 32 + 4, answer.Length);
        Assert.Equal(Md5Of4KbErased(), System.Text.Encoding.ASCII.GetString(answer, 8, 32));
        Assert.Equal(36, BinaryPrimitives.ReadUInt16LittleEndian(answer.AsSpan(2)));
    }

    [Fact]
    public void Flash_ProgrammingWithoutErase_OnlyClearsBitsAndReportsAWriteError()
    {
        SimulatedFlash flash = new(0x10000);
        Assert.True(flash.Program(0, [0x0F]));

        bool matches = flash.Program(0, [0xF0]);

        Assert.False(matches);
        Assert.Equal(0x00, flash.Read(0, 1)[0]);
        flash.Erase(0, 1);
        Assert.Equal(0xFF, flash.Read(0, 1)[0]);
        Assert.Equal(0xFF, flash.Read(0xFFF, 1)[0]);
    }

    [Fact]
    public void ChangeBaudRate_AnswersAtTheOldRateAndSwitchesAfter()
    {
        Synchronise();

        var (responses, newRate) = model.Handle(RomPacket.Build(RomCommand.ChangeBaudRate, RomPacket.Words(921_600, 0)));

        Assert.Single(responses);
        Assert.Equal(921_600, newRate);
        Assert.Equal(115_200, model.BaudRate);
    }

    private static string Md5Of4KbErased()
    {
        byte[] erased = new byte[0x1000];
        erased.AsSpan().Fill(0xFF);
        return Md5Digest.Hex(erased);
    }

    private void Synchronise() => model.Handle(RomPacket.Build(RomCommand.Sync, RomPacket.SyncData()));

    private IReadOnlyList<byte[]> Handle(RomCommand command, byte[] data) => model.Handle(RomPacket.Build(command, data)).Responses;
}
