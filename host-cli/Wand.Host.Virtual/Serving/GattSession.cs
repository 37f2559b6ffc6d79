using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Wand.Protocol.Framing;

namespace Wand.Host.Serving;

/// <summary>
/// One client's framed GATT link to the served wand: reads requests, answers them in order, forwards notifications,
/// and takes the link down when the stream ends for any reason (SR-11). A client that sends more than
/// <see cref="GarbageLimitBytes"/> without a valid frame, or stops reading its notifications, is disconnected.
/// </summary>
internal sealed class GattSession : INotificationTarget, IDisposable
{
    /// <summary>Bytes without one valid frame after which the client is dropped.</summary>
    public const int GarbageLimitBytes = 64 * 1024;

    private const int OutgoingCapacity = 512;

    private readonly VirtualWandHost host;
    private readonly Stream stream;
    private readonly FramedGattResponder responder = new();
    private readonly Channel<byte[]> outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(OutgoingCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly CancellationTokenSource abort = new();
    private readonly List<byte[]> deferred = [];
    private readonly byte[] notificationFrame = new byte[FrameFormat.MaximumFrameLength];
    private readonly TimeProvider time;
    private bool deferring;
    private int notificationSequence;
    private string? endReason;
    private long lastFrameTimestamp;

    public GattSession(VirtualWandHost host, Stream stream, TimeProvider time)
    {
        this.host = host;
        this.stream = stream;
        this.time = time;
        lastFrameTimestamp = time.GetTimestamp();
    }

    /// <summary>Gets how long ago the client's last complete frame arrived (or the session started).</summary>
    public TimeSpan SinceLastFrame => time.GetElapsedTime(Volatile.Read(ref lastFrameTimestamp));

    /// <summary>Gets a value indicating whether the client has the link up (sent Connect and not Disconnect).</summary>
    public bool IsLinkUp => responder.IsLinkUp;

    /// <summary>Ends the session from outside (the server drops a silent holder others wait for).</summary>
    /// <param name="reason">Why, for the log.</param>
    public void Abort(string reason)
    {
        endReason = reason;
        try
        {
            abort.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session ended already.
        }
    }

    /// <summary>Serves the client until it disconnects, misbehaves or the server stops.</summary>
    /// <param name="firstBytes">Bytes already read from the stream while classifying it.</param>
    /// <param name="cancellationToken">Stops the session (server shutdown).</param>
    /// <returns>Why the session ended.</returns>
    public async Task<string> RunAsync(ReadOnlyMemory<byte> firstBytes, CancellationToken cancellationToken)
    {
        using CancellationTokenSource linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, abort.Token);
        host.Attach(this);
        Task writer = WriteLoopAsync(linked.Token);
        FrameDecoder decoder = new();
        byte[] answer = new byte[FrameFormat.MaximumFrameLength];
        byte[] buffer = new byte[4096];
        long discardedAtLastFrame = 0;
        try
        {
            firstBytes.CopyTo(buffer);
            int count = firstBytes.Length;
            while (true)
            {
                if (count == 0)
                {
                    count = await stream.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
                    if (count == 0)
                    {
                        return End("the client closed the connection");
                    }
                }

                int offset = 0;
                while (true)
                {
                    offset += decoder.Feed(buffer, offset, count - offset);
                    if (!decoder.IsFrameReady)
                    {
                        break;
                    }

                    discardedAtLastFrame = decoder.DiscardedBytes;
                    Handle(decoder, answer);
                }

                count = 0;
                if (decoder.DiscardedBytes - discardedAtLastFrame > GarbageLimitBytes)
                {
                    return End($"the client sent {decoder.DiscardedBytes - discardedAtLastFrame} bytes without a valid frame");
                }
            }
        }
        catch (OperationCanceledException)
        {
            return End(cancellationToken.IsCancellationRequested ? "the server stopped" : endReason ?? "the session was aborted");
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            return End($"the connection failed: {exception.Message}");
        }
        finally
        {
            host.Execute((wand, gatt) =>
            {
                responder.Drop(gatt);
                return 0;
            });
            host.Detach(this);
            outgoing.Writer.TryComplete();
            await abort.CancelAsync().ConfigureAwait(false);
            try
            {
                await writer.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => abort.Dispose();

    /// <inheritdoc />
    public void Notify(int characteristicIndex, ReadOnlySpan<byte> value)
    {
        if (!responder.IsLinkUp)
        {
            return;
        }

        int length = FrameEncoder.Encode(FrameOperation.Notification, notificationSequence, characteristicIndex, value.ToArray(), 0, value.Length, notificationFrame, 0);
        notificationSequence = (notificationSequence + 1) & 0xFF;
        byte[] frame = notificationFrame.AsSpan(0, length).ToArray();
        if (deferring)
        {
            deferred.Add(frame);
        }
        else
        {
            Enqueue(frame);
        }
    }

    /// <inheritdoc />
    public void LinkReset(string reason)
    {
        endReason = reason;
        abort.Cancel();
    }

    private void Handle(FrameDecoder decoder, byte[] answer)
    {
        Volatile.Write(ref lastFrameTimestamp, time.GetTimestamp());
        host.Execute((wand, gatt) =>
        {
            deferring = true;
            try
            {
                int length = responder.Respond(gatt, wand.Controller!.IsFactoryMode(), decoder, answer);
                if (host.Options.Stepped && responder.WriteApplied)
                {
                    // The firmware acts on a write at its next control tick; a stepped wand lets that tick pass, as an
                    // in-process virtual wand does.
                    host.Advance(Wand.Core.Board.SafetyLimits.ControlTickMilliseconds);
                }

                if (length > 0)
                {
                    Enqueue(answer.AsSpan(0, length).ToArray());
                }

                // A notification caused by the request follows its answer (PROFILE.md §6.1).
                foreach (byte[] frame in deferred)
                {
                    Enqueue(frame);
                }
            }
            finally
            {
                deferred.Clear();
                deferring = false;
            }

            return 0;
        });
    }

    private void Enqueue(byte[] frame)
    {
        if (!outgoing.Writer.TryWrite(frame))
        {
            endReason = "the client stopped reading";
            abort.Cancel();
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (byte[] frame in outgoing.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await stream.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            endReason = $"sending failed: {exception.Message}";
            await abort.CancelAsync().ConfigureAwait(false);
        }
    }

    private string End(string reason) => endReason ?? reason;
}
