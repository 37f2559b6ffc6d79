using Wand.Core.Hardware;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.History
{
    /// <summary>
    /// The last <see cref="Capacity"/> sessions (BP-6), kept in flash with one write per session. Entries carry a running
    /// sequence number; entry n lives at ring position (n − 1) mod 32, in one of four storage records of eight entries.
    /// Appending rewrites only the record holding the new entry, through <see cref="IPersistentStorage.Write"/>, which
    /// replaces a record atomically: a power loss part way leaves the record as it was, so the history loses at most the
    /// session being written and never reads a torn entry. Nothing here runs in the steady-state tick: appends happen once
    /// per session end, reads on request. Tables are allocated once at construction.
    /// </summary>
    public sealed class SessionHistory
    {
        /// <summary>Sessions kept.</summary>
        public const int Capacity = 32;

        /// <summary>Entries per storage record.</summary>
        public const int EntriesPerBlock = 8;

        /// <summary>Storage records used.</summary>
        public const int BlockCount = Capacity / EntriesPerBlock;

        /// <summary>Bytes per stored entry: sequence u32, time u32, drive seconds u16, routine, head, highest level, stop reason, flags.</summary>
        public const int StoredEntryLength = 15;

        /// <summary>Bytes of one storage record: format u8 then eight entries.</summary>
        public const int BlockLength = 1 + (EntriesPerBlock * StoredEntryLength);

        /// <summary>Format byte of a storage record.</summary>
        public const byte BlockFormat = 1;

        /// <summary>Flag bit: the entry's time is wall-clock local time, not time since boot.</summary>
        public const int WallClockFlag = 0x01;

        private const int SecondsPerDay = 86400;

        private readonly IPersistentStorage storage;
        private readonly uint[] sequences = new uint[Capacity];
        private readonly uint[] times = new uint[Capacity];
        private readonly int[] driveSeconds = new int[Capacity];
        private readonly byte[] routines = new byte[Capacity];
        private readonly byte[] heads = new byte[Capacity];
        private readonly byte[] levels = new byte[Capacity];
        private readonly byte[] stopReasons = new byte[Capacity];
        private readonly byte[] flags = new byte[Capacity];
        private readonly byte[] block = new byte[256];
        private uint newest;
        private uint firstOfThisBoot;

        /// <summary>Initializes a new instance of the <see cref="SessionHistory"/> class and loads what storage holds.</summary>
        /// <param name="storage">Persistent storage.</param>
        public SessionHistory(IPersistentStorage storage)
        {
            this.storage = storage;
            Load();
        }

        /// <summary>Gets the number of entries, 0 to 32.</summary>
        public int Count
        {
            get
            {
                int count = 0;
                while (count < Capacity && PositionOf(count) >= 0)
                {
                    count++;
                }

                return count;
            }
        }

        /// <summary>Gets the sequence number of the newest entry, 0 when there is none.</summary>
        public uint NewestSequence => newest;

        /// <summary>Gets the number of appends whose storage write failed (the entry stays in memory until reboot).</summary>
        public int FailedWrites { get; private set; }

        /// <summary>Records a finished session and stores it with one write.</summary>
        /// <param name="time">Start time: seconds since boot, or local seconds since 1970 when <paramref name="wallClock"/>.</param>
        /// <param name="wallClock">Whether <paramref name="time"/> is wall-clock time.</param>
        /// <param name="drive">Seconds the motor drove, 0 to 1023.</param>
        /// <param name="routine">The routine played, or <see cref="RoutineKind.None"/> for a manual session.</param>
        /// <param name="head">The head in use at the start.</param>
        /// <param name="highestLevel">The highest user level driven, 0 to 5.</param>
        /// <param name="reason">Why the session ended.</param>
        /// <returns><c>true</c> when stored durably.</returns>
        public bool Append(long time, bool wallClock, int drive, RoutineKind routine, HeadIdentity head, int highestLevel, StopReason reason)
        {
            uint sequence = unchecked(newest + 1);
            if (sequence == 0)
            {
                sequence = 1;
            }

            int position = (int)((sequence - 1) % Capacity);
            sequences[position] = sequence;
            times[position] = (uint)time;
            driveSeconds[position] = drive < 0 ? 0 : (drive > 1023 ? 1023 : drive);
            routines[position] = (byte)routine;
            heads[position] = (byte)head;
            levels[position] = (byte)highestLevel;
            stopReasons[position] = (byte)reason;
            flags[position] = (byte)(wallClock ? WallClockFlag : 0);
            newest = sequence;
            bool stored = StoreBlock(position / EntriesPerBlock);
            if (!stored)
            {
                FailedWrites++;
            }

            return stored;
        }

        /// <summary>Gets the ring position of an entry by age, or −1.</summary>
        /// <param name="age">0 for the newest entry.</param>
        /// <returns>Position, or −1 when there is no such entry.</returns>
        public int PositionOf(int age)
        {
            if (age < 0 || age >= Capacity || newest < (uint)age + 1)
            {
                return -1;
            }

            uint sequence = newest - (uint)age;
            int position = (int)((sequence - 1) % Capacity);
            return sequences[position] == sequence ? position : -1;
        }

        /// <summary>Gets an entry's start time (see <see cref="IsWallClockAt"/>).</summary>
        /// <param name="age">0 for the newest, below <see cref="Count"/>.</param>
        /// <returns>Seconds.</returns>
        public uint TimeAt(int age)
        {
            return times[PositionOf(age)];
        }

        /// <summary>Gets whether an entry's time is wall-clock local time (else time since boot).</summary>
        /// <param name="age">0 for the newest.</param>
        /// <returns><c>true</c> for wall-clock time.</returns>
        public bool IsWallClockAt(int age)
        {
            return (flags[PositionOf(age)] & WallClockFlag) != 0;
        }

        /// <summary>Gets an entry's drive time.</summary>
        /// <param name="age">0 for the newest.</param>
        /// <returns>Seconds, 0 to 1023.</returns>
        public int DriveSecondsAt(int age)
        {
            return driveSeconds[PositionOf(age)];
        }

        /// <summary>Gets an entry's routine.</summary>
        /// <param name="age">0 for the newest.</param>
        /// <returns>The routine, or <see cref="RoutineKind.None"/> for manual.</returns>
        public RoutineKind RoutineAt(int age)
        {
            return (RoutineKind)routines[PositionOf(age)];
        }

        /// <summary>Gets an entry's head.</summary>
        /// <param name="age">0 for the newest.</param>
        /// <returns>The head.</returns>
        public HeadIdentity HeadAt(int age)
        {
            return (HeadIdentity)heads[PositionOf(age)];
        }

        /// <summary>Gets an entry's highest level.</summary>
        /// <param name="age">0 for the newest.</param>
        /// <returns>0 to 5.</returns>
        public int HighestLevelAt(int age)
        {
            return levels[PositionOf(age)];
        }

        /// <summary>Gets why an entry's session ended.</summary>
        /// <param name="age">0 for the newest.</param>
        /// <returns>The stop reason.</returns>
        public StopReason StopReasonAt(int age)
        {
            return (StopReason)stopReasons[PositionOf(age)];
        }

        /// <summary>
        /// Gets today's total drive time: with wall-clock time, the sessions since local midnight (sessions of this boot
        /// recorded before the time was set are placed by the time since boot); without it, this boot's sessions of the
        /// last 24 hours.
        /// </summary>
        /// <param name="clock">The wall clock.</param>
        /// <param name="millisecondsSinceBoot">Device time now.</param>
        /// <returns>Seconds, 0 to 32 × 1023.</returns>
        public int TodayDriveSeconds(WallClock clock, long millisecondsSinceBoot)
        {
            long nowSeconds = clock.IsKnown ? clock.LocalSecondsAt(millisecondsSinceBoot) : millisecondsSinceBoot / 1000;
            long since = clock.IsKnown ? nowSeconds - (nowSeconds % SecondsPerDay) : nowSeconds - SecondsPerDay;
            int total = 0;
            for (int age = 0; age < Capacity; age++)
            {
                int position = PositionOf(age);
                if (position < 0)
                {
                    break;
                }

                long start;
                if ((flags[position] & WallClockFlag) != 0)
                {
                    if (!clock.IsKnown)
                    {
                        continue;
                    }

                    start = times[position];
                }
                else if (sequences[position] >= firstOfThisBoot)
                {
                    start = clock.IsKnown ? clock.LocalSecondsOfBootSeconds(times[position]) : times[position];
                }
                else
                {
                    // Time since an earlier boot: it cannot be placed on today's calendar.
                    continue;
                }

                if (start >= since && start <= nowSeconds)
                {
                    total += driveSeconds[position];
                }
            }

            return total;
        }

        private void Load()
        {
            newest = 0;
            for (int index = 0; index < BlockCount; index++)
            {
                int length = storage.Read(SlotOf(index), block);
                if (length != BlockLength || block[0] != BlockFormat)
                {
                    continue;
                }

                for (int entry = 0; entry < EntriesPerBlock; entry++)
                {
                    int offset = 1 + (entry * StoredEntryLength);
                    uint sequence = ReadUInt32(offset);
                    int position = (index * EntriesPerBlock) + entry;
                    if (sequence == 0 || (int)((sequence - 1) % Capacity) != position)
                    {
                        continue;
                    }

                    sequences[position] = sequence;
                    times[position] = ReadUInt32(offset + 4);
                    driveSeconds[position] = block[offset + 8] | (block[offset + 9] << 8);
                    routines[position] = block[offset + 10];
                    heads[position] = block[offset + 11];
                    levels[position] = block[offset + 12];
                    stopReasons[position] = block[offset + 13];
                    flags[position] = block[offset + 14];
                    if (sequence > newest)
                    {
                        newest = sequence;
                    }
                }
            }

            firstOfThisBoot = newest + 1;
        }

        private bool StoreBlock(int index)
        {
            block[0] = BlockFormat;
            for (int entry = 0; entry < EntriesPerBlock; entry++)
            {
                int position = (index * EntriesPerBlock) + entry;
                int offset = 1 + (entry * StoredEntryLength);
                WriteUInt32(offset, sequences[position]);
                WriteUInt32(offset + 4, times[position]);
                block[offset + 8] = (byte)driveSeconds[position];
                block[offset + 9] = (byte)(driveSeconds[position] >> 8);
                block[offset + 10] = routines[position];
                block[offset + 11] = heads[position];
                block[offset + 12] = levels[position];
                block[offset + 13] = stopReasons[position];
                block[offset + 14] = flags[position];
            }

            return storage.Write(SlotOf(index), block, BlockLength);
        }

        private static StorageSlot SlotOf(int index)
        {
            return (StorageSlot)((int)StorageSlot.History0 + index);
        }

        private uint ReadUInt32(int offset)
        {
            return block[offset] | ((uint)block[offset + 1] << 8) | ((uint)block[offset + 2] << 16) | ((uint)block[offset + 3] << 24);
        }

        private void WriteUInt32(int offset, uint value)
        {
            block[offset] = (byte)value;
            block[offset + 1] = (byte)(value >> 8);
            block[offset + 2] = (byte)(value >> 16);
            block[offset + 3] = (byte)(value >> 24);
        }
    }
}
