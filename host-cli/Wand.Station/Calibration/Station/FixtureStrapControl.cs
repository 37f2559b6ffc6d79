using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;

namespace Wand.Host.Calibration.Station;

/// <summary>
/// Enters and leaves factory mode (SR-15) on a unit the station reaches over a link it does not control the power of
/// (served, serial, BLE): the fixture sets the strap relay and power-cycles the unit through the supply, the reboot
/// drops the link, and the link is connected again, which restores its notification subscriptions.
/// </summary>
public sealed class FixtureStrapControl : IFactoryStrapControl
{
    /// <summary>How long a power-cycled unit may take to drop the old link and accept a new one, by default.</summary>
    public static readonly TimeSpan DefaultBootTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(100);

    private readonly IWandLink link;
    private readonly ICalibrationActions fixture;
    private readonly TimeSpan bootTimeout;

    /// <summary>Initializes a new instance of the <see cref="FixtureStrapControl"/> class.</summary>
    /// <param name="link">The link to the unit.</param>
    /// <param name="fixture">The station's fixture.</param>
    /// <param name="bootTimeout">How long the unit may take to drop the link and answer again; <c>null</c> for <see cref="DefaultBootTimeout"/>.</param>
    public FixtureStrapControl(IWandLink link, ICalibrationActions fixture, TimeSpan? bootTimeout = null)
    {
        this.link = link ?? throw new ArgumentNullException(nameof(link));
        this.fixture = fixture ?? throw new ArgumentNullException(nameof(fixture));
        this.bootTimeout = bootTimeout ?? DefaultBootTimeout;
    }

    /// <inheritdoc/>
    public async Task PowerCycleAsync(bool factoryStrap, CancellationToken cancellationToken = default)
    {
        TaskCompletionSource dropped = new(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStateChanged(object? sender, LinkStateChangedEventArgs change)
        {
            if (change.State is LinkState.Lost or LinkState.Disconnected)
            {
                dropped.TrySetResult();
            }
        }

        using CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(bootTimeout);
        link.StateChanged += OnStateChanged;
        try
        {
            await fixture.PowerCycleAsync(factoryStrap, cancellationToken).ConfigureAwait(false);
            if (link.State == LinkState.Connected)
            {
                // A rebooted unit drops the link; a link that does not notice (a serial line stays open) is closed here.
                try
                {
                    await dropped.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await link.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            link.StateChanged -= OnStateChanged;
        }

        await ReconnectAsync(deadline.Token, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReconnectAsync(CancellationToken deadline, CancellationToken cancellationToken)
    {
        WandHostException? last = null;
        while (!deadline.IsCancellationRequested)
        {
            try
            {
                await link.ConnectAsync(deadline).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (error is DeviceUnreachableException or DeviceBusyException or LinkLostException)
            {
                // Still booting, or the old connection is not yet gone on the unit's side.
                last = (WandHostException)error;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(RetryPause, deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        throw new DeviceUnreachableException(
            $"The unit at {link.Address} did not answer within {bootTimeout.TotalSeconds:0} s of the fixture's power cycle" + (last is null ? "." : ": " + last.Message),
            last);
    }
}
