using System;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Client;
using Wand.Host.Links;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Cli.Tests;

/// <summary>
/// <c>wand sim serve</c> as a child process on a real loopback port, driven by separate <c>wand</c> processes.
/// Every process is killed in the end; every wait has a timeout.
/// </summary>
public sealed class EndToEndTests
{
    private static readonly TimeSpan Short = TimeSpan.FromSeconds(30);

    // Longer than wand's own 30 s stop deadline (TerminationSignals.GracePeriod), so a stop that hangs is reported by wand's
    // exit code, not by this bound; a passing wait ends when the process exits.
    private static readonly TimeSpan AfterSignal = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Served_StartStatusStop_BySeparateInvocations()
    {
        using ServedWand served = await ServedWand.StartAsync(speed: 5);

        CliResult info = await served.RunAsync("info", "--json");
        Assert.True(info.ExitCode == 0, info.ToString());
        Assert.Equal("1.1", info.Json.GetProperty("protocolVersion").GetString());

        CliResult started = await served.RunAsync("start", "--level", "2", "--for", "2", "--json");
        Assert.True(started.ExitCode == 0, started.ToString());
        Assert.True(started.Json.GetProperty("stoppedByCommand").GetBoolean());

        CliResult status = await served.RunAsync("status", "--json");
        Assert.Equal(0, status.ExitCode);
        Assert.Equal("remoteCommand", status.Json.GetProperty("status").GetProperty("lastStopReason").GetString());

        // A button-started session survives the link coming and going; a separate 'stop' ends it.
        CliResult pressed = await served.RunAsync("sim", "button", "100");
        Assert.True(pressed.ExitCode == 0, pressed.ToString());
        CliResult running = await StatusWhenAsync(served, status => status.GetProperty("source").GetString() == "button");
        Assert.Equal("button", running.Json.GetProperty("status").GetProperty("source").GetString());

        CliResult stopped = await served.RunAsync("stop", "--json");
        Assert.True(stopped.ExitCode == 0, stopped.ToString());
        Assert.Contains(stopped.Json.GetProperty("status").GetProperty("state").GetString(), new[] { "stopping", "idle" });

        CliResult again = await served.RunAsync("stop");
        Assert.Equal((int)ExitCode.DeviceRefused, again.ExitCode);
    }

    [Fact]
    public async Task MD6_MD7_BP6_RoutinesPauseResumeAndHistory_BySeparateInvocations()
    {
        using ServedWand served = await ServedWand.StartAsync(speed: 5);

        CliResult routines = await served.RunAsync("routine", "list", "--json");
        Assert.True(routines.ExitCode == 0, routines.ToString());
        Assert.Equal(4, routines.Json.GetProperty("routines").GetArrayLength());
        Assert.Equal("infant-full-body", routines.Json.GetProperty("routines")[0].GetProperty("name").GetString());

        CliResult idlePause = await served.RunAsync("pause");
        Assert.Equal((int)ExitCode.DeviceRefused, idlePause.ExitCode);

        // A button session (it survives each invocation's link), paused and resumed by separate invocations.
        Assert.Equal(0, (await served.RunAsync("sim", "button", "100")).ExitCode);
        await WaitForAsync(served, status => status.GetProperty("source").GetString() == "button");
        CliResult paused = await served.RunAsync("pause", "--json");
        Assert.True(paused.ExitCode == 0, paused.ToString());
        Assert.True(paused.Json.GetProperty("status").GetProperty("paused").GetBoolean());
        await WaitForAsync(served, status => status.GetProperty("driveLevel").GetDouble() == 0 && status.GetProperty("paused").GetBoolean());

        CliResult resumed = await served.RunAsync("resume", "--json");
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.False(resumed.Json.GetProperty("status").GetProperty("paused").GetBoolean());
        Assert.Equal(0, (await served.RunAsync("stop")).ExitCode);
        await WaitForAsync(served, status => status.GetProperty("state").GetString() == "idle");

        CliResult history = await served.RunAsync("history", "--set-time", "--json");
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.True(history.Json.GetProperty("count").GetInt32() >= 1);
        JsonElement newest = history.Json.GetProperty("sessions")[0];
        Assert.Equal("manual", newest.GetProperty("routine").GetString());
        Assert.Equal("remoteCommand", newest.GetProperty("stopReason").GetString());
        Assert.Equal("softDome", newest.GetProperty("head").GetString());
    }

    private static async Task WaitForAsync(ServedWand served, Func<JsonElement, bool> condition)
    {
        using CancellationTokenSource timeout = new(Short);
        while (true)
        {
            CliResult status = await served.RunAsync("status", "--json");
            if (status.ExitCode == 0 && condition(status.Json.GetProperty("status")))
            {
                return;
            }

            timeout.Token.ThrowIfCancellationRequested();
            await Task.Delay(100, timeout.Token);
        }
    }

    [Fact]
    public async Task SR11_ClientKilledMidSession_SessionStopsWithinTwoSecondsOfWandTime_SeenFromOutside()
    {
        // A tenth of real time: the wand's own time barely moves while processes die and reconnect on a busy machine,
        // and the two seconds of SR-11 are then counted in the wand's time with the world control's 'advance'.
        using ServedWand served = await ServedWand.StartAsync(speed: 0.1);
        using ChildProcess session = ChildProcess.Start("--device", served.Address, "start", "--level", "3", "--for", "60");
        await session.WaitForOutputAsync("Running level 3", Short);

        session.Kill();

        // The observer gets the wand once the killed client's link is down (the server reports it to the firmware first).
        WandClient observer = await ConnectWhenFreeAsync(served.Address);
        await using (observer)
        {
            await observer.Link.World!.AdvanceAsync(2000);
            WandStatus status = await observer.ReadStatusAsync();

            Assert.Equal(SessionState.Idle, status.State);
            Assert.Equal(StopReason.LinkLost, status.LastStopReason);
        }

        CliResult faults = await served.RunAsync("faults", "--json");
        Assert.Equal("linkLost", faults.Json.GetProperty("faults")[0].GetProperty("code").GetString());
    }

    /// <summary>Reads the status until it shows what the wand's own time brings (paced to a busy machine's clock), within a bound.</summary>
    private static async Task<CliResult> StatusWhenAsync(ServedWand served, Func<JsonElement, bool> condition)
    {
        using CancellationTokenSource bound = new(Short);
        while (true)
        {
            CliResult status = await served.RunAsync("status", "--json");
            if (status.ExitCode != 0 || condition(status.Json.GetProperty("status")) || bound.IsCancellationRequested)
            {
                return status;
            }
        }
    }

    /// <summary>Connects as soon as the served wand is free: a busy answer means its holder has not left yet.</summary>
    private static async Task<WandClient> ConnectWhenFreeAsync(string address)
    {
        using CancellationTokenSource bound = new(Short);
        while (true)
        {
            try
            {
                return await WandClient.ConnectAsync(new WandLinkFactory(), address, bound.Token);
            }
            catch (DeviceBusyException)
            {
            }
        }
    }

    [Fact]
    public async Task CtrlC_DuringStart_StopsTheSessionAndExitsCancelled()
    {
        using ServedWand served = await ServedWand.StartAsync(speed: 5);
        using ChildProcess session = ChildProcess.Start("--device", served.Address, "start", "--level", "2");
        await session.WaitForOutputAsync("Running level 2", Short);

        session.Interrupt();
        int code = await session.WaitForExitAsync(AfterSignal);

        Assert.Equal((int)ExitCode.Cancelled, code);
        CliResult status = await served.RunAsync("status", "--json");
        Assert.Equal("remoteCommand", status.Json.GetProperty("status").GetProperty("lastStopReason").GetString());
    }

    [Fact]
    public async Task CtrlC_StopsTheServer_WithExitCode0()
    {
        using ServedWand served = await ServedWand.StartAsync(speed: 1);

        served.Process.Interrupt();

        Assert.Equal(0, await served.Process.WaitForExitAsync(AfterSignal));
    }

    [Fact]
    public async Task Served_WorldControls_ChangeWhatTheWandSees()
    {
        using ServedWand served = await ServedWand.StartAsync(speed: 10);

        Assert.Equal(0, (await served.RunAsync("sim", "head", "none")).ExitCode);
        CliResult refused = await served.RunAsync("start", "--level", "1", "--for", "1");
        Assert.Equal((int)ExitCode.DeviceRefused, refused.ExitCode);
        Assert.Contains("head", refused.Error);

        Assert.Equal(0, (await served.RunAsync("sim", "head", "bristle-brush")).ExitCode);
        Assert.Equal(0, (await served.RunAsync("sim", "battery", "3.3")).ExitCode);
        Assert.Equal(0, (await served.RunAsync("sim", "usb", "on")).ExitCode);
        CliResult status = await StatusWhenAsync(served, now => now.GetProperty("head").GetString() == "bristleBrush" && now.GetProperty("flags").GetString()!.Contains("Charging", StringComparison.Ordinal));
        JsonElement json = status.Json.GetProperty("status");
        Assert.Equal("bristleBrush", json.GetProperty("head").GetString());
        Assert.Contains("Charging", json.GetProperty("flags").GetString());

        CliResult badValue = await served.RunAsync("sim", "temperature", "500");
        Assert.Equal((int)ExitCode.WorldControlRefused, badValue.ExitCode);
        CliResult badFault = await served.RunAsync("sim", "fault", "gremlins");
        Assert.Equal((int)ExitCode.WorldControlRefused, badFault.ExitCode);
    }

    [Fact]
    public async Task Served_SurvivesHostilePeers_AndServesTheNextClient()
    {
        using ServedWand served = await ServedWand.StartAsync(speed: 5);
        DeviceAddress address = DeviceAddress.Parse(served.Address);

        // Garbage, a frame start with an oversized length, then a disconnect in the middle of a frame.
        using (TcpClient hostile = new())
        {
            await hostile.ConnectAsync(IPAddress.Loopback, address.Port);
            NetworkStream stream = hostile.GetStream();
            byte[] garbage = new byte[20_000];
            new Random(5).NextBytes(garbage);
            await stream.WriteAsync(garbage);
            await stream.WriteAsync(new byte[] { 0xA5, 0x5A, 0xFF, 0xFF, 0x01, 0x00, 0x01 });
            await stream.WriteAsync(new byte[] { 0xA5, 0x5A, 0x05, 0x00, 0x01, 0x07 });
        }

        CliResult status = await served.RunAsync("status", "--json");
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Contains("disconnected", served.Process.Output);
    }

    [Fact]
    public async Task Client_AgainstAServerSendingGarbage_ExitsWithProtocolError()
    {
        using TcpListener fake = new(IPAddress.Loopback, 0);
        fake.Start();
        int port = ((IPEndPoint)fake.LocalEndpoint).Port;
        using CancellationTokenSource stop = new(Short);
        Task server = Task.Run(async () =>
        {
            using TcpClient peer = await fake.AcceptTcpClientAsync(stop.Token);
            byte[] garbage = new byte[64 * 1024];
            new Random(9).NextBytes(garbage);
            for (int index = 0; index < garbage.Length; index++)
            {
                garbage[index] = garbage[index] == 0xA5 ? (byte)0x00 : garbage[index];
            }

            try
            {
                await peer.GetStream().WriteAsync(garbage, stop.Token);
                await Task.Delay(5000, stop.Token);
            }
            catch (Exception exception) when (exception is System.IO.IOException or OperationCanceledException)
            {
            }
        });

        CliResult result = await ChildProcess.RunAsync(Short, "--device", $"tcp://127.0.0.1:{port}", "status");

        Assert.True(result.ExitCode == (int)ExitCode.ProtocolError, result.ToString());
        Assert.Contains("does not speak the wand framing", result.Error);
        await stop.CancelAsync();
        await server;
    }

    [Fact]
    public async Task Client_AgainstASilentServer_TimesOutWithLinkLost()
    {
        using TcpListener fake = new(IPAddress.Loopback, 0);
        fake.Start();
        int port = ((IPEndPoint)fake.LocalEndpoint).Port;

        CliResult result = await ChildProcess.RunAsync(Short, "--device", $"tcp://127.0.0.1:{port}", "status");

        Assert.Equal((int)ExitCode.LinkLost, result.ExitCode);
        Assert.Contains("no answer", result.Error);
    }

    [Fact]
    public async Task Client_UnreachableServer_ExitsWith11()
    {
        using TcpListener probe = new(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        CliResult result = await ChildProcess.RunAsync(Short, "--device", $"tcp://127.0.0.1:{port}", "status");

        Assert.Equal((int)ExitCode.DeviceUnreachable, result.ExitCode);
        Assert.Contains($"127.0.0.1:{port}", result.Error);
    }

    [Fact]
    public async Task Serve_OnAUnixSocket_IsReachable()
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wand-{Guid.NewGuid():N}.sock");
        using ChildProcess server = ChildProcess.Start("sim", "serve", "--unix", path, "--speed", "5");
        try
        {
            await server.WaitForOutputAsync("Serving a virtual wand on unix:", Short);
            CliResult status = await ChildProcess.RunAsync(Short, "--device", "unix:" + path, "status", "--json");
            Assert.True(status.ExitCode == 0, status.ToString());
        }
        finally
        {
            server.Kill();
            System.IO.File.Delete(path);
        }
    }
}
