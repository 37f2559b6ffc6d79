namespace Wand.Host.Calibration;

/// <summary>Base of calibration failures; the device keeps its previous record (or the safe defaults).</summary>
/// <param name="message">What failed and what to do.</param>
public class CalibrationException(string message) : WandHostException(message);

/// <summary>The unit is not in factory mode and the procedure cannot put it there (real hardware).</summary>
/// <param name="message">How to enter factory mode.</param>
public sealed class FactoryModeRequiredException(string message) : WandHostException(message);

/// <summary>The motor did not start even at the drive ceiling.</summary>
/// <param name="message">What was tried.</param>
public sealed class MotorDoesNotStartException(string message) : CalibrationException(message);

/// <summary>The unit cannot meet the specification: top amplitude unreachable below the ceiling, thresholds implausible.</summary>
/// <param name="message">Which limit the unit misses.</param>
public sealed class UnitOutOfRangeException(string message) : CalibrationException(message);

/// <summary>The measurements do not fit the motor model well enough (noisy sensor, loose fixture).</summary>
/// <param name="message">The residual and its limit.</param>
public sealed class CalibrationFitException(string message) : CalibrationException(message);

/// <summary>Re-measuring the levels found one outside its tolerance; nothing was written.</summary>
/// <param name="message">Which level, measured against target.</param>
public sealed class VerificationFailedException(string message) : CalibrationException(message);

/// <summary>The record read back differs from the record written.</summary>
/// <param name="message">What differed.</param>
public sealed class ReadBackMismatchException(string message) : CalibrationException(message);
