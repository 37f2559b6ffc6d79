using Wand.Protocol.Codec;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Protocol.Messages
{
    /// <summary>
    /// The settings value (characteristic "settings", read and write), 4 bytes: default session seconds u16 (60–900),
    /// default level u8 (1–5), default pattern u8 (0–3). Used by button-started sessions and by a start with duration 0.
    /// </summary>
    public sealed class SessionSettings
    {
        /// <summary>Length of the value, in bytes.</summary>
        public const int Length = 4;

        /// <summary>Gets or sets the default session length, in seconds, 60 to 900.</summary>
        public int DefaultSessionSeconds { get; set; }

        /// <summary>Gets or sets the default level, 1 to 5.</summary>
        public int DefaultLevel { get; set; }

        /// <summary>Gets or sets the default pattern.</summary>
        public PatternKind DefaultPattern { get; set; }

        /// <summary>Writes the value, unchecked.</summary>
        /// <param name="buffer">Destination, at least 4 bytes from <paramref name="offset"/>.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <returns>Number of bytes written: 4.</returns>
        public int Encode(byte[] buffer, int offset)
        {
            LittleEndian.WriteUInt16(buffer, offset, DefaultSessionSeconds);
            buffer[offset + 2] = (byte)DefaultLevel;
            buffer[offset + 3] = (byte)DefaultPattern;
            return Length;
        }

        /// <summary>
        /// Validates and reads a settings write: length exactly 4 (0x0D), then seconds (0x82), level (0x81), pattern (0x83).
        /// The offset is checked by the caller.
        /// </summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first byte.</param>
        /// <param name="length">Number of bytes written.</param>
        /// <returns><see cref="AttError.Success"/>, or the error to send; this instance is unchanged on error.</returns>
        public AttError Decode(byte[] buffer, int offset, int length)
        {
            if (length != Length)
            {
                return AttError.InvalidAttributeValueLength;
            }

            int seconds = LittleEndian.ReadUInt16(buffer, offset);
            int level = buffer[offset + 2];
            int pattern = buffer[offset + 3];
            if (!ValueRanges.IsSessionSeconds(seconds))
            {
                return AttError.DurationOutOfRange;
            }

            if (!ValueRanges.IsLevel(level))
            {
                return AttError.LevelOutOfRange;
            }

            if (!ValueRanges.IsPattern(pattern))
            {
                return AttError.PatternUnknown;
            }

            DefaultSessionSeconds = seconds;
            DefaultLevel = level;
            DefaultPattern = (PatternKind)pattern;
            return AttError.Success;
        }
    }
}
