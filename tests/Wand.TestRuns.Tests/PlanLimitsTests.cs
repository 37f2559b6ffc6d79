using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Wand.Core.Board;
using Wand.Host.TestRuns.Plans;
using Xunit;

namespace Wand.TestRuns.Tests;

/// <summary>
/// No QA limit in a shipped plan is looser than the firmware's safety limit it checks. The firmware side is read from
/// <see cref="SafetyLimits"/> itself, never from a copy. A measurement is tied to a firmware limit by its name.
/// </summary>
public sealed class PlanLimitsTests
{
    /// <summary>Which side of a firmware limit a plan limit must stay on.</summary>
    private enum Side
    {
        /// <summary>The plan's max must be at or below the firmware limit.</summary>
        MaximumAtMost,

        /// <summary>The plan's min must be at or above the firmware limit.</summary>
        MinimumAtLeast,
    }

    /// <summary>Measurement name → (firmware limit in the measurement's units, which side).</summary>
    private static readonly Dictionary<string, (double Firmware, Side Side)> Rules = new()
    {
        ["limit-motor-ceiling"] = (SafetyLimits.DefaultRatedMotorMillivolts / 1000.0, Side.MaximumAtMost),
        ["level-1-motor-voltage"] = (SafetyLimits.DefaultRatedMotorMillivolts / 1000.0, Side.MaximumAtMost),
        ["level-2-motor-voltage"] = (SafetyLimits.DefaultRatedMotorMillivolts / 1000.0, Side.MaximumAtMost),
        ["level-3-motor-voltage"] = (SafetyLimits.DefaultRatedMotorMillivolts / 1000.0, Side.MaximumAtMost),
        ["level-4-motor-voltage"] = (SafetyLimits.DefaultRatedMotorMillivolts / 1000.0, Side.MaximumAtMost),
        ["level-5-motor-voltage"] = (SafetyLimits.DefaultRatedMotorMillivolts / 1000.0, Side.MaximumAtMost),
        ["limit-maximum-session"] = (SafetyLimits.DefaultMaximumSessionSeconds, Side.MaximumAtMost),
        ["session-hard-maximum"] = (SafetyLimits.DefaultMaximumSessionSeconds, Side.MaximumAtMost),
        ["session-default-length"] = (SafetyLimits.DefaultSessionSeconds, Side.MaximumAtMost),
        ["session-start-ramp-time"] = (SafetyLimits.SessionStartRampMilliseconds, Side.MinimumAtLeast),
        ["level-step-slew-time"] = (SafetyLimits.MillisecondsPerLevelStep - SafetyLimits.ControlTickMilliseconds, Side.MinimumAtLeast),
        ["soft-dome-accept-time"] = (SafetyLimits.HeadAcceptMilliseconds, Side.MinimumAtLeast),
        ["ridged-wave-accept-time"] = (SafetyLimits.HeadAcceptMilliseconds, Side.MinimumAtLeast),
        ["bristle-brush-accept-time"] = (SafetyLimits.HeadAcceptMilliseconds, Side.MinimumAtLeast),
        ["head-removal-detect-time"] = (SafetyLimits.ControlTickMilliseconds, Side.MaximumAtMost),
        ["head-short-detect-time"] = (SafetyLimits.ControlTickMilliseconds, Side.MaximumAtMost),
        ["charging-stop-time"] = (SafetyLimits.ControlTickMilliseconds, Side.MaximumAtMost),
        ["limit-thermal-derate"] = (SafetyLimits.DefaultDerateStartMillidegrees / 1000.0, Side.MaximumAtMost),
        ["limit-thermal-trip"] = (SafetyLimits.DefaultTripMillidegrees / 1000.0, Side.MaximumAtMost),
        ["limit-thermal-restart"] = (SafetyLimits.DefaultThermalRestartMillidegrees / 1000.0, Side.MaximumAtMost),
        ["thermal-derate-detect-time"] = (2 * SafetyLimits.ThermalSamplePeriodMilliseconds, Side.MaximumAtMost),
        ["thermal-trip-time"] = (2 * SafetyLimits.ThermalSamplePeriodMilliseconds + SafetyLimits.ControlTickMilliseconds, Side.MaximumAtMost),
        ["limit-battery-warning"] = (SafetyLimits.DefaultBatteryWarningMillivolts / 1000.0, Side.MinimumAtLeast),
        ["limit-battery-cutoff"] = (SafetyLimits.DefaultBatteryCutoffMillivolts / 1000.0, Side.MinimumAtLeast),
        ["limit-battery-restart"] = (SafetyLimits.DefaultBatteryRestartMillivolts / 1000.0, Side.MinimumAtLeast),
        ["battery-warning-voltage"] = (SafetyLimits.DefaultBatteryWarningMillivolts / 1000.0, Side.MaximumAtMost),
    };

    public static TheoryData<string> ShippedPlans()
    {
        TheoryData<string> plans = [];
        foreach (string path in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "plans"), "*.yaml"))
        {
            plans.Add(Path.GetFileName(path));
        }

        return plans;
    }

    [Theory]
    [MemberData(nameof(ShippedPlans))]
    public void ShippedPlan_NoLimitLooserThanTheFirmware(string planFile)
    {
        TestPlan plan = PlanRunning.Load(planFile);
        List<string> looser = [];
        foreach (MeasurementSpec measurement in plan.Measurements.Where(measurement => Rules.ContainsKey(measurement.Name)))
        {
            (double firmware, Side side) = Rules[measurement.Name];
            if (side == Side.MaximumAtMost && !(measurement.Maximum <= firmware + 1e-9))
            {
                looser.Add($"{measurement.Location}: {measurement.Name} max {measurement.Maximum?.ToString() ?? "none"} is looser than the firmware's {firmware}");
            }

            if (side == Side.MinimumAtLeast && !(measurement.Minimum >= firmware - 1e-9))
            {
                looser.Add($"{measurement.Location}: {measurement.Name} min {measurement.Minimum?.ToString() ?? "none"} is looser than the firmware's {firmware}");
            }
        }

        Assert.True(looser.Count == 0, string.Join(Environment.NewLine, looser));
    }

    [Fact]
    public void EndOfLine_ChecksEveryFirmwareLimitInTheTable()
    {
        HashSet<string> names = PlanRunning.Load("end-of-line.yaml").Measurements.Select(measurement => measurement.Name).ToHashSet();

        string[] missing = Rules.Keys.Where(name => !names.Contains(name)).ToArray();

        Assert.True(missing.Length == 0, "not measured: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void EndOfLine_LevelAmplitudeLimits_BracketTheProductTarget(int level)
    {
        double target = Wand.Simulation.IdealCalibration.TargetAmplitudeG(level);
        MeasurementSpec amplitude = PlanRunning.Load("end-of-line.yaml").Measurements.Single(measurement => measurement.Name == $"level-{level}-amplitude");

        Assert.InRange(target, amplitude.MarginalMinimum!.Value, amplitude.MarginalMaximum!.Value);
        Assert.InRange(amplitude.Minimum!.Value, target * 0.89, target * 0.95);
        Assert.InRange(amplitude.Maximum!.Value, target * 1.05, target * 1.11);
    }

    [Fact]
    public void LimitCheck_LooserPlan_IsCaught()
    {
        TestPlan plan = PlanLoader.Parse(
            """
            plan: loose
            phases:
              - name: p
                steps:
                  - read: limits
                    measure:
                      - {name: limit-thermal-trip, field: thermal-trip-c, max: 43}
            """,
            "loose.yaml");
        MeasurementSpec trip = plan.Measurements.Single();

        Assert.False(trip.Maximum <= Rules["limit-thermal-trip"].Firmware);
    }
}
