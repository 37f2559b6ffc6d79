using System;

namespace Wand.Host.Calibration.Sensors;

/// <summary>Mean and standard deviation of a stream of samples (Welford's update), without storing them.</summary>
public struct RunningStatistics
{
    private double mean;
    private double sumOfSquares;

    /// <summary>Gets the number of samples.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the mean, 0 when empty.</summary>
    public readonly double Mean => mean;

    /// <summary>Gets the sample standard deviation, 0 with fewer than two samples.</summary>
    public readonly double StandardDeviation => Count > 1 ? Math.Sqrt(sumOfSquares / (Count - 1)) : 0;

    /// <summary>Adds a sample.</summary>
    /// <param name="value">The sample.</param>
    public void Add(double value)
    {
        Count++;
        double delta = value - mean;
        mean += delta / Count;
        sumOfSquares += delta * (value - mean);
    }
}
