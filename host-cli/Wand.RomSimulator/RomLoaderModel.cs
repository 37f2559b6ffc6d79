using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Wand.RomSimulator;

/// <summary>
/// The ESP32 ROM loader's command handling (esptool docs advanced-topics/serial-protocol.rst, esptool loader.py and
/// targets/esp32.py): 4 status bytes (<c>00 00 00 00</c> or <c>01 err 00 00</c>), eight SYNC answers, a value field
/// that repeats the last READ_REG result, XOR checksums on data commands, the ROM-only 8-byte SPI_ATTACH and 16-byte
/// FLASH_BEGIN, up-front erase at FLASH_BEGIN, a 2 MB flash size until SPI_SET_PARAMS, inflate into a 32 KB window
/// written to flash when full, lowercase hex MD5, and an eight-fold <c>01 05</c> answer to commands the ROM lacks.
/// Each request also yields the time the chip is busy with it (<see cref="LastBusy"/>). Transport-free: packets in,
/// packets out.
/// </summary>
public sealed class RomLoaderModel : IDisposable
{
    /// <summary>
    /// The text an ESP32 prints when it resets into download mode at 115200 baud (esptool docs
    /// advanced-topics/boot-mode-selection.rst; https://github.com/espressif/arduino-esp32/issues/577).
    /// </summary>
    public const string DownloadBootBanner = "ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))\r\nwaiting for download\r\n";

    /// <summary>
    /// The first lines of a normal boot from flash (GPIO0 high): <c>boot:0x13 (SPI_FAST_FLASH_BOOT)</c> (esptool docs
    /// advanced-topics/boot-mode-selection.rst), then the second-stage bootloader's output.
    /// </summary>
    public const string FlashBootBanner = "ets Jun  8 2016 00:22:57\r\n\r\nrst:0x1 (POWERON_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\nconfigsip: 0, SPIWP:0xee\r\nclk_drv:0x00,q_drv:0x00,d_drv:0x00,cs0_drv:0x00,hd_drv:0x00,wp_drv:0x00\r\nmode:DIO, clock div:2\r\nload:0x3fff0030,len:6664\r\nentry 0x40080694\r\n";

    /// <summary>What the ESP-IDF brown-out detector prints before the chip resets itself (esp-idf components/esp_system/port/brownout.c: "Brownout detector was triggered").</summary>
    public const string BrownoutText = "\r\nBrownout detector was triggered\r\n\r\nets Jun  8 2016 00:22:57\r\n\r\nrst:0xc (SW_CPU_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\n";

    /// <summary>What the ESP32 ROM prints when it cannot read the second-stage bootloader from flash (ROM message "flash read err, 1000").</summary>
    public const string FlashReadErrorText = "ets Jun  8 2016 00:22:57\r\n\r\nrst:0x10 (RTCWDT_RTC_RESET),boot:0x13 (SPI_FAST_FLASH_BOOT)\r\nflash read err, 1000\r\nets_main.c 371 \r\n";

    /// <summary>
    /// Bytes the inflater collects before writing them to flash. The ESP32 ROM's FLASH_DEFL_DATA handler is not
    /// published; esptool only states that "ROM code writes block to flash before ACKing" (cmds.py, ROM timeouts are
    /// sized per block). The inflater it uses, miniz tinfl (in the ESP32 ROM as <c>tinfl_decompress</c>), works on a
    /// 32 KB output window, and the published stub (esptool v4.5 flasher_stub/stub_write_flash.c
    /// <c>handle_flash_deflated_data</c>) writes that window when it is full or the stream ends. The simulator does the
    /// same, writing before it answers the block that filled the window: a block's output is in flash after its answer
    /// only when the block completed a window.
    /// </summary>
    public const int InflateWindow = 0x8000;

    private const int InitialBaudRate = 115_200;
    private const uint RomDefaultFlashSize = 2 << 20;
    private readonly RomSimulatorOptions options;
    private readonly SimulatedRegisters registers;
    private uint lastValue;
    private uint configuredFlashSize = RomDefaultFlashSize;
    private Download? download;
    private MemoryDownload? memoryDownload;
    private bool downloadMode = true;

    /// <summary>Initializes a new instance of the <see cref="RomLoaderModel"/> class, in download mode, not yet synchronised.</summary>
    /// <param name="options">The chip's description.</param>
    /// <param name="flash">The flash memory (kept across resets).</param>
    public RomLoaderModel(RomSimulatorOptions options, SimulatedFlash flash)
    {
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        Flash = flash ?? throw new ArgumentNullException(nameof(flash));
        registers = new SimulatedRegisters(options);
        downloadMode = options.BootMode == BootMode.Download;
    }

    /// <summary>Gets how long the chip was busy with the last request (erase, program, MD5, inflate), by the timing model; zero without one.</summary>
    public TimeSpan LastBusy { get; private set; }

    /// <summary>Gets the chip time modelled since creation, the sum of every <see cref="LastBusy"/>.</summary>
    public TimeSpan TotalBusy { get; private set; }

    /// <summary>Gets the bytes the chip has run SPI_FLASH_MD5 over since creation.</summary>
    public long BytesHashed { get; private set; }

    /// <summary>Gets the number of flasher-stub uploads the ROM was asked to run (MEM_END with the execute flag).</summary>
    public int StubUploadsRefused { get; private set; }

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

    /// <summary>
    /// Resets the chip: it boots per <see cref="RomSimulatorOptions.BootMode"/>; in download mode at 115200 baud, not
    /// synchronised, flash detached, 2 MB assumed, any download dropped.
    /// </summary>
    /// <returns>The boot log the chip prints at 115200 baud.</returns>
    public string Reset()
    {
        download?.Dispose();
        download = null;
        memoryDownload = null;
        Synchronised = false;
        RunningUserCode = false;
        registers.FlashAttached = false;
        configuredFlashSize = RomDefaultFlashSize;
        BaudRate = InitialBaudRate;
        registers.SetAutoBaud(InitialBaudRate);
        downloadMode = options.BootMode == BootMode.Download;
        return options.BootProblem switch
        {
            BootProblem.Brownout => BrownoutText + BrownoutText,
            BootProblem.FlashReadError => FlashReadErrorText,
            _ => downloadMode ? DownloadBootBanner : FlashBootBanner,
        };
    }

    /// <summary>
    /// Switches the UART to the rate a CHANGE_BAUDRATE asked for; called once its answer has left at the old rate. The
    /// ROM divides its own crystal estimate by the request (esptool targets/esp32.py <c>change_baud</c>: "a workaround
    /// to avoid esp32 CK_8M frequency drift"), so the line then runs at the real crystal over that divider.
    /// </summary>
    /// <param name="requestedBaudRate">The rate in the request, bits per second.</param>
    public void CommitBaudRate(int requestedBaudRate)
    {
        BaudRate = registers.SetRequestedBaud(requestedBaudRate);
    }

    /// <summary>Handles one request packet (SLIP already removed).</summary>
    /// <param name="packet">The packet.</param>
    /// <returns>The answers to send, in order, and a new baud rate to switch to after sending them (0 for none).</returns>
    public (IReadOnlyList<byte[]> Responses, int NewBaudRate) Handle(ReadOnlySpan<byte> packet)
    {
        LastBusy = TimeSpan.Zero;
        if (!downloadMode || RunningUserCode || packet.Length < 8 || packet[0] != 0x00)
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
                0x05 => ([MemoryBegin(command, data)], 0),
                0x07 => ([MemoryData(command, data, checksum)], 0),
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
        // repeated eight times (esptool docs advanced-topics/serial-protocol.rst; the echoed opcode is not documented, 0x00 is used here).
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

        // The word carries the flash pads (esptool cmds.py _define_spi_conn); 0 means the default pins. In-package
        // flash sits on the eFuse pads, so attaching it with 0 leaves it unreachable while the ROM still answers OK.
        uint pads = Word(data, 0);
        registers.FlashAttached = pads == options.SpiPads.AttachValue;
        if (!registers.FlashAttached)
        {
            Log($"SPI_ATTACH 0x{pads:X} does not match the eFuse pads (0x{options.SpiPads.AttachValue:X}); the flash stays unreachable.");
        }

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
        if (data.Length != 8)
        {
            return ([Failure(command, 0x05)], 0);
        }

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
        if (!registers.FlashAttached)
        {
            return Failure(command, 0x06);
        }

        if (blockSize == 0 || blockSize > options.MaximumDataBlock || offset + (ulong)eraseSize > configuredFlashSize)
        {
            return Failure(command, 0x01);
        }

        download?.Dispose();
        download = null;
        _ = Flash.Erase((int)offset, (int)eraseSize);
        Busy(EraseTime(offset, eraseSize));
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

            Busy(PerMegabyte(options.ChipTiming?.InflatePerMegabyte, plain.Length));
            if (download.Inflated + plain.Length > download.EraseSize)
            {
                return Failure(command, 0x0B); // more output than FLASH_DEFL_BEGIN announced
            }

            download.Window.AddRange(plain);
            download.Inflated += plain.Length;
            if (download.Window.Count < InflateWindow && !download.Inflater.Finished && download.Received + 1 < download.Blocks)
            {
                download.Received++;
                DataBlocksAccepted++;
                return Success(command); // output held in the window, not yet in flash
            }

            plain = download.Window.ToArray();
            download.Window.Clear();
        }
        else
        {
            plain = block.ToArray();
            if (download.Written + plain.Length > download.EraseSize + download.BlockSize)
            {
                return Failure(command, 0x05);
            }
        }

        int writable = (int)Math.Min(plain.Length, Flash.Size - (download.Offset + download.Written));
        if (!Flash.Program((int)(download.Offset + download.Written), plain.AsSpan(0, writable)))
        {
            return Failure(command, 0x08); // read-back after programming differs: the region was not erased
        }

        Busy(options.ChipTiming is ChipTiming timing ? timing.PageProgram * ((writable + 255) / 256) : TimeSpan.Zero);
        download.Written += plain.Length;
        download.Received++;
        DataBlocksAccepted++;
        return Success(command);
    }

    private byte[] FlashEnd(byte command, ReadOnlySpan<byte> data)
    {
        // Both values leave the loader on the ROM: 0 reboots, 1 runs user code (esptool docs advanced-topics/serial-protocol.rst, FLASH_END), so esptool never
        // sends it while it still needs the loader.
        _ = data;
        download?.Dispose();
        download = null;
        RunningUserCode = true;
        return Success(command);
    }

    private byte[] MemoryBegin(byte command, ReadOnlySpan<byte> data)
    {
        if (data.Length != 16)
        {
            return Failure(command, 0x05);
        }

        uint size = Word(data, 0);
        uint offset = Word(data, 3);

        // The ROM loads into internal SRAM only (esptool targets/esp32.py MEMORY_MAP: DRAM 0x3FFAE000..0x40000000,
        // IRAM 0x40070000..0x400C2000 as far as the loader may use it).
        bool inDram = offset >= 0x3FFA_E000 && offset + (ulong)size <= 0x4000_0000;
        bool inIram = offset >= 0x4007_0000 && offset + (ulong)size <= 0x400C_2000;
        if (!inDram && !inIram)
        {
            return Failure(command, 0x05);
        }

        memoryDownload ??= new MemoryDownload();
        memoryDownload.Segments.Add((offset, size));
        return Success(command);
    }

    private byte[] MemoryData(byte command, ReadOnlySpan<byte> data, uint checksum)
    {
        if (data.Length < 16 || Word(data, 0) != data.Length - 16)
        {
            return Failure(command, 0x05);
        }

        if (RomChecksum(data[16..]) != (byte)checksum)
        {
            return Failure(command, 0x07);
        }

        if (memoryDownload is null)
        {
            return Failure(command, 0x05);
        }

        memoryDownload.Bytes += data.Length - 16;
        return Success(command);
    }

    private byte[] MemoryEnd(byte command, ReadOnlySpan<byte> data)
    {
        // esptool sends MEM_END(int(entry == 0), entry): flag 0 means "jump to entry" (loader.py mem_finish). A real
        // ROM answers, then runs the uploaded code; for a flasher stub that code greets with "OHAI". The simulator
        // cannot execute Xtensa code, so it answers, stays the ROM loader, and says so in its log; a client waiting
        // for the greeting times out, and --no-stub is the way to use it.
        if (data.Length != 8)
        {
            return Failure(command, 0x05);
        }

        uint execute = Word(data, 0);
        uint entry = Word(data, 1);
        if (execute == 0)
        {
            StubUploadsRefused++;
            string segments = memoryDownload is null ? "nothing loaded" : string.Join(", ", memoryDownload.Segments.ConvertAll(segment => $"{segment.Size} B at 0x{segment.Offset:X8}"));
            Log($"MEM_END asks to run uploaded code at 0x{entry:X8} ({segments}, {memoryDownload?.Bytes ?? 0} bytes received). The simulated ROM cannot execute it: answered, staying in the ROM loader, no stub greeting will follow. Use the client's no-stub mode.");
        }

        memoryDownload = null;
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
        if (!registers.FlashAttached)
        {
            return Failure(command, 0x06);
        }

        // The ROM reads through its flash driver, which assumes 2 MB until SPI_SET_PARAMS ("The ROM defaults to 2MB
        // flash size", esptool cmds.py), so a range past the configured size fails however large the chip is.
        if (address + (ulong)size > configuredFlashSize || !Flash.Contains(address, size))
        {
            return Failure(command, 0x06);
        }

        Busy(PerMegabyte(options.ChipTiming?.Md5PerMegabyte, size));
        BytesHashed += size;
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

        if (!registers.FlashAttached)
        {
            return Failure(command, 0x06);
        }

        if (address + (ulong)length > configuredFlashSize || !Flash.Contains(address, length))
        {
            return Failure(command, 0x09);
        }

        byte[] payload = new byte[64];
        Flash.Read((int)address, (int)length).CopyTo(payload, 0);
        return Success(command, payload);
    }

    private static TimeSpan PerMegabyte(TimeSpan? rate, long bytes) => rate is TimeSpan perMegabyte ? perMegabyte * (bytes / 1e6) : TimeSpan.Zero;

    /// <summary>
    /// The erase time of a region: 4 KB sectors up to the next 64 KB boundary, 64 KB blocks, then sectors (the way an SPI
    /// flash driver erases an area with the flash's 0x20 sector and 0xD8 block commands).
    /// </summary>
    private TimeSpan EraseTime(uint offset, uint size)
    {
        if (options.ChipTiming is not ChipTiming timing || size == 0)
        {
            return TimeSpan.Zero;
        }

        uint start = offset & ~0xFFFu;
        uint end = (offset + size + 0xFFF) & ~0xFFFu;
        TimeSpan total = TimeSpan.Zero;
        for (uint address = start; address < end;)
        {
            if ((address & 0xFFFF) == 0 && end - address >= 0x10000)
            {
                total += timing.BlockErase;
                address += 0x10000;
            }
            else
            {
                total += timing.SectorErase;
                address += 0x1000;
            }
        }

        return total;
    }

    private void Busy(TimeSpan duration)
    {
        LastBusy += duration;
        TotalBusy += duration;
    }

    private void Log(string message) => options.Log?.Invoke(message);

    private sealed class MemoryDownload
    {
        public List<(uint Offset, uint Size)> Segments { get; } = [];

        public long Bytes { get; set; }
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

        public long Inflated { get; set; }

        public List<byte> Window { get; } = new(InflateWindow);

        public long Received { get; set; }

        public void Dispose() => Inflater?.Dispose();
    }
}
