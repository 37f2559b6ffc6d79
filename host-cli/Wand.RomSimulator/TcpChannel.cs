using System;
using System.Net.Sockets;

namespace Wand.RomSimulator;

/// <summary>One accepted TCP connection as the chip's UART.</summary>
internal sealed class TcpChannel(Socket socket) : ISimulatorChannel
{
    public int? HostBaudRate => null;

    public int Read(Span<byte> buffer, int timeoutMilliseconds)
    {
        try
        {
            if (!socket.Poll(TimeSpan.FromMilliseconds(timeoutMilliseconds), SelectMode.SelectRead))
            {
                return 0;
            }

            int count = socket.Receive(buffer);
            return count == 0 ? -1 : count;
        }
        catch (SocketException)
        {
            return -1;
        }
        catch (ObjectDisposedException)
        {
            return -1;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        try
        {
            while (!data.IsEmpty)
            {
                data = data[socket.Send(data)..];
            }
        }
        catch (SocketException)
        {
            // host gone
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => socket.Dispose();
}
