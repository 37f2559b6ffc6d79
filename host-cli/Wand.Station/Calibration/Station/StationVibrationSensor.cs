using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links;

namespace Wand.Host.Calibration.Station;

/// <summary>
/// A station's head-vibration instrument lent to one calibration. The station keeps owning it, so disposing this
/// leaves the instrument open. A served virtual wand's time passes only when the station lets it: with its world
/// given, each window first lets that much device time pass, then the instrument measures, as a jig on a real unit
/// measures while the unit runs.
/// </summary>
public sealed class StationVibrationSensor : IVibrationSensor
{
    private readonly IVibrationSensor instrument;
    private readonly IWorldControl? world;

    /// <summary>Initializes a new instance of the <see cref="StationVibrationSensor"/> class.</summary>
    /// <param name="instrument">The station's instrument.</param>
    /// <param name="world">The world of a virtual wand whose time the station lets pass, or <c>null</c> for a real unit.</param>
    public StationVibrationSensor(IVibrationSensor instrument, IWorldControl? world)
    {
        this.instrument = instrument ?? throw new ArgumentNullException(nameof(instrument));
        this.world = world;
    }

    /// <inheritdoc/>
    public string Description => instrument.Description;

    /// <inheritdoc/>
    public async Task<VibrationReading> MeasureAsync(int windowMilliseconds, CancellationToken cancellationToken = default)
    {
        SensorWindow.Check(windowMilliseconds);
        if (world is not null)
        {
            await world.AdvanceAsync(windowMilliseconds, cancellationToken).ConfigureAwait(false);
        }

        return await instrument.MeasureAsync(windowMilliseconds, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
