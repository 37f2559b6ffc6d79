namespace Wand.Host.Calibration;

/// <summary>The steps of a calibration, in order.</summary>
public enum CalibrationStage
{
    /// <summary>Entering factory mode, reading identity and the current record.</summary>
    Preparing,

    /// <summary>Searching the breakaway voltage with short pulses from standstill.</summary>
    Breakaway,

    /// <summary>Measuring settled amplitude against drive.</summary>
    Sweep,

    /// <summary>Fitting the motor model and computing the levels.</summary>
    Fitting,

    /// <summary>Ramping down from spinning to find the sustain threshold.</summary>
    Sustain,

    /// <summary>Re-measuring every level against its target.</summary>
    Verifying,

    /// <summary>Writing the record and reading it back.</summary>
    Writing,

    /// <summary>Leaving factory mode.</summary>
    Finishing,
}

/// <summary>A progress report of the calibration procedure.</summary>
/// <param name="Stage">The current step.</param>
/// <param name="Message">What is happening, for people.</param>
/// <param name="Fraction">Overall progress, 0.0 to 1.0.</param>
public sealed record CalibrationProgress(CalibrationStage Stage, string Message, double Fraction);
