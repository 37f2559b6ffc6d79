// Contract: nanoFramework.CoreLibrary 1.17.11, nanoFramework.CoreLibrary/System/{Type,RuntimeTypeHandle,
// RuntimeFieldHandle,RuntimeMethodHandle,IDisposable}.cs and System/Runtime/CompilerServices/RuntimeHelpers.cs.
namespace System
{
    [Serializable]
    public abstract class Type
    {
        public static extern Type GetTypeFromHandle(RuntimeTypeHandle handle);
    }

    [Serializable]
    public struct RuntimeTypeHandle
    {
    }

    [Serializable]
    public struct RuntimeFieldHandle
    {
    }

    [Serializable]
    public struct RuntimeMethodHandle
    {
    }

    public interface IDisposable
    {
        void Dispose();
    }
}

namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);
    }
}
