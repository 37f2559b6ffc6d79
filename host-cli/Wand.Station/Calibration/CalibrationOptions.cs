using System;

namespace Wand.Host.Calibration;

/// <summary>Tuning of the calibration procedure. Every default suits the reference board and a 1 kHz accelerometer.</summary>
public sealed record CalibrationOptions
{
    /// <summary>Gets the level targets; the product specification by default.</summary>
    public LevelTargets Targets { get; init; } = LevelTargets.Product;

    /// <summary>Gets the lower end of the breakaway search, in millivolts (the motor must not start there).</summary>
    public int BreakawaySearchFloorMillivolts { get; init; } = 1200;

    /// <summary>Gets the resolution of the breakaway bisection, in millivolts.</summary>
    public int BreakawayResolutionMillivolts { get; init; } = 30;

    /// <summary>Gets how long each breakaway probe watches the driven rotor, in milliseconds.</summary>
    public int BreakawayProbeMilliseconds { get; init; } = 10;

    /// <summary>Gets the step of the sustain ramp-down, in millivolts.</summary>
    public int SustainStepMillivolts { get; init; } = 20;

    /// <summary>Gets how long the ramp-down holds each step, in milliseconds.</summary>
    public int SustainHoldMilliseconds { get; init; } = 60;

    /// <summary>Gets the window of settle detection, in milliseconds.</summary>
    public int SettleWindowMilliseconds { get; init; } = 20;

    /// <summary>Gets the relative change between two settle windows below which a reading counts as settled.</summary>
    public double SettleTolerance { get; init; } = 0.0015;

    /// <summary>Gets the longest wait for a reading to settle, in milliseconds.</summary>
    public int SettleTimeoutMilliseconds { get; init; } = 2000;

    /// <summary>Gets the amplitude averaging window after settling, in milliseconds.</summary>
    public int MeasureWindowMilliseconds { get; init; } = 80;

    /// <summary>Gets the largest accepted RMS relative residual of the fit.</summary>
    public double MaximumRootMeanSquareResidual { get; init; } = 0.03;

    /// <summary>Gets the largest accepted relative residual of any fitted point.</summary>
    public double MaximumPointResidual { get; init; } = 0.06;

    /// <summary>Gets the fraction of the level tolerance a verified level may use (a guard band for measurement error), 0 to 1.</summary>
    public double VerificationGuardFraction { get; init; } = 0.8;

    /// <summary>Gets how long a raw-drive request lasts if the host goes silent, in milliseconds (the wand stops then).</summary>
    public int RawDriveLeaseMilliseconds { get; init; } = 3000;

    /// <summary>Gets the clock the duration is measured on, in milliseconds (virtual time on a virtual wand); <c>null</c> for the wall clock.</summary>
    public Func<long>? Clock { get; init; }

    /// <summary>
    /// Gets what power-cycles the unit with or without the factory strap when the link cannot itself (a station's
    /// fixture, <see cref="Station.FixtureStrapControl"/>); <c>null</c> leaves it to the link or the operator.
    /// </summary>
    public IFactoryStrapControl? StrapControl { get; init; }

    /// <summary>Gets a value indicating whether to leave factory mode at the end (power-cycle a virtual wand).</summary>
    public bool LeaveFactoryMode { get; init; } = true;
}
