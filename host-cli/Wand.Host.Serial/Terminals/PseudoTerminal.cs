using System;
using System.IO;
using System.Runtime.InteropServices;
using Wand.Host.Serial;

namespace Wand.Host.Serial.Terminals;

/// <summary>
/// A pseudo-terminal pair (posix_openpt(3), grantpt(3), unlockpt(3), ptsname_r(3)): the device side and the host side of
/// a simulated serial cable. Both ends stay open for the pair's lifetime, so a host may open and close
/// <see cref="TerminalPath"/> as often as it likes, as it would a USB serial adapter.
/// </summary>
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

    /// <summary>Gets the controlling side, where a simulated device (a jig, a chip's ROM loader) sits.</summary>
    public PosixTerminalLine Controller { get; }

    /// <summary>Gets the terminal side, which a host opens like a serial port.</summary>
    public PosixTerminalLine Terminal { get; }

    /// <summary>Gets the line rate the host last set on the terminal side, in bits per second, or <c>null</c> when unknown.</summary>
    public int? TerminalBaudRate => Terminal.ReadBaudRate();

    /// <summary>Opens a new pair, both ends raw.</summary>
    /// <param name="baudRate">Line rate to start at, in bits per second; <c>null</c> keeps the system's default.</param>
    /// <returns>The pair.</returns>
    /// <exception cref="IOException">The system has no pseudo-terminal to give.</exception>
    public static unsafe PseudoTerminal Open(int? baudRate = null)
    {
        int flags = LinuxNative.OpenReadWrite | LinuxNative.OpenNoControllingTerminal | LinuxNative.OpenCloseOnExec;
        int controller = LinuxNative.OpenPseudoTerminalController(flags);
        if (controller < 0)
        {
            throw new IOException($"posix_openpt failed: {Marshal.GetLastPInvokeErrorMessage()}.");
        }

        try
        {
            if (LinuxNative.GrantPseudoTerminal(controller) != 0 || LinuxNative.UnlockPseudoTerminal(controller) != 0)
            {
                throw new IOException($"grantpt/unlockpt failed: {Marshal.GetLastPInvokeErrorMessage()}.");
            }

            byte* name = stackalloc byte[128];
            int problem = LinuxNative.PseudoTerminalName(controller, name, 128);
            if (problem != 0)
            {
                throw new IOException($"ptsname_r failed: {Marshal.GetPInvokeErrorMessage(problem)}.");
            }

            string path = Marshal.PtrToStringUTF8((nint)name) ?? string.Empty;
            int terminal = LinuxNative.Open(path, flags);
            if (terminal < 0)
            {
                throw new IOException($"Cannot open {path}: {Marshal.GetLastPInvokeErrorMessage()}.");
            }

            return new PseudoTerminal(PosixTerminalLine.FromDescriptor(controller, "pty controller"), PosixTerminalLine.FromDescriptor(terminal, path, baudRate), path);
        }
        catch
        {
            _ = LinuxNative.Close(controller);
            throw;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Terminal.Dispose();
        Controller.Dispose();
    }
}
