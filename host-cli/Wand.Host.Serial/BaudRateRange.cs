using System.Globalization;

namespace Wand.Host.Serial;

/// <summary>
/// The line rates the host's serial ports accept, in bits per second (8N1): the one range that ports, the flasher and
/// the CLI check. The ceiling is the ESP32 UART's 5 Mbit/s (ESP32 Technical Reference Manual, chapter "UART
/// Controller"); the floor is the slowest rate a wand line, the jig or a ROM loader is run at.
/// </summary>
public static class BaudRateRange
{
    /// <summary>The slowest accepted rate, in bits per second.</summary>
    public const int Minimum = 9_600;

    /// <summary>The fastest accepted rate, in bits per second.</summary>
    public const int Maximum = 5_000_000;

    /// <summary>Gets the range for messages, for example <c>9600 to 5000000</c>.</summary>
    public static string Text { get; } = string.Create(CultureInfo.InvariantCulture, $"{Minimum} to {Maximum}");

    /// <summary>Tells whether a rate is in the range.</summary>
    /// <param name="baudRate">Bits per second.</param>
    /// <returns><c>true</c> when <see cref="Minimum"/> ≤ <paramref name="baudRate"/> ≤ <see cref="Maximum"/>.</returns>
    public static bool Contains(int baudRate) => baudRate is >= Minimum and <= Maximum;
}
