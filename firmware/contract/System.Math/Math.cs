// Contract: nanoFramework.System.Math 1.5.116, nanoFramework.System.Math/Math.cs. Only members firmware code uses.
// On stock ESP32 images these compute in single precision (NF_ENABLE_DOUBLE_PRECISION_FP is off).
namespace System
{
    public static class Math
    {
        public const double PI = 3.14159265358979323846;
        public const double E = 2.7182818284590452354;
        public static extern double Abs(double val);
        public static extern float Abs(float val);
        public static int Abs(int val) { return 0; }
        public static extern double Max(double val1, double val2);
        public static extern float Max(float val1, float val2);
        public static int Max(int val1, int val2) { return 0; }
        public static extern double Min(double val1, double val2);
        public static extern float Min(float val1, float val2);
        public static int Min(int val1, int val2) { return 0; }
        public static extern double Exp(double d);
        public static extern double Log(double d);
        public static extern double Sqrt(double d);
        public static extern double Floor(double d);
        public static extern double Ceiling(double a);
        public static extern double Round(double d);
        public static double Clamp(double value, double min, double max) { return 0; }
        public static float Clamp(float value, float min, float max) { return 0; }
    }
}
