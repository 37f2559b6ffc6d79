using System.Device.Pwm;
using nanoFramework.Hardware.Esp32;
using Wand.Core.Hardware;

namespace Wand.Firmware.Adapters
{
    /// <summary>
    /// The motor drive: one LEDC PWM channel on the transistor's gate. Created at duty 0 and started at once (SR-1), so
    /// the line is actively held low from the first hardware action on; only the safety governor writes it (SR-2).
    /// </summary>
    public sealed class PwmMotorOutput : IMotorOutput
    {
        private readonly PwmChannel _channel;

        private PwmMotorOutput(PwmChannel channel)
        {
            _channel = channel;
        }

        /// <summary>
        /// Routes the pin to LEDC (PWM1 = timer 0, high-speed group), creates the channel at duty 0 and starts it.
        /// </summary>
        /// <param name="pin">GPIO of the gate drive, output-capable.</param>
        /// <param name="frequencyHertz">PWM frequency, in hertz (25 000 gives 11-bit resolution).</param>
        /// <returns>The output, already driving duty 0; <c>null</c> when no PWM channel exists for the pin.</returns>
        public static PwmMotorOutput Open(int pin, int frequencyHertz)
        {
            Configuration.SetPinFunction(pin, DeviceFunction.PWM1);
            PwmChannel channel = PwmChannel.CreateFromPin(pin, frequencyHertz, 0);
            if (channel == null)
            {
                return null;
            }

            channel.DutyCycle = 0;
            channel.Start();
            return new PwmMotorOutput(channel);
        }

        /// <summary>
        /// Sets the duty cycle. A value outside 0.0–1.0 or NaN is a defect upstream; the output goes to 0 instead of
        /// letting the native setter throw with the drive in an unknown state.
        /// </summary>
        /// <param name="dutyCycle">Fraction of each period the transistor conducts, 0.0 to 1.0.</param>
        public void SetDutyCycle(float dutyCycle)
        {
            double value = dutyCycle >= 0f && dutyCycle <= 1f ? dutyCycle : 0d;
            _channel.DutyCycle = value;
        }
    }
}
