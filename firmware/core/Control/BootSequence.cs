using System;
using Wand.Core.Board;
using Wand.Core.Hardware;

namespace Wand.Core.Control
{
    /// <summary>
    /// The device's boot order, independent of hardware types so tests can check it: motor off first (SR-1), then the
    /// board profile, the adapters, the core and the radio. The motor output is opened at duty 0 and nothing here writes
    /// it again (SR-2: only the safety governor does), so any failure before the core exists leaves it at 0 and stops;
    /// a radio failure degrades to button-only operation.
    /// </summary>
    public sealed class BootSequence
    {
        private readonly IBootPlatform _platform;

        /// <summary>Initializes a new instance of the <see cref="BootSequence"/> class.</summary>
        /// <param name="platform">The board's stage implementations.</param>
        public BootSequence(IBootPlatform platform)
        {
            if (platform == null)
            {
                throw new ArgumentNullException(nameof(platform));
            }

            _platform = platform;
        }

        /// <summary>Runs the stages in order and stops at the first fatal fault.</summary>
        /// <param name="profile">The board profile (plain data; its pin map is checked in stage 2).</param>
        /// <returns>What was reached, and the core when the control loop may run.</returns>
        public BootOutcome Run(BoardProfile profile)
        {
            if (profile == null)
            {
                throw new ArgumentNullException(nameof(profile));
            }

            IMotorOutput motor = OpenMotor(profile);
            if (motor == null)
            {
                return new BootOutcome(BootStage.NotStarted, BootFault.MotorOutputUnavailable, null, ProfileProblem.None);
            }

            ProfileProblem problem = BootProfileCheck.Check(profile);
            if (problem != ProfileProblem.None)
            {
                return new BootOutcome(BootStage.MotorOff, BootFault.BoardProfileInvalid, null, problem);
            }

            BoardIo io = OpenAdapters(profile, motor);
            if (io == null)
            {
                return new BootOutcome(BootStage.BoardProfile, BootFault.AdaptersUnavailable, null, ProfileProblem.None);
            }

            IControlCore core = CreateCore(profile, io);
            if (core == null)
            {
                return new BootOutcome(BootStage.Adapters, BootFault.CoreUnavailable, null, ProfileProblem.None);
            }

            try
            {
                _platform.StartRadio(profile, core);
            }
            catch (Exception)
            {
                return new BootOutcome(BootStage.Core, BootFault.RadioUnavailable, core, ProfileProblem.None);
            }

            return new BootOutcome(BootStage.Running, BootFault.None, core, ProfileProblem.None);
        }

        private IMotorOutput OpenMotor(BoardProfile profile)
        {
            try
            {
                return _platform.OpenMotorOutput(profile.MotorPwmPin, profile.MotorPwmFrequencyHertz);
            }
            catch (Exception)
            {
                return null;
            }
        }

        private BoardIo OpenAdapters(BoardProfile profile, IMotorOutput motor)
        {
            try
            {
                return _platform.OpenBoardIo(profile, motor);
            }
            catch (Exception)
            {
                return null;
            }
        }

        private IControlCore CreateCore(BoardProfile profile, BoardIo io)
        {
            try
            {
                return _platform.CreateCore(profile, io);
            }
            catch (Exception)
            {
                return null;
            }
        }
    }
}
