using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// One page of a built-in routine's definition (characteristic "routine-catalog", protocol 1.1, MD-6). A 2-byte write
    /// selects the routine (1–4, else 0x8A) and its first step on the page (0 to the step count − 1, else 0x89); a read
    /// returns 5 to 20 bytes: routine u8, step count u8, total seconds u16 (steps and cues), first step u8, then up to
    /// 3 steps of 5 bytes: body area u8, seconds u16, pattern u8, level u8 (0 = hands only).
    /// </summary>
    public sealed class RoutineCatalogPage
    {
        /// <summary>Steps on one page, so a page fits the default ATT MTU.</summary>
        public const int StepsPerPage = 3;

        /// <summary>Bytes per step.</summary>
        public const int StepLength = 5;

        /// <summary>Page header length, in bytes.</summary>
        public const int HeaderLength = 5;

        /// <summary>Longest page, in bytes.</summary>
        public const int MaximumLength = HeaderLength + (StepsPerPage * StepLength);

        /// <summary>Length of the selection write, in bytes.</summary>
        public const int SelectionLength = 2;

        private readonly byte[] areas = new byte[StepsPerPage];
        private readonly int[] seconds = new int[StepsPerPage];
        private readonly byte[] patterns = new byte[StepsPerPage];
        private readonly byte[] levels = new byte[StepsPerPage];

        /// <summary>Gets or sets the routine.</summary>
        public RoutineKind Routine { get; set; }

        /// <summary>Gets or sets the routine's number of steps, 1 to 255.</summary>
        public int StepCount { get; set; }

        /// <summary>Gets or sets the routine's length, steps and cues, in seconds, 0 to 65535.</summary>
        public int TotalSeconds { get; set; }

        /// <summary>Gets or sets the index of this page's first step.</summary>
        public int FirstStep { get; set; }

        /// <summary>Gets the number of steps on this page, 0 to 3.</summary>
        public int Count { get; private set; }

        /// <summary>Validates a selection write: exactly 2 bytes (0x0D), a routine 1–4 (0x8A). The step is checked against the
        /// routine by the server (0x89).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes written.</param>
        /// <param name="routine">The selected routine; <see cref="RoutineKind.None"/> on error.</param>
        /// <param name="firstStep">The selected first step; 0 on error.</param>
        /// <returns><see cref="AttError.Success"/>, or the error to send.</returns>
        public static AttError DecodeSelection(byte[] buffer, int offset, int length, out RoutineKind routine, out int firstStep)
        {
            routine = RoutineKind.None;
            firstStep = 0;
            if (length != SelectionLength)
            {
                return AttError.InvalidAttributeValueLength;
            }

            if (!ValueRanges.IsRoutine(buffer[offset]))
            {
                return AttError.RoutineUnknown;
            }

            routine = (RoutineKind)buffer[offset];
            firstStep = buffer[offset + 1];
            return AttError.Success;
        }

        /// <summary>Writes a selection.</summary>
        /// <param name="buffer">Destination, 2 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="routine">The routine.</param>
        /// <param name="firstStep">The first step, 0 to 255.</param>
        /// <returns>Number of bytes written: 2.</returns>
        public static int EncodeSelection(byte[] buffer, int offset, RoutineKind routine, int firstStep)
        {
            buffer[offset] = (byte)routine;
            buffer[offset + 1] = (byte)firstStep;
            return SelectionLength;
        }

        /// <summary>Empties the page and sets its header.</summary>
        /// <param name="routine">The routine.</param>
        /// <param name="stepCount">Its number of steps.</param>
        /// <param name="totalSeconds">Its length, in seconds.</param>
        /// <param name="firstStep">This page's first step.</param>
        public void Clear(RoutineKind routine, int stepCount, int totalSeconds, int firstStep)
        {
            Routine = routine;
            StepCount = stepCount;
            TotalSeconds = totalSeconds;
            FirstStep = firstStep;
            Count = 0;
        }

        /// <summary>Appends a step, if the page has room.</summary>
        /// <param name="area">Body area.</param>
        /// <param name="stepSeconds">Duration, in seconds, 1 to 65535.</param>
        /// <param name="pattern">Pattern.</param>
        /// <param name="level">Level, 0 (hands only) to 5.</param>
        /// <returns><c>true</c> if added; <c>false</c> when the page is full.</returns>
        public bool Add(BodyArea area, int stepSeconds, PatternKind pattern, int level)
        {
            if (Count >= StepsPerPage)
            {
                return false;
            }

            areas[Count] = (byte)area;
            seconds[Count] = stepSeconds;
            patterns[Count] = (byte)pattern;
            levels[Count] = (byte)level;
            Count++;
            return true;
        }

        /// <summary>Gets a step's body area.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>The area.</returns>
        public BodyArea AreaAt(int position)
        {
            return (BodyArea)areas[position];
        }

        /// <summary>Gets a step's duration.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>Seconds.</returns>
        public int SecondsAt(int position)
        {
            return seconds[position];
        }

        /// <summary>Gets a step's pattern.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>The pattern.</returns>
        public PatternKind PatternAt(int position)
        {
            return (PatternKind)patterns[position];
        }

        /// <summary>Gets a step's level.</summary>
        /// <param name="position">0 to <see cref="Count"/> − 1.</param>
        /// <returns>0 to 5.</returns>
        public int LevelAt(int position)
        {
            return levels[position];
        }

        /// <summary>Writes the page.</summary>
        /// <param name="buffer">Destination, at least 20 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written, 5 to 20.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Routine;
            buffer[offset + 1] = (byte)StepCount;
            LittleEndian.WriteUInt16(buffer, offset + 2, TotalSeconds);
            buffer[offset + 4] = (byte)FirstStep;
            int position = offset + HeaderLength;
            for (int step = 0; step < Count; step++)
            {
                buffer[position] = areas[step];
                LittleEndian.WriteUInt16(buffer, position + 1, seconds[step]);
                buffer[position + 3] = patterns[step];
                buffer[position + 4] = levels[step];
                position += StepLength;
            }

            return position - offset;
        }

        /// <summary>Reads a page: length 5 + 5·n with n 0 to 3 (0x0D); level at most 5 and first step below the count (0x13).</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, or the error; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < HeaderLength || length > MaximumLength || (length - HeaderLength) % StepLength != 0)
            {
                return AttError.InvalidAttributeValueLength;
            }

            int stepCount = buffer[offset + 1];
            int firstStep = buffer[offset + 4];
            int steps = (length - HeaderLength) / StepLength;
            if (firstStep + steps > stepCount)
            {
                return AttError.ValueNotAllowed;
            }

            for (int position = offset + HeaderLength; position < offset + length; position += StepLength)
            {
                if (buffer[position + 4] > ValueRanges.MaximumLevel)
                {
                    return AttError.ValueNotAllowed;
                }
            }

            Clear((RoutineKind)buffer[offset], stepCount, LittleEndian.ReadUInt16(buffer, offset + 2), firstStep);
            for (int position = offset + HeaderLength; position < offset + length; position += StepLength)
            {
                Add((BodyArea)buffer[position], LittleEndian.ReadUInt16(buffer, position + 1), (PatternKind)buffer[position + 3], buffer[position + 4]);
            }

            return AttError.Success;
        }
    }
}
