using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Protocol.Factory;
using Wand.Protocol.Host;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Host.Calibration;

/// <summary>
/// The profile operations calibration needs, typed: status, identity, the calibration record and raw drive
/// (<c>protocol/PROFILE.md</c> §6–§7). Every call goes through the <see cref="IWandLink"/> seam.
/// </summary>
public sealed class FactoryClient
{
    private readonly IWandLink link;

    /// <summary>Initializes a new instance of the <see cref="FactoryClient"/> class.</summary>
    /// <param name="link">A connected link.</param>
    public FactoryClient(IWandLink link)
    {
        this.link = link ?? throw new ArgumentNullException(nameof(link));
    }

    /// <summary>Gets the link.</summary>
    public IWandLink Link => link;

    /// <summary>Reads the status characteristic.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The decoded status.</returns>
    public async Task<StatusReport> ReadStatusAsync(CancellationToken cancellationToken)
    {
        byte[] value = await link.ReadAsync(Uuid(WandProfile.StatusIndex), cancellationToken).ConfigureAwait(false);
        StatusReport status = new();
        Check(status.Decode(value, 0, value.Length), "status");
        return status;
    }

    /// <summary>Reads the limits in force on the unit.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The decoded limits.</returns>
    public async Task<EffectiveLimits> ReadLimitsAsync(CancellationToken cancellationToken)
    {
        byte[] value = await link.ReadAsync(Uuid(WandProfile.LimitsIndex), cancellationToken).ConfigureAwait(false);
        EffectiveLimits limits = new();
        Check(limits.Decode(value, 0, value.Length), "limits");
        return limits;
    }

    /// <summary>Reads the unit's identity: Device Information serial number and firmware revision.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>Serial number (empty until provisioned) and firmware revision.</returns>
    public async Task<UnitIdentity> ReadIdentityAsync(CancellationToken cancellationToken)
    {
        string serial = Encoding.ASCII.GetString(await link.ReadAsync(Uuid(WandProfile.SerialNumberIndex), cancellationToken).ConfigureAwait(false));
        string firmware = Encoding.ASCII.GetString(await link.ReadAsync(Uuid(WandProfile.FirmwareRevisionIndex), cancellationToken).ConfigureAwait(false));
        string model = Encoding.ASCII.GetString(await link.ReadAsync(Uuid(WandProfile.ModelNumberIndex), cancellationToken).ConfigureAwait(false));
        return new UnitIdentity(serial, model, firmware);
    }

    /// <summary>Reads the calibration record in use.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// The record in use, or <c>null</c> for 22 zero bytes. The firmware serves the safe defaults when no valid record
    /// is stored; the status flag <c>CalibrationInvalid</c> tells the two apart.
    /// </returns>
    public async Task<CalibrationRecord?> ReadCalibrationAsync(CancellationToken cancellationToken)
    {
        byte[] value = await link.ReadAsync(Uuid(WandProfile.CalibrationIndex), cancellationToken).ConfigureAwait(false);
        if (Array.TrueForAll(value, b => b == 0))
        {
            return null;
        }

        CalibrationRecord record = new();
        Check(record.Decode(value, 0, value.Length), "calibration");
        return record;
    }

    /// <summary>Writes a calibration record (acknowledged). The device validates, stores atomically, then uses it.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the wand acknowledged.</returns>
    public Task WriteCalibrationAsync(CalibrationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] bytes = new byte[CalibrationRecord.Length];
        record.Encode(bytes, 0);
        return link.WriteAsync(Uuid(WandProfile.CalibrationIndex), bytes, WriteKind.WithResponse, cancellationToken);
    }

    /// <summary>Drives the motor at an average voltage for a while (factory mode; the governor's ceiling holds).</summary>
    /// <param name="millivolts">Average motor voltage, 0 (stop) to 3000 mV.</param>
    /// <param name="durationMilliseconds">How long, 1 to 10000 ms; a later call replaces it.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the wand acknowledged.</returns>
    public Task RawDriveAsync(int millivolts, int durationMilliseconds, CancellationToken cancellationToken)
    {
        RawDriveCommand command = new() { Millivolts = millivolts, DurationMilliseconds = durationMilliseconds };
        byte[] bytes = new byte[RawDriveCommand.Length];
        command.Encode(bytes, 0);
        return link.WriteAsync(Uuid(WandProfile.RawDriveIndex), bytes, WriteKind.WithResponse, cancellationToken);
    }

    /// <summary>Stops raw drive.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the wand acknowledged.</returns>
    public Task StopAsync(CancellationToken cancellationToken) => RawDriveAsync(0, 1, cancellationToken);

    private static Guid Uuid(int index) => CharacteristicMap.UuidOf(index);

    private static void Check(AttError error, string what)
    {
        if (error != AttError.Success)
        {
            throw new ProtocolViolationException($"The wand's {what} value is malformed ({error}).");
        }
    }
}

/// <summary>Who the unit is.</summary>
/// <param name="SerialNumber">The provisioned serial number; empty when not provisioned.</param>
/// <param name="ModelNumber">The model number.</param>
/// <param name="FirmwareRevision">The firmware revision.</param>
public sealed record UnitIdentity(string SerialNumber, string ModelNumber, string FirmwareRevision);
