namespace Wand.Host.Flashing;

/// <summary>
/// Error codes of the ESP32 ROM loader, the byte after status <c>01</c> (esptool serial-protocol documentation, "ROM
/// Loader Errors"; esptool util.py), with what each means for the person flashing.
/// </summary>
public static class RomErrors
{
    /// <summary>Describes a ROM error code and says what to do.</summary>
    /// <param name="code">The error byte, 0x00 to 0xFF.</param>
    /// <returns>A sentence naming the error and the next step.</returns>
    public static string Describe(byte code) => code switch
    {
        0x01 => "the ROM rejected a parameter (0x01, input parameter invalid); the image or address is outside what this chip accepts",
        0x02 => "the ROM ran out of memory (0x02, malloc failed); power-cycle the board and retry",
        0x03 => "the ROM could not send (0x03, send failed); check the cable",
        0x04 => "the ROM could not receive (0x04, receive failed); check the cable or lower --baud",
        0x05 => "the ROM could not parse the message (0x05, invalid format); bytes were lost on the line, lower --baud or use a shorter cable",
        0x06 => "the ROM accepted the message but the result was wrong (0x06); power-cycle the board and retry",
        0x07 => "the ROM saw a checksum error (0x07); the line corrupted data, lower --baud or use a shorter cable",
        0x08 => "the flash write failed verification inside the ROM (0x08, flash write error); the flash chip may be worn or write-protected",
        0x09 => "the flash could not be read (0x09, flash read error); check the module's flash chip and power supply",
        0x0A => "the flash read length was wrong (0x0A); the region is outside the flash",
        0x0B => "the compressed data could not be inflated (0x0B, deflate failed); data was corrupted on the line, lower --baud",
        0x0C => "the compressed data failed its Adler-32 check (0x0C); data was corrupted on the line, lower --baud",
        0x0D => "the compression parameters were rejected (0x0D)",
        0x0E => "the RAM image size is invalid (0x0E)",
        0x0F => "the RAM image address is invalid (0x0F)",
        0x64 => "the ROM rejected a parameter (0x64, invalid parameter)",
        0x65 => "the ROM rejected the format (0x65, invalid format)",
        0x66 => "a description was too long (0x66)",
        0x67 => "an encoding description was bad (0x67)",
        0x69 => "there is not enough storage (0x69)",
        >= 0x60 and <= 0x6F => $"the SPI flash reported an error (0x{code:X2}); check the flash chip and its power supply",
        _ => $"the ROM reported error 0x{code:X2}",
    };

    /// <summary>Gets whether the ROM discarded the request without acting on it, so resending it is safe.</summary>
    /// <param name="code">The error byte.</param>
    /// <returns><c>true</c> for checksum (0x07) and format (0x05) errors.</returns>
    public static bool RequestWasDiscarded(byte code) => code is 0x05 or 0x07;
}
