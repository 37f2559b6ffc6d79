using Wand.Core.Board;
using Wand.Core.Motor;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Routines
{
    /// <summary>
    /// Decides whether a routine may run now (MD-6): it must be well formed, drive at least one step, keep the face
    /// hands-only, fit the session limit in force (SR-5), and use only levels and patterns the attached head and the
    /// calibration allow (HD-4, SR-3). A routine that does not fit is refused with the reason; it is never shortened or
    /// clamped.
    /// </summary>
    public static class RoutineValidator
    {
        /// <summary>Checks a routine.</summary>
        /// <param name="routine">The routine, or <c>null</c> for an unknown one.</param>
        /// <param name="sessionLimitSeconds">The session length in force, in seconds (settings, at most the hard maximum).</param>
        /// <param name="head">The confirmed head, or <c>null</c> when none is confirmed.</param>
        /// <param name="levelCap">The highest level allowed now (head, calibration, thermal), 0.0 to 5.0.</param>
        /// <param name="patterns">The pattern library.</param>
        /// <returns><see cref="CommandResult.Success"/>, or the first reason it cannot run: OutOfRange (unknown or malformed),
        /// NoHead, RoutineTooLong, LevelNotAllowed, PatternNotAllowed.</returns>
        public static CommandResult Check(Routine routine, int sessionLimitSeconds, HeadDefinition head, float levelCap, PatternLibrary patterns)
        {
            CommandResult shape = CheckShape(routine, patterns);
            if (shape != CommandResult.Success)
            {
                return shape;
            }

            if (head == null)
            {
                return CommandResult.NoHead;
            }

            if (routine.TotalMilliseconds > sessionLimitSeconds * 1000L)
            {
                return CommandResult.RoutineTooLong;
            }

            for (int step = 0; step < routine.StepCount; step++)
            {
                int level = routine.LevelAt(step);
                if (level == 0)
                {
                    continue;
                }

                if (level > head.MaximumLevel || level > levelCap)
                {
                    return CommandResult.LevelNotAllowed;
                }

                if (!head.Allows(routine.PatternAt(step)))
                {
                    return CommandResult.PatternNotAllowed;
                }
            }

            return CommandResult.Success;
        }

        /// <summary>Checks what does not depend on the head or the limits: known patterns, level range, durations, the face.</summary>
        /// <param name="routine">The routine, or <c>null</c>.</param>
        /// <param name="patterns">The pattern library.</param>
        /// <returns><see cref="CommandResult.Success"/> or <see cref="CommandResult.OutOfRange"/>.</returns>
        public static CommandResult CheckShape(Routine routine, PatternLibrary patterns)
        {
            if (routine == null || !routine.IsWellFormed || routine.StepCount == 0 || routine.HighestLevel < 1)
            {
                return CommandResult.OutOfRange;
            }

            for (int step = 0; step < routine.StepCount; step++)
            {
                int level = routine.LevelAt(step);
                if (level < 0 || level > SafetyLimits.LevelCount || routine.SecondsAt(step) < 1 || !patterns.IsKnown(routine.PatternAt(step)))
                {
                    return CommandResult.OutOfRange;
                }

                // No vibration on the face, ever.
                if (routine.AreaAt(step) == BodyArea.Face && level != 0)
                {
                    return CommandResult.OutOfRange;
                }
            }

            return CommandResult.Success;
        }
    }
}
