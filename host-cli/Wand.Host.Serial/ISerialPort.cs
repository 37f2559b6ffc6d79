using System;

namespace Wand.Host.Serial;

/// <summary>
/// A byte pipe to a device's UART: a real serial port, a pseudo-terminal or a TCP bridge. The ROM-loader client sees
/// only this seam, never a file descriptor or a socket.
/// </summary>
public interface ISerialPort : IDisposable
{
    /// <summary>Gets the address the port was opened with, for example <c>/dev/ttyUSB0</c> or <c>tcp://127.0.0.1:4720</c>.</summary>
    string Name { get; }

    /// <summary>Gets the current line rate in bits per second (8N1, so one byte takes 10 bit times).</summary>
    int BaudRate { get; }

    /// <summary>Gets a value indicating whether <see cref="SetControlLines"/> can drive DTR and RTS on this port.</summary>
    bool SupportsControlLines { get; }

    /// <summary>Changes the line rate. Pending output is drained first.</summary>
    /// <param name="baudRate">The new rate in bits per second, within <see cref="BaudRateRange"/>; non-standard rates are allowed.</param>
    /// <exception cref="SerialPortException">The driver refused the rate.</exception>
    void SetBaudRate(int baudRate);

    /// <summary>Sets the modem control outputs in one operation. <c>true</c> asserts a line (0 V on an RS-232 level).</summary>
    /// <param name="dataTerminalReady">The DTR state, or <c>null</c> to leave it.</param>
    /// <param name="requestToSend">The RTS state, or <c>null</c> to leave it.</param>
    /// <exception cref="ControlLinesNotSupportedException">The port has no modem control lines (pseudo-terminal, TCP).</exception>
    void SetControlLines(bool? dataTerminalReady, bool? requestToSend);

    /// <summary>Writes every byte, blocking until the driver has taken them all.</summary>
    /// <param name="data">The bytes to send.</param>
    /// <exception cref="SerialPortException">The port failed or was unplugged.</exception>
    void Write(ReadOnlySpan<byte> data);

    /// <summary>Reads whatever bytes arrive, waiting at most <paramref name="timeout"/> for the first one.</summary>
    /// <param name="buffer">Where to put the bytes.</param>
    /// <param name="timeout">The longest wait for the first byte; <see cref="TimeSpan.Zero"/> polls.</param>
    /// <returns>The number of bytes read, 0 when nothing arrived in time.</returns>
    /// <exception cref="SerialPortException">The port failed or was unplugged.</exception>
    int Read(Span<byte> buffer, TimeSpan timeout);

    /// <summary>Drops every byte received but not yet read.</summary>
    void DiscardInput();
}
