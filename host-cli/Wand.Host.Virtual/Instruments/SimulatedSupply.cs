using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;

namespace Wand.Host.Instruments.Simulated;

/// <summary>
/// A simulated DC supply wired to a virtual wand's cell: <c>VOLT</c> sets the cell's voltage, <c>MEAS:CURR?</c> reads
/// the current the virtual board draws; also <c>CURR</c>, <c>OUTP ON|OFF</c>, <c>MEAS:VOLT?</c> and <c>INST:NSEL</c>, and
/// the Siglent SPD3303X forms <c>INST CHn</c>, <c>OUTP CHn,ON|OFF</c> and <c>MEAS:CURR? CHn</c>. The current limit holds
/// as on a real supply: a load above it puts the output into constant current, the output voltage collapses (to the
/// lowest cell voltage the world accepts, 3.0 V) and the supply reports the limit as its current. The wand is powered
/// when the supply starts; <c>OUTP OFF</c> unpowers it and the next <c>OUTP ON</c> boots it again (a power cycle).
/// </summary>
/// <param name="world">The virtual wand's world.</param>
/// <param name="current">Reads the board's supply current, in amperes.</param>
/// <param name="switchPower">Unpowers (<c>false</c>) or powers and boots (<c>true</c>) the wand; <c>null</c> when the output does not reach it.</param>
public sealed class SimulatedSupply(IWorldControl world, Func<double> current, Func<bool, Task>? switchPower = null) : SimulatedInstrument("WandSim,Battery Emulator DC Supply,SIM0001,1.0")
{
    private double volts = 3.9;
    private bool switchedOff;

    /// <summary>Gets the current limit last set, in amperes.</summary>
    public double CurrentLimitAmperes { get; private set; } = 1.0;

    /// <summary>Gets a value indicating whether the output is on.</summary>
    public bool OutputOn { get; private set; }

    /// <summary>Gets a value indicating whether the load exceeded the current limit, so the output is in constant current.</summary>
    public bool ConstantCurrent { get; private set; }

    /// <summary>The output voltage in constant current: the lowest cell voltage the virtual world accepts, in volts.</summary>
    public const double CollapsedVolts = 3.0;

    /// <inheritdoc/>
    protected override async Task<string?> ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        string header = command.Split(' ')[0].ToUpperInvariant();
        string argument = command.Contains(' ', StringComparison.Ordinal) ? command[(command.IndexOf(' ', StringComparison.Ordinal) + 1)..].Trim().ToUpperInvariant() : string.Empty;
        await EnforceLimitAsync(cancellationToken).ConfigureAwait(false);
        switch (header)
        {
            case "VOLT":
                double requested = Argument(command);
                if (requested is < 3.0 or > 4.2)
                {
                    throw new ArgumentException(command);
                }

                volts = requested;
                ConstantCurrent = false;
                await world.SetBatteryAsync(volts, cancellationToken).ConfigureAwait(false);
                await EnforceLimitAsync(cancellationToken).ConfigureAwait(false);
                return null;
            case "CURR":
                CurrentLimitAmperes = Argument(command) is > 0 and <= 5 ? Argument(command) : throw new ArgumentException(command);
                await EnforceLimitAsync(cancellationToken).ConfigureAwait(false);
                return null;
            case "OUTP":
                // OUTP ON|OFF|1|0, or Siglent's OUTP CH1,ON.
                string state = argument.Contains(',', StringComparison.Ordinal) ? Channel(argument.Split(',')[0], argument.Split(',')[1]) : argument;
                OutputOn = state is "ON" or "1" ? true : state is "OFF" or "0" ? false : throw new ArgumentException(command);
                if (switchPower is not null && OutputOn == switchedOff)
                {
                    // Off unpowers the wand; on after an off boots it.
                    switchedOff = !OutputOn;
                    await switchPower(OutputOn).ConfigureAwait(false);
                }

                return null;
            case "INST:NSEL":
                return Argument(command) is >= 1 and <= 3 ? null : throw new ArgumentException(command);
            case "INST":
            case "INSTRUMENT":
                _ = Channel(argument, string.Empty);
                return null;
            case "MEAS:VOLT?":
                _ = argument.Length == 0 ? string.Empty : Channel(argument, string.Empty);
                return Number(OutputOn ? (ConstantCurrent ? CollapsedVolts : volts) : 0);
            case "MEAS:CURR?":
                _ = argument.Length == 0 ? string.Empty : Channel(argument, string.Empty);
                return Number(OutputOn ? (ConstantCurrent ? CurrentLimitAmperes : Math.Max(0, current())) : 0);
            default:
                throw new FormatException(command);
        }
    }

    /// <summary>Reads a Siglent channel name (CH1 to CH3) and gives the rest.</summary>
    private static string Channel(string name, string rest) =>
        name.Trim() is "CH1" or "CH2" or "CH3" ? rest.Trim() : throw new ArgumentException(name);

    /// <summary>A load above the limit: constant current, the output collapses.</summary>
    private async Task EnforceLimitAsync(CancellationToken cancellationToken)
    {
        if (OutputOn && !ConstantCurrent && current() > CurrentLimitAmperes)
        {
            ConstantCurrent = true;
            await world.SetBatteryAsync(CollapsedVolts, cancellationToken).ConfigureAwait(false);
        }
    }
}
