// Contract of nanoFramework.System.IO.FileSystem (assembly System.IO.FileSystem), namespace System.IO.
// Checked against nanoframework/System.IO.FileSystem System.IO.FileSystem/File.cs
// @ 1098443d51189ede7fd3745c785d4d6e3adbea45. Only the whole-file helpers the storage adapter uses are declared.
// Read for the design, not declared: Move throws IOException when the destination exists and WriteAllBytes truncates
// before writing, so write-then-rename is not atomic here (see AlternatingRecordStore). IOException derives from SystemException
// (CoreLibrary System/IO/IOException.cs, listed in the index).
namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path) { return false; }

        public static byte[] ReadAllBytes(string path) { return null; }

        public static void WriteAllBytes(string path, byte[] bytes) { }
    }
}
