using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Serial;

namespace Wand.Host.Links.Streams;

/// <summary>
/// A <see cref="Stream"/> over an <see cref="ISerialPort"/>, so the framed link runs on the UART factory port. Reads
/// poll the port in short slices so a cancellation or a dispose ends a pending read within one slice; a port
/// failure surfaces as an <see cref="IOException"/>, which the link reports as a lost link.
/// </summary>
public sealed class SerialPortStream : Stream
{
    /// <summary>The longest a read waits before checking for cancellation, in milliseconds.</summary>
    public const int PollMilliseconds = 50;

    private readonly ISerialPort port;
    private volatile bool disposed;

    /// <summary>Initializes a new instance of the <see cref="SerialPortStream"/> class.</summary>
    /// <param name="port">The open port; the stream owns it.</param>
    public SerialPortStream(ISerialPort port)
    {
        this.port = port ?? throw new ArgumentNullException(nameof(port));
    }

    /// <inheritdoc />
    public override bool CanRead => !disposed;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => !disposed;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => ReadSlices(buffer, CancellationToken.None);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        new(Task.Run(() => ReadSlices(buffer.Span, cancellationToken), cancellationToken));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        try
        {
            port.Write(buffer);
        }
        catch (SerialPortException exception)
        {
            throw new IOException(exception.Message, exception);
        }
    }

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            port.Dispose();
        }

        base.Dispose(disposing);
    }

    private int ReadSlices(Span<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(disposed, this);
            int count;
            try
            {
                count = port.Read(buffer, TimeSpan.FromMilliseconds(PollMilliseconds));
            }
            catch (SerialPortException exception)
            {
                throw new IOException(exception.Message, exception);
            }

            if (count > 0)
            {
                return count;
            }
        }
    }
}
