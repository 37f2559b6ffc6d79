// Contract of nanoFramework.Hardware.Esp32 1.6.42 (assembly nanoFramework.Hardware.Esp32).
// Checked against nanoframework/nanoFramework.Hardware.Esp32:
//   nanoFramework.Hardware.Esp32/Configuration.cs   @ 2fcc3520f586c75ff6001c1bf91425df1b8dd053 (a non-static class
//                                                     with static members)
//   nanoFramework.Hardware.Esp32/DeviceTypePins.cs  @ 2eb59efa386f01421d0ab7ab316480c14268ebcc
//   nanoFramework.Hardware.Esp32/Touch/TouchPad.cs  @ 6095ed68fec95b65a585c770df2a4dccf47f6723
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
