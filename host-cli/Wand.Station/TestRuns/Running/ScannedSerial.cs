using System;
using System.Text.RegularExpressions;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// A unit's serial as the operator scans or types it at the station (HC-5): 1 to 16 characters of capital letters,
/// digits and '-', the format the factory provisions (SR-15) and the end-of-line plan checks. A barcode scanner in
/// keyboard mode types it and Enter; surrounding white space is dropped.
/// </summary>
public static partial class ScannedSerial
{
    /// <summary>The format, as a regular expression.</summary>
    public const string Format = "^[A-Z0-9-]{1,16}$";

    /// <summary>Checks a scanned line.</summary>
    /// <param name="line">The line as typed, or <c>null</c>.</param>
    /// <param name="serial">The serial, trimmed, when valid.</param>
    /// <returns><c>null</c> when valid, otherwise what is wrong and what to do.</returns>
    public static string? Check(string? line, out string serial)
    {
        serial = (line ?? string.Empty).Trim();
        if (serial.Length == 0)
        {
            return "No serial was entered. Scan the label on the unit in the fixture.";
        }

        return Pattern().IsMatch(serial)
            ? null
            : $"'{Shorten(serial)}' is not a unit serial (1 to 16 of A-Z, 0-9 and '-'). Scan the unit's serial label, not another code.";
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    [GeneratedRegex(Format, RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
