// Contract: nanoFramework.CoreLibrary 1.17.11, nanoFramework.CoreLibrary/System/String.cs.
namespace System
{
    [Serializable]
    public sealed class String
    {
        public static readonly string Empty = "";
        // From nanoFramework.CoreLibrary 1.17.11, nanoFramework.CoreLibrary/System/String.cs (used by the protocol library's text decoding).
        public extern String(char[] value, int startIndex, int length);
        public extern int Length { get; }
        public extern char this[int index] { get; }
        public static extern string Concat(object arg0, object arg1);
        public static extern string Concat(string str0, string str1);
        public static extern string Concat(string str0, string str1, string str2);
        public static extern string Concat(string str0, string str1, string str2, string str3);
        public static extern string Concat(params string[] values);
        public static extern bool Equals(string a, string b);
        public static bool operator ==(string a, string b) { return false; }
        public static bool operator !=(string a, string b) { return false; }
        public extern char[] ToCharArray();
        public extern string Substring(int startIndex);
        public extern string Substring(int startIndex, int length);
        public static bool IsNullOrEmpty(string value) { return false; }
        public override string ToString() { return this; }
    }
}
