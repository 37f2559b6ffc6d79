using System;
using System.Threading;
using Wand.Host.Serial;

namespace Wand.Host.Flashing;

/// <summary>
/// A DTR/RTS sequence that resets the chip into (or out of) the ROM loader. Wiring: RTS drives EN, DTR drives GPIO0,
/// both active low (https://docs.espressif.com/projects/esptool/en/latest/esp32/advanced-topics/boot-mode-selection.html).
/// Sequences and delays follow esptool's reset.py (https://github.com/espressif/esptool/blob/v5.2.0/esptool/reset.py).
/// </summary>
public abstract class ResetStrategy
{
    /// <summary>The standard wait after releasing EN before releasing GPIO0 (esptool <c>DEFAULT_RESET_DELAY</c>), 50 ms.</summary>
    public static readonly TimeSpan DefaultResetDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>The long variant for boards with slow EN capacitors (esptool's "extra" delay), 550 ms.</summary>
    public static readonly TimeSpan ExtraResetDelay = TimeSpan.FromMilliseconds(550);

    /// <summary>How long EN is held low, 100 ms.</summary>
    protected static readonly TimeSpan HoldInReset = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets a short name for logs, for example <c>unix-tight 50 ms</c>.</summary>
    public abstract string Name { get; }

    /// <summary>
    /// The order esptool tries on POSIX across connection attempts: tight 50 ms, tight 550 ms, classic 50 ms, classic 550 ms.
    /// </summary>
    /// <returns>The four strategies.</returns>
    public static ResetStrategy[] ConnectSequence() =>
    [
        new UnixTightReset(DefaultResetDelay),
        new UnixTightReset(ExtraResetDelay),
        new ClassicReset(DefaultResetDelay),
        new ClassicReset(ExtraResetDelay),
    ];

    /// <summary>Runs the sequence.</summary>
    /// <param name="port">The port whose lines to drive.</param>
    /// <exception cref="ControlLinesNotSupportedException">The port has no modem lines.</exception>
    public abstract void Run(ISerialPort port);

    /// <summary>Waits for a step of the sequence.</summary>
    /// <param name="duration">How long.</param>
    protected static void Wait(TimeSpan duration) => Thread.Sleep(duration);
}

/// <summary>esptool ClassicReset: DTR and RTS set one after the other.</summary>
/// <param name="resetDelay">The wait between releasing EN and releasing GPIO0.</param>
public sealed class ClassicReset(TimeSpan resetDelay) : ResetStrategy
{
    /// <inheritdoc/>
    public override string Name => $"classic {resetDelay.TotalMilliseconds:0} ms";

    /// <inheritdoc/>
    public override void Run(ISerialPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        port.SetControlLines(dataTerminalReady: false, requestToSend: null); // GPIO0 high
        port.SetControlLines(dataTerminalReady: null, requestToSend: true); // EN low: chip in reset
        Wait(HoldInReset);
        port.SetControlLines(dataTerminalReady: true, requestToSend: null); // GPIO0 low
        port.SetControlLines(dataTerminalReady: null, requestToSend: false); // EN high: chip boots, samples GPIO0
        Wait(resetDelay);
        port.SetControlLines(dataTerminalReady: false, requestToSend: null); // release GPIO0
    }
}

/// <summary>esptool UnixTightReset: both lines set in one TIOCMSET call, so no intermediate state reaches the board.</summary>
/// <param name="resetDelay">The wait between releasing EN and releasing GPIO0.</param>
public sealed class UnixTightReset(TimeSpan resetDelay) : ResetStrategy
{
    /// <inheritdoc/>
    public override string Name => $"unix-tight {resetDelay.TotalMilliseconds:0} ms";

    /// <inheritdoc/>
    public override void Run(ISerialPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        port.SetControlLines(false, false);
        port.SetControlLines(true, true);
        port.SetControlLines(false, true); // EN low, GPIO0 high
        Wait(HoldInReset);
        port.SetControlLines(true, false); // EN high, GPIO0 low
        Wait(resetDelay);
        port.SetControlLines(false, false);
        port.SetControlLines(false, null);
    }
}

/// <summary>esptool HardReset (<c>--after hard-reset</c>): pulse EN low with GPIO0 released, so the chip boots the flash.</summary>
public sealed class HardReset : ResetStrategy
{
    /// <inheritdoc/>
    public override string Name => "hard reset";

    /// <inheritdoc/>
    public override void Run(ISerialPort port)
    {
        ArgumentNullException.ThrowIfNull(port);
        port.SetControlLines(dataTerminalReady: false, requestToSend: true);
        Wait(HoldInReset);
        port.SetControlLines(dataTerminalReady: null, requestToSend: false);
    }
}
