using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Wand.Core.Board;
using Wand.Core.Hardware;
using Wand.Host;
using Wand.Host.Calibration;
using Wand.Host.Calibration.Jig;
using Wand.Host.Calibration.Reports;
using Wand.Host.Calibration.Sensors;
using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Factory;
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

    private static readonly Option<ulong> SimulationSeed = new("--sim-seed")
    {
        Description = "Virtual wand only: the seed that draws the unit's parts.",
        DefaultValueFactory = _ => 1UL,
    };

    private static readonly Option<double> SimulationSpread = new("--sim-spread")
    {
        Description = "Virtual wand only: motor parameter spread, 0 to 0.5 (0.25 = the ±25 % production population).",
        DefaultValueFactory = _ => 0.25,
    };

    private static readonly Option<string> SimulationState = new("--sim-state")
    {
        Description = "Virtual wand only: the unit's calibration before the run: uncalibrated, calibrated or miscalibrated.",
        DefaultValueFactory = _ => "uncalibrated",
    };

    /// <summary>Creates the command.</summary>
    /// <returns>The command.</returns>
    public static Command Create()
    {
        SimulationState.AcceptOnlyFromAmong("uncalibrated", "calibrated", "miscalibrated");
        Command command = new("calibrate", "Calibrate a wand's motor: measure, fit, verify every level, write the record and report.")
        {
            Sensor,
            ReportDirectory,
            SimulationSeed,
            SimulationSpread,
            SimulationState,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error,
            new Request(
                parseResult.GetValue(CommonOptions.Device) ?? "sim",
                parseResult.GetValue(Sensor) ?? "sim",
                parseResult.GetValue(ReportDirectory)!,
                parseResult.GetValue(SimulationSeed),
                parseResult.GetValue(SimulationSpread),
                parseResult.GetValue(SimulationState) ?? "uncalibrated",
                parseResult.GetValue(CommonOptions.Json)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(TextWriter output, TextWriter error, Request request, CancellationToken cancellationToken)
    {
        if (request.Spread is < 0 or > 0.5 || double.IsNaN(request.Spread))
        {
            await error.WriteLineAsync($"--sim-spread {request.Spread.ToString(CultureInfo.InvariantCulture)} is outside 0 to 0.5.").ConfigureAwait(false);
            return Fail(error, ExitCode.ValueOutOfRange);
        }

        if (!string.Equals(request.Device, "sim", StringComparison.Ordinal))
        {
            await error.WriteLineAsync($"Device '{request.Device}': calibration in this build runs on the virtual wand (sim) only; hardware links come with the link factory.").ConfigureAwait(false);
            return Fail(error, ExitCode.UnknownDevice);
        }

        try
        {
            await using SimulatedWandLink link = await OpenVirtualWandAsync(request, cancellationToken).ConfigureAwait(false);
            await using IVibrationSensor sensor = await OpenSensorAsync(request.Sensor, link, cancellationToken).ConfigureAwait(false);
            double[] before = VirtualUnitCheck.MeasureLevels(link.Wand);
            CalibrationOptions options = new() { Clock = () => link.Wand.Now };
            IProgress<CalibrationProgress>? progress = request.Json ? null : new TerminalProgress(output);
            CalibrationResult result = await new CalibrationProcedure(link, sensor, options).RunAsync(progress, cancellationToken).ConfigureAwait(false);
            double[] truth = VirtualUnitCheck.MeasureLevels(link.Wand);
            CalibrationReportPaths paths = CalibrationReportFiles.Write(result, request.ReportDirectory.FullName);
            if (request.Json)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new { result, reports = paths, virtualUnitTrueLevelAmplitudesBeforeG = before, virtualUnitTrueLevelAmplitudesG = truth }, CalibrationJson.Options)).ConfigureAwait(false);
            }
            else
            {
                await CalibrationSummary.WriteAsync(output, result, before, truth, paths).ConfigureAwait(false);
            }

            ExitCode code = CalibrationSummary.ExitCodeFor(result);
            return code == ExitCode.Success ? (int)code : Fail(error, code);
        }
        catch (OperationCanceledException)
        {
            return Fail(error, ExitCode.Cancelled);
        }
        catch (SensorException failure)
        {
            await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return Fail(error, ExitCode.CalibrationSensorError);
        }
        catch (Wand.Host.Serial.SerialPortException failure)
        {
            await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return Fail(error, ExitCode.CalibrationSensorError);
        }
        catch (WandHostException failure)
        {
            await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return Fail(error, ExitCode.DeviceUnreachable);
        }
        catch (IOException failure)
        {
            await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return Fail(error, ExitCode.CalibrationSensorError);
        }
    }

    private static async Task<SimulatedWandLink> OpenVirtualWandAsync(Request request, CancellationToken cancellationToken)
    {
        SimulatedWandOptions options = new()
        {
            Seed = request.Seed,
            MotorSpread = request.Spread,
            Calibrated = request.State != "uncalibrated",
        };
        SimulatedWandLink link = new(options);
        await link.ConnectAsync(cancellationToken).ConfigureAwait(false);
        if (request.State == "miscalibrated")
        {
            // The record of a different motor, as after a motor swap without recalibration.
            ErmMotorParameters motor = link.Wand.Board.Motor.Parameters;
            CalibrationRecord wrong = IdealCalibration.For(motor with { SpeedGainRpmPerVolt = motor.SpeedGainRpmPerVolt * 1.3 });
            byte[] bytes = new byte[CalibrationRecord.Length];
            wrong.Encode(bytes, 0);
            link.Wand.Board.Storage.Write(StorageSlot.Calibration, bytes, bytes.Length);
            await link.PowerCycleAsync(factoryStrap: false, cancellationToken).ConfigureAwait(false);
        }

        return link;
    }

    private static async Task<IVibrationSensor> OpenSensorAsync(string address, SimulatedWandLink link, CancellationToken cancellationToken)
    {
        if (string.Equals(address, "sim", StringComparison.Ordinal))
        {
            return new SimulatedVibrationSensor(link);
        }

        const string Prefix = "serial:";
        if (!address.StartsWith(Prefix, StringComparison.Ordinal) || address.Length == Prefix.Length)
        {
            throw new SensorException($"--sensor '{address}' is not 'sim' or 'serial:PATH' (for example serial:/dev/ttyUSB1).");
        }

        JigVibrationSensor jig = new(SerialPortJigLine.Open(address[Prefix.Length..]));
        await jig.IdentifyAsync(cancellationToken).ConfigureAwait(false);
        return jig;
    }

    private static int Fail(TextWriter error, ExitCode code)
    {
        error.WriteLine(ExitCodeMessages.For(code));
        return (int)code;
    }

    private sealed record Request(string Device, string Sensor, DirectoryInfo ReportDirectory, ulong Seed, double Spread, string State, bool Json);

    /// <summary>Progress lines on the terminal.</summary>
    private sealed class TerminalProgress(TextWriter output) : IProgress<CalibrationProgress>
    {
        public void Report(CalibrationProgress value)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{value.Fraction,4:P0}] {value.Stage,-10} {value.Message}"));
        }
    }
}
