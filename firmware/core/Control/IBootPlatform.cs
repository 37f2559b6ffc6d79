using Wand.Core.Board;
using Wand.Core.Hardware;

namespace Wand.Core.Control
{
    /// <summary>
    /// What a board supplies to <see cref="BootSequence"/>: one method per boot stage. The device implements it with
    /// nanoFramework adapters; tests implement it with fakes that record the order of calls.
    /// </summary>
    public interface IBootPlatform
    {
        /// <summary>
        /// Stage 1 (SR-1): takes the motor drive line and holds it off. Called before anything else touches hardware.
        /// </summary>
        /// <param name="pin">GPIO of the motor transistor's gate, from <see cref="BoardProfile.MotorPwmPin"/>.</param>
        /// <param name="frequencyHertz">PWM frequency, in hertz (25 000 by default, MD-1).</param>
        /// <returns>The motor output, already running at duty 0; <c>null</c> when no PWM channel could be created
        /// (a boot fault: the gate pull-down keeps the motor off).</returns>
        IMotorOutput OpenMotorOutput(int pin, int frequencyHertz);

        /// <summary>Stage 3: opens every other adapter (ADC channels, inputs, clock, storage, watchdog, touch pad).</summary>
        /// <param name="profile">The checked board profile.</param>
        /// <param name="motor">The motor output from stage 1.</param>
        /// <returns>The board's adapters.</returns>
        BoardIo OpenBoardIo(BoardProfile profile, IMotorOutput motor);

        /// <summary>Stage 4: creates the firmware core (safety governor, monitors, sessions) on the adapters.</summary>
        /// <param name="profile">The checked board profile.</param>
        /// <param name="io">The adapters from stage 3.</param>
        /// <returns>The core's control loop.</returns>
        IControlCore CreateCore(BoardProfile profile, BoardIo io);

        /// <summary>Stage 5: starts the BLE server and advertising on top of the core.</summary>
        /// <param name="profile">The checked board profile.</param>
        /// <param name="core">The core from stage 4.</param>
        void StartRadio(BoardProfile profile, IControlCore core);
    }
}
