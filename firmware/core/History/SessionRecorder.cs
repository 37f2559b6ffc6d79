using Wand.Protocol.Vocabulary;

namespace Wand.Core.History
{
    /// <summary>
    /// Follows the present session tick by tick (drive time, highest level) and writes one history entry when it ends
    /// (BP-6). <see cref="Observe"/> allocates nothing.
    /// </summary>
    public sealed class SessionRecorder
    {
        private long startMilliseconds;
        private long lastObserved;
        private long driveMilliseconds;
        private int highestLevel;
        private RoutineKind routine;
        private HeadIdentity head;
        private int sessionNumber;

        /// <summary>Gets a value indicating whether a session is being recorded.</summary>
        public bool IsRecording { get; private set; }

        /// <summary>Gets the session number (the session manager's start count) being recorded.</summary>
        public int SessionNumber => sessionNumber;

        /// <summary>Gets the drive time so far, in milliseconds.</summary>
        public long DriveMilliseconds => driveMilliseconds;

        /// <summary>Gets the highest user level driven so far, 0 to 5.</summary>
        public int HighestLevel => highestLevel;

        /// <summary>Begins recording a session.</summary>
        /// <param name="number">The session manager's start count for this session.</param>
        /// <param name="now">Milliseconds since boot.</param>
        /// <param name="playing">The routine, or <see cref="RoutineKind.None"/>.</param>
        /// <param name="attached">The confirmed head.</param>
        public void Begin(int number, long now, RoutineKind playing, HeadIdentity attached)
        {
            IsRecording = true;
            sessionNumber = number;
            startMilliseconds = now;
            lastObserved = now;
            driveMilliseconds = 0;
            highestLevel = 0;
            routine = playing;
            head = attached;
        }

        /// <summary>Accounts for one tick.</summary>
        /// <param name="now">Milliseconds since boot.</param>
        /// <param name="driving">Whether the motor output is non-zero after this tick.</param>
        /// <param name="userLevel">The user level the session asks for now, 0 to 5.</param>
        public void Observe(long now, bool driving, int userLevel)
        {
            long elapsed = now - lastObserved;
            lastObserved = now;
            if (driving && elapsed > 0)
            {
                driveMilliseconds += elapsed;
            }

            if (driving && userLevel > highestLevel)
            {
                highestLevel = userLevel;
            }
        }

        /// <summary>Ends the recording and appends the entry to the history (one storage write).</summary>
        /// <param name="reason">Why the session ended.</param>
        /// <param name="clock">The wall clock; its time is used when known.</param>
        /// <param name="history">The history.</param>
        /// <returns><c>true</c> when stored.</returns>
        public bool Finish(StopReason reason, WallClock clock, SessionHistory history)
        {
            IsRecording = false;
            bool wall = clock.IsKnown;
            long time = wall ? clock.LocalSecondsAt(startMilliseconds) : startMilliseconds / 1000;
            return history.Append(time, wall, (int)((driveMilliseconds + 500) / 1000), routine, head, highestLevel, reason);
        }
    }
}
