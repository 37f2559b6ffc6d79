// Contract of NuGet nanoFramework.System.IO.FileSystem 1.1.87 (assembly System.IO.FileSystem), namespace System.IO.
// Source: github.com/nanoframework/System.IO.FileSystem, tag v1.1.87 (commit 2f5d90d0fc9312abb8fae55148d8ca05de509036,
// 2025-04-24), file System.IO.FileSystem/File.cs. Only the whole-file helpers the storage adapter uses are declared.
// Read for the design, not declared: Move throws IOException when the destination exists and WriteAllBytes opens with
// FileMode.Create (truncates before writing), so write-then-rename is not atomic here (see AlternatingRecordStore).
// IOException itself comes from the real mscorlib (nanoFramework.CoreLibrary 1.17.11).
namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path) { return false; }

        public static byte[] ReadAllBytes(string path) { return null; }

        public static void WriteAllBytes(string path, byte[] bytes) { }
    }
}
