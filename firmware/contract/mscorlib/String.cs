// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   System/String.cs @ 006dce88779d5bc770461211bfed955cef4f9024 (the reflection build's signatures; nullable
//   annotations of that copy are omitted, they do not change the signatures).
// String overrides Equals but not GetHashCode (native), and its == / != are extern, as in the source.
// IComparable is not declared (nothing uses it), so String lists only IEnumerable. The Concat overloads are what
// the compiler lowers `+` on strings to. Left out as unused: Substring, IndexOf, ToCharArray, Split, Trim, Format,
// IsNullOrEmpty, Contains and the rest.
using System.Collections;

namespace System
{
    [Serializable]
    public sealed class String : IEnumerable
    {
        public static readonly string Empty = "";

        public extern String(char[] value, int startIndex, int length);

        public extern String(char[] value);

        public extern int Length { get; }

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public extern char this[int index] { get; }

        public IEnumerator GetEnumerator() { return null; }

        public override bool Equals(object obj) { return false; }

        public static extern bool Equals(string a, string b);

        public static extern bool operator ==(string a, string b);

        public static extern bool operator !=(string a, string b);

        public override string ToString() { return this; }

        public static string Concat(object arg0) { return null; }

        public static string Concat(object arg0, object arg1) { return null; }

        public static string Concat(object arg0, object arg1, object arg2) { return null; }

        public static string Concat(params object[] args) { return null; }

        public static extern string Concat(string str0, string str1);

        public static extern string Concat(string str0, string str1, string str2);

        public static extern string Concat(string str0, string str1, string str2, string str3);

        public static extern string Concat(params string[] values);
    }
}
