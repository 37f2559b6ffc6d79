using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Serving;

namespace Wand.Host.Instruments.Simulated;

/// <summary>
/// The head accelerometer of a served virtual wand over a window: a paced wand is sampled once per millisecond of the
/// window after it has passed at the host's pace; a stepped wand, whose time passes only when the station lets it, is
/// read at the present instant, so a measurement moves no device time and a run's timing on a stepped wand is the
/// same as on an in-process one.
/// </summary>
public sealed class HostVibrationSensor : IVibrationSensor
{
    private readonly VirtualWandHost host;

    /// <summary>Initializes a new instance of the <see cref="HostVibrationSensor"/> class.</summary>
    /// <param name="host">The served wand.</param>
    public HostVibrationSensor(VirtualWandHost host)
    {
        this.host = host ?? throw new ArgumentNullException(nameof(host));
    }

    /// <inheritdoc/>
    public string Description => "simulated head accelerometer (served virtual wand)";

    /// <inheritdoc/>
    public async Task<VibrationReading> MeasureAsync(int windowMilliseconds, CancellationToken cancellationToken = default)
    {
        SensorWindow.Check(windowMilliseconds);
        if (!host.Options.Stepped)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(windowMilliseconds / host.Options.Speed), cancellationToken).ConfigureAwait(false);
        }

        RunningStatistics statistics = default;
        double frequency = 0;
        for (int sample = 0; sample < windowMilliseconds; sample++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (double amplitude, double hertz) = host.Execute((wand, _) => (wand.Board.Accelerometer.ReadAmplitudeG(), wand.Board.Accelerometer.ReadFrequencyHertz()));
            statistics.Add(amplitude);
            frequency += hertz;
        }

        return new VibrationReading(statistics.Mean, statistics.StandardDeviation, frequency / windowMilliseconds, statistics.Count, windowMilliseconds);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
