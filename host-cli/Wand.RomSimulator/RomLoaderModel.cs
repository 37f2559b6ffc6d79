using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Wand.RomSimulator;

/// <summary>
/// The ESP32 ROM loader's command handling, byte for byte as Espressif's serial-protocol documentation
/// (https://docs.espressif.com/projects/esptool/en/latest/esp32/advanced-topics/serial-protocol.html) and esptool v5.2.0 describe it: 4 status bytes (<c>00 00 00 00</c> or
/// <c>01 err 00 00</c>), eight SYNC answers, a value field that repeats the last READ_REG result, XOR checksums on data
/// commands, up-front erase at FLASH_BEGIN, block-wise inflate-and-write before answering, lowercase hex MD5, and an
/// eight-fold <c>01 05</c> answer to commands the ROM lacks. Transport-free: packets in, packets out.
/// </summary>
public sealed class RomLoaderModel : IDisposable
{
    /// <summary>The text an ESP32 prints when it boots into download mode at 115200 baud (https://docs.espressif.com/projects/esptool/en/latest/esp32/advanced-topics/boot-mode-selection.html).</summary>
    public const string DownloadBootBanner = "ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n";

    private const int InitialBaudRate = 115_200;
    private const uint RomDefaultFlashSize = 2 << 20;
    private readonly RomSimulatorOptions options;
    private readonly SimulatedRegisters registers;
    private uint lastValue;
    private bool attached;
    private uint configuredFlashSize = RomDefaultFlashSize;
    private Download? download;

    /// <summary>Initializes a new instance of the <see cref="RomLoaderModel"/> class, in download mode, not yet synchronised.</summary>
    /// <param name="options">The chip's description.</param>
    /// <param name="flash">The flash memory (kept across resets).</param>
    public RomLoaderModel(RomSimulatorOptions options, SimulatedFlash flash)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        Flash = flash ?? throw new ArgumentNullException(nameof(flash));
        registers = new SimulatedRegisters(options.MacAddress, options.FlashJedecId);
    }

    /// <summary>Gets the flash memory.</summary>
    public SimulatedFlash Flash { get; }

    /// <summary>Gets the UART rate the ROM runs at, bits per second.</summary>
    public int BaudRate { get; private set; } = InitialBaudRate;

    /// <summary>Gets a value indicating whether the ROM has seen SYNC since its last reset (before that it ignores frames).</summary>
    public bool Synchronised { get; private set; }

    /// <summary>Gets a value indicating whether the chip left the loader (FLASH_END / MEM_END run), so it no longer answers.</summary>
    public bool RunningUserCode { get; private set; }

    /// <summary>Gets the number of flash data blocks accepted since the model was created.</summary>
    public long DataBlocksAccepted { get; private set; }

    /// <summary>Gets the number of requests answered with an error status.</summary>
    public long ErrorsReported { get; private set; }

    /// <summary>Resets the chip into download mode: 115200 baud, not synchronised, flash detached, any download dropped.</summary>
    /// <returns>The boot banner the chip prints.</returns>
    public string Reset()
    {
        download?.Dispose();
        download = null;
        Synchronised = false;
        RunningUserCode = false;
        attached = false;
        configuredFlashSize = RomDefaultFlashSize;
        BaudRate = InitialBaudRate;
        registers.SetBaudRate(InitialBaudRate);
        return DownloadBootBanner;
    }

    /// <summary>Switches the UART to a new rate; called once the CHANGE_BAUDRATE answer has left at the old rate.</summary>
    /// <param name="baudRate">Bits per second.</param>
    public void CommitBaudRate(int baudRate)
    {
        BaudRate = baudRate;
        registers.SetBaudRate(baudRate);
    }

    /// <summary>Handles one request packet (SLIP already removed).</summary>
    /// <param name="packet">The packet.</param>
    /// <returns>The answers to send, in order, and a new baud rate to switch to after sending them (0 for none).</returns>
    public (IReadOnlyList<byte[]> Responses, int NewBaudRate) Handle(ReadOnlySpan<byte> packet)
    {
        if (RunningUserCode || packet.Length < 8 || packet[0] != 0x00)
        {
            return ([], 0);
        }

        byte command = packet[1];
        int size = BinaryPrimitives.ReadUInt16LittleEndian(packet[2..]);
        uint checksum = BinaryPrimitives.ReadUInt32LittleEndian(packet[4..]);
        ReadOnlySpan<byte> data = packet[8..];
        if (!Synchronised && command != 0x08)
        {
            return ([], 0); // before SYNC the ROM has not locked onto the baud rate and ignores everything
        }

        if (size != data.Length)
        {
            return ([Failure(command, 0x05)], 0);
        }

        try
        {
            return command switch
            {
                0x08 => Sync(data),
                0x0A => ([ReadRegister(data)], 0),
                0x09 => ([WriteRegisters(data)], 0),
                0x0D => ([SpiAttach(data)], 0),
                0x0B => ([SpiSetParameters(data)], 0),
                0x0F => ChangeBaudRate(command, data),
                0x02 => ([FlashBegin(command, data, compressed: false)], 0),
                0x10 => ([FlashBegin(command, data, compressed: true)], 0),
                0x03 or 0x11 => ([FlashData(command, data, checksum)], 0),
                0x04 or 0x12 => ([FlashEnd(command, data)], 0),
                0x13 => ([FlashMd5(command, data)], 0),
                0x0E => ([ReadFlashSlow(command, data)], 0),
                0x05 => ([Success(command)], 0),
                0x07 => ([RomChecksum(data.Length >= 16 ? data[16..] : []) == (byte)checksum ? Success(command) : Failure(command, 0x07)], 0),
                0x06 => ([MemoryEnd(command, data)], 0),
                _ => (Unsupported(), 0),
            };
        }
        catch (ArgumentException)
        {
            return ([Failure(command, 0x05)], 0);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        download?.Dispose();
        download = null;
    }

    private static byte RomChecksum(ReadOnlySpan<byte> data)
    {
        byte checksum = 0xEF;
        foreach (byte value in data)
        {
            checksum ^= value;
        }

        return checksum;
    }

    private static uint Word(ReadOnlySpan<byte> data, int index) =>
        data.Length >= (index + 1) * 4 ? BinaryPrimitives.ReadUInt32LittleEndian(data[(index * 4)..]) : throw new ArgumentException("short request");

    private static byte[] Response(byte command, uint value, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> status)
    {
        byte[] packet = new byte[8 + payload.Length + status.Length];
        packet[0] = 0x01;
        packet[1] = command;
        BinaryPrimitives.WriteUInt16LittleEndian(packet.AsSpan(2), (ushort)(payload.Length + status.Length));
        BinaryPrimitives.WriteUInt32LittleEndian(packet.AsSpan(4), value);
        payload.CopyTo(packet.AsSpan(8));
        status.CopyTo(packet.AsSpan(8 + payload.Length));
        return packet;
    }

    private byte[] Success(byte command, ReadOnlySpan<byte> payload = default) => Response(command, lastValue, payload, [0, 0, 0, 0]);

    private byte[] Failure(byte command, byte error)
    {
        ErrorsReported++;
        return Response(command, lastValue, [], [1, error, 0, 0]);
    }

    private (IReadOnlyList<byte[]>, int) Sync(ReadOnlySpan<byte> data)
    {
        if (data.Length != 36 || data[0] != 0x07 || data[1] != 0x07 || data[2] != 0x12 || data[3] != 0x20 || data[4..].IndexOfAnyExcept((byte)0x55) >= 0)
        {
            return ([], 0);
        }

        Synchronised = true;
        byte[] answer = Response(0x08, 0x2012_0707, [], [0, 0, 0, 0]); // trace: 0108 0400 07071220 00000000
        return ([answer, answer, answer, answer, answer, answer, answer, answer], 0);
    }

    private List<byte[]> Unsupported()
    {
        // The ROM's answer to an opcode it lacks: a frame whose opcode differs from the request, status 01 05,
        // repeated eight times (esptool <c>loader.py</c> <c>command()</c>; the echoed opcode is not documented, 0x00 is used here).
        ErrorsReported++;
        byte[] answer = Response(0x00, lastValue, [], [1, 0x05, 0, 0]);
        return [answer, answer, answer, answer, answer, answer, answer, answer];
    }

    private byte[] ReadRegister(ReadOnlySpan<byte> data)
    {
        lastValue = registers.Read(Word(data, 0));
        return Response(0x0A, lastValue, [], [0, 0, 0, 0]);
    }

    private byte[] WriteRegisters(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0 || data.Length % 16 != 0)
        {
            return Failure(0x09, 0x05);
        }

        for (int group = 0; group < data.Length / 16; group++)
        {
            registers.Write(Word(data, group * 4), Word(data, (group * 4) + 1), Word(data, (group * 4) + 2));
        }

        return Success(0x09);
    }

    private byte[] SpiAttach(ReadOnlySpan<byte> data)
    {
        if (data.Length != 8)
        {
            return Failure(0x0D, 0x05); // the ROM form carries 8 bytes; the 4-byte stub form is rejected
        }

        attached = true;
        return Success(0x0D);
    }

    private byte[] SpiSetParameters(ReadOnlySpan<byte> data)
    {
        if (data.Length != 24)
        {
            return Failure(0x0B, 0x05);
        }

        uint total = Word(data, 1);
        if (total == 0 || total > Flash.Size)
        {
            return Failure(0x0B, 0x01);
        }

        configuredFlashSize = total;
        return Success(0x0B);
    }

    private (IReadOnlyList<byte[]>, int) ChangeBaudRate(byte command, ReadOnlySpan<byte> data)
    {
        uint rate = Word(data, 0);
        if (rate is < 9600 or > 5_000_000)
        {
            return ([Failure(command, 0x01)], 0);
        }

        return ([Success(command)], (int)rate);
    }

    private byte[] FlashBegin(byte command, ReadOnlySpan<byte> data, bool compressed)
    {
        if (data.Length != 16)
        {
            return Failure(command, 0x05); // the ESP32 ROM takes four words; the fifth (encrypted) is for later chips
        }

        uint eraseSize = Word(data, 0);
        uint blocks = Word(data, 1);
        uint blockSize = Word(data, 2);
        uint offset = Word(data, 3);
        if (!attached)
        {
            return Failure(command, 0x06);
        }

        if (blockSize == 0 || blockSize > options.MaximumDataBlock || offset + (ulong)eraseSize > configuredFlashSize)
        {
            return Failure(command, 0x01);
        }

        download?.Dispose();
        download = null;
        int sectors = Flash.Erase((int)offset, (int)eraseSize);
        SimulateFlashTime(sectors, 0);
        if (blocks > 0)
        {
            download = new Download(offset, eraseSize, blocks, blockSize, compressed);
        }

        return Success(command);
    }

    private byte[] FlashData(byte command, ReadOnlySpan<byte> data, uint checksum)
    {
        bool compressed = command == 0x11;
        if (data.Length < 16)
        {
            return Failure(command, 0x05);
        }

        uint length = Word(data, 0);
        ReadOnlySpan<byte> block = data[16..];
        if (length != block.Length)
        {
            return Failure(command, 0x05);
        }

        if (RomChecksum(block) != (byte)checksum)
        {
            return Failure(command, 0x07);
        }

        if (download is null || download.Compressed != compressed || block.Length > download.BlockSize)
        {
            return Failure(command, 0x05);
        }

        byte[] plain;
        if (compressed)
        {
            try
            {
                plain = download.Inflater!.Feed(block);
            }
            catch (InvalidDataException)
            {
                download.Dispose();
                download = null;
                return Failure(command, 0x0B);
            }
        }
        else
        {
            plain = block.ToArray();
        }

        if (download.Written + plain.Length > download.EraseSize + (compressed ? 0 : download.BlockSize))
        {
            return Failure(command, 0x0B);
        }

        int writable = (int)Math.Min(plain.Length, Flash.Size - (download.Offset + download.Written));
        if (!Flash.Program((int)(download.Offset + download.Written), plain.AsSpan(0, writable)))
        {
            return Failure(command, 0x08); // read-back after programming differs: the region was not erased
        }

        SimulateFlashTime(0, writable);
        download.Written += plain.Length;
        download.Received++;
        DataBlocksAccepted++;
        return Success(command);
    }

    private byte[] FlashEnd(byte command, ReadOnlySpan<byte> data)
    {
        // Both values leave the loader on the ROM: 0 reboots, 1 runs user code (serial protocol, FLASH_END), so esptool never
        // sends it while it still needs the loader.
        _ = data;
        download?.Dispose();
        download = null;
        RunningUserCode = true;
        return Success(command);
    }

    private byte[] MemoryEnd(byte command, ReadOnlySpan<byte> data)
    {
        RunningUserCode = data.Length >= 4 && Word(data, 0) == 0;
        return Success(command);
    }

    private byte[] FlashMd5(byte command, ReadOnlySpan<byte> data)
    {
        if (data.Length != 16)
        {
            return Failure(command, 0x05);
        }

        uint address = Word(data, 0);
        uint size = Word(data, 1);
        if (!attached)
        {
            return Failure(command, 0x06);
        }

        if (!Flash.Contains(address, size))
        {
            return Failure(command, 0x0A);
        }

        return Success(command, Encoding.ASCII.GetBytes(Flash.Md5Hex((int)address, (int)size)));
    }

    private byte[] ReadFlashSlow(byte command, ReadOnlySpan<byte> data)
    {
        uint address = Word(data, 0);
        uint length = Word(data, 1);
        if (length > 64)
        {
            return Failure(command, 0x0A);
        }

        if (!attached)
        {
            return Failure(command, 0x06);
        }

        if (!Flash.Contains(address, length))
        {
            return Failure(command, 0x09);
        }

        byte[] payload = new byte[64];
        Flash.Read((int)address, (int)length).CopyTo(payload, 0);
        return Success(command, payload);
    }

    private void SimulateFlashTime(int sectorsErased, int bytesProgrammed)
    {
        if (options.FlashTiming is not FlashTiming timing)
        {
            return;
        }

        TimeSpan duration = (timing.SectorErase * sectorsErased) + (timing.PageProgram * ((bytesProgrammed + 255) / 256));
        if (duration > TimeSpan.Zero)
        {
            PreciseDelay.Wait(duration);
        }
    }

    private sealed class Download(uint offset, uint eraseSize, uint blocks, uint blockSize, bool compressed) : IDisposable
    {
        public uint Offset { get; } = offset;

        public uint EraseSize { get; } = eraseSize;

        public uint Blocks { get; } = blocks;

        public uint BlockSize { get; } = blockSize;

        public bool Compressed { get; } = compressed;

        public IncrementalInflater? Inflater { get; } = compressed ? new IncrementalInflater() : null;

        public long Written { get; set; }

        public long Received { get; set; }

        public void Dispose() => Inflater?.Dispose();
    }
}
