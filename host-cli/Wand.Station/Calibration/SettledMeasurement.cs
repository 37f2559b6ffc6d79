using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Fitting;
using Wand.Host.Calibration.Sensors;

namespace Wand.Host.Calibration;

/// <summary>
/// Waits for the vibration to settle after a drive change, then averages the amplitude. Settled means two successive
/// windows agree within the tolerance: on frequency when the sensor reports it (rotor speed is nearly noise-free), on
/// amplitude otherwise, where the tolerance is widened to three standard errors of the difference.
/// </summary>
internal sealed class SettledMeasurement(IVibrationSensor sensor, CalibrationOptions options)
{
    /// <summary>Settle windows are this many times longer when the sensor reports no frequency.</summary>
    private const int AmplitudeOnlyWindowFactor = 3;

    /// <summary>Successive agreeing window pairs needed when the sensor reports no frequency.</summary>
    private const int AmplitudeOnlyAgreements = 2;

    /// <summary>Waits for a settled reading at the present drive and measures it.</summary>
    /// <param name="millivolts">The drive in force, for the point.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The settled point.</returns>
    /// <exception cref="SensorException">The reading did not settle within the timeout.</exception>
    public async Task<DrivePoint> MeasureAsync(int millivolts, CancellationToken cancellationToken)
    {
        int waited = 0;
        int window = options.SettleWindowMilliseconds;
        int agreements = 0;
        VibrationReading previous = await sensor.MeasureAsync(window, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            if (!previous.IsTurning)
            {
                // Amplitude only: longer windows and three agreeing in a row, since a slow approach hides in the noise.
                window = AmplitudeOnlyWindowFactor * options.SettleWindowMilliseconds;
            }

            VibrationReading current = await sensor.MeasureAsync(window, cancellationToken).ConfigureAwait(false);
            waited += window;
            agreements = IsSettled(previous, current) ? agreements + 1 : 0;
            if (agreements >= (current.IsTurning ? 1 : AmplitudeOnlyAgreements))
            {
                break;
            }

            if (waited >= options.SettleTimeoutMilliseconds)
            {
                throw new SensorException(
                    $"The vibration at {millivolts} mV did not settle within {options.SettleTimeoutMilliseconds} ms "
                    + $"(last two windows {previous.AmplitudeG:0.0000} g / {current.AmplitudeG:0.0000} g, {previous.FrequencyHertz:0.0} Hz / {current.FrequencyHertz:0.0} Hz).");
            }

            previous = current;
        }

        VibrationReading reading = await sensor.MeasureAsync(options.MeasureWindowMilliseconds, cancellationToken).ConfigureAwait(false);
        return new DrivePoint(millivolts, reading.AmplitudeG, reading.AmplitudeStandardErrorG, reading.FrequencyHertz, waited);
    }

    private bool IsSettled(VibrationReading previous, VibrationReading current)
    {
        if (previous.IsTurning && current.IsTurning)
        {
            return Math.Abs(current.FrequencyHertz - previous.FrequencyHertz) <= options.SettleTolerance * current.FrequencyHertz;
        }

        if (!previous.IsTurning && !current.IsTurning && previous.FrequencyHertz == 0 && current.FrequencyHertz == 0
            && previous.AmplitudeG == 0 && current.AmplitudeG == 0)
        {
            return true;
        }

        double noise = 3 * Math.Sqrt((previous.AmplitudeStandardErrorG * previous.AmplitudeStandardErrorG) + (current.AmplitudeStandardErrorG * current.AmplitudeStandardErrorG));
        return Math.Abs(current.AmplitudeG - previous.AmplitudeG) <= Math.Max(noise, 2 * options.SettleTolerance * current.AmplitudeG);
    }
}
