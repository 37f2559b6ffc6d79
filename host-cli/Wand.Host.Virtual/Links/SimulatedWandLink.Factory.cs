using System;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Links.Simulated;

/// <summary>
/// Power-cycling the in-process virtual wand with or without the factory jig strap: the physical action that enters
/// and leaves factory mode (SR-15), as a factory station does it.
/// </summary>
public sealed partial class SimulatedWandLink : Wand.Host.Calibration.IFactoryStrapControl
{
    /// <summary>Gets the world the wand was built with.</summary>
    public SimulatedWandOptions Options => options;

    /// <summary>
    /// Fits or removes the jig strap and power-cycles the wand: motor off, firmware rebooted, storage kept. The link
    /// stays connected: the boot settles (head confirmed, battery read), the client is linked up again and its
    /// notification subscriptions are restored, as a station's link restores them after the unit reboots.
    /// </summary>
    /// <param name="factoryStrap"><c>true</c> to boot into factory mode; <c>false</c> for a normal boot.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the rebooted wand answers.</returns>
    /// <exception cref="LinkLostException">The link is not connected.</exception>
    public async Task PowerCycleAsync(bool factoryStrap, CancellationToken cancellationToken = default)
    {
        if (State != LinkState.Connected)
        {
            throw new LinkLostException("The virtual wand is not connected; connect before power-cycling it.");
        }

        await WithWandAsync(
            wand =>
            {
                wand.Board.SetFactoryStrap(factoryStrap);
                wand.Reboot();
                AdvanceIfVirtual(wand, BootSettleMilliseconds);
            },
            cancellationToken).ConfigureAwait(false);
        if (options.ClockMode == SimulatedClockMode.RealTime)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(BootSettleMilliseconds), cancellationToken).ConfigureAwait(false);
        }

        await WithWandAsync(
            wand =>
            {
                Runtime(wand).Gatt.LinkUp(true);
                foreach (int index in subscribed)
                {
                    Runtime(wand).Gatt.SetSubscribed(index, true);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }
}
