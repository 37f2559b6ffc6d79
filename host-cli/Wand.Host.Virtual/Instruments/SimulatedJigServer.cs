using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Jig;
using Wand.Host.Calibration.Sensors;

namespace Wand.Host.Instruments.Simulated;

/// <summary>
/// A simulated jig accelerometer (<see cref="SimulatedJig"/>, hardware/jig-accelerometer.md) behind a loopback TCP
/// serial bridge, as a station reaches a jig through a network serial server: one client at a time.
/// </summary>
public sealed class SimulatedJigServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly IVibrationSensor sensor;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;
    private readonly object sync = new();
    private SimulatedJigFault fault;

    /// <summary>Initializes a new instance of the <see cref="SimulatedJigServer"/> class and starts serving.</summary>
    /// <param name="sensor">What the jig measures with.</param>
    /// <param name="port">The loopback port; 0 picks a free one.</param>
    public SimulatedJigServer(IVibrationSensor sensor, int port = 0)
    {
        this.sensor = sensor ?? throw new ArgumentNullException(nameof(sensor));
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        serving = ServeAsync(stopping.Token);
    }

    /// <summary>Gets or sets the fault the jig simulates for the next clients and the present one.</summary>
    public SimulatedJigFault Fault
    {
        get => fault;
        set
        {
            lock (sync)
            {
                fault = value;
                if (Current is SimulatedJig jig)
                {
                    jig.Fault = value;
                }
            }
        }
    }

    /// <summary>Gets the address a station configuration uses, <c>tcp://127.0.0.1:PORT</c>.</summary>
    public string Address => "tcp://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);

    private SimulatedJig? Current { get; set; }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        await serving.ConfigureAwait(false);
        stopping.Dispose();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            client.NoDelay = true;
            using SocketJigLine line = new(client);
            // The jig starts answering as it is made: make it and publish it under the lock, so a fault the client sets
            // right after the first answer waits for the jig to be current and reaches it before the next request.
            SimulatedJig started;
            lock (sync)
            {
                started = new SimulatedJig(line, sensor) { Fault = fault };
                Current = started;
            }

            using SimulatedJig jig = started;

            try
            {
                // The jig serves on its own thread until the client closes the line or the server stops.
                await line.Closed.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                lock (sync)
                {
                    Current = null;
                }
            }
        }
    }
}
