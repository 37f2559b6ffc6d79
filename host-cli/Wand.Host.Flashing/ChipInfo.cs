using System.Collections.Generic;

namespace Wand.Host.Flashing;

/// <summary>What the ROM loader told us about the connected chip.</summary>
/// <param name="Family">The chip family.</param>
/// <param name="MagicValue">The value at the chip-detect register.</param>
/// <param name="MajorRevision">The major silicon revision, 0 to 3 on ESP32; -1 when not read.</param>
/// <param name="MacAddress">The factory MAC address as <c>aa:bb:cc:dd:ee:ff</c>, or empty.</param>
/// <param name="CrystalMegahertz">The crystal frequency in MHz (26, 40 or 48), estimated from the UART divider.</param>
/// <param name="FlashJedecId">The SPI flash JEDEC id, manufacturer in the low byte, capacity code in bits 16–23.</param>
/// <param name="FlashSize">The flash size in bytes derived from the JEDEC id; 4 MB when it could not be read.</param>
/// <param name="Features">Feature names, for example <c>Wi-Fi</c>, <c>BT</c>, <c>Dual Core</c>.</param>
public sealed record ChipInfo(
    ChipFamily Family,
    uint MagicValue,
    int MajorRevision,
    string MacAddress,
    int CrystalMegahertz,
    uint FlashJedecId,
    uint FlashSize,
    IReadOnlyList<string> Features)
{
    /// <summary>Gets the SPI_ATTACH word from the eFuse SPI pads (0: default pins; non-zero for in-package flash).</summary>
    public uint SpiPads { get; init; }

    /// <summary>Gets the crystal frequency the ESP32 ROM believes it has, hertz (0 when not read); CHANGE_BAUDRATE is scaled by it.</summary>
    public double RomCrystalHertz { get; init; }

    /// <summary>Gets the chip's display name, for example <c>ESP32</c>.</summary>
    public string Name => ChipFacts.DisplayName(Family);
}
