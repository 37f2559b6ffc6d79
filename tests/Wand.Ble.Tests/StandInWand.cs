using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Links.Ble;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

namespace Wand.Ble.Tests;

/// <summary>
/// The wand the test bed bridges to until a served virtual wand ('wand sim serve') is available: the real protocol
/// codecs (control point validation, status and battery layouts) over a minimal session state. Replace with a link to
/// the served virtual wand when it lands; <see cref="GattBridge"/> takes any <see cref="IWandLink"/>.
/// </summary>
public sealed class StandInWand(HeadIdentity head, int batteryPercent) : IWandLink
{
    private readonly HashSet<Guid> subscribed = [];

    public event EventHandler<LinkStateChangedEventArgs>? StateChanged;

    public event EventHandler<CharacteristicNotificationEventArgs>? NotificationReceived;

    public string Address => "stand-in";

    public LinkState State => LinkState.Connected;

    public IWorldControl? World => null;

    public SessionState Session { get; private set; } = SessionState.Idle;

    public int Level { get; private set; }

    public StopReason LastStopReason { get; private set; }

    public Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        StateChanged?.Invoke(this, new LinkStateChangedEventArgs(LinkState.Connected, string.Empty));
        return Task.CompletedTask;
    }

    public Task<byte[]> ReadAsync(Guid characteristic, CancellationToken cancellationToken = default)
    {
        if (characteristic == WandGattUuids.Status)
        {
            return Task.FromResult(EncodeStatus());
        }

        if (characteristic == WandGattUuids.BatteryLevel)
        {
            byte[] value = new byte[BatteryLevel.Length];
            BatteryLevel.Encode(value, 0, batteryPercent);
            return Task.FromResult(value);
        }

        throw new AttErrorException((byte)AttError.RequestNotSupported, characteristic, "The stand-in wand serves only status, control point and battery level.");
    }

    public Task WriteAsync(Guid characteristic, ReadOnlyMemory<byte> value, WriteKind kind, CancellationToken cancellationToken = default)
    {
        if (characteristic != WandGattUuids.ControlPoint)
        {
            throw new AttErrorException((byte)AttError.WriteNotPermitted, characteristic, "Write not permitted.");
        }

        byte[] bytes = value.ToArray();
        ControlPointCommand command = new();
        AttError error = command.Decode(bytes, 0, bytes.Length);
        if (error != AttError.Success)
        {
            throw new AttErrorException((byte)error, characteristic, error.ToString());
        }

        CommandResult result = command.Opcode switch
        {
            ControlPointOpcode.StartSession when head == HeadIdentity.None => CommandResult.NoHead,
            ControlPointOpcode.StartSession => Start(command.Level),
            ControlPointOpcode.StopSession when Session == SessionState.Idle => CommandResult.NotRunning,
            ControlPointOpcode.StopSession => Stop(),
            _ => CommandResult.Failed,
        };
        ControlPointResponse response = new();
        response.Set(command.Opcode, result, 0);
        byte[] encoded = new byte[ControlPointResponse.Length];
        response.Encode(encoded, 0);
        Notify(WandGattUuids.ControlPoint, encoded);
        if (result == CommandResult.Success)
        {
            Notify(WandGattUuids.Status, EncodeStatus());
        }

        return Task.CompletedTask;
    }

    public Task SubscribeAsync(Guid characteristic, bool enable, CancellationToken cancellationToken = default)
    {
        lock (subscribed)
        {
            _ = enable ? subscribed.Add(characteristic) : subscribed.Remove(characteristic);
        }

        return Task.CompletedTask;
    }

    /// <summary>The BLE link went down: a session started over BLE stops (SR-11), subscriptions end.</summary>
    public Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        if (Session != SessionState.Idle)
        {
            (Session, Level, LastStopReason) = (SessionState.Idle, 0, StopReason.LinkLost);
        }

        lock (subscribed)
        {
            subscribed.Clear();
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static StatusReport DecodeStatus(byte[] value)
    {
        StatusReport report = new();
        AttError error = report.Decode(value, 0, value.Length);
        return error == AttError.Success ? report : throw new InvalidOperationException($"Status did not decode: {error}.");
    }

    public static ControlPointResponse DecodeResponse(byte[] value)
    {
        ControlPointResponse response = new();
        AttError error = response.Decode(value, 0, value.Length);
        return error == AttError.Success ? response : throw new InvalidOperationException($"Response did not decode: {error}.");
    }

    private CommandResult Start(int level)
    {
        (Session, Level) = (SessionState.Running, level);
        return CommandResult.Success;
    }

    private CommandResult Stop()
    {
        (Session, Level, LastStopReason) = (SessionState.Idle, 0, StopReason.RemoteCommand);
        return CommandResult.Success;
    }

    private byte[] EncodeStatus()
    {
        StatusReport report = new()
        {
            State = Session,
            Source = Session == SessionState.Idle ? SessionSource.None : SessionSource.Remote,
            TargetLevel = Level,
            Head = head,
            BatteryMillivolts = 3900,
            HeadTemperatureCentidegrees = 2500,
            BatteryPercent = batteryPercent,
            LastStopReason = LastStopReason,
        };
        byte[] value = new byte[StatusReport.Length];
        report.Encode(value, 0);
        return value;
    }

    private void Notify(Guid characteristic, byte[] value)
    {
        bool wanted;
        lock (subscribed)
        {
            wanted = subscribed.Contains(characteristic);
        }

        if (wanted)
        {
            NotificationReceived?.Invoke(this, new CharacteristicNotificationEventArgs(characteristic, value));
        }
    }
}
