using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Wand.Host.Calibration.Jig;

/// <summary>
/// An open terminal descriptor on Linux as an <see cref="IJigLine"/>, set raw: the controller end of a
/// pseudo-terminal, where a simulated jig sits. (The host opens real ports and the terminal end through
/// <see cref="Wand.Host.Serial.SerialPortOpener"/>.) Reads wait with poll(2), so a timeout never blocks in read(2).
/// </summary>
public sealed class PosixTerminalLine : IJigLine
{
    private int descriptor;

    private PosixTerminalLine(int descriptor, string name)
    {
        this.descriptor = descriptor;
        Name = name;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Wraps a descriptor already open (for example one end of a pseudo-terminal) and sets it raw.</summary>
    /// <param name="descriptor">The open descriptor; the line closes it on dispose.</param>
    /// <param name="name">The line's name for messages.</param>
    /// <returns>The line.</returns>
    public static PosixTerminalLine FromDescriptor(int descriptor, string name)
    {
        PosixTerminalLine line = new(descriptor, name);
        line.MakeRaw();
        return line;
    }

    /// <inheritdoc/>
    public unsafe void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            int written = 0;
            while (written < data.Length)
            {
                nint count = PosixNative.Write(Descriptor, start + written, data.Length - written);
                if (count < 0)
                {
                    if (Marshal.GetLastPInvokeError() == PosixNative.Interrupted)
                    {
                        continue;
                    }

                    throw new IOException($"Writing to {Name} failed: {Marshal.GetLastPInvokeErrorMessage()}.");
                }

                written += (int)count;
            }
        }
    }

    /// <inheritdoc/>
    public unsafe int Read(Span<byte> buffer, TimeSpan timeout)
    {
        PosixNative.PollDescriptor poll = new() { Descriptor = Descriptor, Events = PosixNative.PollIn };
        int milliseconds = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
        int ready = PosixNative.Poll(&poll, 1, milliseconds);
        if (ready < 0)
        {
            if (Marshal.GetLastPInvokeError() == PosixNative.Interrupted)
            {
                return 0;
            }

            throw new IOException($"Waiting on {Name} failed: {Marshal.GetLastPInvokeErrorMessage()}.");
        }

        if (ready == 0)
        {
            return 0;
        }

        if ((poll.ReturnedEvents & PosixNative.PollIn) == 0 && (poll.ReturnedEvents & PosixNative.PollFailure) != 0)
        {
            throw new IOException($"The line {Name} was closed or failed.");
        }

        fixed (byte* start = buffer)
        {
            nint count = PosixNative.Read(Descriptor, start, buffer.Length);
            if (count < 0)
            {
                throw new IOException($"Reading from {Name} failed: {Marshal.GetLastPInvokeErrorMessage()}.");
            }

            if (count == 0)
            {
                throw new IOException($"The line {Name} was closed.");
            }

            return (int)count;
        }
    }

    /// <inheritdoc/>
    public void DiscardInput()
    {
        // Not every descriptor is a terminal that supports tcflush; drain what is waiting instead.
        Span<byte> scratch = stackalloc byte[256];
        while (Read(scratch, TimeSpan.Zero) > 0)
        {
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (descriptor >= 0)
        {
            _ = PosixNative.Close(descriptor);
            descriptor = -1;
        }
    }

    private int Descriptor => descriptor >= 0 ? descriptor : throw new ObjectDisposedException(Name);

    private unsafe void MakeRaw()
    {
        byte* termios = stackalloc byte[PosixNative.TermiosSize];
        if (PosixNative.GetAttributes(Descriptor, termios) != 0)
        {
            throw new IOException($"{Name} is not a terminal: {Marshal.GetLastPInvokeErrorMessage()}.");
        }

        PosixNative.MakeRaw(termios);
        if (PosixNative.SetAttributes(Descriptor, PosixNative.SetNow, termios) != 0)
        {
            throw new IOException($"Cannot set {Name} raw: {Marshal.GetLastPInvokeErrorMessage()}.");
        }
    }
}
