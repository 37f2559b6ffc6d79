// Contract of NuGet nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native).
// Source: github.com/nanoframework/nanoFramework.Runtime.Native, tag v1.7.11
// (commit e70ef6920ca811b0403d667036fcbdc605d0e66e, 2025-04-02), folder nanoFramework.Runtime.Native/:
//   System/Environment.cs  a partial static class in namespace System: TickCount64, milliseconds since the system started
//   Power.cs               RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot); there is no
//                          parameterless overload, a call without arguments binds to this one
//   RebootOption.cs        the enum and its values (not [Flags])
//   GC.cs                  Run(bool compactHeap) returns the free bytes
//   SystemInfo.cs          Version only
// Left out (unused): Power.OnRebootEvent and RebootDevice(int exeConstraintTimeout, RebootOption),
// GC.EnableGCMessages, the other SystemInfo members, ExecutionConstraint and RTC.
namespace System
{
    public static partial class Environment
    {
        public static extern long TickCount64 { get; }
    }
}

namespace nanoFramework.Runtime.Native
{
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { }
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
