using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Wand.Host.Client;
using Wand.Host.Links;
using Wand.Host.Links.Streams;
using Wand.Host.Serving;
using Wand.Protocol.Framing;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Host.Tests.Serving;

/// <summary>
/// The served wand's limits, on a fake clock that only the test advances: busy clients are told they are queued,
/// a queued client's requests never reach the wand, silent connections and silent holders are dropped after their
/// timeouts (never before), and connections past the cap are closed at once.
/// </summary>
public sealed class ServerLimitsTests : IAsyncDisposable
{
    private static readonly Guid Status = CharacteristicMap.UuidOf(WandProfile.StatusIndex);

    // Bounds only a failing test (a server that never answers); a passing test never waits for it.
    private static readonly TimeSpan FailureBound = TimeSpan.FromMinutes(1);

    private readonly FakeTimeProvider clock = new();
    private readonly VirtualWandHost host = new(new VirtualWandHostOptions { Speed = 10 });
    private readonly ConcurrentQueue<string> log = new();
    private WandStreamServer? server;

    private WandStreamServer Server => server ?? throw new InvalidOperationException("not started");

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        host.Dispose();
    }

    [Fact]
    public async Task ConnectWhileAnotherClientHoldsTheWand_IsToldBusyWithPlaceAndHowLong()
    {
        Start();
        await using WandClient holder = await WandClient.ConnectAsync(new WandLinkFactory(), Server.Address);
        clock.Advance(TimeSpan.FromSeconds(42));
        await using IWandLink second = new WandLinkFactory().Create(Server.Address);

        Task connecting = second.ConnectAsync();
        TimeSpan waited = await AdvanceUntilAsync(() => connecting.IsCompleted, clock.GetTimestamp());
        DeviceBusyException busy = await Assert.ThrowsAsync<DeviceBusyException>(() => connecting);

        Assert.InRange(waited, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        Assert.Matches(@"held the wand for 4[4-5] s", busy.Message);
        Assert.Contains("next in the queue", busy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueuedClientThatLeaves_ItsPipelinedStartNeverRuns()
    {
        Start();
        await using WandClient holder = await WandClient.ConnectAsync(new WandLinkFactory(), Server.Address);
        using (RawClient queued = await RawClient.ConnectAsync(Server.Address))
        {
            byte[] start = [0x01, 2, 0, 0x58, 0x02];
            await queued.SendAsync((sequence, buffer) => FrameEncoder.EncodeLinkControl(sequence, LinkCommand.Connect, LinkOptions.Encrypted, buffer, 0), 1);
            await queued.SendAsync((sequence, buffer) => FrameEncoder.EncodeWrite(true, sequence, WandProfile.ControlPointIndex, 0, start, 0, start.Length, buffer, 0), 2);

            (FrameOperation writeAnswer, byte[] writeBody) = await queued.ReceiveAsync();
            Task<(FrameOperation Operation, byte[] Body)> connectAnswering = queued.ReceiveAsync();
            await AdvanceUntilAsync(() => connectAnswering.IsCompleted, clock.GetTimestamp());
            (FrameOperation connectAnswer, byte[] connectBody) = await connectAnswering;

            Assert.Equal(FrameOperation.LinkControlResponse, connectAnswer);
            Assert.Equal(ServedWandBusy.BusyResult, connectBody[1]);
            Assert.Equal(FrameOperation.ErrorResponse, writeAnswer);
            Assert.Equal(ServedWandBusy.BusyResult, writeBody[1]);
        }

        await WaitForLogAsync("left the queue");
        Assert.Equal(SessionState.Idle, (await holder.ReadStatusAsync()).State);
    }

    [Fact]
    public async Task SilentConnection_IsClosedAfterTheFirstByteTimeoutAndNotBefore()
    {
        Start(new WandStreamServerOptions { Time = clock, FirstByteTimeout = TimeSpan.FromSeconds(10) });
        using RawClient silent = await RawClient.ConnectAsync(Server.Address);
        long started = clock.GetTimestamp();

        TimeSpan elapsed = await AdvanceUntilAsync(() => log.Any(line => line.Contains("sent nothing within", StringComparison.Ordinal)), started);

        Assert.InRange(elapsed, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11));
        Assert.Equal(0, await silent.ReadRawAsync());
    }

    [Fact]
    public async Task SilentHolder_IsDroppedAfterTheIdleTimeoutWhileAnotherWaits_AndTheNextClientIsServed()
    {
        Start(new WandStreamServerOptions { Time = clock, HolderIdleTimeout = TimeSpan.FromSeconds(60), FirstByteTimeout = TimeSpan.FromHours(1) });
        using RawClient holder = await RawClient.ConnectAsync(Server.Address);
        await holder.SendAsync((sequence, buffer) => FrameEncoder.EncodeLinkControl(sequence, LinkCommand.Connect, LinkOptions.Encrypted, buffer, 0), 1);
        Assert.Equal(0, (await holder.ReceiveAsync()).Body[1]);
        long started = clock.GetTimestamp();
        using RawClient waiting = await RawClient.ConnectAsync(Server.Address);
        await waiting.SendAsync((sequence, buffer) => FrameEncoder.EncodeLinkControl(sequence, LinkCommand.Connect, LinkOptions.Encrypted, buffer, 0), 1);
        Task<(FrameOperation Operation, byte[] Body)> busyAnswer = waiting.ReceiveAsync();
        await AdvanceUntilAsync(() => busyAnswer.IsCompleted, started);
        Assert.Equal(ServedWandBusy.BusyResult, (await busyAnswer).Body[1]);

        TimeSpan elapsed = await AdvanceUntilAsync(() => log.Any(line => line.Contains("sent nothing for 60 s", StringComparison.Ordinal)), started);

        Assert.InRange(elapsed, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(61));
        await WaitForLogAsync("client 2");
        await waiting.SendAsync((sequence, buffer) => FrameEncoder.EncodeLinkControl(sequence, LinkCommand.Connect, LinkOptions.Encrypted, buffer, 0), 2);
        Assert.Equal(0, (await waiting.ReceiveAsync()).Body[1]);
    }

    [Fact]
    public async Task HolderAloneStaysConnectedPastTheIdleTimeout()
    {
        Start(new WandStreamServerOptions { Time = clock, HolderIdleTimeout = TimeSpan.FromSeconds(60) });
        await using WandClient holder = await WandClient.ConnectAsync(new WandLinkFactory(), Server.Address);

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(SessionState.Idle, (await holder.ReadStatusAsync()).State);
    }

    [Fact]
    public async Task ConnectionsPastTheCap_AreClosedAtOnce_AndServedAgainWhenOneCloses()
    {
        Start(new WandStreamServerOptions { Time = clock, MaximumConnections = 2, FirstByteTimeout = TimeSpan.FromHours(1) });
        using RawClient first = await RawClient.ConnectAsync(Server.Address);
        using RawClient second = await RawClient.ConnectAsync(Server.Address);

        using (RawClient third = await RawClient.ConnectAsync(Server.Address))
        {
            Assert.Equal(0, await third.ReadRawAsync());
        }

        Assert.Contains(log, line => line.Contains("2 connections are open already", StringComparison.Ordinal));
        first.Dispose();
        await WaitForLogAsync("a connection closed (1 open)");
        await using WandClient client = await WandClient.ConnectAsync(new WandLinkFactory(), Server.Address).WaitAsync(FailureBound);
        Assert.Equal(SessionState.Idle, (await client.ReadStatusAsync()).State);
    }

    [Fact]
    public async Task UnixPathProblems_NameTheUnixOption()
    {
        string file = Path.GetTempFileName();
        try
        {
            WandHostException taken = Assert.Throws<WandHostException>(() => WandStreamServer.StartUnix(host, file));
            WandHostException tooLong = Assert.Throws<WandHostException>(() => WandStreamServer.StartUnix(host, "/tmp/" + new string('x', 200)));

            Assert.StartsWith("--unix", taken.Message, StringComparison.Ordinal);
            Assert.StartsWith("--unix", tooLong.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private void Start(WandStreamServerOptions? options = null)
    {
        server = WandStreamServer.StartTcp(host, 0, options ?? new WandStreamServerOptions { Time = clock });
        server.Log += (_, line) => log.Enqueue(line);
    }

    /// <summary>Advances the fake clock a second at a time until the condition holds; returns the fake time that passed.</summary>
    private async Task<TimeSpan> AdvanceUntilAsync(Func<bool> condition, long started)
    {
        for (int step = 0; step < 600 && !condition(); step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }

        Assert.True(condition(), "the event never came: " + string.Join(" | ", log));
        return clock.GetElapsedTime(started);
    }

    private async Task WaitForLogAsync(params string[] texts)
    {
        using CancellationTokenSource bound = new(FailureBound);
        while (!log.Any(line => texts.Any(text => line.Contains(text, StringComparison.Ordinal))))
        {
            await Task.Delay(5, bound.Token);
        }
    }

    /// <summary>A client speaking raw frames.</summary>
    private sealed class RawClient : IDisposable
    {
        private readonly TcpClient tcp;
        private readonly FrameDecoder decoder = new();
        private readonly byte[] buffer = new byte[1024];
        private int buffered;
        private int offset;

        private RawClient(TcpClient tcp)
        {
            this.tcp = tcp;
        }

        public static async Task<RawClient> ConnectAsync(string address)
        {
            TcpClient tcp = new();
            await tcp.ConnectAsync("127.0.0.1", DeviceAddress.Parse(address).Port);
            return new RawClient(tcp);
        }

        public async Task SendAsync(Func<int, byte[], int> encode, int sequence)
        {
            byte[] frame = new byte[FrameFormat.MaximumFrameLength];
            int length = encode(sequence, frame);
            await tcp.GetStream().WriteAsync(frame.AsMemory(0, length));
        }

        public async Task<(FrameOperation Operation, byte[] Body)> ReceiveAsync()
        {
            using CancellationTokenSource bound = new(FailureBound);
            while (true)
            {
                if (offset < buffered)
                {
                    offset += decoder.Feed(buffer, offset, buffered - offset);
                    if (decoder.IsFrameReady)
                    {
                        return (decoder.Operation, decoder.Buffer.AsSpan(FrameFormat.BodyOffset, decoder.BodyLength).ToArray());
                    }

                    continue;
                }

                buffered = await tcp.GetStream().ReadAsync(buffer, bound.Token);
                offset = 0;
                Assert.True(buffered > 0, "the server closed the connection");
            }
        }

        public async Task<int> ReadRawAsync()
        {
            using CancellationTokenSource bound = new(FailureBound);
            try
            {
                return await tcp.GetStream().ReadAsync(new byte[16], bound.Token);
            }
            catch (IOException)
            {
                return 0;
            }
        }

        public void Dispose() => tcp.Dispose();
    }
}
