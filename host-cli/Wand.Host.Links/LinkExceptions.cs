using System;

namespace Wand.Host.Links;

/// <summary>The wand answered a request with an ATT error (profile §Errors).</summary>
public sealed class AttErrorException : WandHostException
{
    /// <summary>Initializes a new instance of the <see cref="AttErrorException"/> class.</summary>
    /// <param name="errorCode">The ATT error code, 0x01 to 0xFF.</param>
    /// <param name="characteristic">The characteristic the request addressed.</param>
    /// <param name="message">What the error means, for people.</param>
    public AttErrorException(byte errorCode, Guid characteristic, string message)
        : base(message)
    {
        ErrorCode = errorCode;
        Characteristic = characteristic;
    }

    /// <summary>Gets the ATT error code.</summary>
    public byte ErrorCode { get; }

    /// <summary>Gets the characteristic the request addressed.</summary>
    public Guid Characteristic { get; }
}

/// <summary>The wand could not be reached at its address.</summary>
/// <param name="message">What failed and where.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class DeviceUnreachableException(string message, Exception? innerException = null)
    : WandHostException(message, innerException!);

/// <summary>The link dropped, or a request got no answer in time.</summary>
/// <param name="message">What was lost and when.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class LinkLostException(string message, Exception? innerException = null)
    : WandHostException(message, innerException!);

/// <summary>The device address is not one of the supported forms (HC-1).</summary>
/// <param name="message">Which part of the address is wrong.</param>
public sealed class InvalidDeviceAddressException(string message) : WandHostException(message);

/// <summary>The wand's answer does not fit the profile.</summary>
/// <param name="message">What was malformed.</param>
public sealed class ProtocolViolationException(string message) : WandHostException(message);

/// <summary>The address names a transport this build cannot open yet (for example <c>serial:</c> before its port driver lands).</summary>
/// <param name="message">Which transport and what to use instead.</param>
public sealed class TransportUnavailableException(string message) : WandHostException(message);

/// <summary>The served virtual wand refused a world-control command (unknown command or value out of range).</summary>
/// <param name="message">The server's reason.</param>
public sealed class WorldControlRefusedException(string message) : WandHostException(message);
