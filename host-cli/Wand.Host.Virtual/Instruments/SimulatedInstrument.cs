using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Instruments.Simulated;

/// <summary>What a simulated instrument does with the next command, to exercise a station's error paths.</summary>
public enum InstrumentFault
{
    /// <summary>Answers normally.</summary>
    None,

    /// <summary>Puts an execution error into the error queue for the next command (SCPI-99 error −222, data out of range).</summary>
    ErrorOnNextCommand,

    /// <summary>Stops answering from the next command on.</summary>
    Silent,

    /// <summary>Closes the connection when the next command arrives.</summary>
    Disconnect,
}

/// <summary>
/// A simulated SCPI instrument: answers <c>*IDN?</c> and <c>SYST:ERR?</c> (SCPI-99 error queue; −113 for an unknown
/// header, −222 for data out of range), passes everything else to the model, and can be told to misbehave.
/// </summary>
public abstract class SimulatedInstrument
{
    private readonly Queue<string> errors = new();
    private readonly object gate = new();

    /// <summary>Initializes a new instance of the <see cref="SimulatedInstrument"/> class.</summary>
    /// <param name="identity">The <c>*IDN?</c> reply: manufacturer, model, serial, firmware.</param>
    protected SimulatedInstrument(string identity)
    {
        Identity = identity;
    }

    /// <summary>Raised with each command line received, before it is handled (tests wait on it instead of the clock).</summary>
    public event EventHandler<string>? CommandReceived;

    /// <summary>Gets the <c>*IDN?</c> reply.</summary>
    public string Identity { get; }

    /// <summary>Gets or sets how the instrument treats the next command.</summary>
    public InstrumentFault Fault { get; set; }

    /// <summary>Handles one received line.</summary>
    /// <param name="line">The command, without terminator.</param>
    /// <param name="cancellationToken">Cancels the handling.</param>
    /// <returns>The reply line, <c>null</c> for none; a <see cref="InstrumentFault.Disconnect"/> or silence is reported by <paramref name="line"/>'s fault.</returns>
    public async Task<(string? Reply, bool Disconnect, bool Silent)> HandleAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        CommandReceived?.Invoke(this, line);
        string command = line.Trim();
        InstrumentFault fault = Fault;
        if (fault == InstrumentFault.Disconnect)
        {
            return (null, true, false);
        }

        if (fault == InstrumentFault.Silent)
        {
            return (null, false, true);
        }

        if (command.Equals("SYST:ERR?", StringComparison.OrdinalIgnoreCase) || command.Equals("SYSTEM:ERROR?", StringComparison.OrdinalIgnoreCase))
        {
            lock (gate)
            {
                return (errors.Count > 0 ? errors.Dequeue() : "+0,\"No error\"", false, false);
            }
        }

        if (fault == InstrumentFault.ErrorOnNextCommand)
        {
            Fault = InstrumentFault.None;
            AddError("-222,\"Data out of range\"");
            return (command.EndsWith('?') ? "0" : null, false, false);
        }

        if (command.Equals("*IDN?", StringComparison.OrdinalIgnoreCase))
        {
            return (Identity, false, false);
        }

        string? reply;
        try
        {
            reply = await ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (FormatException)
        {
            AddError("-113,\"Undefined header\"");
            return (null, false, false);
        }
        catch (ArgumentException)
        {
            AddError("-222,\"Data out of range\"");
            return (null, false, false);
        }

        return (reply, false, false);
    }

    /// <summary>Carries out a command other than <c>*IDN?</c> and <c>SYST:ERR?</c>.</summary>
    /// <param name="command">The command, trimmed.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>The reply for a query, <c>null</c> for a command.</returns>
    /// <exception cref="FormatException">Unknown command (queued as −113).</exception>
    /// <exception cref="ArgumentException">Value out of range (queued as −222).</exception>
    protected abstract Task<string?> ExecuteAsync(string command, CancellationToken cancellationToken);

    /// <summary>Formats a number as SCPI NR3.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    protected static string Number(double value) => value.ToString("E6", CultureInfo.InvariantCulture);

    /// <summary>Reads a command's numeric argument.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The argument.</returns>
    /// <exception cref="FormatException">No numeric argument.</exception>
    protected static double Argument(string command)
    {
        ArgumentNullException.ThrowIfNull(command);
        int space = command.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && double.TryParse(command[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException(command);
    }

    private void AddError(string entry)
    {
        lock (gate)
        {
            errors.Enqueue(entry);
        }
    }
}
