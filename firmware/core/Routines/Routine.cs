using Wand.Protocol.Vocabulary;

namespace Wand.Core.Routines
{
    /// <summary>
    /// A guided routine as data (MD-6): ordered steps, each with a body area, a duration, a pattern and a level (level 0
    /// is a hands-only step: the wand rests while the hands work), with a <see cref="RoutineCue"/> between steps. A
    /// routine is immutable; <see cref="RoutineValidator"/> decides whether it may run on the attached head within the
    /// session limit.
    /// </summary>
    public sealed class Routine
    {
        private readonly BodyArea[] areas;
        private readonly int[] seconds;
        private readonly PatternKind[] patterns;
        private readonly int[] levels;

        /// <summary>Initializes a new instance of the <see cref="Routine"/> class. The arrays are kept, not copied.</summary>
        /// <param name="kind">Wire identity.</param>
        /// <param name="name">Human-readable name.</param>
        /// <param name="areas">Body area of each step.</param>
        /// <param name="seconds">Duration of each step, in seconds, 1 or more.</param>
        /// <param name="patterns">Pattern of each step (ignored for hands-only steps).</param>
        /// <param name="levels">Level of each step, 0 (hands only) to 5.</param>
        public Routine(RoutineKind kind, string name, BodyArea[] areas, int[] seconds, PatternKind[] patterns, int[] levels)
        {
            Kind = kind;
            Name = name;
            this.areas = areas;
            this.seconds = seconds;
            this.patterns = patterns;
            this.levels = levels;
        }

        /// <summary>Gets the wire identity.</summary>
        public RoutineKind Kind { get; }

        /// <summary>Gets the human-readable name.</summary>
        public string Name { get; }

        /// <summary>Gets the number of steps; the four arrays must agree (checked by <see cref="RoutineValidator"/>).</summary>
        public int StepCount => areas.Length;

        /// <summary>Gets a value indicating whether every step array has the same length.</summary>
        public bool IsWellFormed => seconds.Length == areas.Length && patterns.Length == areas.Length && levels.Length == areas.Length;

        /// <summary>Gets a step's body area.</summary>
        /// <param name="step">0 to <see cref="StepCount"/> − 1.</param>
        /// <returns>The area.</returns>
        public BodyArea AreaAt(int step)
        {
            return areas[step];
        }

        /// <summary>Gets a step's duration.</summary>
        /// <param name="step">0 to <see cref="StepCount"/> − 1.</param>
        /// <returns>Seconds.</returns>
        public int SecondsAt(int step)
        {
            return seconds[step];
        }

        /// <summary>Gets a step's pattern.</summary>
        /// <param name="step">0 to <see cref="StepCount"/> − 1.</param>
        /// <returns>The pattern.</returns>
        public PatternKind PatternAt(int step)
        {
            return patterns[step];
        }

        /// <summary>Gets a step's level.</summary>
        /// <param name="step">0 to <see cref="StepCount"/> − 1.</param>
        /// <returns>0 (hands only) to 5.</returns>
        public int LevelAt(int step)
        {
            return levels[step];
        }

        /// <summary>Gets the highest step level: the routine's session level, which no cue exceeds.</summary>
        public int HighestLevel
        {
            get
            {
                int highest = 0;
                for (int step = 0; step < levels.Length; step++)
                {
                    if (levels[step] > highest)
                    {
                        highest = levels[step];
                    }
                }

                return highest;
            }
        }

        /// <summary>Gets the routine's length: every step plus a cue between consecutive steps.</summary>
        public long TotalMilliseconds
        {
            get
            {
                long total = 0;
                for (int step = 0; step < seconds.Length; step++)
                {
                    total += seconds[step] * 1000L;
                }

                if (seconds.Length > 1)
                {
                    total += (seconds.Length - 1) * (long)RoutineCue.DurationMilliseconds;
                }

                return total;
            }
        }

        /// <summary>Gets the routine's length rounded up to whole seconds.</summary>
        public int TotalSeconds => (int)((TotalMilliseconds + 999) / 1000);
    }
}
