using Wand.Protocol.Vocabulary;

namespace Wand.Core.Routines
{
    /// <summary>
    /// Where a playing routine is (MD-6): which step or cue, and how far into it, from the session's active time (which
    /// holds while the session is paused, MD-7). <see cref="Locate"/> updates the fields in place and allocates nothing,
    /// so it runs in the control tick.
    /// </summary>
    public sealed class RoutinePlayer
    {
        private Routine routine;
        private int sessionLevel;

        /// <summary>Gets the routine being played, or <c>null</c>.</summary>
        public Routine Routine => routine;

        /// <summary>Gets the routine's wire identity, or <see cref="RoutineKind.None"/>.</summary>
        public RoutineKind Kind => routine == null ? RoutineKind.None : routine.Kind;

        /// <summary>Gets a value indicating whether a routine is loaded.</summary>
        public bool IsPlaying => routine != null;

        /// <summary>Gets the present step, 0 to the step count − 1 (during a cue: the step that follows it).</summary>
        public int StepIndex { get; private set; }

        /// <summary>Gets a value indicating whether the cue before <see cref="StepIndex"/> is playing.</summary>
        public bool InCue { get; private set; }

        /// <summary>Gets the time into the present step or cue, in milliseconds.</summary>
        public long PhaseElapsedMilliseconds { get; private set; }

        /// <summary>Gets the time left in the present step (a cue counts to the step after it), in milliseconds.</summary>
        public long StepRemainingMilliseconds { get; private set; }

        /// <summary>Loads a routine (already validated) and goes to its first step.</summary>
        /// <param name="toPlay">The routine.</param>
        public void Load(Routine toPlay)
        {
            routine = toPlay;
            sessionLevel = toPlay.HighestLevel;
            Locate(0);
        }

        /// <summary>Unloads the routine.</summary>
        public void Clear()
        {
            routine = null;
            StepIndex = 0;
            InCue = false;
            PhaseElapsedMilliseconds = 0;
            StepRemainingMilliseconds = 0;
        }

        /// <summary>Finds the step or cue at a moment of the routine.</summary>
        /// <param name="activeElapsedMilliseconds">Session time since the start, pauses excluded, 0 or more.</param>
        public void Locate(long activeElapsedMilliseconds)
        {
            if (routine == null)
            {
                return;
            }

            long position = activeElapsedMilliseconds < 0 ? 0 : activeElapsedMilliseconds;
            int last = routine.StepCount - 1;
            for (int step = 0; step <= last; step++)
            {
                if (step > 0)
                {
                    if (position < RoutineCue.DurationMilliseconds)
                    {
                        StepIndex = step;
                        InCue = true;
                        PhaseElapsedMilliseconds = position;
                        StepRemainingMilliseconds = RoutineCue.DurationMilliseconds - position;
                        return;
                    }

                    position -= RoutineCue.DurationMilliseconds;
                }

                long length = routine.SecondsAt(step) * 1000L;
                if (position < length || step == last)
                {
                    StepIndex = step;
                    InCue = false;
                    PhaseElapsedMilliseconds = position;
                    long remaining = length - position;
                    StepRemainingMilliseconds = remaining > 0 ? remaining : 0;
                    return;
                }

                position -= length;
            }
        }

        /// <summary>Gets the level the routine asks for at the located moment: the step's level, or the cue's pulses.</summary>
        /// <returns>User level, 0 to 5 (0 for a hands-only step or between cue pulses).</returns>
        public int StepLevel()
        {
            if (routine == null)
            {
                return 0;
            }

            return InCue ? RoutineCue.LevelAt(PhaseElapsedMilliseconds, sessionLevel) : routine.LevelAt(StepIndex);
        }

        /// <summary>Gets the pattern at the located moment (the cue is played steady).</summary>
        /// <returns>The pattern.</returns>
        public PatternKind StepPattern()
        {
            if (routine == null || InCue)
            {
                return PatternKind.Continuous;
            }

            return routine.PatternAt(StepIndex);
        }

        /// <summary>Gets the body area at the located moment (during a cue: the area coming next).</summary>
        /// <returns>The area.</returns>
        public BodyArea StepArea()
        {
            return routine == null ? BodyArea.None : routine.AreaAt(StepIndex);
        }
    }
}
