using System.Collections.Generic;

namespace Wand.RomSimulator;

/// <summary>
/// The ESP32 registers a flasher reads or writes through the ROM (esptool <c>targets/esp32.py</c> and <c>loader.py</c>,
/// https://github.com/espressif/esptool/blob/v5.2.0/esptool/targets/esp32.py): the chip-detect magic, eFuse words
/// (MAC, revision, features), APB_CTL_DATE, the UART clock divider, and the SPI controller's user-command mode, which
/// answers the JEDEC read-id command 0x9F with the flash id.
/// </summary>
internal sealed class SimulatedRegisters
{
    public const uint MagicRegister = 0x4000_1000;
    public const uint Esp32Magic = 0x00F0_1D83;
    public const uint EfuseBase = 0x3FF5_A000;
    public const uint ApbControlDate = 0x3FF6_607C;
    public const uint UartClockDivider = 0x3FF4_0014;
    public const uint SpiBase = 0x3FF4_2000;
    public const uint SpiUser2 = SpiBase + 0x24;
    public const uint SpiData0 = SpiBase + 0x80;
    private const uint UserCommandBit = 1u << 18;
    private const uint CrystalHertz = 40_000_000;

    private readonly Dictionary<uint, uint> values = [];
    private readonly uint jedecId;

    public SimulatedRegisters(byte[] macAddress, uint jedecId)
    {
        this.jedecId = jedecId;
        values[MagicRegister] = Esp32Magic;

        // eFuse word 1 holds MAC bytes 2..5, word 2 holds bytes 0..1 in its low half and a CRC byte above (esptool esp32.py).
        values[EfuseBase + 4] = (uint)((macAddress[2] << 24) | (macAddress[3] << 16) | (macAddress[4] << 8) | macAddress[5]);
        values[EfuseBase + 8] = (uint)((0x3E << 16) | (macAddress[0] << 8) | macAddress[1]);

        // Revision v3: word 3 bit 15, word 5 bit 20, APB_CTL_DATE bit 31 all set. Dual core with Bluetooth.
        values[EfuseBase + 12] = 1u << 15;
        values[EfuseBase + 20] = 1u << 20;
        values[ApbControlDate] = 1u << 31;
        SetBaudRate(115_200);
    }

    /// <summary>Sets the UART divider the ROM would compute for a rate from its 40 MHz crystal.</summary>
    /// <param name="baudRate">Bits per second.</param>
    public void SetBaudRate(int baudRate) => values[UartClockDivider] = (uint)(CrystalHertz / (uint)baudRate);

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
        values[SpiData0] = command == 0x9F ? jedecId & 0xFF_FFFF : 0;
    }
}
