using System;

namespace Wand.Host.Serial.Terminals;

/// <summary>
/// The byte line to the jig accelerometer: a serial port or one end of a pseudo-terminal. The same shape as the
/// flashing tool's serial-port seam (write everything, read with a timeout, discard input), so any serial port fits.
/// </summary>
public interface IJigLine : IDisposable
{
    /// <summary>Gets the line's name, for example <c>/dev/ttyUSB1</c>.</summary>
    string Name { get; }

    /// <summary>Writes every byte.</summary>
    /// <param name="data">The bytes.</param>
    /// <exception cref="System.IO.IOException">The line failed.</exception>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Reads whatever bytes arrive, waiting at most <paramref name="timeout"/> for the first.</summary>
    /// <param name="buffer">Where to put them.</param>
    /// <param name="timeout">Longest wait; <see cref="TimeSpan.Zero"/> polls.</param>
    /// <returns>Bytes read; 0 when nothing arrived in time.</returns>
    /// <exception cref="System.IO.IOException">The line failed or was closed.</exception>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Drops bytes received but not yet read.</summary>
    void DiscardInput();
}
