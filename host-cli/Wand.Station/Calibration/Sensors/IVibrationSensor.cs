using System;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.Host.Calibration.Sensors;

/// <summary>
/// The accelerometer that measures the wand's vibration during calibration: the virtual wand's simulated head
/// accelerometer, or a jig accelerometer on a serial line. The sensor also owns the passage of time during a
/// measurement (real time on a jig, virtual time on a virtual wand), so the procedure never sleeps on its own.
/// </summary>
public interface IVibrationSensor : IAsyncDisposable
{
    /// <summary>Gets a short description for reports, for example <c>simulated head accelerometer</c> or <c>jig /dev/ttyUSB1</c>.</summary>
    string Description { get; }

    /// <summary>Measures over the next window of time: the mean amplitude, its spread and the vibration frequency.</summary>
    /// <param name="windowMilliseconds">Length of the window, 5 to 2000 ms.</param>
    /// <param name="cancellationToken">Cancels the measurement.</param>
    /// <returns>The reading over the window.</returns>
    /// <exception cref="SensorException">The sensor failed or answered out of protocol.</exception>
    Task<VibrationReading> MeasureAsync(int windowMilliseconds, CancellationToken cancellationToken = default);
}
