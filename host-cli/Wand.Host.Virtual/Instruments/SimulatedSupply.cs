using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;

namespace Wand.Host.Instruments.Simulated;

/// <summary>
/// A simulated DC supply wired to a virtual wand's cell: <c>VOLT</c> sets the cell's voltage, <c>MEAS:CURR?</c> reads
/// the current the virtual board draws; also <c>CURR</c>, <c>OUTP ON|OFF</c>, <c>MEAS:VOLT?</c> and <c>INST:NSEL</c>.
/// </summary>
/// <param name="world">The virtual wand's world.</param>
/// <param name="current">Reads the board's supply current, in amperes.</param>
public sealed class SimulatedSupply(IWorldControl world, Func<double> current) : SimulatedInstrument("WandSim,Battery Emulator DC Supply,SIM0001,1.0")
{
    private double volts = 3.9;

    /// <summary>Gets the current limit last set, in amperes.</summary>
    public double CurrentLimitAmperes { get; private set; } = 1.0;

    /// <summary>Gets a value indicating whether the output is on.</summary>
    public bool OutputOn { get; private set; }

    /// <inheritdoc/>
    protected override async Task<string?> ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        string header = command.Split(' ')[0].ToUpperInvariant();
        switch (header)
        {
            case "VOLT":
                double requested = Argument(command);
                if (requested is < 3.0 or > 4.2)
                {
                    throw new ArgumentException(command);
                }

                volts = requested;
                await world.SetBatteryAsync(volts, cancellationToken).ConfigureAwait(false);
                return null;
            case "CURR":
                CurrentLimitAmperes = Argument(command);
                return null;
            case "OUTP":
                OutputOn = command.EndsWith("ON", StringComparison.OrdinalIgnoreCase) || command.EndsWith(" 1", StringComparison.Ordinal);
                return null;
            case "INST:NSEL":
                return Argument(command) is >= 1 and <= 3 ? null : throw new ArgumentException(command);
            case "MEAS:VOLT?":
                return Number(OutputOn ? volts : 0);
            case "MEAS:CURR?":
                return Number(OutputOn ? Math.Max(0, current()) : 0);
            default:
                throw new FormatException(command);
        }
    }
}
