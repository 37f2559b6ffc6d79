using System;

namespace Wand.Host.Calibration.Sensors;

/// <summary>The range of measurement windows every sensor accepts.</summary>
public static class SensorWindow
{
    /// <summary>Shortest window, in milliseconds.</summary>
    public const int MinimumMilliseconds = 5;

    /// <summary>Longest window, in milliseconds.</summary>
    public const int MaximumMilliseconds = 2000;

    /// <summary>Checks a window length.</summary>
    /// <param name="windowMilliseconds">The window, in milliseconds.</param>
    /// <exception cref="ArgumentOutOfRangeException">Outside 5 to 2000 ms.</exception>
    public static void Check(int windowMilliseconds)
    {
        if (windowMilliseconds < MinimumMilliseconds || windowMilliseconds > MaximumMilliseconds)
        {
            throw new ArgumentOutOfRangeException(nameof(windowMilliseconds), windowMilliseconds, "A measurement window is 5 to 2000 ms.");
        }
    }
}
