using System;
using Wand.Host.Calibration;

namespace Wand.Calibration.Tests.Fakes;

/// <summary>Delivers progress on the reporting thread, in order (unlike <see cref="Progress{T}"/>).</summary>
internal sealed class SynchronousProgress(Action<CalibrationProgress> handler) : IProgress<CalibrationProgress>
{
    public void Report(CalibrationProgress value) => handler(value);
}
