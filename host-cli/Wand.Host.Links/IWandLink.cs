using System;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Links;

/// <summary>
/// A connection to one wand, whatever the transport: the in-process virtual wand, a framed byte stream (TCP, Unix
/// socket, serial) or BLE through BlueZ. Host code talks only to this seam. Characteristics are addressed by UUID as
/// the profile (<c>protocol/PROFILE.md</c>) defines them.
/// </summary>
public interface IWandLink : IAsyncDisposable
{
    /// <summary>Gets the address this link was opened with, for example <c>sim</c> or <c>tcp://127.0.0.1:4711</c>.</summary>
    string Address { get; }

    /// <summary>Gets the current link state.</summary>
    LinkState State { get; }

    /// <summary>Gets the control of the simulated world when the wand is virtual; <c>null</c> for real hardware.</summary>
    IWorldControl? World { get; }

    /// <summary>Raised when <see cref="State"/> changes, including an unexpected loss of the link.</summary>
    event EventHandler<LinkStateChangedEventArgs>? StateChanged;

    /// <summary>Raised for every notification from a subscribed characteristic.</summary>
    event EventHandler<CharacteristicNotificationEventArgs>? NotificationReceived;

    /// <summary>Opens the link.</summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A task that completes when the link is usable.</returns>
    /// <exception cref="DeviceUnreachableException">The wand could not be reached.</exception>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads a characteristic's value.</summary>
    /// <param name="characteristic">Characteristic UUID.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The value bytes.</returns>
    /// <exception cref="AttErrorException">The wand answered with an ATT error.</exception>
    /// <exception cref="LinkLostException">The link dropped or the request timed out.</exception>
    Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default);

    /// <summary>Writes a characteristic's value.</summary>
    /// <param name="characteristic">Characteristic UUID.</param>
    /// <param name="value">The bytes to write.</param>
    /// <param name="kind">Write request (acknowledged) or write command.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the wand acknowledged (request) or the bytes were sent (command).</returns>
    /// <exception cref="AttErrorException">The wand refused the write.</exception>
    /// <exception cref="LinkLostException">The link dropped or the request timed out.</exception>
    Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default);

    /// <summary>Enables or disables notifications of a characteristic.</summary>
    /// <param name="characteristic">Characteristic UUID.</param>
    /// <param name="enable"><c>true</c> to subscribe.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the subscription changed.</returns>
    Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default);

    /// <summary>Closes the link deliberately.</summary>
    /// <param name="cancellationToken">Cancels the close.</param>
    /// <returns>A task that completes when the link is closed.</returns>
    Task DisconnectAsync(CancellationToken cancellationToken = default);
}
