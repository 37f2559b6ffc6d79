using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;

namespace Wand.Calibration.Tests.Fakes;

/// <summary>A link whose wand's strap and power the host cannot control, as with real hardware.</summary>
internal sealed class LinkWithoutStrap(IWandLink inner) : IWandLink
{
    public string Address => "serial:/dev/ttyTEST0";

    public LinkState State => inner.State;

    public IWorldControl? World => null;

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

    public Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default) => inner.ReadAsync(characteristic, cancellationToken);

    public Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default) =>
        inner.WriteAsync(characteristic, value, kind, cancellationToken);

    public Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default) => inner.SubscribeAsync(characteristic, enable, cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken = default) => inner.DisconnectAsync(cancellationToken);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
