using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Links.Streams;

/// <summary>Opens the byte streams the framed link runs over: TCP and Unix sockets.</summary>
public static class StreamConnector
{
    /// <summary>Creates an opener for a TCP connection.</summary>
    /// <param name="host">Host name or IP address.</param>
    /// <param name="port">TCP port, 1 to 65535.</param>
    /// <returns>A function that opens a new connection each time it is called.</returns>
    public static Func<CancellationToken, Task<Stream>> Tcp(string host, int port)
    {
        return async cancellationToken =>
        {
            Socket socket = new(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }

    /// <summary>Creates an opener for a Unix domain socket.</summary>
    /// <param name="path">The socket's file system path.</param>
    /// <returns>A function that opens a new connection each time it is called.</returns>
    public static Func<CancellationToken, Task<Stream>> Unix(string path)
    {
        return async cancellationToken =>
        {
            Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };
    }
}
