// Contract of nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native).
// Checked against nanoframework/nanoFramework.Runtime.Native:
//   nanoFramework.Runtime.Native/System/Environment.cs @ 17c93f5c72ef1ac48d5f61895609152ff288e89a
//     (a partial static class in namespace System: TickCount64, milliseconds since the system started)
//   nanoFramework.Runtime.Native/Power.cs              @ 279c2de56c52fbd4cf2c05400c4d16ed84dc85e9
//   nanoFramework.Runtime.Native/GC.cs                 @ 17c93f5c72ef1ac48d5f61895609152ff288e89a
//   nanoFramework.Runtime.Native/SystemInfo.cs         @ 279c2de56c52fbd4cf2c05400c4d16ed84dc85e9 (Version only)
// Left out (unused): Power.OnRebootEvent and RebootDevice(int), GC.EnableGCMessages, the other SystemInfo members.
namespace System
{
    public static partial class Environment
    {
        public static extern long TickCount64 { get; }
    }
}

namespace nanoFramework.Runtime.Native
{
    public class Power
    {
        public static void RebootDevice() { }

    }

    public static class SystemInfo
    {
        public static System.Version Version { get { return null; } }

    }

    public static class GC
    {
        public static extern uint Run(bool compactHeap);

    }
}
