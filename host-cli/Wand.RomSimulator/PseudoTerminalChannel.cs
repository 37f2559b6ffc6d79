using System;
using System.IO;
using Wand.Host.Serial.Terminals;

namespace Wand.RomSimulator;

/// <summary>
/// A Linux pseudo-terminal (the host's terminal layer, <see cref="PseudoTerminal"/>): the simulator holds the controller
/// side and keeps the terminal side open (so the host may open and close it repeatedly); the host opens
/// <see cref="SlavePath"/> with the real termios code, as it would /dev/ttyUSB0.
/// </summary>
internal sealed class PseudoTerminalChannel : ISimulatorChannel
{
    /// <summary>The rate the line starts at, before the host sets its own, in bits per second.</summary>
    private const int InitialBaudRate = 115_200;

    private readonly PseudoTerminal pair;

    /// <summary>Opens the pair, both ends raw, so nothing the chip sends is echoed back to it and no byte is translated.</summary>
    public PseudoTerminalChannel()
    {
        try
        {
            pair = PseudoTerminal.Open(InitialBaudRate);
        }
        catch (IOException exception)
        {
            throw new InvalidOperationException(exception.Message, exception);
        }
    }

    /// <summary>Gets the path the host opens, for example <c>/dev/pts/3</c>.</summary>
    public string SlavePath => pair.TerminalPath;

    public int? HostBaudRate => pair.TerminalBaudRate;

    public int Read(Span<byte> buffer, int timeoutMilliseconds)
    {
        try
        {
            return pair.Controller.Read(buffer, TimeSpan.FromMilliseconds(timeoutMilliseconds));
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            return -1;
        }
    }

    public void Write(ReadOnlySpan<byte> data)
    {
        try
        {
            pair.Controller.Write(data);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The host is gone; there is nothing to deliver to.
        }
    }

    public void Dispose() => pair.Dispose();
}
