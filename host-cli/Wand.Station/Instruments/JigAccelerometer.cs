using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Jig;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Serial;

namespace Wand.Host.Instruments;

/// <summary>
/// The jig accelerometer clamped on the head as a station instrument (the <c>head-vibration</c> action): its line
/// protocol (<c>ID</c>, <c>MEASURE window-ms</c>; hardware/jig-accelerometer.md) over a serial line at 115200 8N1 or a
/// TCP serial bridge. A failure is an <see cref="InstrumentException"/> naming the instrument, the request and the reply.
/// </summary>
public sealed class JigAccelerometer : IAsyncDisposable
{
    /// <summary>The window one head-vibration reading averages over when the configuration names none, in milliseconds.</summary>
    public const int DefaultWindowMilliseconds = 20;

    private readonly string name;
    private readonly JigVibrationSensor sensor;

    private JigAccelerometer(string name, JigVibrationSensor sensor)
    {
        this.name = name;
        this.sensor = sensor;
    }

    /// <summary>Gets the jig's identity (model, firmware, sample rate and line), for the run record.</summary>
    public string Identity => sensor.Description;

    /// <summary>Gets the jig as a calibration sensor.</summary>
    public IVibrationSensor Sensor => sensor;

    /// <summary>Turns a station address into the jig line's address: <c>serial:PATH[@BAUD]</c> gives PATH (the jig runs at 115200 bit/s), <c>tcp://HOST:PORT</c> stays.</summary>
    /// <param name="address">The configured address.</param>
    /// <returns>The line's address.</returns>
    public static string LineAddress(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (!address.StartsWith("serial:", StringComparison.Ordinal))
        {
            return address;
        }

        string path = address["serial:".Length..];
        int at = path.LastIndexOf('@');
        return at > 0 ? path[..at] : path;
    }

    /// <summary>Opens the jig's line and asks who it is.</summary>
    /// <param name="name">The instrument's name in the station configuration.</param>
    /// <param name="address"><c>serial:/dev/ttyUSB1</c> or <c>tcp://HOST:PORT</c>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <param name="replyMarginMilliseconds">Time beyond each window the jig has to answer, 1 ms or more (the protocol's 500 ms by default).</param>
    /// <returns>The identified jig.</returns>
    /// <exception cref="InstrumentException">The line cannot be opened or the jig does not identify itself.</exception>
    public static async Task<JigAccelerometer> OpenAsync(string name, string address, CancellationToken cancellationToken, int replyMarginMilliseconds = JigVibrationSensor.ReplyMarginMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(name);
        JigVibrationSensor sensor;
        try
        {
            sensor = new JigVibrationSensor(await Task.Run(() => SerialPortJigLine.Open(LineAddress(address)), cancellationToken).ConfigureAwait(false), ownsLine: true, replyMarginMilliseconds);
        }
        catch (SerialPortException error)
        {
            throw new InstrumentDisconnectedException(name, "connect " + address, error.Message);
        }

        JigAccelerometer jig = new(name, sensor);
        try
        {
            await jig.GuardAsync(JigProtocol.IdentifyRequest, () => sensor.IdentifyAsync(cancellationToken)).ConfigureAwait(false);
            return jig;
        }
        catch
        {
            await sensor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Measures the head's vibration over a window.</summary>
    /// <param name="windowMilliseconds">The window, 5 to 2000 ms.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The mean peak amplitude over the window, in g.</returns>
    /// <exception cref="InstrumentException">The jig answered an error, out of protocol, or not in time.</exception>
    public async Task<double> MeasureAmplitudeAsync(int windowMilliseconds, CancellationToken cancellationToken)
    {
        VibrationReading reading = await GuardAsync(
            "MEASURE " + windowMilliseconds.ToString(CultureInfo.InvariantCulture),
            () => sensor.MeasureAsync(windowMilliseconds, cancellationToken)).ConfigureAwait(false);
        return reading.AmplitudeG;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => sensor.DisposeAsync();

    private async Task GuardAsync(string request, Func<Task> exchange) =>
        await GuardAsync(request, async () =>
        {
            await exchange().ConfigureAwait(false);
            return true;
        }).ConfigureAwait(false);

    private async Task<T> GuardAsync<T>(string request, Func<Task<T>> exchange)
    {
        try
        {
            return await exchange().ConfigureAwait(false);
        }
        catch (SensorException error)
        {
            throw new InstrumentException(name, request, string.Empty, $"Instrument '{name}' (jig accelerometer) failed '{request}': {error.Message}");
        }
    }
}
