namespace Wand.Core.Hardware
{
    /// <summary>
    /// The PWM output that drives the ERM motor through the low-side transistor.
    /// Only the safety governor (<c>Wand.Core.Safety.SafetyGovernor</c>) may call it (SR-2).
    /// </summary>
    public interface IMotorOutput
    {
        /// <summary>
        /// Sets the PWM duty cycle of the motor drive.
        /// </summary>
        /// <param name="dutyCycle">Fraction of each PWM period the transistor conducts, 0.0 (off) to 1.0 (fully on).</param>
        void SetDutyCycle(float dutyCycle);
    }
}
