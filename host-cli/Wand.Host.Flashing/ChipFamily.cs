namespace Wand.Host.Flashing;

/// <summary>The Espressif chip families this client can recognise.</summary>
public enum ChipFamily
{
    /// <summary>Not recognised.</summary>
    Unknown,

    /// <summary>ESP8266.</summary>
    Esp8266,

    /// <summary>ESP32 (classic, dual-core Xtensa): the wand's chip.</summary>
    Esp32,

    /// <summary>ESP32-S2.</summary>
    Esp32S2,

    /// <summary>ESP32-S3.</summary>
    Esp32S3,

    /// <summary>ESP32-C3.</summary>
    Esp32C3,

    /// <summary>ESP32-C2.</summary>
    Esp32C2,

    /// <summary>ESP32-C6.</summary>
    Esp32C6,

    /// <summary>ESP32-H2.</summary>
    Esp32H2,
}

/// <summary>Identification facts per chip family (esptool <c>targets/*.py</c> <c>CHIP_DETECT_MAGIC_VALUE</c> and <c>IMAGE_CHIP_ID</c>, v5.2.0).</summary>
public static class ChipFacts
{
    /// <summary>The register whose value identifies older chips (<c>CHIP_DETECT_MAGIC_REG_ADDR</c>).</summary>
    public const uint MagicRegister = 0x4000_1000;

    /// <summary>Finds the chip that reports <paramref name="magic"/> at <see cref="MagicRegister"/>.</summary>
    /// <param name="magic">The register value.</param>
    /// <returns>The family, or <see cref="ChipFamily.Unknown"/>.</returns>
    public static ChipFamily FromMagic(uint magic) => magic switch
    {
        0xFFF0_C101 => ChipFamily.Esp8266,
        0x00F0_1D83 => ChipFamily.Esp32,
        0x0000_07C6 => ChipFamily.Esp32S2,
        0x0000_0009 => ChipFamily.Esp32S3,
        0x6921_506F or 0x1B31_506F or 0x4881_606F or 0x4361_606F => ChipFamily.Esp32C3,
        0x6F51_306F or 0x7C41_A06F => ChipFamily.Esp32C2,
        0x2CE0_806F => ChipFamily.Esp32C6,
        0xD7B7_3E80 => ChipFamily.Esp32H2,
        _ => ChipFamily.Unknown,
    };

    /// <summary>Finds the chip with image chip id <paramref name="chipId"/> (extended header and GET_SECURITY_INFO).</summary>
    /// <param name="chipId">The id.</param>
    /// <returns>The family, or <see cref="ChipFamily.Unknown"/>.</returns>
    public static ChipFamily FromChipId(uint chipId) => chipId switch
    {
        0 => ChipFamily.Esp32,
        2 => ChipFamily.Esp32S2,
        5 => ChipFamily.Esp32C3,
        9 => ChipFamily.Esp32S3,
        12 => ChipFamily.Esp32C2,
        13 => ChipFamily.Esp32C6,
        16 => ChipFamily.Esp32H2,
        _ => ChipFamily.Unknown,
    };

    /// <summary>Gets the image chip id of a family, or -1 when it has none.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The id.</returns>
    public static int ChipId(ChipFamily family) => family switch
    {
        ChipFamily.Esp32 => 0,
        ChipFamily.Esp32S2 => 2,
        ChipFamily.Esp32C3 => 5,
        ChipFamily.Esp32S3 => 9,
        ChipFamily.Esp32C2 => 12,
        ChipFamily.Esp32C6 => 13,
        ChipFamily.Esp32H2 => 16,
        _ => -1,
    };

    /// <summary>Gets the flash offset of the second-stage bootloader (esptool <c>targets/*.py</c> <c>BOOTLOADER_FLASH_OFFSET</c>).</summary>
    /// <param name="family">The family.</param>
    /// <returns>0x1000 for ESP32 and S2, 0 otherwise.</returns>
    public static uint BootloaderOffset(ChipFamily family) => family is ChipFamily.Esp32 or ChipFamily.Esp32S2 ? 0x1000u : 0u;

    /// <summary>Gets the display name, for example <c>ESP32-S3</c>.</summary>
    /// <param name="family">The family.</param>
    /// <returns>The name.</returns>
    public static string DisplayName(ChipFamily family) => family switch
    {
        ChipFamily.Esp8266 => "ESP8266",
        ChipFamily.Esp32 => "ESP32",
        ChipFamily.Esp32S2 => "ESP32-S2",
        ChipFamily.Esp32S3 => "ESP32-S3",
        ChipFamily.Esp32C3 => "ESP32-C3",
        ChipFamily.Esp32C2 => "ESP32-C2",
        ChipFamily.Esp32C6 => "ESP32-C6",
        ChipFamily.Esp32H2 => "ESP32-H2",
        _ => "unknown chip",
    };
}
