// Contract of nanoFramework.CoreLibrary 1.17.11 (mscorlib). Checked against nanoframework/CoreLibrary
//   System/Int32.cs  @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   System/Int64.cs  @ 086ed3dd3f0ac9170b5153445cdad09555170e3c
//   System/Byte.cs   @ 086ed3dd3f0ac9170b5153445cdad09555170e3c
//   System/Single.cs @ 1f779f14aa76c292ce66303794d3f35dddc35cbb
//   System/Double.cs @ 1c38a52014ffd65c59d4f3d1ce9a963a4b1549d0
// Boolean, Char, SByte, Int16, UInt16, UInt32, UInt64, IntPtr and UIntPtr are declared as bare structs with their
// MinValue/MaxValue constants only (files listed in the index; the constants are fixed by the CLI type system).
// ToString() on those types still compiles through Object.ToString(). Parse, TryParse, ToString(format), CompareTo
// and the IsNaN/IsInfinity family exist in the sources above but no firmware code calls them, so they are left out.
namespace System
{
    [Serializable]
    public struct Boolean
    {
    }

    [Serializable]
    public struct Char
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;
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
        public const byte MaxValue = 0xFF;
        public const byte MinValue = 0;

        public override string ToString() { return null; }
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
    }

    [Serializable]
    public struct UInt32
    {
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0U;
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
        public const float Epsilon = (float)1.4e-45;
        public const float MaxValue = (float)3.40282346638528859e+38;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;

        public override string ToString() { return null; }
    }

    [Serializable]
    public struct Double
    {
        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124650E-324;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;

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
