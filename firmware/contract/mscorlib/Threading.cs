// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   System/Threading/Thread.cs  @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   System/Threading/Timer.cs   @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   System/Threading/Monitor.cs @ 1f779f14aa76c292ce66303794d3f35dddc35cbb (Enter(object)/Exit(object) only: the
//                                 C# compiler falls back to them for lock statements)
//   System/Threading/Interlocked.cs @ 9b81d28d9ff4dd685c9cd751e120a87cf2e101f8 (Exchange(ref int, int) only: the one the core uses)
//   System/Threading/Timeout.cs @ 1f779f14aa76c292ce66303794d3f35dddc35cbb (Infinite = -1; InfiniteTimeSpan left out)
//   System/Threading/ThreadStart.cs, ThreadPriority.cs (index @ 9b81d28): delegate void ThreadStart();
//   enum ThreadPriority { Lowest = 0, BelowNormal, Normal, AboveNormal, Highest }.
// Timer derives from MarshalByRefObject in the source; the base class is declared so the shape matches.
namespace System
{
    public abstract class MarshalByRefObject
    {
    }
}

namespace System.Threading
{
    public delegate void ThreadStart();

    public delegate void TimerCallback(object state);

    [Serializable]
    public enum ThreadPriority
    {
        Lowest = 0,
        BelowNormal,
        Normal,
        AboveNormal,
        Highest,
    }

    public sealed class Thread
    {
        public extern Thread(ThreadStart start);

        public extern void Start();

        public extern ThreadPriority Priority { get; set; }

        public static extern void Sleep(int millisecondsTimeout);

        public static extern Thread CurrentThread { get; }
    }

    public sealed class Timer : MarshalByRefObject, IDisposable
    {
        public extern Timer(TimerCallback callback, object state, int dueTime, int period);

        public extern bool Change(int dueTime, int period);

        public extern void Dispose();
    }

    public static class Timeout
    {
        public const int Infinite = -1;
    }

    public static class Monitor
    {
        public static extern void Enter(object obj);

        public static extern void Exit(object obj);
    }

    public static class Interlocked
    {
        public static extern int Exchange(ref int location1, int value);
    }
}
