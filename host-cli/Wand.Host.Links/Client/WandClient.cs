using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Client;

/// <summary>
/// A typed client of one wand over any <see cref="IWandLink"/>: sessions, status, settings, head, limits, fault log
/// and Device Information, encoded and decoded with the protocol library. Control-point commands go through
/// <see cref="ControlPointExchange"/>, waiting for their result notification (PROFILE.md §6.1), and turn refusals
/// into <see cref="CommandRefusedException"/>. Not
/// thread-safe: one caller at a time.
/// </summary>
public sealed partial class WandClient : IAsyncDisposable
{
    /// <summary>How long a control-point command waits for its result notification after the write response.</summary>
    public static readonly TimeSpan CommandResultTimeout = TimeSpan.FromSeconds(2);

    private static readonly Guid ControlPoint = ControlPointExchange.ControlPoint;
    private static readonly Guid Status = CharacteristicMap.UuidOf(WandProfile.StatusIndex);
    private static readonly Guid Settings = CharacteristicMap.UuidOf(WandProfile.SettingsIndex);
    private static readonly Guid Head = CharacteristicMap.UuidOf(WandProfile.HeadIndex);
    private static readonly Guid Limits = CharacteristicMap.UuidOf(WandProfile.LimitsIndex);
    private static readonly Guid FaultLog = CharacteristicMap.UuidOf(WandProfile.FaultLogIndex);
    private static readonly Guid Version = CharacteristicMap.UuidOf(WandProfile.ProtocolVersionIndex);

    private readonly object sync = new();
    private readonly bool ownsLink;
    private TaskCompletionSource<byte[]>? awaitedResult;
    private ControlPointOpcode awaitedOpcode;
    private bool controlPointSubscribed;

    /// <summary>Initializes a new instance of the <see cref="WandClient"/> class over a connected link.</summary>
    /// <param name="link">The link; it must be connected.</param>
    /// <param name="ownsLink"><c>true</c> to disconnect and dispose the link with the client.</param>
    public WandClient(IWandLink link, bool ownsLink = false)
    {
        Link = link ?? throw new ArgumentNullException(nameof(link));
        this.ownsLink = ownsLink;
        Link.NotificationReceived += OnNotification;
    }

    /// <summary>Gets the link.</summary>
    public IWandLink Link { get; }

    /// <summary>Creates the link for an address, connects it and wraps it in a client that owns it.</summary>
    /// <param name="factory">The link factory.</param>
    /// <param name="address">The device address (HC-1).</param>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    /// <returns>The connected client.</returns>
    /// <exception cref="InvalidDeviceAddressException">The address is malformed.</exception>
    /// <exception cref="DeviceUnreachableException">The wand could not be reached.</exception>
    public static async Task<WandClient> ConnectAsync(WandLinkFactory factory, string address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        IWandLink link = factory.Create(address);
        try
        {
            await link.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await link.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new WandClient(link, ownsLink: true);
    }

    /// <summary>Reads the status.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The decoded status.</returns>
    public async Task<WandStatus> ReadStatusAsync(CancellationToken cancellationToken = default)
    {
        byte[] value = await Link.ReadAsync(Status, cancellationToken).ConfigureAwait(false);
        return DecodeStatus(value);
    }

    /// <summary>Starts a session (a remote session: it stops within 2 s when the link drops, SR-11).</summary>
    /// <param name="level">Level, 1 to 5.</param>
    /// <param name="pattern">Pattern.</param>
    /// <param name="durationSeconds">Session length, 60 to 900 s, or 0 for the configured default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome, as the wand notified it (read the status for the session length granted).</returns>
    /// <exception cref="AttErrorException">A value is out of range (0x81–0x83).</exception>
    /// <exception cref="CommandRefusedException">The wand refused to start (no head, charging, busy, …).</exception>
    public Task<CommandOutcome> StartAsync(int level, PatternKind pattern, int durationSeconds, CancellationToken cancellationToken = default)
    {
        ControlPointCommand command = new();
        command.SetStart(level, pattern, durationSeconds);
        return SendCommandAsync(command, cancellationToken);
    }

    /// <summary>Stops the running session (it ramps down).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    /// <exception cref="CommandRefusedException">Nothing was running.</exception>
    public Task<CommandOutcome> StopAsync(CancellationToken cancellationToken = default)
    {
        ControlPointCommand command = new();
        command.SetStop();
        return SendCommandAsync(command, cancellationToken);
    }

    /// <summary>Changes the running session's level.</summary>
    /// <param name="level">Level, 1 to 5.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome, as the wand notified it.</returns>
    public Task<CommandOutcome> SetLevelAsync(int level, CancellationToken cancellationToken = default)
    {
        ControlPointCommand command = new();
        command.SetLevelChange(level);
        return SendCommandAsync(command, cancellationToken);
    }

    /// <summary>Changes the running session's pattern.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The outcome.</returns>
    public Task<CommandOutcome> SetPatternAsync(PatternKind pattern, CancellationToken cancellationToken = default)
    {
        ControlPointCommand command = new();
        command.SetPatternChange(pattern);
        return SendCommandAsync(command, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Link.NotificationReceived -= OnNotification;
        if (ownsLink)
        {
            await Link.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task<CommandOutcome> SendCommandAsync(ControlPointCommand command, CancellationToken cancellationToken)
    {
        if (!controlPointSubscribed)
        {
            await Link.SubscribeAsync(ControlPoint, true, cancellationToken).ConfigureAwait(false);
            controlPointSubscribed = true;
        }

        TaskCompletionSource<byte[]> result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (sync)
        {
            awaitedResult = result;
            awaitedOpcode = command.Opcode;
        }

        try
        {
            CommandOutcome outcome = await ControlPointExchange.SendAsync(
                Link, command, token => WaitForResultAsync(result, token), (long)CommandResultTimeout.TotalMilliseconds, cancellationToken).ConfigureAwait(false);
            return outcome.Result == CommandResult.Success ? outcome : throw new CommandRefusedException(outcome);
        }
        finally
        {
            lock (sync)
            {
                awaitedResult = null;
            }
        }
    }

    private static async Task<byte[]?> WaitForResultAsync(TaskCompletionSource<byte[]> result, CancellationToken cancellationToken)
    {
        try
        {
            return await result.Task.WaitAsync(CommandResultTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private void OnNotification(object? sender, CharacteristicNotificationEventArgs notification)
    {
        if (notification.Characteristic == ControlPoint)
        {
            ControlPointResponse response = new();
            byte[] value = notification.Value.ToArray();
            if (response.Decode(value, 0, value.Length) != AttError.Success)
            {
                return;
            }

            lock (sync)
            {
                if (awaitedResult is not null && response.Opcode == awaitedOpcode)
                {
                    awaitedResult.TrySetResult(value);
                }
            }

            return;
        }

        if (notification.Characteristic == Routine)
        {
            OnRoutineNotification(notification.Value.ToArray());
            return;
        }

        if (notification.Characteristic == Status)
        {
            byte[] value = notification.Value.ToArray();
            StatusReport report = new();
            if (report.Decode(value, 0, value.Length) == AttError.Success)
            {
                StatusChanged?.Invoke(this, WandStatus.From(report));
            }
        }
    }

    private WandStatus DecodeStatus(byte[] value)
    {
        StatusReport report = new();
        if (report.Decode(value, 0, value.Length) != AttError.Success)
        {
            throw new ProtocolViolationException($"{Link.Address} sent a status of {value.Length} bytes; the profile needs {StatusReport.Length}.");
        }

        return WandStatus.From(report);
    }
}
