using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// Where the playing routine is (characteristic "routine", read and notify, protocol 1.1, MD-6), 10 bytes: routine u8
    /// (0 = none), step index u8 (0-based), step count u8, body area u8, step level u8 (0 = hands only), pattern u8,
    /// phase u8 (0 none, 1 step, 2 cue before the step), paused u8 (0 or 1), step seconds left u16 (a cue counts down to
    /// its step).
    /// </summary>
    public sealed class RoutineProgress
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 10;

        /// <summary>Phase: no routine.</summary>
        public const int PhaseNone = 0;

        /// <summary>Phase: a step is playing.</summary>
        public const int PhaseStep = 1;

        /// <summary>Phase: the haptic cue before the step is playing.</summary>
        public const int PhaseCue = 2;

        /// <summary>Gets or sets the routine, or <see cref="RoutineKind.None"/>.</summary>
        public RoutineKind Routine { get; set; }

        /// <summary>Gets or sets the step index, 0 to the step count − 1.</summary>
        public int StepIndex { get; set; }

        /// <summary>Gets or sets the number of steps, 0 to 255.</summary>
        public int StepCount { get; set; }

        /// <summary>Gets or sets the step's body area.</summary>
        public BodyArea Area { get; set; }

        /// <summary>Gets or sets the step's level, 0 (hands only) to 5.</summary>
        public int Level { get; set; }

        /// <summary>Gets or sets the step's pattern.</summary>
        public PatternKind Pattern { get; set; }

        /// <summary>Gets or sets the phase: <see cref="PhaseNone"/>, <see cref="PhaseStep"/> or <see cref="PhaseCue"/>.</summary>
        public int Phase { get; set; }

        /// <summary>Gets or sets a value indicating whether the session is paused.</summary>
        public bool Paused { get; set; }

        /// <summary>Gets or sets the seconds left in the step, 0 to 65535.</summary>
        public int StepRemainingSeconds { get; set; }

        /// <summary>Writes the value.</summary>
        /// <param name="buffer">Destination, at least 10 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 10.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            buffer[offset] = (byte)Routine;
            buffer[offset + 1] = (byte)StepIndex;
            buffer[offset + 2] = (byte)StepCount;
            buffer[offset + 3] = (byte)Area;
            buffer[offset + 4] = (byte)Level;
            buffer[offset + 5] = (byte)Pattern;
            buffer[offset + 6] = (byte)Phase;
            buffer[offset + 7] = (byte)(Paused ? 1 : 0);
            LittleEndian.WriteUInt16(buffer, offset + 8, StepRemainingSeconds);
            return Length;
        }

        /// <summary>Reads the value; longer values are accepted and the extra bytes ignored.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes received.</param>
        /// <returns><see cref="AttError.Success"/>, <see cref="AttError.InvalidAttributeValueLength"/> when shorter than 10,
        /// or <see cref="AttError.ValueNotAllowed"/> for a phase above 2; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            if (buffer[offset + 6] > PhaseCue || buffer[offset + 7] > 1)
            {
                return AttError.ValueNotAllowed;
            }

            Routine = (RoutineKind)buffer[offset];
            StepIndex = buffer[offset + 1];
            StepCount = buffer[offset + 2];
            Area = (BodyArea)buffer[offset + 3];
            Level = buffer[offset + 4];
            Pattern = (PatternKind)buffer[offset + 5];
            Phase = buffer[offset + 6];
            Paused = buffer[offset + 7] != 0;
            StepRemainingSeconds = LittleEndian.ReadUInt16(buffer, offset + 8);
            return AttError.Success;
        }
    }
}
