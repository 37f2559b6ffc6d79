// Contract of NuGet nanoFramework.System.Device.Pwm 1.1.23 (assembly System.Device.Pwm).
// Source: github.com/nanoframework/System.Device.Pwm, tag v1.1.23 (commit 8f14504caeb537dd541fe0f2c8eeb77979cd3654,
// 2025-04-02), file System.Device.Pwm/PwmChannel.cs. CreateFromPin returns null when no LEDC timer has the pin
// assigned; it never throws for that case. Unused and left out: Frequency, Stop and Create(chip, channel); the public
// constructor stays so that the type has no implicit parameterless one.
namespace System.Device.Pwm
{
    public sealed class PwmChannel : IDisposable
    {
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { }

        public double DutyCycle { get { return 0; } set { } }

        public void Start() { }

        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) { return null; }

        public void Dispose() { }
    }
}
