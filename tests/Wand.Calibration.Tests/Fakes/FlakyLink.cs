using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;

namespace Wand.Calibration.Tests.Fakes;

/// <summary>When the link drops relative to the calibration write.</summary>
public enum DropPoint
{
    /// <summary>The write request never reaches the wand.</summary>
    BeforeWrite,

    /// <summary>The wand stores the record, but the acknowledgement is lost.</summary>
    AfterWrite,
}

/// <summary>A virtual wand link that drops (the wand sees a disconnect) at the calibration write.</summary>
internal sealed class FlakyLink(SimulatedWandLink inner, Guid dropOnWriteTo, DropPoint point) : IWandLink, IFactoryStrapControl
{
    private LinkState? lost;

    public string Address => inner.Address;

    public LinkState State => lost ?? inner.State;

    public IWorldControl? World => inner.World;

    public event EventHandler<LinkStateChangedEventArgs>? StateChanged
    {
        add => inner.StateChanged += value;
        remove => inner.StateChanged -= value;
    }

    public event EventHandler<CharacteristicNotificationEventArgs>? NotificationReceived
    {
        add => inner.NotificationReceived += value;
        remove => inner.NotificationReceived -= value;
    }

    public Task ConnectAsync(CancellationToken cancellationToken = default) => inner.ConnectAsync(cancellationToken);

    public Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default)
    {
        ThrowIfLost();
        return inner.ReadAsync(characteristic, cancellationToken);
    }

    public async Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default)
    {
        ThrowIfLost();
        if (characteristic == dropOnWriteTo)
        {
            if (point == DropPoint.AfterWrite)
            {
                await inner.WriteAsync(characteristic, value, kind, cancellationToken);
            }

            await DropAsync();
            throw new LinkLostException("The link dropped during the write (test).");
        }

        await inner.WriteAsync(characteristic, value, kind, cancellationToken);
    }

    public Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default) =>
        inner.SubscribeAsync(characteristic, enable, cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken = default) => inner.DisconnectAsync(cancellationToken);

    public Task PowerCycleAsync(bool factoryStrap, CancellationToken cancellationToken = default)
    {
        ThrowIfLost();
        return inner.PowerCycleAsync(factoryStrap, cancellationToken);
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task DropAsync()
    {
        lost = LinkState.Lost;
        await inner.DisconnectAsync();
    }

    private void ThrowIfLost()
    {
        if (lost is not null)
        {
            throw new LinkLostException("The link is down (test).");
        }
    }
}
