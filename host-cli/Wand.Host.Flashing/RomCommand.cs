namespace Wand.Host.Flashing;

/// <summary>
/// Opcodes of the ESP32 serial ROM loader (Espressif esptool serial-protocol documentation, "Supported by stub loader
/// and ROM loader"; esptool loader.py). Only the ROM subset is sent by this client; stub-only opcodes are listed so
/// the simulator can answer them as unsupported.
/// </summary>
public enum RomCommand : byte
{
    /// <summary>Begin a flash download: erase size, block count, block size, offset. The ROM erases here.</summary>
    FlashBegin = 0x02,

    /// <summary>One flash data block: length, sequence, 0, 0, data. Checksummed.</summary>
    FlashData = 0x03,

    /// <summary>Finish a flash download: 0 reboots, 1 runs user code.</summary>
    FlashEnd = 0x04,

    /// <summary>Begin a RAM download.</summary>
    MemoryBegin = 0x05,

    /// <summary>Finish a RAM download and optionally jump to the entry point.</summary>
    MemoryEnd = 0x06,

    /// <summary>One RAM data block. Checksummed.</summary>
    MemoryData = 0x07,

    /// <summary>Synchronise: <c>07 07 12 20</c> plus 32 × <c>55</c>. The ROM answers eight times.</summary>
    Sync = 0x08,

    /// <summary>Write a 32-bit register: address, value, mask, delay in microseconds.</summary>
    WriteRegister = 0x09,

    /// <summary>Read a 32-bit register; the result is in the response's value field.</summary>
    ReadRegister = 0x0A,

    /// <summary>Set SPI flash geometry: id, total size, block, sector, page size, status mask.</summary>
    SpiSetParameters = 0x0B,

    /// <summary>Attach the SPI flash: configuration word plus (ROM only) a 4-byte legacy flag.</summary>
    SpiAttach = 0x0D,

    /// <summary>ROM slow flash read, at most 64 bytes.</summary>
    ReadFlashSlow = 0x0E,

    /// <summary>Change the UART rate: new rate, old rate (0 for the ROM).</summary>
    ChangeBaudRate = 0x0F,

    /// <summary>Begin a compressed flash download.</summary>
    FlashDeflateBegin = 0x10,

    /// <summary>One block of zlib data. Checksummed.</summary>
    FlashDeflateData = 0x11,

    /// <summary>Finish a compressed download (the ROM then leaves the loader, so this client never sends it).</summary>
    FlashDeflateEnd = 0x12,

    /// <summary>MD5 of a flash region: address, size, 0, 0. The ROM answers with 32 ASCII hex characters.</summary>
    SpiFlashMd5 = 0x13,

    /// <summary>Security information and chip id (ESP32-S2 and later; not the classic ESP32 ROM).</summary>
    GetSecurityInfo = 0x14,

    /// <summary>Erase the whole flash (stub only).</summary>
    EraseFlash = 0xD0,

    /// <summary>Erase a region (stub only).</summary>
    EraseRegion = 0xD1,

    /// <summary>Fast streamed flash read (stub only).</summary>
    ReadFlash = 0xD2,

    /// <summary>Run user code (stub only).</summary>
    RunUserCode = 0xD3,
}
