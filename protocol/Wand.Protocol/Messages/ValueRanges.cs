namespace Wand.Protocol.Messages
{
    /// <summary>
    /// The ranges the profile checks on written values (SR-5, SR-14, SR-15). The device may refuse a value inside these
    /// ranges for a reason of its own (for example a session maximum set lower on the board), never accept one outside.
    /// </summary>
    public static class ValueRanges
    {
        /// <summary>Lowest user level.</summary>
        public const int MinimumLevel = 1;

        /// <summary>Highest user level (MD-2).</summary>
        public const int MaximumLevel = 5;

        /// <summary>Shortest session, in seconds.</summary>
        public const int MinimumSessionSeconds = 60;

        /// <summary>Longest session, in seconds (SR-5 hard maximum).</summary>
        public const int MaximumSessionSeconds = 900;

        /// <summary>Session duration meaning "the configured default" in a start command.</summary>
        public const int DefaultSessionDuration = 0;

        /// <summary>Highest defined pattern value (<c>PatternKind.Heartbeat</c>).</summary>
        public const int MaximumPattern = 3;

        /// <summary>Motor voltage ceiling (SR-3), in millivolts: the top of raw drive and of every calibration voltage.</summary>
        public const int MaximumDriveMillivolts = 3000;

        /// <summary>Lowest voltage in a calibration record, in millivolts (below it an ERM motor does not turn at all).</summary>
        public const int MinimumCalibrationMillivolts = 500;

        /// <summary>Shortest raw drive, in milliseconds.</summary>
        public const int MinimumRawDriveMilliseconds = 1;

        /// <summary>Longest raw drive, in milliseconds.</summary>
        public const int MaximumRawDriveMilliseconds = 10000;

        /// <summary>Longest start-up kick in a calibration record (SR-4), in milliseconds.</summary>
        public const int MaximumKickMilliseconds = 50;

        /// <summary>Highest built-in routine number (protocol 1.1); 1 is the first.</summary>
        public const int MaximumRoutine = 4;

        /// <summary>Tells whether a level is 1 to 5.</summary>
        /// <param name="level">The level.</param>
        /// <returns><c>true</c> if in range.</returns>
        public static bool IsLevel(int level)
        {
            return level >= MinimumLevel && level <= MaximumLevel;
        }

        /// <summary>Tells whether a byte names a built-in routine (protocol 1.1).</summary>
        /// <param name="routine">The routine byte.</param>
        /// <returns><c>true</c> if 1 to <see cref="MaximumRoutine"/>.</returns>
        public static bool IsRoutine(int routine)
        {
            return routine >= 1 && routine <= MaximumRoutine;
        }

        /// <summary>Tells whether a byte is a defined pattern.</summary>
        /// <param name="pattern">The pattern byte.</param>
        /// <returns><c>true</c> if 0 to 3.</returns>
        public static bool IsPattern(int pattern)
        {
            return pattern >= 0 && pattern <= MaximumPattern;
        }

        /// <summary>Tells whether a session length is 60 to 900 seconds.</summary>
        /// <param name="seconds">The length, in seconds.</param>
        /// <returns><c>true</c> if in range.</returns>
        public static bool IsSessionSeconds(int seconds)
        {
            return seconds >= MinimumSessionSeconds && seconds <= MaximumSessionSeconds;
        }
    }
}
