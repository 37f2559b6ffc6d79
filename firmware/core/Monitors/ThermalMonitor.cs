using Wand.Core.Board;

namespace Wand.Core.Monitors
{
    /// <summary>
    /// Head-side temperature supervision (SR-7): samples the NTC every 250 ms (4 Hz, SR-7 asks ≥ 2 Hz), derates linearly
    /// from the derate start to the trip point, trips at the trip point and releases the trip only below the restart
    /// temperature. A reading outside the plausible range (open or shorted sensor) is a sensor fault.
    /// </summary>
    public sealed class ThermalMonitor
    {
        private readonly ThermistorConverter converter;
        private readonly SafetyLimits limits;
        private long nextSampleTime;
        private int millidegrees;
        private bool sensorFault;
        private bool tripped;
        private bool hasSample;
        private int lastCounts;

        /// <summary>Initializes a new instance of the <see cref="ThermalMonitor"/> class.</summary>
        /// <param name="parameters">The NTC and divider.</param>
        /// <param name="limits">The thermal limits.</param>
        public ThermalMonitor(ThermistorParameters parameters, SafetyLimits limits)
        {
            converter = new ThermistorConverter(parameters);
            this.limits = limits;
        }

        /// <summary>Gets the last temperature, in millidegrees Celsius (0 before the first sample).</summary>
        public int Millidegrees => millidegrees;

        /// <summary>Gets the latest raw reading, in ADC counts.</summary>
        public int LastCounts => lastCounts;

        /// <summary>Gets a value indicating whether the last reading was implausible (SR-7 sensor fault).</summary>
        public bool SensorFault => sensorFault;

        /// <summary>Gets a value indicating whether the trip is latched (reached the trip point, not yet below restart).</summary>
        public bool Tripped => tripped;

        /// <summary>Gets a value indicating whether a sample has been taken since boot.</summary>
        public bool HasSample => hasSample;

        /// <summary>Gets a value indicating whether the motor must be off for thermal reasons: tripped, sensor fault or no sample yet.</summary>
        public bool InhibitsDrive => tripped || sensorFault || !hasSample;

        /// <summary>Gets a value indicating whether derating is active (temperature above the derate start).</summary>
        public bool Derating => hasSample && !sensorFault && millidegrees > limits.DerateStartMillidegrees;

        /// <summary>Tells whether a sample is due.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><c>true</c> when <see cref="Sample"/> should be called this tick.</returns>
        public bool IsSampleDue(long now)
        {
            return now >= nextSampleTime;
        }

        /// <summary>Evaluates one NTC reading.</summary>
        /// <param name="counts">Raw ADC counts of the NTC divider.</param>
        /// <param name="now">Milliseconds since boot.</param>
        public void Sample(int counts, long now)
        {
            nextSampleTime = now + SafetyLimits.ThermalSamplePeriodMilliseconds;
            hasSample = true;
            lastCounts = counts;
            int value;
            if (!converter.TryConvert(counts, out value)
                || value < SafetyLimits.MinimumPlausibleMillidegrees
                || value > SafetyLimits.MaximumPlausibleMillidegrees)
            {
                sensorFault = true;
                return;
            }

            sensorFault = false;
            millidegrees = value;
            if (value >= limits.TripMillidegrees)
            {
                tripped = true;
            }
            else if (tripped && value < limits.ThermalRestartMillidegrees)
            {
                tripped = false;
            }
        }

        /// <summary>
        /// Gets the fraction of the head's maximum level allowed now: 1 at or below the derate start, falling linearly to 0
        /// at the trip point, 0 while tripped or faulted.
        /// </summary>
        /// <returns>The derating factor, 0.0 to 1.0.</returns>
        public float DerateFactor()
        {
            if (InhibitsDrive)
            {
                return 0f;
            }

            // At or below the derate start the factor is 1 or more and the clamp makes it 1; above the trip (possible only
            // until the next sample after a limit was lowered) it is negative and the clamp makes it 0.
            float span = limits.TripMillidegrees - limits.DerateStartMillidegrees;
            float factor = (limits.TripMillidegrees - millidegrees) / span;
            return factor < 0f ? 0f : (factor > 1f ? 1f : factor);
        }
    }
}
