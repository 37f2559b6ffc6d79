// Contract of NuGet nanoFramework.System.Device.Gpio 1.1.62 (assembly System.Device.Gpio).
// Source: github.com/nanoframework/System.Device.Gpio, tag v1.1.62 (commit cd99158280e0f5c24102981c26baf69facda4d17,
// 2026-06-29), folder System.Device.Gpio/: GpioController.cs (OpenPin(int, PinMode) returns the GpioPin), GpioPin.cs,
// PinMode.cs, PinValue.cs (a readonly struct with an implicit conversion from int).
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
