using System;
using System.Threading;
using System.Threading.Tasks;
using Wand.BleBed.Peripheral;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Core.Gatt;
using Wand.Host.Links;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Wand.Simulation;

namespace Wand.BleBed;

/// <summary>
/// The peripheral side of a bridged wand: the real firmware (<see cref="WandRuntime"/>: controller and GATT server) on
/// a <see cref="VirtualBoard"/>, paced by a timer at <see cref="SpeedFactor"/> × real time. Seen through the
/// <see cref="IWandLink"/> shape so <see cref="GattBridge"/> can serve it; a link to a served virtual wand
/// ('wand sim serve') fits the same place.
/// </summary>
public sealed class VirtualWandPeripheral : IWandLink, IOffsetWrites
{
    /// <summary>Virtual milliseconds run per 20 ms of real time divided by 20: 5 runs five times faster than real time.</summary>
    public const int SpeedFactor = 5;

    /// <summary>How long <see cref="HoldButtonForPairing"/> holds the button, in milliseconds: past the 3 s long hold.</summary>
    public const int PairingHoldMilliseconds = 3500;

    private const int PacingMilliseconds = 20;
    private static readonly DeviceIdentity Identity = new("WandFirmware", "WAND-1", "A", "nanoFramework", "0.1.0");
    private readonly object gate = new();
    private readonly VirtualWand wand;
    private readonly Timer pacer;
    private readonly byte[] buffer = new byte[WandProfile.MaximumValueLength];
    private WandRuntime? runtime;

    /// <param name="head">The attached head, or none.</param>
    /// <param name="batteryVolts">The cell's voltage.</param>
    /// <param name="factoryStrap">Boot with the factory jig strap fitted: the wand starts in factory mode (SR-15).</param>
    public VirtualWandPeripheral(HeadIdentity head, double batteryVolts, bool factoryStrap = false)
    {
        VirtualBoard board = new(BoardProfile.CreateDefault(), new VirtualBoardOptions { BatteryVolts = batteryVolts });
        board.SetFactoryStrap(factoryStrap);
        if (head == HeadIdentity.None)
        {
            board.DetachHead();
        }
        else
        {
            board.AttachHead(head);
        }

        wand = new VirtualWand(board, booted =>
        {
            runtime = new WandRuntime(booted.Profile, booted.Io, Identity, new Sink(this));
            return new RuntimeLoop(runtime);
        });
        wand.RunFor(1000);
        pacer = new Timer(_ => Pace(), null, PacingMilliseconds, PacingMilliseconds);
    }

    /// <summary>
    /// Gets or sets a value indicating whether the timer runs virtual time (the default). Off, virtual time passes only
    /// through <see cref="Run"/>, <see cref="SampleAccelerometer"/> and one control tick per write: a calibration jig's sample clock then is the
    /// wand's clock, as with the host's virtual wand on its virtual clock.
    /// </summary>
    public bool Paced { get; set; } = true;

    /// <inheritdoc/>
    public event EventHandler<LinkStateChangedEventArgs>? StateChanged;

    /// <inheritdoc/>
    public event EventHandler<CharacteristicNotificationEventArgs>? NotificationReceived;

    /// <inheritdoc/>
    public string Address => "virtual";

    /// <inheritdoc/>
    public LinkState State => LinkState.Connected;

    /// <inheritdoc/>
    public IWorldControl? World => null;

    /// <summary>Gets the virtual board the firmware runs on.</summary>
    public VirtualBoard Board => wand.Board;

    /// <summary>Gets the firmware's controller.</summary>
    public WandController Controller
    {
        get
        {
            lock (gate)
            {
                return runtime!.Controller;
            }
        }
    }

    /// <summary>Tells whether the firmware accepts a new pairing now: its pairing window is open (BP-4).</summary>
    /// <returns><c>true</c> within 60 s of a long button press.</returns>
    public bool IsPairingWindowOpen()
    {
        lock (gate)
        {
            return runtime!.Controller.IsPairingWindowOpen();
        }
    }

    /// <summary>Holds the wand's button for <see cref="PairingHoldMilliseconds"/> while no session runs, as a user
    /// opening the pairing window does (BP-4); returns once the firmware has seen the release.</summary>
    public void HoldButtonForPairing()
    {
        lock (gate)
        {
            wand.Board.PressButton(PairingHoldMilliseconds);
            wand.RunFor(PairingHoldMilliseconds + (2 * SafetyLimits.ControlTickMilliseconds));
        }
    }

    /// <summary>A central connected, or the link's encryption changed (BP-4).</summary>
    public void LinkUp(bool encrypted)
    {
        lock (gate)
        {
            runtime!.Gatt.LinkUp(encrypted);
        }

        StateChanged?.Invoke(this, new LinkStateChangedEventArgs(LinkState.Connected, encrypted ? "encrypted" : "open"));
    }

    /// <inheritdoc/>
    public Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        LinkUp(encrypted: false);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            byte error = runtime!.Gatt.Read(IndexOf(characteristic), buffer, out int length);
            return error == 0 ? Task.FromResult(buffer[..length]) : throw new AttErrorException(error, characteristic, $"ATT error 0x{error:X2}");
        }
    }

    /// <inheritdoc/>
    public Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default) =>
        WriteAsync(characteristic, value, 0, kind, cancellationToken);

    /// <inheritdoc/>
    public Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, int offset, WriteKind kind, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            byte error = runtime!.Gatt.Write(IndexOf(characteristic), value.ToArray(), offset, kind == WriteKind.WithResponse);
            if (!Paced)
            {
                // A write takes at least one connection interval; the firmware acts on it at its next control tick.
                wand.RunFor(SafetyLimits.ControlTickMilliseconds);
            }

            return error == 0 ? Task.CompletedTask : throw new AttErrorException(error, characteristic, $"ATT error 0x{error:X2}");
        }
    }

    /// <inheritdoc/>
    public Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            byte error = runtime!.Gatt.SetSubscribed(IndexOf(characteristic), enable);
            return error == 0 ? Task.CompletedTask : throw new AttErrorException(error, characteristic, $"ATT error 0x{error:X2}");
        }
    }

    /// <summary>The central disconnected or the link dropped (SR-11 on the wand's side).</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            runtime!.Gatt.LinkDown();
        }

        StateChanged?.Invoke(this, new LinkStateChangedEventArgs(LinkState.Disconnected, "link down"));
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await pacer.DisposeAsync();
    }

    /// <summary>Runs virtual time now (in addition to the pacing), for tests that wait on the firmware.</summary>
    public void Run(long milliseconds)
    {
        lock (gate)
        {
            wand.RunFor(milliseconds);
        }
    }

    /// <summary>Runs virtual time one millisecond per sample and reads the head accelerometer after each, as a 1 kHz
    /// jig accelerometer clamped to the head would see it.</summary>
    /// <param name="windowMilliseconds">Samples to take, one per virtual millisecond.</param>
    /// <param name="amplitudesG">Receives each sample's amplitude, in g.</param>
    /// <returns>The mean vibration frequency over the window, in hertz.</returns>
    public double SampleAccelerometer(int windowMilliseconds, Action<double> amplitudesG)
    {
        double frequency = 0;
        for (int sample = 0; sample < windowMilliseconds; sample++)
        {
            lock (gate)
            {
                wand.RunFor(1);
                amplitudesG(wand.Board.Accelerometer.ReadAmplitudeG());
                frequency += wand.Board.Accelerometer.ReadFrequencyHertz();
            }
        }

        return windowMilliseconds > 0 ? frequency / windowMilliseconds : 0;
    }

    private void Pace()
    {
        if (Paced)
        {
            Run(PacingMilliseconds * SpeedFactor);
        }
    }

    private static int IndexOf(Guid characteristic)
    {
        int index = WandProfile.IndexOfUuid(characteristic.ToString());
        return index >= 0 ? index : throw new AttErrorException(0x01, characteristic, "No such characteristic in the profile.");
    }

    private sealed class RuntimeLoop(WandRuntime runtime) : IControlLoop
    {
        public void Tick() => runtime.Tick();

        public void CheckLiveness() => runtime.CheckLiveness();
    }

    private sealed class Sink(VirtualWandPeripheral owner) : IGattNotificationSink
    {
        public void Notify(int characteristicIndex, byte[] value, int length) =>
            owner.NotificationReceived?.Invoke(owner, new CharacteristicNotificationEventArgs(new Guid(WandProfile.Characteristic(characteristicIndex).Uuid.Text), value[..length]));
    }
}
