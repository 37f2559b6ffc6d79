using System;
using Wand.Core.Control;

namespace Wand.Simulation;

/// <summary>The real firmware controller behind the <see cref="IControlLoop"/> seam, unchanged.</summary>
public sealed class WandControllerLoop : IControlLoop
{
    /// <summary>Initializes a new instance of the <see cref="WandControllerLoop"/> class: boots a controller on a board.</summary>
    /// <param name="board">The board.</param>
    public WandControllerLoop(VirtualBoard board)
    {
        ArgumentNullException.ThrowIfNull(board);
        Controller = new WandController(board.Profile, board.Io);
    }

    /// <summary>Gets the controller.</summary>
    public WandController Controller { get; }

    /// <summary>Gets the number of liveness checks that turned the motor off (SR-10).</summary>
    public int LivenessTrips { get; private set; }

    /// <inheritdoc />
    public void Tick() => Controller.Tick();

    /// <inheritdoc />
    public void CheckLiveness()
    {
        if (Controller.CheckLiveness())
        {
            LivenessTrips++;
        }
    }
}
