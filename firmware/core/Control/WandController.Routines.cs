using Wand.Core.History;
using Wand.Core.Routines;
using Wand.Core.Sessions;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Control
{
    /// <summary>
    /// Guided routines (MD-6), the baby-led pause (MD-7) and the session history with its wall-clock time (BP-6).
    /// Refusals change nothing and name the reason (SR-14).
    /// </summary>
    public sealed partial class WandController
    {
        /// <summary>Gets the built-in routines.</summary>
        public RoutineLibrary Routines => routines;

        /// <summary>Gets the session history (BP-6).</summary>
        public SessionHistory History => history;

        /// <summary>Gets the wall clock set through the Current Time Service (BP-6).</summary>
        public WallClock WallClock => wallClock;

        /// <summary>Gets the device time now, in milliseconds since boot.</summary>
        public long MillisecondsSinceBoot => io.Clock.MillisecondsSinceBoot;

        /// <summary>Gets a value indicating whether the session is paused (MD-7).</summary>
        public bool IsPaused => session.IsPaused;

        /// <summary>Gets the routine player of the present session (<see cref="RoutinePlayer.IsPlaying"/> when a routine runs).</summary>
        public RoutinePlayer RoutineProgress => session.Routine;

        /// <summary>Checks whether a routine could start now, without starting it.</summary>
        /// <param name="kind">The routine.</param>
        /// <returns><see cref="CommandResult.Success"/>, or the reason it cannot run (see <see cref="RoutineValidator.Check"/>).</returns>
        public CommandResult CheckRoutine(RoutineKind kind)
        {
            lock (sync)
            {
                return RoutineValidator.Check(routines.Find(kind), settings.DurationSeconds, heads.ConfirmedDefinition, LevelCap(), patterns);
            }
        }

        /// <summary>Starts a built-in routine from a remote client (MD-6).</summary>
        /// <param name="kind">The routine.</param>
        /// <returns>The outcome; on refusal nothing changed: OutOfRange (unknown routine), Busy, the start blockers, RoutineTooLong,
        /// LevelNotAllowed, PatternNotAllowed.</returns>
        public CommandResult StartRoutineRemote(RoutineKind kind)
        {
            lock (sync)
            {
                long now = io.Clock.MillisecondsSinceBoot;
                Routine routine = routines.Find(kind);
                if (routine == null)
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

                CommandResult fits = RoutineValidator.Check(routine, settings.DurationSeconds, heads.ConfirmedDefinition, LevelCap(), patterns);
                if (fits != CommandResult.Success)
                {
                    return fits;
                }

                faults.ClearSessionLatches();
                return session.StartRoutine(SessionSource.Remote, routine, now);
            }
        }

        /// <summary>Pauses the session from a remote client (MD-7).</summary>
        /// <returns><see cref="CommandResult.Success"/> or <see cref="CommandResult.NotRunning"/>.</returns>
        public CommandResult PauseRemote()
        {
            lock (sync)
            {
                return session.Pause(io.Clock.MillisecondsSinceBoot);
            }
        }

        /// <summary>Resumes a paused session from a remote client (MD-7); the drive comes back through the start ramp.</summary>
        /// <returns><see cref="CommandResult.Success"/> or <see cref="CommandResult.NotRunning"/>.</returns>
        public CommandResult ResumeRemote()
        {
            lock (sync)
            {
                return session.Resume(io.Clock.MillisecondsSinceBoot);
            }
        }

        /// <summary>Sets the wall clock (Current Time Service write, BP-6).</summary>
        /// <param name="localSeconds">Local time now, seconds since 1970-01-01 00:00:00.</param>
        public void SetWallClock(long localSeconds)
        {
            lock (sync)
            {
                wallClock.Set(localSeconds, io.Clock.MillisecondsSinceBoot);
            }
        }

        /// <summary>Gets today's total drive time (BP-6).</summary>
        /// <returns>Seconds.</returns>
        public int TodayDriveSeconds()
        {
            lock (sync)
            {
                return history.TodayDriveSeconds(wallClock, io.Clock.MillisecondsSinceBoot);
            }
        }

        private void TogglePause(long now)
        {
            if (session.IsPaused)
            {
                session.Resume(now);
            }
            else
            {
                session.Pause(now);
            }
        }

        /// <summary>Follows the session for the history; one storage write when a session ends (not in steady state).</summary>
        private void RecordSession(long now)
        {
            if (recorder.IsRecording && (!session.IsActive || recorder.SessionNumber != session.StartCount))
            {
                recorder.Finish(session.LastStopReason, wallClock, history);
            }

            if (session.IsActive && !recorder.IsRecording)
            {
                recorder.Begin(session.StartCount, now, session.Routine.Kind, heads.Confirmed);
            }

            if (recorder.IsRecording)
            {
                recorder.Observe(now, !governor.IsOff, session.IsPaused ? 0 : session.TargetLevel);
            }
        }
    }
}
