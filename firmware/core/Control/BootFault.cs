namespace Wand.Core.Control
{
    /// <summary>Why a boot stopped, or degraded. Every fault leaves the motor output at duty 0 (or never opened).</summary>
    public enum BootFault
    {
        /// <summary>Boot completed.</summary>
        None = 0,

        /// <summary>No PWM channel could be created on the motor pin (<c>PwmChannel.CreateFromPin</c> returned null or threw).</summary>
        MotorOutputUnavailable = 1,

        /// <summary>The board profile breaks an ESP32 pin rule; see <see cref="BootOutcome.ProfileProblem"/>.</summary>
        BoardProfileInvalid = 2,

        /// <summary>An adapter could not be opened.</summary>
        AdaptersUnavailable = 3,

        /// <summary>The firmware core could not be created.</summary>
        CoreUnavailable = 4,

        /// <summary>The BLE server did not start. Not fatal: button sessions still work; the status reports it.</summary>
        RadioUnavailable = 5,
    }
}
