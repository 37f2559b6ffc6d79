// Contract of nanoFramework.System.Device.Pwm 1.1.23 (assembly System.Device.Pwm).
// Checked against nanoframework/System.Device.Pwm System.Device.Pwm/PwmChannel.cs in both copies the index holds,
// @ 7abc9d325db86c9602b91fc24c758f568de42e32 and @ 15aad8d6eeb50623a778b110dbcc233f08423ccc: the public surface is
// identical (they differ only in private fields and native method shapes). CreateFromPin returns null when no LEDC
// timer has the pin assigned; it never throws for that case. Unused and left out: Frequency, Stop and Create(chip, channel);
// the public constructor stays so that the type has no implicit parameterless one.
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
