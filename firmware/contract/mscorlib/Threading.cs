// Contract: nanoFramework.CoreLibrary 1.17.11, nanoFramework.CoreLibrary/System/Threading/Monitor.cs and Interlocked.cs
// (checked against nanoframework/CoreLibrary, files unchanged in the 1.17.x line). nanoFramework's Monitor has only
// Enter(object)/Exit(object), so the C# compiler lowers `lock` to that pair.
namespace System.Threading
{
    public static class Monitor
    {
        public static extern void Enter(object obj);
        public static extern void Exit(object obj);
    }

    public static class Interlocked
    {
        public static extern int Increment(ref int location);
        public static extern int Decrement(ref int location);
        public static extern int Exchange(ref int location1, int value);
        public static extern int CompareExchange(ref int location1, int value, int comparand);
    }
}
