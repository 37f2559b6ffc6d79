using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.Calibration.Sensors;

/// <summary>
/// The sensor calibration's fixture (SR-18) carried out by the station's fixture actions (HC-4), so the station
/// configuration decides the instruments: the NTC substitute relays, the head-ID resistor relays, the battery-emulating
/// supply and its voltage meter (<c>supply-voltage</c>, by default the supply's own read-back). Waits run on the device
/// clock: virtual time on a virtual wand, the wall clock on hardware.
/// </summary>
public sealed class FixtureActionsSensorFixture : ISensorCalibrationFixture
{
    private readonly StepContext context;

    /// <summary>Initializes a new instance of the <see cref="FixtureActionsSensorFixture"/> class.</summary>
    /// <param name="context">The step's context; its fixture actions must be configured.</param>
    public FixtureActionsSensorFixture(StepContext context)
    {
        this.context = context ?? throw new ArgumentNullException(nameof(context));
    }

    /// <inheritdoc/>
    public Task SubstituteThermistorAsync(double? ohms, CancellationToken cancellationToken) =>
        context.FixtureActions.SelectNtcSubstituteAsync(ohms, cancellationToken);

    /// <inheritdoc/>
    public async Task<double> SetSupplyAsync(double volts, CancellationToken cancellationToken)
    {
        await context.FixtureActions.SetSupplyAsync(volts, null, cancellationToken).ConfigureAwait(false);
        await context.LetTimePassAsync(20, cancellationToken).ConfigureAwait(false);
        return await context.FixtureActions.MeasureSupplyVoltsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task SelectHeadResistorAsync(double? ohms, CancellationToken cancellationToken) =>
        context.FixtureActions.SelectHeadResistorAsync(ohms, cancellationToken);

    /// <inheritdoc/>
    public Task WaitAsync(int milliseconds, CancellationToken cancellationToken) => context.LetTimePassAsync(milliseconds, cancellationToken);
}
