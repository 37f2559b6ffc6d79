using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Wand.Host.Serial;

namespace Wand.Host.Flashing;

/// <summary>
/// Brings a chip into the ROM loader and synchronises (esptool <c>loader.py</c> <c>_connect_attempt</c>,
/// https://github.com/espressif/esptool/blob/v5.2.0/esptool/loader.py): per attempt flush, reset with the next
/// strategy, read the boot log, then up to five SYNCs. When nothing answers, the boot log decides the hint.
/// </summary>
public static class RomConnector
{
    /// <summary>The rate the ROM starts at; esptool never syncs faster.</summary>
    public const int RomBaudRate = 115_200;

    private const int SyncsPerAttempt = 5;
    private static readonly TimeSpan SyncRetryPause = TimeSpan.FromMilliseconds(50);

    /// <summary>Resets the chip into the loader (when the port has DTR/RTS) and synchronises.</summary>
    /// <param name="port">The port, at any rate; it is set to 115200.</param>
    /// <param name="progress">Receives status and warnings.</param>
    /// <param name="timeouts">Answer timeouts, or esptool's defaults.</param>
    /// <param name="attempts">Connection attempts, esptool's 7 by default.</param>
    /// <returns>A synchronised connection.</returns>
    /// <exception cref="BootloaderNotRespondingException">No SYNC answer; the message says why, from the boot log.</exception>
    public static RomConnection Connect(ISerialPort port, IFlashProgress progress, RomTimeouts? timeouts = null, int attempts = 7)
    {
        ArgumentNullException.ThrowIfNull(port);
        ArgumentNullException.ThrowIfNull(progress);
        if (port.BaudRate != RomBaudRate)
        {
            port.SetBaudRate(RomBaudRate);
        }

        RomConnection connection = new(port, timeouts);
        ResetStrategy[] strategies = ResetStrategy.ConnectSequence();
        bool canReset = port.SupportsControlLines;
        if (!canReset)
        {
            progress.Warning($"Chip was NOT reset. Setting RTS/DTR lines is not supported for port {port.Name}; put the board into download mode by hand (hold BOOT, tap RESET) if it does not answer.");
        }

        string bootLog = string.Empty;
        for (int attempt = 0; attempt < attempts; attempt++)
        {
            if (canReset)
            {
                // esptool: flush, reset, then read what the chip printed (loader.py _connect_attempt). Without a reset
                // the text that already arrived is kept, because it is the only boot log there is.
                connection.DiscardInput();
                connection.ResetReceiver();
                ResetStrategy strategy = strategies[attempt % strategies.Length];
                progress.Status($"Connecting to {port.Name} (attempt {attempt + 1} of {attempts}, {strategy.Name} reset)");
                try
                {
                    strategy.Run(port);
                }
                catch (ControlLinesNotSupportedException)
                {
                    canReset = false;
                    progress.Warning($"Chip was NOT reset. Setting RTS/DTR lines is not supported for port {port.Name}.");
                }
            }
            else
            {
                progress.Status($"Connecting to {port.Name} (attempt {attempt + 1} of {attempts})");
            }

            connection.CollectPendingInput();
            for (int sync = 0; sync < SyncsPerAttempt; sync++)
            {
                if (connection.TrySync())
                {
                    foreach (BootLogFinding finding in BootLogDiagnosis.BeforeConnecting(connection.StrayText))
                    {
                        if (finding.Kind is BootLogFindingKind.Brownout)
                        {
                            progress.Warning(finding.Message);
                        }
                    }

                    return connection;
                }

                Thread.Sleep(SyncRetryPause);
            }

            if (connection.StrayText.Length > 0)
            {
                bootLog = connection.StrayText;
            }
        }

        throw new BootloaderNotRespondingException($"The ESP32 ROM loader on {port.Name} did not answer after {attempts} attempts. {HintFromBootLog(bootLog)}");
    }

    /// <summary>Explains a failed connection from what the chip printed (esptool's boot-log rules, <c>loader.py</c> <c>_connect_attempt</c>).</summary>
    /// <param name="bootLog">Text received outside SLIP frames.</param>
    /// <returns>One or two sentences saying what to do.</returns>
    public static string HintFromBootLog(string bootLog)
    {
        ArgumentNullException.ThrowIfNull(bootLog);
        IReadOnlyList<BootLogFinding> findings = BootLogDiagnosis.BeforeConnecting(bootLog);
        if (findings.Count > 0)
        {
            return string.Join(" ", findings.Select(finding => finding.Message));
        }

        return bootLog.Length > 0
            ? "The board printed text but no boot banner: check that --port is the ESP32's UART and that nothing else drives its lines."
            : "No serial data received: check the port name ('wand ports'), the cable (a charge-only cable carries no data) and the board's power, then hold BOOT while pressing RESET and retry.";
    }
}
