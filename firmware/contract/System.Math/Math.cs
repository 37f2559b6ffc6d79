// Contract of nanoFramework.System.Math 1.5.116 (assembly System.Math), namespace System.
// Checked against nanoframework/System.Math nanoFramework.System.Math/Math.cs in the two copies the index holds:
//   @ a730259be6f3bc9d49ac4f28462e22ad27513533 (float overloads marked [Obsolete(..., true)]: a compile error)
//   @ 0b7e93e86fbb81023ae44dcb44be3aa73718d8ee (float overloads present and usable)
// The pinned tag is not stored separately, so this contract declares the intersection: the int and double overloads
// that both copies have with the same signature. Float overloads and Clamp (absent from both copies) are left out on
// purpose; code that needs them must cast to double. On stock ESP32 images the double functions compute in single
// precision (NF_ENABLE_DOUBLE_PRECISION_FP is off).
namespace System
{
    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;

        public static int Max(int val1, int val2) { return 0; }

        public static extern double Max(double x, double y);

        public static int Min(int val1, int val2) { return 0; }

        public static extern double Min(double x, double y);

        public static int Abs(int val) { return 0; }

        public static extern double Abs(double val);

        public static extern double Ceiling(double d);

        public static extern double Exp(double d);

        public static extern double Floor(double d);

        public static extern double Log(double d);

        public static extern double Log10(double d);

        public static extern double Pow(double x, double y);

        public static extern double Round(double d);

        public static extern double Sqrt(double d);

        public static extern double Truncate(double d);
    }
}
