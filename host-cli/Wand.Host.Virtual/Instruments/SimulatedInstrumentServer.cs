using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Instruments.Simulated;

/// <summary>
/// Serves one simulated instrument on a loopback TCP port as a raw SCPI socket: newline-terminated lines in, one reply
/// line per query out, one client at a time.
/// </summary>
public sealed class SimulatedInstrumentServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    /// <summary>Initializes a new instance of the <see cref="SimulatedInstrumentServer"/> class and starts serving.</summary>
    /// <param name="instrument">The instrument.</param>
    /// <param name="port">The loopback port; 0 picks a free one.</param>
    public SimulatedInstrumentServer(SimulatedInstrument instrument, int port = 0)
    {
        Instrument = instrument ?? throw new ArgumentNullException(nameof(instrument));
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        serving = ServeAsync(stopping.Token);
    }

    /// <summary>Gets the served instrument.</summary>
    public SimulatedInstrument Instrument { get; }

    /// <summary>Gets the address a station configuration uses, <c>tcp://127.0.0.1:PORT</c>.</summary>
    public string Address => "tcp://127.0.0.1:" + ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        try
        {
            await serving.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    await ServeClientAsync(client.GetStream(), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception error) when (error is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
                {
                    // The client went away or the server stops; wait for the next client.
                }
            }
        }
    }

    private async Task ServeClientAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        using StreamReader reader = new(stream, Encoding.ASCII, false, 256, leaveOpen: true);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is string line)
        {
            (string? reply, bool disconnect, bool silent) = await Instrument.HandleAsync(line, cancellationToken).ConfigureAwait(false);
            if (disconnect)
            {
                return;
            }

            if (!silent && reply != null)
            {
                byte[] bytes = Encoding.ASCII.GetBytes(reply + "\n");
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
