// Contract of NuGet nanoFramework.Hardware.Esp32 1.6.42 (assembly nanoFramework.Hardware.Esp32).
// Source: github.com/nanoframework/nanoFramework.Hardware.Esp32, tag v1.6.42
// (commit 579dbaf231d7fa7ab2672d81176a4a59b7d60bfb, 2026-07-30), folder nanoFramework.Hardware.Esp32/:
// Configuration.cs (a non-static class with static members), DeviceTypePins.cs, Touch/TouchPad.cs.
// DeviceFunction is declared with its PWM members only, each with the value the source computes
// (DeviceTypes.PWM = 4 * 0x10000, plus n * 0x100). Other members exist in the library; add them with their values
// when needed. TouchPad: only construction, raw reads and GetCalibrationData are declared (the threshold is compared
// in managed code; the native threshold only drives events, which are not used). Configuration.GetFunctionPin unused.
namespace nanoFramework.Hardware.Esp32
{
    public enum DeviceFunction
    {
        PWM1 = 0x40000 + (1 * 0x100),
        PWM2 = 0x40000 + (2 * 0x100),
        PWM3 = 0x40000 + (3 * 0x100),
        PWM4 = 0x40000 + (4 * 0x100),
        PWM5 = 0x40000 + (5 * 0x100),
        PWM6 = 0x40000 + (6 * 0x100),
        PWM7 = 0x40000 + (7 * 0x100),
        PWM8 = 0x40000 + (8 * 0x100),
        PWM9 = 0x40000 + (9 * 0x100),
        PWM10 = 0x40000 + (10 * 0x100),
        PWM11 = 0x40000 + (11 * 0x100),
        PWM12 = 0x40000 + (12 * 0x100),
        PWM13 = 0x40000 + (13 * 0x100),
        PWM14 = 0x40000 + (14 * 0x100),
        PWM15 = 0x40000 + (15 * 0x100),
        PWM16 = 0x40000 + (16 * 0x100),
    }

    public class Configuration
    {
        public static void SetPinFunction(int pin, DeviceFunction value) { }
    }
}

namespace nanoFramework.Hardware.Esp32.Touch
{
    public class TouchPad : System.IDisposable
    {
        public TouchPad(int touchPadNumber) { }

        public uint Read() { return 0; }

        public int GetCalibrationData(int count = 5) { return 0; }

        public void Dispose() { }
    }
}
