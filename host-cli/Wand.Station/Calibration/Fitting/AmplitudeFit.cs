using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.LinearRegression;

namespace Wand.Host.Calibration.Fitting;

/// <summary>The fitted model with its quality figures.</summary>
/// <param name="Model">The model.</param>
/// <param name="RootMeanSquareRelativeResidual">RMS of (measured − fitted) / fitted amplitude over the points, 0 or more.</param>
/// <param name="MaximumRelativeResidual">Largest |measured − fitted| / fitted amplitude, 0 or more.</param>
/// <param name="PointCount">Number of points fitted.</param>
public sealed record FitResult(AmplitudeModel Model, double RootMeanSquareRelativeResidual, double MaximumRelativeResidual, int PointCount);

/// <summary>
/// Fits <see cref="AmplitudeModel"/> to steady-state points by weighted least squares on √amplitude
/// (MathNet.Numerics <see cref="WeightedRegression"/>), weighting each point by the inverse variance of its square
/// root, and rejects fits whose residuals are too large.
/// </summary>
public static class AmplitudeFit
{
    /// <summary>Relative noise floor of each point's weight, so no single quiet point dominates.</summary>
    public const double RelativeErrorFloor = 0.005;

    /// <summary>Fits the model.</summary>
    /// <param name="points">At least two points with positive amplitude at distinct drives.</param>
    /// <param name="maximumRootMeanSquareResidual">Largest acceptable RMS relative residual, for example 0.03.</param>
    /// <param name="maximumPointResidual">Largest acceptable relative residual of any point, for example 0.06.</param>
    /// <returns>The fit.</returns>
    /// <exception cref="CalibrationFitException">Too few usable points, a non-increasing law, or residuals above the limits.</exception>
    public static FitResult Fit(IReadOnlyList<DrivePoint> points, double maximumRootMeanSquareResidual, double maximumPointResidual)
    {
        ArgumentNullException.ThrowIfNull(points);
        DrivePoint[] usable = points.Where(point => point.AmplitudeG > 0).ToArray();
        if (usable.Length < 2 || usable.Select(point => point.Millivolts).Distinct().Count() < 2)
        {
            throw new CalibrationFitException($"Only {usable.Length} usable amplitude point(s); at least two at different drives are needed.");
        }

        double[][] drives = usable.Select(point => new[] { point.Millivolts / 1000.0 }).ToArray();
        double[] roots = usable.Select(point => Math.Sqrt(point.AmplitudeG)).ToArray();
        double[] weights = usable.Select(Weight).ToArray();
        double[] parameters = WeightedRegression.Weighted(drives, roots, weights, intercept: true);
        double intercept = parameters[0];
        double slope = parameters[1];
        if (!(slope > 0) || double.IsNaN(intercept))
        {
            throw new CalibrationFitException($"Amplitude does not rise with drive (fitted slope {slope:0.###} √g/V); check that the sensor is on the head.");
        }

        AmplitudeModel model = new(-intercept / slope * 1000.0, slope);
        double sumOfSquares = 0;
        double largest = 0;
        foreach (DrivePoint point in usable)
        {
            double fitted = model.AmplitudeAt(point.Millivolts);
            double relative = fitted > 0 ? Math.Abs(point.AmplitudeG - fitted) / fitted : double.PositiveInfinity;
            sumOfSquares += relative * relative;
            largest = Math.Max(largest, relative);
        }

        double rms = Math.Sqrt(sumOfSquares / usable.Length);
        FitResult result = new(model, rms, largest, usable.Length);
        if (rms > maximumRootMeanSquareResidual || largest > maximumPointResidual)
        {
            throw new CalibrationFitException(
                $"The amplitude measurements do not fit the motor model: RMS residual {rms:P1} (limit {maximumRootMeanSquareResidual:P1}), "
                + $"worst point {largest:P1} (limit {maximumPointResidual:P1}). Check the sensor mounting and noise, then retry.");
        }

        return result;
    }

    /// <summary>Inverse variance of √A: var(√A) ≈ σ²/(4A), with a relative floor on σ.</summary>
    private static double Weight(DrivePoint point)
    {
        double error = Math.Max(point.StandardErrorG, RelativeErrorFloor * point.AmplitudeG);
        return 4 * point.AmplitudeG / (error * error);
    }
}
