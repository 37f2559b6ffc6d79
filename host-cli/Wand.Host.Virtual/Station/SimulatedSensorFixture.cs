using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links.Simulated;
using Wand.Simulation;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// The sensor-calibration fixture (SR-18) of an in-process virtual wand: precision resistors in place of the NTC and
/// on the head-ID line, each within the fixture tolerance of <see cref="SensorTolerances"/>; the cell set as the supply
/// and read back by a meter within its tolerance; waits in virtual time. Draws are seeded from the board's seed.
/// </summary>
public sealed class SimulatedSensorFixture : ISensorCalibrationFixture
{
    private readonly SimulatedWandLink link;
    private readonly SimulationRandom random;
    private readonly SensorTolerances tolerances;
    private VirtualHead? savedHead;

    /// <summary>Initializes a new instance of the <see cref="SimulatedSensorFixture"/> class.</summary>
    /// <param name="link">The virtual wand's link.</param>
    public SimulatedSensorFixture(SimulatedWandLink link)
    {
        this.link = link ?? throw new ArgumentNullException(nameof(link));
        tolerances = link.Wand.Board.Options.Tolerances;
        random = SimulationRandom.Derive(link.Wand.Board.Options.Seed, 11);
    }

    /// <inheritdoc/>
    public Task SubstituteThermistorAsync(double? ohms, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        link.Wand.Board.HeadTemperature.SubstituteOhms = ohms is double value ? value * random.NextFactor(tolerances.ReferenceResistorFraction) : null;
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async Task<double> SetSupplyAsync(double volts, CancellationToken cancellationToken)
    {
        await link.SetBatteryAsync(volts, cancellationToken).ConfigureAwait(false);
        await link.AdvanceAsync(20, cancellationToken).ConfigureAwait(false);
        return link.Wand.Board.Cell.TerminalVolts + (tolerances.FixtureSupplyMillivolts / 1000.0 * random.NextSymmetric());
    }

    /// <inheritdoc/>
    public async Task SelectHeadResistorAsync(double? ohms, CancellationToken cancellationToken)
    {
        VirtualBoard board = link.Wand.Board;
        if (ohms is double value)
        {
            savedHead ??= board.HeadId.Head;
            await link.SetHeadResistorAsync(value * random.NextFactor(tolerances.ReferenceResistorFraction), cancellationToken).ConfigureAwait(false);
        }
        else if (savedHead is not null)
        {
            board.AttachHead(savedHead);
            savedHead = null;
        }
    }

    /// <inheritdoc/>
    public Task WaitAsync(int milliseconds, CancellationToken cancellationToken) => link.AdvanceAsync(milliseconds, cancellationToken);
}
