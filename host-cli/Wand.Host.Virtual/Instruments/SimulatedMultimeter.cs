using System;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Instruments.Simulated;

/// <summary>A simulated DMM across a virtual wand's motor: <c>CONF:VOLT:DC</c>, then <c>READ?</c> gives the motor's average voltage.</summary>
/// <param name="volts">Reads the motor's average voltage, in volts.</param>
public sealed class SimulatedMultimeter(Func<double> volts) : SimulatedInstrument("WandSim,Motor DMM,SIM0002,1.0")
{
    private bool configured;

    /// <inheritdoc/>
    protected override Task<string?> ExecuteAsync(string command, CancellationToken cancellationToken)
    {
        switch (command.ToUpperInvariant())
        {
            case "CONF:VOLT:DC":
                configured = true;
                return Task.FromResult<string?>(null);
            case "READ?":
            case "MEAS:VOLT:DC?":
                // READ? before CONF is a settings conflict in the SCPI-99 error list; reported as out of range here.
                return configured || command.StartsWith("MEAS", StringComparison.OrdinalIgnoreCase)
                    ? Task.FromResult<string?>(Number(volts()))
                    : throw new ArgumentException(command);
            default:
                throw new FormatException(command);
        }
    }
}
