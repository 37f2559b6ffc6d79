using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Core.Hardware;
using Wand.Protocol.Factory;
using Wand.Protocol.Host;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Wand.Simulation;

namespace Wand.Host.Links.Simulated;

/// <summary>
/// An in-process virtual wand (address <c>sim</c>): the real firmware logic on a simulated board, reached through the
/// same GATT server the BLE adapter uses. The link counts as encrypted (it never leaves the process). Thread-safe: one
/// lock serialises requests, world changes and the real-time loop.
/// </summary>
public sealed partial class SimulatedWandLink : IWandLink
{
    /// <summary>Virtual time run at connect so sensors settle and the head is confirmed, in milliseconds.</summary>
    public const int BootSettleMilliseconds = 500;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SimulatedWandOptions options;
    private readonly byte[] readBuffer = new byte[WandProfile.MaximumValueLength];
    private readonly HashSet<int> subscribed = [];

    /// <summary>Initializes a new instance of the <see cref="SimulatedWandLink"/> class and builds (but does not boot) the wand.</summary>
    /// <param name="options">The starting world; <c>null</c> for a typical calibrated unit with the soft-dome head.</param>
    public SimulatedWandLink(SimulatedWandOptions? options = null)
    {
        this.options = options ?? new SimulatedWandOptions();
        Wand = CreateWand(this.options);
        Wand.Notifications.Notified += OnNotified;
    }

    /// <inheritdoc/>
    public string Address => "sim";

    /// <inheritdoc/>
    public LinkState State { get; private set; } = LinkState.Disconnected;

    /// <inheritdoc/>
    public IWorldControl? World => this;

    /// <summary>Gets the virtual wand. Hold no reference across requests in real-time mode; the link's lock guards it.</summary>
    public VirtualWand Wand { get; }

    /// <inheritdoc/>
    public event EventHandler<LinkStateChangedEventArgs>? StateChanged;

    /// <inheritdoc/>
    public event EventHandler<CharacteristicNotificationEventArgs>? NotificationReceived;

    /// <inheritdoc/>
    public Task ConnectAsync(CancellationToken cancellationToken = default) => LinkUpAsync(encrypted: true, cancellationToken);

    /// <summary>
    /// Connects as a BLE central's link does: the firmware hears of a link that is encrypted (bonded) or not (BP-4), and
    /// the wand's clock runs in <see cref="SimulatedClockMode.RealTime"/>. <see cref="ConnectAsync"/> is an encrypted link.
    /// </summary>
    /// <param name="encrypted"><c>true</c> when the link is encrypted with a bonded key.</param>
    /// <param name="cancellationToken">Cancels the wait for the wand.</param>
    /// <returns>A task that completes when the firmware knows.</returns>
    public async Task LinkUpAsync(bool encrypted, CancellationToken cancellationToken = default)
    {
        await WithWandAsync(
            wand =>
            {
                if (wand.Now < BootSettleMilliseconds)
                {
                    wand.RunFor(BootSettleMilliseconds - wand.Now);
                }

                Runtime(wand).Gatt.LinkUp(encrypted);
            },
            cancellationToken).ConfigureAwait(false);
        SetState(LinkState.Connected, string.Empty);
        if (options.ClockMode == SimulatedClockMode.RealTime)
        {
            StartRealTime();
        }
    }

    /// <inheritdoc/>
    public async Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default)
    {
        int index = IndexOf(characteristic);
        byte[]? value = null;
        await WithWandAsync(
            wand =>
            {
                byte error = Runtime(wand).Gatt.Read(index, readBuffer, out int length);
                ThrowIfError(error, characteristic);
                value = readBuffer.AsSpan(0, length).ToArray();
            },
            cancellationToken).ConfigureAwait(false);
        return value!;
    }

    /// <inheritdoc/>
    public Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default)
    {
        int index = IndexOf(characteristic);
        byte[] bytes = value.ToArray();
        return WithWandAsync(
            wand =>
            {
                byte error = Runtime(wand).Gatt.Write(index, bytes, 0, kind == WriteKind.WithResponse);
                if (kind == WriteKind.WithResponse)
                {
                    ThrowIfError(error, characteristic);
                }

                AdvanceIfVirtual(wand, SafetyLimits.ControlTickMilliseconds);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default)
    {
        int index = IndexOf(characteristic);
        return WithWandAsync(
            wand =>
            {
                WandRuntime runtime = Runtime(wand);
                byte error = runtime.Gatt.SetSubscribed(index, enable);
                if (error != 0)
                {
                    throw new AttErrorException(error, characteristic, $"Notifications of this characteristic cannot be enabled (ATT error 0x{error:X2}).");
                }

                if (enable)
                {
                    subscribed.Add(index);
                }
                else
                {
                    subscribed.Remove(index);
                }
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        await StopRealTimeAsync().ConfigureAwait(false);
        await WithWandAsync(wand => Runtime(wand).Gatt.LinkDown(), cancellationToken).ConfigureAwait(false);
        SetState(LinkState.Disconnected, string.Empty);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (State == LinkState.Connected)
        {
            await DisconnectAsync().ConfigureAwait(false);
        }

        await StopRealTimeAsync().ConfigureAwait(false);
        Wand.Notifications.Notified -= OnNotified;
        gate.Dispose();
    }

    internal static VirtualWand CreateWand(SimulatedWandOptions options)
    {
        VirtualBoardOptions boardOptions = new()
        {
            Seed = options.Seed,
            Motor = options.Motor,
            MotorSpread = options.MotorSpread,
            BatteryVolts = options.BatteryVolts,
            SensorCalibrated = options.SensorCalibrated,
            Defect = options.Defect,
        };
        VirtualWandOptions wandOptions = new();
        BoardProfile profile = BoardProfile.CreateDefault();
        VirtualBoard probe = new(profile, boardOptions);
        if (options.Calibrated)
        {
            // Written before boot, as the factory station would have.
            probe.StoreCalibration(IdealCalibration.For(options.CalibrationMotor ?? probe.CalibratedMotorParameters));
        }

        if (!string.IsNullOrEmpty(options.SerialNumber))
        {
            // Provisioned as the factory station would have: the Identity slot holds the ASCII serial.
            SerialNumber serial = new();
            byte[] text = System.Text.Encoding.ASCII.GetBytes(options.SerialNumber);
            if (serial.Decode(text, 0, text.Length) != AttError.Success)
            {
                throw new ArgumentException($"The serial number '{options.SerialNumber}' must be 1 to 16 characters of A-Z, 0-9 and '-'.", nameof(options));
            }

            probe.Storage.Write(StorageSlot.Identity, text, text.Length);
        }

        ApplyWorld(probe, options);
        NotificationBroadcaster relay = new();
        return new VirtualWand(probe, board => new WandControllerLoop(board, relay), wandOptions, relay);
    }

    private static void ApplyWorld(VirtualBoard board, SimulatedWandOptions options)
    {
        if (options.Head == HeadIdentity.None)
        {
            board.DetachHead();
        }
        else
        {
            board.AttachHead(options.Head);
        }

        if (options.TemperatureCelsius is double celsius)
        {
            board.ForceHeadTemperature(celsius);
        }

        board.SetUsbPower(options.UsbPlugged);
        board.SetFactoryStrap(options.FactoryMode);
    }

    private static WandRuntime Runtime(VirtualWand wand)
    {
        return wand.Runtime ?? throw new LinkLostException("The virtual wand's firmware is not running.");
    }

    private static int IndexOf(Guid characteristic)
    {
        CharacteristicDefinition definition = GattUuidConversions.FindCharacteristic(characteristic)
            ?? throw new AttErrorException((byte)AttError.InvalidHandle, characteristic, $"The profile has no characteristic {characteristic}.");
        return definition.Index;
    }

    private static void ThrowIfError(byte error, Guid characteristic)
    {
        if (error != 0)
        {
            throw new AttErrorException(error, characteristic, AttErrorText.Describe(error));
        }
    }

    private void AdvanceIfVirtual(VirtualWand wand, long milliseconds)
    {
        if (options.ClockMode == SimulatedClockMode.Virtual)
        {
            wand.RunFor(milliseconds);
        }
    }

    private void OnNotified(object? sender, GattNotification notification)
    {
        CharacteristicDefinition definition = WandProfile.Characteristic(notification.CharacteristicIndex);
        NotificationReceived?.Invoke(this, new CharacteristicNotificationEventArgs(definition.Uuid.ToGuid(), notification.Value));
    }

    private void SetState(LinkState state, string reason)
    {
        if (State != state)
        {
            State = state;
            StateChanged?.Invoke(this, new LinkStateChangedEventArgs(state, reason));
        }
    }

    private async Task WithWandAsync(Action<VirtualWand> action, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            action(Wand);
        }
        finally
        {
            gate.Release();
        }
    }
}
