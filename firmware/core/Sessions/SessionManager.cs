using Wand.Core.Board;
using Wand.Core.Motor;
using Wand.Core.Routines;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Sessions
{
    /// <summary>
    /// The session state machine: start, level and pattern changes, the session timer with its warning 60 s before the
    /// end and the auto-off (SR-5), and gentle stops that ramp down. Whether a start is allowed at all (head, thermal,
    /// battery, USB) is decided by the controller before it calls <see cref="Start"/>. A session either follows the user's
    /// level and pattern or plays a guided routine (MD-6); either may be paused (MD-7): the drive request drops to zero and
    /// every timer holds until <see cref="Resume"/>, and a pause longer than <see cref="MaximumPauseMilliseconds"/> ends it.
    /// </summary>
    public sealed class SessionManager
    {
        /// <summary>How close to the session's level the present level must come for the start to be complete, in levels.</summary>
        public const float StartCompleteToleranceLevels = 0.01f;

        /// <summary>Length of the haptic warning (two soft dips), in milliseconds.</summary>
        public const int WarningHapticMilliseconds = 1600;

        /// <summary>A pause longer than this ends the session (MD-7), in milliseconds.</summary>
        public const int MaximumPauseMilliseconds = 120000;

        private readonly SafetyLimits limits;
        private readonly PatternLibrary patterns;
        private SessionState state = SessionState.Idle;
        private SessionSource source = SessionSource.None;
        private StopReason lastStopReason = StopReason.None;
        private int targetLevel;
        private PatternKind pattern = PatternKind.Continuous;
        private long startTime;
        private long patternStartTime;
        private long durationMilliseconds;
        private bool warningIssued;
        private long warningTime;
        private readonly RoutinePlayer player = new RoutinePlayer();
        private bool paused;
        private long pausedAt;
        private int startCount;

        /// <summary>Initializes a new instance of the <see cref="SessionManager"/> class.</summary>
        /// <param name="limits">The limits in force.</param>
        /// <param name="patterns">The pattern library.</param>
        public SessionManager(SafetyLimits limits, PatternLibrary patterns)
        {
            this.limits = limits;
            this.patterns = patterns;
        }

        /// <summary>Gets the session state.</summary>
        public SessionState State => state;

        /// <summary>Gets who started the present session, or <see cref="SessionSource.None"/>.</summary>
        public SessionSource Source => source;

        /// <summary>Gets why the last session ended.</summary>
        public StopReason LastStopReason => lastStopReason;

        /// <summary>Gets the user level of the present session, 0 (idle) or 1 to 5.</summary>
        public int TargetLevel => targetLevel;

        /// <summary>Gets the pattern of the present session.</summary>
        public PatternKind Pattern => pattern;

        /// <summary>Gets a value indicating whether a session is starting, running or stopping.</summary>
        public bool IsActive => state != SessionState.Idle;

        /// <summary>Gets a value indicating whether the end-of-session warning has been given (SR-5).</summary>
        public bool WarningIssued => warningIssued;

        /// <summary>Gets how many sessions have started since boot; tells one session from the next.</summary>
        public int StartCount => startCount;

        /// <summary>Gets a value indicating whether the session is paused (MD-7).</summary>
        public bool IsPaused => paused;

        /// <summary>Gets the routine player; <see cref="RoutinePlayer.IsPlaying"/> tells whether a routine runs.</summary>
        public RoutinePlayer Routine => player;

        /// <summary>Gets the session duration of the present session, in milliseconds.</summary>
        public long DurationMilliseconds => durationMilliseconds;

        /// <summary>Starts a session.</summary>
        /// <param name="startSource">Who starts it.</param>
        /// <param name="level">User level, 1 to 5 (already checked against the head and calibration).</param>
        /// <param name="sessionPattern">A known pattern (already checked against the head).</param>
        /// <param name="durationSeconds">Duration, 60 to the hard maximum, in seconds.</param>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><see cref="CommandResult.Success"/>, or <see cref="CommandResult.OutOfRange"/> with nothing changed.</returns>
        public CommandResult Start(SessionSource startSource, int level, PatternKind sessionPattern, int durationSeconds, long now)
        {
            if (level < 1 || level > SafetyLimits.LevelCount || !patterns.IsKnown(sessionPattern)
                || durationSeconds < SafetyLimits.MinimumSessionSeconds || durationSeconds > limits.MaximumSessionSeconds)
            {
                return CommandResult.OutOfRange;
            }

            state = SessionState.Starting;
            source = startSource;
            targetLevel = level;
            pattern = sessionPattern;
            startTime = now;
            patternStartTime = now;
            durationMilliseconds = durationSeconds * 1000L;
            warningIssued = false;
            paused = false;
            player.Clear();
            startCount++;
            return CommandResult.Success;
        }

        /// <summary>Starts a guided routine (MD-6); the session lasts exactly the routine.</summary>
        /// <param name="startSource">Who starts it.</param>
        /// <param name="routine">A routine already checked by <see cref="RoutineValidator.Check"/> against this session's limit and head.</param>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><see cref="CommandResult.Success"/>, or <see cref="CommandResult.OutOfRange"/> with nothing changed.</returns>
        public CommandResult StartRoutine(SessionSource startSource, Routine routine, long now)
        {
            if (RoutineValidator.CheckShape(routine, patterns) != CommandResult.Success
                || routine.TotalMilliseconds > limits.MaximumSessionSeconds * 1000L)
            {
                return CommandResult.OutOfRange;
            }

            CommandResult started = Start(startSource, routine.HighestLevel, PatternKind.Continuous, SafetyLimits.MinimumSessionSeconds, now);
            if (started != CommandResult.Success)
            {
                return started;
            }

            durationMilliseconds = routine.TotalMilliseconds;
            player.Load(routine);
            targetLevel = player.StepLevel();
            pattern = player.StepPattern();
            return CommandResult.Success;
        }

        /// <summary>Pauses the session (MD-7): the request drops to zero, so the governor ramps the motor off; timers hold.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><see cref="CommandResult.Success"/> (also when already paused), or <see cref="CommandResult.NotRunning"/>.</returns>
        public CommandResult Pause(long now)
        {
            if (state == SessionState.Idle || state == SessionState.Stopping)
            {
                return CommandResult.NotRunning;
            }

            if (!paused)
            {
                paused = true;
                pausedAt = now;
            }

            return CommandResult.Success;
        }

        /// <summary>Resumes a paused session: timers continue where they held, and the drive comes back through the start ramp.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><see cref="CommandResult.Success"/> (also when running and not paused), or <see cref="CommandResult.NotRunning"/>.</returns>
        public CommandResult Resume(long now)
        {
            if (state == SessionState.Idle || state == SessionState.Stopping)
            {
                return CommandResult.NotRunning;
            }

            if (paused)
            {
                long held = now - pausedAt;
                startTime += held;
                patternStartTime += held;
                warningTime += held;
                paused = false;
                state = SessionState.Starting;
            }

            return CommandResult.Success;
        }

        /// <summary>Changes the level of an active session.</summary>
        /// <param name="level">User level, 1 to 5 (already checked against the head and calibration).</param>
        /// <returns><see cref="CommandResult.Success"/>, <see cref="CommandResult.NotRunning"/> or <see cref="CommandResult.OutOfRange"/>.</returns>
        public CommandResult SetLevel(int level)
        {
            if (state == SessionState.Idle || state == SessionState.Stopping)
            {
                return CommandResult.NotRunning;
            }

            if (level < 1 || level > SafetyLimits.LevelCount)
            {
                return CommandResult.OutOfRange;
            }

            if (player.IsPlaying)
            {
                // The routine owns level and pattern; stop it to go manual.
                return CommandResult.Busy;
            }

            targetLevel = level;
            return CommandResult.Success;
        }

        /// <summary>Changes the pattern of an active session; the new pattern starts from its beginning.</summary>
        /// <param name="sessionPattern">A known pattern (already checked against the head).</param>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns><see cref="CommandResult.Success"/>, <see cref="CommandResult.NotRunning"/> or <see cref="CommandResult.OutOfRange"/>.</returns>
        public CommandResult SetPattern(PatternKind sessionPattern, long now)
        {
            if (state == SessionState.Idle || state == SessionState.Stopping)
            {
                return CommandResult.NotRunning;
            }

            if (!patterns.IsKnown(sessionPattern))
            {
                return CommandResult.OutOfRange;
            }

            if (player.IsPlaying)
            {
                return CommandResult.Busy;
            }

            pattern = sessionPattern;
            patternStartTime = now;
            return CommandResult.Success;
        }

        /// <summary>Ends the session gently: the level ramps down at the slew limit, then the session goes idle.</summary>
        /// <param name="reason">Why.</param>
        /// <returns><see cref="CommandResult.Success"/>, or <see cref="CommandResult.NotRunning"/> when idle or already stopping.</returns>
        public CommandResult RequestStop(StopReason reason)
        {
            if (state == SessionState.Idle || state == SessionState.Stopping)
            {
                return CommandResult.NotRunning;
            }

            state = SessionState.Stopping;
            lastStopReason = reason;
            return CommandResult.Success;
        }

        /// <summary>Ends the session at once (the governor has already cut the drive): fault, charging.</summary>
        /// <param name="reason">Why.</param>
        public void Abort(StopReason reason)
        {
            if (state == SessionState.Idle)
            {
                return;
            }

            lastStopReason = reason;
            GoIdle();
        }

        /// <summary>Advances timers: warning, auto-off, end of the start ramp, end of a stop.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <param name="presentLevel">The governor's present level, 0.0 to 5.0.</param>
        /// <returns><c>true</c> when the end-of-session warning was issued on this tick.</returns>
        public bool Update(long now, float presentLevel)
        {
            if (state == SessionState.Idle)
            {
                return false;
            }

            if (state == SessionState.Stopping)
            {
                if (presentLevel <= 0f)
                {
                    GoIdle();
                }

                return false;
            }

            if (paused)
            {
                // Timers hold while paused; only the pause itself is timed (MD-7).
                if (now - pausedAt > MaximumPauseMilliseconds)
                {
                    RequestStop(StopReason.PauseTimeout);
                }

                return false;
            }

            if (player.IsPlaying)
            {
                // The session's level and pattern are the step's; a cue between steps reports the step coming next.
                player.Locate(now - startTime);
                targetLevel = player.Routine.LevelAt(player.StepIndex);
                pattern = player.Routine.PatternAt(player.StepIndex);
            }

            // The governor samples a pattern at its ticks, which need not fall on the pattern's peak: a swell that peaks
            // between two ticks reaches its level only to within a few thousandths, so the start counts as complete within
            // a hundredth of a level (a start ramp step is at least 0.04 levels, so a continuous session is unaffected).
            if (state == SessionState.Starting && presentLevel >= targetLevel - StartCompleteToleranceLevels)
            {
                state = SessionState.Running;
            }

            long elapsed = now - startTime;
            bool warningNow = false;
            if (!warningIssued && elapsed >= durationMilliseconds - (SafetyLimits.SessionWarningSeconds * 1000L))
            {
                warningIssued = true;
                warningTime = now;
                warningNow = true;
            }

            // Begin the ramp-down early enough that the drive reaches zero by the end of the session (SR-5): the slew
            // limit needs 200 ms per level, plus one tick.
            long rampDown = (long)(presentLevel * SafetyLimits.MillisecondsPerLevelStep) + (2 * SafetyLimits.ControlTickMilliseconds);
            if (elapsed + rampDown >= durationMilliseconds)
            {
                RequestStop(player.IsPlaying ? StopReason.RoutineComplete : StopReason.TimeLimit);
            }

            return warningNow;
        }

        /// <summary>Gets the level the session asks for now: the user level shaped by the pattern and the warning dips.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns>Level, 0.0 to 5.0.</returns>
        public float RequestedLevel(long now)
        {
            if ((state != SessionState.Starting && state != SessionState.Running) || paused)
            {
                return 0f;
            }

            float requested;
            if (player.IsPlaying)
            {
                player.Locate(now - startTime);
                int stepLevel = player.StepLevel();
                requested = player.InCue ? stepLevel : stepLevel * patterns.Get(player.StepPattern()).IntensityAt(player.PhaseElapsedMilliseconds);
            }
            else
            {
                requested = targetLevel * patterns.Get(pattern).IntensityAt(now - patternStartTime);
            }

            if (warningIssued)
            {
                long sinceWarning = now - warningTime;
                if (sinceWarning < WarningHapticMilliseconds && (sinceWarning / 400) % 2 == 0)
                {
                    requested *= 0.5f;
                }
            }

            return requested;
        }

        /// <summary>Gets the remaining session time.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <returns>Milliseconds, 0 when idle or past the end.</returns>
        public long RemainingMilliseconds(long now)
        {
            if (state == SessionState.Idle)
            {
                return 0;
            }

            long remaining = durationMilliseconds - ((paused ? pausedAt : now) - startTime);
            return remaining > 0 ? remaining : 0;
        }

        private void GoIdle()
        {
            state = SessionState.Idle;
            source = SessionSource.None;
            targetLevel = 0;
            warningIssued = false;
            paused = false;
            player.Clear();
        }
    }
}
