using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Tmds.DBus.Protocol;
using Protocol = Tmds.DBus.Protocol;

namespace Wand.DBus;

/// <summary>
/// A connection to a message bus, on Tmds.DBus.Protocol: method calls with timeouts and typed errors, signals
/// through match rules and exported objects, all with plain values (see <see cref="ValueMarshalling"/>). A rule that
/// names a well-known sender (for example <c>org.bluez</c>) delivers only signals sent by that name's current owner:
/// Tmds.DBus.Protocol resolves the owner and follows <c>NameOwnerChanged</c>, so another connection on the bus cannot
/// inject signals (the class of GLib CVE-2024-34397). Thread-safe.
/// </summary>
public sealed class DBusConnection : IAsyncDisposable
{
    /// <summary>The bus daemon's name.</summary>
    public const string BusName = "org.freedesktop.DBus";

    private readonly Protocol.DBusConnection connection;
    private readonly CancellationTokenSource closed = new();

    private DBusConnection(Protocol.DBusConnection connection)
    {
        this.connection = connection;
        _ = WatchDisconnectAsync();
    }

    /// <summary>Gets the unique name the bus gave this connection, for example <c>:1.42</c>.</summary>
    public string UniqueName => connection.UniqueName ?? string.Empty;

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

    /// <summary>Connects, authenticates and registers with the bus.</summary>
    /// <param name="address">The bus address.</param>
    /// <param name="cancellationToken">Cancels waiting for the connection.</param>
    /// <returns>The open connection.</returns>
    /// <exception cref="DBusConnectionException">The bus could not be reached or refused the connection.</exception>
    public static async Task<DBusConnection> ConnectAsync(DBusAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        Protocol.DBusConnection connection = new(new DBusConnectionOptions(address.Text) { AutoConnect = false });
        try
        {
            await connection.ConnectAsync().AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is DBusConnectFailedException or Protocol.DBusConnectionException or OperationCanceledException)
        {
            connection.Dispose();
            if (exception is OperationCanceledException)
            {
                throw;
            }

            throw new DBusConnectionException($"Could not connect to the D-Bus at '{address}': {exception.Message}", exception);
        }

        return new DBusConnection(connection);
    }

    /// <summary>Calls a method and waits for its reply.</summary>
    /// <param name="call">The call.</param>
    /// <param name="timeout">How long to wait; <c>null</c> for <see cref="DefaultTimeout"/>.</param>
    /// <param name="cancellationToken">Cancels waiting (the call may still run at the peer).</param>
    /// <returns>The reply, with its body values.</returns>
    /// <exception cref="DBusErrorException">The peer answered with an error.</exception>
    /// <exception cref="DBusTimeoutException">No reply in time.</exception>
    /// <exception cref="DBusConnectionException">The connection closed.</exception>
    public async Task<DBusMessage> CallAsync(DBusMessage call, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        ThrowIfClosed();
        MessageBuffer buffer = Build(call);
        TimeSpan limit = timeout ?? DefaultTimeout;
        try
        {
            return await connection.CallMethodAsync(buffer, static (message, _) => FromMessage(message), null)
                .WaitAsync(limit, cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException error)
        {
            throw new DBusErrorException(error.ErrorName, error.ErrorMessage ?? string.Empty);
        }
        catch (TimeoutException)
        {
            throw new DBusTimeoutException($"{call.Interface}.{call.Member} on {call.Path} got no reply within {limit.TotalSeconds:0.###} s.");
        }
        catch (Exception exception) when (exception is Protocol.DBusConnectionException or ObjectDisposedException)
        {
            throw new DBusConnectionException($"The bus connection closed while waiting for {call.Interface}.{call.Member} on {call.Path}.", exception);
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

    /// <summary>Sends a method call without waiting for (or wanting) a reply.</summary>
    /// <param name="call">The call; <see cref="MessageHeaderOptions.NoReplyExpected"/> is added.</param>
    /// <exception cref="DBusConnectionException">The connection is closed.</exception>
    public void Send(DBusMessage call)
    {
        ArgumentNullException.ThrowIfNull(call);
        ThrowIfClosed();
        call.Flags |= MessageHeaderOptions.NoReplyExpected;
        if (!connection.TrySendMessage(Build(call)))
        {
            throw new DBusConnectionException("The bus connection is closed.", CloseReason);
        }
    }

    /// <summary>Emits a signal from this connection.</summary>
    /// <param name="path">The emitting object.</param>
    /// <param name="interfaceName">The signal's interface.</param>
    /// <param name="member">The signal's name.</param>
    /// <param name="signature">The values' signature.</param>
    /// <param name="values">The values.</param>
    public void EmitSignal(ObjectPath path, string interfaceName, string member, string signature, params object[] values)
    {
        ThrowIfClosed();
        MessageWriter writer = connection.GetMessageWriter();
        try
        {
            writer.WriteSignalHeader(null, path.Value, interfaceName, member, signature.Length == 0 ? null : signature);
            ValueMarshalling.WriteBody(ref writer, signature, values);
            connection.TrySendMessage(writer.CreateMessage());
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Adds a match rule at the bus and routes matching signals to a handler.</summary>
    /// <param name="rule">The rule; a well-known <see cref="MatchRule.Sender"/> is matched against its current owner.</param>
    /// <param name="handler">Called on the reader for each match; keep it short and non-blocking.</param>
    /// <param name="cancellationToken">Cancels waiting for the AddMatch reply.</param>
    /// <returns>Disposing it removes the handler and the rule.</returns>
    public async Task<IDisposable> SubscribeAsync(MatchRule rule, Action<DBusMessage> handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfClosed();
        try
        {
            return await connection.AddMatchAsync(
                rule.ToProtocolRule(),
                static (message, _) => FromMessage(message),
                notification =>
                {
                    if (notification.HasValue)
                    {
                        handler(notification.Value);
                    }
                },
                emitOnCapturedContext: false).AsTask().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DBusErrorReplyException error)
        {
            throw new DBusErrorException(error.ErrorName, error.ErrorMessage ?? string.Empty);
        }
        catch (Exception exception) when (exception is Protocol.DBusConnectionException or ObjectDisposedException)
        {
            throw new DBusConnectionException("The bus connection closed while adding a match rule.", exception);
        }
    }

    /// <summary>Gets the unique name that currently owns a well-known name.</summary>
    /// <param name="name">For example <c>org.bluez</c>.</param>
    /// <param name="cancellationToken">Cancels waiting.</param>
    /// <returns>The owner, for example <c>:1.7</c>, or <c>null</c> when the name has none.</returns>
    public async Task<string?> GetNameOwnerAsync(string name, CancellationToken cancellationToken = default)
    {
        try
        {
            DBusMessage reply = await CallAsync(DBusMessage.MethodCall(BusName, new ObjectPath("/org/freedesktop/DBus"), BusName, "GetNameOwner", "s", name), cancellationToken: cancellationToken).ConfigureAwait(false);
            return reply.FirstStringOrEmpty();
        }
        catch (DBusErrorException error) when (error.ErrorName == "org.freedesktop.DBus.Error.NameHasNoOwner")
        {
            return null;
        }
    }

    /// <summary>Follows the owner of a well-known name (from <c>NameOwnerChanged</c>, through Tmds.DBus.Protocol).</summary>
    /// <param name="name">For example <c>org.bluez</c>.</param>
    /// <returns>The watcher; dispose it to stop following.</returns>
    public async Task<BusNameOwner> WatchNameOwnerAsync(string name)
    {
        ThrowIfClosed();
        return new BusNameOwner(await connection.WatchNameOwnerAsync(name).ConfigureAwait(false));
    }

    /// <summary>Exports an object: incoming method calls to <paramref name="path"/> go to <paramref name="handler"/>,
    /// which returns the reply (see <see cref="DBusReplies"/>); a handler that throws answers with an error.</summary>
    /// <param name="path">The object path.</param>
    /// <param name="handler">Produces the reply or error for each call.</param>
    /// <returns>Disposing it removes the object.</returns>
    public IDisposable ExportObject(ObjectPath path, Func<DBusMessage, Task<DBusMessage>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ExportedObject exported = new(this, path, handler);
        try
        {
            connection.AddMethodHandler(exported);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException($"An object is already exported at {path}.", exception);
        }

        return exported;
    }

    /// <summary>Closes the connection; pending calls fail with <see cref="DBusConnectionException"/>.</summary>
    /// <returns>A completed task.</returns>
    public ValueTask DisposeAsync()
    {
        Close(null);
        connection.Dispose();
        return ValueTask.CompletedTask;
    }

    private static DBusMessage FromMessage(Message message) => new()
    {
        Type = (MessageType)(byte)message.MessageType,
        Flags = (MessageHeaderOptions)(byte)message.MessageFlags,
        Serial = message.Serial,
        ReplySerial = message.ReplySerial == 0 ? null : message.ReplySerial,
        Path = message.PathAsString is string path ? new ObjectPath(path) : null,
        Interface = message.InterfaceAsString,
        Member = message.MemberAsString,
        ErrorName = message.ErrorNameAsString,
        Destination = message.DestinationAsString,
        Sender = message.SenderAsString,
        Signature = new Signature(message.SignatureAsString ?? string.Empty),
        Body = ValueMarshalling.ReadBody(message),
    };

    private MessageBuffer Build(DBusMessage call)
    {
        MessageWriter writer = connection.GetMessageWriter();
        try
        {
            string signature = call.Signature.Value;
            writer.WriteMethodCallHeader(call.Destination, call.Path?.Value, call.Interface, call.Member, signature.Length == 0 ? null : signature, (MessageFlags)(byte)call.Flags);
            ValueMarshalling.WriteBody(ref writer, signature, call.Body);
            return writer.CreateMessage();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private async Task WatchDisconnectAsync()
    {
        Exception? reason = await connection.DisconnectedAsync().ConfigureAwait(false);
        Close(reason);
    }

    private void Close(Exception? reason)
    {
        if (closed.IsCancellationRequested)
        {
            return;
        }

        CloseReason = reason;
        closed.Cancel();
    }

    private void ThrowIfClosed()
    {
        if (closed.IsCancellationRequested)
        {
            throw new DBusConnectionException("The bus connection is closed.", CloseReason);
        }
    }

    /// <summary>One exported object: Tmds.DBus.Protocol hands each call here; the answer is produced off the reader so
    /// a handler may itself call out on the bus.</summary>
    private sealed class ExportedObject(DBusConnection owner, ObjectPath path, Func<DBusMessage, Task<DBusMessage>> handler) : IPathMethodHandler, IDisposable
    {
        public string Path => path.Value;

        public bool HandlesChildPaths => false;

        public ValueTask HandleMethodAsync(MethodContext context)
        {
            DBusMessage call = FromMessage(context.Request);
            context.DisposesAsynchronously = true;
            _ = Task.Run(() => AnswerAsync(context, call));
            return ValueTask.CompletedTask;
        }

        public void Dispose()
        {
            if (!owner.closed.IsCancellationRequested)
            {
                owner.connection.RemoveMethodHandler(path.Value);
            }
        }

        private async Task AnswerAsync(MethodContext context, DBusMessage call)
        {
            using (context)
            {
                DBusMessage reply;
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

                if (context.NoReplyExpected)
                {
                    return;
                }

                if (reply.Type == MessageType.Error)
                {
                    context.ReplyError(reply.ErrorName ?? "org.freedesktop.DBus.Error.Failed", reply.FirstStringOrEmpty());
                    return;
                }

                string signature = reply.Signature.Value;
                MessageWriter writer = context.CreateReplyWriter(signature.Length == 0 ? null : signature);
                try
                {
                    ValueMarshalling.WriteBody(ref writer, signature, reply.Body);
                    context.Reply(writer.CreateMessage());
                }
                finally
                {
                    writer.Dispose();
                }
            }
        }
    }
}

/// <summary>The current owner of a well-known bus name, followed through <c>NameOwnerChanged</c>.</summary>
public sealed class BusNameOwner : IDisposable
{
    private readonly NameOwnerWatcher watcher;

    internal BusNameOwner(NameOwnerWatcher watcher) => this.watcher = watcher;

    /// <summary>Gets the owner's unique name, for example <c>:1.7</c>, or <c>null</c> when the name has none.</summary>
    public string? UniqueName => watcher.GetCurrentOwner() is string owner ? NameOwnerWatcher.GetOwnerBusName(owner) : null;

    /// <summary>Waits until the name has an owner, then gives a token cancelled when that owner goes (the service
    /// restarted, was replaced or left the bus).</summary>
    /// <param name="cancellationToken">Cancels waiting for an owner.</param>
    /// <returns>The token.</returns>
    public async Task<CancellationToken> OwnerChangedAsync(CancellationToken cancellationToken = default)
    {
        string owner = await watcher.WaitForOwnerAsync(cancellationToken).ConfigureAwait(false);
        return watcher.GetOwnerChangedCancellationToken(owner);
    }

    /// <inheritdoc/>
    public void Dispose() => watcher.Dispose();
}
