using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links.Simulated;
using Wand.Simulation;

namespace Wand.Host.Calibration.Sensors;

/// <summary>
/// The virtual wand's simulated head accelerometer (<see cref="HeadAccelerometer"/>), sampled at 1 kHz while virtual
/// time advances one millisecond per sample. With a real-time link, the window passes on the wall clock and the
/// samples are read at its end.
/// </summary>
public sealed class SimulatedVibrationSensor : IVibrationSensor
{
    /// <summary>Sample period, in milliseconds (1 kHz).</summary>
    public const int SamplePeriodMilliseconds = 1;

    private readonly SimulatedWandLink link;

    /// <summary>Initializes a new instance of the <see cref="SimulatedVibrationSensor"/> class.</summary>
    /// <param name="link">The in-process virtual wand whose head accelerometer is read.</param>
    public SimulatedVibrationSensor(SimulatedWandLink link)
    {
        this.link = link ?? throw new ArgumentNullException(nameof(link));
    }

    /// <inheritdoc/>
    public string Description => "simulated head accelerometer (virtual wand)";

    /// <inheritdoc/>
    public async Task<VibrationReading> MeasureAsync(int windowMilliseconds, CancellationToken cancellationToken = default)
    {
        SensorWindow.Check(windowMilliseconds);
        RunningStatistics statistics = default;
        double frequency = 0;
        if (link.Options.ClockMode == SimulatedClockMode.RealTime)
        {
            await link.AdvanceAsync(windowMilliseconds, cancellationToken).ConfigureAwait(false);
            HeadAccelerometer accelerometer = link.Wand.Board.Accelerometer;
            for (int sample = 0; sample < windowMilliseconds; sample++)
            {
                statistics.Add(accelerometer.ReadAmplitudeG());
            }

            frequency = accelerometer.ReadFrequencyHertz();
        }
        else
        {
            for (int sample = 0; sample < windowMilliseconds; sample += SamplePeriodMilliseconds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await link.AdvanceAsync(SamplePeriodMilliseconds, cancellationToken).ConfigureAwait(false);
                HeadAccelerometer accelerometer = link.Wand.Board.Accelerometer;
                statistics.Add(accelerometer.ReadAmplitudeG());
                frequency += accelerometer.ReadFrequencyHertz();
            }

            frequency /= statistics.Count;
        }

        return new VibrationReading(statistics.Mean, statistics.StandardDeviation, frequency, statistics.Count, windowMilliseconds);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
