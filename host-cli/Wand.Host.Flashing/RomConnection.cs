using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Wand.Host.Serial;

namespace Wand.Host.Flashing;

/// <summary>
/// Request/response exchange with the ESP32 ROM loader over an <see cref="ISerialPort"/>: SLIP framing, response
/// matching (esptool <c>loader.py</c> <c>command()</c>), status checks and the ROM commands this flasher uses. It does not own the port.
/// </summary>
public sealed class RomConnection
{
    private const int MaximumFramesPerCommand = 100;
    private const int IdempotentAttempts = 3;
    private static readonly TimeSpan SyncFollowUpTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan UnsupportedDrain = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan BaudSettle = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ResponsiveTimeout = TimeSpan.FromMilliseconds(500);
    private readonly SlipDecoder decoder = new();
    private readonly Queue<byte[]> pending = new();
    private readonly List<byte[]> completed = [];
    private readonly byte[] readBuffer = new byte[8192];

    /// <summary>Initializes a new instance of the <see cref="RomConnection"/> class.</summary>
    /// <param name="port">The port to the chip's UART0.</param>
    /// <param name="timeouts">Answer timeouts; esptool's defaults when <c>null</c>.</param>
    public RomConnection(ISerialPort port, RomTimeouts? timeouts = null)
    {
        Port = port ?? throw new ArgumentNullException(nameof(port));
        Timeouts = timeouts ?? new RomTimeouts();
    }

    /// <summary>Gets the port.</summary>
    public ISerialPort Port { get; }

    /// <summary>Gets the answer timeouts.</summary>
    public RomTimeouts Timeouts { get; }

    /// <summary>Gets the number of bytes written to the line, SLIP framing included.</summary>
    public long BytesSent { get; private set; }

    /// <summary>Gets the number of bytes read from the line.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>Gets the text seen outside SLIP frames (boot messages), as Latin-1.</summary>
    public string StrayText
    {
        get
        {
            byte[] bytes = new byte[decoder.StrayBytes.Count];
            for (int index = 0; index < bytes.Length; index++)
            {
                bytes[index] = decoder.StrayBytes[index];
            }

            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>Forgets the boot text seen so far and any partial frame.</summary>
    public void ResetReceiver()
    {
        decoder.Reset();
        pending.Clear();
    }

    /// <summary>Sends a command and waits for its answer.</summary>
    /// <param name="command">The opcode.</param>
    /// <param name="data">The data field.</param>
    /// <param name="checksum">The checksum field (data commands only).</param>
    /// <param name="timeout">How long to wait for the answer.</param>
    /// <param name="expectedDataLength">Payload bytes before the status: 0, or 32 for MD5.</param>
    /// <returns>The matching response with a success status.</returns>
    /// <exception cref="RomErrorException">The ROM answered with an error status.</exception>
    /// <exception cref="UnsupportedCommandException">The ROM does not know the command.</exception>
    /// <exception cref="LoaderTimeoutException">No matching answer arrived in time.</exception>
    public RomResponse Command(RomCommand command, ReadOnlySpan<byte> data, uint checksum, TimeSpan timeout, int expectedDataLength = 0)
    {
        DiscardInput();
        Send(command, data, checksum);
        return Receive(command, timeout, expectedDataLength);
    }

    /// <summary>
    /// Sends a command whose repetition leaves the chip in the same state (register access, attach, geometry, MD5,
    /// slow read, FLASH_BEGIN, which erases and restarts the download again) and repeats it when no answer comes.
    /// </summary>
    /// <param name="command">The opcode.</param>
    /// <param name="data">The data field.</param>
    /// <param name="timeout">How long to wait for each answer.</param>
    /// <param name="expectedDataLength">Payload bytes before the status.</param>
    /// <returns>The matching response with a success status.</returns>
    public RomResponse IdempotentCommand(RomCommand command, ReadOnlySpan<byte> data, TimeSpan timeout, int expectedDataLength = 0)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return Command(command, data, 0, timeout, expectedDataLength);
            }
            catch (LoaderTimeoutException) when (attempt < IdempotentAttempts)
            {
                ResetReceiver();
                SendFrameBoundary();
            }
        }
    }

    /// <summary>Sends SYNC and collects its eight answers.</summary>
    /// <returns><c>true</c> when the ROM answered.</returns>
    public bool TrySync()
    {
        CollectPendingInput(); // stale frames go, boot text stays in StrayText for the diagnosis
        Send(RomCommand.Sync, RomPacket.SyncData(), 0);
        try
        {
            _ = Receive(RomCommand.Sync, Timeouts.Sync, 0);
        }
        catch (FlashingException)
        {
            // No answer, an error status, or the late "unsupported" replies to a request damaged on the line.
            return false;
        }

        // The ROM sends seven more identical answers; read them so they cannot be taken for the next command's reply.
        for (int index = 0; index < 7; index++)
        {
            if (ReadFrame(Deadline(SyncFollowUpTimeout)) is null)
            {
                break;
            }
        }

        return true;
    }

    /// <summary>Reads a 32-bit register.</summary>
    /// <param name="address">The register address.</param>
    /// <returns>The register value.</returns>
    public uint ReadRegister(uint address) =>
        IdempotentCommand(RomCommand.ReadRegister, RomPacket.Words(address), Timeouts.Command).Value;

    /// <summary>Writes a 32-bit register.</summary>
    /// <param name="address">The register address.</param>
    /// <param name="value">The value.</param>
    /// <param name="mask">Which bits to change.</param>
    /// <param name="delayMicroseconds">A wait after the write, in microseconds.</param>
    public void WriteRegister(uint address, uint value, uint mask = 0xFFFF_FFFF, uint delayMicroseconds = 0) =>
        IdempotentCommand(RomCommand.WriteRegister, RomPacket.Words(address, value, mask, delayMicroseconds), Timeouts.Command);

    /// <summary>
    /// Attaches the SPI flash (ROM form: the pad word plus 4 bytes <c>is_legacy, 0, 0, 0</c>, esptool loader.py
    /// <c>flash_spi_attach</c>). The ROM does not reach the flash before this, so the flash id reads 0xFFFFFF until then.
    /// </summary>
    /// <param name="pads">0 for the default pins, else <c>hd &lt;&lt; 24 | cs &lt;&lt; 18 | d &lt;&lt; 12 | q &lt;&lt; 6 | clk</c> from eFuse.</param>
    public void AttachSpiFlash(uint pads = 0) => IdempotentCommand(RomCommand.SpiAttach, RomPacket.Words(pads, 0), Timeouts.Command);

    /// <summary>
    /// Checks that the loader answers at the current rate: several reads of the chip-detect register must all return
    /// <paramref name="expectedMagic"/> (esptool-js <c>isResponsive</c> reads it once; a marginal line can pass one read).
    /// </summary>
    /// <param name="expectedMagic">The value read at connection time.</param>
    /// <param name="reads">How many reads must succeed.</param>
    /// <returns><c>true</c> when every read answered with the value.</returns>
    public bool IsResponsive(uint expectedMagic, int reads = 4)
    {
        for (int read = 0; read < reads; read++)
        {
            try
            {
                if (Command(RomCommand.ReadRegister, RomPacket.Words(ChipFacts.MagicRegister), 0, ResponsiveTimeout).Value != expectedMagic)
                {
                    return false;
                }
            }
            catch (FlashingException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Tells the ROM the flash geometry (the ROM assumes 2 MB until told).</summary>
    /// <param name="totalSize">The flash size in bytes.</param>
    public void SetSpiFlashParameters(uint totalSize) =>
        IdempotentCommand(RomCommand.SpiSetParameters, RomPacket.Words(0, totalSize, 0x10000, 0x1000, 0x100, 0xFFFF), Timeouts.Command);

    /// <summary>Switches both ends to a new rate (esptool <c>loader.py</c> <c>change_baud</c>): ask at the old rate, switch, wait 50 ms, flush.</summary>
    /// <param name="baudRate">The new host rate in bits per second.</param>
    /// <param name="requestedRomRate">The rate to ask the ROM for (compensated for its oscillator estimate).</param>
    public void ChangeBaudRate(int baudRate, int requestedRomRate)
    {
        Command(RomCommand.ChangeBaudRate, RomPacket.Words((uint)requestedRomRate, 0), 0, Timeouts.Command);
        Port.SetBaudRate(baudRate);
        Thread.Sleep(BaudSettle);
        DiscardInput();
    }

    /// <summary>
    /// Asks the loader for a new rate and switches the host, without failing when the answer does not come (on a bad
    /// link the request may have arrived while its answer did not): ask, switch, wait 50 ms, drop what arrived.
    /// </summary>
    /// <param name="baudRate">The new host rate in bits per second.</param>
    /// <param name="requestedRomRate">The rate to ask the ROM for.</param>
    /// <param name="answerTimeout">How long to wait for the answer at the old rate.</param>
    public void TrySwitchBaudRate(int baudRate, int requestedRomRate, TimeSpan answerTimeout)
    {
        try
        {
            Command(RomCommand.ChangeBaudRate, RomPacket.Words((uint)requestedRomRate, 0), 0, answerTimeout);
        }
        catch (FlashingException)
        {
            // The answer was lost or damaged; the request may still have arrived. The link test that follows decides.
        }

        Port.SetBaudRate(baudRate);
        Thread.Sleep(BaudSettle);
        DiscardInput();
        ResetReceiver();
    }

    /// <summary>Starts a plain flash download; the ROM erases <paramref name="eraseSize"/> bytes before answering.</summary>
    /// <param name="eraseSize">Bytes to erase from <paramref name="offset"/>.</param>
    /// <param name="blockCount">Number of data blocks to follow.</param>
    /// <param name="blockSize">Bytes per block.</param>
    /// <param name="offset">Flash address.</param>
    public void FlashBegin(uint eraseSize, uint blockCount, uint blockSize, uint offset) =>
        IdempotentCommand(RomCommand.FlashBegin, RomPacket.Words(eraseSize, blockCount, blockSize, offset), Timeouts.ForSize(Timeouts.EraseRegionPerMegabyte, eraseSize));

    /// <summary>Starts a compressed download; the ROM erases <paramref name="size"/> bytes before answering.</summary>
    /// <param name="size">The uncompressed size rounded up to the ROM block size.</param>
    /// <param name="blockCount">Number of compressed blocks to follow.</param>
    /// <param name="blockSize">Bytes per compressed block.</param>
    /// <param name="offset">Flash address.</param>
    public void FlashDeflateBegin(uint size, uint blockCount, uint blockSize, uint offset) =>
        IdempotentCommand(RomCommand.FlashDeflateBegin, RomPacket.Words(size, blockCount, blockSize, offset), Timeouts.ForSize(Timeouts.EraseRegionPerMegabyte, size));

    /// <summary>Sends one data block of a download.</summary>
    /// <param name="command"><see cref="RomCommand.FlashData"/> or <see cref="RomCommand.FlashDeflateData"/>.</param>
    /// <param name="sequence">The 0-based block number.</param>
    /// <param name="block">The block.</param>
    /// <param name="timeout">The wait for the ROM to write the block and answer.</param>
    public void SendBlock(RomCommand command, uint sequence, ReadOnlySpan<byte> block, TimeSpan timeout) =>
        Command(command, RomPacket.DataBlock(sequence, block), RomPacket.Checksum(block), timeout);

    /// <summary>Ends a plain download.</summary>
    /// <param name="runUserCode"><c>true</c> to leave the loader and run the flashed code, <c>false</c> to reboot.</param>
    public void FlashEnd(bool runUserCode) =>
        Command(RomCommand.FlashEnd, RomPacket.Words(runUserCode ? 1u : 0u), 0, Timeouts.Command);

    /// <summary>Asks the ROM for the MD5 of a flash region.</summary>
    /// <param name="address">Flash address.</param>
    /// <param name="size">Bytes.</param>
    /// <returns>The digest as 32 lowercase hex characters.</returns>
    public string FlashMd5(uint address, uint size)
    {
        for (int attempt = 1; ; attempt++)
        {
            RomResponse response = IdempotentCommand(RomCommand.SpiFlashMd5, RomPacket.Words(address, size, 0, 0), Timeouts.ForSize(Timeouts.Md5PerMegabyte, size), expectedDataLength: 32);
            string digest = response.Body.Length >= 32 ? Encoding.ASCII.GetString(response.Body, 0, 32).ToLowerInvariant() : string.Empty;
            if (digest.Length == 32 && digest.All(char.IsAsciiHexDigit))
            {
                return digest;
            }

            if (attempt >= IdempotentAttempts)
            {
                throw new LoaderTimeoutException($"The MD5 answer for 0x{address:X} is damaged ({response.Body.Length} bytes, '{digest}'), expected 32 hex characters.");
            }
        }
    }

    /// <summary>Reads up to 64 bytes of flash with the ROM's slow read (READ_FLASH_SLOW, 0x0E).</summary>
    /// <param name="address">Flash address.</param>
    /// <param name="length">Bytes, 1 to 64.</param>
    /// <returns>The bytes.</returns>
    public byte[] ReadFlashSlow(uint address, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 64);
        RomResponse response = IdempotentCommand(RomCommand.ReadFlashSlow, RomPacket.Words(address, (uint)length), Timeouts.Command, expectedDataLength: 64);
        if (response.Body.Length < 64 + 2)
        {
            throw new LoaderTimeoutException($"The slow read at 0x{address:X} returned {response.Body.Length} bytes, expected 64 plus status.");
        }

        return response.Body.AsSpan(0, length).ToArray();
    }

    /// <summary>Sends a lone frame delimiter, which ends any partial frame the ROM may hold after line damage.</summary>
    public void SendFrameBoundary()
    {
        Port.Write([Slip.End]);
        BytesSent++;
    }

    /// <summary>Reads every byte already waiting through the frame decoder (boot text lands in <see cref="StrayText"/>) and drops the frames.</summary>
    public void CollectPendingInput()
    {
        while (true)
        {
            int count = Port.Read(readBuffer, TimeSpan.Zero);
            if (count <= 0)
            {
                break;
            }

            BytesReceived += count;
            completed.Clear();
            decoder.Feed(readBuffer.AsSpan(0, count), completed);
        }

        pending.Clear();
    }

    /// <summary>Drops received bytes and queued frames.</summary>
    public void DiscardInput()
    {
        Port.DiscardInput();
        pending.Clear();
    }

    /// <summary>Reads raw bytes for up to <paramref name="duration"/>, feeding the stray-byte log (used after a reset).</summary>
    /// <param name="duration">How long to listen.</param>
    public void Listen(TimeSpan duration)
    {
        long deadline = Deadline(duration);
        while (ReadFrame(deadline) is not null)
        {
        }
    }

    private static long Deadline(TimeSpan timeout) => Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);

    private void Send(RomCommand command, ReadOnlySpan<byte> data, uint checksum)
    {
        byte[] frame = Slip.Encode(RomPacket.Build(command, data, checksum));
        Port.Write(frame);
        BytesSent += frame.Length;
    }

    private RomResponse Receive(RomCommand command, TimeSpan timeout, int expectedDataLength)
    {
        long deadline = Deadline(timeout);
        for (int frames = 0; frames < MaximumFramesPerCommand; frames++)
        {
            byte[]? frame = ReadFrame(deadline);
            if (frame is null)
            {
                break;
            }

            if (!RomResponse.TryParse(frame, out RomResponse? response) || response is null)
            {
                continue;
            }

            if (response.Command != (byte)command)
            {
                if (response.Body.Length >= 2 && response.Body[0] != 0 && response.Body[1] == 0x05)
                {
                    // The ROM repeats its "unsupported command" answer; let the repeats pass before the next command.
                    Listen(UnsupportedDrain);
                    DiscardInput();
                    throw new UnsupportedCommandException(command);
                }

                continue;
            }

            if (!response.TryReadStatus(expectedDataLength, out bool failed, out byte errorCode))
            {
                continue;
            }

            return failed ? throw new RomErrorException(command, errorCode) : response;
        }

        throw new LoaderTimeoutException($"No answer to {command} within {timeout.TotalSeconds:0.###} s.");
    }

    private byte[]? ReadFrame(long deadline)
    {
        while (pending.Count == 0)
        {
            long remaining = deadline - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return null;
            }

            int count = Port.Read(readBuffer, TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency));
            if (count == 0)
            {
                continue;
            }

            BytesReceived += count;
            completed.Clear();
            decoder.Feed(readBuffer.AsSpan(0, count), completed);
            foreach (byte[] frame in completed)
            {
                pending.Enqueue(frame);
            }
        }

        return pending.Dequeue();
    }
}
