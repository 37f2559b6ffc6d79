using System;

namespace Wand.Host.Serial;

/// <summary>Opens a port from the address forms the CLI accepts.</summary>
public static class SerialPortOpener
{
    /// <summary>Opens <paramref name="address"/>: a device path (<c>/dev/ttyUSB0</c>) or <c>tcp://HOST:PORT</c>.</summary>
    /// <param name="address">The port address.</param>
    /// <param name="baudRate">The initial rate in bits per second.</param>
    /// <returns>The open port.</returns>
    /// <exception cref="SerialPortException">The port cannot be opened.</exception>
    public static ISerialPort Open(string address, int baudRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(address);
        return address.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)
            ? TcpSerialPort.Connect(address, baudRate)
            : LinuxSerialPort.Open(address, baudRate);
    }
}
