using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// The status value (characteristic "status", read and notify), 17 bytes so it fits the default ATT MTU:
    /// state u8, source u8, target level u8, drive level u8 (tenths), pattern u8, head u8, remaining seconds u16,
    /// battery millivolts u16, head temperature s16 (centi-°C), flags u16, active fault u8, last stop reason u8,
    /// battery percent u8.
    /// </summary>
    public sealed class StatusReport
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 17;

        /// <summary>Offset of the battery voltage (UInt16, millivolts) in the encoded value.</summary>
        public const int BatteryMillivoltsOffset = 8;

        /// <summary>Offset of the head temperature (Int16, centidegrees Celsius) in the encoded value.</summary>
        public const int HeadTemperatureOffset = 10;

        /// <summary>Gets or sets the session state.</summary>
        public SessionState State { get; set; }

        /// <summary>Gets or sets who started the session.</summary>
        public SessionSource Source { get; set; }

        /// <summary>Gets or sets the target level, 0 (off) to 5.</summary>
        public int TargetLevel { get; set; }

        /// <summary>Gets or sets the present drive level in tenths of a level, 0 to 50 (ramps, patterns and derating included).</summary>
        public int DriveLevelTenths { get; set; }

        /// <summary>Gets or sets the pattern.</summary>
        public PatternKind Pattern { get; set; }

        /// <summary>Gets or sets the recognised head.</summary>
        public HeadIdentity Head { get; set; }

        /// <summary>Gets or sets the seconds left in the session, 0 to 900 (0 when idle).</summary>
        public int RemainingSeconds { get; set; }

        /// <summary>Gets or sets the battery voltage, in millivolts (0 to 65535).</summary>
        public int BatteryMillivolts { get; set; }

        /// <summary>Gets or sets the head temperature, in hundredths of a degree Celsius (−32768 to 32767).</summary>
        public int HeadTemperatureCentidegrees { get; set; }

        /// <summary>Gets or sets the flag bits.</summary>
        public StatusIndicators Flags { get; set; }

        /// <summary>Gets or sets the latched fault, or <see cref="FaultCode.None"/>.</summary>
        public FaultCode ActiveFault { get; set; }

        /// <summary>Gets or sets why the last session ended.</summary>
        public StopReason LastStopReason { get; set; }

        /// <summary>Gets or sets the battery state of charge, in percent (0 to 100), as in the Battery service.</summary>
        public int BatteryPercent { get; set; }

        /// <summary>Writes the value.</summary>
        /// <param name="buffer">Destination, at least 17 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 17.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)State;
            buffer[offset + 1] = (byte)Source;
            buffer[offset + 2] = (byte)TargetLevel;
            buffer[offset + 3] = (byte)DriveLevelTenths;
            buffer[offset + 4] = (byte)Pattern;
            buffer[offset + 5] = (byte)Head;
            LittleEndian.WriteUInt16(buffer, offset + 6, RemainingSeconds);
            LittleEndian.WriteUInt16(buffer, offset + BatteryMillivoltsOffset, BatteryMillivolts);
            LittleEndian.WriteInt16(buffer, offset + HeadTemperatureOffset, HeadTemperatureCentidegrees);
            LittleEndian.WriteUInt16(buffer, offset + 12, (int)Flags);
            buffer[offset + 14] = (byte)ActiveFault;
            buffer[offset + 15] = (byte)LastStopReason;
            buffer[offset + 16] = (byte)BatteryPercent;
            return Length;
        }

        /// <summary>Reads the value; longer values (a later minor version) are accepted and the extra bytes ignored.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or <see cref="AttError.InvalidAttributeValueLength"/> when shorter than 17.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            State = (SessionState)buffer[offset];
            Source = (SessionSource)buffer[offset + 1];
            TargetLevel = buffer[offset + 2];
            DriveLevelTenths = buffer[offset + 3];
            Pattern = (PatternKind)buffer[offset + 4];
            Head = (HeadIdentity)buffer[offset + 5];
            RemainingSeconds = LittleEndian.ReadUInt16(buffer, offset + 6);
            BatteryMillivolts = LittleEndian.ReadUInt16(buffer, offset + 8);
            HeadTemperatureCentidegrees = LittleEndian.ReadInt16(buffer, offset + 10);
            Flags = (StatusIndicators)LittleEndian.ReadUInt16(buffer, offset + 12);
            ActiveFault = (FaultCode)buffer[offset + 14];
            LastStopReason = (StopReason)buffer[offset + 15];
            BatteryPercent = buffer[offset + 16];
            return AttError.Success;
        }
    }
}
