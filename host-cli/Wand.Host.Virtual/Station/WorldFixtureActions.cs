using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Fixture;
using Wand.Host.TestRuns.Steps;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// The fixture actions (HC-4) carried out by a virtual wand's world: the head ID line, the NTC (a substitute resistor
/// becomes the temperature it stands for), the cell's voltage as the battery-emulating supply, USB power and the
/// button. Meters read the in-process virtual board: the cell's current, the motor's average voltage and the head
/// accelerometer. A served virtual wand's world channel carries the actions but no meters; its meters are the
/// simulated instruments of <c>wand sim station</c>. The virtual supply holds its voltage at any current: the current
/// limit is recorded, not enforced.
/// </summary>
public sealed class WorldFixtureActions : IFixtureActions
{
    private readonly IWorldControl world;
    private readonly SimulatedWandLink? board;

    /// <summary>Initializes a new instance of the <see cref="WorldFixtureActions"/> class.</summary>
    /// <param name="world">The virtual wand's world controls.</param>
    /// <param name="board">The in-process virtual wand whose meters to read, or <c>null</c> for a served one.</param>
    public WorldFixtureActions(IWorldControl world, SimulatedWandLink? board)
    {
        this.world = world ?? throw new ArgumentNullException(nameof(world));
        this.board = board;
    }

    /// <summary>Gets the supply's current limit last set, in amperes, or <c>null</c> before any.</summary>
    public double? CurrentLimitAmperes { get; private set; }

    /// <summary>Gives the world fixture for a link: for a virtual wand (in process or served), otherwise none.</summary>
    /// <param name="link">The link.</param>
    /// <returns>The actions, or <c>null</c> for real hardware.</returns>
    public static IFixtureActions? For(IWandLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.World is IWorldControl world ? new WorldFixtureActions(world, link as SimulatedWandLink) : null;
    }

    /// <inheritdoc/>
    public Task SelectHeadResistorAsync(double? ohms, CancellationToken cancellationToken) => world.SetHeadResistorAsync(ohms, cancellationToken);

    /// <inheritdoc/>
    public Task SelectNtcSubstituteAsync(double? ohms, CancellationToken cancellationToken)
    {
        if (ohms is not double resistance)
        {
            return world.SetTemperatureAsync(null, cancellationToken);
        }

        double celsius = Math.Round(NtcSubstitute.CelsiusAt(resistance), 6);
        return world.SetTemperatureAsync(Math.Clamp(celsius, -20, 90), cancellationToken);
    }

    /// <inheritdoc/>
    public Task SetSupplyAsync(double volts, double? currentLimitAmperes, CancellationToken cancellationToken)
    {
        CurrentLimitAmperes = currentLimitAmperes ?? CurrentLimitAmperes;
        return world.SetBatteryAsync(volts, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<double> MeasureSupplyCurrentAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Math.Max(0, Board("supply current").Wand.Board.Cell.CurrentAmperes));

    /// <inheritdoc/>
    public Task<double> MeasureSupplyVoltsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Board("supply voltage").Wand.Board.Cell.TerminalVolts);

    /// <inheritdoc/>
    public Task SetUsbPowerAsync(bool powered, CancellationToken cancellationToken) => world.SetUsbPowerAsync(powered, cancellationToken);

    /// <inheritdoc/>
    public Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken) => world.PressButtonAsync(milliseconds, cancellationToken);

    /// <inheritdoc/>
    public Task<double> MeasureMotorVoltsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Board("motor voltage").Wand.Board.MotorVolts);

    /// <inheritdoc/>
    public Task<double> MeasureHeadVibrationAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Board("head vibration").Wand.Board.Accelerometer.ReadAmplitudeG());

    private SimulatedWandLink Board(string meter) => board ?? throw new StationInstrumentMissingException(
        $"Measuring {meter} on a served virtual wand needs the simulated instruments: serve them with 'wand sim station' and give their station configuration.");
}
