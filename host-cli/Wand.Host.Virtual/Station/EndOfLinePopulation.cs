using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links.Simulated;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Records;
using Wand.Simulation;

namespace Wand.Host.TestRuns.Running;

/// <summary>
/// Runs one parsed test plan (the end-of-line plan) on a population of in-process virtual wands, boards in parallel and
/// each in its own virtual time, with the fixture wired as <c>wand test run --device sim:…</c> wires it. Each unit
/// leaves the factory as the line ships it: the station's sensor calibration (SR-18) fitted from the board's own
/// readings and the motor calibration for its motor (a seeded defect may spoil either, physically). No reports are
/// rendered: a unit's result is its outcome and the names of its failed and marginal measurements.
/// </summary>
public static class EndOfLinePopulation
{
    /// <summary>The motor spread of the population (±25 %, MD-5).</summary>
    public const double PopulationMotorSpread = 0.25;

    /// <summary>The options of one unit of the population.</summary>
    /// <param name="seed">The unit's seed (its parts, motor and noise).</param>
    /// <param name="defect">The seeded defect; <see cref="BoardDefect.None"/> for a good unit.</param>
    /// <returns>The options, as <c>sim:seed=SEED,motor-spread=0.25,defect=DEFECT</c>.</returns>
    public static SimulatedWandOptions Unit(ulong seed, BoardDefect defect = BoardDefect.None) => new()
    {
        Seed = seed,
        MotorSpread = PopulationMotorSpread,
        Defect = defect,
    };

    /// <summary>
    /// The options of one unit as it reaches the station from assembly: no motor and no sensor calibration, so the
    /// station's own plans (sensor calibration, motor calibration) must calibrate it before end-of-line.
    /// </summary>
    /// <param name="seed">The unit's seed (its parts, motor and noise).</param>
    /// <param name="defect">The seeded defect; <see cref="BoardDefect.None"/> for a good unit.</param>
    /// <returns>The options.</returns>
    public static SimulatedWandOptions UncalibratedUnit(ulong seed, BoardDefect defect = BoardDefect.None) =>
        Unit(seed, defect) with { Calibrated = false, SensorCalibrated = false };

    /// <summary>Runs the plan on one unit.</summary>
    /// <param name="plan">The parsed plan (shared between units: a plan is data).</param>
    /// <param name="options">The unit.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The unit's result.</returns>
    public static Task<UnitResult> RunUnitAsync(TestPlan plan, SimulatedWandOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunUnitAsync([plan], options, cancellationToken);
    }

    /// <summary>Runs the station's plans on one unit in order, as its station line does, until one does not pass.</summary>
    /// <param name="plans">The parsed plans, e.g. sensor calibration, motor calibration, end-of-line.</param>
    /// <param name="options">The unit.</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>The unit's result: the first plan that did not pass, or the last plan's.</returns>
    public static async Task<UnitResult> RunUnitAsync(IReadOnlyList<TestPlan> plans, SimulatedWandOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfZero(plans.Count);
        SimulatedWandLink link = new(options);
        await using (link.ConfigureAwait(false))
        {
            TestRecord? record = null;
            foreach (TestPlan plan in plans)
            {
                TestRunner runner = new(new RunOptions { StationId = "population", HostVersion = string.Empty, FixtureActions = WorldFixtureActions.For(link) });
                record = await runner.RunAsync(plan, link, new SimulatedStationFixture(link), null, cancellationToken).ConfigureAwait(false);
                if (record.Outcome != RunOutcome.Pass)
                {
                    break;
                }
            }

            List<MeasurementRecord> measurements = record!.Phases.SelectMany(phase => phase.Measurements).ToList();
            return new UnitResult(
                options.Seed,
                options.Defect,
                record.Outcome,
                measurements.Where(measurement => measurement.Outcome == MeasurementOutcome.Fail).Select(measurement => measurement.Name).ToArray(),
                measurements.Where(measurement => measurement.Marginal).Select(measurement => measurement.Name).ToArray(),
                measurements.Where(measurement => measurement.Outcome == MeasurementOutcome.Fail).Select(measurement => Describe(measurement)).ToArray(),
                record.OutcomeDetails);
        }
    }

    /// <summary>Runs the plan on many units in parallel.</summary>
    /// <param name="plan">The parsed plan.</param>
    /// <param name="units">The units.</param>
    /// <param name="parallelism">Units run at once, 1 or more (the cores to use).</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>One result per unit, in the order given.</returns>
    public static Task<UnitResult[]> RunAsync(TestPlan plan, IReadOnlyList<SimulatedWandOptions> units, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return RunAsync([plan], units, parallelism, cancellationToken);
    }

    /// <summary>Runs the station's plans, in order, on many units in parallel.</summary>
    /// <param name="plans">The parsed plans, in the order the station runs them.</param>
    /// <param name="units">The units.</param>
    /// <param name="parallelism">Units run at once, 1 or more (the cores to use).</param>
    /// <param name="cancellationToken">Cancels the runs.</param>
    /// <returns>One result per unit, in the order given.</returns>
    public static async Task<UnitResult[]> RunAsync(IReadOnlyList<TestPlan> plans, IReadOnlyList<SimulatedWandOptions> units, int parallelism, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        UnitResult[] results = new UnitResult[units.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, units.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (index, token) => results[index] = await RunUnitAsync(plans, units[index], token).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    private static string Describe(MeasurementRecord measurement)
    {
        string value = measurement.NumericValue is double number
            ? number.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) + " " + measurement.Units
            : measurement.TextValue ?? string.Empty;
        string window = measurement.Minimum is not null || measurement.Maximum is not null
            ? $" in [{measurement.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {measurement.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture)}]"
            : measurement.Expected is string expected ? " = " + expected : string.Empty;
        return $"{measurement.Name} {value.Trim()}{window}";
    }
}

/// <summary>One unit's end-of-line result.</summary>
/// <param name="Seed">The unit's seed.</param>
/// <param name="Defect">The seeded defect.</param>
/// <param name="Outcome">The run's outcome.</param>
/// <param name="FailedMeasurements">Names of the failed measurements, in plan order.</param>
/// <param name="MarginalMeasurements">Names of the marginal measurements, in plan order.</param>
/// <param name="Failures">Each failed measurement with its value and window.</param>
/// <param name="Details">The run's outcome details (the first failure or error).</param>
public sealed record UnitResult(
    ulong Seed,
    BoardDefect Defect,
    RunOutcome Outcome,
    IReadOnlyList<string> FailedMeasurements,
    IReadOnlyList<string> MarginalMeasurements,
    IReadOnlyList<string> Failures,
    string Details)
{
    /// <summary>Gets a value indicating whether the unit passed first time.</summary>
    public bool Passed => Outcome == RunOutcome.Pass;
}
