using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Links.Streams;
using Wand.Protocol.Framing;
using Wand.Protocol.Profile;

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
    private readonly WandStreamServerOptions options;
    private readonly object holderSync = new();
    private Task? acceptLoop;
    private int clientCount;
    private int openConnections;
    private int queued;
    private GattSession? holder;
    private long heldSince;

    private WandStreamServer(VirtualWandHost host, Socket listener, string address, string? unixPath, WandStreamServerOptions options, int maximumConnections)
    {
        this.host = host;
        this.listener = listener;
        this.unixPath = unixPath;
        this.options = options;
        MaximumConnections = maximumConnections;
        Address = address;
        world = new WorldCommandInterpreter(host);
    }

    /// <summary>Raised for each server event (client connected, served, disconnected and why), for a log.</summary>
    public event EventHandler<string>? Log;

    /// <summary>Gets the address clients use, e.g. <c>tcp://127.0.0.1:4711</c> or <c>unix:/tmp/wand.sock</c>.</summary>
    public string Address { get; }

    /// <summary>
    /// Gets the connection cap in force: the configured one, lowered when the process's open-file limit leaves less
    /// room (<see cref="FileDescriptorBudget"/>).
    /// </summary>
    public int MaximumConnections { get; }

    /// <summary>Gets the number of GATT clients served so far.</summary>
    public int ClientsServed => Volatile.Read(ref clientCount);

    /// <summary>Binds to a loopback TCP port.</summary>
    /// <param name="host">The wand to serve.</param>
    /// <param name="port">TCP port, 1 to 65535, or 0 for a free one.</param>
    /// <param name="options">Limits and timeouts; <c>null</c> for the defaults.</param>
    /// <returns>The started server.</returns>
    /// <exception cref="WandHostException">The port cannot be bound, or the open-file limit leaves no room to serve.</exception>
    public static WandStreamServer StartTcp(VirtualWandHost host, int port, WandStreamServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        options ??= new WandStreamServerOptions();
        options.Validate();
        int cap = FileDescriptorBudget.ConnectionCap(options.MaximumConnections);
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
        WandStreamServer server = new(host, socket, $"tcp://127.0.0.1:{bound}", null, options, cap);
        server.Start();
        return server;
    }

    /// <summary>Binds to a Unix socket path. A stale socket file left by an earlier server is replaced; any other file is not touched.</summary>
    /// <param name="host">The wand to serve.</param>
    /// <param name="path">The socket path, at most 107 characters.</param>
    /// <param name="options">Limits and timeouts; <c>null</c> for the defaults.</param>
    /// <returns>The started server.</returns>
    /// <exception cref="WandHostException">The path exists and is not a socket, cannot be bound, or the open-file limit leaves no room to serve.</exception>
    public static WandStreamServer StartUnix(VirtualWandHost host, string path, WandStreamServerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        options ??= new WandStreamServerOptions();
        options.Validate();
        int cap = FileDescriptorBudget.ConnectionCap(options.MaximumConnections);
        try
        {
            DeviceAddress.Parse("unix:" + path);
        }
        catch (InvalidDeviceAddressException exception)
        {
            throw new WandHostException($"--unix '{path}' is not a usable socket path: {exception.Message}", exception);
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            if (!IsSocket(path))
            {
                throw new WandHostException($"--unix '{path}' exists and is not a socket; choose another path (nothing was removed).");
            }

            if (IsListening(path))
            {
                throw new WandHostException($"--unix: another server is listening on unix:{path}; stop it or choose another path.");
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
            throw new WandHostException($"--unix: cannot listen on unix:{path}: {exception.Message}.", exception);
        }

        WandStreamServer server = new(host, socket, "unix:" + path, path, options, cap);
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
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException exception)
            {
                // Out of file descriptors (EMFILE), a connection reset before it was accepted, …: keep serving.
                Report($"accepting a connection failed ({exception.SocketErrorCode}: {exception.Message}); retrying");
                try
                {
                    await Task.Delay(options.AcceptRetryDelay, options.Time, stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            if (Interlocked.Increment(ref openConnections) > MaximumConnections)
            {
                Interlocked.Decrement(ref openConnections);
                Report($"refused a connection: {MaximumConnections} connections are open already");
                client.Dispose();
                continue;
            }

            _ = Task.Run(async () =>
            {
                try
                {
                    await ServeAsync(client).ConfigureAwait(false);
                }
                finally
                {
                    Report($"a connection closed ({Interlocked.Decrement(ref openConnections)} open)");
                }
            });
        }
    }

    private async Task ServeAsync(Socket client)
    {
        string peer = client.RemoteEndPoint?.ToString() is { Length: > 0 } endpoint ? endpoint : "a local client";
        await using NetworkStream stream = new(client, ownsSocket: true);
        try
        {
            byte[] first = new byte[1];
            int count;
            using (CancellationTokenSource firstByte = new(options.FirstByteTimeout, options.Time))
            using (CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, firstByte.Token))
            {
                try
                {
                    count = await stream.ReadAsync(first, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (firstByte.IsCancellationRequested && !stop.IsCancellationRequested)
                {
                    Report($"{peer} sent nothing within {options.FirstByteTimeout.TotalSeconds:0.#} s; closed");
                    return;
                }
            }

            if (count == 0)
            {
                return;
            }

            if (first[0] == WorldControlProtocol.FirstByte)
            {
                await world.ServeAsync(stream, first[0], stop.Token).ConfigureAwait(false);
                return;
            }

            byte[]? carried = await WaitForTheWandAsync(stream, first, peer).ConfigureAwait(false);
            if (carried is null)
            {
                return;
            }

            try
            {
                int number = Interlocked.Increment(ref clientCount);
                Report($"client {number} ({peer}) holds the wand");
                using GattSession session = new(host, stream, options.Time);
                lock (holderSync)
                {
                    holder = session;
                    heldSince = options.Time.GetTimestamp();
                }

                using CancellationTokenSource watchStop = new();
                Task watch = WatchIdleHolderAsync(session, watchStop.Token);
                string reason = await session.RunAsync(carried, stop.Token).ConfigureAwait(false);
                await watchStop.CancelAsync().ConfigureAwait(false);
                await watch.ConfigureAwait(false);
                lock (holderSync)
                {
                    holder = null;
                }

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

    /// <summary>
    /// Gets the wand for a GATT client, or queues it. While queued, every frame it sends is answered busy and goes
    /// nowhere near the wand (a Connect with the queue place and how long the holder has held the wand); a client that
    /// leaves the queue is forgotten with everything it sent. A queued Connect waits up to
    /// <see cref="WandStreamServerOptions.QueueAnswerDelay"/> for the wand (a holder that is just leaving, such as a
    /// finished or killed client) before it is answered busy.
    /// </summary>
    /// <returns>The bytes to hand to the session when the wand is granted (an unanswered Connect and any partial frame), or <c>null</c> when the client left.</returns>
    private async Task<byte[]?> WaitForTheWandAsync(NetworkStream stream, byte[] first, string peer)
    {
        if (slot.Wait(0))
        {
            return first;
        }

        Interlocked.Increment(ref queued);
        Report($"{peer} connected; queued: another client holds the wand");
        using CancellationTokenSource leave = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        Task acquire = slot.WaitAsync(leave.Token);
        FrameDecoder decoder = new();
        byte[] buffer = new byte[4096];
        byte[] answer = new byte[FrameFormat.MaximumFrameLength];
        List<byte> partial = [];
        byte[]? pendingConnect = null;
        Task? grace = null;
        Task<int>? read = null;
        bool granted = false;
        ReadOnlyMemory<byte> incoming = first;
        try
        {
            while (true)
            {
                if (incoming.Length > 0)
                {
                    int offset = 0;
                    byte[] chunk = incoming.ToArray();
                    incoming = ReadOnlyMemory<byte>.Empty;
                    while (offset < chunk.Length)
                    {
                        int used = decoder.Feed(chunk, offset, chunk.Length - offset);
                        partial.AddRange(chunk.AsSpan(offset, used).ToArray());
                        offset += used;
                        if (!decoder.IsFrameReady)
                        {
                            continue;
                        }

                        partial.Clear();
                        if (decoder.Operation == FrameOperation.LinkControlRequest && decoder.BodyLength >= 2 && decoder.Buffer[FrameFormat.BodyOffset] == (byte)LinkCommand.Connect)
                        {
                            byte[] connect = new byte[FrameFormat.MaximumFrameLength];
                            int length = FrameEncoder.EncodeLinkControl(decoder.Sequence, LinkCommand.Connect, (LinkOptions)decoder.Buffer[FrameFormat.BodyOffset + 1], connect, 0);
                            pendingConnect = connect.AsSpan(0, length).ToArray();
                            grace ??= Task.Delay(options.QueueAnswerDelay, options.Time, leave.Token);
                        }
                        else if (decoder.Operation != FrameOperation.WriteCommand)
                        {
                            int length = FrameEncoder.EncodeError(decoder.Sequence, decoder.Characteristic, decoder.Operation, (AttError)ServedWandBusy.BusyResult, answer, 0);
                            await stream.WriteAsync(answer.AsMemory(0, length), stop.Token).ConfigureAwait(false);
                        }
                    }

                    if (partial.Count > GattSession.GarbageLimitBytes)
                    {
                        Report($"{peer} sent {partial.Count} bytes without a valid frame while queued; dropped");
                        return null;
                    }
                }

                read ??= stream.ReadAsync(buffer, leave.Token).AsTask();
                Task done = await Task.WhenAny(acquire, read, grace ?? Task.Delay(Timeout.Infinite, leave.Token)).ConfigureAwait(false);
                if (done == acquire)
                {
                    await acquire.ConfigureAwait(false);
                    await leave.CancelAsync().ConfigureAwait(false);
                    List<byte> carried = [.. pendingConnect ?? [], .. partial];
                    try
                    {
                        int late = await read.ConfigureAwait(false);
                        if (late == 0)
                        {
                            Report($"{peer} left the queue; nothing it sent reached the wand");
                            return null;
                        }

                        carried.AddRange(buffer.AsSpan(0, late).ToArray());
                    }
                    catch (OperationCanceledException)
                    {
                    }

                    granted = true;
                    return [.. carried];
                }

                if (done == read)
                {
                    int count = await read.ConfigureAwait(false);
                    read = null;
                    if (count == 0)
                    {
                        Report($"{peer} left the queue; nothing it sent reached the wand");
                        return null;
                    }

                    incoming = buffer.AsMemory(0, count).ToArray();
                    continue;
                }

                grace = null;
                if (pendingConnect is not null)
                {
                    await AnswerBusyConnectAsync(stream, pendingConnect[5], answer).ConfigureAwait(false);
                    pendingConnect = null;
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref queued);
            await leave.CancelAsync().ConfigureAwait(false);
            try
            {
                await acquire.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            // A client that left (or broke the framing) just as the wand was granted gives it back.
            if (!granted && acquire.IsCompletedSuccessfully)
            {
                slot.Release();
            }

            if (read is not null && !read.IsCompleted)
            {
                try
                {
                    await read.ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
                {
                }
            }
        }
    }

    private async Task AnswerBusyConnectAsync(NetworkStream stream, int sequence, byte[] answer)
    {
        TimeSpan heldFor;
        lock (holderSync)
        {
            heldFor = holder is null ? TimeSpan.Zero : options.Time.GetElapsedTime(heldSince);
        }

        byte[] body = new byte[ServedWandBusy.BusyBodyLength];
        body[0] = (byte)LinkCommand.Connect;
        body[1] = ServedWandBusy.BusyResult;
        ServedWandBusy.WriteDetails(body, Math.Max(1, Volatile.Read(ref queued)), heldFor);
        int length = FrameEncoder.Encode(FrameOperation.LinkControlResponse, sequence, FrameFormat.NoCharacteristic, body, 0, body.Length, answer, 0);
        await stream.WriteAsync(answer.AsMemory(0, length), stop.Token).ConfigureAwait(false);
    }

    /// <summary>Drops the holder when it has sent no complete frame for the idle timeout while another client is queued.</summary>
    private async Task WatchIdleHolderAsync(GattSession session, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                TimeSpan left = options.HolderIdleTimeout - session.SinceLastFrame;
                if (left <= TimeSpan.Zero)
                {
                    if (Volatile.Read(ref queued) > 0)
                    {
                        session.Abort($"it sent nothing for {options.HolderIdleTimeout.TotalSeconds:0} s while {Volatile.Read(ref queued)} client(s) waited");
                        return;
                    }

                    left = options.HolderIdleTimeout;
                }

                await Task.Delay(left, options.Time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Report(string message) => Log?.Invoke(this, message);
}
