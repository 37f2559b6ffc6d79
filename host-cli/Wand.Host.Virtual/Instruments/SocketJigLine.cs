using System;
using System.IO;
using System.Net.Sockets;
using System.Threading.Tasks;
using Wand.Host.Serial.Terminals;

namespace Wand.Host.Instruments.Simulated;

/// <summary>The jig's end of a TCP serial bridge: one accepted connection as an <see cref="IJigLine"/>.</summary>
internal sealed class SocketJigLine : IJigLine
{
    private readonly Socket socket;
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Initializes a new instance of the <see cref="SocketJigLine"/> class.</summary>
    /// <param name="socket">The accepted connection; the line closes it.</param>
    public SocketJigLine(Socket socket)
    {
        this.socket = socket;
        Name = socket.RemoteEndPoint?.ToString() ?? "tcp";
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Gets a task that completes when the host closed its end or the connection failed.</summary>
    public Task Closed => closed.Task;

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        try
        {
            while (!data.IsEmpty)
            {
                data = data[socket.Send(data)..];
            }
        }
        catch (SocketException error)
        {
            throw new IOException(error.Message, error);
        }
    }

    /// <inheritdoc/>
    public int Read(Span<byte> buffer, TimeSpan timeout)
    {
        try
        {
            if (!socket.Poll(timeout, SelectMode.SelectRead))
            {
                return 0;
            }

            int count = socket.Receive(buffer);
            if (count > 0)
            {
                return count;
            }

            closed.TrySetResult();
            throw new IOException("the host closed the connection");
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            closed.TrySetResult();
            throw new IOException(error.Message, error);
        }
    }

    /// <inheritdoc/>
    public void DiscardInput()
    {
        Span<byte> scratch = stackalloc byte[256];
        while (socket.Available > 0 && socket.Receive(scratch) > 0)
        {
        }
    }

    /// <inheritdoc/>
    public void Dispose() => socket.Dispose();
}
