using System;
using System.Globalization;
using Wand.Host.Calibration.Sensors;

namespace Wand.Host.Calibration.Jig;

/// <summary>
/// The jig accelerometer's line protocol (<c>hardware/jig-accelerometer.md</c>): ASCII lines ending in LF, one
/// request and one reply at a time. Pure formatting and parsing, no I/O.
/// </summary>
public static class JigProtocol
{
    /// <summary>Line rate of the jig, in bits per second (8N1).</summary>
    public const int BaudRate = 115200;

    /// <summary>Longest line either side sends, in bytes, including the LF.</summary>
    public const int MaximumLineLength = 128;

    /// <summary>The identify request.</summary>
    public const string IdentifyRequest = "ID";

    /// <summary>Formats a measure request.</summary>
    /// <param name="windowMilliseconds">The window, 5 to 2000 ms.</param>
    /// <returns>The request line without LF.</returns>
    public static string MeasureRequest(int windowMilliseconds)
    {
        SensorWindow.Check(windowMilliseconds);
        return "MEASURE " + windowMilliseconds.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Formats a measure reply (the jig's side).</summary>
    /// <param name="reading">The reading.</param>
    /// <returns>The reply line without LF.</returns>
    public static string MeasureReply(VibrationReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"OK MEASURE {reading.WindowMilliseconds} {reading.SampleCount} {reading.AmplitudeG:0.000000} {reading.AmplitudeDeviationG:0.000000} {reading.FrequencyHertz:0.00}");
    }

    /// <summary>Parses a measure reply.</summary>
    /// <param name="line">The line without LF (a trailing CR is ignored).</param>
    /// <param name="windowMilliseconds">The window that was requested.</param>
    /// <returns>The reading.</returns>
    /// <exception cref="SensorException">An error reply, or a line that breaks the protocol; the message quotes it.</exception>
    public static VibrationReading ParseMeasureReply(string line, int windowMilliseconds)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] fields = Fields(line);
        ThrowIfError(fields, line);
        if (fields.Length < 7 || fields[0] != "OK" || fields[1] != "MEASURE")
        {
            throw new SensorException($"The jig answered '{line.Trim()}' to MEASURE; expected 'OK MEASURE window samples amplitude deviation frequency'.");
        }

        int window = Integer(fields[2], "window", line);
        int samples = Integer(fields[3], "samples", line);
        double amplitude = Number(fields[4], "amplitude", line);
        double deviation = Number(fields[5], "deviation", line);
        double frequency = Number(fields[6], "frequency", line);
        if (window != windowMilliseconds || samples < 1 || amplitude < 0 || deviation < 0 || frequency < 0)
        {
            throw new SensorException($"The jig's reply '{line.Trim()}' is out of range (window {windowMilliseconds} ms requested; samples ≥ 1; values ≥ 0).");
        }

        return new VibrationReading(amplitude, deviation, frequency, samples, window);
    }

    /// <summary>Parses an identify reply: <c>OK ID model firmware sample-rate-hz</c>.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The model, firmware and sample rate.</returns>
    /// <exception cref="SensorException">Not an identify reply.</exception>
    public static (string Model, string Firmware, int SampleRateHertz) ParseIdentifyReply(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] fields = Fields(line);
        ThrowIfError(fields, line);
        if (fields.Length < 5 || fields[0] != "OK" || fields[1] != "ID")
        {
            throw new SensorException($"The jig answered '{line.Trim()}' to ID; expected 'OK ID model firmware sample-rate-hz'. Is this the accelerometer jig?");
        }

        return (fields[2], fields[3], Integer(fields[4], "sample rate", line));
    }

    private static string[] Fields(string line) => line.TrimEnd('\r').Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void ThrowIfError(string[] fields, string line)
    {
        if (fields.Length >= 1 && fields[0] == "ERR")
        {
            throw new SensorException($"The jig reported an error: {line.Trim()}.");
        }
    }

    private static int Integer(string text, string name, string line)
    {
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new SensorException($"The jig's {name} '{text}' in '{line.Trim()}' is not a whole number.");
    }

    private static double Number(string text, string name, string line)
    {
        return double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new SensorException($"The jig's {name} '{text}' in '{line.Trim()}' is not a number.");
    }
}
