using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Wand.Host.Flashing;

/// <summary>What a boot log says about the board.</summary>
public enum BootLogFindingKind
{
    /// <summary>The chip booted from flash (<c>boot:0x13</c> or similar) instead of the download loader.</summary>
    WrongBootMode,

    /// <summary>The chip is in download mode ("waiting for download") but did not answer.</summary>
    DownloadModeWithoutSync,

    /// <summary>The chip is in download mode after a reset that should have booted the firmware.</summary>
    StillInDownloadMode,

    /// <summary>The brown-out detector reset the chip: its supply sags.</summary>
    Brownout,

    /// <summary>The ROM could not read the second-stage bootloader from flash.</summary>
    FlashReadError,

    /// <summary>The ROM found no valid image header at the bootloader address.</summary>
    InvalidHeader,
}

/// <summary>One finding with what to do about it.</summary>
/// <param name="Kind">What was seen.</param>
/// <param name="Message">One or two sentences: what it means and what to do.</param>
public sealed record BootLogFinding(BootLogFindingKind Kind, string Message);

/// <summary>
/// Reads the text an ESP32 prints at 115200 baud when it resets (ROM banner, second-stage bootloader, ESP-IDF) and
/// names the problems a flasher can act on. The boot-mode rule is esptool's (loader.py <c>_connect_attempt</c>: the
/// regex <c>boot:(0x[0-9a-fA-F]+)(.*waiting for download)?</c> and its "Wrong boot mode detected" and "Download mode
/// successfully detected, but getting no sync reply" messages); the other texts are the ROM's "flash read err" and
/// "invalid header", and ESP-IDF's "Brownout detector was triggered".
/// </summary>
public static partial class BootLogDiagnosis
{
    /// <summary>Analyses a boot log seen while connecting to the loader.</summary>
    /// <param name="bootLog">Text received outside SLIP frames.</param>
    /// <returns>The findings, most important first; empty when nothing is recognised.</returns>
    public static IReadOnlyList<BootLogFinding> BeforeConnecting(string bootLog)
    {
        ArgumentNullException.ThrowIfNull(bootLog);
        List<BootLogFinding> findings = [];
        AddHardwareFindings(bootLog, findings);
        Match match = BootMode().Match(bootLog);
        if (match.Success)
        {
            findings.Insert(0, match.Groups[2].Success
                ? new BootLogFinding(BootLogFindingKind.DownloadModeWithoutSync, "Download mode successfully detected, but getting no sync reply: the serial TX path seems to be down (check the board's RX line and the USB-UART bridge).")
                : new BootLogFinding(BootLogFindingKind.WrongBootMode, $"Wrong boot mode detected ({match.Groups[1].Value})! The chip booted from flash instead of into download mode: hold BOOT (GPIO0) low while pressing RESET, then retry; if the board has auto-reset, check that DTR reaches GPIO0."));
        }

        return findings;
    }

    /// <summary>Analyses the boot log after the reset into the new firmware.</summary>
    /// <param name="bootLog">Text received after the reset.</param>
    /// <returns>The findings; empty when the boot looks normal or nothing was received.</returns>
    public static IReadOnlyList<BootLogFinding> AfterReset(string bootLog)
    {
        ArgumentNullException.ThrowIfNull(bootLog);
        List<BootLogFinding> findings = [];
        Match match = BootMode().Match(bootLog);
        if (match.Success && match.Groups[2].Success)
        {
            findings.Add(new BootLogFinding(BootLogFindingKind.StillInDownloadMode, $"The chip reset into download mode again ({match.Groups[1].Value}) instead of starting the firmware: GPIO0 is held low (BOOT pressed, or DTR asserted by another program holding the port); release it and press RESET."));
        }

        AddHardwareFindings(bootLog, findings);
        return findings;
    }

    private static void AddHardwareFindings(string bootLog, List<BootLogFinding> findings)
    {
        if (bootLog.Contains("Brownout detector was triggered", StringComparison.Ordinal))
        {
            findings.Add(new BootLogFinding(BootLogFindingKind.Brownout, "Brown-out: the chip's supply dropped below the detector threshold and it reset. Power the board from a port or supply that gives 500 mA, use a shorter USB cable, and charge or connect the battery."));
        }

        if (bootLog.Contains("flash read err", StringComparison.Ordinal))
        {
            findings.Add(new BootLogFinding(BootLogFindingKind.FlashReadError, "The ROM could not read the bootloader from flash (\"flash read err\"): the flash is empty or damaged at 0x1000, or the bootloader's flash mode does not suit this module. Flash the complete firmware package again, with --flash-mode dio if it persists."));
        }

        if (bootLog.Contains("invalid header", StringComparison.Ordinal))
        {
            findings.Add(new BootLogFinding(BootLogFindingKind.InvalidHeader, "The ROM found no valid image at the bootloader address (\"invalid header\"): the flash was erased or the bootloader was written elsewhere. Flash the complete firmware package."));
        }
    }

    [GeneratedRegex(@"boot:(0x[0-9a-fA-F]+)(.*waiting for download)?", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex BootMode();
}
