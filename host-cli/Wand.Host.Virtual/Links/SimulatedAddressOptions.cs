using System;
using System.Globalization;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Vocabulary;
using Wand.Simulation;

namespace Wand.Host.Links;

/// <summary>
/// Parses the options of a <c>sim</c> address: <c>sim:KEY=VALUE,KEY=VALUE</c>, e.g.
/// <c>sim:head=none,battery=3.5,clock=realtime</c>. Keys: <c>head</c> (none, soft-dome, ridged-wave, bristle-brush),
/// <c>battery</c> (3.0–4.2 V), <c>temperature</c> (−20–90 °C), <c>usb</c> (on/off), <c>factory</c> (on/off),
/// <c>calibrated</c> (on/off), <c>sensor-calibrated</c> (on/off), <c>seed</c>, <c>motor-spread</c> (0–0.5), <c>defect</c>
/// (a seeded production defect, <see cref="BoardDefects.Catalogue"/>), <c>clock</c> (virtual, realtime),
/// <c>motor-gain</c> (0.5–1.5: the fitted motor's speed gain relative to the one its calibration record was computed
/// for, a seeded production defect such as a swapped motor).
/// </summary>
public static class SimulatedAddressOptions
{
    /// <summary>The keys, for messages and help.</summary>
    public const string Keys = "head=none|soft-dome|ridged-wave|bristle-brush, battery=VOLTS (3.0-4.2), temperature=CELSIUS (-20-90), usb=on|off, factory=on|off, calibrated=on|off, sensor-calibrated=on|off, seed=N, motor-spread=0-0.5, defect=NAME (" + BoardDefects.Catalogue + "), clock=virtual|realtime, motor-gain=0.5-1.5";

    /// <summary>Parses the option text after <c>sim:</c>.</summary>
    /// <param name="text">The text; empty for the defaults.</param>
    /// <returns>The options.</returns>
    /// <exception cref="InvalidDeviceAddressException">A key or value is not understood; the message names it.</exception>
    public static SimulatedWandOptions Parse(string text)
    {
        SimulatedWandOptions options = new();
        if (string.IsNullOrWhiteSpace(text))
        {
            return options;
        }

        foreach (string pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InvalidDeviceAddressException($"sim option '{pair}' is not KEY=VALUE; keys: {Keys}.");
            }

            string key = pair[..equals].Trim().ToLowerInvariant();
            string value = pair[(equals + 1)..].Trim().ToLowerInvariant();
            options = key switch
            {
                "head" => options with { Head = ParseHead(value) },
                "battery" => options with { BatteryVolts = Number(key, value, 3.0, 4.2) },
                "temperature" => options with { TemperatureCelsius = Number(key, value, -20, 90) },
                "usb" => options with { UsbPlugged = Switch(key, value) },
                "factory" => options with { FactoryMode = Switch(key, value) },
                "calibrated" => options with { Calibrated = Switch(key, value) },
                "sensor-calibrated" => options with { SensorCalibrated = Switch(key, value) },
                "seed" => options with { Seed = (ulong)Number(key, value, 0, uint.MaxValue) },
                "motor-spread" => options with { MotorSpread = Number(key, value, 0, 0.5) },
                "motor-gain" => options with
                {
                    Motor = Wand.Simulation.ErmMotorParameters.Nominal with { SpeedGainRpmPerVolt = Wand.Simulation.ErmMotorParameters.Nominal.SpeedGainRpmPerVolt * Number(key, value, 0.5, 1.5) },
                    CalibrationMotor = Wand.Simulation.ErmMotorParameters.Nominal,
                },
                "defect" => options with { Defect = BoardDefects.TryParse(value, out BoardDefect defect) ? defect : throw new InvalidDeviceAddressException($"sim option defect={value}: use one of {BoardDefects.Catalogue}.") },
                "clock" => options with { ClockMode = value switch
                {
                    "virtual" => SimulatedClockMode.Virtual,
                    "realtime" or "real-time" => SimulatedClockMode.RealTime,
                    _ => throw new InvalidDeviceAddressException($"sim option clock={value}: use clock=virtual or clock=realtime."),
                }, },
                _ => throw new InvalidDeviceAddressException($"sim option '{key}' is not known; keys: {Keys}."),
            };
        }

        return options;
    }

    /// <summary>Parses a head name: none, soft-dome, ridged-wave or bristle-brush.</summary>
    /// <param name="value">The name.</param>
    /// <returns>The head identity.</returns>
    /// <exception cref="InvalidDeviceAddressException">The name is not a head.</exception>
    public static HeadIdentity ParseHead(string value) => (value ?? string.Empty).Trim().ToLowerInvariant() switch
    {
        "none" => HeadIdentity.None,
        "soft-dome" or "a" => HeadIdentity.SoftDome,
        "ridged-wave" or "b" => HeadIdentity.RidgedWave,
        "bristle-brush" or "c" => HeadIdentity.BristleBrush,
        _ => throw new InvalidDeviceAddressException($"head '{value}' is not one of none, soft-dome, ridged-wave, bristle-brush."),
    };

    private static double Number(string key, string value, double minimum, double maximum)
    {
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        throw new InvalidDeviceAddressException($"sim option {key}={value}: use a number from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static bool Switch(string key, string value) => value switch
    {
        "on" or "yes" or "true" or "1" => true,
        "off" or "no" or "false" or "0" => false,
        _ => throw new InvalidDeviceAddressException($"sim option {key}={value}: use on or off."),
    };
}
