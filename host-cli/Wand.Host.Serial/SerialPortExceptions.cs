using System;

namespace Wand.Host.Serial;

/// <summary>Why a serial port could not be used.</summary>
public enum SerialPortFailure
{
    /// <summary>The port does not exist (unplugged, wrong name).</summary>
    NotFound,

    /// <summary>The user may not open the port (not in the <c>dialout</c> group).</summary>
    PermissionDenied,

    /// <summary>Another program holds the port.</summary>
    Busy,

    /// <summary>The driver refused a setting, for example the baud rate.</summary>
    SettingRefused,

    /// <summary>The device went away while in use.</summary>
    Disconnected,

    /// <summary>Any other operating-system error.</summary>
    Other,
}

/// <summary>A serial port could not be opened, configured or used.</summary>
public class SerialPortException : WandHostException
{
    /// <summary>Initializes a new instance of the <see cref="SerialPortException"/> class.</summary>
    /// <param name="failure">Why the port failed.</param>
    /// <param name="message">What failed, naming the port.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SerialPortException(SerialPortFailure failure, string message, Exception? innerException = null)
        : base(message, innerException!)
    {
        Failure = failure;
    }

    /// <summary>Gets why the port failed.</summary>
    public SerialPortFailure Failure { get; }
}

/// <summary>The port has no DTR/RTS lines (a pseudo-terminal or TCP bridge), so the chip cannot be reset from here.</summary>
/// <param name="portName">The port that lacks the lines.</param>
public sealed class ControlLinesNotSupportedException(string portName)
    : SerialPortException(SerialPortFailure.SettingRefused, $"Setting RTS/DTR lines is not supported for port {portName}.");
