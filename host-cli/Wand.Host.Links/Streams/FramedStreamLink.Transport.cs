using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wand.Protocol.Framing;

namespace Wand.Host.Links.Streams;

/// <summary>The stream side of <see cref="FramedStreamLink"/>: request exchange, the reader task and link loss.</summary>
public sealed partial class FramedStreamLink
{
    private async Task<ReceivedFrame> ExchangeAsync(Func<int, byte[], int> encode, string what, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await requestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            TaskCompletionSource<ReceivedFrame> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
            int sequence;
            lock (sync)
            {
                ThrowIfNotOpen(what);
                sequence = nextSequence;
                nextSequence = (nextSequence + 1) & 0xFF;
                pending = answer;
                pendingSequence = sequence;
            }

            byte[] frame = new byte[FrameFormat.MaximumFrameLength];
            int length = encode(sequence, frame);
            await WriteFrameAsync(frame, length, what, cancellationToken).ConfigureAwait(false);
            using CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            try
            {
                return await answer.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LinkLostException lost = new($"The link to {Address} was lost: no answer to the {what} within {timeout.TotalMilliseconds:0} ms.");
                Lose(lost);
                throw lost;
            }
        }
        finally
        {
            lock (sync)
            {
                pending = null;
                pendingSequence = -1;
            }

            requestGate.Release();
        }
    }

    private async Task SendCommandAsync(int index, byte[] value, CancellationToken cancellationToken)
    {
        await requestGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            string what = "write command";
            int sequence;
            lock (sync)
            {
                ThrowIfNotOpen(what);
                sequence = nextSequence;
                nextSequence = (nextSequence + 1) & 0xFF;
            }

            byte[] frame = new byte[FrameFormat.MaximumFrameLength];
            int length = FrameEncoder.EncodeWrite(false, sequence, index, 0, value, 0, value.Length, frame, 0);
            await WriteFrameAsync(frame, length, what, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            requestGate.Release();
        }
    }

    private void ThrowIfNotOpen(string what)
    {
        if (stream is null || state is LinkState.Lost or LinkState.Disconnected)
        {
            if (lossCause is not null)
            {
                throw AfterLoss(what);
            }

            throw new LinkLostException($"Cannot send the {what}: the link to {Address} is not open.");
        }
    }

    /// <summary>The error for a request made after the link was lost: the same kind as the loss, so a peer that does not speak the framing stays a protocol error.</summary>
    private WandHostException AfterLoss(string what)
    {
        WandHostException cause = lossCause!;
        return cause is ProtocolViolationException
            ? new ProtocolViolationException($"Cannot send the {what}: {cause.Message}")
            : new LinkLostException($"Cannot send the {what}: {cause.Message}", cause);
    }

    private async Task WriteFrameAsync(byte[] frame, int length, string what, CancellationToken cancellationToken)
    {
        Stream? target = stream;
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (target is null)
            {
                throw lossCause is not null ? AfterLoss(what) : new LinkLostException($"Cannot send the {what}: the link to {Address} is closed.");
            }

            await target.WriteAsync(frame.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            await target.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            if (lossCause is not null)
            {
                throw AfterLoss(what);
            }

            LinkLostException lost = new($"The link to {Address} was lost while sending the {what}: {exception.Message}", exception);
            Lose(lost);
            throw lost;
        }
        finally
        {
            writeGate.Release();
        }
    }

    private void StartReader(Stream opened)
    {
        CancellationTokenSource stop = new();
        lock (sync)
        {
            stream = opened;
            readerStop = stop;
        }

        _ = Task.Run(() => ReadLoopAsync(opened, stop.Token), CancellationToken.None);
    }

    private async Task ReadLoopAsync(Stream source, CancellationToken cancellationToken)
    {
        FrameDecoder decoder = new();
        byte[] buffer = new byte[4096];
        long discardedAtLastFrame = 0;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                int count = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    Lose(new LinkLostException($"The link to {Address} was lost: the wand closed the connection."));
                    return;
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
                    Dispatch(new ReceivedFrame(
                        decoder.Operation,
                        decoder.Sequence,
                        decoder.Characteristic,
                        decoder.Buffer.AsSpan(FrameFormat.BodyOffset, decoder.BodyLength).ToArray()));
                }

                if (decoder.DiscardedBytes - discardedAtLastFrame > options.GarbageLimitBytes)
                {
                    Lose(new ProtocolViolationException(
                        $"{Address} sent {decoder.DiscardedBytes - discardedAtLastFrame} bytes without one valid wand frame "
                        + $"({decoder.CrcErrors} CRC errors, {decoder.LengthErrors} bad lengths); it does not speak the wand framing (PROFILE.md §11)."));
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            Lose(new LinkLostException($"The link to {Address} was lost: {exception.Message}", exception));
        }
    }

    private void Dispatch(ReceivedFrame frame)
    {
        if (frame.Operation == FrameOperation.Notification)
        {
            if (frame.Characteristic < Wand.Protocol.Profile.WandProfile.CharacteristicCount)
            {
                NotificationReceived?.Invoke(this, new CharacteristicNotificationEventArgs(CharacteristicMap.UuidOf(frame.Characteristic), frame.Body));
            }

            return;
        }

        TaskCompletionSource<ReceivedFrame>? waiter = null;
        lock (sync)
        {
            if (pending is not null && frame.Sequence == pendingSequence)
            {
                waiter = pending;
            }
        }

        // An answer to nothing we wait for (a request that was cancelled) is dropped.
        waiter?.TrySetResult(frame);
    }

    private void Lose(WandHostException cause)
    {
        TaskCompletionSource<ReceivedFrame>? waiter;
        lock (sync)
        {
            if (state is LinkState.Lost or LinkState.Disconnected || stream is null)
            {
                return;
            }

            lossCause = cause;
            waiter = pending;
        }

        waiter?.TrySetException(cause);
        _ = CloseStreamAsync();
        SetState(LinkState.Lost, cause.Message);
    }

    private async Task CloseStreamAsync()
    {
        Stream? closing;
        CancellationTokenSource? stop;
        lock (sync)
        {
            closing = stream;
            stop = readerStop;
            stream = null;
            readerStop = null;
        }

        if (stop is not null)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            stop.Dispose();
        }

        if (closing is not null)
        {
            await closing.DisposeAsync().ConfigureAwait(false);
        }
    }
}
