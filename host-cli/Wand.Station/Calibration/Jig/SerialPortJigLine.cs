using System;
using Wand.Host.Serial;
using Wand.Host.Serial.Terminals;

namespace Wand.Host.Calibration.Jig;

/// <summary>The jig line over the host's serial-port seam (<see cref="ISerialPort"/>: a Linux serial port or a TCP bridge).</summary>
public sealed class SerialPortJigLine : IJigLine
{
    private readonly ISerialPort port;

    /// <summary>Initializes a new instance of the <see cref="SerialPortJigLine"/> class.</summary>
    /// <param name="port">An open port; the line closes it on dispose.</param>
    public SerialPortJigLine(ISerialPort port)
    {
        this.port = port ?? throw new ArgumentNullException(nameof(port));
    }

    /// <summary>Opens the jig's port at the jig's line rate (115200 8N1).</summary>
    /// <param name="address">A device path (<c>/dev/ttyUSB1</c>) or <c>tcp://HOST:PORT</c>.</param>
    /// <returns>The line.</returns>
    /// <exception cref="SerialPortException">The port cannot be opened.</exception>
    public static SerialPortJigLine Open(string address) => new(SerialPortOpener.Open(address, JigProtocol.BaudRate));

    /// <inheritdoc/>
    public string Name => port.Name;

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        byte[] bytes = data.ToArray();
        Wrap(() => port.Write(bytes));
    }

    /// <inheritdoc/>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        byte[] scratch = new byte[buffer.Length];
        int count = 0;
        Wrap(() => count = port.Read(scratch, timeout));
        scratch.AsSpan(0, count).CopyTo(buffer);
        return count;
    }

    /// <inheritdoc/>
    public void DiscardInput() => Wrap(port.DiscardInput);

    /// <inheritdoc/>
    public void Dispose() => port.Dispose();

    private static void Wrap(Action action)
    {
        try
        {
            action();
        }
        catch (SerialPortException error)
        {
            throw new System.IO.IOException(error.Message, error);
        }
    }
}
