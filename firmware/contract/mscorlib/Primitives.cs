// Contract: nanoFramework.CoreLibrary 1.17.11, nanoFramework.CoreLibrary/System/{Boolean,Char,Byte,SByte,Int16,UInt16,
// Int32,UInt32,Int64,UInt64,Single,Double,IntPtr,UIntPtr}.cs. Only members firmware code uses are declared.
namespace System
{
    [Serializable]
    public struct Boolean
    {
        public override string ToString() { return null; }
    }

    [Serializable]
    public struct Char
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;
        public override string ToString() { return null; }
    }

    [Serializable]
    public struct SByte
    {
        public const sbyte MaxValue = (sbyte)0x7F;
        public const sbyte MinValue = unchecked((sbyte)0x80);
    }

    [Serializable]
    public struct Byte
    {
        public const byte MaxValue = (byte)0xFF;
        public const byte MinValue = 0;
        public override string ToString() { return null; }
        public string ToString(string format) { return null; }
    }

    [Serializable]
    public struct Int16
    {
        public const short MaxValue = (short)0x7FFF;
        public const short MinValue = unchecked((short)0x8000);
    }

    [Serializable]
    public struct UInt16
    {
        public const ushort MaxValue = (ushort)0xFFFF;
        public const ushort MinValue = 0;
    }

    [Serializable]
    public struct Int32
    {
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        public override string ToString() { return null; }
        public string ToString(string format) { return null; }
        public static int Parse(string s) { return 0; }
        public static bool TryParse(string s, out int result) { result = 0; return false; }
    }

    [Serializable]
    public struct UInt32
    {
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0U;
        public override string ToString() { return null; }
    }

    [Serializable]
    public struct Int64
    {
        public const long MaxValue = 0x7fffffffffffffffL;
        public const long MinValue = unchecked((long)0x8000000000000000L);
        public override string ToString() { return null; }
    }

    [Serializable]
    public struct UInt64
    {
        public const ulong MaxValue = 0xffffffffffffffffL;
        public const ulong MinValue = 0x0;
    }

    [Serializable]
    public struct Single
    {
        public const float MinValue = (float)-3.40282346638528859e+38;
        public const float MaxValue = (float)3.40282346638528859e+38;
        public const float Epsilon = (float)1.4e-45;
        public const float NaN = (float)0.0 / (float)0.0;
        public const float PositiveInfinity = (float)1.0 / (float)0.0;
        public const float NegativeInfinity = (float)-1.0 / (float)0.0;
        public static bool IsNaN(float f) { return false; }
        public static bool IsInfinity(float f) { return false; }
        public override string ToString() { return null; }
    }

    [Serializable]
    public struct Double
    {
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NaN = (double)0.0 / (double)0.0;
        public const double PositiveInfinity = (double)1.0 / (double)(0.0);
        public const double NegativeInfinity = (double)-1.0 / (double)(0.0);
        public static bool IsNaN(double d) { return false; }
        public static bool IsInfinity(double d) { return false; }
        public override string ToString() { return null; }
    }

    [Serializable]
    public struct IntPtr
    {
    }

    [Serializable]
    public struct UIntPtr
    {
    }
}
