using Wand.Core.Board;
using Wand.Core.Hardware;
using Wand.Core.Motor;

namespace Wand.Core.Safety
{
    /// <summary>
    /// The single choke point of motor drive (SR-2): the only code that writes <see cref="IMotorOutput"/>.
    /// It turns the motor off before anything else at construction (SR-1), holds zero in the same tick whenever any
    /// inhibit is set (SR-6…SR-10, SR-12, SR-13), clamps every request to the head, calibration and thermal level cap
    /// and to the rated-voltage ceiling computed from the measured battery voltage (SR-3), and shapes changes with the
    /// start ramp, the slew limit and the start-up kick (SR-4). Thread-safe: <see cref="ForceOff"/> may come from the
    /// liveness timer while the loop runs.
    /// </summary>
    /// <remarks>
    /// The kick (SR-4 as amended, MD-5) is applied whenever the rotor may be below its sustain speed. The governor cannot
    /// observe the rotor, so it keeps a conservative estimate of the rotor's speed, expressed as the drive margin above
    /// the calibrated sustain voltage that would hold it there: it rises no faster than the slowest motor of the
    /// population spins up (<see cref="SafetyLimits.RotorSpinUpMilliseconds"/>) and, while the drive is below the sustain
    /// voltage (off included), falls no slower than the fastest motor runs down
    /// (<see cref="SafetyLimits.RotorRunDownMilliseconds"/>). A rotor counts as turning from the end of a completed kick
    /// until the estimate, with the drive below the sustain voltage, falls under
    /// <see cref="SafetyLimits.RotorSustainSpeedPercent"/> of the level-1 margin. So a restart while the rotor coasts
    /// well above that speed gets no kick, and any restart after it may have stopped does.
    /// </remarks>
    public sealed class SafetyGovernor
    {
        private readonly IMotorOutput motor;
        private readonly SafetyLimits limits;
        private readonly object gate = new object();
        private float level;
        private int millivolts;
        private float dutyCycle;
        private long lastUpdate = -1;
        private bool outputZero = true;
        private bool starting;
        private long rampStart;
        private float rampLevel;
        private long kickStart = -1;
        private bool outputUncertain;
        private long lastEstimate = -1;
        private float rotorMillivolts;
        private bool rotorTurning;

        /// <summary>
        /// Initializes a new instance of the <see cref="SafetyGovernor"/> class and sets the motor output to zero before
        /// returning (SR-1).
        /// </summary>
        /// <param name="motor">The motor output; nothing else may write it.</param>
        /// <param name="limits">The limits to enforce.</param>
        public SafetyGovernor(IMotorOutput motor, SafetyLimits limits)
        {
            this.motor = motor;
            this.limits = limits;
            motor.SetDutyCycle(0f);
        }

        /// <summary>How often <see cref="ForceOff"/> tries to write zero to a failing output.</summary>
        public const int ForceOffAttempts = 3;

        /// <summary>
        /// Gets a value indicating whether the last write to the motor output failed, so the real output may still be
        /// driving. The controller then stops feeding the watchdog, whose reset lets the gate pull-down turn the motor off
        /// (SR-10).
        /// </summary>
        public bool OutputUncertain => outputUncertain;

        /// <summary>Gets the present level after ramps and caps, 0.0 to 5.0.</summary>
        public float Level => level;

        /// <summary>Gets the present commanded average motor voltage, in millivolts, 0 to the ceiling.</summary>
        public int Millivolts => millivolts;

        /// <summary>Gets the present duty cycle written to the motor, 0.0 to 1.0.</summary>
        public float DutyCycle => dutyCycle;

        /// <summary>Gets a value indicating whether the start-up kick is being applied.</summary>
        public bool Kicking => kickStart >= 0;

        /// <summary>
        /// Gets a value indicating whether the rotor counts as turning at or above its sustain speed (no kick needed):
        /// from the end of a completed kick until the drive has been below the sustain voltage long enough for the fastest
        /// rotor of the population to slow below the sustain speed.
        /// </summary>
        public bool RotorTurning => rotorTurning;

        /// <summary>Gets the estimated rotor speed as the drive margin above the sustain voltage that holds it, in millivolts, 0 or more.</summary>
        public float RotorMillivolts => rotorMillivolts;

        /// <summary>Gets a value indicating whether the output is zero.</summary>
        public bool IsOff => outputZero;

        /// <summary>
        /// Computes and writes the drive for one control tick of a user session.
        /// </summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <param name="requestedLevel">The level the session asks for, 0.0 to 5.0 (pattern and warning applied).</param>
        /// <param name="levelCap">The highest level allowed now: head maximum, calibration maximum and thermal derating combined, 0.0 to 5.0.</param>
        /// <param name="inhibit">Bit set of <see cref="DriveInhibit"/> reasons; any bit forces zero.</param>
        /// <param name="batteryMillivolts">Measured cell voltage under present load, in millivolts; 0 or less forces zero.</param>
        /// <param name="map">The level-to-voltage map of the calibration in use.</param>
        public void Update(long now, float requestedLevel, float levelCap, int inhibit, int batteryMillivolts, DriveMap map)
        {
            lock (gate)
            {
                long elapsed = ElapsedSinceLastUpdate(now);
                EstimateRotor(now, map.SustainMillivolts, map.LevelMargin());
                if (inhibit != DriveInhibit.None || batteryMillivolts <= 0)
                {
                    WriteZero(now);
                    return;
                }

                float target = requestedLevel > 0f ? requestedLevel : 0f;
                if (levelCap < target)
                {
                    target = levelCap > 0f ? levelCap : 0f;
                }

                if (target > SafetyLimits.LevelCount)
                {
                    target = SafetyLimits.LevelCount;
                }

                level = NextLevel(now, elapsed, target);
                int demand = map.MillivoltsFor(level);
                demand = ApplyKick(now, demand, map);
                WriteMillivolts(now, demand, batteryMillivolts);
            }
        }

        /// <summary>
        /// Computes and writes a raw factory drive (SR-15): no ramps, but the inhibits and the voltage ceiling (SR-3) hold.
        /// </summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <param name="requestedMillivolts">The average motor voltage asked for, in millivolts, 0 or more.</param>
        /// <param name="inhibit">Bit set of <see cref="DriveInhibit"/> reasons; any bit forces zero.</param>
        /// <param name="batteryMillivolts">Measured cell voltage, in millivolts; 0 or less forces zero.</param>
        public void UpdateRaw(long now, int requestedMillivolts, int inhibit, int batteryMillivolts)
        {
            lock (gate)
            {
                ElapsedSinceLastUpdate(now);

                // The raw drive has no kick and no calibration in force: count the rotor as possibly stopped.
                lastEstimate = now;
                rotorMillivolts = 0f;
                rotorTurning = false;
                starting = false;
                kickStart = -1;
                level = 0f;
                if (inhibit != DriveInhibit.None || batteryMillivolts <= 0 || requestedMillivolts <= 0)
                {
                    WriteZero(now);
                    return;
                }

                WriteMillivolts(now, requestedMillivolts, batteryMillivolts);
            }
        }

        /// <summary>
        /// Turns the motor off at once, from any thread: the fault path of SR-10, SR-12 and SR-13. A failing output is
        /// retried up to <see cref="ForceOffAttempts"/> times; it never throws.
        /// </summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><c>true</c> when zero was written; <c>false</c> when every attempt failed (see <see cref="OutputUncertain"/>).</returns>
        public bool ForceOff(long now)
        {
            lock (gate)
            {
                for (int attempt = 0; attempt < ForceOffAttempts; attempt++)
                {
                    try
                    {
                        WriteZero(now);
                        return true;
                    }
                    catch (System.Exception)
                    {
                        outputUncertain = true;
                    }
                }

                return false;
            }
        }

        private long ElapsedSinceLastUpdate(long now)
        {
            long elapsed = lastUpdate < 0 ? SafetyLimits.ControlTickMilliseconds : now - lastUpdate;
            lastUpdate = now;

            // A late tick must not buy a bigger step: slew is granted for at most one tick.
            if (elapsed > SafetyLimits.ControlTickMilliseconds)
            {
                elapsed = SafetyLimits.ControlTickMilliseconds;
            }

            return elapsed < 0 ? 0 : elapsed;
        }

        private float NextLevel(long now, long elapsed, float target)
        {
            float step = (float)elapsed / SafetyLimits.MillisecondsPerLevelStep;
            if (target > level)
            {
                if (level <= 0f)
                {
                    starting = true;
                    rampStart = now;
                    rampLevel = target;
                }

                if (starting)
                {
                    // A session starts from zero over at least 500 ms (SR-4): the ramp rises at the rate that reaches the
                    // level asked for at the start in 500 ms, or at the slew rate if that is faster; a later, higher
                    // target is followed at the slew rate. The tick that starts at rampStart + k·tick may reach
                    // (k + 1)·tick / 500 of the target, so the ramp spans at least 500 ms of output.
                    float rampStep = rampLevel * elapsed / SafetyLimits.SessionStartRampMilliseconds;
                    if (rampStep > step)
                    {
                        step = rampStep;
                    }
                }

                float next = level + step < target ? level + step : target;
                if (starting)
                {
                    float fraction = (float)(now - rampStart + SafetyLimits.ControlTickMilliseconds) / SafetyLimits.SessionStartRampMilliseconds;
                    float startCap = fraction < 1f ? target * fraction : target;
                    if (next > startCap)
                    {
                        next = startCap;
                    }
                }

                if (next >= target)
                {
                    starting = false;
                }

                return next;
            }

            if (target < level)
            {
                starting = false;
                return level - step > target ? level - step : target;
            }

            return level;
        }

        private int ApplyKick(long now, int demand, DriveMap map)
        {
            if (demand <= 0)
            {
                kickStart = -1;
                return demand;
            }

            if (!rotorTurning && kickStart < 0)
            {
                if (map.KickMilliseconds <= 0)
                {
                    // No kick configured: nothing more can be done to start the rotor.
                    return demand;
                }

                kickStart = now;
            }

            if (kickStart >= 0)
            {
                // The value written at this tick is held for one tick; the kick must end within its duration (≤ 50 ms).
                int kickLength = map.KickMilliseconds < SafetyLimits.MaximumKickMilliseconds ? map.KickMilliseconds : SafetyLimits.MaximumKickMilliseconds;
                if (now - kickStart + SafetyLimits.ControlTickMilliseconds <= kickLength)
                {
                    return map.KickMillivolts > demand ? map.KickMillivolts : demand;
                }

                kickStart = -1;
                rotorTurning = true;
            }

            return demand;
        }

        /// <summary>
        /// Advances the rotor estimate over the time since the last estimate with the drive held in that time (see the
        /// class remarks). Allocates nothing.
        /// </summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <param name="sustainMillivolts">The calibrated sustain voltage, in millivolts.</param>
        /// <param name="levelMarginMillivolts">Level 1's drive above the sustain voltage, in millivolts.</param>
        private void EstimateRotor(long now, int sustainMillivolts, int levelMarginMillivolts)
        {
            long elapsed = lastEstimate < 0 ? 0 : now - lastEstimate;
            lastEstimate = now;
            if (elapsed <= 0)
            {
                return;
            }

            int held = millivolts;
            if (held > 0 && held >= sustainMillivolts)
            {
                if (!rotorTurning && kickStart < 0)
                {
                    // A rotor that was not started gains no speed from a drive below its breakaway voltage.
                    return;
                }

                float target = held - sustainMillivolts;
                int timeConstant = target > rotorMillivolts ? SafetyLimits.RotorSpinUpMilliseconds : SafetyLimits.RotorRunDownMilliseconds;
                rotorMillivolts += (target - rotorMillivolts) * ApproachFraction(elapsed, timeConstant);
                return;
            }

            rotorMillivolts -= rotorMillivolts * ApproachFraction(elapsed, SafetyLimits.RotorRunDownMilliseconds);
            if (rotorMillivolts * 100f < (float)levelMarginMillivolts * SafetyLimits.RotorSustainSpeedPercent)
            {
                rotorTurning = false;
            }
        }

        private static float ApproachFraction(long elapsed, int timeConstantMilliseconds)
        {
            return (float)(1.0 - System.Math.Exp(-(double)elapsed / timeConstantMilliseconds));
        }

        private void WriteMillivolts(long now, int demand, int batteryMillivolts)
        {
            int ceiling = limits.RatedMotorMillivolts - (limits.RatedMotorMillivolts * SensorUncertainty.CalibratedBatteryPermille / 1000); // margin for the cell reading
            int applied = demand < ceiling ? demand : ceiling;
            float duty = (float)applied / batteryMillivolts;
            if (duty > 1f)
            {
                duty = 1f;
                applied = batteryMillivolts < ceiling ? batteryMillivolts : ceiling;
            }

            if (applied <= 0)
            {
                WriteZero(now);
                return;
            }

            dutyCycle = duty;
            millivolts = applied;
            outputZero = false;
            outputUncertain = true;
            motor.SetDutyCycle(duty);
            outputUncertain = false;
        }

        private void WriteZero(long now)
        {
            level = 0f;
            starting = false;
            kickStart = -1;
            dutyCycle = 0f;
            millivolts = 0;
            outputZero = true;

            outputUncertain = true;
            motor.SetDutyCycle(0f);
            outputUncertain = false;
        }
    }
}
