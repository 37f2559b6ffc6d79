using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Serial.Terminals;

namespace Wand.Host.Calibration.Jig;

/// <summary>How a <see cref="SimulatedJig"/> misbehaves, for tests of the client.</summary>
public enum SimulatedJigFault
{
    /// <summary>Answers by the protocol.</summary>
    None,

    /// <summary>Reads requests but never answers.</summary>
    Silent,

    /// <summary>Answers every measurement with <c>ERR SENSOR</c>.</summary>
    SensorError,

    /// <summary>Answers with a line that breaks the protocol.</summary>
    Garbage,
}

/// <summary>
/// A jig accelerometer in software: serves the line protocol on one end of a line (a pseudo-terminal's controller
/// side), measuring through any <see cref="IVibrationSensor"/>, typically the virtual wand's head accelerometer.
/// </summary>
public sealed class SimulatedJig : IDisposable
{
    private readonly IJigLine line;
    private readonly IVibrationSensor sensor;
    private readonly Thread thread;
    private volatile bool stopping;

    /// <summary>Initializes a new instance of the <see cref="SimulatedJig"/> class and starts serving.</summary>
    /// <param name="line">The jig's end of the line.</param>
    /// <param name="sensor">What it measures with.</param>
    public SimulatedJig(IJigLine line, IVibrationSensor sensor)
    {
        this.line = line ?? throw new ArgumentNullException(nameof(line));
        this.sensor = sensor ?? throw new ArgumentNullException(nameof(sensor));
        thread = new Thread(Serve) { IsBackground = true, Name = "simulated jig" };
        thread.Start();
    }

    /// <summary>Gets or sets the fault to simulate.</summary>
    public SimulatedJigFault Fault { get; set; }

    /// <summary>Gets the number of requests served.</summary>
    public int RequestCount { get; private set; }

    /// <inheritdoc/>
    public void Dispose()
    {
        stopping = true;
        thread.Join(TimeSpan.FromSeconds(2));
    }

    private void Serve()
    {
        LineReader reader = new(line);
        try
        {
            while (!stopping)
            {
                string? request = reader.ReadLine(TimeSpan.FromMilliseconds(50));
                if (request is null)
                {
                    continue;
                }

                RequestCount++;
                string? reply = Answer(request);
                if (reply is not null)
                {
                    line.Write(Encoding.ASCII.GetBytes(reply + "\n"));
                }
            }
        }
        catch (IOException)
        {
            // The host closed its end.
        }
    }

    private string? Answer(string request)
    {
        if (Fault == SimulatedJigFault.Silent)
        {
            return null;
        }

        if (Fault == SimulatedJigFault.Garbage)
        {
            return "OK MEASURE banana";
        }

        string[] fields = request.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 1 && fields[0] == JigProtocol.IdentifyRequest)
        {
            return "OK ID SIMJIG 1.0 1000";
        }

        if (fields.Length != 2 || fields[0] != "MEASURE")
        {
            return "ERR BADCMD unknown request";
        }

        if (!int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out int window)
            || window < SensorWindow.MinimumMilliseconds || window > SensorWindow.MaximumMilliseconds)
        {
            return "ERR RANGE window must be 5 to 2000 ms";
        }

        if (Fault == SimulatedJigFault.SensorError)
        {
            return "ERR SENSOR no data from the accelerometer";
        }

        return JigProtocol.MeasureReply(sensor.MeasureAsync(window).GetAwaiter().GetResult());
    }
}
