using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Host.Calibration.Sensors;
using Wand.Protocol.Factory;
using Wand.Protocol.Messages;

namespace Wand.Host.Calibration;

/// <summary>
/// The station's per-unit sensor calibration (SR-18). With the fixture substituting precision resistors for the NTC
/// (the 25 °C and 41 °C equivalents), setting the supply to two voltages and selecting two head-ID resistors, it reads
/// the raw readings through the Factory service, fits gain and offset per channel (<see cref="SensorCalibrationPlan"/>),
/// checks the fit against the uncertainty budget, writes the record, reads it back, and verifies the corrected readings
/// at the calibration points. The unit must be in factory mode. Prints nothing; failures are typed exceptions naming
/// the measurement.
/// </summary>
public sealed class SensorCalibrationProcedure
{
    /// <summary>Raw reads averaged per point.</summary>
    public const int ReadsPerPoint = 12;

    /// <summary>Smallest correction gain a good unit needs: the firmware's accepted range, from the uncertainty budget (<see cref="SensorCalibrationRecord.MinimumGainMicros"/>).</summary>
    public const double MinimumGain = SensorCalibrationRecord.MinimumGainMicros / 1e6;

    /// <summary>Largest correction gain a good unit needs (<see cref="SensorCalibrationRecord.MaximumGainMicros"/>).</summary>
    public const double MaximumGain = SensorCalibrationRecord.MaximumGainMicros / 1e6;

    /// <summary>Largest correction offset a good unit needs, in ADC counts (<see cref="SensorCalibrationRecord.MaximumOffsetMilliCounts"/>).</summary>
    public const double MaximumOffsetCounts = SensorCalibrationRecord.MaximumOffsetMilliCounts / 1e3;

    /// <summary>
    /// Largest disagreement between the battery and NTC channel gains (one ADC, so its gain error is common; what differs is
    /// the rail 2 %, the dividers 1 % each and the non-linearity's slope ≈ 1 %), as a fraction. A wrong divider resistor
    /// shows here.
    /// </summary>
    public const double MaximumGainDisagreement = 0.05;

    /// <summary>Status reads averaged for each verification reading.</summary>
    public const int VerifyReads = 8;

    /// <summary>Largest verification error of the corrected temperature at the 41 °C point, in kelvin.</summary>
    public const double VerifyKelvin = 0.15;

    /// <summary>Largest verification error of the corrected cell voltage at the cut-off point, in millivolts.</summary>
    public const int VerifyMillivolts = 10;

    private readonly SensorCalibrationClient client;
    private readonly ISensorCalibrationFixture fixture;

    /// <summary>Initializes a new instance of the <see cref="SensorCalibrationProcedure"/> class.</summary>
    /// <param name="client">The unit's Factory service.</param>
    /// <param name="fixture">The station fixture.</param>
    public SensorCalibrationProcedure(SensorCalibrationClient client, ISensorCalibrationFixture fixture)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.fixture = fixture ?? throw new ArgumentNullException(nameof(fixture));
    }

    /// <summary>Calibrates, stores and verifies one unit; the fixture is restored on every way out.</summary>
    /// <param name="restoreSupplyVolts">The supply voltage to leave the unit at, in volts.</param>
    /// <param name="cancellationToken">Cancels the procedure (the fixture is still restored).</param>
    /// <returns>The record written and the verification readings.</returns>
    /// <exception cref="SensorCalibrationException">A fit outside the budget or a failed verification; the message names the measurement.</exception>
    public async Task<SensorCalibrationResult> RunAsync(double restoreSupplyVolts, CancellationToken cancellationToken)
    {
        try
        {
            return await CalibrateAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await fixture.SubstituteThermistorAsync(null, CancellationToken.None).ConfigureAwait(false);
            await fixture.SelectHeadResistorAsync(null, CancellationToken.None).ConfigureAwait(false);
            await fixture.SetSupplyAsync(restoreSupplyVolts, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<SensorCalibrationResult> CalibrateAsync(CancellationToken cancellationToken)
    {
        SensorCalibrationRecord record = new();
        double pullUp = BoardProfile.CreateDefault().Thermistor.PullUpOhms;
        int divider = BoardProfile.CreateDefault().BatteryDividerPerMille;

        double headLow = await HeadPointAsync(SensorCalibrationPlan.HeadLowOhms, cancellationToken).ConfigureAwait(false);
        double headHigh = await HeadPointAsync(SensorCalibrationPlan.HeadHighOhms, cancellationToken).ConfigureAwait(false);
        Fit(record, SensorCalibrationRecord.HeadIdChannel, "head-id", headLow, SensorCalibrationPlan.NominalDividerCounts(SensorCalibrationPlan.HeadLowOhms, pullUp), headHigh, SensorCalibrationPlan.NominalDividerCounts(SensorCalibrationPlan.HeadHighOhms, pullUp));

        double ntcLow = await ThermistorPointAsync(SensorCalibrationPlan.ThermistorLowOhms, cancellationToken).ConfigureAwait(false);
        double ntcHigh = await ThermistorPointAsync(SensorCalibrationPlan.ThermistorHighOhms, cancellationToken).ConfigureAwait(false);
        Fit(record, SensorCalibrationRecord.ThermistorChannel, "ntc", ntcLow, SensorCalibrationPlan.NominalDividerCounts(SensorCalibrationPlan.ThermistorLowOhms, pullUp), ntcHigh, SensorCalibrationPlan.NominalDividerCounts(SensorCalibrationPlan.ThermistorHighOhms, pullUp));

        (double batteryLow, double metredLow) = await BatteryPointAsync(SensorCalibrationPlan.BatteryLowMillivolts, cancellationToken).ConfigureAwait(false);
        (double batteryHigh, double metredHigh) = await BatteryPointAsync(SensorCalibrationPlan.BatteryHighMillivolts, cancellationToken).ConfigureAwait(false);
        Fit(record, SensorCalibrationRecord.BatteryChannel, "battery", batteryLow, SensorCalibrationPlan.NominalBatteryCounts(metredLow * 1000, divider), batteryHigh, SensorCalibrationPlan.NominalBatteryCounts(metredHigh * 1000, divider));

        double disagreement = ((double)record.GainMicros(SensorCalibrationRecord.BatteryChannel) / record.GainMicros(SensorCalibrationRecord.ThermistorChannel)) - 1;
        if (Math.Abs(disagreement) > MaximumGainDisagreement)
        {
            throw new SensorCalibrationException("sensor-gain-agreement", $"The battery and NTC channel gains differ by {disagreement:P1} (at most {MaximumGainDisagreement:P0}): check the battery divider resistors.");
        }

        await client.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        SensorCalibrationRecord readBack = await client.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (!readBack.SameValues(record))
        {
            throw new ReadBackMismatchException("The sensor calibration read back differs from the record written.");
        }

        // Verify the corrected readings where the limits act: the 41 °C point and the cut-off.
        await fixture.SubstituteThermistorAsync(SensorCalibrationPlan.ThermistorHighOhms, cancellationToken).ConfigureAwait(false);
        double metred = await fixture.SetSupplyAsync(SensorCalibrationPlan.BatteryLowMillivolts / 1000.0, cancellationToken).ConfigureAwait(false);
        await fixture.WaitAsync(1000, cancellationToken).ConfigureAwait(false);
        (double celsius, double batteryMillivolts) = await CorrectedReadingsAsync(cancellationToken).ConfigureAwait(false);
        double expectedCelsius = NominalCelsius(SensorCalibrationPlan.ThermistorHighOhms);
        double temperatureError = celsius - expectedCelsius;
        if (Math.Abs(temperatureError) > VerifyKelvin)
        {
            throw new SensorCalibrationException("sensor-ntc-verify", $"With {SensorCalibrationPlan.ThermistorHighOhms} Ω in place of the NTC the unit reads {celsius:F2} °C, {temperatureError:+0.00;-0.00} K from {expectedCelsius:F2} °C (at most ±{VerifyKelvin} K).");
        }

        int batteryError = (int)Math.Round(batteryMillivolts - (metred * 1000));
        if (Math.Abs(batteryError) > VerifyMillivolts)
        {
            throw new SensorCalibrationException("sensor-battery-verify", $"At a metered {metred:F3} V the unit reads {batteryMillivolts:F0} mV, {batteryError:+0;-0} mV off (at most ±{VerifyMillivolts} mV).");
        }

        return new SensorCalibrationResult(record, temperatureError, batteryError);
    }

    /// <summary>
    /// The unit's corrected readings averaged over <see cref="VerifyReads"/> status reads a thermal sample period apart,
    /// so the verification judges the correction, not one reading's noise.
    /// </summary>
    private async Task<(double Celsius, double BatteryMillivolts)> CorrectedReadingsAsync(CancellationToken cancellationToken)
    {
        double celsius = 0;
        double millivolts = 0;
        for (int read = 0; read < VerifyReads; read++)
        {
            if (read > 0)
            {
                await fixture.WaitAsync(SafetyLimits.ThermalSamplePeriodMilliseconds, cancellationToken).ConfigureAwait(false);
            }

            StatusReport status = await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
            celsius += status.HeadTemperatureCentidegrees / 100.0;
            millivolts += status.BatteryMillivolts;
        }

        return (celsius / VerifyReads, millivolts / VerifyReads);
    }

    private static void Fit(SensorCalibrationRecord record, int channel, string name, double rawLow, double nominalLow, double rawHigh, double nominalHigh)
    {
        if (!SensorCalibrationPlan.Fit(record, channel, rawLow, nominalLow, rawHigh, nominalHigh))
        {
            throw new SensorCalibrationException($"sensor-{name}-fit", $"The {name} channel reads the same at both calibration points ({rawLow:F1} counts): the input is stuck or open.");
        }

        double gain = record.GainMicros(channel) / 1e6;
        double offset = record.OffsetMilliCounts(channel) / 1e3;
        if (gain < MinimumGain || gain > MaximumGain || Math.Abs(offset) > MaximumOffsetCounts)
        {
            throw new SensorCalibrationException($"sensor-{name}-fit", $"The {name} channel needs gain {gain:F4} and offset {offset:F1} counts, outside the budget (gain {MinimumGain} to {MaximumGain}, offset ± {MaximumOffsetCounts} counts): a part is out of tolerance.");
        }
    }

    /// <summary>The temperature the board profile's nominal NTC has at a resistance (Beta equation), in °C.</summary>
    private static double NominalCelsius(double ohms)
    {
        ThermistorParameters nominal = BoardProfile.CreateDefault().Thermistor;
        double referenceKelvin = (nominal.ReferenceMillidegrees / 1000.0) + 273.15;
        return (1.0 / ((1.0 / referenceKelvin) + (Math.Log(ohms / nominal.NominalOhms) / nominal.BetaKelvin))) - 273.15;
    }

    private async Task<double> HeadPointAsync(double ohms, CancellationToken cancellationToken)
    {
        await fixture.SelectHeadResistorAsync(ohms, cancellationToken).ConfigureAwait(false);
        await fixture.WaitAsync(100, cancellationToken).ConfigureAwait(false);
        double sum = 0;
        for (int read = 0; read < ReadsPerPoint; read++)
        {
            await fixture.WaitAsync(20, cancellationToken).ConfigureAwait(false);
            sum += (await client.ReadRawAsync(cancellationToken).ConfigureAwait(false)).HeadIdCounts;
        }

        return sum / ReadsPerPoint;
    }

    private async Task<double> ThermistorPointAsync(double ohms, CancellationToken cancellationToken)
    {
        await fixture.SubstituteThermistorAsync(ohms, cancellationToken).ConfigureAwait(false);
        await fixture.WaitAsync(SafetyLimits.ThermalSamplePeriodMilliseconds + 20, cancellationToken).ConfigureAwait(false);
        double sum = 0;
        for (int read = 0; read < ReadsPerPoint; read++)
        {
            // One NTC sample per period, itself the mean of 16 reads.
            await fixture.WaitAsync(SafetyLimits.ThermalSamplePeriodMilliseconds, cancellationToken).ConfigureAwait(false);
            sum += (await client.ReadRawAsync(cancellationToken).ConfigureAwait(false)).ThermistorCounts;
        }

        return sum / ReadsPerPoint;
    }

    private async Task<(double Raw, double MetredVolts)> BatteryPointAsync(int millivolts, CancellationToken cancellationToken)
    {
        double metred = await fixture.SetSupplyAsync(millivolts / 1000.0, cancellationToken).ConfigureAwait(false);
        await fixture.WaitAsync(200, cancellationToken).ConfigureAwait(false);
        double sum = 0;
        for (int read = 0; read < ReadsPerPoint * 4; read++)
        {
            await fixture.WaitAsync(20, cancellationToken).ConfigureAwait(false);
            sum += (await client.ReadRawAsync(cancellationToken).ConfigureAwait(false)).BatteryCounts;
        }

        return (sum / (ReadsPerPoint * 4), metred);
    }
}

/// <summary>What a sensor calibration wrote and how well the unit read at the verification points.</summary>
/// <param name="Record">The record written and read back.</param>
/// <param name="TemperatureErrorKelvin">Corrected temperature minus the expected, at the 41 °C point, in kelvin.</param>
/// <param name="BatteryErrorMillivolts">Corrected cell voltage minus the metered supply, at the cut-off, in millivolts.</param>
public sealed record SensorCalibrationResult(SensorCalibrationRecord Record, double TemperatureErrorKelvin, int BatteryErrorMillivolts);

/// <summary>A sensor calibration failed; <see cref="Measurement"/> names what (SR-18).</summary>
/// <param name="measurement">The measurement's name, e.g. "sensor-battery-fit".</param>
/// <param name="message">What was seen and what to check.</param>
public sealed class SensorCalibrationException(string measurement, string message) : CalibrationException(message)
{
    /// <summary>Gets the name of the failed measurement.</summary>
    public string Measurement { get; } = measurement;
}
