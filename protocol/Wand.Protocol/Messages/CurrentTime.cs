using Wand.Protocol.Codec;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// The Bluetooth SIG Current Time characteristic (0x2A2B) of the Current Time Service (0x1805), 10 bytes, as the GATT
    /// Specification Supplement defines it: Exact Time 256 (year u16, month u8, day u8, hours u8, minutes u8, seconds u8,
    /// day of week u8 with 1 = Monday and 0 = unknown, fractions u8 in 1/256 s) then adjust reason u8. The time is local
    /// time. The wand accepts years 1970 to 2105 (its clock counts seconds since 1970 in 32 bits); a write outside a
    /// field's range, or a date that does not exist, is refused with 0x13 and changes nothing.
    /// </summary>
    public sealed class CurrentTime
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 10;

        /// <summary>Earliest year accepted.</summary>
        public const int MinimumYear = 1970;

        /// <summary>Latest year accepted.</summary>
        public const int MaximumYear = 2105;

        /// <summary>Adjust-reason bit: manual time update.</summary>
        public const int AdjustManual = 0x01;

        /// <summary>Gets or sets the year, 1970 to 2105.</summary>
        public int Year { get; set; }

        /// <summary>Gets or sets the month, 1 to 12.</summary>
        public int Month { get; set; }

        /// <summary>Gets or sets the day of the month, 1 to 31.</summary>
        public int Day { get; set; }

        /// <summary>Gets or sets the hours, 0 to 23.</summary>
        public int Hours { get; set; }

        /// <summary>Gets or sets the minutes, 0 to 59.</summary>
        public int Minutes { get; set; }

        /// <summary>Gets or sets the seconds, 0 to 59.</summary>
        public int Seconds { get; set; }

        /// <summary>Gets or sets the day of the week, 0 (unknown) or 1 (Monday) to 7 (Sunday).</summary>
        public int DayOfWeek { get; set; }

        /// <summary>Gets or sets the fraction of a second, in 1/256 s, 0 to 255.</summary>
        public int Fractions256 { get; set; }

        /// <summary>Gets or sets the adjust-reason bits, 0 to 15.</summary>
        public int AdjustReason { get; set; }

        /// <summary>Gets the time as local seconds since 1970-01-01 00:00:00.</summary>
        public long LocalSeconds => (CivilCalendar.DaysFromDate(Year, Month, Day) * CivilCalendar.SecondsPerDay) + (Hours * 3600L) + (Minutes * 60L) + Seconds;

        /// <summary>Sets every field from local seconds since 1970 (fractions 0, day of week computed).</summary>
        /// <param name="localSeconds">Seconds since 1970-01-01 00:00:00 local, 0 or more.</param>
        /// <param name="adjustReason">Adjust-reason bits.</param>
        public void SetLocalSeconds(long localSeconds, int adjustReason)
        {
            long days = localSeconds / CivilCalendar.SecondsPerDay;
            long second = localSeconds % CivilCalendar.SecondsPerDay;
            int year;
            int month;
            int day;
            CivilCalendar.DateFromDays(days, out year, out month, out day);
            Year = year;
            Month = month;
            Day = day;
            Hours = (int)(second / 3600);
            Minutes = (int)((second / 60) % 60);
            Seconds = (int)(second % 60);
            DayOfWeek = CivilCalendar.DayOfWeek(days);
            Fractions256 = 0;
            AdjustReason = adjustReason;
        }

        /// <summary>Writes the value.</summary>
        /// <param name="buffer">Destination, at least 10 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 10.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            LittleEndian.WriteUInt16(buffer, offset, Year);
            buffer[offset + 2] = (byte)Month;
            buffer[offset + 3] = (byte)Day;
            buffer[offset + 4] = (byte)Hours;
            buffer[offset + 5] = (byte)Minutes;
            buffer[offset + 6] = (byte)Seconds;
            buffer[offset + 7] = (byte)DayOfWeek;
            buffer[offset + 8] = (byte)Fractions256;
            buffer[offset + 9] = (byte)AdjustReason;
            return Length;
        }

        /// <summary>
        /// Validates and reads a value: exactly 10 bytes (0x0D); year 1970–2105, month 1–12, a day that exists in that
        /// month, hours 0–23, minutes 0–59, seconds 0–59, day of week 0–7, adjust reason bits 4–7 clear (0x13).
        /// </summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes.</param>
        /// <returns><see cref="AttError.Success"/>, or the error; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length != Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            int year = LittleEndian.ReadUInt16(buffer, offset);
            int month = buffer[offset + 2];
            int day = buffer[offset + 3];
            if (year < MinimumYear || year > MaximumYear || month < 1 || month > 12 || day < 1 || day > CivilCalendar.DaysInMonth(year, month)
                || buffer[offset + 4] > 23 || buffer[offset + 5] > 59 || buffer[offset + 6] > 59 || buffer[offset + 7] > 7 || buffer[offset + 9] > 0x0F)
            {
                return AttError.ValueNotAllowed;
            }

            Year = year;
            Month = month;
            Day = day;
            Hours = buffer[offset + 4];
            Minutes = buffer[offset + 5];
            Seconds = buffer[offset + 6];
            DayOfWeek = buffer[offset + 7];
            Fractions256 = buffer[offset + 8];
            AdjustReason = buffer[offset + 9];
            return AttError.Success;
        }
    }
}
