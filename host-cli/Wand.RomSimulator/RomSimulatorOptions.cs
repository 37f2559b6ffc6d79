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

    /// <summary>
    /// Gets the fastest rate the line carries cleanly (a USB-UART bridge or cable limit), bits per second; above it
    /// <see cref="UnreliableLossProbability"/> of the bytes in each direction are lost, as overruns and framing errors
    /// lose them. <c>null</c>: no limit.
    /// </summary>
    public int? MaximumReliableBaudRate { get; init; }

    /// <summary>Gets the share of bytes lost above <see cref="MaximumReliableBaudRate"/>, 0 to 1 (default 0.05).</summary>
    public double UnreliableLossProbability { get; init; } = 0.05;

    /// <summary>Gets the faults to inject; <c>null</c> for a clean line.</summary>
    public FaultInjection? Faults { get; init; }

    /// <summary>Gets the chip timing model (erase, program, MD5, inflate); <c>null</c> makes the chip answer at once.</summary>
    public ChipTiming? ChipTiming { get; init; }

    /// <summary>
    /// Gets the crystal frequency the ROM believes it has, in hertz, which sets the UART divider after CHANGE_BAUDRATE.
    /// The ESP32 ROM estimates it from its internal 8 MHz RC oscillator (RTC calibration register 0x3FF5F06C times the
    /// eFuse CK8M_FREQ byte, esptool targets/esp32.py <c>get_rom_cal_crystal_freq</c>), so it drifts from the real
    /// 40 MHz. The registers hold the nearest value their fields can encode (40 MHz becomes 39.99375 MHz, 0.02 % off).
    /// Default 40 MHz (no drift); <see cref="DriftingCrystalEstimate"/> is a drifted value.
    /// </summary>
    public int RomCrystalEstimate { get; init; } = RealCrystal;

    /// <summary>The real crystal on the module, 40 MHz.</summary>
    public const int RealCrystal = 40_000_000;

    /// <summary>
    /// A drifted ROM estimate, 38.728125 MHz: asking this ROM for 446148 baud gives 460800, the pair esptool's ESP32
    /// baud compensation produced in the trace of https://github.com/espressif/esptool/issues/921.
    /// </summary>
    public const int DriftingCrystalEstimate = 38_728_125;

    /// <summary>Gets the ESP32 package version in eFuse word 3 (esptool esp32.py <c>get_pkg_version</c>): 0 D0WDQ6, 1 D0WD, 2 D2WD, 5 PICO-D4.</summary>
    public int PackageVersion { get; init; } = 1;

    /// <summary>
    /// Gets the SPI pad configuration burnt into eFuse (CLK, Q, D, HD, CS GPIO numbers); all zero for modules with
    /// external flash on the default pins. In-package flash (PICO-D4, D2WD) has non-zero pads, and the ROM does not
    /// attach it unless SPI_ATTACH carries them ("ROM doesn't attach in-package flash chips", esptool cmds.py
    /// <c>attach_flash</c>).
    /// </summary>
    public SpiPads SpiPads { get; init; } = SpiPads.Default;

    /// <summary>Gets how the chip boots when reset: into the download loader (GPIO0 low) or from flash.</summary>
    public BootMode BootMode { get; init; } = BootMode.Download;

    /// <summary>Gets a fault the boot log shows (brown-out, flash read error), or none.</summary>
    public BootProblem BootProblem { get; init; } = BootProblem.None;

    /// <summary>Gets where the simulator writes what it does that a client would not see (stub uploads, refusals); <c>null</c> for nowhere.</summary>
    public Action<string>? Log { get; init; }
}

/// <summary>The GPIOs of the SPI flash pads, as the ESP32 eFuse SPI_PAD_CONFIG fields hold them.</summary>
/// <param name="Clock">CLK pad.</param>
/// <param name="Q">Q (MISO) pad.</param>
/// <param name="D">D (MOSI) pad.</param>
/// <param name="Hold">HD pad.</param>
/// <param name="ChipSelect">CS pad.</param>
public sealed record SpiPads(int Clock, int Q, int D, int Hold, int ChipSelect)
{
    /// <summary>Gets the all-zero configuration: the default flash pins.</summary>
    public static SpiPads Default { get; } = new(0, 0, 0, 0, 0);

    /// <summary>
    /// Gets a non-default pad set as used by in-package flash (CLK 6, Q 17, D 8, HD 11, CS 16; an example pad set, not
    /// taken from a specific datasheet).
    /// </summary>
    public static SpiPads InPackage { get; } = new(6, 17, 8, 11, 16);

    /// <summary>Gets the SPI_ATTACH argument for these pads: <c>hd &lt;&lt; 24 | cs &lt;&lt; 18 | d &lt;&lt; 12 | q &lt;&lt; 6 | clk</c> (esptool cmds.py <c>_define_spi_conn</c>).</summary>
    public uint AttachValue => (uint)((Hold << 24) | (ChipSelect << 18) | (D << 12) | (Q << 6) | Clock);
}

/// <summary>The strap-selected boot mode.</summary>
public enum BootMode
{
    /// <summary>GPIO0 low at reset: <c>boot:0x3 (DOWNLOAD_BOOT(UART0/UART1/SDIO_REI_REO_V2))</c>, the serial loader runs.</summary>
    Download,

    /// <summary>GPIO0 high: <c>boot:0x13 (SPI_FAST_FLASH_BOOT)</c>, the chip runs the flash and ignores SLIP.</summary>
    SpiFlash,
}

/// <summary>A hardware fault visible in the boot log.</summary>
public enum BootProblem
{
    /// <summary>None.</summary>
    None,

    /// <summary>The supply sags at boot: "Brownout detector was triggered" and a reset loop.</summary>
    Brownout,

    /// <summary>The ROM cannot read the second-stage bootloader: "flash read err, 1000".</summary>
    FlashReadError,
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

/// <summary>
/// How long the chip is busy per operation. Flash figures are the typical values of the Winbond W25Q32FV datasheet
/// (the 4 MB flash of the default JEDEC id 0xEF4016; "AC Electrical Characteristics": tSE, tBE2, tPP). MD5 and inflate
/// rates are derived estimates (no published ROM figure): the ROM runs its CPU from the 40 MHz crystal, and software
/// MD5 and tinfl take on the order of 10 to 15 cycles per byte there.
/// </summary>
public sealed record ChipTiming
{
    /// <summary>Gets the time to erase one 4 KB sector (W25Q32FV tSE typical 45 ms).</summary>
    public TimeSpan SectorErase { get; init; } = TimeSpan.FromMilliseconds(45);

    /// <summary>Gets the time to erase one aligned 64 KB block (W25Q32FV tBE2 typical 150 ms).</summary>
    public TimeSpan BlockErase { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Gets the time to program one 256-byte page (W25Q32FV tPP typical 0.7 ms).</summary>
    public TimeSpan PageProgram { get; init; } = TimeSpan.FromMilliseconds(0.7);

    /// <summary>Gets the MD5 time per megabyte of flash read (derived estimate: about 12 cycles per byte at 40 MHz, 0.3 s).</summary>
    public TimeSpan Md5PerMegabyte { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Gets the inflate time per megabyte of output (derived estimate: about 10 cycles per byte at 40 MHz, 0.25 s).</summary>
    public TimeSpan InflatePerMegabyte { get; init; } = TimeSpan.FromMilliseconds(250);
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

    /// <summary>Gets the flash data block (1-based count of accepted blocks) whose answer is lost once after the chip acted on it; 0 none.</summary>
    public long LoseAnswerToDataBlock { get; init; }

    /// <summary>Gets a value indicating whether faults hit host-to-chip bytes.</summary>
    public bool AffectRequests { get; init; } = true;

    /// <summary>Gets a value indicating whether faults hit chip-to-host bytes.</summary>
    public bool AffectResponses { get; init; } = true;

    /// <summary>Gets the number of flash data blocks after which the chip resets once (brown-out, cable bump); 0 never.</summary>
    public int ResetAfterDataBlocks { get; init; }
}
