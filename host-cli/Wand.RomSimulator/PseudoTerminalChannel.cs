using System;
using System.Runtime.InteropServices;
using System.Text;

namespace Wand.RomSimulator;

/// <summary>
/// A Linux pseudo-terminal: the simulator holds the master side and keeps the slave open (so the host may open and
/// close it repeatedly); the host opens <see cref="SlavePath"/> with the real termios code, as it would /dev/ttyUSB0.
/// </summary>
internal sealed class PseudoTerminalChannel : ISimulatorChannel
{
    private int master;
    private int slave;

    public PseudoTerminalChannel()
    {
        if (PseudoTerminalNative.OpenPseudoTerminal(out master, out slave, 0, 0, 0) != 0)
        {
            throw new InvalidOperationException($"openpty failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        SlavePath = ReadName(master);

        // Raw mode on the slave, so nothing the chip sends is echoed back to it and no byte is translated.
        PseudoTerminalNative.Termios2 settings = default;
        if (PseudoTerminalNative.IoctlTermios(slave, PseudoTerminalNative.GetTermios2, ref settings) == 0)
        {
            settings.InputFlags = 0;
            settings.OutputFlags = 0;
            settings.LocalFlags = 0;
            settings.ControlFlags = (settings.ControlFlags & ~0x100Fu) | 0x1000u | 0x30u | 0x80u | 0x800u;
            settings.InputSpeed = 115_200;
            settings.OutputSpeed = 115_200;
            _ = PseudoTerminalNative.IoctlTermios(slave, PseudoTerminalNative.SetTermios2, ref settings);
        }
    }

    /// <summary>Gets the path the host opens, for example <c>/dev/pts/3</c>.</summary>
    public string SlavePath { get; }

    public int? HostBaudRate
    {
        get
        {
            PseudoTerminalNative.Termios2 settings = default;
            return PseudoTerminalNative.IoctlTermios(slave, PseudoTerminalNative.GetTermios2, ref settings) == 0 && settings.OutputSpeed > 0
                ? (int)settings.OutputSpeed
                : null;
        }
    }

    public unsafe int Read(Span<byte> buffer, int timeoutMilliseconds)
    {
        PseudoTerminalNative.PollDescriptor descriptor = new() { FileDescriptor = master, Events = PseudoTerminalNative.PollIn };
        int ready = PseudoTerminalNative.Poll(ref descriptor, 1, timeoutMilliseconds);
        if (ready <= 0)
        {
            return master < 0 ? -1 : 0;
        }

        fixed (byte* start = buffer)
        {
            nint count = PseudoTerminalNative.Read(master, start, (nuint)buffer.Length);
            if (count > 0)
            {
                return (int)count;
            }

            int error = Marshal.GetLastPInvokeError();
            return count < 0 && (error == PseudoTerminalNative.ErrorInterrupted || error == PseudoTerminalNative.ErrorTryAgain) ? 0 : -1;
        }
    }

    public unsafe void Write(ReadOnlySpan<byte> data)
    {
        fixed (byte* start = data)
        {
            int offset = 0;
            while (offset < data.Length)
            {
                nint written = PseudoTerminalNative.Write(master, start + offset, (nuint)(data.Length - offset));
                if (written > 0)
                {
                    offset += (int)written;
                }
                else if (Marshal.GetLastPInvokeError() != PseudoTerminalNative.ErrorInterrupted)
                {
                    return; // host gone; nothing to deliver to
                }
            }
        }
    }

    public void Dispose()
    {
        if (master >= 0)
        {
            _ = PseudoTerminalNative.Close(master);
            _ = PseudoTerminalNative.Close(slave);
            master = -1;
            slave = -1;
        }
    }

    private static unsafe string ReadName(int master)
    {
        byte* buffer = stackalloc byte[128];
        if (PseudoTerminalNative.PseudoTerminalName(master, buffer, 128) != 0)
        {
            throw new InvalidOperationException("ptsname_r failed.");
        }

        ReadOnlySpan<byte> name = new(buffer, 128);
        int end = name.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? name : name[..end]);
    }
}
