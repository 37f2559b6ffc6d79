using System;

namespace Wand.RomSimulator;

/// <summary>How the simulated chip looks and how its serial line behaves.</summary>
public sealed record RomSimulatorOptions
{
    /// <summary>Gets the flash size in bytes, 1 MB to 16 MB (default 4 MB, the wand's module).</summary>
    public int FlashSize { get; init; } = 4 << 20;

    /// <summary>Gets the SPI flash JEDEC id (default 0x1640EF: Winbond W25Q32, 4 MB).</summary>
    public uint FlashJedecId { get; init; } = 0x16_40EF;

    /// <summary>Gets the factory MAC address (6 bytes).</summary>
    public byte[] MacAddress { get; init; } = [0x24, 0x6F, 0x28, 0x7A, 0xD8, 0x84];

    /// <summary>Gets the largest data block the ROM takes in FLASH_DATA / FLASH_DEFL_DATA, bytes (default 0x400).</summary>
    public int MaximumDataBlock { get; init; } = 0x400;

    /// <summary>Gets the serial line model; <c>null</c> passes bytes at full speed (functional tests).</summary>
    public LineTiming? LineTiming { get; init; }

    /// <summary>
    /// Gets a value indicating whether bytes are garbled while the pseudo-terminal's rate (set by the host) differs
    /// from the ROM's by more than 3 %, as on a real UART. Default on.
    /// </summary>
    public bool GarbleOnBaudMismatch { get; init; } = true;

    /// <summary>Gets the faults to inject; <c>null</c> for a clean line.</summary>
    public FaultInjection? Faults { get; init; }

    /// <summary>Gets the flash timing model; <c>null</c> makes erase and program instantaneous.</summary>
    public FlashTiming? FlashTiming { get; init; }
}

/// <summary>
/// The serial line as a bit-rate limit: each byte takes 10 bit times (8N1) at the rate the ROM currently runs, in each
/// direction independently.
/// </summary>
public sealed record LineTiming
{
    /// <summary>Gets the fixed turnaround of the chip per answered request (UART interrupt, command decode), default 0.</summary>
    public TimeSpan Turnaround { get; init; } = TimeSpan.Zero;
}

/// <summary>Flash chip timing, per datasheet-typical figures for a 4 MB SPI NOR flash.</summary>
public sealed record FlashTiming
{
    /// <summary>Gets the time to erase one 4 KB sector (typical 45 ms for W25Q32).</summary>
    public TimeSpan SectorErase { get; init; } = TimeSpan.FromMilliseconds(45);

    /// <summary>Gets the time to program one 256-byte page (typical 0.7 ms for W25Q32).</summary>
    public TimeSpan PageProgram { get; init; } = TimeSpan.FromMilliseconds(0.7);
}

/// <summary>Faults injected on the line, per byte, from a seeded generator so runs repeat.</summary>
public sealed record FaultInjection
{
    /// <summary>Gets the seed of the fault generator.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Gets the probability that a byte is dropped, 0 to 1.</summary>
    public double DropProbability { get; init; }

    /// <summary>Gets the probability that a byte is replaced by another value, 0 to 1.</summary>
    public double CorruptProbability { get; init; }

    /// <summary>Gets the probability that a byte is held back by <see cref="Delay"/>, 0 to 1.</summary>
    public double DelayProbability { get; init; }

    /// <summary>Gets how long a delayed byte is held back.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Gets the probability that a whole answer frame is lost after the chip acted on the request, 0 to 1.</summary>
    public double LoseAnswerProbability { get; init; }

    /// <summary>Gets a value indicating whether faults hit host-to-chip bytes.</summary>
    public bool AffectRequests { get; init; } = true;

    /// <summary>Gets a value indicating whether faults hit chip-to-host bytes.</summary>
    public bool AffectResponses { get; init; } = true;

    /// <summary>Gets the number of flash data blocks after which the chip resets once (brown-out, cable bump); 0 never.</summary>
    public int ResetAfterDataBlocks { get; init; }
}
