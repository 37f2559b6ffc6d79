using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Client;
using Wand.Host.Links;
using Wand.Protocol.Framing;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Host.Tests.Serving;

/// <summary>The framed stream link against the served virtual wand, in-process over real loopback sockets.</summary>
public sealed class FramedLinkTests
{
    private static readonly Guid Status = CharacteristicMap.UuidOf(WandProfile.StatusIndex);
    private static readonly Guid ControlPoint = CharacteristicMap.UuidOf(WandProfile.ControlPointIndex);

    [Fact]
    public async Task Connect_AsksForEncryption_AndTheLocalStreamGrantsIt()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        await using IWandLink link = new WandLinkFactory().Create(served.Address);

        await link.ConnectAsync();

        Assert.Equal(LinkState.Connected, link.State);
        Assert.True(((Wand.Host.Links.Streams.FramedStreamLink)link).IsEncrypted);
        Assert.Equal(17, (await link.ReadAsync(Status)).Length);
    }

    [Fact]
    public async Task Write_OutOfRangeLevel_IsAnAttErrorWithTheProfileCode()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        await using IWandLink link = new WandLinkFactory().Create(served.Address);
        await link.ConnectAsync();

        AttErrorException error = await Assert.ThrowsAsync<AttErrorException>(() => link.WriteAsync(ControlPoint, new byte[] { 0x01, 9, 0, 0, 0 }, WriteKind.WithResponse));

        Assert.Equal((byte)AttError.LevelOutOfRange, error.ErrorCode);
        Assert.Equal(ControlPoint, error.Characteristic);
    }

    [Fact]
    public async Task Subscribe_ControlPoint_ResultNotificationFollowsTheWriteResponse()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        await using IWandLink link = new WandLinkFactory().Create(served.Address);
        await link.ConnectAsync();
        ConcurrentQueue<Guid> notified = new();
        link.NotificationReceived += (_, notification) => notified.Enqueue(notification.Characteristic);
        await link.SubscribeAsync(ControlPoint, true);

        await link.WriteAsync(ControlPoint, new byte[] { 0x01, 2, 0, 0, 0 }, WriteKind.WithResponse);
        await WaitUntilAsync(() => notified.Contains(ControlPoint));

        Assert.Contains(ControlPoint, notified);
    }

    [Fact]
    public async Task Subscriptions_AreRestoredWhenTheLinkConnectsAgainAfterTheWandRebooted()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        await using IWandLink link = new WandLinkFactory().Create(served.Address);
        await link.ConnectAsync();
        await link.SubscribeAsync(ControlPoint, true);
        TaskCompletionSource lost = new(TaskCreationOptions.RunContinuationsAsynchronously);
        link.StateChanged += (_, change) =>
        {
            if (change.State == LinkState.Lost)
            {
                lost.TrySetResult();
            }
        };

        // A power cycle through the supply reboots the wand, which forgets the subscription and drops the link.
        served.Host.SetPowered(false);
        served.Host.SetPowered(true);
        await lost.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await ConnectAgainAsync(link);
        TaskCompletionSource result = new(TaskCreationOptions.RunContinuationsAsynchronously);
        link.NotificationReceived += (_, notification) =>
        {
            if (notification.Characteristic == ControlPoint)
            {
                result.TrySetResult();
            }
        };

        // Without subscribing again, the command's result still arrives as a notification.
        await link.WriteAsync(ControlPoint, new byte[] { 0x01, 2, 0, 0, 0 }, WriteKind.WithResponse);
        await result.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }

    [Fact]
    public async Task Client_StartThenStatusNotifications_Arrive()
    {
        await using ServedWandFixture served = ServedWandFixture.Start(speed: 20);
        await using WandClient client = await WandClient.ConnectAsync(new WandLinkFactory(), served.Address);
        ConcurrentQueue<WandStatus> updates = new();
        client.StatusChanged += (_, status) => updates.Enqueue(status);
        await client.SubscribeStatusAsync(true);

        await client.StartAsync(2, PatternKind.Continuous, 120);
        await WaitUntilAsync(() => updates.Any(status => status.State == SessionState.Running));

        Assert.Contains(updates, status => status.Source == SessionSource.Remote);
        await client.StopAsync();
    }

    [Fact]
    public async Task ServerStops_LinkIsLost_AndPendingCallsFailTyped()
    {
        ServedWandFixture served = ServedWandFixture.Start();
        IWandLink link = new WandLinkFactory().Create(served.Address);
        await link.ConnectAsync();
        TaskCompletionSource<LinkState> lost = new();
        link.StateChanged += (_, change) =>
        {
            if (change.State == LinkState.Lost)
            {
                lost.TrySetResult(change.State);
            }
        };

        await served.DisposeAsync();

        Assert.Equal(LinkState.Lost, await lost.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await Assert.ThrowsAsync<LinkLostException>(() => link.ReadAsync(Status));
        await link.DisposeAsync();
    }

    [Fact]
    public async Task Cancellation_OfARead_ThrowsOperationCanceled()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        await using IWandLink link = new WandLinkFactory().Create(served.Address);
        await link.ConnectAsync();
        using CancellationTokenSource cancelled = new();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => link.ReadAsync(Status, cancelled.Token));
    }

    [Fact]
    public async Task Server_HostileClient_GetsDroppedAndTheNextClientIsServed()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        DeviceAddress address = DeviceAddress.Parse(served.Address);
        using (TcpClient hostile = new())
        {
            await hostile.ConnectAsync("127.0.0.1", address.Port);
            byte[] garbage = new byte[100_000];
            new Random(3).NextBytes(garbage);
            try
            {
                await hostile.GetStream().WriteAsync(garbage);
                await hostile.GetStream().WriteAsync(new byte[] { 0xA5, 0x5A, 0xFF, 0xFF });
            }
            catch (System.IO.IOException)
            {
                // The server may already have dropped us for the garbage; that is the point.
            }
        }

        await using WandClient client = await WandClient.ConnectAsync(new WandLinkFactory(), served.Address);
        Assert.Equal(SessionState.Idle, (await client.ReadStatusAsync()).State);
    }

    [Fact]
    public async Task Server_RequestBeforeConnect_IsRefusedForEncryptedCharacteristics()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        DeviceAddress address = DeviceAddress.Parse(served.Address);
        using TcpClient raw = new();
        await raw.ConnectAsync("127.0.0.1", address.Port);
        byte[] frame = new byte[FrameFormat.MaximumFrameLength];
        int length = FrameEncoder.EncodeReadRequest(7, WandProfile.StatusIndex, 0, frame, 0);
        await raw.GetStream().WriteAsync(frame.AsMemory(0, length));

        FrameDecoder decoder = new();
        byte[] buffer = new byte[256];
        using CancellationTokenSource timeout = new(TimeSpan.FromSeconds(10));
        while (!decoder.IsFrameReady)
        {
            int count = await raw.GetStream().ReadAsync(buffer, timeout.Token);
            Assert.True(count > 0, "the server closed the connection");
            decoder.Feed(buffer, 0, count);
        }

        Assert.Equal(FrameOperation.ErrorResponse, decoder.Operation);
        Assert.Equal(7, decoder.Sequence);
        Assert.Equal((byte)AttError.InsufficientEncryption, decoder.Buffer[FrameFormat.BodyOffset + 1]);
    }

    [Fact]
    public async Task WorldControl_SideChannel_WorksWhileAClientHoldsTheWand()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        WandLinkFactory factory = new();
        await using WandClient client = await WandClient.ConnectAsync(factory, served.Address);
        IWorldControl world = client.Link.World!;

        await world.SetHeadResistorAsync(null);
        await world.AdvanceAsync(1000);

        Assert.Equal(HeadIdentity.None, (await client.ReadStatusAsync()).Head);
        await Assert.ThrowsAsync<WorldControlRefusedException>(() => world.SetBatteryAsync(9));
        await Assert.ThrowsAsync<WorldControlRefusedException>(() => world.InjectFaultAsync("no-such-fault"));
    }

    [Fact]
    public async Task SerialLink_OverATcpSerialBridge_SpeaksTheSameFraming()
    {
        await using ServedWandFixture served = ServedWandFixture.Start();
        await using IWandLink link = WandLinkFactory.CreateSerialLink(DeviceAddress.Parse("serial:" + served.Address));

        await link.ConnectAsync();

        Assert.Equal(17, (await link.ReadAsync(Status)).Length);
    }

    [Fact]
    public async Task SerialLink_MissingPort_IsUnreachable()
    {
        await using IWandLink link = WandLinkFactory.CreateSerialLink(DeviceAddress.Parse("serial:/dev/ttyWAND-NONE"));

        DeviceUnreachableException error = await Assert.ThrowsAsync<DeviceUnreachableException>(() => link.ConnectAsync());

        Assert.Contains("ttyWAND-NONE", error.Message);
    }

    /// <summary>Connects again once the server has let go of the dropped connection (until then it answers busy).</summary>
    private static async Task ConnectAgainAsync(IWandLink link)
    {
        using CancellationTokenSource deadline = new(TimeSpan.FromMinutes(2));
        while (true)
        {
            try
            {
                await link.ConnectAsync(deadline.Token);
                return;
            }
            catch (DeviceBusyException)
            {
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        DateTime end = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition() && DateTime.UtcNow < end)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "condition not met within 10 s");
    }
}
