using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Links.Streams;

/// <summary>
/// <see cref="IWorldControl"/> of a served virtual wand over its world-control side channel
/// (<see cref="WorldControlProtocol"/>), independent of any GATT link. One connection carries the commands one at a
/// time and is opened again after a failure; every answer reports the wand's clock (<see cref="IDeviceClock"/>).
/// </summary>
public sealed class RemoteWorldControl : IWorldControl, IDeviceClock, IAsyncDisposable
{
    private readonly string address;
    private readonly Func<CancellationToken, Task<Stream>> open;
    private readonly TimeSpan timeout;
    private readonly SemaphoreSlim gate = new(1, 1);
    private Stream? connection;
    private long lastReported = -1;

    /// <summary>Initializes a new instance of the <see cref="RemoteWorldControl"/> class.</summary>
    /// <param name="address">The server's address, for messages.</param>
    /// <param name="open">Opens a new connection to the server.</param>
    /// <param name="timeout">How long one command may take, connection included, on top of any button hold.</param>
    public RemoteWorldControl(string address, Func<CancellationToken, Task<Stream>> open, TimeSpan timeout)
    {
        this.address = address ?? throw new ArgumentNullException(nameof(address));
        this.open = open ?? throw new ArgumentNullException(nameof(open));
        this.timeout = timeout;
    }

    /// <inheritdoc />
    public long? LastReportedMilliseconds
    {
        get
        {
            long value = Interlocked.Read(ref lastReported);
            return value < 0 ? null : value;
        }
    }

    /// <inheritdoc />
    public Task SetHeadResistorAsync(double? idResistorOhms, CancellationToken cancellationToken = default) =>
        SendAsync("head", idResistorOhms is null ? "none" : Number(idResistorOhms.Value), TimeSpan.Zero, cancellationToken);

    /// <inheritdoc />
    public Task SetTemperatureAsync(double? degreesCelsius, CancellationToken cancellationToken = default) =>
        SendAsync("temperature", degreesCelsius is null ? "model" : Number(degreesCelsius.Value), TimeSpan.Zero, cancellationToken);

    /// <inheritdoc />
    public Task SetBatteryAsync(double volts, CancellationToken cancellationToken = default) =>
        SendAsync("battery", Number(volts), TimeSpan.Zero, cancellationToken);

    /// <inheritdoc />
    public Task SetUsbPowerAsync(bool plugged, CancellationToken cancellationToken = default) =>
        SendAsync("usb", plugged ? "on" : "off", TimeSpan.Zero, cancellationToken);

    /// <inheritdoc />
    public Task PressButtonAsync(int milliseconds, CancellationToken cancellationToken = default) =>
        SendAsync("button", milliseconds.ToString(CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(Math.Max(0, milliseconds)), cancellationToken);

    /// <inheritdoc />
    public Task AdvanceAsync(long milliseconds, CancellationToken cancellationToken = default) =>
        SendAsync("advance", milliseconds.ToString(CultureInfo.InvariantCulture), TimeSpan.FromSeconds(10), cancellationToken);

    /// <inheritdoc />
    public async Task<long> ReadMillisecondsAsync(CancellationToken cancellationToken = default)
    {
        long? clock = await SendAsync("clock", string.Empty, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return clock ?? throw new ProtocolViolationException($"{address} answered the world-control command 'clock' without the device clock; is it a current 'wand sim serve'?");
    }

    /// <inheritdoc />
    public Task InjectFaultAsync(string fault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Contains('\n', StringComparison.Ordinal) || fault.Contains('\r', StringComparison.Ordinal))
        {
            throw new WorldControlRefusedException("A fault name is one line of text.");
        }

        return SendAsync("fault", fault, TimeSpan.Zero, cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await DropAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "…";

    private static async Task<string> ReadLineAsync(Stream stream, CancellationToken cancellationToken)
    {
        StringBuilder line = new();
        byte[] one = new byte[1];
        while (line.Length <= WorldControlProtocol.MaximumLineLength)
        {
            int count = await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false);
            if (count == 0)
            {
                throw new IOException("the server closed the connection");
            }

            if (one[0] == (byte)'\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            line.Append(one[0] is >= 0x20 and < 0x7F ? (char)one[0] : '?');
        }

        return line.ToString();
    }

    private async Task DropAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            connection = null;
        }
    }

    private async Task<long?> SendAsync(string command, string argument, TimeSpan extra, CancellationToken cancellationToken)
    {
        using CancellationTokenSource deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout + extra);
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (connection is null)
            {
                try
                {
                    connection = await open(deadline.Token).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
                {
                    throw new DeviceUnreachableException($"Cannot reach the served virtual wand at {address} for world control: {exception.Message}", exception);
                }
            }

            string answer;
            try
            {
                byte[] request = Encoding.ASCII.GetBytes(WorldControlProtocol.FormatRequest(command, argument).TrimEnd() + "\n");
                await connection.WriteAsync(request, deadline.Token).ConfigureAwait(false);
                answer = await ReadLineAsync(connection, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                await DropAsync().ConfigureAwait(false);
                throw new LinkLostException($"The served virtual wand at {address} did not answer the world-control command '{command} {argument}' in time.");
            }
            catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
            {
                await DropAsync().ConfigureAwait(false);
                throw new LinkLostException($"The world-control connection to {address} failed: {exception.Message}", exception);
            }
            catch (OperationCanceledException)
            {
                // Cancelled mid-exchange: the answer may still come, so the connection cannot be reused.
                await DropAsync().ConfigureAwait(false);
                throw;
            }

            if (WorldControlProtocol.TryParseOk(answer, out long? clock))
            {
                if (clock is long reported)
                {
                    Interlocked.Exchange(ref lastReported, reported);
                }

                return clock;
            }

            if (answer.StartsWith(WorldControlProtocol.Error + " ", StringComparison.Ordinal))
            {
                throw new WorldControlRefusedException($"The virtual wand at {address} refused '{command} {argument}': {answer[4..]}");
            }

            await DropAsync().ConfigureAwait(false);
            throw new ProtocolViolationException($"{address} answered the world-control command '{command}' with '{Truncate(answer)}'; is it a 'wand sim serve'?");
        }
        finally
        {
            gate.Release();
        }
    }
}
