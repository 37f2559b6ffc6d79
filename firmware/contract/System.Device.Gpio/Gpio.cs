// Contract of nanoFramework.System.Device.Gpio 1.1.62 (assembly System.Device.Gpio).
// Checked against nanoframework/System.Device.Gpio:
//   System.Device.Gpio/GpioController.cs @ 162ca3b8531e0ae533721f4de5b92a0020ad68d6 (OpenPin returns GpioPin; an
//                                          older copy @ 481b165 returned void, the 1.1.x line since returns the pin)
//   System.Device.Gpio/GpioPin.cs        @ 641300e8b9601d28198eb23f6ab0d0602198e543
//   System.Device.Gpio/PinMode.cs        @ 5a27dd88672fc3885f218217169eec48e3169ef2
//   System.Device.Gpio/PinValue.cs       @ 5a27dd88672fc3885f218217169eec48e3169ef2
// Only what the firmware uses: opening an input pin in a mode and reading it. Left out: the controller's pin-number
// methods (Read, Write, SetPinMode, ...), OpenPin(int), GpioPin's mode/Write/Toggle/PinNumber, PinValue.Low and
// Equals(PinValue), the value-changed events and callbacks (they bring in nanoFramework.Runtime.Events types) and
// GpioPin.DebounceTimeout (it filters events only, not Read()).
namespace System.Device.Gpio
{
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    public readonly struct PinValue
    {
        public static PinValue High { get { return default(PinValue); } }

        public static implicit operator PinValue(int value) { return default(PinValue); }

        public static implicit operator PinValue(bool value) { return default(PinValue); }

        public static explicit operator byte(PinValue value) { return 0; }

        public static explicit operator int(PinValue value) { return 0; }

        public static explicit operator bool(PinValue value) { return false; }

        public override bool Equals(object obj) { return false; }

        public static bool operator ==(PinValue a, PinValue b) { return false; }

        public static bool operator !=(PinValue a, PinValue b) { return false; }

        public override int GetHashCode() { return 0; }

        public override string ToString() { return null; }
    }

    public sealed class GpioController : IDisposable
    {
        public GpioController() { }

        public GpioPin OpenPin(int pinNumber, PinMode mode) { return null; }

        public void Dispose() { }
    }

    public sealed class GpioPin : IDisposable
    {
        internal GpioPin() { }

        public extern PinValue Read();

        public void Dispose() { }
    }
}
