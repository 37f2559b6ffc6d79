using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// A control-point write (characteristic "control-point"): opcode u8 followed by its parameters, little-endian.
    /// One instance can be reused: <see cref="Decode"/> fills it without allocating, and leaves it unchanged on error.
    /// </summary>
    public sealed class ControlPointCommand
    {
        /// <summary>Shortest control-point write, in bytes (stop).</summary>
        public const int MinimumLength = 1;

        /// <summary>Longest control-point write, in bytes (start).</summary>
        public const int MaximumLength = 5;

        /// <summary>Gets or sets the opcode.</summary>
        public ControlPointOpcode Opcode { get; set; }

        /// <summary>Gets or sets the level, 1 to 5 (start, set level; otherwise 0).</summary>
        public int Level { get; set; }

        /// <summary>Gets or sets the pattern (start, set pattern; otherwise <see cref="PatternKind.Continuous"/>).</summary>
        public PatternKind Pattern { get; set; }

        /// <summary>Gets or sets the session length in seconds, 60 to 900, or 0 for the configured default (start only).</summary>
        public int DurationSeconds { get; set; }

        /// <summary>Gets or sets the routine (start routine, protocol 1.1; otherwise <see cref="RoutineKind.None"/>).</summary>
        public RoutineKind Routine { get; set; }

        /// <summary>Gives the exact length of an opcode's write.</summary>
        /// <param name="opcode">The opcode.</param>
        /// <returns>The length in bytes, or 0 for an undefined opcode.</returns>
        public static int LengthOf(ControlPointOpcode opcode)
        {
            switch (opcode)
            {
                case ControlPointOpcode.StartSession:
                    return 5;
                case ControlPointOpcode.StopSession:
                case ControlPointOpcode.Pause:
                case ControlPointOpcode.Resume:
                    return 1;
                case ControlPointOpcode.SetLevel:
                case ControlPointOpcode.SetPattern:
                case ControlPointOpcode.StartRoutine:
                    return 2;
                default:
                    return 0;
            }
        }

        /// <summary>Sets this command to a start.</summary>
        /// <param name="level">Level, 1 to 5.</param>
        /// <param name="pattern">Pattern.</param>
        /// <param name="durationSeconds">Seconds, 60 to 900, or 0 for the default.</param>
        public void SetStart(int level, PatternKind pattern, int durationSeconds)
        {
            Opcode = ControlPointOpcode.StartSession;
            Level = level;
            Pattern = pattern;
            DurationSeconds = durationSeconds;
            Routine = RoutineKind.None;
        }

        /// <summary>Sets this command to a routine start (protocol 1.1).</summary>
        /// <param name="routine">Routine, 1 to 4.</param>
        public void SetRoutineStart(RoutineKind routine)
        {
            SetParameterless(ControlPointOpcode.StartRoutine);
            Routine = routine;
        }

        /// <summary>Sets this command to a pause (protocol 1.1).</summary>
        public void SetPause()
        {
            SetParameterless(ControlPointOpcode.Pause);
        }

        /// <summary>Sets this command to a resume (protocol 1.1).</summary>
        public void SetResume()
        {
            SetParameterless(ControlPointOpcode.Resume);
        }

        /// <summary>Sets this command to a stop.</summary>
        public void SetStop()
        {
            SetParameterless(ControlPointOpcode.StopSession);
        }

        /// <summary>Sets this command to a level change.</summary>
        /// <param name="level">Level, 1 to 5.</param>
        public void SetLevelChange(int level)
        {
            SetParameterless(ControlPointOpcode.SetLevel);
            Level = level;
        }

        /// <summary>Sets this command to a pattern change.</summary>
        /// <param name="pattern">Pattern.</param>
        public void SetPatternChange(PatternKind pattern)
        {
            SetParameterless(ControlPointOpcode.SetPattern);
            Pattern = pattern;
        }

        /// <summary>Writes the command. Values are written as given, unchecked, so tests can build bad writes.</summary>
        /// <param name="buffer">Destination, at least <see cref="MaximumLength"/> bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written, or 0 for an undefined opcode.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            int length = LengthOf(Opcode);
            if (length == 0)
            {
                return 0;
            }

            buffer[offset] = (byte)Opcode;
            switch (Opcode)
            {
                case ControlPointOpcode.StartSession:
                    buffer[offset + 1] = (byte)Level;
                    buffer[offset + 2] = (byte)Pattern;
                    LittleEndian.WriteUInt16(buffer, offset + 3, DurationSeconds);
                    break;
                case ControlPointOpcode.SetLevel:
                    buffer[offset + 1] = (byte)Level;
                    break;
                case ControlPointOpcode.SetPattern:
                    buffer[offset + 1] = (byte)Pattern;
                    break;
                case ControlPointOpcode.StartRoutine:
                    buffer[offset + 1] = (byte)Routine;
                    break;
            }

            return length;
        }

        /// <summary>
        /// Validates and reads a control-point write: overall length 1–5 (0x0D), opcode (0x80), the opcode's exact length
        /// (0x0D), then each parameter: level (0x81), pattern (0x83), duration (0x82), routine (0x8A). The offset is checked
        /// by the caller.
        /// </summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes written by the client.</param>
        /// <returns><see cref="AttError.Success"/>, or the error to send; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length < MinimumLength || length > MaximumLength)
            {
                return AttError.InvalidAttributeValueLength;
            }

            ControlPointOpcode opcode = (ControlPointOpcode)buffer[offset];
            int expected = LengthOf(opcode);
            if (expected == 0)
            {
                return AttError.OpcodeNotSupported;
            }

            if (length != expected)
            {
                return AttError.InvalidAttributeValueLength;
            }

            int level = 0;
            int pattern = 0;
            int duration = 0;
            if (opcode == ControlPointOpcode.StartSession || opcode == ControlPointOpcode.SetLevel)
            {
                level = buffer[offset + 1];
                if (!ValueRanges.IsLevel(level))
                {
                    return AttError.LevelOutOfRange;
                }
            }

            if (opcode == ControlPointOpcode.StartSession || opcode == ControlPointOpcode.SetPattern)
            {
                pattern = buffer[offset + (opcode == ControlPointOpcode.StartSession ? 2 : 1)];
                if (!ValueRanges.IsPattern(pattern))
                {
                    return AttError.PatternUnknown;
                }
            }

            if (opcode == ControlPointOpcode.StartSession)
            {
                duration = LittleEndian.ReadUInt16(buffer, offset + 3);
                if (duration != ValueRanges.DefaultSessionDuration && !ValueRanges.IsSessionSeconds(duration))
                {
                    return AttError.DurationOutOfRange;
                }
            }

            int routine = 0;
            if (opcode == ControlPointOpcode.StartRoutine)
            {
                routine = buffer[offset + 1];
                if (!ValueRanges.IsRoutine(routine))
                {
                    return AttError.RoutineUnknown;
                }
            }

            Opcode = opcode;
            Level = level;
            Pattern = (PatternKind)pattern;
            DurationSeconds = duration;
            Routine = (RoutineKind)routine;
            return AttError.Success;
        }

        private void SetParameterless(ControlPointOpcode opcode)
        {
            Opcode = opcode;
            Level = 0;
            Pattern = PatternKind.Continuous;
            DurationSeconds = 0;
            Routine = RoutineKind.None;
        }
    }
}
