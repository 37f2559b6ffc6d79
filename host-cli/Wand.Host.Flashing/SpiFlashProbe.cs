using System;

namespace Wand.Host.Flashing;

/// <summary>
/// Reads the SPI flash JEDEC id through the SPI controller's "user command" mode with plain register access, which the
/// ROM supports (esptool <c>loader.py</c> <c>run_spiflash_command</c>,
/// https://github.com/espressif/esptool/blob/v5.2.0/esptool/loader.py).
/// </summary>
public static class SpiFlashProbe
{
    /// <summary>The JEDEC "read identification" flash command.</summary>
    public const byte ReadIdentification = 0x9F;

    /// <summary>Flash size assumed when the id cannot be read (esptool falls back to 4 MB).</summary>
    public const uint FallbackSize = 4 * 1024 * 1024;

    private const uint UserCommandBit = 1u << 18;
    private const uint UserCommandEnable = 1u << 31;
    private const uint UserMisoEnable = 1u << 28;

    /// <summary>Register layout of one chip's SPI0/1 controller.</summary>
    /// <param name="Base">SPI_REG_BASE.</param>
    /// <param name="User">USR offset.</param>
    /// <param name="User2">USR2 offset.</param>
    /// <param name="MisoLength">MISO_DLEN offset.</param>
    /// <param name="Data0">W0 offset.</param>
    private sealed record SpiRegisters(uint Base, uint User, uint User2, uint MisoLength, uint Data0);

    /// <summary>Reads the 24-bit JEDEC id.</summary>
    /// <param name="connection">The ROM connection.</param>
    /// <param name="family">The chip family, which decides the register layout.</param>
    /// <returns>The id (manufacturer in bits 0–7, type 8–15, capacity 16–23), or 0 when the chip is not supported.</returns>
    public static uint ReadJedecId(RomConnection connection, ChipFamily family)
    {
        ArgumentNullException.ThrowIfNull(connection);
        SpiRegisters? registers = family switch
        {
            ChipFamily.Esp32 => new SpiRegisters(0x3FF4_2000, 0x1C, 0x24, 0x2C, 0x80),
            ChipFamily.Esp32S2 => new SpiRegisters(0x3F40_2000, 0x18, 0x20, 0x28, 0x58),
            ChipFamily.Esp32S3 or ChipFamily.Esp32C3 => new SpiRegisters(0x6000_2000, 0x18, 0x20, 0x28, 0x58),
            ChipFamily.Esp32C6 => new SpiRegisters(0x6000_3000, 0x18, 0x20, 0x28, 0x58),
            _ => null,
        };
        if (registers is null)
        {
            return 0;
        }

        uint user = registers.Base + registers.User;
        uint user2 = registers.Base + registers.User2;
        uint savedUser = connection.ReadRegister(user);
        uint savedUser2 = connection.ReadRegister(user2);
        try
        {
            connection.WriteRegister(registers.Base + registers.MisoLength, 24 - 1);
            connection.WriteRegister(user, UserCommandEnable | UserMisoEnable);
            connection.WriteRegister(user2, (7u << 28) | ReadIdentification);
            connection.WriteRegister(registers.Base + registers.Data0, 0);
            connection.WriteRegister(registers.Base, UserCommandBit);
            bool done = false;
            for (int poll = 0; poll < 10 && !done; poll++)
            {
                done = (connection.ReadRegister(registers.Base) & UserCommandBit) == 0;
            }

            return done ? connection.ReadRegister(registers.Base + registers.Data0) & 0xFF_FFFF : 0;
        }
        finally
        {
            connection.WriteRegister(user, savedUser);
            connection.WriteRegister(user2, savedUser2);
        }
    }

    /// <summary>Maps a JEDEC id to a flash size (esptool <c>DETECTED_FLASH_SIZES</c>).</summary>
    /// <param name="jedecId">The id.</param>
    /// <returns>The size in bytes, or 0 when the capacity code is unknown.</returns>
    public static uint SizeFromJedecId(uint jedecId)
    {
        uint manufacturer = jedecId & 0xFF;
        uint code = manufacturer == 0x1F ? (jedecId >> 8) & 0x1F : (jedecId >> 16) & 0xFF;
        return code switch
        {
            >= 0x12 and <= 0x1C => 256u * 1024 << (int)(code - 0x12),
            0x20 => 64u * 1024 * 1024,
            0x21 => 128u * 1024 * 1024,
            0x22 => 256u * 1024 * 1024,
            >= 0x32 and <= 0x3A => 256u * 1024 << (int)(code - 0x32),
            _ => 0,
        };
    }
}
