using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Protocol.Codec;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Client;

/// <summary>Reads and writes of <see cref="WandClient"/> beyond sessions: settings, head, limits, faults, identity, status updates.</summary>
public sealed partial class WandClient
{
    /// <summary>Raised for each status notification after <see cref="SubscribeStatusAsync"/>; runs on the link's reader.</summary>
    public event EventHandler<WandStatus>? StatusChanged;

    /// <summary>Subscribes to status notifications (at most one every 250 ms, and at least every 1 s while a session runs).</summary>
    /// <param name="enable"><c>true</c> to subscribe, <c>false</c> to stop.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the subscription changed.</returns>
    public Task SubscribeStatusAsync(bool enable, CancellationToken cancellationToken = default) =>
        Link.SubscribeAsync(Status, enable, cancellationToken);

    /// <summary>Reads the session settings.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The settings.</returns>
    public async Task<WandSettings> ReadSettingsAsync(CancellationToken cancellationToken = default)
    {
        byte[] value = await Link.ReadAsync(Settings, cancellationToken).ConfigureAwait(false);
        SessionSettings settings = new();
        Check(settings.Decode(value, 0, value.Length), "settings", value.Length);
        return new WandSettings(settings.DefaultSessionSeconds, settings.DefaultLevel, settings.DefaultPattern);
    }

    /// <summary>Writes the session settings; they apply from the next session and persist across reboots.</summary>
    /// <param name="settings">Session 60–900 s, level 1–5, a defined pattern.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the wand stored them.</returns>
    /// <exception cref="AttErrorException">A value is out of range (0x81–0x83) or storage failed (0x9B).</exception>
    public Task WriteSettingsAsync(WandSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        SessionSettings encoded = new()
        {
            DefaultSessionSeconds = settings.DefaultSessionSeconds,
            DefaultLevel = settings.DefaultLevel,
            DefaultPattern = settings.DefaultPattern,
        };
        byte[] value = new byte[SessionSettings.Length];
        encoded.Encode(value, 0);
        return Link.WriteAsync(Settings, value, WriteKind.WithResponse, cancellationToken);
    }

    /// <summary>Reads the head report.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The head.</returns>
    public async Task<WandHead> ReadHeadAsync(CancellationToken cancellationToken = default)
    {
        byte[] value = await Link.ReadAsync(Head, cancellationToken).ConfigureAwait(false);
        HeadReport head = new();
        Check(head.Decode(value, 0, value.Length), "head", value.Length);
        return new WandHead(head.Identity, head.MaximumLevel, head.AllowedPatterns, head.GetName());
    }

    /// <summary>Reads the limits in force now.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The limits.</returns>
    public async Task<EffectiveLimits> ReadLimitsAsync(CancellationToken cancellationToken = default)
    {
        byte[] value = await Link.ReadAsync(Limits, cancellationToken).ConfigureAwait(false);
        EffectiveLimits limits = new();
        Check(limits.Decode(value, 0, value.Length), "limits", value.Length);
        return limits;
    }

    /// <summary>Reads the whole fault log, newest first, page by page (three entries per read).</summary>
    /// <param name="progress">Receives entries read and the total after every page; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Cancels the job between pages.</param>
    /// <returns>The entries, newest first.</returns>
    public async Task<IReadOnlyList<FaultEntry>> ReadFaultLogAsync(IProgress<ReadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        List<FaultEntry> entries = [];
        FaultLogPage page = new();
        int first = 0;
        while (true)
        {
            await Link.WriteAsync(FaultLog, new[] { (byte)first }, WriteKind.WithResponse, cancellationToken).ConfigureAwait(false);
            byte[] value = await Link.ReadAsync(FaultLog, cancellationToken).ConfigureAwait(false);
            Check(page.Decode(value, 0, value.Length), "fault-log", value.Length);
            if (page.FirstIndex != first)
            {
                throw new ProtocolViolationException($"{Link.Address} answered fault-log selection {first} with page {page.FirstIndex}.");
            }

            for (int position = 0; position < page.Count; position++)
            {
                entries.Add(new FaultEntry(page.CodeAt(position), page.ContextAt(position), page.MillisecondsAt(position)));
            }

            progress?.Report(new ReadProgress(entries.Count, page.TotalEntries));
            first += page.Count;
            if (page.Count == 0 || first >= page.TotalEntries || first >= FaultLogPage.Capacity)
            {
                return entries;
            }
        }
    }

    /// <summary>Reads Device Information and, when the link allows it, the protocol version.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The identity.</returns>
    public async Task<WandDeviceInfo> ReadDeviceInfoAsync(CancellationToken cancellationToken = default)
    {
        string manufacturer = await ReadTextAsync(WandProfile.ManufacturerNameIndex, cancellationToken).ConfigureAwait(false);
        string model = await ReadTextAsync(WandProfile.ModelNumberIndex, cancellationToken).ConfigureAwait(false);
        string serial = await ReadTextAsync(WandProfile.SerialNumberIndex, cancellationToken).ConfigureAwait(false);
        string hardware = await ReadTextAsync(WandProfile.HardwareRevisionIndex, cancellationToken).ConfigureAwait(false);
        string firmware = await ReadTextAsync(WandProfile.FirmwareRevisionIndex, cancellationToken).ConfigureAwait(false);
        string software = await ReadTextAsync(WandProfile.SoftwareRevisionIndex, cancellationToken).ConfigureAwait(false);
        string? version = null;
        ProtocolFeatures features = ProtocolFeatures.None;
        try
        {
            byte[] value = await Link.ReadAsync(Version, cancellationToken).ConfigureAwait(false);
            ProtocolVersion decoded = new();
            Check(decoded.Decode(value, 0, value.Length), "protocol-version", value.Length);
            version = $"{decoded.Major}.{decoded.Minor}";
            features = decoded.Features;
        }
        catch (AttErrorException exception) when (exception.ErrorCode == (byte)AttError.InsufficientEncryption)
        {
            // Device Information is open; the protocol version needs an encrypted link (PROFILE.md §3).
        }

        return new WandDeviceInfo(manufacturer, model, serial, hardware, firmware, software, version, features);
    }

    private async Task<string> ReadTextAsync(int index, CancellationToken cancellationToken)
    {
        byte[] value = await Link.ReadAsync(CharacteristicMap.UuidOf(index), cancellationToken).ConfigureAwait(false);
        return AsciiText.Decode(value, 0, value.Length);
    }

    private void Check(AttError decoded, string characteristic, int length)
    {
        if (decoded != AttError.Success)
        {
            throw new ProtocolViolationException($"{Link.Address} sent a '{characteristic}' value of {length} bytes that does not decode ({AttErrorText.Describe((byte)decoded)}).");
        }
    }
}
