namespace Wand.Core.Platform
{
    /// <summary>
    /// The decision half of the device watchdog (SR-10): the control loop feeds it each tick; an independent timer asks
    /// <see cref="HasExpired"/>. Once expired it stays expired (the device then forces the drive off and resets).
    /// </summary>
    public sealed class WatchdogSupervisor
    {
        private readonly int _timeoutMilliseconds;
        private long _lastFeed;
        private bool _fed;
        private bool _expired;
        private readonly object _gate = new object();

        /// <summary>Initializes a new instance of the <see cref="WatchdogSupervisor"/> class.</summary>
        /// <param name="timeoutMilliseconds">Longest allowed gap between feeds, 100 to 10 000 ms.</param>
        public WatchdogSupervisor(int timeoutMilliseconds)
        {
            if (timeoutMilliseconds < 100 || timeoutMilliseconds > 10000)
            {
                throw new System.ArgumentOutOfRangeException(nameof(timeoutMilliseconds), "The watchdog timeout is 100 to 10 000 ms.");
            }

            _timeoutMilliseconds = timeoutMilliseconds;
        }

        /// <summary>Gets the timeout, in milliseconds.</summary>
        public int TimeoutMilliseconds
        {
            get { return _timeoutMilliseconds; }
        }

        /// <summary>Records a feed.</summary>
        /// <param name="nowMilliseconds">Monotonic time, in milliseconds since boot.</param>
        public void Feed(long nowMilliseconds)
        {
            lock (_gate)
            {
                _lastFeed = nowMilliseconds;
                _fed = true;
            }
        }

        /// <summary>Checks the gap since the last feed. The countdown starts with the first feed (boot is not watched).</summary>
        /// <param name="nowMilliseconds">Monotonic time, in milliseconds since boot.</param>
        /// <returns><c>true</c> once the gap has exceeded the timeout; stays <c>true</c> afterwards.</returns>
        public bool HasExpired(long nowMilliseconds)
        {
            lock (_gate)
            {
                if (!_expired && _fed && nowMilliseconds - _lastFeed > _timeoutMilliseconds)
                {
                    _expired = true;
                }

                return _expired;
            }
        }
    }
}
