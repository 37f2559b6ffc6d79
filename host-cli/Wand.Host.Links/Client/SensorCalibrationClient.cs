using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Protocol.Factory;
using Wand.Protocol.Host;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Host.Calibration;

/// <summary>
/// The Factory service's sensor-calibration side (SR-18): raw readings, and the sensor-calibration record read and
/// written through <c>sensor-calibration</c>. Factory mode only; outside it the wand refuses with an authorization error.
/// </summary>
public sealed class SensorCalibrationClient
{
    private readonly IWandLink link;

    /// <summary>Initializes a new instance of the <see cref="SensorCalibrationClient"/> class.</summary>
    /// <param name="link">A connected link to a wand in factory mode.</param>
    public SensorCalibrationClient(IWandLink link)
    {
        this.link = link ?? throw new ArgumentNullException(nameof(link));
    }

    /// <summary>Reads the raw ADC readings of head ID, NTC and battery.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The readings.</returns>
    public async Task<RawSensorReadings> ReadRawAsync(CancellationToken cancellationToken)
    {
        byte[] value = await link.ReadAsync(Uuid(WandProfile.RawSensorsIndex), cancellationToken).ConfigureAwait(false);
        RawSensorReadings readings = new();
        Check(readings.Decode(value, 0, value.Length), "raw-sensors");
        return readings;
    }

    /// <summary>Reads the sensor correction in force (unity when none is stored; the status flag tells).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The record.</returns>
    public async Task<SensorCalibrationRecord> ReadAsync(CancellationToken cancellationToken)
    {
        byte[] value = await link.ReadAsync(Uuid(WandProfile.SensorCalibrationIndex), cancellationToken).ConfigureAwait(false);
        SensorCalibrationRecord record = new();
        Check(record.Decode(value, 0, value.Length), "sensor-calibration");
        return record;
    }

    /// <summary>Writes a sensor calibration (acknowledged): the wand validates, stores atomically, reads back and uses it.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the wand acknowledged.</returns>
    public Task WriteAsync(SensorCalibrationRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        byte[] bytes = new byte[SensorCalibrationRecord.Length];
        record.Encode(bytes, 0);
        return link.WriteAsync(Uuid(WandProfile.SensorCalibrationIndex), bytes, WriteKind.WithResponse, cancellationToken);
    }

    /// <summary>Reads the status (corrected temperature and cell voltage, and the calibration flags).</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The status.</returns>
    public async Task<StatusReport> ReadStatusAsync(CancellationToken cancellationToken)
    {
        byte[] value = await link.ReadAsync(Uuid(WandProfile.StatusIndex), cancellationToken).ConfigureAwait(false);
        StatusReport status = new();
        Check(status.Decode(value, 0, value.Length), "status");
        return status;
    }

    private static Guid Uuid(int index) => WandProfile.Characteristic(index).Uuid.ToGuid();

    private static void Check(AttError error, string what)
    {
        if (error != AttError.Success)
        {
            throw new System.Net.ProtocolViolationException($"The wand's {what} value is malformed ({error}).");
        }
    }
}
