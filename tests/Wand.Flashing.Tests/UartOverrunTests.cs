using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Net.Sockets;
using Wand.Host.Flashing;
using Wand.RomSimulator;
using Xunit;

namespace Wand.Flashing.Tests;

/// <summary>
/// The simulated ROM reads the line only between requests: a request sent before the previous one was answered waits
/// in the UART's 128-byte RX FIFO while the chip erases or programs, and what does not fit is lost. So a client cannot
/// overlap its next data block with the chip's flash time, which nothing published says the ESP32 ROM allows. Chip time
/// is virtual (the line model schedules the answers), and every wait is on an answer, not on the clock.
/// </summary>
public sealed class UartOverrunTests
{
    private const uint ScratchRegister = 0x3FF6_0000;
    private const uint Written = 0x1234_5678;
    private const int FifoBytes = 128; // ESP32 UART RX FIFO (Technical Reference Manual, UART Controller)

    [Fact]
    public void LargeRequestSentWhileTheChipPrograms_OverrunsTheFifo_AndIsRefusedOnceItsFrameEnds()
    {
        using RomSimulator.RomSimulator simulator = new(TimedChip());
        using RawRomClient client = RawRomClient.ReadyToWrite(simulator);
        byte[] block = SixtyFourKilobytesOfZeros();

        // The block completes the stream, so the chip programs 64 KB (256 pages) before it answers; the register
        // writes (778 bytes on the line: delimiter, 8-byte header, 48 × 16 bytes, delimiter) follow at once instead of
        // waiting for that answer.
        client.Send(
            Frame(RomCommand.FlashDeflateData, RomPacket.DataBlock(0, block), RomPacket.Checksum(block)),
            Frame(RomCommand.WriteRegister, RegisterWrites(48)));
        Assert.False(client.Answer(RomCommand.FlashDeflateData).Failed);
        client.Send([Slip.End]); // a lone delimiter ends what is left of the damaged request

        (bool failed, byte error, _) = client.Answer(RomCommand.WriteRegister);
        client.Send(Frame(RomCommand.ReadRegister, RomPacket.Words(ScratchRegister)));
        (_, _, uint value) = client.Answer(RomCommand.ReadRegister);
        Assert.True(failed);
        Assert.Equal(0x05, error); // what survived is shorter than its header says
        Assert.NotEqual(Written, value);
        Assert.Equal(778 - FifoBytes, simulator.Statistics.BytesOverrun);
    }

    [Fact]
    public void SameRequestSentAfterTheAnswer_IsTakenWhole()
    {
        using RomSimulator.RomSimulator simulator = new(TimedChip());
        using RawRomClient client = RawRomClient.ReadyToWrite(simulator);
        byte[] block = SixtyFourKilobytesOfZeros();

        client.Send(Frame(RomCommand.FlashDeflateData, RomPacket.DataBlock(0, block), RomPacket.Checksum(block)));
        Assert.False(client.Answer(RomCommand.FlashDeflateData).Failed);
        client.Send(Frame(RomCommand.WriteRegister, RegisterWrites(48)));
        Assert.False(client.Answer(RomCommand.WriteRegister).Failed);
        client.Send(Frame(RomCommand.ReadRegister, RomPacket.Words(ScratchRegister)));

        Assert.Equal(Written, client.Answer(RomCommand.ReadRegister).Value);
        Assert.Equal(0, simulator.Statistics.BytesOverrun);
    }

    [Fact]
    public void ShortRequestSentWhileTheChipErases_FitsTheFifo_AndIsAnswered()
    {
        using RomSimulator.RomSimulator simulator = new(TimedChip());
        using RawRomClient client = RawRomClient.Synchronised(simulator);
        client.Send(Frame(RomCommand.SpiAttach, RomPacket.Words(0, 0)));
        Assert.False(client.Answer(RomCommand.SpiAttach).Failed);

        // FLASH_BEGIN erases 64 KB (150 ms) before it answers; the 18-byte register read waits in the FIFO meanwhile.
        client.Send(Frame(RomCommand.FlashBegin, RomPacket.Words(0x1_0000, 0, 0x400, 0x1_0000)), Frame(RomCommand.ReadRegister, RomPacket.Words(ChipFacts.MagicRegister)));

        Assert.False(client.Answer(RomCommand.FlashBegin).Failed);
        (bool failed, _, uint magic) = client.Answer(RomCommand.ReadRegister);
        Assert.False(failed);
        Assert.Equal(0x00F0_1D83u, magic);
        Assert.Equal(0, simulator.Statistics.BytesOverrun);
        Assert.True(simulator.Statistics.ChipBusyTime >= TimeSpan.FromMilliseconds(150));
    }

    private static RomSimulatorOptions TimedChip() => new() { LineTiming = new LineTiming(), ChipTiming = new ChipTiming() };

    private static byte[] Frame(RomCommand command, byte[] data, uint checksum = 0) => Slip.Encode(RomPacket.Build(command, data, checksum));

    /// <summary>Register writes of (address, value, mask, delay), none of whose bytes need SLIP escaping.</summary>
    private static byte[] RegisterWrites(int count)
    {
        List<uint> words = [];
        for (int index = 0; index < count; index++)
        {
            words.AddRange([ScratchRegister, Written, 0xFFFF_FFFF, 0]);
        }

        return RomPacket.Words(words.ToArray());
    }

    private static byte[] SixtyFourKilobytesOfZeros()
    {
        using MemoryStream output = new();
        using (ZLibStream zlib = new(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            zlib.Write(new byte[0x1_0000]);
        }

        return output.ToArray();
    }

    /// <summary>A bare ROM-protocol client over TCP that can put several requests on the line at once.</summary>
    private sealed class RawRomClient : IDisposable
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);
        private readonly Socket socket;
        private readonly SlipDecoder decoder = new();
        private readonly Queue<byte[]> frames = new();

        private RawRomClient(int port)
        {
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = (int)HangGuard.TotalMilliseconds };
            socket.Connect("127.0.0.1", port);
        }

        public static RawRomClient Synchronised(RomSimulator.RomSimulator simulator)
        {
            RawRomClient client = new(simulator.ServeTcp());
            client.Send(Frame(RomCommand.Sync, RomPacket.SyncData()));
            Assert.False(client.Answer(RomCommand.Sync).Failed);
            return client;
        }

        /// <summary>Synchronised, flash attached, and a one-block compressed download of 64 KB at 0x10000 begun.</summary>
        public static RawRomClient ReadyToWrite(RomSimulator.RomSimulator simulator)
        {
            RawRomClient client = Synchronised(simulator);
            client.Send(Frame(RomCommand.SpiAttach, RomPacket.Words(0, 0)));
            Assert.False(client.Answer(RomCommand.SpiAttach).Failed);
            client.Send(Frame(RomCommand.FlashDeflateBegin, RomPacket.Words(0x1_0000, 1, 0x400, 0x1_0000)));
            Assert.False(client.Answer(RomCommand.FlashDeflateBegin).Failed);
            return client;
        }

        /// <summary>Writes the frames with one send, so they are on the line back to back.</summary>
        public void Send(params byte[][] requests)
        {
            List<byte> bytes = [];
            foreach (byte[] request in requests)
            {
                bytes.AddRange(request);
            }

            socket.Send(bytes.ToArray());
        }

        /// <summary>Waits for the next answer to <paramref name="command"/>, skipping others (the SYNC repeats).</summary>
        public (bool Failed, byte Error, uint Value) Answer(RomCommand command)
        {
            byte[] buffer = new byte[4096];
            while (true)
            {
                while (frames.Count > 0)
                {
                    if (RomResponse.TryParse(frames.Dequeue(), out RomResponse? response) && response is not null && response.Command == (byte)command
                        && response.TryReadStatus(0, out bool failed, out byte error))
                    {
                        return (failed, error, response.Value);
                    }
                }

                int count = socket.Receive(buffer); // throws after the hang guard rather than waiting for ever
                Assert.True(count > 0, "the simulator closed the connection");
                List<byte[]> completed = [];
                decoder.Feed(buffer.AsSpan(0, count), completed);
                completed.ForEach(frames.Enqueue);
            }
        }

        public void Dispose() => socket.Dispose();
    }
}
