using System.Runtime.InteropServices;

namespace Wand.RomSimulator;

/// <summary>C library calls for the pseudo-terminal (glibc openpty, poll, read, write; Linux termios2 ioctls).</summary>
internal static partial class PseudoTerminalNative
{
    public const nuint GetTermios2 = 0x802C542A;
    public const nuint SetTermios2 = 0x402C542B;
    public const short PollIn = 0x1;
    public const int ErrorInterrupted = 4;
    public const int ErrorTryAgain = 11;

    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct Termios2
    {
        public uint InputFlags;
        public uint OutputFlags;
        public uint ControlFlags;
        public uint LocalFlags;
        public byte LineDiscipline;
        public fixed byte ControlCharacters[19];
        public uint InputSpeed;
        public uint OutputSpeed;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int FileDescriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "openpty", SetLastError = true)]
    public static partial int OpenPseudoTerminal(out int master, out int slave, nint name, nint settings, nint windowSize);

    [LibraryImport("libc", EntryPoint = "ptsname_r", SetLastError = true)]
    public static unsafe partial int PseudoTerminalName(int master, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fileDescriptor);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fileDescriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fileDescriptor, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(ref PollDescriptor descriptor, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlTermios(int fileDescriptor, nuint request, ref Termios2 value);
}
