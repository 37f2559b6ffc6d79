namespace Wand.Core.Motor
{
    /// <summary>
    /// A vibration pattern as data (MD-3): a looping time/intensity envelope, like an entry of a haptic effects library.
    /// The envelope is linear between points and repeats every period. The session multiplies the user level by it; the
    /// governor then applies ceiling and slew limits to every sample (SR-3, SR-4).
    /// </summary>
    public sealed class Pattern
    {
        private readonly int[] times;
        private readonly int[] percents;

        /// <summary>Initializes a new instance of the <see cref="Pattern"/> class.</summary>
        /// <param name="name">Human-readable name.</param>
        /// <param name="times">Point times from the start of the period, in milliseconds, ascending, the first 0.</param>
        /// <param name="percents">Intensity at each point, 0 to 100 % of the user level.</param>
        /// <param name="periodMilliseconds">Period, in milliseconds, greater than the last point time.</param>
        public Pattern(string name, int[] times, int[] percents, int periodMilliseconds)
        {
            Name = name;
            this.times = times;
            this.percents = percents;
            PeriodMilliseconds = periodMilliseconds;
        }

        /// <summary>Gets the human-readable name.</summary>
        public string Name { get; }

        /// <summary>Gets the period, in milliseconds.</summary>
        public int PeriodMilliseconds { get; }

        /// <summary>Gets the number of envelope points.</summary>
        public int PointCount => times.Length;

        /// <summary>Evaluates the envelope.</summary>
        /// <param name="elapsedMilliseconds">Time since the pattern started, in milliseconds, 0 or more.</param>
        /// <returns>Intensity, 0.0 to 1.0 of the user level.</returns>
        public float IntensityAt(long elapsedMilliseconds)
        {
            int phase = (int)(elapsedMilliseconds % PeriodMilliseconds);
            int last = times.Length - 1;
            for (int index = 0; index < last; index++)
            {
                if (phase < times[index + 1])
                {
                    return Interpolate(times[index], percents[index], times[index + 1], percents[index + 1], phase);
                }
            }

            // From the last point, the envelope returns to the first point's value at the end of the period.
            return Interpolate(times[last], percents[last], PeriodMilliseconds, percents[0], phase);
        }

        private static float Interpolate(int fromTime, int fromPercent, int toTime, int toPercent, int phase)
        {
            int span = toTime - fromTime;
            float percent = span <= 0 ? fromPercent : fromPercent + ((toPercent - fromPercent) * (float)(phase - fromTime) / span);
            return percent / 100f;
        }
    }
}
