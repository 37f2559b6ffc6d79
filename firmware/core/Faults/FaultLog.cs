using Wand.Protocol.Vocabulary;

namespace Wand.Core.Faults
{
    /// <summary>
    /// The last <see cref="Board.SafetyLimits.FaultLogCapacity"/> faults in a ring buffer (SR-17). Storage is allocated
    /// once; adding an entry never allocates.
    /// </summary>
    public sealed class FaultLog
    {
        private readonly byte[] codes;
        private readonly byte[] contexts;
        private readonly long[] times;
        private int next;
        private int count;
        private int totalRecorded;

        /// <summary>Initializes a new instance of the <see cref="FaultLog"/> class.</summary>
        /// <param name="capacity">Entries kept, 1 to 255.</param>
        public FaultLog(int capacity)
        {
            codes = new byte[capacity];
            contexts = new byte[capacity];
            times = new long[capacity];
        }

        /// <summary>Gets the number of entries held, 0 to the capacity.</summary>
        public int Count => count;

        /// <summary>Gets the number of faults recorded since boot, including those overwritten.</summary>
        public int TotalRecorded => totalRecorded;

        /// <summary>Gets the capacity.</summary>
        public int Capacity => codes.Length;

        /// <summary>Appends an entry, overwriting the oldest when full.</summary>
        /// <param name="code">The fault.</param>
        /// <param name="context">A fault-specific detail byte (e.g. head reading class, temperature in °C).</param>
        /// <param name="millisecondsSinceBoot">When it happened.</param>
        public void Add(FaultCode code, byte context, long millisecondsSinceBoot)
        {
            codes[next] = (byte)code;
            contexts[next] = context;
            times[next] = millisecondsSinceBoot;
            next = (next + 1) % codes.Length;
            if (count < codes.Length)
            {
                count++;
            }

            totalRecorded++;
        }

        /// <summary>Gets an entry's code.</summary>
        /// <param name="age">0 for the newest entry up to <see cref="Count"/> − 1 for the oldest.</param>
        /// <returns>The fault code.</returns>
        public FaultCode CodeAt(int age)
        {
            return (FaultCode)codes[IndexOf(age)];
        }

        /// <summary>Gets an entry's context byte.</summary>
        /// <param name="age">0 for the newest entry up to <see cref="Count"/> − 1 for the oldest.</param>
        /// <returns>The context byte.</returns>
        public byte ContextAt(int age)
        {
            return contexts[IndexOf(age)];
        }

        /// <summary>Gets when an entry was recorded.</summary>
        /// <param name="age">0 for the newest entry up to <see cref="Count"/> − 1 for the oldest.</param>
        /// <returns>Milliseconds since boot.</returns>
        public long TimeAt(int age)
        {
            return times[IndexOf(age)];
        }

        private int IndexOf(int age)
        {
            if (age < 0 || age >= count)
            {
                throw new System.ArgumentOutOfRangeException(nameof(age));
            }

            int index = next - 1 - age;
            return index < 0 ? index + codes.Length : index;
        }
    }
}
