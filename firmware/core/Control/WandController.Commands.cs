using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Core.Sessions;
using Wand.Protocol.Factory;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Control
{
    /// <summary>
    /// Commands from the button and from remote clients. Out-of-range or disallowed requests are refused with a
    /// specific result and change nothing (SR-14).
    /// </summary>
    public sealed partial class WandController
    {
        /// <summary>Starts a session from a remote client (BLE or a served virtual wand).</summary>
        /// <param name="level">User level, 1 to 5.</param>
        /// <param name="pattern">Pattern.</param>
        /// <param name="durationSeconds">Duration, 60 to the hard maximum, or 0 for the configured default.</param>
        /// <returns>The outcome; on refusal nothing changed.</returns>
        public CommandResult StartRemote(int level, PatternKind pattern, int durationSeconds)
        {
            lock (sync)
            {
                long now;
                if (!TryReadClock(out now))
                {
                    return CommandResult.FaultActive;
                }

                return TryStart(SessionSource.Remote, level, pattern, durationSeconds, now);
            }
        }

        /// <summary>Stops the session gently (ramp down).</summary>
        /// <returns><see cref="CommandResult.Success"/> or <see cref="CommandResult.NotRunning"/>.</returns>
        public CommandResult StopRemote()
        {
            lock (sync)
            {
                return session.RequestStop(StopReason.RemoteCommand);
            }
        }

        /// <summary>Changes the level of the running session.</summary>
        /// <param name="level">User level, 1 to 5, at most what the head, calibration and temperature allow now.</param>
        /// <returns>The outcome; on refusal nothing changed.</returns>
        public CommandResult SetLevel(int level)
        {
            lock (sync)
            {
                if (level < 1 || level > SafetyLimits.LevelCount)
                {
                    return CommandResult.OutOfRange;
                }

                if (!session.IsActive || session.State == SessionState.Stopping)
                {
                    return CommandResult.NotRunning;
                }

                if (level > LevelCap())
                {
                    return CommandResult.LevelNotAllowed;
                }

                return session.SetLevel(level);
            }
        }

        /// <summary>Changes the pattern of the running session.</summary>
        /// <param name="pattern">A pattern the attached head allows.</param>
        /// <returns>The outcome; on refusal nothing changed.</returns>
        public CommandResult SetPattern(PatternKind pattern)
        {
            lock (sync)
            {
                if (!patterns.IsKnown(pattern))
                {
                    return CommandResult.OutOfRange;
                }

                if (!session.IsActive || session.State == SessionState.Stopping)
                {
                    return CommandResult.NotRunning;
                }

                HeadDefinition head = heads.ConfirmedDefinition;
                if (head == null || !head.Allows(pattern))
                {
                    return CommandResult.PatternNotAllowed;
                }

                long now;
                if (!TryReadClock(out now))
                {
                    return CommandResult.FaultActive;
                }

                return session.SetPattern(pattern, now);
            }
        }

        /// <summary>Replaces the user settings.</summary>
        /// <param name="durationSeconds">Session duration, 60 to the hard maximum, in seconds.</param>
        /// <param name="defaultLevel">Default level, 1 to 5.</param>
        /// <param name="defaultPattern">Default pattern.</param>
        /// <returns><see cref="CommandResult.Success"/> or <see cref="CommandResult.OutOfRange"/> (nothing changed).</returns>
        public CommandResult UpdateSettings(int durationSeconds, int defaultLevel, PatternKind defaultPattern)
        {
            lock (sync)
            {
                return settings.TrySet(durationSeconds, defaultLevel, defaultPattern, limits);
            }
        }

        /// <summary>
        /// Reports an exception caught outside the tick (a GATT request, notifications) as a control-path exception:
        /// motor off, session over, fault latched until the next session start (SR-12).
        /// </summary>
        public void ReportException()
        {
            lock (sync)
            {
                HandleControlException(lastTickTime < 0 ? 0 : lastTickTime);
            }
        }

        /// <summary>Stores the present user settings so they survive a reboot.</summary>
        /// <returns><c>true</c> when stored.</returns>
        public bool SaveSettings()
        {
            lock (sync)
            {
                return settingsStore.Save(settings);
            }
        }

        /// <summary>Reports that a remote client connected.</summary>
        public void LinkUp()
        {
            lock (sync)
            {
                linkUp = true;
            }
        }

        /// <summary>Reports that the remote link dropped: a remote-started session ramps down and stops (SR-11).</summary>
        public void LinkDown()
        {
            lock (sync)
            {
                linkUp = false;
                if (session.Source == SessionSource.Remote && session.IsActive && session.State != SessionState.Stopping)
                {
                    long now;
                    TryReadClock(out now);
                    faults.Record(FaultCode.LinkLost, 0, now);
                    session.RequestStop(StopReason.LinkLost);
                }

                factory.StopRawDrive();
            }
        }

        /// <summary>Requests raw motor drive for calibration (SR-15): factory mode only, idle only, never above the ceiling.</summary>
        /// <param name="millivolts">Average motor voltage, 0 (stop) to the ceiling, in millivolts.</param>
        /// <param name="durationMilliseconds">How long, 1 to 10,000 ms.</param>
        /// <returns>The outcome; on refusal nothing changed.</returns>
        public CommandResult RawDrive(int millivolts, int durationMilliseconds)
        {
            lock (sync)
            {
                long now;
                if (!TryReadClock(out now))
                {
                    return CommandResult.FaultActive;
                }

                if (!factory.IsActive(now))
                {
                    return CommandResult.NotInFactoryMode;
                }

                if (millivolts < 0 || millivolts > limits.RatedMotorMillivolts
                    || durationMilliseconds < 1 || durationMilliseconds > SafetyLimits.MaximumRawDriveMilliseconds)
                {
                    return CommandResult.OutOfRange;
                }

                if (session.IsActive)
                {
                    return CommandResult.Busy;
                }

                if (millivolts == 0)
                {
                    factory.StopRawDrive();
                    return CommandResult.Success;
                }

                CommandResult blocked = StartBlocker();
                if (blocked != CommandResult.Success)
                {
                    return blocked;
                }

                factory.RequestRawDrive(millivolts, durationMilliseconds, now);
                return CommandResult.Success;
            }
        }

        /// <summary>Stores a new calibration record and puts it in use (SR-15, SR-16): factory mode only, idle only.</summary>
        /// <param name="record">The new record; refused unless it passes <see cref="CalibrationRules.IsValidFor"/>.</param>
        /// <returns>The outcome; on refusal or a failed write the previous record stays in storage and in use.</returns>
        public CommandResult WriteCalibration(CalibrationRecord record)
        {
            lock (sync)
            {
                long now;
                if (!TryReadClock(out now))
                {
                    return CommandResult.FaultActive;
                }

                if (!factory.IsActive(now))
                {
                    return CommandResult.NotInFactoryMode;
                }

                if (session.IsActive || factory.RawDriveActive(now))
                {
                    return CommandResult.Busy;
                }

                if (!CalibrationRules.IsValidFor(record, profile.Limits))
                {
                    return CommandResult.OutOfRange;
                }

                if (!calibrationStore.Save(record))
                {
                    return CommandResult.Failed;
                }

                driveMap.Load(record, true);
                return CommandResult.Success;
            }
        }

        /// <summary>
        /// Stores a sensor calibration (SR-18, factory mode only), reads it back and puts it in force at once: readings are
        /// corrected and the limits return from the uncalibrated shift to the profile's.
        /// </summary>
        /// <param name="record">The record; it must decode without error (gain 0.80–1.20, offset within ±300 counts).</param>
        /// <returns>The outcome; on refusal or a failed write the previous record and correction stay in force.</returns>
        public CommandResult WriteSensorCalibration(SensorCalibrationRecord record)
        {
            lock (sync)
            {
                long now;
                if (!TryReadClock(out now))
                {
                    return CommandResult.FaultActive;
                }

                if (!factory.IsActive(now))
                {
                    return CommandResult.NotInFactoryMode;
                }

                if (session.IsActive || factory.RawDriveActive(now))
                {
                    return CommandResult.Busy;
                }

                if (record.Version != SensorCalibrationRecord.CurrentVersion || !SensorCalibrationPlausible(record))
                {
                    return CommandResult.OutOfRange;
                }

                if (!sensorStore.Save(record))
                {
                    return CommandResult.Failed;
                }

                sensors.Load(record);
                limits.ResetTo(profile.Limits);
                return CommandResult.Success;
            }
        }

        /// <summary>Reads the stored sensor calibration (factory mode only).</summary>
        /// <param name="record">Receives the stored record.</param>
        /// <returns><see cref="CommandResult.Success"/>, <see cref="CommandResult.NotInFactoryMode"/>, or <see cref="CommandResult.Failed"/> when none is stored or it is corrupt.</returns>
        public CommandResult ReadSensorCalibration(SensorCalibrationRecord record)
        {
            lock (sync)
            {
                long now;
                if (!TryReadClock(out now))
                {
                    return CommandResult.FaultActive;
                }

                if (!factory.IsActive(now))
                {
                    return CommandResult.NotInFactoryMode;
                }

                return sensorStore.TryRead(record) ? CommandResult.Success : CommandResult.Failed;
            }
        }

        private static bool SensorCalibrationPlausible(SensorCalibrationRecord record)
        {
            for (int channel = 0; channel < SensorCalibrationRecord.ChannelCount; channel++)
            {
                int gain = record.GainMicros(channel);
                int offset = record.OffsetMilliCounts(channel);
                if (gain < SensorCalibrationRecord.MinimumGainMicros || gain > SensorCalibrationRecord.MaximumGainMicros
                    || offset < -SensorCalibrationRecord.MaximumOffsetMilliCounts || offset > SensorCalibrationRecord.MaximumOffsetMilliCounts)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Reads the clock for a command. A clock adapter that throws is a control-path exception (SR-12): the motor
        /// goes off and the fault latches, and the command is refused instead of the exception reaching the caller.
        /// </summary>
        /// <param name="now">Milliseconds since boot, or the last tick's time when the clock failed.</param>
        /// <returns><c>true</c> when the clock answered.</returns>
        private bool TryReadClock(out long now)
        {
            try
            {
                now = io.Clock.MillisecondsSinceBoot;
                return true;
            }
            catch (System.Exception)
            {
                now = lastTickTime < 0 ? 0 : lastTickTime;
                HandleControlException(now);
                return false;
            }
        }

        private void HandleGesture(ButtonGesture gesture, long now)
        {
            if (gesture == ButtonGesture.None)
            {
                return;
            }

            bool running = session.State == SessionState.Starting || session.State == SessionState.Running;
            if (gesture == ButtonGesture.DoublePress)
            {
                // Baby-led pause (MD-7): the same gesture pauses and resumes.
                if (running)
                {
                    TogglePause(now);
                }
            }
            else if (gesture == ButtonGesture.ShortPress)
            {
                if (running && !session.IsPaused && !session.Routine.IsPlaying)
                {
                    int next = session.TargetLevel + 1;
                    session.SetLevel(next <= LevelCap() ? next : 1);
                }
                else if (!session.IsActive)
                {
                    StartFromButton(now);
                }
            }
            else if (gesture == ButtonGesture.Hold && running)
            {
                session.RequestStop(StopReason.Button);
            }
            else if (gesture == ButtonGesture.LongHold && !session.IsActive)
            {
                pairing.Open(now);
            }
        }

        private void StartFromButton(long now)
        {
            float cap = LevelCap();
            int level = settings.DefaultLevel;
            if (level > cap)
            {
                level = (int)cap;
            }

            HeadDefinition head = heads.ConfirmedDefinition;
            PatternKind pattern = head != null && head.Allows(settings.DefaultPattern) ? settings.DefaultPattern : PatternKind.Continuous;
            TryStart(SessionSource.Button, level < 1 ? 1 : level, pattern, 0, now);
        }

        private CommandResult TryStart(SessionSource source, int level, PatternKind pattern, int durationSeconds, long now)
        {
            if (level < 1 || level > SafetyLimits.LevelCount || !patterns.IsKnown(pattern)
                || (durationSeconds != 0 && (durationSeconds < SafetyLimits.MinimumSessionSeconds || durationSeconds > limits.MaximumSessionSeconds)))
            {
                return CommandResult.OutOfRange;
            }

            if (session.IsActive || factory.RawDriveActive(now))
            {
                return CommandResult.Busy;
            }

            CommandResult blocked = StartBlocker();
            if (blocked != CommandResult.Success)
            {
                return blocked;
            }

            HeadDefinition head = heads.ConfirmedDefinition;
            if (level > LevelCap())
            {
                return CommandResult.LevelNotAllowed;
            }

            if (!head.Allows(pattern))
            {
                return CommandResult.PatternNotAllowed;
            }

            faults.ClearSessionLatches();
            return session.Start(source, level, pattern, durationSeconds == 0 ? settings.DurationSeconds : durationSeconds, now);
        }

        /// <summary>The first condition that forbids drive right now, as a command result.</summary>
        private CommandResult StartBlocker()
        {
            // A fault latched in the present tick holds to its end (SR-10, SR-12); the next tick may start afresh.
            if (faults.LatchedSince(lastTickTime < 0 ? 0 : lastTickTime))
            {
                return CommandResult.FaultActive;
            }

            if (usbPresent)
            {
                return CommandResult.Charging;
            }

            if (heads.ConfirmedDefinition == null)
            {
                return CommandResult.NoHead;
            }

            if (thermal.InhibitsDrive)
            {
                return CommandResult.OverTemperature;
            }

            if (!battery.AllowsStart())
            {
                return CommandResult.BatteryLow;
            }

            return CommandResult.Success;
        }
    }
}
