using System;
using Wand.Host.Links.Simulated;

namespace Wand.Host.Serving;

/// <summary>How a served virtual wand runs.</summary>
public sealed record VirtualWandHostOptions
{
    /// <summary>Gets the pace: virtual time runs at this multiple of real time, 0.1 to 1000 (default 1, real time).</summary>
    public double Speed { get; init; } = 1;

    /// <summary>
    /// Gets a value indicating whether the wand's time passes only when a client asks for it (world control
    /// <c>advance</c>, or an instrument measuring over a window), never on its own: device time is then exactly the
    /// time the station let pass, and a station's timing measurements repeat to the millisecond. <see cref="Speed"/>
    /// only paces what takes wall-clock time, such as the answer to a button press.
    /// </summary>
    public bool Stepped { get; init; }

    /// <summary>Gets the world the wand boots in (head, battery, temperature, USB, calibration, motor); <c>null</c> for a typical calibrated unit with the soft-dome head.</summary>
    public SimulatedWandOptions? World { get; init; }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The speed is out of range.</exception>
    public void Validate()
    {
        if (!(Speed >= 0.1 && Speed <= 1000))
        {
            throw new ArgumentOutOfRangeException(nameof(Speed), Speed, "The speed must be 0.1 to 1000 times real time.");
        }
    }
}
