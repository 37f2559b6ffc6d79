using System;
using System.IO;
using System.Runtime.InteropServices;
using Wand.Host.Serial;

namespace Wand.Host.Serial.Terminals;

/// <summary>
/// An open terminal descriptor on Linux as an <see cref="IJigLine"/>, set raw: the controller end of a
/// pseudo-terminal, where a simulated jig sits. (The host opens real ports and the terminal end through
/// <see cref="Wand.Host.Serial.SerialPortOpener"/>.) Reads wait with poll(2), so a timeout never blocks in read(2).
/// </summary>
public sealed class PosixTerminalLine : IJigLine
{
    /// <summary>poll(2): invalid descriptor (POLLNVAL).</summary>
    private const short PollInvalid = 0x20;

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
    /// <param name="baudRate">Line rate to set, in bits per second; <c>null</c> keeps the present one.</param>
    /// <returns>The line.</returns>
    public static PosixTerminalLine FromDescriptor(int descriptor, string name, int? baudRate = null)
    {
        PosixTerminalLine line = new(descriptor, name);
        line.MakeRaw(baudRate);
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
                nint count = LinuxNative.Write(Descriptor, start + written, (nuint)(data.Length - written));
                if (count < 0)
                {
                    if (Marshal.GetLastPInvokeError() == LinuxNative.ErrorInterrupted)
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
        LinuxNative.PollDescriptor poll = new() { FileDescriptor = Descriptor, Events = LinuxNative.PollIn };
        int milliseconds = (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 0, int.MaxValue);
        int ready = LinuxNative.Poll(ref poll, 1, milliseconds);
        if (ready < 0)
        {
            if (Marshal.GetLastPInvokeError() == LinuxNative.ErrorInterrupted)
            {
                return 0;
            }

            throw new IOException($"Waiting on {Name} failed: {Marshal.GetLastPInvokeErrorMessage()}.");
        }

        if (ready == 0)
        {
            return 0;
        }

        if ((poll.ReturnedEvents & LinuxNative.PollIn) == 0 && (poll.ReturnedEvents & (LinuxNative.PollError | LinuxNative.PollHangUp | PollInvalid)) != 0)
        {
            throw new IOException($"The line {Name} was closed or failed.");
        }

        fixed (byte* start = buffer)
        {
            nint count = LinuxNative.Read(Descriptor, start, (nuint)buffer.Length);
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
            _ = LinuxNative.Close(descriptor);
            descriptor = -1;
        }
    }

    private int Descriptor => descriptor >= 0 ? descriptor : throw new ObjectDisposedException(Name);

    /// <summary>Reads the line rate the terminal is set to (by whoever set it last: this side or the far end).</summary>
    /// <returns>Bits per second, or <c>null</c> when the descriptor is closed or not a terminal.</returns>
    public int? ReadBaudRate()
    {
        LinuxNative.Termios2 settings = default;
        return descriptor >= 0 && LinuxNative.IoctlTermios(descriptor, LinuxNative.IoctlGetTermios2, ref settings) == 0 && settings.OutputSpeed > 0
            ? (int)settings.OutputSpeed
            : null;
    }

    private void MakeRaw(int? baudRate)
    {
        LinuxNative.Termios2 settings = default;
        if (LinuxNative.IoctlTermios(Descriptor, LinuxNative.IoctlGetTermios2, ref settings) != 0)
        {
            throw new IOException($"{Name} is not a terminal: {Marshal.GetLastPInvokeErrorMessage()}.");
        }

        LinuxNative.MakeRaw(ref settings, baudRate ?? (int)settings.OutputSpeed);
        if (LinuxNative.IoctlTermios(Descriptor, LinuxNative.IoctlSetTermios2, ref settings) != 0)
        {
            throw new IOException($"Cannot set {Name} raw: {Marshal.GetLastPInvokeErrorMessage()}.");
        }
    }
}
