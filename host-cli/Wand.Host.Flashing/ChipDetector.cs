using System;
using System.Buffers.Binary;
using System.Collections.Generic;

namespace Wand.Host.Flashing;

/// <summary>
/// Identifies the chip behind a ROM connection: magic register first (one READ_REG; the classic ESP32 ROM lacks
/// GET_SECURITY_INFO, so asking it first would cost the ROM's eight-fold "unsupported" reply), then GET_SECURITY_INFO
/// for newer chips; then MAC, revision, crystal and flash id (esptool <c>cmds.py</c> <c>detect_chip</c>
/// and <c>targets/esp32.py</c>, https://github.com/espressif/esptool/blob/v5.2.0/esptool/cmds.py).
/// </summary>
public static class ChipDetector
{
    private const uint Esp32EfuseBase = 0x3FF5_A000;
    private const uint Esp32ApbControlDate = 0x3FF6_607C;
    private const uint Esp32UartClockDivider = 0x3FF4_0014;
    private const uint Esp32RtcCalibration = 0x3FF5_F06C; // esptool esp32.py RTCCALICFG1

    /// <summary>Identifies the chip family.</summary>
    /// <param name="connection">A synchronised connection.</param>
    /// <returns>The family and the magic value read (0 when the register could not be read).</returns>
    public static (ChipFamily Family, uint Magic) DetectFamily(RomConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        uint magic = 0;
        try
        {
            magic = connection.ReadRegister(ChipFacts.MagicRegister);
            ChipFamily byMagic = ChipFacts.FromMagic(magic);
            if (byMagic is ChipFamily.Esp8266 or ChipFamily.Esp32 or ChipFamily.Esp32S2)
            {
                return (byMagic, magic);
            }
        }
        catch (UnsupportedCommandException)
        {
            // Secure download mode forbids READ_REG; GET_SECURITY_INFO below still works.
        }

        try
        {
            RomResponse response = connection.Command(RomCommand.GetSecurityInfo, [], 0, connection.Timeouts.Command, expectedDataLength: 20);
            if (response.Body.Length >= 20 + 2)
            {
                uint chipId = BinaryPrimitives.ReadUInt32LittleEndian(response.Body.AsSpan(12));
                return (ChipFacts.FromChipId(chipId), magic);
            }
        }
        catch (UnsupportedCommandException)
        {
        }

        return (ChipFacts.FromMagic(magic), magic);
    }

    /// <summary>Reads everything <c>wand chip-info</c> shows.</summary>
    /// <param name="connection">A synchronised connection.</param>
    /// <returns>The chip facts.</returns>
    public static ChipInfo Describe(RomConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        (ChipFamily family, uint magic) = DetectFamily(connection);
        int revision = -1;
        string mac = string.Empty;
        int crystal = 40;
        uint pads = 0;
        double romCrystal = 0;
        List<string> features = [];
        if (family == ChipFamily.Esp32)
        {
            uint[] efuse = new uint[7];
            for (int word = 0; word < efuse.Length; word++)
            {
                efuse[word] = connection.ReadRegister(Esp32EfuseBase + (uint)(4 * word));
            }

            mac = Esp32MacAddress(efuse[1], efuse[2]);
            revision = Esp32MajorRevision(efuse[3], efuse[5], connection.ReadRegister(Esp32ApbControlDate));
            features.Add("Wi-Fi");
            if ((efuse[3] & 0x2) == 0)
            {
                features.Add("BT");
            }

            features.Add((efuse[3] & 0x1) == 0 ? "Dual Core" : "Single Core");
            int package = Esp32PackageVersion(efuse[3]);
            if (package is 2 or 4 or 5 or 6)
            {
                features.Add("Embedded Flash");
            }

            crystal = EstimateCrystal(connection.ReadRegister(Esp32UartClockDivider), connection.Port.BaudRate);
            pads = Esp32SpiPads(efuse[3], efuse[5]);
            romCrystal = Esp32RomCrystalEstimate(connection.ReadRegister(Esp32RtcCalibration), efuse[4]);
        }

        // The ROM reaches the flash only after SPI_ATTACH ("ROM loader doesn't enable flash unless we explicitly do it",
        // esptool cmds.py attach_flash); in-package flash needs the eFuse pads ("ROM doesn't attach in-package flash chips").
        connection.AttachSpiFlash(pads);
        uint jedec = SpiFlashProbe.ReadJedecId(connection, family);
        uint size = SpiFlashProbe.SizeFromJedecId(jedec);
        return new ChipInfo(family, magic, revision, mac, crystal, jedec, size == 0 ? SpiFlashProbe.FallbackSize : size, features)
        {
            SpiPads = pads,
            RomCrystalHertz = romCrystal,
        };
    }

    /// <summary>The ESP32 package version: eFuse word 3 bits 11..9, plus bit 2 as bit 3 (esptool esp32.py <c>get_pkg_version</c>).</summary>
    /// <param name="efuse3">eFuse read word 3.</param>
    /// <returns>0 D0WDQ6, 1 D0WD, 2 D2WD, 4 U4WDH, 5 PICO-D4, 6 PICO-V3-02, 7 D0WDR2-V3.</returns>
    public static int Esp32PackageVersion(uint efuse3) => (int)(((efuse3 >> 9) & 0x7) | (((efuse3 >> 2) & 1) << 3));

    /// <summary>
    /// The SPI_ATTACH word from the eFuse SPI pad configuration (esptool esp32.py <c>get_chip_spi_pads</c>, cmds.py
    /// <c>_define_spi_conn</c>): CLK, Q, D, CS in word 5 bits 4..0, 9..5, 14..10, 19..15 and HD in word 3 bits 8..4;
    /// <c>hd &lt;&lt; 24 | cs &lt;&lt; 18 | d &lt;&lt; 12 | q &lt;&lt; 6 | clk</c>. Zero means the default pins.
    /// </summary>
    /// <param name="efuse3">eFuse read word 3.</param>
    /// <param name="efuse5">eFuse read word 5.</param>
    /// <returns>The attach word.</returns>
    public static uint Esp32SpiPads(uint efuse3, uint efuse5)
    {
        uint clock = efuse5 & 0x1F;
        uint q = (efuse5 >> 5) & 0x1F;
        uint d = (efuse5 >> 10) & 0x1F;
        uint chipSelect = (efuse5 >> 15) & 0x1F;
        uint hold = (efuse3 >> 4) & 0x1F;
        return (hold << 24) | (chipSelect << 18) | (d << 12) | (q << 6) | clock;
    }

    /// <summary>
    /// The crystal frequency the ESP32 ROM computed from its RC oscillator, which it uses for CHANGE_BAUDRATE (esptool
    /// esp32.py <c>get_rom_cal_crystal_freq</c>): ((RTCCALICFG1 &gt;&gt; 7) &amp; 0x1FFFFFF) × 15625 × CK8M_FREQ / 40,
    /// CK8M_FREQ being eFuse word 4 bits 7..0.
    /// </summary>
    /// <param name="rtcCalibration">The register at 0x3FF5F06C.</param>
    /// <param name="efuse4">eFuse read word 4.</param>
    /// <returns>Hertz; 0 when the registers hold nothing.</returns>
    public static double Esp32RomCrystalEstimate(uint rtcCalibration, uint efuse4) => ((rtcCalibration >> 7) & 0x1FF_FFFF) * 15625.0 * (efuse4 & 0xFF) / 40;

    /// <summary>Builds the ESP32 MAC from eFuse words 1 and 2: <c>pack("&gt;II", w2, w1)[2:8]</c> (esptool esp32.py).</summary>
    /// <param name="word1">eFuse read word 1.</param>
    /// <param name="word2">eFuse read word 2 (its top 16 bits hold a CRC and are dropped).</param>
    /// <returns>The MAC as six colon-separated lowercase hex pairs.</returns>
    public static string Esp32MacAddress(uint word1, uint word2)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, word2);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[4..], word1);
        return Convert.ToHexStringLower(bytes[2..]).Insert(10, ":").Insert(8, ":").Insert(6, ":").Insert(4, ":").Insert(2, ":");
    }

    /// <summary>
    /// The ESP32 major revision from eFuse word 3 bit 15, word 5 bit 20 and APB_CTL_DATE bit 31 (esptool esp32.py
    /// <c>get_major_chip_version</c>): 0, 1, 2 or 3.
    /// </summary>
    /// <param name="efuse3">eFuse read word 3.</param>
    /// <param name="efuse5">eFuse read word 5.</param>
    /// <param name="apbControlDate">APB_CTL_DATE.</param>
    /// <returns>The revision.</returns>
    public static int Esp32MajorRevision(uint efuse3, uint efuse5, uint apbControlDate)
    {
        uint bits = ((efuse3 >> 15) & 1) | (((efuse5 >> 20) & 1) << 1) | (((apbControlDate >> 31) & 1) << 2);
        return bits switch
        {
            0b011 => 2,
            0b111 => 3,
            0b001 => 1,
            _ => 0,
        };
    }

    /// <summary>Estimates the crystal from the ROM's UART divider: divider × baud / 1e6, snapped to 26, 40 or 48 MHz.</summary>
    /// <param name="clockDivider">UART_CLKDIV_REG.</param>
    /// <param name="baudRate">The rate the ROM is running at.</param>
    /// <returns>The crystal in MHz.</returns>
    public static int EstimateCrystal(uint clockDivider, int baudRate)
    {
        double estimate = (clockDivider & 0xF_FFFF) * (double)baudRate / 1e6;
        return estimate > 45 ? 48 : estimate > 33 ? 40 : 26;
    }
}
