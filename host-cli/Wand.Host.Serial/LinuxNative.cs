using System.Runtime.InteropServices;

namespace Wand.Host.Serial;

/// <summary>
/// The Linux C library calls of serial ports and pseudo-terminals: the one P/Invoke layer of the host's terminals.
/// Constants are the asm-generic values used on x86-64 and arm64 (linux/include/uapi/asm-generic/termbits.h, ioctls.h,
/// fcntl.h; glibc bits/poll.h). Pseudo-terminals use the POSIX calls posix_openpt(3), grantpt(3), unlockpt(3) and
/// ptsname_r(3), which every glibc exports from libc itself (openpty(3) moved into libc only with glibc 2.34).
/// </summary>
internal static partial class LinuxNative
{
    public const int OpenReadWrite = 0x2;
    public const int OpenNoControllingTerminal = 0x100;
    public const int OpenNonBlocking = 0x800;
    public const int OpenCloseOnExec = 0x80000;

    public const int ErrorInterrupted = 4;
    public const int ErrorInputOutput = 5;
    public const int ErrorNoSuchFile = 2;
    public const int ErrorTryAgain = 11;
    public const int ErrorAccessDenied = 13;
    public const int ErrorBusy = 16;
    public const int ErrorInvalidArgument = 22;
    public const int ErrorNotATerminal = 25;
    public const int ErrorNoDevice = 19;
    public const int ErrorNoSuchDeviceOrAddress = 6;

    public const nuint IoctlGetTermios2 = 0x802C542A;
    public const nuint IoctlSetTermios2 = 0x402C542B;
    public const nuint IoctlFlush = 0x540B;
    public const nuint IoctlDrain = 0x5409;
    public const nuint IoctlExclusive = 0x540C;
    public const nuint IoctlNotExclusive = 0x540D;
    public const nuint IoctlGetModemLines = 0x5415;
    public const nuint IoctlSetModemLines = 0x5418;

    public const int FlushInput = 0;
    public const int ModemLineDataTerminalReady = 0x002;
    public const int ModemLineRequestToSend = 0x004;

    public const int LockExclusive = 2;
    public const int LockNonBlocking = 4;
    public const int LockRelease = 8;

    public const short PollIn = 0x1;
    public const short PollOut = 0x4;
    public const short PollError = 0x8;
    public const short PollHangUp = 0x10;

    // termios2 flag bits (asm-generic/termbits.h).
    public const uint ControlBaudMask = 0x100F;
    public const uint ControlBaudOther = 0x1000;
    public const uint ControlSizeMask = 0x30;
    public const uint ControlSize8 = 0x30;
    public const uint ControlTwoStopBits = 0x40;
    public const uint ControlReceiverOn = 0x80;
    public const uint ControlParityOn = 0x100;
    public const uint ControlHangUpOnClose = 0x400;
    public const uint ControlLocal = 0x800;
    public const uint ControlHardwareFlow = 0x80000000;
    public const uint InputRawClearMask = 0x1 | 0x2 | 0x8 | 0x20 | 0x40 | 0x80 | 0x100 | 0x400 | 0x800 | 0x1000;
    public const uint OutputProcessing = 0x1;
    public const uint LocalRawClearMask = 0x1 | 0x2 | 0x8 | 0x40 | 0x8000;
    public const int ControlCharacterTime = 5;
    public const int ControlCharacterMinimum = 6;

    /// <summary>Linux <c>struct termios2</c> (44 bytes).</summary>
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

    /// <summary>C <c>struct pollfd</c>.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PollDescriptor
    {
        public int FileDescriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

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

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlPointer(int fileDescriptor, nuint request, ref int value);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int IoctlValue(int fileDescriptor, nuint request, nint value);

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int OpenPseudoTerminalController(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    public static partial int GrantPseudoTerminal(int controller);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int UnlockPseudoTerminal(int controller);

    [LibraryImport("libc", EntryPoint = "ptsname_r")]
    public static unsafe partial int PseudoTerminalName(int controller, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "flock", SetLastError = true)]
    public static partial int FileLock(int fileDescriptor, int operation);

    /// <summary>Puts a termios2 block into raw 8N1 mode without flow control at <paramref name="baudRate"/>.</summary>
    /// <param name="settings">The settings to change in place.</param>
    /// <param name="baudRate">Bits per second.</param>
    public static unsafe void MakeRaw(ref Termios2 settings, int baudRate)
    {
        settings.InputFlags &= ~InputRawClearMask;
        settings.OutputFlags &= ~OutputProcessing;
        settings.LocalFlags &= ~LocalRawClearMask;
        settings.ControlFlags &= ~(ControlSizeMask | ControlParityOn | ControlTwoStopBits | ControlHardwareFlow | ControlHangUpOnClose);
        settings.ControlFlags |= ControlSize8 | ControlReceiverOn | ControlLocal;
        settings.ControlCharacters[ControlCharacterMinimum] = 0;
        settings.ControlCharacters[ControlCharacterTime] = 0;
        SetSpeed(ref settings, baudRate);
    }

    /// <summary>Sets an arbitrary rate with BOTHER, so 921600, 1500000 and non-standard rates all take one path.</summary>
    /// <param name="settings">The settings to change in place.</param>
    /// <param name="baudRate">Bits per second.</param>
    public static void SetSpeed(ref Termios2 settings, int baudRate)
    {
        settings.ControlFlags &= ~ControlBaudMask;
        settings.ControlFlags |= ControlBaudOther;
        settings.InputSpeed = (uint)baudRate;
        settings.OutputSpeed = (uint)baudRate;
    }
}
