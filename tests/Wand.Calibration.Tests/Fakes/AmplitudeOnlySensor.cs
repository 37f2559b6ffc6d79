using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Sensors;

namespace Wand.Calibration.Tests.Fakes;

/// <summary>A sensor that reports amplitude only (frequency always 0), like a jig without zero-crossing detection.</summary>
internal sealed class AmplitudeOnlySensor(IVibrationSensor inner) : IVibrationSensor
{
    public string Description => "amplitude-only " + inner.Description;

    public async Task<VibrationReading> MeasureAsync(int windowMilliseconds, CancellationToken cancellationToken = default)
    {
        VibrationReading reading = await inner.MeasureAsync(windowMilliseconds, cancellationToken);
        return reading with { FrequencyHertz = 0 };
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
