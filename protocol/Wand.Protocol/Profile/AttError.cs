namespace Wand.Protocol.Profile
{
    /// <summary>
    /// The ATT error codes this profile returns (Bluetooth Core Vol 3 Part F §3.4.1.1; application codes 0x80–0x9F are
    /// defined by this profile, see PROFILE.md "Errors"). Wire value: one byte. <see cref="Success"/> is not sent on the
    /// air: it means the operation was accepted.
    /// </summary>
    public enum AttError : byte
    {
        /// <summary>Accepted; no error.</summary>
        Success = 0x00,

        /// <summary>The characteristic index or handle does not exist.</summary>
        InvalidHandle = 0x01,

        /// <summary>The characteristic has no Read property.</summary>
        ReadNotPermitted = 0x02,

        /// <summary>The characteristic has no Write (or no Write Without Response) property.</summary>
        WriteNotPermitted = 0x03,

        /// <summary>The request was malformed (framed transports: a body too short for its operation).</summary>
        InvalidPdu = 0x04,

        /// <summary>Insufficient authentication. Not returned by this profile; listed for completeness.</summary>
        InsufficientAuthentication = 0x05,

        /// <summary>The operation is not supported (framed transports: an unknown frame operation).</summary>
        RequestNotSupported = 0x06,

        /// <summary>The offset is not 0: every value is read and written whole.</summary>
        InvalidOffset = 0x07,

        /// <summary>The Factory service is used outside factory mode (SR-15).</summary>
        InsufficientAuthorization = 0x08,

        /// <summary>The written value's length is outside the characteristic's allowed lengths.</summary>
        InvalidAttributeValueLength = 0x0D,

        /// <summary>The device could not complete the operation (for example a storage failure).</summary>
        UnlikelyError = 0x0E,

        /// <summary>The link is not encrypted; pair (in the pairing window) and bond first (BP-4).</summary>
        InsufficientEncryption = 0x0F,

        /// <summary>A field holds a value that is not defined (reserved bits set, unknown command byte).</summary>
        ValueNotAllowed = 0x13,

        /// <summary>Application error: the control-point opcode is not defined.</summary>
        OpcodeNotSupported = 0x80,

        /// <summary>Application error: a level is outside 1 to 5.</summary>
        LevelOutOfRange = 0x81,

        /// <summary>Application error: a duration is outside its range (session seconds, raw-drive milliseconds).</summary>
        DurationOutOfRange = 0x82,

        /// <summary>Application error: the pattern is not a defined <c>PatternKind</c>.</summary>
        PatternUnknown = 0x83,

        /// <summary>Application error: the calibration record's CRC-32 does not match its bytes.</summary>
        CrcMismatch = 0x84,

        /// <summary>Application error: the calibration record's version is not supported.</summary>
        RecordVersionUnsupported = 0x85,

        /// <summary>Application error: the serial number holds a character outside A–Z, 0–9 and '-'.</summary>
        SerialNumberInvalid = 0x86,

        /// <summary>Application error: a raw-drive voltage is above the motor ceiling (SR-3, SR-15).</summary>
        DriveAboveCeiling = 0x87,

        /// <summary>Application error: a calibration field is outside its documented range or order.</summary>
        CalibrationOutOfRange = 0x88,

        /// <summary>Application error: the page index of the fault log (0 to 15), session history (0 to 31) or routine catalog (a step past the last) is out of range.</summary>
        PageOutOfRange = 0x89,

        /// <summary>Application error: the routine number names no built-in routine (protocol 1.1).</summary>
        RoutineUnknown = 0x8A,

        /// <summary>Refused by device state (0x90 + <c>CommandResult.NoHead</c>): no known head is confirmed.</summary>
        RefusedNoHead = 0x91,

        /// <summary>Refused by device state: the level is above what is allowed now.</summary>
        RefusedLevelNotAllowed = 0x92,

        /// <summary>Refused by device state: the head does not allow the pattern.</summary>
        RefusedPatternNotAllowed = 0x93,

        /// <summary>Refused by device state: USB power is present (SR-9).</summary>
        RefusedCharging = 0x94,

        /// <summary>Refused by device state: too hot, or the thermal sensor failed (SR-7).</summary>
        RefusedOverTemperature = 0x95,

        /// <summary>Refused by device state: the battery is too low (SR-8).</summary>
        RefusedBatteryLow = 0x96,

        /// <summary>Refused by device state: a latched fault blocks the motor.</summary>
        RefusedFaultActive = 0x97,

        /// <summary>Refused by device state: nothing is running.</summary>
        RefusedNotRunning = 0x98,

        /// <summary>Refused by device state: factory mode is needed (SR-15).</summary>
        RefusedNotInFactoryMode = 0x99,

        /// <summary>Refused by device state: the value is outside what this unit allows (for example its board's limits).</summary>
        RefusedOutOfRange = 0x9A,

        /// <summary>Refused by device state: the device failed to complete it (for example a storage write).</summary>
        RefusedFailed = 0x9B,

        /// <summary>Refused by device state: busy (a session, a raw drive or a self-test is running).</summary>
        RefusedBusy = 0x9C,

        /// <summary>Refused by device state: the routine does not fit the session limit in force (protocol 1.1).</summary>
        RefusedRoutineTooLong = 0x9D,
    }
}
