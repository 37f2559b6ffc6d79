using Wand.Core.Hardware;

namespace Wand.Core.Platform
{
    /// <summary>
    /// Debounces a raw logic input by time: a new level is accepted only after it has been read unchanged for the
    /// settle time. Used by the device for USB VBUS detect and the factory strap; the button's press logic debounces in
    /// the session manager. The input is sampled when <see cref="IsActive"/> is read (once per control tick).
    /// </summary>
    public sealed class DebouncedInput : IDigitalInput
    {
        private readonly IDigitalInput _raw;
        private readonly IClock _clock;
        private readonly int _settleMilliseconds;
        private bool _hasSample;
        private bool _stable;
        private bool _candidate;
        private long _candidateSince;

        /// <summary>Initializes a new instance of the <see cref="DebouncedInput"/> class.</summary>
        /// <param name="raw">The undebounced input.</param>
        /// <param name="clock">Monotonic clock.</param>
        /// <param name="settleMilliseconds">How long a new level must hold before it is accepted, 0 to 1000 ms.</param>
        public DebouncedInput(IDigitalInput raw, IClock clock, int settleMilliseconds)
        {
            if (raw == null)
            {
                throw new System.ArgumentNullException(nameof(raw));
            }

            if (clock == null)
            {
                throw new System.ArgumentNullException(nameof(clock));
            }

            if (settleMilliseconds < 0 || settleMilliseconds > 1000)
            {
                throw new System.ArgumentOutOfRangeException(nameof(settleMilliseconds), "The settle time is 0 to 1000 ms.");
            }

            _raw = raw;
            _clock = clock;
            _settleMilliseconds = settleMilliseconds;
        }

        /// <summary>Gets the debounced level. The first read returns the raw level as it is.</summary>
        public bool IsActive
        {
            get
            {
                bool level = _raw.IsActive;
                long now = _clock.MillisecondsSinceBoot;
                if (!_hasSample)
                {
                    _hasSample = true;
                    _stable = level;
                    _candidate = level;
                    _candidateSince = now;
                    return _stable;
                }

                if (level != _candidate)
                {
                    _candidate = level;
                    _candidateSince = now;
                }

                if (_candidate != _stable && now - _candidateSince >= _settleMilliseconds)
                {
                    _stable = _candidate;
                }

                return _stable;
            }
        }
    }
}
