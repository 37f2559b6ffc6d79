using System;

namespace Wand.Host.Flashing;

/// <summary>
/// Flash mode, size and frequency to write into the bootloader header; <c>null</c> keeps the image's value. Codes are
/// the ESP32 ones (esptool targets/esp32.py <c>FLASH_SIZES</c>, <c>FLASH_FREQUENCY</c>).
/// </summary>
/// <param name="Mode">0 QIO, 1 QOUT, 2 DIO, 3 DOUT.</param>
/// <param name="SizeCode">High nibble: 0x00 1 MB … 0x70 128 MB.</param>
/// <param name="FrequencyCode">Low nibble: 0x0 40 MHz, 0x1 26 MHz, 0x2 20 MHz, 0xF 80 MHz.</param>
public sealed record FlashSettings(byte? Mode, byte? SizeCode, byte? FrequencyCode)
{
    /// <summary>Gets settings that change nothing.</summary>
    public static FlashSettings Keep { get; } = new(null, null, null);

    /// <summary>Parses a flash mode name.</summary>
    /// <param name="name"><c>keep</c>, <c>qio</c>, <c>qout</c>, <c>dio</c> or <c>dout</c>.</param>
    /// <returns>The code, or <c>null</c> for keep.</returns>
    public static byte? ParseMode(string name) => name.ToLowerInvariant() switch
    {
        "keep" => null,
        "qio" => 0,
        "qout" => 1,
        "dio" => 2,
        "dout" => 3,
        _ => throw new ArgumentException($"Unknown flash mode '{name}'. Valid: keep, qio, qout, dio, dout.", nameof(name)),
    };

    /// <summary>Parses a flash frequency name.</summary>
    /// <param name="name"><c>keep</c>, <c>80m</c>, <c>40m</c>, <c>26m</c> or <c>20m</c>.</param>
    /// <returns>The code, or <c>null</c> for keep.</returns>
    public static byte? ParseFrequency(string name) => name.ToLowerInvariant() switch
    {
        "keep" => null,
        "80m" => 0xF,
        "40m" => 0x0,
        "26m" => 0x1,
        "20m" => 0x2,
        _ => throw new ArgumentException($"Unknown flash frequency '{name}'. Valid: keep, 80m, 40m, 26m, 20m.", nameof(name)),
    };

    /// <summary>Gets the ESP32 header size code for a flash size.</summary>
    /// <param name="bytes">1 MB to 128 MB, a power of two.</param>
    /// <returns>The high-nibble code.</returns>
    public static byte SizeCodeFor(uint bytes) => bytes switch
    {
        1u << 20 => 0x00,
        2u << 20 => 0x10,
        4u << 20 => 0x20,
        8u << 20 => 0x30,
        16u << 20 => 0x40,
        32u << 20 => 0x50,
        64u << 20 => 0x60,
        128u << 20 => 0x70,
        _ => throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "Flash size must be a power of two from 1 MB to 128 MB."),
    };

    /// <summary>Parses a flash size name such as <c>4MB</c>.</summary>
    /// <param name="name"><c>1MB</c> to <c>128MB</c>.</param>
    /// <returns>The size in bytes.</returns>
    public static uint ParseSize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string trimmed = name.Trim().ToUpperInvariant();
        if (trimmed.EndsWith("MB", StringComparison.Ordinal) && uint.TryParse(trimmed[..^2], out uint megabytes) && megabytes is 1 or 2 or 4 or 8 or 16 or 32 or 64 or 128)
        {
            return megabytes << 20;
        }

        throw new ArgumentException($"Unknown flash size '{name}'. Valid: 1MB, 2MB, 4MB, 8MB, 16MB, 32MB, 64MB, 128MB.", nameof(name));
    }
}
