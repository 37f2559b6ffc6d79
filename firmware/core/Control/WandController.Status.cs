using Wand.Core.Board;
using Wand.Protocol.Factory;
using Wand.Core.Faults;
using Wand.Core.Safety;
using Wand.Core.Sessions;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Control
{
    /// <summary>
    /// Read-only views of the controller's state for status reporting. Values reflect the last completed tick.
    /// </summary>
    public sealed partial class WandController
    {
        /// <summary>Gets the board profile in use.</summary>
        public BoardProfile Profile => profile;

        /// <summary>Gets the safety limits in force.</summary>
        public SafetyLimits Limits => limits;

        /// <summary>Gets the fault log (SR-17). Read it while holding no assumption of consistency across ticks.</summary>
        public FaultLog FaultLog => faults.Log;

        /// <summary>Gets the user settings.</summary>
        public SessionDefaults Settings => settings;

        /// <summary>Gets the session state.</summary>
        public SessionState SessionState => session.State;

        /// <summary>Gets who started the present session.</summary>
        public SessionSource SessionSource => session.Source;

        /// <summary>Gets why the last session ended.</summary>
        public StopReason LastStopReason => session.LastStopReason;

        /// <summary>Gets the user level of the present session, 0 when idle, 1 to 5 otherwise.</summary>
        public int TargetLevel => session.TargetLevel;

        /// <summary>Gets the pattern of the present session.</summary>
        public PatternKind Pattern => session.Pattern;

        /// <summary>Gets the governor's present level, 0.0 to 5.0.</summary>
        public float PresentLevel => governor.Level;

        /// <summary>Gets the duty cycle written to the motor, 0.0 to 1.0.</summary>
        public float DutyCycle => governor.DutyCycle;

        /// <summary>Gets the commanded average motor voltage, in millivolts.</summary>
        public int MotorMillivolts => governor.Millivolts;

        /// <summary>Gets the inhibit bits applied on the last tick (<see cref="DriveInhibit"/>).</summary>
        public int Inhibit => inhibit;

        /// <summary>Gets the confirmed head, or <see cref="HeadIdentity.None"/>.</summary>
        public HeadIdentity Head => heads.Confirmed;

        /// <summary>Gets the confirmed head's definition, or <c>null</c>.</summary>
        public HeadDefinition HeadDefinition => heads.ConfirmedDefinition;

        /// <summary>
        /// Gets the head as status reports it: the confirmed head; otherwise <see cref="HeadIdentity.Shorted"/> or
        /// <see cref="HeadIdentity.Unknown"/> when the latest reading says so (HD-2), else <see cref="HeadIdentity.None"/>
        /// (nothing attached, or a head not yet accepted).
        /// </summary>
        public HeadIdentity ReportedHead
        {
            get
            {
                HeadIdentity confirmed = heads.Confirmed;
                if (confirmed != HeadIdentity.None)
                {
                    return confirmed;
                }

                HeadIdentity reading = heads.LastReading;
                return reading == HeadIdentity.Shorted || reading == HeadIdentity.Unknown ? reading : HeadIdentity.None;
            }
        }

        /// <summary>Gets the classification of the latest head-ID reading.</summary>
        public HeadIdentity HeadReading => heads.LastReading;

        /// <summary>Gets the latest raw head-ID reading, in ADC counts.</summary>
        public int HeadCounts => rawHeadCounts;

        /// <summary>Gets the latest raw head NTC reading, in ADC counts.</summary>
        public int ThermistorCounts => rawThermistorCounts;

        /// <summary>Gets the latest raw battery reading, in ADC counts.</summary>
        public int BatteryCounts => rawBatteryCounts;

        /// <summary>Gets the filtered cell voltage, in millivolts.</summary>
        public int BatteryMillivolts => battery.Millivolts;

        /// <summary>Gets the estimated state of charge, 0 to 100 %.</summary>
        public int BatteryPercent => battery.PercentEstimate();

        /// <summary>Gets the last head temperature, in millidegrees Celsius.</summary>
        public int HeadMillidegrees => thermal.Millidegrees;

        /// <summary>Gets a value indicating whether the end-of-session warning is active (SR-5).</summary>
        public bool SessionEndingWarning => session.WarningIssued && session.IsActive;

        /// <summary>Gets a value indicating whether the low-battery warning is active (SR-8).</summary>
        public bool BatteryWarning => battery.Warning;

        /// <summary>Gets a value indicating whether thermal derating is active (SR-7).</summary>
        public bool ThermalDerating => thermal.Derating;

        /// <summary>Gets a value indicating whether USB power is present (SR-9).</summary>
        public bool Charging => usbPresent;

        /// <summary>Gets a value indicating whether the last tick found the skin-contact pause active (HD-5).</summary>
        public bool SkinContactLost => (inhibit & DriveInhibit.SkinContactLost) != 0;

        /// <summary>Gets a value indicating whether the stored calibration is in use (false: safe defaults, SR-16).</summary>
        public bool IsCalibrated => driveMap.IsCalibrated;

        /// <summary>Gets a value indicating whether a valid sensor calibration is in force (SR-18); when not, the limits are shifted by the uncalibrated worst case.</summary>
        public bool SensorsCalibrated => sensors.IsCalibrated;

        /// <summary>Gets the calibration in use.</summary>
        public CalibrationRecord Calibration => driveMap.Record;

        /// <summary>Gets the sensor correction in force (SR-18): unity gain and no offset when no valid calibration is stored.</summary>
        public SensorCalibrationRecord SensorCalibration => sensors.Record;

        /// <summary>Gets a value indicating whether a remote client is connected.</summary>
        public bool IsLinkUp => linkUp;

        /// <summary>Gets a value indicating whether a fault currently keeps the motor off.</summary>
        public bool FaultActive => (inhibit & (DriveInhibit.Thermal | DriveInhibit.BatteryCutoff | DriveInhibit.LoopDeadline | DriveInhibit.ControlException)) != 0;

        /// <summary>Gets the most recent fault if one is active now, otherwise <see cref="FaultCode.None"/>.</summary>
        public FaultCode ActiveFault => FaultActive ? faults.MostRecent : FaultCode.None;

        /// <summary>Gets the highest level a session may use now (head, calibration and thermal derating), 0.0 to 5.0.</summary>
        public float EffectiveMaximumLevel
        {
            get
            {
                lock (sync)
                {
                    return LevelCap();
                }
            }
        }

        /// <summary>Tells whether factory mode is active.</summary>
        /// <returns><c>true</c> in factory mode (SR-15).</returns>
        public bool IsFactoryMode()
        {
            return factory.IsActive(io.Clock.MillisecondsSinceBoot);
        }

        /// <summary>Tells whether the pairing window is open (BP-4).</summary>
        /// <returns><c>true</c> within 60 s of a long button press.</returns>
        public bool IsPairingWindowOpen()
        {
            return pairing.IsOpen(io.Clock.MillisecondsSinceBoot);
        }

        /// <summary>Gets the remaining session time.</summary>
        /// <returns>Milliseconds, 0 when idle.</returns>
        public long RemainingMilliseconds()
        {
            return session.RemainingMilliseconds(io.Clock.MillisecondsSinceBoot);
        }

        /// <summary>Returns and clears the flag set when the end-of-session warning was issued, for a one-off notification.</summary>
        /// <returns><c>true</c> once per warning.</returns>
        public bool TakeWarningEvent()
        {
            lock (sync)
            {
                bool pending = warningPending;
                warningPending = false;
                return pending;
            }
        }
    }
}
