using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wand.Protocol.Framing;
using Wand.Protocol.Profile;

namespace Wand.Host.Links.Streams;

/// <summary>
/// An <see cref="IWandLink"/> over a byte stream (TCP, Unix socket, UART) speaking the profile's framing
/// (PROFILE.md §11): one request in flight at a time, answers matched by sequence number, notifications raised as they
/// arrive, a timeout per request, and link loss detected when the stream ends, fails, times out or carries no valid
/// frames. Event handlers run on the link's reader task and must not block. The link keeps its notification
/// subscriptions across a reconnect: a wand that rebooted (and so dropped the link and forgot them) gets them again
/// in <see cref="ConnectAsync"/> before the link reports itself connected.
/// </summary>
public sealed partial class FramedStreamLink : IWandLink
{
    private readonly Func<CancellationToken, Task<Stream>> open;
    private readonly FramedLinkOptions options;
    private readonly SemaphoreSlim requestGate = new(1, 1);
    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly object sync = new();
    private readonly SortedSet<int> subscriptions = [];
    private Stream? stream;
    private CancellationTokenSource? readerStop;
    private TaskCompletionSource<ReceivedFrame>? pending;
    private int pendingSequence = -1;
    private int nextSequence;
    private LinkState state = LinkState.Disconnected;
    private WandHostException? lossCause;

    /// <summary>Initializes a new instance of the <see cref="FramedStreamLink"/> class.</summary>
    /// <param name="address">The address, for messages, e.g. <c>tcp://127.0.0.1:4711</c>.</param>
    /// <param name="open">Opens the byte stream; called by <see cref="ConnectAsync"/>.</param>
    /// <param name="world">World control of the served virtual wand behind the stream, or <c>null</c>.</param>
    /// <param name="options">Timeouts; <c>null</c> for the defaults.</param>
    public FramedStreamLink(string address, Func<CancellationToken, Task<Stream>> open, IWorldControl? world = null, FramedLinkOptions? options = null)
    {
        Address = address ?? throw new ArgumentNullException(nameof(address));
        this.open = open ?? throw new ArgumentNullException(nameof(open));
        World = world;
        this.options = options ?? new FramedLinkOptions();
    }

    /// <inheritdoc />
    public event EventHandler<LinkStateChangedEventArgs>? StateChanged;

    /// <inheritdoc />
    public event EventHandler<CharacteristicNotificationEventArgs>? NotificationReceived;

    /// <inheritdoc />
    public string Address { get; }

    /// <inheritdoc />
    public LinkState State
    {
        get
        {
            lock (sync)
            {
                return state;
            }
        }
    }

    /// <inheritdoc />
    public IWorldControl? World { get; }

    /// <summary>
    /// Gets or sets a callback run on the reader task right after a link loss is recorded and before anything waiting is
    /// told; tests use it to issue a request exactly at that moment.
    /// </summary>
    internal Action? AfterLossRecorded { get; set; }

    /// <summary>Gets a value indicating whether the wand granted an encrypted link at Connect.</summary>
    public bool IsEncrypted { get; private set; }

    /// <inheritdoc />
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        lock (sync)
        {
            if (state is LinkState.Connected or LinkState.Connecting)
            {
                throw new InvalidOperationException($"The link to {Address} is already {state}.");
            }

            lossCause = null;
        }

        SetState(LinkState.Connecting, string.Empty);
        try
        {
            Stream opened = await OpenStreamAsync(cancellationToken).ConfigureAwait(false);
            StartReader(opened);
            LinkOptions requested = options.RequestEncryption ? LinkOptions.Encrypted : LinkOptions.None;
            ReceivedFrame answer = await ExchangeAsync(
                (sequence, buffer) => FrameEncoder.EncodeLinkControl(sequence, LinkCommand.Connect, requested, buffer, 0),
                "link-control Connect",
                options.ConnectTimeout,
                cancellationToken).ConfigureAwait(false);
            if (answer.Operation != FrameOperation.LinkControlResponse || answer.Body.Length < 3 || answer.Body[0] != (byte)LinkCommand.Connect)
            {
                throw new ProtocolViolationException($"{Address} answered link-control Connect with operation 0x{(byte)answer.Operation:X2} and {answer.Body.Length} body bytes; expected a link-control response.");
            }

            byte result = answer.Body[1];
            if (result == ServedWandBusy.BusyResult)
            {
                throw new DeviceBusyException(ServedWandBusy.Describe(Address, answer.Body));
            }

            if (result != 0 && result != (byte)AttError.InsufficientAuthentication)
            {
                throw new AttErrorException(result, Guid.Empty, $"{Address} refused the connection: {AttErrorText.Describe(result)}.");
            }

            IsEncrypted = ((LinkOptions)answer.Body[2] & LinkOptions.Encrypted) != 0;
            await RestoreSubscriptionsAsync(cancellationToken).ConfigureAwait(false);
            SetState(LinkState.Connected, string.Empty);
        }
        catch
        {
            await CloseStreamAsync().ConfigureAwait(false);
            SetState(LinkState.Disconnected, "connect failed");
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default)
    {
        int index = IndexOf(characteristic);
        ReceivedFrame answer = await ExchangeAsync(
            (sequence, buffer) => FrameEncoder.EncodeReadRequest(sequence, index, 0, buffer, 0),
            $"read of '{CharacteristicMap.NameOf(characteristic)}'",
            options.RequestTimeout,
            cancellationToken).ConfigureAwait(false);
        return Expect(answer, FrameOperation.ReadResponse, FrameOperation.ReadRequest, characteristic).Body;
    }

    /// <inheritdoc />
    public async Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default)
    {
        int index = IndexOf(characteristic);
        if (value.Length > FrameFormat.MaximumValueLength)
        {
            throw new ArgumentException($"A value is at most {FrameFormat.MaximumValueLength} bytes; this one has {value.Length}.", nameof(value));
        }

        byte[] bytes = value.ToArray();
        if (kind == WriteKind.WithoutResponse)
        {
            await SendCommandAsync(index, bytes, cancellationToken).ConfigureAwait(false);
            return;
        }

        ReceivedFrame answer = await ExchangeAsync(
            (sequence, buffer) => FrameEncoder.EncodeWrite(true, sequence, index, 0, bytes, 0, bytes.Length, buffer, 0),
            $"write to '{CharacteristicMap.NameOf(characteristic)}'",
            options.RequestTimeout,
            cancellationToken).ConfigureAwait(false);
        Expect(answer, FrameOperation.WriteResponse, FrameOperation.WriteRequest, characteristic);
    }

    /// <inheritdoc />
    public async Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default)
    {
        int index = IndexOf(characteristic);
        FrameOperation operation = enable ? FrameOperation.SubscribeRequest : FrameOperation.UnsubscribeRequest;
        ReceivedFrame answer = await ExchangeAsync(
            (sequence, buffer) => FrameEncoder.Encode(operation, sequence, index, null!, 0, 0, buffer, 0),
            $"{(enable ? "subscribe to" : "unsubscribe from")} '{CharacteristicMap.NameOf(characteristic)}'",
            options.RequestTimeout,
            cancellationToken).ConfigureAwait(false);
        Expect(answer, FrameOperation.SubscribeResponse, operation, characteristic);
        lock (sync)
        {
            if (enable)
            {
                subscriptions.Add(index);
            }
            else
            {
                subscriptions.Remove(index);
            }
        }
    }

    /// <summary>
    /// Subscribes again to what the link was subscribed to before it was lost or closed. A characteristic the wand now
    /// refuses (its access rules differ after the reboot, for example out of factory mode) is left unsubscribed and
    /// forgotten; the link stays usable.
    /// </summary>
    private async Task RestoreSubscriptionsAsync(CancellationToken cancellationToken)
    {
        int[] restore;
        lock (sync)
        {
            restore = [.. subscriptions];
        }

        foreach (int index in restore)
        {
            ReceivedFrame answer = await ExchangeAsync(
                (sequence, buffer) => FrameEncoder.Encode(FrameOperation.SubscribeRequest, sequence, index, null!, 0, 0, buffer, 0),
                $"renewed subscription to '{CharacteristicMap.NameOf(CharacteristicMap.UuidOf(index))}'",
                options.RequestTimeout,
                cancellationToken).ConfigureAwait(false);
            if (answer.Operation != FrameOperation.SubscribeResponse)
            {
                lock (sync)
                {
                    subscriptions.Remove(index);
                }
            }
        }
    }

    /// <inheritdoc />
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        if (State == LinkState.Connected)
        {
            try
            {
                await ExchangeAsync(
                    (sequence, buffer) => FrameEncoder.EncodeLinkControl(sequence, LinkCommand.Disconnect, LinkOptions.None, buffer, 0),
                    "link-control Disconnect",
                    options.RequestTimeout,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (WandHostException)
            {
                // The link is going away either way; closing the stream is a link down too.
            }
        }

        await CloseStreamAsync().ConfigureAwait(false);
        if (State != LinkState.Lost)
        {
            SetState(LinkState.Disconnected, string.Empty);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await DisconnectAsync().ConfigureAwait(false);
        if (World is IAsyncDisposable world)
        {
            await world.DisposeAsync().ConfigureAwait(false);
        }

        requestGate.Dispose();
        writeGate.Dispose();
    }

    private static int IndexOf(Guid characteristic)
    {
        if (!CharacteristicMap.TryIndexOf(characteristic, out int index))
        {
            throw new AttErrorException((byte)AttError.InvalidHandle, characteristic, $"Characteristic {characteristic} is not in the wand profile.");
        }

        return index;
    }

    private ReceivedFrame Expect(ReceivedFrame answer, FrameOperation expected, FrameOperation request, Guid characteristic)
    {
        if (answer.Operation == expected)
        {
            return answer;
        }

        if (answer.Operation == FrameOperation.ErrorResponse && answer.Body.Length >= 2)
        {
            byte code = answer.Body[1];
            throw new AttErrorException(code, characteristic, $"{Capitalized(Describe(request))} of '{CharacteristicMap.NameOf(characteristic)}' at {Address}: {AttErrorText.Describe(code)}");
        }

        throw new ProtocolViolationException($"{Address} answered a {Describe(request)} of '{CharacteristicMap.NameOf(characteristic)}' with operation 0x{(byte)answer.Operation:X2} ({answer.Body.Length} body bytes); expected {expected}.");
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Describe(FrameOperation operation) => operation switch
    {
        FrameOperation.ReadRequest => "read",
        FrameOperation.WriteRequest => "write",
        FrameOperation.SubscribeRequest => "subscription",
        FrameOperation.UnsubscribeRequest => "unsubscription",
        _ => operation.ToString(),
    };

    private async Task<Stream> OpenStreamAsync(CancellationToken cancellationToken)
    {
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        try
        {
            return await open(timeout.Token).ConfigureAwait(false);
        }
        catch (DeviceUnreachableException)
        {
            throw;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DeviceUnreachableException($"No connection to {Address} within {options.ConnectTimeout.TotalMilliseconds:0} ms.");
        }
        catch (SocketException exception)
        {
            throw new DeviceUnreachableException($"Cannot connect to {Address}: {exception.Message}.", exception);
        }
        catch (IOException exception)
        {
            throw new DeviceUnreachableException($"Cannot connect to {Address}: {exception.Message}.", exception);
        }
    }

    private void SetState(LinkState newState, string reason)
    {
        lock (sync)
        {
            if (state == newState)
            {
                return;
            }

            state = newState;
        }

        StateChanged?.Invoke(this, new LinkStateChangedEventArgs(newState, reason));
    }
}
