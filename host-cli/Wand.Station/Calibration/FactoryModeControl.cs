using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Protocol.Messages;

namespace Wand.Host.Calibration;

/// <summary>
/// Enters and leaves factory mode (SR-15), which only a physical action at boot can do. A wand whose strap the host controls
/// (<see cref="IFactoryStrapControl"/>: the virtual wand) is power-cycled with the jig strap fitted, and again without it at the end; on hardware the station operator fits the
/// strap before power-on, and the procedure checks the status flag.
/// </summary>
public static class FactoryModeControl
{
    /// <summary>What an operator does to put a real wand into factory mode.</summary>
    public const string EnterInstructions =
        "Put the wand in the jig with the strap fitted (or hold the button from power-on for 2 s), power-cycle it, then run the calibration within 10 minutes.";

    /// <summary>What an operator does to leave factory mode on a real wand.</summary>
    public const string LeaveInstructions = "Remove the jig strap and power-cycle the wand to leave factory mode.";

    /// <summary>Makes sure the wand is in factory mode.</summary>
    /// <param name="client">The factory client on a connected link.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <param name="fixture">Power-cycles the unit when the link cannot (a station fixture), or <c>null</c>.</param>
    /// <returns><c>true</c> when this call power-cycled the wand into factory mode.</returns>
    /// <exception cref="FactoryModeRequiredException">A real wand is not in factory mode and nothing can power-cycle it.</exception>
    public static async Task<bool> EnterAsync(FactoryClient client, CancellationToken cancellationToken, IFactoryStrapControl? fixture = null)
    {
        StatusReport status = await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        if ((status.Flags & StatusIndicators.FactoryMode) != 0)
        {
            return false;
        }

        IFactoryStrapControl strap = client.Link as IFactoryStrapControl ?? fixture
            ?? throw new FactoryModeRequiredException("The wand is not in factory mode (SR-15). " + EnterInstructions);
        await strap.PowerCycleAsync(factoryStrap: true, cancellationToken).ConfigureAwait(false);
        status = await client.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
        if ((status.Flags & StatusIndicators.FactoryMode) == 0)
        {
            throw new FactoryModeRequiredException("The wand did not enter factory mode after a power cycle with the strap fitted; check the strap relay's wiring.");
        }

        return true;
    }

    /// <summary>Leaves factory mode where the host can: power-cycles a wand whose strap it controls.</summary>
    /// <param name="link">The link.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <param name="fixture">Power-cycles the unit when the link cannot (a station fixture), or <c>null</c>.</param>
    /// <returns><c>true</c> when factory mode was left; <c>false</c> when the operator must do it (<see cref="LeaveInstructions"/>).</returns>
    public static async Task<bool> LeaveAsync(IWandLink link, CancellationToken cancellationToken, IFactoryStrapControl? fixture = null)
    {
        if ((link as IFactoryStrapControl ?? fixture) is IFactoryStrapControl strap && link.State == LinkState.Connected)
        {
            await strap.PowerCycleAsync(factoryStrap: false, cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }
}
