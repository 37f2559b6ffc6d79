namespace Wand.Core.Board
{
    /// <summary>
    /// The safety limits the governor enforces (hardware/requirements.md, SR). The constants are the product defaults and the single
    /// source of truth: <c>hardware/limits.md</c> documents each one with its rationale, and a test checks the two agree.
    /// A board profile may tighten a limit through the <c>TryTighten…</c> methods; a looser value is refused.
    /// </summary>
    public sealed class SafetyLimits
    {
        /// <summary>Motor rated voltage, the average-voltage ceiling (SR-3), in millivolts.</summary>
        public const int DefaultRatedMotorMillivolts = 3000;

        /// <summary>Minimum duration of a session's ramp from zero (SR-4), in milliseconds.</summary>
        public const int SessionStartRampMilliseconds = 500;

        /// <summary>Slew limit: one level per this many milliseconds, at most (SR-4).</summary>
        public const int MillisecondsPerLevelStep = 200;

        /// <summary>Longest start-up kick (SR-4), in milliseconds.</summary>
        public const int MaximumKickMilliseconds = 50;

        /// <summary>
        /// Run-down time constant the governor assumes for the rotor while the drive is below the sustain voltage (SR-4),
        /// in milliseconds: shorter than the fastest motor of the ±25 % population (40 ms × 0.75 = 30 ms), so the estimate
        /// never says "still turning" of a rotor that has slowed below its sustain speed.
        /// </summary>
        public const int RotorRunDownMilliseconds = 25;

        /// <summary>
        /// Spin-up time constant the governor assumes for a turning rotor (SR-4), in milliseconds: longer than the slowest
        /// motor of the ±25 % population (40 ms × 1.25 = 50 ms), so the estimate never runs ahead of the rotor.
        /// </summary>
        public const int RotorSpinUpMilliseconds = 60;

        /// <summary>
        /// The sustain speed the kick decision uses (SR-4), in percent of the speed the level-1 drive holds: below it the
        /// rotor may stop. Every motor of the population, calibrated, stops below 300 rpm, a tenth of its level-1 speed
        /// (about 3300 rpm for the level-1 amplitude); a quarter leaves the margin.
        /// </summary>
        public const int RotorSustainSpeedPercent = 25;

        /// <summary>Default session length (SR-5), in seconds.</summary>
        public const int DefaultSessionSeconds = 600;

        /// <summary>Hard maximum session length (SR-5), in seconds.</summary>
        public const int DefaultMaximumSessionSeconds = 900;

        /// <summary>Shortest session length a user may set, in seconds.</summary>
        public const int MinimumSessionSeconds = 60;

        /// <summary>Warning lead before auto-off (SR-5), in seconds.</summary>
        public const int SessionWarningSeconds = 60;

        /// <summary>A head is accepted after this long of stable identical readings (SR-6, HD-3), in milliseconds.</summary>
        public const int HeadAcceptMilliseconds = 150;

        /// <summary>Thermal derating starts here (SR-7), in millidegrees Celsius.</summary>
        public const int DefaultDerateStartMillidegrees = 39000;

        /// <summary>Thermal trip: motor off and fault (SR-7), in millidegrees Celsius.</summary>
        public const int DefaultTripMillidegrees = 41000;

        /// <summary>After a trip, restart only below this (SR-7), in millidegrees Celsius.</summary>
        public const int DefaultThermalRestartMillidegrees = 38000;

        /// <summary>The head NTC is read at least this often (SR-7: ≥ 2 Hz), period in milliseconds.</summary>
        public const int ThermalSamplePeriodMilliseconds = 250;

        /// <summary>Lowest plausible NTC temperature; below is a sensor fault (SR-7), in millidegrees Celsius.</summary>
        public const int MinimumPlausibleMillidegrees = -10000;

        /// <summary>Highest plausible NTC temperature; above is a sensor fault (SR-7), in millidegrees Celsius.</summary>
        public const int MaximumPlausibleMillidegrees = 80000;

        /// <summary>Low-battery warning under load (SR-8), in millivolts.</summary>
        public const int DefaultBatteryWarningMillivolts = 3550;

        /// <summary>Battery cut-off under load (SR-8), in millivolts.</summary>
        public const int DefaultBatteryCutoffMillivolts = 3400;

        /// <summary>After a cut-off, restart only at or above this at rest (SR-8), in millivolts.</summary>
        public const int DefaultBatteryRestartMillivolts = 3600;

        /// <summary>The control loop's fixed tick (MD-4, SR-13: ≤ 20 ms), in milliseconds.</summary>
        public const int ControlTickMilliseconds = 20;

        /// <summary>Missed-deadline limit of the control loop (SR-10), in milliseconds.</summary>
        public const int LivenessTimeoutMilliseconds = 200;

        /// <summary>A remote-started session is at zero within this long of link loss (SR-11), in milliseconds.</summary>
        public const int LinkLossStopMilliseconds = 2000;

        /// <summary>Factory mode ends this long after boot (SR-15), in seconds.</summary>
        public const int FactoryModeSeconds = 600;

        /// <summary>Entries kept in the fault log (SR-17).</summary>
        public const int FaultLogCapacity = 16;

        /// <summary>Highest user level.</summary>
        public const int LevelCount = 5;

        /// <summary>Highest level allowed while the calibration record is missing or corrupt (SR-16).</summary>
        public const int UncalibratedMaximumLevel = 2;

        /// <summary>Longest single raw-drive request in factory mode, in milliseconds.</summary>
        public const int MaximumRawDriveMilliseconds = 10000;

        private int ratedMotorMillivolts = DefaultRatedMotorMillivolts;
        private int maximumSessionSeconds = DefaultMaximumSessionSeconds;
        private int derateStartMillidegrees = DefaultDerateStartMillidegrees;
        private int tripMillidegrees = DefaultTripMillidegrees;
        private int thermalRestartMillidegrees = DefaultThermalRestartMillidegrees;
        private int batteryWarningMillivolts = DefaultBatteryWarningMillivolts;
        private int batteryCutoffMillivolts = DefaultBatteryCutoffMillivolts;
        private int batteryRestartMillivolts = DefaultBatteryRestartMillivolts;

        /// <summary>Gets the average-motor-voltage ceiling (SR-3), in millivolts, at most 3000.</summary>
        public int RatedMotorMillivolts => ratedMotorMillivolts;

        /// <summary>Gets the hard maximum session length (SR-5), in seconds, 60 to 900.</summary>
        public int MaximumSessionSeconds => maximumSessionSeconds;

        /// <summary>Gets the derate start temperature (SR-7), in millidegrees Celsius, at most 39000.</summary>
        public int DerateStartMillidegrees => derateStartMillidegrees;

        /// <summary>Gets the trip temperature (SR-7), in millidegrees Celsius, at most 41000.</summary>
        public int TripMillidegrees => tripMillidegrees;

        /// <summary>Gets the restart temperature after a trip (SR-7), in millidegrees Celsius, at most 38000.</summary>
        public int ThermalRestartMillidegrees => thermalRestartMillidegrees;

        /// <summary>Gets the low-battery warning under load (SR-8), in millivolts, at least 3550.</summary>
        public int BatteryWarningMillivolts => batteryWarningMillivolts;

        /// <summary>Gets the battery cut-off under load (SR-8), in millivolts, at least 3400.</summary>
        public int BatteryCutoffMillivolts => batteryCutoffMillivolts;

        /// <summary>Gets the battery restart level at rest (SR-8), in millivolts, at least 3600.</summary>
        public int BatteryRestartMillivolts => batteryRestartMillivolts;

        /// <summary>Copies these limits, as tightened so far, into a new instance.</summary>
        /// <returns>A new instance with the same values.</returns>
        public SafetyLimits Copy()
        {
            SafetyLimits copy = new SafetyLimits();
            copy.ratedMotorMillivolts = ratedMotorMillivolts;
            copy.maximumSessionSeconds = maximumSessionSeconds;
            copy.derateStartMillidegrees = derateStartMillidegrees;
            copy.tripMillidegrees = tripMillidegrees;
            copy.thermalRestartMillidegrees = thermalRestartMillidegrees;
            copy.batteryWarningMillivolts = batteryWarningMillivolts;
            copy.batteryCutoffMillivolts = batteryCutoffMillivolts;
            copy.batteryRestartMillivolts = batteryRestartMillivolts;
            return copy;
        }

        /// <summary>
        /// Sets every limit to another instance's values. Used only when a sensor calibration is put in force, to undo the
        /// uncalibrated shift (<see cref="ShiftForSensorError"/>) back to the board profile's limits.
        /// </summary>
        /// <param name="source">The profile's limits.</param>
        public void ResetTo(SafetyLimits source)
        {
            ratedMotorMillivolts = source.ratedMotorMillivolts;
            maximumSessionSeconds = source.maximumSessionSeconds;
            derateStartMillidegrees = source.derateStartMillidegrees;
            tripMillidegrees = source.tripMillidegrees;
            thermalRestartMillidegrees = source.thermalRestartMillidegrees;
            batteryWarningMillivolts = source.batteryWarningMillivolts;
            batteryCutoffMillivolts = source.batteryCutoffMillivolts;
            batteryRestartMillivolts = source.batteryRestartMillivolts;
        }

        /// <summary>
        /// Moves the sensor-judged limits towards the safe side by the worst-case reading errors of a unit without a valid
        /// sensor calibration (SR-18): thermal thresholds down, battery thresholds up (restart at most 4200 mV), the motor
        /// voltage ceiling down by the relative cell-reading error. Only ever tightens.
        /// </summary>
        /// <param name="thermalMillidegrees">Worst-case temperature reading error, in millidegrees Celsius, 0 or more.</param>
        /// <param name="batteryMillivolts">Worst-case cell reading error, in millivolts, 0 or more.</param>
        /// <param name="batteryPercent">Worst-case relative cell reading error, in percent, 0 to 50.</param>
        public void ShiftForSensorError(int thermalMillidegrees, int batteryMillivolts, int batteryPercent)
        {
            derateStartMillidegrees -= thermalMillidegrees;
            tripMillidegrees -= thermalMillidegrees;
            thermalRestartMillidegrees -= thermalMillidegrees;
            batteryWarningMillivolts += batteryMillivolts;
            batteryCutoffMillivolts += batteryMillivolts;
            batteryRestartMillivolts += batteryMillivolts;
            if (batteryRestartMillivolts > 4200)
            {
                batteryRestartMillivolts = 4200;
            }

            ratedMotorMillivolts = ratedMotorMillivolts * (100 - batteryPercent) / 100;
        }

        /// <summary>Lowers the motor voltage ceiling.</summary>
        /// <param name="millivolts">New ceiling, 1000 to the current ceiling.</param>
        /// <returns><c>true</c> if applied; <c>false</c> if it would loosen the limit or is implausible.</returns>
        public bool TryTightenRatedMotorMillivolts(int millivolts)
        {
            if (millivolts < 1000 || millivolts > ratedMotorMillivolts)
            {
                return false;
            }

            ratedMotorMillivolts = millivolts;
            return true;
        }

        /// <summary>Lowers the hard maximum session length.</summary>
        /// <param name="seconds">New maximum, <see cref="MinimumSessionSeconds"/> to the current maximum.</param>
        /// <returns><c>true</c> if applied; <c>false</c> if it would loosen the limit.</returns>
        public bool TryTightenMaximumSessionSeconds(int seconds)
        {
            if (seconds < MinimumSessionSeconds || seconds > maximumSessionSeconds)
            {
                return false;
            }

            maximumSessionSeconds = seconds;
            return true;
        }

        /// <summary>Lowers the thermal thresholds together; derate start &lt; trip and restart &lt; trip must hold.</summary>
        /// <param name="derateStart">Derate start, in millidegrees Celsius.</param>
        /// <param name="trip">Trip point, in millidegrees Celsius.</param>
        /// <param name="restart">Restart threshold, in millidegrees Celsius.</param>
        /// <returns><c>true</c> if applied; <c>false</c> if any would loosen its limit or the order is wrong.</returns>
        public bool TryTightenThermal(int derateStart, int trip, int restart)
        {
            if (derateStart > derateStartMillidegrees || trip > tripMillidegrees || restart > thermalRestartMillidegrees)
            {
                return false;
            }

            if (derateStart >= trip || restart >= trip || restart < MinimumPlausibleMillidegrees)
            {
                return false;
            }

            derateStartMillidegrees = derateStart;
            tripMillidegrees = trip;
            thermalRestartMillidegrees = restart;
            return true;
        }

        /// <summary>Raises the battery thresholds together; cut-off &lt; warning and cut-off &lt; restart must hold.</summary>
        /// <param name="warning">Warning under load, in millivolts.</param>
        /// <param name="cutoff">Cut-off under load, in millivolts.</param>
        /// <param name="restart">Restart at rest, in millivolts.</param>
        /// <returns><c>true</c> if applied; <c>false</c> if any would loosen its limit or the order is wrong.</returns>
        public bool TryTightenBattery(int warning, int cutoff, int restart)
        {
            if (warning < batteryWarningMillivolts || cutoff < batteryCutoffMillivolts || restart < batteryRestartMillivolts)
            {
                return false;
            }

            if (cutoff >= warning || cutoff >= restart || restart > 4200)
            {
                return false;
            }

            batteryWarningMillivolts = warning;
            batteryCutoffMillivolts = cutoff;
            batteryRestartMillivolts = restart;
            return true;
        }
    }
}
