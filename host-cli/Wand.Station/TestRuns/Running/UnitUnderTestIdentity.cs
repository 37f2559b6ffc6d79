using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.TestRuns.Steps;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Host.TestRuns.Running;

/// <summary>The unit's identity from Device Information and the protocol version; blank fields when unreadable.</summary>
internal sealed class UnitUnderTestIdentity
{
    public const string UnknownSerial = "UNKNOWN";

    public string Serial { get; private init; } = string.Empty;

    public string FirmwareRevision { get; private init; } = string.Empty;

    public string SoftwareRevision { get; private init; } = string.Empty;

    public string HardwareRevision { get; private init; } = string.Empty;

    public string ModelNumber { get; private init; } = string.Empty;

    public string ProtocolVersion { get; private init; } = string.Empty;

    /// <summary>Reads what it can; a link that is not connected, or a refused read, leaves the field blank.</summary>
    public static async Task<UnitUnderTestIdentity> ReadAsync(IWandLink link, CancellationToken cancellationToken)
    {
        if (link.State != LinkState.Connected)
        {
            return new UnitUnderTestIdentity();
        }

        byte[]? version = await TryReadAsync(link, WandProfile.ProtocolVersionIndex, cancellationToken).ConfigureAwait(false);
        ProtocolVersion decoded = new();
        string protocol = version != null && decoded.Decode(version, 0, version.Length) == AttError.Success
            ? string.Create(CultureInfo.InvariantCulture, $"{decoded.Major}.{decoded.Minor}")
            : string.Empty;
        return new UnitUnderTestIdentity
        {
            Serial = await TextAsync(link, WandProfile.SerialNumberIndex, cancellationToken).ConfigureAwait(false),
            FirmwareRevision = await TextAsync(link, WandProfile.FirmwareRevisionIndex, cancellationToken).ConfigureAwait(false),
            SoftwareRevision = await TextAsync(link, WandProfile.SoftwareRevisionIndex, cancellationToken).ConfigureAwait(false),
            HardwareRevision = await TextAsync(link, WandProfile.HardwareRevisionIndex, cancellationToken).ConfigureAwait(false),
            ModelNumber = await TextAsync(link, WandProfile.ModelNumberIndex, cancellationToken).ConfigureAwait(false),
            ProtocolVersion = protocol,
        };
    }

    private static async Task<string> TextAsync(IWandLink link, int index, CancellationToken cancellationToken)
    {
        byte[]? value = await TryReadAsync(link, index, cancellationToken).ConfigureAwait(false);
        return value == null ? string.Empty : Encoding.ASCII.GetString(value).TrimEnd('\0');
    }

    private static async Task<byte[]?> TryReadAsync(IWandLink link, int index, CancellationToken cancellationToken)
    {
        try
        {
            return await link.ReadAsync(ProfileLookup.Uuid(WandProfile.Characteristic(index)), cancellationToken).ConfigureAwait(false);
        }
        catch (WandHostException)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C during identification: the record still gets written, with what is known.
            return null;
        }
    }
}
