using System;
using System.IO;
using System.Runtime.InteropServices;

namespace Wand.Host.Calibration.Jig;

/// <summary>A pseudo-terminal pair (openpty(3)): the jig side and the host side of a simulated serial cable.</summary>
public sealed class PseudoTerminal : IDisposable
{
    private PseudoTerminal(PosixTerminalLine controller, PosixTerminalLine terminal, string terminalPath)
    {
        Controller = controller;
        Terminal = terminal;
        TerminalPath = terminalPath;
    }

    /// <summary>Gets the terminal side's device path (for example <c>/dev/pts/7</c>), to open like a serial port.</summary>
    public string TerminalPath { get; }

    /// <summary>Gets the controlling side, where a simulated device (the jig) sits.</summary>
    public PosixTerminalLine Controller { get; }

    /// <summary>Gets the terminal side, which a host opens like a serial port.</summary>
    public PosixTerminalLine Terminal { get; }

    /// <summary>Opens a new pair, both ends raw.</summary>
    /// <returns>The pair.</returns>
    /// <exception cref="IOException">openpty failed.</exception>
    public static unsafe PseudoTerminal Open()
    {
        if (PosixNative.OpenPseudoTerminal(out int controller, out int terminal, 0, 0, 0) != 0)
        {
            throw new IOException($"openpty failed: {Marshal.GetLastPInvokeErrorMessage()}.");
        }

        byte* name = stackalloc byte[128];
        string path = PosixNative.TerminalName(controller, name, 128) == 0 ? Marshal.PtrToStringUTF8((nint)name) ?? string.Empty : string.Empty;
        return new PseudoTerminal(PosixTerminalLine.FromDescriptor(controller, "pty controller"), PosixTerminalLine.FromDescriptor(terminal, path), path);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Terminal.Dispose();
        Controller.Dispose();
    }
}
