using Wand.Protocol.Vocabulary;

namespace Wand.Core.Faults
{
    /// <summary>
    /// Records faults in the log (SR-17) and holds the latches that only a new session start clears: a control-path
    /// exception (SR-12) and a missed loop deadline (SR-10). Condition-based faults (head, thermal, battery, USB) are
    /// latched by their monitors, which know when the condition has cleared.
    /// </summary>
    public sealed class FaultManager
    {
        private readonly FaultLog log;
        private bool exceptionLatched;
        private bool deadlineLatched;
        private bool motorOutputFailing;
        private FaultCode mostRecent;
        private long lastLatchMilliseconds = -1;

        /// <summary>Initializes a new instance of the <see cref="FaultManager"/> class.</summary>
        /// <param name="capacity">Fault-log entries kept.</param>
        public FaultManager(int capacity)
        {
            log = new FaultLog(capacity);
        }

        /// <summary>Gets the fault log.</summary>
        public FaultLog Log => log;

        /// <summary>Gets the most recent fault since boot, or <see cref="FaultCode.None"/>.</summary>
        public FaultCode MostRecent => mostRecent;

        /// <summary>Gets a value indicating whether an exception in the control path latched the motor off (SR-12).</summary>
        public bool ExceptionLatched => exceptionLatched;

        /// <summary>Gets a value indicating whether a missed loop deadline latched the motor off (SR-10).</summary>
        public bool DeadlineLatched => deadlineLatched;

        /// <summary>
        /// Tells whether a session-start latch (SR-10 or SR-12) was set at or after a time. A start in the tick that latched
        /// a fault is refused, so the fault holds the motor off at least to the end of that tick.
        /// </summary>
        /// <param name="millisecondsSinceBoot">The start of the window, 0 or more milliseconds since boot.</param>
        /// <returns><c>true</c> when a latch was set in the window.</returns>
        public bool LatchedSince(long millisecondsSinceBoot)
        {
            return lastLatchMilliseconds >= 0 && lastLatchMilliseconds >= millisecondsSinceBoot;
        }

        /// <summary>Records a fault.</summary>
        /// <param name="code">The fault.</param>
        /// <param name="context">A detail byte.</param>
        /// <param name="millisecondsSinceBoot">When it happened.</param>
        public void Record(FaultCode code, byte context, long millisecondsSinceBoot)
        {
            log.Add(code, context, millisecondsSinceBoot);
            mostRecent = code;
        }

        /// <summary>Latches the control-path exception fault (SR-12) and records it.</summary>
        /// <param name="millisecondsSinceBoot">When it happened.</param>
        public void LatchException(long millisecondsSinceBoot)
        {
            lastLatchMilliseconds = millisecondsSinceBoot;
            if (!exceptionLatched)
            {
                exceptionLatched = true;
                Record(FaultCode.ControlException, 0, millisecondsSinceBoot);
            }
        }

        /// <summary>Latches the missed-deadline fault (SR-10) and records it.</summary>
        /// <param name="lateMilliseconds">How late the loop was, in milliseconds (recorded as context, capped at 255 × 10 ms).</param>
        /// <param name="millisecondsSinceBoot">When it was detected.</param>
        public void LatchDeadline(long lateMilliseconds, long millisecondsSinceBoot)
        {
            lastLatchMilliseconds = millisecondsSinceBoot;
            if (!deadlineLatched)
            {
                deadlineLatched = true;
                long tens = lateMilliseconds / 10;
                Record(FaultCode.LoopDeadline, (byte)(tens > 255 ? 255 : tens), millisecondsSinceBoot);
            }
        }

        /// <summary>Records a failing motor output once per episode, however many ticks it lasts.</summary>
        /// <param name="millisecondsSinceBoot">When it was detected.</param>
        public void LatchMotorOutput(long millisecondsSinceBoot)
        {
            if (!motorOutputFailing)
            {
                motorOutputFailing = true;
                Record(FaultCode.MotorOutput, 0, millisecondsSinceBoot);
            }
        }

        /// <summary>Ends a motor-output failure episode after a write succeeded.</summary>
        public void ClearMotorOutput()
        {
            motorOutputFailing = false;
        }

        /// <summary>Clears the session-start latches; called when a new session starts.</summary>
        public void ClearSessionLatches()
        {
            exceptionLatched = false;
            deadlineLatched = false;
        }
    }
}
