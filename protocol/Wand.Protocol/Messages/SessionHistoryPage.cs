using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// One page of the session history (characteristic "session-history", protocol 1.1, BP-6). The history keeps the last
    /// 32 sessions, newest first. A read returns 4 to 20 bytes: total entries u8 (0–32), index of this page's first entry
    /// u8 (0–31), today's drive time u16 seconds, then up to 2 entries of 8 bytes:
    /// <list type="bullet">
    /// <item>start time u32: seconds since boot, or local seconds since 1970-01-01 when the wall-clock bit is set;</item>
    /// <item>u16: drive seconds (bits 0–9, 0–1023), highest level (bits 10–12, 0–5), wall-clock time (bit 15);</item>
    /// <item>routine u8 (0 = manual);</item>
    /// <item>u8: head (bits 0–3) and stop reason (bits 4–7).</item>
    /// </list>
    /// A 1-byte write (0–31, else 0x89) selects the first entry of the pages that follow; a selection at or past the number
    /// of entries reads the first page.
    /// </summary>
    public sealed class SessionHistoryPage
    {
        /// <summary>Entries the history keeps (BP-6).</summary>
        public const int Capacity = 32;

        /// <summary>Entries on one page, so a page fits the default ATT MTU.</summary>
        public const int EntriesPerPage = 2;

        /// <summary>Bytes per entry.</summary>
        public const int EntryLength = 8;

        /// <summary>Page header length, in bytes.</summary>
        public const int HeaderLength = 4;

        /// <summary>Longest page, in bytes.</summary>
        public const int MaximumLength = HeaderLength + (EntriesPerPage * EntryLength);

        /// <summary>Length of the page-selection write, in bytes.</summary>
        public const int SelectionLength = 1;

        /// <summary>Largest drive time an entry holds, in seconds.</summary>
        public const int MaximumDriveSeconds = 1023;

        private const int WallClockBit = 0x8000;

        private readonly uint[] times = new uint[EntriesPerPage];
        private readonly int[] driveSeconds = new int[EntriesPerPage];
        private readonly byte[] levels = new byte[EntriesPerPage];
        private readonly bool[] wallClock = new bool[EntriesPerPage];
        private readonly byte[] routines = new byte[EntriesPerPage];
        private readonly byte[] heads = new byte[EntriesPerPage];
        private readonly byte[] stopReasons = new byte[EntriesPerPage];

        /// <summary>Gets or sets the number of entries in the whole history, 0 to 32.</summary>
        public int TotalEntries { get; set; }

        /// <summary>Gets or sets the history index of this page's first entry, 0 to 31 (0 = newest).</summary>
        public int FirstIndex { get; set; }

        /// <summary>Gets or sets today's total drive time, in seconds, 0 to 65535.</summary>
        public int TodayDriveSeconds { get; set; }

        /// <summary>Gets the number of entries on this page, 0 to 2.</summary>
        public int Count { get; private set; }

        /// <summary>Validates a page-selection write: exactly 1 byte (0x0D), value 0 to 31 (0x89).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the byte.</param>
        /// <param name="length">Number of bytes written.</param>
        /// <param name="firstIndex">The selected first entry, 0 to 31; 0 on error.</param>
        /// <returns><see cref="AttError.Success"/>, or the error to send.</returns>
        public static AttError DecodeSelection(byte[] buffer, int offset, int length, out int firstIndex)
        {
            firstIndex = 0;
            if (length != SelectionLength)
            {
                return AttError.InvalidAttributeValueLength;
            }

            if (buffer[offset] >= Capacity)
            {
                return AttError.PageOutOfRange;
            }

            firstIndex = buffer[offset];
            return AttError.Success;
        }

        /// <summary>Empties the page and sets its header.</summary>
        /// <param name="totalEntries">Entries in the whole history, 0 to 32.</param>
        /// <param name="firstIndex">History index of the page's first entry, 0 to 31.</param>
        /// <param name="todayDriveSeconds">Today's drive time, in seconds (clamped to 65535).</param>
        public void Clear(int totalEntries, int firstIndex, int todayDriveSeconds)
        {
            TotalEntries = totalEntries;
            FirstIndex = firstIndex;
            TodayDriveSeconds = todayDriveSeconds > 0xFFFF ? 0xFFFF : todayDriveSeconds;
            Count = 0;
        }

        /// <summary>Appends an entry, if the page has room.</summary>
        /// <param name="time">Start time: seconds since boot, or local seconds since 1970 when <paramref name="isWallClock"/>.</param>
        /// <param name="isWallClock">Whether the time is wall-clock time.</param>
        /// <param name="drive">Drive time, 0 to 1023 seconds (clamped).</param>
        /// <param name="highestLevel">Highest level, 0 to 5.</param>
        /// <param name="routine">Routine, or <see cref="RoutineKind.None"/> for a manual session.</param>
        /// <param name="head">Head, 0 to 15.</param>
        /// <param name="reason">Stop reason, 0 to 15.</param>
        /// <returns><c>true</c> if added; <c>false</c> when the page is full.</returns>
        public bool Add(uint time, bool isWallClock, int drive, int highestLevel, RoutineKind routine, HeadIdentity head, StopReason reason)
        {
            if (Count >= EntriesPerPage)
            {
                return false;
            }

            times[Count] = time;
            wallClock[Count] = isWallClock;
            driveSeconds[Count] = drive < 0 ? 0 : (drive > MaximumDriveSeconds ? MaximumDriveSeconds : drive);
            levels[Count] = (byte)(highestLevel & 0x07);
            routines[Count] = (byte)routine;
            heads[Count] = (byte)((int)head & 0x0F);
            stopReasons[Count] = (byte)((int)reason & 0x0F);
            Count++;
            return true;
        }

        /// <summary>Gets an entry's start time.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>Seconds (see <see cref="IsWallClockAt"/>).</returns>
        public uint TimeAt(int position)
        {
            return times[position];
        }

        /// <summary>Gets whether an entry's time is wall-clock local time.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns><c>true</c> for local seconds since 1970; <c>false</c> for seconds since boot.</returns>
        public bool IsWallClockAt(int position)
        {
            return wallClock[position];
        }

        /// <summary>Gets an entry's drive time.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>Seconds, 0 to 1023.</returns>
        public int DriveSecondsAt(int position)
        {
            return driveSeconds[position];
        }

        /// <summary>Gets an entry's highest level.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>0 to 5.</returns>
        public int HighestLevelAt(int position)
        {
            return levels[position];
        }

        /// <summary>Gets an entry's routine.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>The routine, or <see cref="RoutineKind.None"/> for manual.</returns>
        public RoutineKind RoutineAt(int position)
        {
            return (RoutineKind)routines[position];
        }

        /// <summary>Gets an entry's head.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>The head.</returns>
        public HeadIdentity HeadAt(int position)
        {
            return (HeadIdentity)heads[position];
        }

        /// <summary>Gets why an entry's session ended.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>The stop reason.</returns>
        public StopReason StopReasonAt(int position)
        {
            return (StopReason)stopReasons[position];
        }

        /// <summary>Writes the page.</summary>
        /// <param name="buffer">Destination, at least 20 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written, 4 to 20.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)TotalEntries;
            buffer[offset + 1] = (byte)FirstIndex;
            LittleEndian.WriteUInt16(buffer, offset + 2, TodayDriveSeconds);
            int position = offset + HeaderLength;
            for (int entry = 0; entry < Count; entry++)
            {
                LittleEndian.WriteUInt32(buffer, position, times[entry]);
                int packed = driveSeconds[entry] | (levels[entry] << 10) | (wallClock[entry] ? WallClockBit : 0);
                LittleEndian.WriteUInt16(buffer, position + 4, packed);
                buffer[position + 6] = routines[entry];
                buffer[position + 7] = (byte)(heads[entry] | (stopReasons[entry] << 4));
                position += EntryLength;
            }

            return position - offset;
        }

        /// <summary>
        /// Reads a page: length 4 + 8·n with n 0 to 2 (0x0D); total at most 32, first index at most 31, levels at most 5
        /// and bits 13–14 clear (0x13).
        /// </summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or the error; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < HeaderLength || length > MaximumLength || (length - HeaderLength) % EntryLength != 0)
            {
                return AttError.InvalidAttributeValueLength;
            }

            if (buffer[offset] > Capacity || buffer[offset + 1] >= Capacity)
            {
                return AttError.ValueNotAllowed;
            }

            for (int position = offset + HeaderLength; position < offset + length; position += EntryLength)
            {
                int packed = LittleEndian.ReadUInt16(buffer, position + 4);
                if (((packed >> 10) & 0x07) > ValueRanges.MaximumLevel || (packed & 0x6000) != 0)
                {
                    return AttError.ValueNotAllowed;
                }
            }

            Clear(buffer[offset], buffer[offset + 1], LittleEndian.ReadUInt16(buffer, offset + 2));
            for (int position = offset + HeaderLength; position < offset + length; position += EntryLength)
            {
                int packed = LittleEndian.ReadUInt16(buffer, position + 4);
                Add(
                    LittleEndian.ReadUInt32(buffer, position),
                    (packed & WallClockBit) != 0,
                    packed & 0x03FF,
                    (packed >> 10) & 0x07,
                    (RoutineKind)buffer[position + 6],
                    (HeadIdentity)(buffer[position + 7] & 0x0F),
                    (StopReason)(buffer[position + 7] >> 4));
            }

            return AttError.Success;
        }
    }
}
