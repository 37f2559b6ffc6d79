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

        /// <summary>Application error: the fault-log page index is outside 0 to 15.</summary>
        PageOutOfRange = 0x89,

        /// <summary>Common profile error (CSS Part B): a self-test is already running.</summary>
        ProcedureAlreadyInProgress = 0xFE,
    }
}
