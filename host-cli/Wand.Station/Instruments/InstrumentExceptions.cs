namespace Wand.Host.Instruments;

/// <summary>
/// A station instrument failed: it reported an error, did not answer in time or went away. Names the instrument, the
/// command and the reply; a phase that meets it ends in ERROR, never FAIL, because the unit was not judged.
/// </summary>
public class InstrumentException : WandHostException
{
    /// <summary>Initializes a new instance of the <see cref="InstrumentException"/> class.</summary>
    /// <param name="instrument">The instrument's name in the station configuration.</param>
    /// <param name="command">The command that failed.</param>
    /// <param name="reply">What the instrument answered, empty when nothing.</param>
    /// <param name="message">What went wrong and what to do.</param>
    public InstrumentException(string instrument, string command, string reply, string message)
        : base(message)
    {
        Instrument = instrument;
        Command = command;
        Reply = reply;
    }

    /// <summary>Gets the instrument's name in the station configuration.</summary>
    public string Instrument { get; }

    /// <summary>Gets the command that failed.</summary>
    public string Command { get; }

    /// <summary>Gets the instrument's reply, empty when none.</summary>
    public string Reply { get; }
}

/// <summary>The instrument's error queue (<c>SYST:ERR?</c>) held an error after a command.</summary>
/// <param name="instrument">The instrument.</param>
/// <param name="command">The command.</param>
/// <param name="reply">The error queue's entry, for example <c>-113,"Undefined header"</c>.</param>
public sealed class InstrumentErrorException(string instrument, string command, string reply)
    : InstrumentException(instrument, command, reply, $"Instrument '{instrument}' reported an error after '{command}': {reply}. Check the station configuration and the instrument's programming guide.");

/// <summary>The instrument did not answer in time.</summary>
/// <param name="instrument">The instrument.</param>
/// <param name="command">The command.</param>
/// <param name="timeoutMilliseconds">How long the station waited, in milliseconds.</param>
public sealed class InstrumentTimeoutException(string instrument, string command, double timeoutMilliseconds)
    : InstrumentException(instrument, command, string.Empty, $"Instrument '{instrument}' did not answer '{command}' within {timeoutMilliseconds:F0} ms. Check that it is on, connected and not in local mode.");

/// <summary>The instrument's connection closed or failed.</summary>
/// <param name="instrument">The instrument.</param>
/// <param name="command">The command being sent.</param>
/// <param name="cause">What the connection reported.</param>
public sealed class InstrumentDisconnectedException(string instrument, string command, string cause)
    : InstrumentException(instrument, command, string.Empty, $"Instrument '{instrument}' went away during '{command}': {cause}. Check its cable or network.");
