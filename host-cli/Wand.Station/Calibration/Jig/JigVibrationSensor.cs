using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Serial.Terminals;

namespace Wand.Host.Calibration.Jig;

/// <summary>
/// The jig accelerometer on a serial line (<c>hardware/jig-accelerometer.md</c>): sends <c>MEASURE window</c> and waits
/// for the jig's reply after the window. Blocking line I/O runs on the thread pool.
/// </summary>
public sealed class JigVibrationSensor : IVibrationSensor
{
    /// <summary>Extra time beyond the window the jig has to answer, in milliseconds.</summary>
    public const int ReplyMarginMilliseconds = 500;

    private readonly IJigLine line;
    private readonly LineReader reader;
    private readonly bool ownsLine;
    private readonly int replyMarginMilliseconds;

    /// <summary>Initializes a new instance of the <see cref="JigVibrationSensor"/> class.</summary>
    /// <param name="line">The line to the jig.</param>
    /// <param name="ownsLine"><c>true</c> to close the line on dispose.</param>
    /// <param name="replyMarginMilliseconds">Time beyond the window the jig has to answer, 1 ms or more; the protocol's
    /// <see cref="ReplyMarginMilliseconds"/> unless a slower bridge needs more.</param>
    public JigVibrationSensor(IJigLine line, bool ownsLine = true, int replyMarginMilliseconds = ReplyMarginMilliseconds)
    {
        this.line = line ?? throw new ArgumentNullException(nameof(line));
        ArgumentOutOfRangeException.ThrowIfLessThan(replyMarginMilliseconds, 1);
        this.ownsLine = ownsLine;
        this.replyMarginMilliseconds = replyMarginMilliseconds;
        reader = new LineReader(line);
        Description = "jig accelerometer on " + line.Name;
    }

    /// <inheritdoc/>
    public string Description { get; private set; }

    /// <summary>Asks the jig who it is and records it in <see cref="Description"/>.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the jig answered.</returns>
    /// <exception cref="SensorException">No answer, or not the accelerometer jig.</exception>
    public async Task IdentifyAsync(CancellationToken cancellationToken = default)
    {
        string reply = await RequestAsync(JigProtocol.IdentifyRequest, replyMarginMilliseconds, cancellationToken).ConfigureAwait(false);
        (string model, string firmware, int rate) = JigProtocol.ParseIdentifyReply(reply);
        Description = $"jig accelerometer {model} {firmware} ({rate} Hz) on {line.Name}";
    }

    /// <inheritdoc/>
    public async Task<VibrationReading> MeasureAsync(int windowMilliseconds, CancellationToken cancellationToken = default)
    {
        string request = JigProtocol.MeasureRequest(windowMilliseconds);
        string reply = await RequestAsync(request, windowMilliseconds + replyMarginMilliseconds, cancellationToken).ConfigureAwait(false);
        return JigProtocol.ParseMeasureReply(reply, windowMilliseconds);
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (ownsLine)
        {
            line.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private Task<string> RequestAsync(string request, int timeoutMilliseconds, CancellationToken cancellationToken)
    {
        return Task.Run(
            () =>
            {
                try
                {
                    line.DiscardInput();
                    reader.Clear();
                    line.Write(Encoding.ASCII.GetBytes(request + "\n"));
                    string? reply = reader.ReadLine(TimeSpan.FromMilliseconds(timeoutMilliseconds));
                    return reply ?? throw new SensorException($"The jig on {line.Name} did not answer '{request}' within {timeoutMilliseconds} ms. Check the cable and that the jig is powered.");
                }
                catch (IOException error)
                {
                    throw new SensorException($"The line to the jig ({line.Name}) failed: {error.Message}", error);
                }
                catch (InvalidDataException error)
                {
                    throw new SensorException(error.Message, error);
                }
            },
            cancellationToken);
    }
}
