using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Wand.Host.Serial;

/// <summary>
/// A Linux serial port (USB-UART bridge, on-chip UART or pseudo-terminal) driven through termios2: raw 8N1, no flow
/// control, any baud rate through BOTHER, DTR/RTS through TIOCMSET, exclusive use through TIOCEXCL and flock.
/// </summary>
public sealed class LinuxSerialPort : ISerialPort
{
    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(10);
    private int fileDescriptor;

    private LinuxSerialPort(string name, int fileDescriptor, int baudRate)
    {
        Name = name;
        this.fileDescriptor = fileDescriptor;
        BaudRate = baudRate;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public int BaudRate { get; private set; }

    /// <inheritdoc/>
    public bool SupportsControlLines
    {
        get
        {
            int lines = 0;
            return LinuxNative.IoctlPointer(fileDescriptor, LinuxNative.IoctlGetModemLines, ref lines) == 0;
        }
    }

    /// <summary>Opens and configures a port for exclusive use.</summary>
    /// <param name="path">The device path, for example <c>/dev/ttyUSB0</c>.</param>
    /// <param name="baudRate">The initial rate in bits per second.</param>
    /// <returns>The open port.</returns>
    /// <exception cref="SerialPortException">The port is missing, not permitted, busy, or refused the settings.</exception>
    public static LinuxSerialPort Open(string path, int baudRate)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!OperatingSystem.IsLinux())
        {
            throw new SerialPortException(SerialPortFailure.Other, $"Serial port {path}: only Linux is supported.");
        }

        int descriptor = LinuxNative.Open(path, LinuxNative.OpenReadWrite | LinuxNative.OpenNoControllingTerminal | LinuxNative.OpenNonBlocking | LinuxNative.OpenCloseOnExec);
        if (descriptor < 0)
        {
            throw OpenFailure(path, Marshal.GetLastPInvokeError());
        }

        try
        {
            if (LinuxNative.FileLock(descriptor, LinuxNative.LockExclusive | LinuxNative.LockNonBlocking) != 0)
            {
                throw new SerialPortException(SerialPortFailure.Busy, $"Serial port {path} is in use by another program (it holds a lock on it). Close that program (a serial monitor, another 'wand' or 'esptool') and retry.");
            }

            // TIOCEXCL: further open() calls by other programs fail with EBUSY until this port is closed.
            _ = LinuxNative.IoctlValue(descriptor, LinuxNative.IoctlExclusive, 0);
            LinuxSerialPort port = new(path, descriptor, baudRate);
            port.Configure(baudRate);
            port.DiscardInput();
            return port;
        }
        catch
        {
            _ = LinuxNative.Close(descriptor);
            throw;
        }
    }

    /// <inheritdoc/>
    public void SetBaudRate(int baudRate)
    {
        ThrowIfDisposed();
        _ = LinuxNative.IoctlValue(fileDescriptor, LinuxNative.IoctlDrain, 1);
        Configure(baudRate);
    }

    /// <inheritdoc/>
    public void SetControlLines(bool? dataTerminalReady, bool? requestToSend)
    {
        ThrowIfDisposed();
        int lines = 0;
        if (LinuxNative.IoctlPointer(fileDescriptor, LinuxNative.IoctlGetModemLines, ref lines) != 0)
        {
            throw new ControlLinesNotSupportedException(Name);
        }

        lines = Apply(lines, LinuxNative.ModemLineDataTerminalReady, dataTerminalReady);
        lines = Apply(lines, LinuxNative.ModemLineRequestToSend, requestToSend);
        if (LinuxNative.IoctlPointer(fileDescriptor, LinuxNative.IoctlSetModemLines, ref lines) != 0)
        {
            int error = Marshal.GetLastPInvokeError();
            if (error is LinuxNative.ErrorNotATerminal or LinuxNative.ErrorInvalidArgument)
            {
                throw new ControlLinesNotSupportedException(Name);
            }

            throw Failure("set DTR/RTS", error);
        }
    }

    /// <inheritdoc/>
    public unsafe void Write(ReadOnlySpan<byte> data)
    {
        ThrowIfDisposed();
        long deadline = Stopwatch.GetTimestamp() + (long)(WriteTimeout.TotalSeconds * Stopwatch.Frequency);
        fixed (byte* start = data)
        {
            int offset = 0;
            while (offset < data.Length)
            {
                nint written = LinuxNative.Write(fileDescriptor, start + offset, (nuint)(data.Length - offset));
                if (written > 0)
                {
                    offset += (int)written;
                    continue;
                }

                int error = Marshal.GetLastPInvokeError();
                if (written < 0 && error == LinuxNative.ErrorInterrupted)
                {
                    continue;
                }

                if (written < 0 && error != LinuxNative.ErrorTryAgain)
                {
                    throw Failure("write", error);
                }

                int remaining = (int)((deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency);
                if (remaining <= 0)
                {
                    throw new SerialPortException(SerialPortFailure.Disconnected, $"Serial port {Name}: writing stalled for {WriteTimeout.TotalSeconds:0} s (is hardware flow control holding it?).");
                }

                _ = WaitFor(LinuxNative.PollOut, remaining);
            }
        }
    }

    /// <inheritdoc/>
    public unsafe int Read(Span<byte> buffer, TimeSpan timeout)
    {
        ThrowIfDisposed();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        int milliseconds = (int)Math.Ceiling(Math.Max(0, timeout.TotalMilliseconds));
        long deadline = Stopwatch.GetTimestamp() + (milliseconds * Stopwatch.Frequency / 1000);
        while (true)
        {
            fixed (byte* start = buffer)
            {
                nint count = LinuxNative.Read(fileDescriptor, start, (nuint)buffer.Length);
                if (count > 0)
                {
                    return (int)count;
                }

                // With VMIN = VTIME = 0 a terminal read returns 0 when nothing is waiting; a hang-up shows in poll().
                int error = Marshal.GetLastPInvokeError();
                if (count < 0 && error != LinuxNative.ErrorTryAgain && error != LinuxNative.ErrorInterrupted)
                {
                    throw Gone(error.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            int remaining = (int)((deadline - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency);
            if (remaining <= 0)
            {
                return 0;
            }

            short events = WaitFor(LinuxNative.PollIn, remaining);
            if (events == 0)
            {
                return 0;
            }

            if ((events & LinuxNative.PollIn) == 0 && (events & (LinuxNative.PollHangUp | LinuxNative.PollError)) != 0)
            {
                throw Gone("hang-up");
            }
        }
    }

    /// <inheritdoc/>
    public void DiscardInput()
    {
        ThrowIfDisposed();
        _ = LinuxNative.IoctlValue(fileDescriptor, LinuxNative.IoctlFlush, LinuxNative.FlushInput);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        int descriptor = fileDescriptor;
        if (descriptor < 0)
        {
            return;
        }

        fileDescriptor = -1;
        _ = LinuxNative.IoctlValue(descriptor, LinuxNative.IoctlNotExclusive, 0);
        _ = LinuxNative.FileLock(descriptor, LinuxNative.LockRelease);
        _ = LinuxNative.Close(descriptor);
    }

    private static int Apply(int lines, int bit, bool? state) => state switch
    {
        true => lines | bit,
        false => lines & ~bit,
        null => lines,
    };

    private static SerialPortException OpenFailure(string path, int error) => error switch
    {
        LinuxNative.ErrorNoSuchFile or LinuxNative.ErrorNoDevice or LinuxNative.ErrorNoSuchDeviceOrAddress =>
            new SerialPortException(SerialPortFailure.NotFound, $"Serial port {path} does not exist. Check the cable and list ports with 'wand ports'."),
        LinuxNative.ErrorAccessDenied =>
            new SerialPortException(SerialPortFailure.PermissionDenied, $"Permission denied opening {path}. Add your user to the 'dialout' group (sudo usermod -aG dialout $USER), log in again, and retry."),
        LinuxNative.ErrorBusy =>
            new SerialPortException(SerialPortFailure.Busy, $"Serial port {path} is opened exclusively by another program. Close it and retry."),
        _ => new SerialPortException(SerialPortFailure.Other, $"Cannot open serial port {path}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error})."),
    };

    private void Configure(int baudRate)
    {
        if (!BaudRateRange.Contains(baudRate))
        {
            throw new SerialPortException(SerialPortFailure.SettingRefused, $"Serial port {Name}: baud rate {baudRate} is outside {BaudRateRange.Text}.");
        }

        LinuxNative.Termios2 settings = default;
        if (LinuxNative.IoctlTermios(fileDescriptor, LinuxNative.IoctlGetTermios2, ref settings) != 0)
        {
            throw Failure("read the line settings of", Marshal.GetLastPInvokeError());
        }

        LinuxNative.MakeRaw(ref settings, baudRate);
        if (LinuxNative.IoctlTermios(fileDescriptor, LinuxNative.IoctlSetTermios2, ref settings) != 0)
        {
            throw new SerialPortException(SerialPortFailure.SettingRefused, $"Serial port {Name} refused {baudRate} baud: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}. Try a lower --baud.");
        }

        LinuxNative.Termios2 actual = default;
        if (LinuxNative.IoctlTermios(fileDescriptor, LinuxNative.IoctlGetTermios2, ref actual) == 0 && actual.OutputSpeed != 0
            && Math.Abs((double)actual.OutputSpeed - baudRate) > baudRate * 0.03)
        {
            throw new SerialPortException(SerialPortFailure.SettingRefused, $"Serial port {Name} cannot run at {baudRate} baud (the driver chose {actual.OutputSpeed}). Try a lower --baud.");
        }

        BaudRate = baudRate;
    }

    private short WaitFor(short events, int timeoutMilliseconds)
    {
        LinuxNative.PollDescriptor descriptor = new() { FileDescriptor = fileDescriptor, Events = events };
        int result = LinuxNative.Poll(ref descriptor, 1, timeoutMilliseconds);
        if (result < 0)
        {
            int error = Marshal.GetLastPInvokeError();
            return error == LinuxNative.ErrorInterrupted ? (short)0 : throw Failure("poll", error);
        }

        return result == 0 ? (short)0 : descriptor.ReturnedEvents;
    }

    private SerialPortException Failure(string action, int error)
    {
        SerialPortFailure failure = error is LinuxNative.ErrorInputOutput or LinuxNative.ErrorNoDevice or LinuxNative.ErrorNoSuchDeviceOrAddress
            ? SerialPortFailure.Disconnected
            : SerialPortFailure.Other;
        return new SerialPortException(failure, $"Could not {action} serial port {Name}: {Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
    }

    private SerialPortException Gone(string reason) =>
        new(SerialPortFailure.Disconnected, $"Serial port {Name} went away ({reason}): the board was unplugged or reset its USB bridge. Reconnect it and retry.");

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(fileDescriptor < 0, this);
}
