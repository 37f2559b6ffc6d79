using System;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Links;

/// <summary>
/// Describes ATT error codes in words a user can act on, including the profile's application errors (0x80–0x8F) and
/// refusals by device state (0x90 + command result), as <c>protocol/PROFILE.md</c> defines them.
/// </summary>
public static class AttErrorText
{
    /// <summary>Describes an ATT error code.</summary>
    /// <param name="code">The code, 0x01 to 0xFF.</param>
    /// <returns>A sentence naming the code and what it means.</returns>
    public static string Describe(byte code)
    {
        if (code > CommandRefusal.Base && code <= CommandRefusal.Base + 0x0F)
        {
            return $"The wand refused: {DescribeResult((CommandResult)(code - CommandRefusal.Base))} (ATT error 0x{code:X2}).";
        }

        string meaning = (AttError)code switch
        {
            AttError.InvalidHandle => "no such characteristic",
            AttError.ReadNotPermitted => "this characteristic cannot be read",
            AttError.WriteNotPermitted => "this characteristic cannot be written this way",
            AttError.InsufficientAuthentication => "the link is not authenticated; pair with the wand",
            AttError.InsufficientAuthorization => "this needs factory mode (jig strap or button held at boot)",
            AttError.InvalidOffset => "writes must start at offset 0",
            AttError.InvalidAttributeValueLength => "the value has the wrong length",
            AttError.UnlikelyError => "the wand could not complete the request",
            AttError.InsufficientEncryption => "the link is not encrypted; pair with the wand (long button press opens the pairing window)",
            AttError.ValueNotAllowed => "the value is not allowed",
            AttError.OpcodeNotSupported => "unknown control-point opcode",
            AttError.LevelOutOfRange => "the level is outside 1 to 5",
            AttError.DurationOutOfRange => "the session duration is outside 60 to 900 s",
            AttError.PatternUnknown => "unknown pattern",
            AttError.CrcMismatch => "the record's CRC-32 does not match",
            AttError.RecordVersionUnsupported => "the record version is not supported",
            AttError.SerialNumberInvalid => "the serial number must be 1 to 16 characters of A-Z, 0-9 and '-'",
            AttError.DriveAboveCeiling => "the drive is above the 3.0 V ceiling",
            AttError.CalibrationOutOfRange => "the calibration values are inconsistent or out of range",
            AttError.PageOutOfRange => "the page index is out of range (fault log 0 to 15, session history 0 to 31, routine steps)",
            AttError.RoutineUnknown => "unknown routine; the built-in routines are numbered 1 to 4",
            _ => "unknown error",
        };
        return $"ATT error 0x{code:X2}: {meaning}.";
    }

    /// <summary>Describes a command result.</summary>
    /// <param name="result">The result.</param>
    /// <returns>What it means and what to do.</returns>
    public static string DescribeResult(CommandResult result)
    {
        return result switch
        {
            CommandResult.Success => "done",
            CommandResult.NoHead => "no head is attached and recognised; attach a head",
            CommandResult.LevelNotAllowed => "the level is above what this head, the calibration or the temperature allows now",
            CommandResult.PatternNotAllowed => "this head does not allow that pattern",
            CommandResult.Charging => "USB power is connected; unplug it",
            CommandResult.OverTemperature => "the head is too hot or its sensor failed; let it cool",
            CommandResult.BatteryLow => "the battery is too low; charge it",
            CommandResult.FaultActive => "a fault blocks the motor; read the fault log",
            CommandResult.NotRunning => "no session is running",
            CommandResult.NotInFactoryMode => "factory mode is needed",
            CommandResult.OutOfRange => "the value is outside what this unit allows",
            CommandResult.Failed => "the wand failed to complete it",
            CommandResult.Busy => "a session, a routine or another operation is running; stop it first",
            CommandResult.RoutineTooLong => "the routine is longer than the session length in force; raise it with 'wand settings --duration' (up to the unit's maximum) or choose a shorter routine",
            _ => "refused (" + ((byte)result).ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
        };
    }
}
