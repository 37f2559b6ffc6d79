using Wand.Core.Board;

namespace Wand.Core.Monitors
{
    /// <summary>
    /// Battery supervision (SR-8): a filtered cell voltage for supply compensation, a warning and a cut-off judged under
    /// load, and a restart threshold judged at rest.
    /// </summary>
    public sealed class BatteryMonitor
    {
        /// <summary>Drive must have been on this long for a reading to count as under load, in milliseconds.</summary>
        public const int LoadSettleMilliseconds = 100;

        /// <summary>Drive must have been off this long for a reading to count as at rest, in milliseconds.</summary>
        public const int RestSettleMilliseconds = 500;

        private readonly SafetyLimits limits;
        private readonly int dividerPerMille;
        private int filteredMillivolts;
        private bool hasSample;
        private bool cutoff;
        private bool warning;
        private bool loaded;
        private long loadChangedAt;
        private int reportedPercent = -1;
        private int reportingMillivoltsScaled;

        /// <summary>Initializes a new instance of the <see cref="BatteryMonitor"/> class.</summary>
        /// <param name="limits">The battery limits.</param>
        /// <param name="dividerPerMille">The battery divider ratio, ADC-pin voltage over cell voltage, in parts per thousand (1 to 1000).</param>
        public BatteryMonitor(SafetyLimits limits, int dividerPerMille)
        {
            this.limits = limits;
            this.dividerPerMille = dividerPerMille;
        }

        /// <summary>Gets the filtered cell voltage, in millivolts (0 before the first sample).</summary>
        public int Millivolts => filteredMillivolts;

        /// <summary>Gets a value indicating whether the cut-off is latched (SR-8): no drive until the cell recovers at rest.</summary>
        public bool CutoffLatched => cutoff;

        /// <summary>Gets a value indicating whether the low-battery warning is active.</summary>
        public bool Warning => warning;

        /// <summary>Gets a value indicating whether the cell has been sampled since boot.</summary>
        public bool HasSample => hasSample;

        /// <summary>Gets a value indicating whether the last reading was taken at rest (drive off for at least 500 ms).</summary>
        public bool AtRest => !loaded;

        /// <summary>Evaluates one reading of the battery divider.</summary>
        /// <param name="counts">Raw ADC counts of the battery divider.</param>
        /// <param name="driving"><c>true</c> when the motor drive is non-zero this tick.</param>
        /// <param name="now">Milliseconds since boot.</param>
        public void Sample(int counts, bool driving, long now)
        {
            int pinMillivolts = AnalogScaling.CountsToMillivolts(counts);
            int cellMillivolts = (int)((long)pinMillivolts * 1000 / dividerPerMille);
            if (!hasSample)
            {
                filteredMillivolts = cellMillivolts;
                reportingMillivoltsScaled = cellMillivolts * ReportingFilterTicks;
                hasSample = true;
                loadChangedAt = now;
            }
            else
            {
                // First-order filter, a quarter of the difference per tick: settles in about 5 ticks (100 ms).
                filteredMillivolts += (cellMillivolts - filteredMillivolts) / 4;

                // The state of charge follows a slower filter (time constant ReportingFilterTicks ticks, kept scaled so
                // integer division leaves no dead band): ADC noise on an idle cell spans about two percent points
                // after the fast filter, a small fraction of one after this.
                reportingMillivoltsScaled += cellMillivolts - (reportingMillivoltsScaled / ReportingFilterTicks);
            }

            UpdateReportedPercent();
            if (driving != loaded)
            {
                loaded = driving;
                loadChangedAt = now;
            }

            long sinceChange = now - loadChangedAt;
            if (loaded && sinceChange >= LoadSettleMilliseconds)
            {
                if (filteredMillivolts <= limits.BatteryCutoffMillivolts)
                {
                    cutoff = true;
                }

                if (filteredMillivolts <= limits.BatteryWarningMillivolts)
                {
                    warning = true;
                }
            }
            else if (!loaded && sinceChange >= RestSettleMilliseconds && filteredMillivolts >= limits.BatteryRestartMillivolts)
            {
                cutoff = false;
                warning = false;
            }
        }

        /// <summary>Tells whether a session may start on the present cell voltage.</summary>
        /// <returns><c>false</c> while the cut-off is latched, before the first reading, or when the cell is at or below the cut-off.</returns>
        public bool AllowsStart()
        {
            return hasSample && !cutoff && filteredMillivolts > limits.BatteryCutoffMillivolts;
        }

        /// <summary>
        /// Gets the cell's state of charge for the Battery service and the status, estimated linearly from 3.40 V (0 %)
        /// to 4.15 V (100 %), with a hysteresis of <see cref="PercentHysteresis"/> points so that reading noise does not
        /// flip it (and notify subscribers) between two neighbouring values while the cell is idle.
        /// </summary>
        /// <returns>Percent, 0 to 100 (0 before the first sample).</returns>
        public int PercentEstimate()
        {
            return reportedPercent < 0 ? 0 : reportedPercent;
        }

        /// <summary>Time constant of the state-of-charge filter, in control ticks (64 ticks of 20 ms: 1.3 s).</summary>
        public const int ReportingFilterTicks = 64;

        /// <summary>The estimate moves only when it differs from the reported value by this many points or more, 1 to 100.</summary>
        public const int PercentHysteresis = 2;

        private static int PercentOf(int millivolts)
        {
            int percent = (millivolts - 3400) * 100 / 750;
            return percent < 0 ? 0 : (percent > 100 ? 100 : percent);
        }

        private void UpdateReportedPercent()
        {
            int percent = PercentOf(reportingMillivoltsScaled / ReportingFilterTicks);
            int difference = percent - reportedPercent;
            if (reportedPercent < 0 || difference >= PercentHysteresis || difference <= -PercentHysteresis
                || (percent != reportedPercent && (percent == 0 || percent == 100)))
            {
                reportedPercent = percent;
            }
        }
    }
}
