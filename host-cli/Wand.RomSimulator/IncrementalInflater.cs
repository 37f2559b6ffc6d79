using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Threading;

namespace Wand.RomSimulator;

/// <summary>
/// Inflates a zlib stream that arrives block by block, as the ROM does for FLASH_DEFL_DATA: after each block it returns
/// every byte that block makes available, so the caller can write it before answering. A worker thread runs the .NET
/// zlib reader over a blocking input stream; <see cref="Feed"/> waits until the reader asks for more input.
/// </summary>
internal sealed class IncrementalInflater : IDisposable
{
    private readonly object gate = new();
    private readonly Queue<byte[]> input = new();
    private readonly List<byte[]> output = [];
    private readonly Thread worker;
    private byte[]? current;
    private int currentOffset;
    private long fedGeneration;
    private long idleGeneration = -1;
    private bool closed;

    /// <summary>Initializes a new instance of the <see cref="IncrementalInflater"/> class.</summary>
    public IncrementalInflater()
    {
        worker = new Thread(Run) { IsBackground = true, Name = "rom-inflater" };
        worker.Start();
    }

    /// <summary>Gets a value indicating whether the zlib stream has ended (its Adler-32 checked).</summary>
    public bool Finished { get; private set; }

    /// <summary>Gets the error that stopped inflation, or <c>null</c>.</summary>
    public Exception? Error { get; private set; }

    /// <summary>Feeds one block and returns the bytes it produced.</summary>
    /// <param name="block">Compressed bytes.</param>
    /// <returns>The newly inflated bytes (possibly none).</returns>
    public byte[] Feed(ReadOnlySpan<byte> block)
    {
        lock (gate)
        {
            if (Finished || Error is not null)
            {
                throw new InvalidDataException("Data after the end of the compressed stream.");
            }

            input.Enqueue(block.ToArray());
            fedGeneration++;
            Monitor.PulseAll(gate);
            while (idleGeneration != fedGeneration && !Finished && Error is null)
            {
                Monitor.Wait(gate);
            }

            if (Error is not null)
            {
                throw new InvalidDataException("Inflate failed.", Error);
            }

            int length = 0;
            foreach (byte[] chunk in output)
            {
                length += chunk.Length;
            }

            byte[] result = new byte[length];
            int offset = 0;
            foreach (byte[] chunk in output)
            {
                chunk.CopyTo(result, offset);
                offset += chunk.Length;
            }

            output.Clear();
            return result;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (gate)
        {
            closed = true;
            Monitor.PulseAll(gate);
        }

        _ = worker.Join(TimeSpan.FromSeconds(2));
    }

    private void Run()
    {
        byte[] buffer = new byte[16384];
        try
        {
            using ZLibStream zlib = new(new BlockingInput(this), CompressionMode.Decompress);
            int count;
            while ((count = zlib.Read(buffer, 0, buffer.Length)) > 0)
            {
                lock (gate)
                {
                    output.Add(buffer.AsSpan(0, count).ToArray());
                }
            }

            lock (gate)
            {
                Finished = !closed;
                Monitor.PulseAll(gate);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or ObjectDisposedException)
        {
            lock (gate)
            {
                Error = closed ? null : exception;
                Monitor.PulseAll(gate);
            }
        }
    }

    private int ReadInput(Span<byte> destination)
    {
        lock (gate)
        {
            while (true)
            {
                if (current is not null && currentOffset < current.Length)
                {
                    int count = Math.Min(destination.Length, current.Length - currentOffset);
                    current.AsSpan(currentOffset, count).CopyTo(destination);
                    currentOffset += count;
                    return count;
                }

                if (input.Count > 0)
                {
                    current = input.Dequeue();
                    currentOffset = 0;
                    continue;
                }

                if (closed)
                {
                    return 0;
                }

                // Everything fed so far has been consumed: the caller's block is fully processed.
                idleGeneration = fedGeneration;
                Monitor.PulseAll(gate);
                Monitor.Wait(gate);
            }
        }
    }

    private sealed class BlockingInput(IncrementalInflater owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => owner.ReadInput(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer) => owner.ReadInput(buffer);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
