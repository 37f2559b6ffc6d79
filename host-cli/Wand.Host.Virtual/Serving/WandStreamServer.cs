using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Links.Streams;

namespace Wand.Host.Serving;

/// <summary>
/// Serves a <see cref="VirtualWandHost"/> behind the framing (PROFILE.md §11) on loopback TCP (127.0.0.1 only) or a
/// Unix socket. GATT clients are served one at a time, in the order they connect; the next waits until the current
/// one disconnects. World-control connections (first line <see cref="WorldControlProtocol.Greeting"/>) are served at
/// any time, alongside the GATT client. Events are reported through <see cref="Log"/>; the server never prints.
/// </summary>
public sealed class WandStreamServer : IAsyncDisposable
{
    private readonly VirtualWandHost host;
    private readonly Socket listener;
    private readonly SemaphoreSlim slot = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly string? unixPath;
    private readonly WorldCommandInterpreter world;
    private Task? acceptLoop;
    private int clientCount;

    private WandStreamServer(VirtualWandHost host, Socket listener, string address, string? unixPath)
    {
        this.host = host;
        this.listener = listener;
        this.unixPath = unixPath;
        Address = address;
        world = new WorldCommandInterpreter(host);
    }

    /// <summary>Raised for each server event (client connected, served, disconnected and why), for a log.</summary>
    public event EventHandler<string>? Log;

    /// <summary>Gets the address clients use, e.g. <c>tcp://127.0.0.1:4711</c> or <c>unix:/tmp/wand.sock</c>.</summary>
    public string Address { get; }

    /// <summary>Gets the number of GATT clients served so far.</summary>
    public int ClientsServed => Volatile.Read(ref clientCount);

    /// <summary>Binds to a loopback TCP port.</summary>
    /// <param name="host">The wand to serve.</param>
    /// <param name="port">TCP port, 1 to 65535, or 0 for a free one.</param>
    /// <returns>The started server.</returns>
    /// <exception cref="WandHostException">The port cannot be bound.</exception>
    public static WandStreamServer StartTcp(VirtualWandHost host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Socket socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            socket.Listen(8);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new WandHostException($"Cannot listen on 127.0.0.1:{port}: {exception.Message}. Choose another --port, or 0 for a free one.", exception);
        }

        int bound = ((IPEndPoint)socket.LocalEndPoint!).Port;
        WandStreamServer server = new(host, socket, $"tcp://127.0.0.1:{bound}", null);
        server.Start();
        return server;
    }

    /// <summary>Binds to a Unix socket path. A stale socket file left by an earlier server is replaced; any other file is not touched.</summary>
    /// <param name="host">The wand to serve.</param>
    /// <param name="path">The socket path, at most 107 characters.</param>
    /// <returns>The started server.</returns>
    /// <exception cref="WandHostException">The path exists and is not a socket, or cannot be bound.</exception>
    public static WandStreamServer StartUnix(VirtualWandHost host, string path)
    {
        ArgumentNullException.ThrowIfNull(host);
        DeviceAddress.Parse("unix:" + path);
        if (File.Exists(path) || Directory.Exists(path))
        {
            if (!IsSocket(path))
            {
                throw new WandHostException($"'{path}' exists and is not a socket; choose another path (nothing was removed).");
            }

            if (IsListening(path))
            {
                throw new WandHostException($"Another server is listening on unix:{path}; stop it or choose another path.");
            }

            File.Delete(path);
        }

        Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(8);
        }
        catch (SocketException exception)
        {
            socket.Dispose();
            throw new WandHostException($"Cannot listen on unix:{path}: {exception.Message}.", exception);
        }

        WandStreamServer server = new(host, socket, "unix:" + path, path);
        server.Start();
        return server;
    }

    /// <summary>Waits until the server stops (after <see cref="DisposeAsync"/>).</summary>
    /// <returns>A task that completes when the accept loop ended.</returns>
    public Task Completion => acceptLoop ?? Task.CompletedTask;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        listener.Dispose();
        if (acceptLoop is not null)
        {
            await acceptLoop.ConfigureAwait(false);
        }

        if (unixPath is not null && IsSocket(unixPath))
        {
            File.Delete(unixPath);
        }

        stop.Dispose();
    }

    private static bool IsSocket(string path)
    {
        // .NET does not expose the file type; a socket cannot be opened as a file (ENXIO) but a regular file can.
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using FileStream opened = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsListening(string path)
    {
        using Socket probe = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Start()
    {
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        string peer = client.RemoteEndPoint?.ToString() is { Length: > 0 } endpoint ? endpoint : "a local client";
        await using NetworkStream stream = new(client, ownsSocket: true);
        try
        {
            byte[] first = new byte[1];
            int count = await stream.ReadAsync(first, stop.Token).ConfigureAwait(false);
            if (count == 0)
            {
                return;
            }

            if (first[0] == WorldControlProtocol.FirstByte)
            {
                await world.ServeAsync(stream, first[0], stop.Token).ConfigureAwait(false);
                return;
            }

            Report($"{peer} connected; waiting for the wand" + (slot.CurrentCount == 0 ? " (another client holds it)" : string.Empty));
            await slot.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                int number = Interlocked.Increment(ref clientCount);
                Report($"client {number} ({peer}) holds the wand");
                using GattSession session = new(host, stream);
                string reason = await session.RunAsync(first, stop.Token).ConfigureAwait(false);
                Report($"client {number} ({peer}) disconnected: {reason}; link down reported to the firmware");
            }
            finally
            {
                slot.Release();
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            Report($"{peer}: {exception.Message}");
        }
    }

    private void Report(string message) => Log?.Invoke(this, message);
}
