using System;
using System.Collections.Generic;

namespace Wand.RomSimulator;

/// <summary>
/// The ESP32 registers a flasher reads or writes through the ROM: the chip-detect magic, eFuse words 0 to 6 (MAC,
/// package, revision, SPI pads, CK8M_FREQ), APB_CTL_DATE, the UART clock divider, the RTC calibration result, and the
/// SPI controller's user-command mode, which answers the JEDEC read-id command 0x9F with the flash id once the flash is
/// attached. Addresses and bit fields are those of esptool targets/esp32.py.
/// </summary>
internal sealed class SimulatedRegisters
{
    public const uint MagicRegister = 0x4000_1000;
    public const uint Esp32Magic = 0x00F0_1D83;
    public const uint EfuseBase = 0x3FF5_A000;
    public const uint ApbControlDate = 0x3FF6_607C;
    public const uint UartClockDivider = 0x3FF4_0014;
    public const uint RtcCalibration = 0x3FF5_F06C; // esptool esp32.py RTCCALICFG1; value in bits 31..7
    public const uint SpiBase = 0x3FF4_2000;
    public const uint SpiUser2 = SpiBase + 0x24;
    public const uint SpiData0 = SpiBase + 0x80;
    private const uint UserCommandBit = 1u << 18;

    /// <summary>
    /// eFuse CK8M_FREQ (word 4 bits 7..0, espefuse efuse_defs/esp32.yaml CLK8M_FREQ). With the calibration value below,
    /// esptool's formula cali × 15625 × ck8m / 40 gives the ROM's crystal estimate.
    /// </summary>
    private const uint Ck8mFrequency = 54;

    /// <summary>ADC Vref trim in eFuse word 4 bits 12..8 (esptool reports "Vref calibration in eFuse" when non-zero).</summary>
    private const uint AdcVref = 0x11;

    private readonly Dictionary<uint, uint> values = [];
    private readonly uint jedecId;

    public SimulatedRegisters(RomSimulatorOptions options)
    {
        jedecId = options.FlashJedecId;
        int crystalEstimate = options.RomCrystalEstimate;
        byte[] mac = options.MacAddress;
        values[MagicRegister] = Esp32Magic;

        // eFuse word 1 holds MAC bytes 2..5, word 2 holds bytes 0..1 in its low half and a CRC byte above (esptool esp32.py read_mac).
        values[EfuseBase + 4] = (uint)((mac[2] << 24) | (mac[3] << 16) | (mac[4] << 8) | mac[5]);
        values[EfuseBase + 8] = (uint)((0x3E << 16) | (mac[0] << 8) | mac[1]);

        // Word 3: package version in bits 11..9 plus bit 2 as its bit 3, SPI_PAD_CONFIG_HD in bits 8..4, revision bit 15.
        // Word 5: SPI_PAD_CONFIG CLK/Q/D/CS in bits 4..0, 9..5, 14..10, 19..15, revision bit 20 (esptool esp32.py
        // get_pkg_version, get_chip_spi_pads, get_major_chip_version). Revision v3, dual core, Bluetooth.
        int package = options.PackageVersion;
        SpiPads pads = options.SpiPads;
        values[EfuseBase + 12] = (1u << 15) | ((uint)(package & 0x7) << 9) | ((uint)((package >> 3) & 1) << 2) | ((uint)(pads.Hold & 0x1F) << 4);
        values[EfuseBase + 16] = (AdcVref << 8) | Ck8mFrequency;
        values[EfuseBase + 20] = (1u << 20) | (uint)(pads.Clock & 0x1F) | ((uint)(pads.Q & 0x1F) << 5) | ((uint)(pads.D & 0x1F) << 10) | ((uint)(pads.ChipSelect & 0x1F) << 15);
        values[ApbControlDate] = 1u << 31;

        // The ROM's calibration result: cali = estimate × 40 / (15625 × ck8m), stored from bit 7 (esptool esp32.py
        // get_rom_cal_crystal_freq inverted). The low 7 bits carry the "ready" flag and are not part of the value.
        uint calibration = (uint)Math.Round((double)crystalEstimate * 40 / (15625 * Ck8mFrequency));
        values[RtcCalibration] = (calibration << 7) | 0x40;
        SetAutoBaud(115_200);
    }

    /// <summary>Gets or sets a value indicating whether SPI_ATTACH connected the flash pads to the controller.</summary>
    public bool FlashAttached { get; set; }

    /// <summary>Gets the crystal estimate the registers encode, hertz.</summary>
    public double CrystalEstimate => (values[RtcCalibration] >> 7) * 15625.0 * Ck8mFrequency / 40;

    /// <summary>Sets the divider the ROM's autobaud measured: it times the host's bits with the real crystal.</summary>
    /// <param name="baudRate">The host's rate, bits per second.</param>
    public void SetAutoBaud(int baudRate) => values[UartClockDivider] = (uint)(RomSimulatorOptions.RealCrystal / baudRate);

    /// <summary>
    /// Sets the divider for a CHANGE_BAUDRATE request: the ROM divides its crystal estimate by the rate asked (integer
    /// part in bits 19..0, sixteenths in bits 23..20 of UART_CLKDIV_REG), and the UART then runs at the real crystal
    /// divided by that.
    /// </summary>
    /// <param name="requested">The rate in the request.</param>
    /// <returns>The rate the UART really runs at, bits per second.</returns>
    public int SetRequestedBaud(int requested)
    {
        long sixteenths = (long)(CrystalEstimate * 16 / requested);
        values[UartClockDivider] = (uint)(((sixteenths & 0xF) << 20) | (sixteenths >> 4));
        return (int)Math.Round(RomSimulatorOptions.RealCrystal * 16.0 / sixteenths);
    }

    public uint Read(uint address) => values.GetValueOrDefault(address);

    public void Write(uint address, uint value, uint mask)
    {
        uint current = values.GetValueOrDefault(address);
        uint next = (current & ~mask) | (value & mask);
        if (address == SpiBase && (next & UserCommandBit) != 0)
        {
            ExecuteUserCommand();
            next &= ~UserCommandBit; // the controller clears the bit when the transaction is done
        }

        values[address] = next;
    }

    private void ExecuteUserCommand()
    {
        byte command = (byte)(values.GetValueOrDefault(SpiUser2) & 0xFF);

        // Before SPI_ATTACH the pads are not routed to the flash ("ROM loader doesn't enable flash unless we explicitly
        // do it", esptool cmds.py attach_flash), so MISO floats high and RDID reads 0xFFFFFF, which esptool-js and
        // esptool treat as "Failed to communicate with the flash chip".
        values[SpiData0] = !FlashAttached ? 0xFF_FFFF : command == 0x9F ? jedecId & 0xFF_FFFF : 0;
    }
}
