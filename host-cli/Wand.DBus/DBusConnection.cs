using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.DBus;

/// <summary>
/// A connection to a message bus: authenticated, registered with <c>Hello</c>, with a background reader that routes
/// replies to their calls, signals to subscriptions and incoming calls to exported objects. Thread-safe.
/// </summary>
public sealed class DBusConnection : IAsyncDisposable
{
    /// <summary>The bus daemon's name.</summary>
    public const string BusName = "org.freedesktop.DBus";

    private static readonly ObjectPath BusPath = new("/org/freedesktop/DBus");

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly SemaphoreSlim writeLock = new(1, 1);
    private readonly ConcurrentDictionary<uint, TaskCompletionSource<DBusMessage>> pendingCalls = new();
    private readonly List<Subscription> subscriptions = [];
    private readonly ConcurrentDictionary<ObjectPath, Func<DBusMessage, Task<DBusMessage>>> exportedObjects = new();
    private readonly CancellationTokenSource closed = new();
    private Task readLoop = Task.CompletedTask;
    private int lastSerial;

    private DBusConnection(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: false);
    }

    /// <summary>Gets the unique name the bus gave this connection, for example <c>:1.42</c>.</summary>
    public string UniqueName { get; private set; } = string.Empty;

    /// <summary>Gets the server's GUID from authentication.</summary>
    public string ServerGuid { get; private set; } = string.Empty;

    /// <summary>Gets or sets the timeout of calls that do not give their own, default 25 s.</summary>
    public TimeSpan DefaultTimeout { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Gets a token that is cancelled when the connection closes, for whatever reason.</summary>
    public CancellationToken Closed => closed.Token;

    /// <summary>Gets why the connection closed, or <c>null</c> while it is open or after a deliberate close.</summary>
    public Exception? CloseReason { get; private set; }

    /// <summary>Connects to the system bus (<c>DBUS_SYSTEM_BUS_ADDRESS</c> or the default socket).</summary>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The open connection.</returns>
    public static Task<DBusConnection> ConnectSystemBusAsync(CancellationToken cancellationToken = default) =>
        ConnectAsync(DBusAddress.SystemBus(), cancellationToken);

    /// <summary>Connects, authenticates with EXTERNAL and registers with <c>Hello</c>.</summary>
    /// <param name="address">The bus address.</param>
    /// <param name="cancellationToken">Cancels connecting.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="DBusConnectionException">No end point accepted the connection, or authentication failed.</exception>
    public static async Task<DBusConnection> ConnectAsync(DBusAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        Exception? lastError = null;
        foreach (UnixDomainSocketEndPoint endPoint in address.EndPoints)
        {
            Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                lastError = exception;
                continue;
            }

            DBusConnection connection = new(socket);
            try
            {
                await connection.StartAsync(cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch
            {
                await connection.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        throw new DBusConnectionException($"Could not connect to the D-Bus at '{address}': {lastError?.Message}", lastError);
    }

    /// <summary>Calls a method and waits for its reply.</summary>
    /// <param name="call">The call; its serial is assigned here.</param>
    /// <param name="timeout">How long to wait; <c>null</c> for <see cref="DefaultTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels waiting (the call may still run at the peer).</param>
    /// <returns>The METHOD_RETURN message.</returns>
    /// <exception cref="DBusErrorException">The peer answered with an error.</exception>
    /// <exception cref="DBusTimeoutException">No reply in time.</exception>
    /// <exception cref="DBusConnectionException">The connection closed.</exception>
    public async Task<DBusMessage> CallAsync(DBusMessage call, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        call.Type = MessageType.MethodCall;
        call.Serial = NextSerial();
        TaskCompletionSource<DBusMessage> reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
        pendingCalls[call.Serial] = reply;
        TimeSpan limit = timeout ?? DefaultTimeout;
        using CancellationTokenSource timer = new(limit);
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(timer.Token, cancellationToken, closed.Token);
        try
        {
            await WriteAsync(call, cancellationToken).ConfigureAwait(false);
            DBusMessage answer = await reply.Task.WaitAsync(linked.Token).ConfigureAwait(false);
            if (answer.Type == MessageType.Error)
            {
                throw new DBusErrorException(answer.ErrorName ?? "org.freedesktop.DBus.Error.Failed", answer.FirstStringOrEmpty());
            }

            return answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && closed.IsCancellationRequested)
        {
            throw new DBusConnectionException($"The bus connection closed while waiting for {call.Interface}.{call.Member} on {call.Path}.", CloseReason);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timer.IsCancellationRequested)
        {
            throw new DBusTimeoutException($"{call.Interface}.{call.Member} on {call.Path} got no reply within {limit.TotalSeconds:0.###} s.");
        }
        finally
        {
            pendingCalls.TryRemove(call.Serial, out _);
        }
    }

    /// <summary>Calls a method and returns its reply values.</summary>
    /// <param name="destination">The bus name.</param>
    /// <param name="path">The object.</param>
    /// <param name="interfaceName">The interface.</param>
    /// <param name="member">The method.</param>
    /// <param name="signature">The arguments' signature.</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The reply's body values.</returns>
    public async Task<IReadOnlyList<object>> CallMethodAsync(string destination, ObjectPath path, string interfaceName, string member, string signature = "", params object[] arguments)
    {
        DBusMessage reply = await CallAsync(DBusMessage.MethodCall(destination, path, interfaceName, member, signature, arguments)).ConfigureAwait(false);
        return reply.Body;
    }

    /// <summary>Sends a message that expects no reply (a signal, a reply to an incoming call).</summary>
    /// <param name="message">The message; its serial is assigned here.</param>
    /// <param name="cancellationToken">Cancels sending.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    public Task SendAsync(DBusMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Serial = NextSerial();
        return WriteAsync(message, cancellationToken);
    }

    /// <summary>Adds a match rule at the bus and routes matching signals to a handler.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="handler">Called on the reader thread for each match; keep it short and non-blocking.</param>
    /// <param name="cancellationToken">Cancels the AddMatch call.</param>
    /// <returns>Disposing it removes the handler and the rule.</returns>
    public async Task<IDisposable> SubscribeAsync(MatchRule rule, Action<DBusMessage> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(handler);
        Subscription subscription = new(this, rule, handler);
        lock (subscriptions)
        {
            subscriptions.Add(subscription);
        }

        try
        {
            await CallAsync(DBusMessage.MethodCall(BusName, BusPath, BusName, "AddMatch", "s", rule.ToString()), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            subscription.Dispose();
            throw;
        }

        return subscription;
    }

    /// <summary>Exports an object: incoming method calls to <paramref name="path"/> go to <paramref name="handler"/>,
    /// which returns the reply (see <see cref="DBusReplies"/>). Calls to unexported paths get UnknownObject.</summary>
    /// <param name="path">The object path.</param>
    /// <param name="handler">Produces the reply or error for each call.</param>
    /// <returns>Disposing it removes the object.</returns>
    public IDisposable ExportObject(ObjectPath path, Func<DBusMessage, Task<DBusMessage>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!exportedObjects.TryAdd(path, handler))
        {
            throw new InvalidOperationException($"An object is already exported at {path}.");
        }

        return new Export(this, path);
    }

    /// <summary>Closes the connection; pending calls fail with <see cref="DBusConnectionException"/>.</summary>
    /// <returns>A task that completes when the reader has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        Close(null);
        try
        {
            await readLoop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The reader stops by cancellation when the socket is closed underneath it.
        }

        await stream.DisposeAsync().ConfigureAwait(false);
        socket.Dispose();

        // The token source and the write lock are not disposed: calls made after this fail with
        // DBusConnectionException rather than ObjectDisposedException, and Closed stays readable.
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        ServerGuid = await SaslExternal.AuthenticateAsync(stream, SaslExternal.EffectiveUserId(), cancellationToken).ConfigureAwait(false);
        readLoop = Task.Run(ReadLoopAsync, CancellationToken.None);
        DBusMessage reply = await CallAsync(DBusMessage.MethodCall(BusName, BusPath, BusName, "Hello"), TimeSpan.FromSeconds(10), cancellationToken).ConfigureAwait(false);
        UniqueName = reply.FirstStringOrEmpty();
    }

    private uint NextSerial()
    {
        uint serial = unchecked((uint)Interlocked.Increment(ref lastSerial));
        return serial == 0 ? NextSerial() : serial;
    }

    private async Task WriteAsync(DBusMessage message, CancellationToken cancellationToken)
    {
        if (closed.IsCancellationRequested)
        {
            throw new DBusConnectionException("The bus connection is closed.", CloseReason);
        }

        byte[] bytes = MessageCodec.Encode(message);
        await writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (closed.IsCancellationRequested)
            {
                throw new DBusConnectionException("The bus connection is closed.", CloseReason);
            }

            await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is System.IO.IOException or SocketException or ObjectDisposedException)
        {
            Close(exception);
            throw new DBusConnectionException("Writing to the bus failed: " + exception.Message, exception);
        }
        finally
        {
            writeLock.Release();
        }
    }

    private async Task ReadLoopAsync()
    {
        byte[] header = new byte[MessageCodec.FixedHeaderLength];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                await stream.ReadExactlyAsync(header, closed.Token).ConfigureAwait(false);
                byte[] bytes = new byte[MessageCodec.TotalLength(header)];
                header.CopyTo(bytes, 0);
                await stream.ReadExactlyAsync(bytes.AsMemory(header.Length), closed.Token).ConfigureAwait(false);
                Dispatch(MessageCodec.Decode(bytes));
            }
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            // Closed deliberately.
        }
        catch (Exception exception) when (exception is System.IO.IOException or SocketException or System.IO.EndOfStreamException or DBusProtocolException or ObjectDisposedException)
        {
            Close(exception);
        }
    }

    private void Dispatch(DBusMessage message)
    {
        switch (message.Type)
        {
            case MessageType.MethodReturn or MessageType.Error:
                if (message.ReplySerial is uint serial && pendingCalls.TryGetValue(serial, out TaskCompletionSource<DBusMessage>? waiter))
                {
                    waiter.TrySetResult(message);
                }

                break;
            case MessageType.Signal:
                Subscription[] current;
                lock (subscriptions)
                {
                    current = [.. subscriptions];
                }

                foreach (Subscription subscription in current)
                {
                    if (subscription.Rule.Matches(message))
                    {
                        subscription.Handler(message);
                    }
                }

                break;
            case MessageType.MethodCall:
                _ = Task.Run(() => AnswerCallAsync(message));
                break;
            default:
                break;
        }
    }

    private async Task AnswerCallAsync(DBusMessage call)
    {
        DBusMessage reply;
        if (call.Interface == "org.freedesktop.DBus.Peer" && call.Member == "Ping")
        {
            reply = DBusReplies.Return(call);
        }
        else if (call.Path is ObjectPath path && exportedObjects.TryGetValue(path, out Func<DBusMessage, Task<DBusMessage>>? handler))
        {
            try
            {
                reply = await handler(call).ConfigureAwait(false);
            }
            catch (DBusErrorException error)
            {
                reply = DBusReplies.Error(call, error.ErrorName, error.ErrorMessage);
            }
#pragma warning disable CA1031 // An exported object's failure must become an error reply, or the caller waits forever.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                reply = DBusReplies.Error(call, "org.freedesktop.DBus.Error.Failed", $"{call.Interface}.{call.Member} failed: {exception.Message}");
            }
        }
        else
        {
            reply = DBusReplies.Error(call, "org.freedesktop.DBus.Error.UnknownObject", $"No object is exported at {call.Path}.");
        }

        if ((call.Flags & MessageHeaderOptions.NoReplyExpected) == 0)
        {
            try
            {
                await SendAsync(reply).ConfigureAwait(false);
            }
            catch (DBusConnectionException)
            {
                // The connection closed; the caller will see that.
            }
        }
    }

    private void Close(Exception? reason)
    {
        if (closed.IsCancellationRequested)
        {
            return;
        }

        CloseReason = reason;
        try
        {
            closed.Cancel();
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already closed by the peer.
        }

        foreach (TaskCompletionSource<DBusMessage> waiter in pendingCalls.Values)
        {
            waiter.TrySetException(new DBusConnectionException("The bus connection closed.", reason));
        }
    }

    private sealed class Subscription(DBusConnection connection, MatchRule rule, Action<DBusMessage> handler) : IDisposable
    {
        private int disposed;

        public MatchRule Rule { get; } = rule;

        public Action<DBusMessage> Handler { get; } = handler;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            lock (connection.subscriptions)
            {
                connection.subscriptions.Remove(this);
            }

            if (!connection.closed.IsCancellationRequested)
            {
                DBusMessage remove = DBusMessage.MethodCall(BusName, BusPath, BusName, "RemoveMatch", "s", Rule.ToString());
                remove.Flags = MessageHeaderOptions.NoReplyExpected;
                _ = connection.SendAsync(remove).ContinueWith(task => _ = task.Exception, TaskScheduler.Default);
            }
        }
    }

    private sealed class Export(DBusConnection connection, ObjectPath path) : IDisposable
    {
        public void Dispose() => connection.exportedObjects.TryRemove(path, out _);
    }
}
