using System.Runtime.InteropServices;

namespace Wand.Host.Calibration.Jig;

/// <summary>
/// The few POSIX calls a terminal line needs (glibc on Linux; signatures from the Linux man-pages: open(2), read(2),
/// write(2), poll(2), close(2), termios(3), openpty(3)). Constants are the Linux values for x86-64 and AArch64.
/// </summary>
internal static partial class PosixNative
{
    /// <summary>open(2): read and write.</summary>
    public const int OpenReadWrite = 0x2;

    /// <summary>open(2): do not become the controlling terminal (O_NOCTTY).</summary>
    public const int OpenNoControllingTerminal = 0x100;

    /// <summary>open(2): close on exec (O_CLOEXEC).</summary>
    public const int OpenCloseOnExec = 0x80000;

    /// <summary>poll(2): data to read (POLLIN).</summary>
    public const short PollIn = 0x1;

    /// <summary>poll(2): error, hang-up or invalid descriptor (POLLERR | POLLHUP | POLLNVAL).</summary>
    public const short PollFailure = 0x8 | 0x10 | 0x20;

    /// <summary>tcsetattr(3): apply now (TCSANOW).</summary>
    public const int SetNow = 0;

    /// <summary>tcflush(3): flush received data (TCIFLUSH).</summary>
    public const int FlushInput = 0;

    /// <summary>termios speed code for 115200 bit/s (B115200, octal 0010002).</summary>
    public const uint Baud115200 = 0x1002;

    /// <summary>Size reserved for struct termios (60 bytes in glibc on Linux), in bytes.</summary>
    public const int TermiosSize = 64;

    /// <summary>errno: interrupted system call (EINTR).</summary>
    public const int Interrupted = 4;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int descriptor);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static unsafe partial int GetAttributes(int descriptor, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static unsafe partial int SetAttributes(int descriptor, int when, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static unsafe partial void MakeRaw(byte* termios);

    [LibraryImport("libc", EntryPoint = "cfsetspeed", SetLastError = true)]
    public static unsafe partial int SetSpeed(byte* termios, uint speed);

    [LibraryImport("libc", EntryPoint = "tcflush", SetLastError = true)]
    public static partial int Flush(int descriptor, int queue);

    [LibraryImport("libc", EntryPoint = "openpty", SetLastError = true)]
    public static partial int OpenPseudoTerminal(out int controller, out int terminal, nint name, nint termios, nint windowSize);

    /// <summary>struct pollfd.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        /// <summary>The descriptor.</summary>
        public int Descriptor;

        /// <summary>Requested events.</summary>
        public short Events;

        /// <summary>Returned events.</summary>
        public short ReturnedEvents;
    }
}
