using System;
using System.Threading;
using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Core.Faults;
using Wand.Core.Hardware;
using Wand.Core.Heads;
using Wand.Core.History;
using Wand.Core.Monitors;
using Wand.Core.Motor;
using Wand.Core.Routines;
using Wand.Core.Safety;
using Wand.Core.Sessions;
using Wand.Protocol.Factory;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Control
{
    /// <summary>
    /// The firmware's composition root and control loop body. Construct it first thing at boot (its first act turns the
    /// motor off, SR-1), call <see cref="Tick"/> every 20 ms (MD-4) and <see cref="CheckLiveness"/> from an independent
    /// timer (SR-10). The BLE layer calls the command methods; every public member is safe to call from another thread.
    /// A tick allocates nothing in steady state (MD-4).
    /// </summary>
    public sealed partial class WandController
    {
        private readonly object sync = new object();
        private readonly BoardIo io;
        private readonly BoardProfile profile;
        private readonly SafetyLimits limits;
        private readonly SafetyGovernor governor;
        private readonly FaultManager faults;
        private readonly HeadDetector heads;
        private readonly ThermalMonitor thermal;
        private readonly BatteryMonitor battery;
        private readonly SkinContactMonitor skin;
        private readonly ButtonGestureDetector buttons;
        private readonly PatternLibrary patterns;
        private readonly SessionManager session;
        private readonly SessionDefaults settings;
        private readonly DriveMap driveMap;
        private readonly FactoryMode factory;
        private readonly PairingWindow pairing;
        private readonly CalibrationStore calibrationStore;
        private readonly SensorCorrection sensors;
        private readonly SensorCalibrationStore sensorStore;
        private readonly SettingsStore settingsStore;
        private readonly RoutineLibrary routines;
        private readonly SessionHistory history;
        private readonly SessionRecorder recorder;
        private readonly WallClock wallClock;

        /// <summary>ADC reads averaged into one NTC sample (SR-7 at 4 Hz, SR-18 noise budget).</summary>
        public const int ThermistorSamplesPerReading = 16;

        private long lastTickTime = -1;
        private int lastTickStamp;
        private int hasTicked;
        private int livenessTripped;
        private int lastBatteryCounts;
        private int rawHeadCounts;
        private int rawThermistorCounts;
        private int rawBatteryCounts;
        private bool usbPresent;
        private bool thermalInhibitBefore;
        private bool batteryCutoffBefore;
        private bool linkUp;
        private int inhibit = DriveInhibit.NoSession;
        private bool warningPending;

        /// <summary>
        /// Initializes a new instance of the <see cref="WandController"/> class. The motor output is set to zero before
        /// anything else happens (SR-1); then the calibration record is loaded, or safe defaults if it is missing or corrupt
        /// (SR-16).
        /// </summary>
        /// <param name="profile">The board profile.</param>
        /// <param name="io">The board's hardware adapters.</param>
        public WandController(BoardProfile profile, BoardIo io)
        {
            this.profile = profile;
            this.io = io;

            // A copy: a unit without sensor calibration shifts its own limits (SR-18), never the shared profile's.
            limits = profile.Limits.Copy();
            governor = new SafetyGovernor(io.Motor, limits);
            faults = new FaultManager(SafetyLimits.FaultLogCapacity);
            heads = new HeadDetector(profile.Heads);
            thermal = new ThermalMonitor(profile.Thermistor, limits);
            battery = new BatteryMonitor(limits, profile.BatteryDividerPerMille);
            skin = new SkinContactMonitor(profile.SkinContactSensing ? io.Touch : null);
            buttons = new ButtonGestureDetector();
            patterns = new PatternLibrary();
            session = new SessionManager(limits, patterns);
            settings = new SessionDefaults();
            driveMap = new DriveMap();
            factory = new FactoryMode();
            pairing = new PairingWindow();
            calibrationStore = new CalibrationStore(io.Storage);
            settingsStore = new SettingsStore(io.Storage);
            sensors = new SensorCorrection();
            sensorStore = new SensorCalibrationStore(io.Storage);
            if (!sensorStore.TryLoad(sensors))
            {
                limits.ShiftForSensorError(
                    SensorUncertainty.UncalibratedThermalMillidegrees,
                    SensorUncertainty.UncalibratedBatteryMillivolts,
                    SensorUncertainty.UncalibratedBatteryPercent);
            }

            settingsStore.TryLoad(settings, limits);
            routines = new RoutineLibrary();
            history = new SessionHistory(io.Storage);
            recorder = new SessionRecorder();
            wallClock = new WallClock();

            // The record is judged against the profile's ceiling: an uncalibrated-sensor shift lowers the ceiling the
            // governor enforces, but does not make a valid motor record invalid (existing records still load).
            if (!calibrationStore.TryLoad(driveMap, profile.Limits))
            {
                faults.Record(FaultCode.CalibrationInvalid, calibrationStore.LastLoadProblem, io.Clock.MillisecondsSinceBoot);
            }
        }

        /// <summary>
        /// Runs one control tick: read every sensor, judge faults, advance the session, drive the motor through the
        /// governor, feed the watchdog. Any exception turns the motor off and latches a fault until the next session start
        /// (SR-12).
        /// </summary>
        public void Tick()
        {
            lock (sync)
            {
                long now = lastTickTime < 0 ? 0 : lastTickTime;
                try
                {
                    now = io.Clock.MillisecondsSinceBoot;
                    TickCore(now);
                }
                catch (Exception)
                {
                    HandleControlException(now);
                }
            }
        }

        /// <summary>
        /// Called from an independent timer: if the loop has not completed a tick for 200 ms, turns the motor off
        /// (SR-10). It takes no lock the loop holds, so a hung loop cannot block it.
        /// </summary>
        /// <returns><c>true</c> when the deadline was missed and the motor was turned off.</returns>
        public bool CheckLiveness()
        {
            long now;
            try
            {
                now = io.Clock.MillisecondsSinceBoot;
            }
            catch (Exception)
            {
                // Without a clock the deadline cannot be judged: fail safe.
                Interlocked.Exchange(ref livenessTripped, 1);
                governor.ForceOff(lastTickStamp);
                return true;
            }

            int sinceTick = unchecked((int)now - lastTickStamp);
            if (hasTicked == 0 || sinceTick <= SafetyLimits.LivenessTimeoutMilliseconds)
            {
                return false;
            }

            Interlocked.Exchange(ref livenessTripped, 1);
            governor.ForceOff(now);
            return true;
        }

        private void TickCore(long now)
        {
            bool timerTripped = Interlocked.Exchange(ref livenessTripped, 0) != 0;
            if (lastTickTime >= 0 && (now - lastTickTime > SafetyLimits.LivenessTimeoutMilliseconds || timerTripped))
            {
                // The previous tick was too long ago (or the liveness timer already cut the motor): latch SR-10.
                faults.LatchDeadline(now - lastTickTime, now);
                session.Abort(StopReason.Fault);
            }

            lastTickTime = now;
            lastTickStamp = unchecked((int)now);
            hasTicked = 1;

            if (!factory.Decided)
            {
                factory.ObserveBoot(io.FactoryStrap.IsActive, io.Button.IsActive, now);
            }
            ReadSensors(now);
            buttons.DoublePressArmed = session.State == SessionState.Starting || session.State == SessionState.Running;
            HandleGesture(buttons.Sample(io.Button.IsActive, now), now);
            if (session.Update(now, governor.Level))
            {
                warningPending = true;
            }

            Drive(now);
            RecordSession(now);

            // While the motor output may be stuck driving, starve the watchdog: its reset lets the gate pull-down turn
            // the motor off (SR-10).
            if (!governor.OutputUncertain)
            {
                faults.ClearMotorOutput();
                io.Watchdog.Feed();
            }
        }

        private void ReadSensors(long now)
        {
            rawHeadCounts = io.HeadId.ReadCounts();
            bool headLost = heads.Sample(sensors.Correct(SensorCalibrationRecord.HeadIdChannel, rawHeadCounts), now);
            if (thermal.IsSampleDue(now))
            {
                rawThermistorCounts = ReadAveraged(io.HeadTemperature);
                thermal.Sample(sensors.Correct(SensorCalibrationRecord.ThermistorChannel, rawThermistorCounts), now);
            }

            rawBatteryCounts = io.Battery.ReadCounts();
            lastBatteryCounts = sensors.Correct(SensorCalibrationRecord.BatteryChannel, rawBatteryCounts);
            battery.Sample(lastBatteryCounts, !governor.IsOff, now);
            usbPresent = io.UsbPower.IsActive;
            skin.Sample(now);
            JudgeFaults(now, headLost);
        }

        /// <summary>
        /// Reads a channel <see cref="ThermistorSamplesPerReading"/> times and returns the rounded mean, so per-read ADC
        /// noise moves the temperature by a small fraction of the SR-18 budget. A saturated read (0 or 4095, a short or an
        /// open) wins over the mean, so a sensor fault is never averaged away.
        /// </summary>
        private static int ReadAveraged(Hardware.IAnalogChannel channel)
        {
            int sum = 0;
            for (int read = 0; read < ThermistorSamplesPerReading; read++)
            {
                int counts = channel.ReadCounts();
                if (counts <= 0 || counts >= AnalogScaling.MaximumCounts)
                {
                    return counts <= 0 ? 0 : AnalogScaling.MaximumCounts;
                }

                sum += counts;
            }

            return (sum + (ThermistorSamplesPerReading / 2)) / ThermistorSamplesPerReading;
        }

        private void JudgeFaults(long now, bool headLost)
        {
            bool active = session.IsActive;
            if (headLost && active)
            {
                HeadIdentity reading = heads.LastReading;
                FaultCode code = reading == HeadIdentity.Shorted ? FaultCode.HeadShorted
                    : (reading == HeadIdentity.None ? FaultCode.HeadRemoved : FaultCode.HeadUnknown);
                StopForFault(code, (byte)reading, now);
            }

            bool thermalInhibit = thermal.InhibitsDrive && thermal.HasSample;
            if (thermalInhibit && !thermalInhibitBefore)
            {
                FaultCode code = thermal.SensorFault ? FaultCode.ThermalSensor : FaultCode.OverTemperature;
                StopForFault(code, (byte)(thermal.Millidegrees / 1000), now);
            }

            thermalInhibitBefore = thermalInhibit;
            if (battery.CutoffLatched && !batteryCutoffBefore)
            {
                StopForFault(FaultCode.BatteryCutoff, (byte)(battery.Millivolts / 20), now);
            }

            batteryCutoffBefore = battery.CutoffLatched;
            if (usbPresent && session.IsActive)
            {
                faults.Record(FaultCode.ChargingInterlock, 0, now);
                session.Abort(StopReason.Charging);
            }
        }

        private void StopForFault(FaultCode code, byte context, long now)
        {
            faults.Record(code, context, now);
            session.Abort(StopReason.Fault);
        }

        private void Drive(long now)
        {
            inhibit = ComputeInhibit(now);
            int compensationMillivolts = BatteryForCompensation();
            if (factory.RawDriveActive(now))
            {
                governor.UpdateRaw(now, factory.RawDriveMillivolts, inhibit & ~DriveInhibit.NoSession, compensationMillivolts);
                return;
            }

            governor.Update(now, session.RequestedLevel(now), LevelCap(), inhibit, compensationMillivolts, driveMap);
        }

        private int ComputeInhibit(long now)
        {
            int reasons = DriveInhibit.None;
            if (!session.IsActive)
            {
                reasons |= DriveInhibit.NoSession;
            }

            if (heads.ConfirmedDefinition == null)
            {
                reasons |= DriveInhibit.HeadNotConfirmed;
            }

            if (thermal.InhibitsDrive)
            {
                reasons |= DriveInhibit.Thermal;
            }

            if (battery.CutoffLatched || !battery.HasSample)
            {
                reasons |= DriveInhibit.BatteryCutoff;
            }

            if (usbPresent)
            {
                reasons |= DriveInhibit.UsbPower;
            }

            if (faults.DeadlineLatched)
            {
                reasons |= DriveInhibit.LoopDeadline;
            }

            if (faults.ExceptionLatched)
            {
                reasons |= DriveInhibit.ControlException;
            }

            if (!skin.InContact)
            {
                reasons |= DriveInhibit.SkinContactLost;
            }

            return reasons;
        }

        /// <summary>
        /// The cell voltage used for supply compensation: the higher of the filtered value and the latest reading, so a
        /// lagging filter can only lower the duty cycle (SR-3).
        /// </summary>
        private int BatteryForCompensation()
        {
            int latest = (int)((long)AnalogScaling.CountsToMillivolts(lastBatteryCounts) * 1000 / profile.BatteryDividerPerMille);
            int filtered = battery.Millivolts;
            return latest > filtered ? latest : filtered;
        }

        private float LevelCap()
        {
            HeadDefinition head = heads.ConfirmedDefinition;
            if (head == null)
            {
                return 0f;
            }

            int maximum = head.MaximumLevel < driveMap.MaximumLevel ? head.MaximumLevel : driveMap.MaximumLevel;
            return maximum * thermal.DerateFactor();
        }

        private void HandleControlException(long now)
        {
            bool motorStuck = !governor.ForceOff(now) || governor.OutputUncertain;
            faults.LatchException(now);
            if (motorStuck)
            {
                faults.LatchMotorOutput(now);
            }
            session.Abort(StopReason.Fault);
            inhibit |= DriveInhibit.ControlException;
        }
    }
}
