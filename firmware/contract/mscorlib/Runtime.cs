// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   System/IDisposable.cs  @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   System/Guid.cs         @ 0e0f7bed1a529816b8515855e864defb56ef4b52 (the constructors from string and byte[] are
//                            the same in every copy read; Empty, NewGuid and ToByteArray left out as unused)
//   System/Diagnostics/Debug.cs @ 055d16427b58d906d23f6ba6e33542bcd97d65b6 ([Conditional("DEBUG")])
// Type, RuntimeTypeHandle, RuntimeFieldHandle, RuntimeMethodHandle, IndexerNameAttribute and
// RuntimeHelpers.InitializeArray are declared bare: the compiler needs them for typeof, array initialisers and the
// String indexer (files listed in the index: System/Type.cs, System/RuntimeTypeHandle.cs,
// System/Runtime/CompilerServices/{RuntimeHelpers,IndexerNameAttribute}.cs).
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

    [Serializable]
    public struct Guid
    {
        public Guid(byte[] b) { }

        public Guid(string g) { }

        public override bool Equals(object o) { return false; }

        public override int GetHashCode() { return 0; }

        public override string ToString() { return null; }
    }
}

namespace System.Diagnostics
{
    public static class Debug
    {
        [Conditional("DEBUG")]
        public static void WriteLine(string message) { }
    }
}

namespace System.Runtime.CompilerServices
{
    public static class RuntimeHelpers
    {
        public static extern void InitializeArray(Array array, RuntimeFieldHandle fldHandle);
    }

    [AttributeUsage(AttributeTargets.Property)]
    public sealed class IndexerNameAttribute : Attribute
    {
        public IndexerNameAttribute(string indexerName) { }
    }
}

namespace System
{
    // nanoFramework.CoreLibrary/System/Version.cs (index file id 24910815844): sealed, four-part constructor, ToString
    // as "major.minor[.build[.revision]]". nanoFramework.Runtime.Native's SystemInfo.Version returns it.
    public sealed class Version
    {
        public Version(int major, int minor, int build, int revision) { }

        public Version(int major, int minor) { }

        public override bool Equals(object obj) { return false; }

        public override string ToString() { return null; }

        public override int GetHashCode() { return 0; }
    }
}
