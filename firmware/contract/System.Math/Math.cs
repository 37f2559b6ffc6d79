// Contract of NuGet nanoFramework.System.Math 1.5.116 (assembly System.Math), namespace System.
// Source: github.com/nanoframework/System.Math, tag v1.5.116 (commit 67b21d83360a5777dadbafec6e4143551a7c43ea,
// 2025-04-02), file nanoFramework.System.Math/Math.cs. The whole public surface of that file is declared, parameter
// names as there (Abs(value), Max/Min(val1, val2), Round(a), Cos(a), Cosh(value), ...), so that a named argument, an
// overload or a return type the device library lacks fails the build before the first call is written. The float
// overloads of Abs, Max and Min are native calls that return float; Clamp has double, long, float and ulong overloads
// (an int call binds to long). On stock ESP32 images the double functions compute in single precision
// (NF_ENABLE_DOUBLE_PRECISION_FP is off in nanoframework/nf-interpreter's ESP32 build).
namespace System
{
    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;

        public static int Abs(int value) { return 0; }

        public static extern double Abs(double value);

        public static extern float Abs(float value);

        public static extern double Acos(double d);

        public static extern double Asin(double d);

        public static extern double Atan(double d);

        public static extern double Atan2(double y, double x);

        public static extern double Cbrt(double d);

        public static extern double Ceiling(double d);

        public static double Clamp(double value, double min, double max) { return 0; }

        public static long Clamp(long value, long min, long max) { return 0; }

        public static float Clamp(float value, float min, float max) { return 0; }

        public static ulong Clamp(ulong value, ulong min, ulong max) { return 0; }

        public static extern double Cos(double a);

        public static extern double Cosh(double value);

        public static extern double Exp(double d);

        public static extern double Floor(double d);

        public static extern double IEEERemainder(double x, double y);

        public static extern double Log(double d);

        public static extern double Log10(double d);

        public static int Max(int val1, int val2) { return 0; }

        public static extern double Max(double val1, double val2);

        public static extern float Max(float val1, float val2);

        public static int Min(int val1, int val2) { return 0; }

        public static extern double Min(double val1, double val2);

        public static extern float Min(float val1, float val2);

        public static extern double Pow(double x, double y);

        public static extern double Round(double a);

        public static extern int Sign(double value);

        public static int Sign(float value) { return 0; }

        public static extern double Sin(double a);

        public static extern double Sinh(double value);

        public static extern double Sqrt(double d);

        public static extern double Tan(double a);

        public static extern double Tanh(double value);

        public static extern double Truncate(double d);
    }
}
