using Wand.Core.Board;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Sessions
{
    /// <summary>
    /// User settings: the defaults a button-started session uses (SR-5: the duration may only be set at or below the hard
    /// maximum).
    /// </summary>
    public sealed class SessionDefaults
    {
        /// <summary>Initializes a new instance of the <see cref="SessionDefaults"/> class with the product defaults.</summary>
        public SessionDefaults()
        {
            DurationSeconds = SafetyLimits.DefaultSessionSeconds;
            DefaultLevel = 1;
            DefaultPattern = PatternKind.Continuous;
        }

        /// <summary>Gets the session duration, in seconds, 60 to the hard maximum (900 by default).</summary>
        public int DurationSeconds { get; private set; }

        /// <summary>Gets the level a button-started session starts at, 1 to 5.</summary>
        public int DefaultLevel { get; private set; }

        /// <summary>Gets the pattern a button-started session uses.</summary>
        public PatternKind DefaultPattern { get; private set; }

        /// <summary>Replaces the settings after validation; nothing changes when any value is refused (SR-14).</summary>
        /// <param name="durationSeconds">Session duration, <see cref="SafetyLimits.MinimumSessionSeconds"/> to the limits' maximum.</param>
        /// <param name="defaultLevel">Default level, 1 to 5.</param>
        /// <param name="defaultPattern">Default pattern, a defined <see cref="PatternKind"/>.</param>
        /// <param name="limits">The limits in force.</param>
        /// <returns><see cref="CommandResult.Success"/> or <see cref="CommandResult.OutOfRange"/>.</returns>
        public CommandResult TrySet(int durationSeconds, int defaultLevel, PatternKind defaultPattern, SafetyLimits limits)
        {
            if (durationSeconds < SafetyLimits.MinimumSessionSeconds || durationSeconds > limits.MaximumSessionSeconds
                || defaultLevel < 1 || defaultLevel > SafetyLimits.LevelCount
                || (int)defaultPattern > (int)PatternKind.Heartbeat)
            {
                return CommandResult.OutOfRange;
            }

            DurationSeconds = durationSeconds;
            DefaultLevel = defaultLevel;
            DefaultPattern = defaultPattern;
            return CommandResult.Success;
        }
    }
}
