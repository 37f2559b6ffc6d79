using System.Runtime.InteropServices;

namespace Wand.Host.Calibration.Jig;

/// <summary>
/// The few POSIX calls a terminal line needs (glibc on Linux; signatures from the Linux man-pages: read(2), write(2),
/// poll(2), close(2), termios(3), openpty(3), ptsname(3)). Constants are the Linux values for x86-64 and AArch64.
/// </summary>
internal static partial class PosixNative
{
    /// <summary>poll(2): data to read (POLLIN).</summary>
    public const short PollIn = 0x1;

    /// <summary>poll(2): error, hang-up or invalid descriptor (POLLERR | POLLHUP | POLLNVAL).</summary>
    public const short PollFailure = 0x8 | 0x10 | 0x20;

    /// <summary>tcsetattr(3): apply now (TCSANOW).</summary>
    public const int SetNow = 0;

    /// <summary>Size reserved for struct termios (60 bytes in glibc on Linux), in bytes.</summary>
    public const int TermiosSize = 64;

    /// <summary>errno: interrupted system call (EINTR).</summary>
    public const int Interrupted = 4;

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

    [LibraryImport("libc", EntryPoint = "ptsname_r")]
    public static unsafe partial int TerminalName(int controller, byte* buffer, nuint length);

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
