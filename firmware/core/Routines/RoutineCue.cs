namespace Wand.Core.Routines
{
    /// <summary>
    /// The gentle haptic cue between routine steps (MD-6): a soft double pulse at <see cref="Level"/>, the lowest user
    /// level, so it is never above the session's level. It is a request like any pattern sample: the governor applies the
    /// ceiling, the head maximum, the start ramp and the slew limit to it (SR-3, SR-4), which rounds the pulses further.
    /// </summary>
    public static class RoutineCue
    {
        /// <summary>Length of the cue, in milliseconds.</summary>
        public const int DurationMilliseconds = 1600;

        /// <summary>The cue's level: the lowest user level.</summary>
        public const int Level = 1;

        /// <summary>Each pulse lasts this long, in milliseconds.</summary>
        public const int PulseMilliseconds = 300;

        /// <summary>The first pulse starts this long into the cue (after a short rest), in milliseconds.</summary>
        public const int FirstPulseMilliseconds = 300;

        /// <summary>The second pulse starts this long into the cue, in milliseconds.</summary>
        public const int SecondPulseMilliseconds = 900;

        /// <summary>Tells whether a pulse is on at a moment of the cue.</summary>
        /// <param name="elapsedMilliseconds">Time since the cue began, 0 to <see cref="DurationMilliseconds"/>.</param>
        /// <returns><c>true</c> during either pulse.</returns>
        public static bool PulseOn(long elapsedMilliseconds)
        {
            return (elapsedMilliseconds >= FirstPulseMilliseconds && elapsedMilliseconds < FirstPulseMilliseconds + PulseMilliseconds)
                || (elapsedMilliseconds >= SecondPulseMilliseconds && elapsedMilliseconds < SecondPulseMilliseconds + PulseMilliseconds);
        }

        /// <summary>Gets the cue's requested level at a moment.</summary>
        /// <param name="elapsedMilliseconds">Time since the cue began.</param>
        /// <param name="sessionLevel">The routine's session level (its highest step level), 1 to 5.</param>
        /// <returns>0, or the cue level capped at the session level.</returns>
        public static int LevelAt(long elapsedMilliseconds, int sessionLevel)
        {
            if (!PulseOn(elapsedMilliseconds))
            {
                return 0;
            }

            return Level < sessionLevel ? Level : sessionLevel;
        }
    }
}
