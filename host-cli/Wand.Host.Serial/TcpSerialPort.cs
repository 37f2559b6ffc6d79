using System;
using System.Net.Sockets;

namespace Wand.Host.Serial;

/// <summary>
/// A raw TCP byte stream standing in for a UART, as used by the simulated ROM loader (<c>wand sim rom --tcp</c>) and
/// by serial-to-network bridges. There are no modem lines, and the baud rate is only recorded (the far end sets its own).
/// </summary>
public sealed class TcpSerialPort : ISerialPort
{
    private readonly Socket socket;

    private TcpSerialPort(string name, Socket socket, int baudRate)
    {
        Name = name;
        this.socket = socket;
        BaudRate = baudRate;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int BaudRate { get; private set; }

    /// <inheritdoc/>
    public bool SupportsControlLines => false;

    /// <summary>Connects to <c>tcp://HOST:PORT</c>.</summary>
    /// <param name="address">The address, for example <c>tcp://127.0.0.1:4720</c>.</param>
    /// <param name="baudRate">The rate recorded for timing calculations, bits per second.</param>
    /// <returns>The connected port.</returns>
    /// <exception cref="SerialPortException">The address is malformed or nothing listens there.</exception>
    public static TcpSerialPort Connect(string address, int baudRate)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) || uri.Scheme != "tcp" || uri.Port <= 0)
        {
            throw new SerialPortException(SerialPortFailure.NotFound, $"'{address}' is not a TCP port address; use tcp://HOST:PORT, for example tcp://127.0.0.1:4720.");
        }

        Socket socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Connect(uri.Host, uri.Port);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new SerialPortException(SerialPortFailure.NotFound, $"Nothing answers at {address} ({exception.SocketErrorCode}). Start the simulated ROM loader with 'wand sim rom --tcp {uri.Port}' or check the bridge.", exception);
        }

        return new TcpSerialPort(address, socket, baudRate);
    }

    /// <inheritdoc/>
    public void SetBaudRate(int baudRate) => BaudRate = baudRate;

    /// <inheritdoc/>
    public void SetControlLines(bool? dataTerminalReady, bool? requestToSend) => throw new ControlLinesNotSupportedException(Name);

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        try
        {
            while (!data.IsEmpty)
            {
                int sent = socket.Send(data);
                data = data[sent..];
            }
        }
        catch (SocketException exception)
        {
            throw new SerialPortException(SerialPortFailure.Disconnected, $"The connection to {Name} dropped ({exception.SocketErrorCode}).", exception);
        }
    }

    /// <inheritdoc/>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        try
        {
            if (!socket.Poll(timeout <= TimeSpan.Zero ? TimeSpan.Zero : timeout, SelectMode.SelectRead))
            {
                return 0;
            }

            int count = socket.Receive(buffer);
            return count == 0
                ? throw new SerialPortException(SerialPortFailure.Disconnected, $"The far end of {Name} closed the connection.")
                : count;
        }
        catch (SocketException exception)
        {
            throw new SerialPortException(SerialPortFailure.Disconnected, $"The connection to {Name} dropped ({exception.SocketErrorCode}).", exception);
        }
    }

    /// <inheritdoc/>
    public void DiscardInput()
    {
        Span<byte> scratch = stackalloc byte[4096];
        while (socket.Available > 0)
        {
            _ = socket.Receive(scratch);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => socket.Dispose();
}
