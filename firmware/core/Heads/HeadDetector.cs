using Wand.Core.Board;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Heads
{
    /// <summary>
    /// Asymmetric head debounce (HD-3, SR-6): any reading that is not the confirmed head drops the confirmation at once
    /// (stop fast); a head is confirmed only after identical readings for at least 150 ms (accept slow).
    /// </summary>
    public sealed class HeadDetector
    {
        private readonly HeadCatalog catalog;
        private HeadIdentity confirmed = HeadIdentity.None;
        private HeadIdentity candidate = HeadIdentity.None;
        private HeadIdentity lastReading = HeadIdentity.None;
        private long candidateSince;
        private int lastCounts;

        /// <summary>Initializes a new instance of the <see cref="HeadDetector"/> class.</summary>
        /// <param name="catalog">The known heads and their bands.</param>
        public HeadDetector(HeadCatalog catalog)
        {
            this.catalog = catalog;
        }

        /// <summary>Gets the confirmed head, or <see cref="HeadIdentity.None"/> when no known head is confirmed.</summary>
        public HeadIdentity Confirmed => confirmed;

        /// <summary>Gets the classification of the latest reading (may be a head not yet confirmed, unknown, shorted or none).</summary>
        public HeadIdentity LastReading => lastReading;

        /// <summary>Gets the latest raw reading, in ADC counts.</summary>
        public int LastCounts => lastCounts;

        /// <summary>Gets the confirmed head's definition, or <c>null</c>.</summary>
        public HeadDefinition ConfirmedDefinition => catalog.Find(confirmed);

        /// <summary>Evaluates one reading of the ID divider.</summary>
        /// <param name="counts">Raw ADC counts, 0 to 4095.</param>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><c>true</c> when a confirmed head was lost on this reading.</returns>
        public bool Sample(int counts, long now)
        {
            lastCounts = counts;
            HeadIdentity reading = catalog.Classify(counts);
            lastReading = reading;
            bool lost = false;
            if (reading != confirmed && confirmed != HeadIdentity.None)
            {
                confirmed = HeadIdentity.None;
                lost = true;
            }

            if (reading != candidate)
            {
                candidate = reading;
                candidateSince = now;
            }

            if (confirmed == HeadIdentity.None
                && catalog.Find(candidate) != null
                && now - candidateSince >= SafetyLimits.HeadAcceptMilliseconds)
            {
                confirmed = candidate;
            }

            return lost;
        }
    }
}
