using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Host;

/// <summary>
/// Renders the declarative profile table as the Markdown that PROFILE.md carries between its "generated" markers,
/// so the document and the code cannot drift apart (a test compares them).
/// </summary>
public static class ProfileDocument
{
    /// <summary>The line that opens the generated section in PROFILE.md.</summary>
    public const string BeginMarker = "<!-- BEGIN GENERATED: profile table (Wand.Protocol.Host.ProfileDocument) -->";

    /// <summary>The line that closes the generated section in PROFILE.md.</summary>
    public const string EndMarker = "<!-- END GENERATED: profile table -->";

    /// <summary>Renders the services and characteristics tables.</summary>
    /// <returns>Markdown text with "\n" line ends, without the markers.</returns>
    public static string RenderTables()
    {
        var text = new StringBuilder();
        text.Append("| Service | UUID | Description |\n|---|---|---|\n");
        for (int index = 0; index < WandProfile.ServiceCount; index++)
        {
            ServiceDefinition service = WandProfile.Service(index)!;
            text.Append(CultureInfo.InvariantCulture, $"| `{service.Name}` | `{service.Uuid.Text}` | {service.Description} |\n");
        }

        text.Append('\n');
        text.Append("| # | Characteristic | Service | UUID | Properties | Read security | Write security | Write length | Value length | Notify interval | Units |\n");
        text.Append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int index = 0; index < WandProfile.CharacteristicCount; index++)
        {
            CharacteristicDefinition characteristic = WandProfile.Characteristic(index)!;
            string service = WandProfile.Service(characteristic.ServiceIndex)!.Name;
            text.Append(CultureInfo.InvariantCulture, $"| {index} | `{characteristic.Name}` | `{service}` | `{characteristic.Uuid.Text}` | {Properties(characteristic)} | {Security(characteristic.ReadSecurity, characteristic.CanRead || characteristic.CanNotify)} | {Security(characteristic.WriteSecurity, characteristic.CanWrite || characteristic.CanWriteWithoutResponse)} | {WriteLength(characteristic)} | {ValueLength(characteristic)} | {NotifyInterval(characteristic)} | {characteristic.Units} |\n");
        }

        return text.ToString();
    }

    /// <summary>Replaces the generated section of a PROFILE.md text with the current tables.</summary>
    /// <param name="document">The document text.</param>
    /// <returns>The updated text, or <c>null</c> when the markers are missing.</returns>
    public static string? ReplaceGeneratedSection(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        string normalized = document.Replace("\r\n", "\n", StringComparison.Ordinal);
        int begin = normalized.IndexOf(BeginMarker, StringComparison.Ordinal);
        int end = normalized.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            return null;
        }

        int contentStart = begin + BeginMarker.Length;
        return string.Concat(normalized.AsSpan(0, contentStart), "\n", RenderTables(), normalized.AsSpan(end));
    }

    private static string Properties(CharacteristicDefinition characteristic)
    {
        var parts = new List<string>();
        if (characteristic.CanRead)
        {
            parts.Add("Read");
        }

        if (characteristic.CanWrite)
        {
            parts.Add("Write");
        }

        if (characteristic.CanWriteWithoutResponse)
        {
            parts.Add("Write Without Response");
        }

        if (characteristic.CanNotify)
        {
            parts.Add("Notify");
        }

        return string.Join(", ", parts);
    }

    private static string Security(AccessSecurity security, bool applies) => !applies
        ? "–"
        : security switch
        {
            AccessSecurity.Open => "open",
            AccessSecurity.Encrypted => "encrypted",
            AccessSecurity.FactoryMode => "encrypted + factory mode",
            _ => security.ToString(),
        };

    private static string WriteLength(CharacteristicDefinition characteristic)
    {
        if (!characteristic.CanWrite && !characteristic.CanWriteWithoutResponse)
        {
            return "–";
        }

        return characteristic.MinimumWriteLength == characteristic.MaximumWriteLength
            ? characteristic.MinimumWriteLength.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{characteristic.MinimumWriteLength}–{characteristic.MaximumWriteLength}");
    }

    private static string ValueLength(CharacteristicDefinition characteristic) =>
        characteristic.MaximumValueLength == 0 ? "–" : string.Create(CultureInfo.InvariantCulture, $"≤ {characteristic.MaximumValueLength}");

    private static string NotifyInterval(CharacteristicDefinition characteristic)
    {
        if (!characteristic.CanNotify)
        {
            return "–";
        }

        return characteristic.NotifyIntervalMilliseconds == 0
            ? "per event"
            : string.Create(CultureInfo.InvariantCulture, $"≥ {characteristic.NotifyIntervalMilliseconds} ms");
    }
}
