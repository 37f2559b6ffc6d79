using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.Links.Ble;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Wand.BleBed;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>The BLE link end to end over the mocked BlueZ: status, start, stop and the error paths.</summary>
[Collection(TestBedGroup.Name)]
public sealed class BleWandLinkTests(TestBed bed)
{
    private static readonly byte[] Start1 = Payloads.Command(command => command.SetStart(1, PatternKind.Wave, ValueRanges.DefaultSessionDuration));
    private static readonly byte[] Stop = Payloads.Command(command => command.SetStop());

    [Fact]
    public async Task Connect_WandOnlyInRange_DiscoversConnectsPairsAndReadsStatus()
    {
        VirtualWandPeripheral wand = await bed.AddWandAsync("AA:00:00:00:00:01", "Wand-A1");
        await using BleWandLink link = NewLink("AA:00:00:00:00:01");
        List<LinkState> states = [];
        link.StateChanged += (_, change) => states.Add(change.State);

        await link.ConnectAsync();

        Assert.Equal([LinkState.Connecting, LinkState.Connected], states);
        StatusReport status = Payloads.Status(await link.ReadAsync(WandGattUuids.Status));
        Assert.Equal(SessionState.Idle, status.State);
        Assert.Equal(HeadIdentity.SoftDome, status.Head);
        Assert.Equal(wand.Controller.BatteryPercent, status.BatteryPercent);
        Assert.Equal(new byte[] { (byte)wand.Controller.BatteryPercent }, await link.ReadAsync(WandGattUuids.BatteryLevel));
        Assert.Equal(WandProfile.CharacteristicCount, link.Characteristics.Count);
        string device = "/org/bluez/hci0/dev_AA_00_00_00_00_01";
        Assert.Contains("Pair", await bed.MethodCallsAsync(device));
        Assert.Contains("StartDiscovery", await bed.MethodCallsAsync("/org/bluez/hci0"));
        Assert.Contains("RegisterAgent", await bed.MethodCallsAsync("/org/bluez"));
    }

    [Fact]
    public async Task StartStop_ThroughControlPoint_NotifyResultAndStatus()
    {
        await bed.AddWandAsync("AA:00:00:00:00:02", "Wand-A2", known: true);
        await using BleWandLink link = NewLink("AA:00:00:00:00:02");
        await link.ConnectAsync();
        NotificationCollector notifications = new(link);
        await link.SubscribeAsync(WandGattUuids.ControlPoint, true);
        await link.SubscribeAsync(WandGattUuids.Status, true);

        await link.WriteAsync(WandGattUuids.ControlPoint, Start1, WriteKind.WithResponse);

        ControlPointResponse started = Payloads.Response(await notifications.NextAsync(WandGattUuids.ControlPoint));
        Assert.Equal((ControlPointOpcode.StartSession, CommandResult.Success), (started.Opcode, started.Result));
        StatusReport running = await notifications.StatusAsync(status => status.State == SessionState.Running);
        Assert.Equal((1, SessionSource.Remote), (running.TargetLevel, running.Source));
        Assert.Equal(SessionState.Running, Payloads.Status(await link.ReadAsync(WandGattUuids.Status)).State);

        await link.WriteAsync(WandGattUuids.ControlPoint, Stop, WriteKind.WithResponse);

        ControlPointResponse stopped = Payloads.Response(await notifications.NextAsync(WandGattUuids.ControlPoint));
        Assert.Equal((ControlPointOpcode.StopSession, CommandResult.Success), (stopped.Opcode, stopped.Result));
        StatusReport idle = await notifications.StatusAsync(status => status.State == SessionState.Idle);
        Assert.Equal(StopReason.RemoteCommand, idle.LastStopReason);
    }

    [Fact]
    public async Task Write_OutOfRangeLevel_IsAttErrorFromTheWand()
    {
        await bed.AddWandAsync("AA:00:00:00:00:03", "Wand-A3", known: true);
        await using BleWandLink link = NewLink("AA:00:00:00:00:03");
        await link.ConnectAsync();

        byte[] level9 = (byte[])Start1.Clone();
        level9[1] = 9;
        AttErrorException error = await Assert.ThrowsAsync<AttErrorException>(() => link.WriteAsync(WandGattUuids.ControlPoint, level9, WriteKind.WithResponse));
        Assert.Equal((byte)AttError.LevelOutOfRange, error.ErrorCode);
        Assert.Equal(WandGattUuids.ControlPoint, error.Characteristic);

        AttErrorException length = await Assert.ThrowsAsync<AttErrorException>(() => link.WriteAsync(WandGattUuids.ControlPoint, Start1.AsMemory(0, 2), WriteKind.WithResponse));
        Assert.Equal((byte)AttError.InvalidAttributeValueLength, length.ErrorCode);

        AttErrorException readOnly = await Assert.ThrowsAsync<AttErrorException>(() => link.WriteAsync(WandGattUuids.Status, new byte[] { 0 }, WriteKind.WithResponse));
        Assert.Equal((byte)AttError.WriteNotPermitted, readOnly.ErrorCode);
    }

    [Fact]
    public async Task Bridge_ToTheHostsSimulatedWandLink_StartsAndStops()
    {
        await using SimulatedWandLink simulated = new(new SimulatedWandOptions { ClockMode = SimulatedClockMode.RealTime });
        await bed.AddBridgedWandAsync("AA:00:00:00:00:0E", "Wand-AE", simulated);
        await using BleWandLink link = NewLink("AA:00:00:00:00:0E");
        await link.ConnectAsync();
        NotificationCollector notifications = new(link);
        await link.SubscribeAsync(WandGattUuids.ControlPoint, true);

        await link.WriteAsync(WandGattUuids.ControlPoint, Start1, WriteKind.WithResponse);
        ControlPointResponse started = Payloads.Response(await notifications.NextAsync(WandGattUuids.ControlPoint));
        await link.WriteAsync(WandGattUuids.ControlPoint, Stop, WriteKind.WithResponse);
        ControlPointResponse stopped = Payloads.Response(await notifications.NextAsync(WandGattUuids.ControlPoint));

        Assert.Equal((ControlPointOpcode.StartSession, CommandResult.Success), (started.Opcode, started.Result));
        Assert.Equal((ControlPointOpcode.StopSession, CommandResult.Success), (stopped.Opcode, stopped.Result));
    }

    [Fact]
    public async Task Start_WithoutHead_IsRefusedByTheFirmwareWithStateError()
    {
        await bed.AddWandAsync("AA:00:00:00:00:0C", "Wand-AC", known: true, head: HeadIdentity.None);
        await using BleWandLink link = NewLink("AA:00:00:00:00:0C");
        await link.ConnectAsync();

        AttErrorException error = await Assert.ThrowsAsync<AttErrorException>(() => link.WriteAsync(WandGattUuids.ControlPoint, Start1, WriteKind.WithResponse));

        Assert.Equal(0x90 + (int)CommandResult.NoHead, error.ErrorCode);
    }

    /// <summary>An unpaired link to a wand whose pairing window is closed: BlueZ's own pairing (src/shared/att.c
    /// change_security) is refused, and on BlueZ 5.71 and later, which retries once, the read fails NotPermitted "Not
    /// paired" (5.66 keeps retrying: AutomaticPairingTests).</summary>
    [Fact]
    public async Task BP4_UnpairedLink_WindowClosed_CannotReadTheWandService()
    {
        await bed.AddWandAsync("AA:00:00:00:00:0D", "Wand-AD", known: true, holdButtonForPairing: false);
        await bed.SetBehaviourAsync("AA:00:00:00:00:0D", "security-retry", "once");
        await using BleWandLink link = new("ble:AA:00:00:00:00:0D", new BleLinkOptions { BusAddress = bed.BusAddress, Pair = false, RequestTimeout = TimeSpan.FromSeconds(5) });
        await link.ConnectAsync();

        AttErrorException error = await Assert.ThrowsAsync<AttErrorException>(() => link.ReadAsync(WandGattUuids.Status));

        // BlueZ reports 0x05, 0x0C and 0x0F all as NotPermitted "Not paired"; the link reports 0x05.
        Assert.Equal((byte)AttError.InsufficientAuthentication, error.ErrorCode);
        Assert.Single(await link.ReadAsync(WandGattUuids.BatteryLevel));
    }

    [Fact]
    public async Task Write_BlueZFailure_IsBlueZOperationErrorAndLinkStaysUsable()
    {
        await bed.AddWandAsync("AA:00:00:00:00:04", "Wand-A4", known: true);
        await using BleWandLink link = NewLink("AA:00:00:00:00:04");
        await link.ConnectAsync();
        await bed.SetBehaviourAsync("AA:00:00:00:00:04", "write-error", "org.bluez.Error.Failed|Operation failed");

        BlueZOperationException error = await Assert.ThrowsAsync<BlueZOperationException>(() => link.WriteAsync(WandGattUuids.ControlPoint, Start1, WriteKind.WithResponse));

        Assert.Contains("Operation failed", error.Message, StringComparison.Ordinal);
        Assert.Equal(LinkState.Connected, link.State);
        await link.WriteAsync(WandGattUuids.ControlPoint, Start1, WriteKind.WithResponse);
    }

    [Fact]
    public async Task Connect_DeviceNotFound_IsUnreachableWithWandNotFound()
    {
        await using BleWandLink link = NewLink("AA:00:00:00:00:EE", discoverySeconds: 1);

        DeviceUnreachableException error = await Assert.ThrowsAsync<DeviceUnreachableException>(() => link.ConnectAsync());

        Assert.IsType<WandNotFoundException>(error.InnerException);
        Assert.Contains("AA:00:00:00:00:EE", error.Message, StringComparison.Ordinal);
        Assert.Equal(LinkState.Disconnected, link.State);
        Assert.Contains("StopDiscovery", await bed.MethodCallsAsync("/org/bluez/hci0"));
    }

    [Fact]
    public async Task Connect_PairingWindowClosed_IsUnreachableWithPairingRefused()
    {
        // No long button press: the wand refuses the pairing Pair starts (BP-4).
        await bed.AddWandAsync("AA:00:00:00:00:05", "Wand-A5", known: true, holdButtonForPairing: false);
        await using BleWandLink link = NewLink("AA:00:00:00:00:05");

        DeviceUnreachableException error = await Assert.ThrowsAsync<DeviceUnreachableException>(() => link.ConnectAsync());

        PairingRefusedException refused = Assert.IsType<PairingRefusedException>(error.InnerException);
        Assert.Contains("long button press", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Disconnect", await bed.MethodCallsAsync("/org/bluez/hci0/dev_AA_00_00_00_00_05"));
    }

    [Fact]
    public async Task SR11_LinkLostMidSession_IsReportedAndReconnectRestoresSubscriptions()
    {
        await bed.AddWandAsync("AA:00:00:00:00:06", "Wand-A6", known: true);
        await using BleWandLink link = NewLink("AA:00:00:00:00:06");
        await link.ConnectAsync();
        await link.SubscribeAsync(WandGattUuids.Status, true);
        await link.WriteAsync(WandGattUuids.ControlPoint, Start1, WriteKind.WithResponse);
        TaskCompletionSource<LinkStateChangedEventArgs> lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
        link.StateChanged += (_, change) =>
        {
            if (change.State == LinkState.Lost)
            {
                lost.TrySetResult(change);
            }
        };

        await bed.DropLinkAsync("AA:00:00:00:00:06");

        LinkStateChangedEventArgs report = await lost.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains("dropped the link", report.Reason, StringComparison.Ordinal);
        await Assert.ThrowsAsync<LinkLostException>(() => link.ReadAsync(WandGattUuids.Status));

        await link.ConnectAsync();
        // SR-11 seen from the host: the session started over BLE ramps down and stops after the link dropped.
        StatusReport afterLoss = await ReadStatusUntilAsync(link, status => status.State == SessionState.Idle);
        Assert.Equal(StopReason.LinkLost, afterLoss.LastStopReason);
        NotificationCollector notifications = new(link);
        await link.WriteAsync(WandGattUuids.ControlPoint, Start1, WriteKind.WithResponse);

        Assert.Equal(LinkState.Connected, link.State);
        await notifications.StatusAsync(status => status.State == SessionState.Running);
    }

    [Fact]
    public async Task DeviceForgottenByBlueZ_IsReportedAsLost()
    {
        await bed.AddWandAsync("AA:00:00:00:00:0B", "Wand-AB", known: true);
        await using BleWandLink link = NewLink("AA:00:00:00:00:0B");
        await link.ConnectAsync();
        TaskCompletionSource<string> lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
        link.StateChanged += (_, change) =>
        {
            if (change.State == LinkState.Lost)
            {
                lost.TrySetResult(change.Reason);
            }
        };

        await bed.RemoveDeviceAsync("AA:00:00:00:00:0B");

        Assert.Contains("removed", await lost.Task.WaitAsync(TimeSpan.FromSeconds(5)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_TransientAbort_IsRetried()
    {
        await bed.AddWandAsync("AA:00:00:00:00:07", "Wand-A7", known: true);
        await bed.SetBehaviourAsync("AA:00:00:00:00:07", "connect-error", "org.bluez.Error.Failed|le-connection-abort-by-local");
        await using BleWandLink link = NewLink("AA:00:00:00:00:07");

        await link.ConnectAsync();

        Assert.Equal(2, (await bed.MethodCallsAsync("/org/bluez/hci0/dev_AA_00_00_00_00_07")).FindAll(name => name == "Connect").Count);
    }

    [Fact]
    public async Task Connect_ConnectFailure_IsUnreachableWithBlueZReason()
    {
        await bed.AddWandAsync("AA:00:00:00:00:08", "Wand-A8", known: true);
        await bed.SetBehaviourAsync("AA:00:00:00:00:08", "connect-error", "org.bluez.Error.Failed|le-connection-timeout");
        await using BleWandLink link = NewLink("AA:00:00:00:00:08");

        DeviceUnreachableException error = await Assert.ThrowsAsync<DeviceUnreachableException>(() => link.ConnectAsync());

        Assert.Contains("le-connection-timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_NamedAdapterMissing_NamesThePresentOnes()
    {
        await using BleWandLink link = new("ble:AA:00:00:00:00:09", new BleLinkOptions { BusAddress = bed.BusAddress, Adapter = "hci7" });

        DeviceUnreachableException error = await Assert.ThrowsAsync<DeviceUnreachableException>(() => link.ConnectAsync());

        BluetoothAdapterNotFoundException missing = Assert.IsType<BluetoothAdapterNotFoundException>(error.InnerException);
        Assert.Contains("hci0", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_NoBus_IsBluetoothUnavailable()
    {
        await using BleWandLink link = new("ble:AA:00:00:00:00:0A", new BleLinkOptions { BusAddress = "unix:path=/nonexistent/bus.sock" });

        DeviceUnreachableException error = await Assert.ThrowsAsync<DeviceUnreachableException>(() => link.ConnectAsync());

        Assert.IsType<BluetoothUnavailableException>(error.InnerException);
    }

    private static async Task<StatusReport> ReadStatusUntilAsync(BleWandLink link, Func<StatusReport, bool> condition)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(5);
        while (true)
        {
            StatusReport status = Payloads.Status(await link.ReadAsync(WandGattUuids.Status));
            if (condition(status) || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(50);
        }
    }

    private BleWandLink NewLink(string address, int discoverySeconds = 5) => new("ble:" + address, new BleLinkOptions
    {
        BusAddress = bed.BusAddress,
        DiscoveryTimeout = TimeSpan.FromSeconds(discoverySeconds),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        RequestTimeout = TimeSpan.FromSeconds(5),
    });

    private sealed class NotificationCollector
    {
        private readonly ConcurrentDictionary<Guid, BlockingCollection<byte[]>> queues = new();

        public NotificationCollector(IWandLink link) =>
            link.NotificationReceived += (_, notification) => Queue(notification.Characteristic).Add(notification.Value.ToArray());

        public Task<byte[]> NextAsync(Guid characteristic) => Task.Run(() =>
            Queue(characteristic).TryTake(out byte[]? value, TimeSpan.FromSeconds(5)) ? value! : throw new TimeoutException($"No notification of {characteristic} within 5 s."));

        public async Task<StatusReport> StatusAsync(Func<StatusReport, bool> condition)
        {
            while (true)
            {
                StatusReport status = Payloads.Status(await NextAsync(WandGattUuids.Status));
                if (condition(status))
                {
                    return status;
                }
            }
        }

        private BlockingCollection<byte[]> Queue(Guid characteristic) => queues.GetOrAdd(characteristic, _ => []);
    }
}
