using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Wand.Cli.Output;
using Wand.Host;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Jig;
using Wand.Host.Calibration.Reports;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Calibration.Station;
using Wand.Host.Instruments;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Host.Serial;
using Wand.Host.TestRuns.Plans;
using Wand.Host.TestRuns.Running;
using Wand.Simulation;

namespace Wand.Cli.Commands;

/// <summary>
/// <c>wand calibrate</c>: calibrates one wand's motor (MD-2) with an accelerometer on the head, writes the verified
/// record, and writes a JSON and an HTML report for the unit.
/// </summary>
internal static class CalibrateCommand
{
    private static readonly Option<string> Sensor = new("--sensor")
    {
        Description = "The accelerometer on the head: sim (the virtual wand's, default) or the jig on serial:/dev/ttyUSB1 or serial:tcp://HOST:PORT (see hardware/jig-accelerometer.md).",
        DefaultValueFactory = _ => "sim",
    };

    private static readonly Option<DirectoryInfo> ReportDirectory = new("--report-dir")
    {
        Description = "Directory for the unit's JSON and HTML reports.",
        DefaultValueFactory = _ => new DirectoryInfo("calibration-reports"),
    };

    private static readonly Option<FileInfo> StationConfig = new("--station-config")
    {
        Description = "Station configuration (YAML, hardware/station-fixture.md): measure with the instrument it maps to head-vibration and, where it maps factory-strap, power-cycle the unit into and out of factory mode through the fixture. Not with --sensor.",
    };

    private static readonly Option<bool> Miscalibrate = new("--sim-miscalibrate")
    {
        Description = "Virtual wand only: before calibrating, store the record of a different motor (as after a motor swap).",
    };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        Command command = new("calibrate", "Calibrate a wand's motor: measure, fit, verify every level, write the record and report. Example: wand calibrate --device sim:calibrated=off,motor-spread=0.25,seed=4")
        {
            Sensor,
            ReportDirectory,
            StationConfig,
            Miscalibrate,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            // The reports are the unit's paperwork: a folder that cannot take them stops the job before the wand is touched.
            DirectoryInfo reports = parseResult.GetValue(ReportDirectory)!;
            InvocationConfiguration invocation = parseResult.InvocationConfiguration;
            StationConfiguration? station = null;
            if (parseResult.GetValue(StationConfig) is FileInfo configurationFile)
            {
                if (parseResult.GetResult(Sensor) is { Implicit: false })
                {
                    return Task.FromResult(ExitCodeMapping.Report(invocation.Output, invocation.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.ValueOutOfRange, "--sensor and --station-config both name the accelerometer; give one. Nothing was calibrated."));
                }

                try
                {
                    station = StationConfigurationLoader.Load(configurationFile.FullName);
                }
                catch (PlanValidationException exception)
                {
                    return Task.FromResult(TestRuns.TestRunErrors.Report(invocation.Output, invocation.Error, parseResult.GetValue(CommonOptions.Json), exception, ExitCode.InvalidInput));
                }
            }

            try
            {
                OutputFiles.CheckWritableFolder(reports.FullName, "--report-dir");
            }
            catch (IOException exception)
            {
                InvocationConfiguration configuration = parseResult.InvocationConfiguration;
                return Task.FromResult(ExitCodeMapping.Report(configuration.Output, configuration.Error, parseResult.GetValue(CommonOptions.Json), ExitCode.CalibrationReportFailed, exception.Message + " Nothing was calibrated."));
            }

            return DeviceSession.RunAsync(
                parseResult,
                (context, token) => RunAsync(context, new Request(parseResult.GetValue(Sensor) ?? "sim", reports, parseResult.GetValue(Miscalibrate), station), token),
                cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(DeviceContext context, Request request, CancellationToken cancellationToken)
    {
        IWandLink link = context.Client.Link;
        SimulatedWandLink? simulated = link as SimulatedWandLink;
        bool virtualUnit = simulated is not null && simulated.Options.ClockMode == SimulatedClockMode.Virtual;
        if (request.Miscalibrate && !virtualUnit)
        {
            return ExitCodeMapping.Report(context.Output, context.Error, context.Json, ExitCode.ValueOutOfRange, "--sim-miscalibrate needs an in-process virtual wand with the virtual clock (--device sim).");
        }

        StationInstruments? instruments = null;
        IVibrationSensor sensor;
        try
        {
            if (request.Station is StationConfiguration station)
            {
                instruments = await StationInstruments.OpenAsync(station, WorldFixtureActions.For(link), null, cancellationToken).ConfigureAwait(false);
                sensor = StationSensor(instruments, link);
            }
            else
            {
                sensor = await OpenSensorAsync(request.Sensor, link, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception failure) when (failure is SensorException or SerialPortException or IOException or InstrumentException)
        {
            if (instruments is not null)
            {
                await instruments.DisposeAsync().ConfigureAwait(false);
            }

            return ExitCodeMapping.Report(context.Output, context.Error, context.Json, ExitCode.CalibrationSensorError, failure.Message + " Nothing was calibrated.");
        }

        await using (instruments)
        await using (sensor.ConfigureAwait(false))
        {
            if (request.Miscalibrate)
            {
                await StoreAnotherMotorsRecordAsync(simulated!, cancellationToken).ConfigureAwait(false);
            }

            double[]? before = virtualUnit ? VirtualUnitCheck.MeasureLevels(simulated!.Wand) : null;
            CalibrationOptions options = virtualUnit ? new CalibrationOptions { Clock = () => simulated!.Wand.Now } : new CalibrationOptions();
            if (link is not IFactoryStrapControl && instruments?.Actions is ICalibrationActions { CanPowerCycle: true } fixture)
            {
                options = options with { StrapControl = new FixtureStrapControl(link, fixture) };
            }

            IProgress<CalibrationProgress>? progress = context.Json ? null : new TerminalProgress(context.Output);
            CalibrationResult result = await new CalibrationProcedure(link, sensor, options).RunAsync(progress, cancellationToken).ConfigureAwait(false);
            double[]? after = virtualUnit ? VirtualUnitCheck.MeasureLevels(simulated!.Wand) : null;
            CalibrationReportPaths? paths = null;
            string? reportProblem = null;
            try
            {
                paths = CalibrationReportFiles.Write(result, request.ReportDirectory.FullName);
            }
            catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
            {
                // The verdict below is still printed: the unit may hold a new record, and the operator must know.
                reportProblem = failure.Message;
            }

            ExitCode code = CalibrationSummary.ExitCodeFor(result);
            if (reportProblem is not null && code == ExitCode.Success)
            {
                code = ExitCode.CalibrationReportFailed;
            }

            if (context.Json)
            {
                CliJson.Write(context.Output, new JsonObject
                {
                    ["exitCode"] = (int)code,
                    ["result"] = CliJson.Node(result, CalibrationJson.ResultType),
                    ["reports"] = paths is null ? null : new JsonObject { ["jsonPath"] = paths.JsonPath, ["htmlPath"] = paths.HtmlPath },
                    ["reportProblem"] = reportProblem,
                    ["virtualUnitTrueLevelAmplitudesBeforeG"] = Amplitudes(before),
                    ["virtualUnitTrueLevelAmplitudesG"] = Amplitudes(after),
                });
            }
            else
            {
                await CalibrationSummary.WriteAsync(context.Output, result, before, after, paths, reportProblem).ConfigureAwait(false);
            }

            if (code != ExitCode.Success)
            {
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {ExitCodeMessages.For(code)} (exit code {(int)code}, {code})")).ConfigureAwait(false);
            }

            return (int)code;
        }
    }

    private static async Task<IVibrationSensor> OpenSensorAsync(string address, IWandLink link, CancellationToken cancellationToken)
    {
        if (string.Equals(address, "sim", StringComparison.Ordinal))
        {
            return link is SimulatedWandLink simulated
                ? new SimulatedVibrationSensor(simulated)
                : throw new SensorException("--sensor sim is the virtual wand's accelerometer and needs --device sim; name the jig with --sensor serial:PATH.");
        }

        const string Prefix = "serial:";
        if (!address.StartsWith(Prefix, StringComparison.Ordinal) || address.Length == Prefix.Length)
        {
            throw new SensorException($"--sensor '{address}' is not 'sim' or 'serial:PATH' (for example serial:/dev/ttyUSB1).");
        }

        JigVibrationSensor jig = new(SerialPortJigLine.Open(address[Prefix.Length..]));
        try
        {
            await jig.IdentifyAsync(cancellationToken).ConfigureAwait(false);
            return jig;
        }
        catch
        {
            await jig.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The instrument the station configuration maps to head-vibration, or the in-process virtual wand's accelerometer when it maps it to the virtual world.</summary>
    private static IVibrationSensor StationSensor(StationInstruments instruments, IWandLink link)
    {
        if (instruments.Actions is ICalibrationActions station && station.OpenCalibrationSensor() is IVibrationSensor instrument)
        {
            return new StationVibrationSensor(instrument, link.World);
        }

        return link is SimulatedWandLink simulated
            ? new SimulatedVibrationSensor(simulated)
            : throw new SensorException("The station configuration maps head-vibration to the virtual world, but the unit is not an in-process virtual wand; map it to the jig (kind: jig).");
    }

    /// <summary>Stores the record of a motor with 30 % more gain, as after a motor swap without recalibration, and reboots.</summary>
    private static async Task StoreAnotherMotorsRecordAsync(SimulatedWandLink link, CancellationToken cancellationToken)
    {
        ErmMotorParameters motor = link.Wand.Board.Motor.Parameters;
        link.Wand.Board.StoreCalibration(IdealCalibration.For(motor with { SpeedGainRpmPerVolt = motor.SpeedGainRpmPerVolt * 1.3 }));
        await link.PowerCycleAsync(factoryStrap: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>JSON has no NaN: a level the firmware refused is null.</summary>
    private static JsonArray? Amplitudes(double[]? values) =>
        values is null ? null : CliJson.Array(values, value => double.IsNaN(value) ? null : JsonValue.Create(value));

    private sealed record Request(string Sensor, DirectoryInfo ReportDirectory, bool Miscalibrate, StationConfiguration? Station);

    /// <summary>Progress lines on the terminal.</summary>
    private sealed class TerminalProgress(TextWriter output) : IProgress<CalibrationProgress>
    {
        public void Report(CalibrationProgress value)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{value.Fraction,4:P0}] {value.Stage,-10} {value.Message}"));
        }
    }
}
