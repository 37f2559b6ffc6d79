using System;

namespace Wand.Host.Flashing;

/// <summary>Base of every flashing failure. The message names what failed, where, and what to do.</summary>
public class FlashingException : WandHostException
{
    /// <summary>Initializes a new instance of the <see cref="FlashingException"/> class.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public FlashingException(string message, Exception? innerException = null)
        : base(message, innerException!)
    {
    }
}

/// <summary>An image, package or application file is malformed; nothing was written.</summary>
/// <param name="file">The file at fault.</param>
/// <param name="message">What is wrong with it and where.</param>
public sealed class ImageValidationException(string file, string message) : FlashingException($"{file}: {message}")
{
    /// <summary>Gets the file at fault.</summary>
    public string File { get; } = file;
}

/// <summary>The partition table is missing, malformed or lacks a required partition; nothing was written.</summary>
/// <param name="message">What is wrong.</param>
public sealed class PartitionTableException(string message) : FlashingException(message);

/// <summary>An image does not fit its partition or the flash; nothing was written.</summary>
/// <param name="message">Which image, how large, and the limit.</param>
public sealed class ImageTooLargeException(string message) : FlashingException(message);

/// <summary>The images were built for another chip than the one connected; nothing was written.</summary>
/// <param name="message">Which chip was expected and which was found.</param>
public sealed class ChipMismatchException(string message) : FlashingException(message);

/// <summary>The ROM loader did not answer SYNC. The message carries a hint from the boot log when one was seen.</summary>
/// <param name="message">What was tried and the hint.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class BootloaderNotRespondingException(string message, Exception? innerException = null) : FlashingException(message, innerException);

/// <summary>The ROM answered a command with an error status.</summary>
public sealed class RomErrorException : FlashingException
{
    /// <summary>Initializes a new instance of the <see cref="RomErrorException"/> class.</summary>
    /// <param name="command">The command that failed.</param>
    /// <param name="errorCode">The ROM error byte.</param>
    public RomErrorException(RomCommand command, byte errorCode)
        : base($"{command} failed: {RomErrors.Describe(errorCode)}.")
    {
        Command = command;
        ErrorCode = errorCode;
    }

    /// <summary>Gets the command that failed.</summary>
    public RomCommand Command { get; }

    /// <summary>Gets the ROM error byte.</summary>
    public byte ErrorCode { get; }
}

/// <summary>The loader replied that it does not know the command (the ROM's repeated <c>01 05</c> reply).</summary>
/// <param name="command">The command sent.</param>
public sealed class UnsupportedCommandException(RomCommand command)
    : FlashingException($"The loader does not support {command} (0x{(byte)command:X2}).")
{
    /// <summary>Gets the command sent.</summary>
    public RomCommand Command { get; } = command;
}

/// <summary>A command got no valid answer in time, after every retry.</summary>
/// <param name="message">Which command and how long was waited.</param>
/// <param name="innerException">The cause, if any.</param>
public sealed class LoaderTimeoutException(string message, Exception? innerException = null) : FlashingException(message, innerException);

/// <summary>The flash content differs from the image after writing (MD5 mismatch), after every retry.</summary>
/// <param name="message">Which region, the expected and the read-back digest.</param>
public sealed class FlashVerificationException(string message) : FlashingException(message);

/// <summary>The SPI flash does not answer after SPI_ATTACH (its id reads 0xFFFFFF or 0); nothing was written.</summary>
/// <param name="message">What was read and what to check.</param>
public sealed class FlashNotRespondingException(string message) : FlashingException(message);

/// <summary>
/// The job was cancelled (Ctrl-C) between two requests, so the loader is in a known state. The message says what the
/// flash holds: which regions are complete and verified, which one is erased and partly written, which are untouched.
/// </summary>
/// <param name="message">The flash state and what to do.</param>
public sealed class FlashCancelledException(string message) : FlashingException(message);
