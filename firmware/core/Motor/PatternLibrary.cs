using Wand.Protocol.Vocabulary;

namespace Wand.Core.Motor
{
    /// <summary>
    /// The built-in patterns (MD-3). Envelopes are gentle by design: the slew limit of one level per 200 ms (SR-4)
    /// rounds every edge, so a "pulse" is a soft throb rather than a hard on/off.
    /// </summary>
    public sealed class PatternLibrary
    {
        private readonly Pattern[] patterns;

        /// <summary>Initializes a new instance of the <see cref="PatternLibrary"/> class with the four built-in patterns.</summary>
        public PatternLibrary()
        {
            patterns = new Pattern[]
            {
                // Continuous: a steady level.
                new Pattern("Continuous", new int[] { 0 }, new int[] { 100 }, 1000),

                // Pulse: 600 ms at the level, 600 ms at 30 %.
                new Pattern("Pulse", new int[] { 0, 600, 601 }, new int[] { 100, 100, 30 }, 1200),

                // Wave: a slow swell between 40 % and 100 % over 6 s.
                new Pattern("Wave", new int[] { 0, 3000 }, new int[] { 40, 100 }, 6000),

                // Heartbeat: two beats then a rest, about 60 beats per minute.
                new Pattern("Heartbeat", new int[] { 0, 150, 300, 450, 600 }, new int[] { 100, 50, 85, 30, 30 }, 1000),
            };
        }

        /// <summary>Gets the number of patterns.</summary>
        public int Count => patterns.Length;

        /// <summary>Tells whether a wire value names a known pattern.</summary>
        /// <param name="pattern">The pattern value.</param>
        /// <returns><c>true</c> for a defined pattern.</returns>
        public bool IsKnown(PatternKind pattern)
        {
            return (int)pattern >= 0 && (int)pattern < patterns.Length;
        }

        /// <summary>Gets a pattern.</summary>
        /// <param name="pattern">A known pattern.</param>
        /// <returns>The pattern's envelope.</returns>
        public Pattern Get(PatternKind pattern)
        {
            return patterns[(int)pattern];
        }
    }
}
