namespace Wand.Core.Control
{
    /// <summary>
    /// Paces the control loop at a fixed period without drift: each call returns how long to sleep until the next
    /// deadline. A loop that fell more than one period behind restarts its schedule instead of bursting ticks.
    /// </summary>
    public sealed class BootLoopPacer
    {
        private readonly int _periodMilliseconds;
        private long _nextDeadline;
        private bool _started;
        private int _overruns;

        /// <summary>Initializes a new instance of the <see cref="BootLoopPacer"/> class.</summary>
        /// <param name="periodMilliseconds">Tick period, in milliseconds, 1 to 20 (MD-4).</param>
        public BootLoopPacer(int periodMilliseconds)
        {
            if (periodMilliseconds < 1 || periodMilliseconds > 20)
            {
                throw new System.ArgumentOutOfRangeException(nameof(periodMilliseconds), "The control tick is 1 to 20 ms (MD-4).");
            }

            _periodMilliseconds = periodMilliseconds;
        }

        /// <summary>Gets how many times a tick finished after the following deadline had already passed.</summary>
        public int Overruns
        {
            get { return _overruns; }
        }

        /// <summary>Call after each tick: advances the schedule and returns the sleep before the next tick.</summary>
        /// <param name="nowMilliseconds">Monotonic time, in milliseconds since boot.</param>
        /// <returns>Milliseconds to sleep, 0 to the period.</returns>
        public int MillisecondsUntilNextTick(long nowMilliseconds)
        {
            if (!_started)
            {
                _started = true;
                _nextDeadline = nowMilliseconds;
            }

            _nextDeadline += _periodMilliseconds;
            long remaining = _nextDeadline - nowMilliseconds;
            if (remaining < 0)
            {
                _overruns++;
                if (-remaining >= _periodMilliseconds)
                {
                    _nextDeadline = nowMilliseconds;
                }

                return 0;
            }

            return (int)remaining;
        }
    }
}
