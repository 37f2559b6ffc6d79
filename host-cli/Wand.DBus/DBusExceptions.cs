using System;

namespace Wand.DBus;

/// <summary>Base of every error this library raises.</summary>
public class DBusException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="DBusException"/> class.</summary>
    public DBusException()
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DBusException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    public DBusException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DBusException"/> class.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public DBusException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The peer answered a method call with an ERROR message, for example <c>org.bluez.Error.Failed</c>.</summary>
public sealed class DBusErrorException : DBusException
{
    /// <summary>Initializes a new instance of the <see cref="DBusErrorException"/> class.</summary>
    /// <param name="errorName">The error name.</param>
    /// <param name="errorMessage">The error's first string argument, or empty.</param>
    public DBusErrorException(string errorName, string errorMessage)
        : base(string.IsNullOrEmpty(errorMessage) ? errorName : $"{errorName}: {errorMessage}")
    {
        ErrorName = errorName;
        ErrorMessage = errorMessage;
    }

    /// <summary>Gets the error name, for example <c>org.bluez.Error.NotPermitted</c>.</summary>
    public string ErrorName { get; }

    /// <summary>Gets the error's message text (may be empty).</summary>
    public string ErrorMessage { get; }
}

/// <summary>A method call got no reply within its timeout.</summary>
/// <param name="message">Which call and how long it waited.</param>
public sealed class DBusTimeoutException(string message) : DBusException(message);

/// <summary>The connection could not be opened or authenticated, or it closed.</summary>
/// <param name="message">What failed.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class DBusConnectionException(string message, Exception? innerException = null)
    : DBusException(message, innerException!);

/// <summary>A message broke the wire format.</summary>
/// <param name="message">What was malformed and where.</param>
public sealed class DBusProtocolException(string message) : DBusException(message);
