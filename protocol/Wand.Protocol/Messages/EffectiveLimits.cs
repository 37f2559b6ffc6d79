using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// The effective-limits value (characteristic "limits", read), 17 bytes: motor voltage ceiling u16 mV, maximum
    /// session u16 s, maximum level now u8, thermal derate / trip / restart s16 centi-°C each, battery warning /
    /// cut-off / restart u16 mV each. "Effective" means after the board profile, the head, the calibration state and
    /// the present thermal derating.
    /// </summary>
    public sealed class EffectiveLimits
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 17;

        /// <summary>Gets or sets the average motor-voltage ceiling (SR-3), in millivolts.</summary>
        public int MotorCeilingMillivolts { get; set; }

        /// <summary>Gets or sets the longest session allowed, in seconds (SR-5).</summary>
        public int MaximumSessionSeconds { get; set; }

        /// <summary>Gets or sets the highest level a start or level change may ask for now, 0 to 5.</summary>
        public int MaximumLevelNow { get; set; }

        /// <summary>Gets or sets the temperature where derating starts (SR-7), in centi-°C.</summary>
        public int ThermalDerateCentidegrees { get; set; }

        /// <summary>Gets or sets the thermal trip temperature (SR-7), in centi-°C.</summary>
        public int ThermalTripCentidegrees { get; set; }

        /// <summary>Gets or sets the temperature below which a start is allowed again after a trip (SR-7), in centi-°C.</summary>
        public int ThermalRestartCentidegrees { get; set; }

        /// <summary>Gets or sets the low-battery warning voltage under load (SR-8), in millivolts.</summary>
        public int BatteryWarningMillivolts { get; set; }

        /// <summary>Gets or sets the battery cut-off voltage under load (SR-8), in millivolts.</summary>
        public int BatteryCutoffMillivolts { get; set; }

        /// <summary>Gets or sets the battery voltage at rest needed to start after a cut-off (SR-8), in millivolts.</summary>
        public int BatteryRestartMillivolts { get; set; }

        /// <summary>Writes the value.</summary>
        /// <param name="buffer">Destination, at least 17 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 17.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            LittleEndian.WriteUInt16(buffer, offset, MotorCeilingMillivolts);
            LittleEndian.WriteUInt16(buffer, offset + 2, MaximumSessionSeconds);
            buffer[offset + 4] = (byte)MaximumLevelNow;
            LittleEndian.WriteInt16(buffer, offset + 5, ThermalDerateCentidegrees);
            LittleEndian.WriteInt16(buffer, offset + 7, ThermalTripCentidegrees);
            LittleEndian.WriteInt16(buffer, offset + 9, ThermalRestartCentidegrees);
            LittleEndian.WriteUInt16(buffer, offset + 11, BatteryWarningMillivolts);
            LittleEndian.WriteUInt16(buffer, offset + 13, BatteryCutoffMillivolts);
            LittleEndian.WriteUInt16(buffer, offset + 15, BatteryRestartMillivolts);
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

            MotorCeilingMillivolts = LittleEndian.ReadUInt16(buffer, offset);
            MaximumSessionSeconds = LittleEndian.ReadUInt16(buffer, offset + 2);
            MaximumLevelNow = buffer[offset + 4];
            ThermalDerateCentidegrees = LittleEndian.ReadInt16(buffer, offset + 5);
            ThermalTripCentidegrees = LittleEndian.ReadInt16(buffer, offset + 7);
            ThermalRestartCentidegrees = LittleEndian.ReadInt16(buffer, offset + 9);
            BatteryWarningMillivolts = LittleEndian.ReadUInt16(buffer, offset + 11);
            BatteryCutoffMillivolts = LittleEndian.ReadUInt16(buffer, offset + 13);
            BatteryRestartMillivolts = LittleEndian.ReadUInt16(buffer, offset + 15);
            return AttError.Success;
        }
    }
}
