namespace Wand.Core.Control
{
    /// <summary>The result of <see cref="BootSequence.Run"/>.</summary>
    public sealed class BootOutcome
    {
        /// <summary>Initializes a new instance of the <see cref="BootOutcome"/> class.</summary>
        /// <param name="reachedStage">The last stage that completed.</param>
        /// <param name="fault">Why boot stopped or degraded; <see cref="BootFault.None"/> when it completed.</param>
        /// <param name="core">The core, or <c>null</c> when boot stopped before stage 4 completed.</param>
        /// <param name="profileProblem">The pin-rule violation when <paramref name="fault"/> is
        /// <see cref="BootFault.BoardProfileInvalid"/>; otherwise <see cref="ProfileProblem.None"/>.</param>
        public BootOutcome(BootStage reachedStage, BootFault fault, IControlCore core, ProfileProblem profileProblem)
        {
            ReachedStage = reachedStage;
            Fault = fault;
            Core = core;
            ProfileProblem = profileProblem;
        }

        /// <summary>Gets the last stage that completed.</summary>
        public BootStage ReachedStage { get; }

        /// <summary>Gets why boot stopped or degraded.</summary>
        public BootFault Fault { get; }

        /// <summary>Gets the core to run, or <c>null</c> when boot stopped before it existed.</summary>
        public IControlCore Core { get; }

        /// <summary>Gets the pin-rule violation behind <see cref="BootFault.BoardProfileInvalid"/>.</summary>
        public ProfileProblem ProfileProblem { get; }

        /// <summary>Gets a value indicating whether the control loop may run (boot completed, or only the radio failed).</summary>
        public bool CanRun
        {
            get { return Core != null && (Fault == BootFault.None || Fault == BootFault.RadioUnavailable); }
        }
    }
}
