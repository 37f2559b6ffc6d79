using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Wand.Core.Board;
using Wand.Simulation;
using Xunit;

namespace Wand.Simulation.Tests;

/// <summary>
/// Ties the uncertainty budget in hardware/limits.md to the tolerance definition the virtual board draws from, and the
/// firmware's uncalibrated shifts to the worst case those tolerances allow (SR-18).
/// </summary>
public class UncertaintyBudgetTests
{
    [Fact]
    public void SR18_EveryRecordTheStationFitsForAGoodBoardIsAcceptedByTheFirmwareAndStaysInsideTheBudgetsWorstCase()
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        byte[] bytes = new byte[Wand.Protocol.Factory.SensorCalibrationRecord.Length];
        double lowest = double.MaxValue;
        double highest = double.MinValue;
        double largestOffset = 0;
        for (ulong seed = 1; seed <= 1000; seed++)
        {
            VirtualBoard board = new(profile, new VirtualBoardOptions { Seed = 5_000_000 + seed, SensorCalibrated = false });
            Wand.Protocol.Factory.SensorCalibrationRecord record = FactorySensorCalibration.For(board);
            record.Encode(bytes, 0);
            Assert.Equal(Wand.Protocol.Profile.AttError.Success, new Wand.Protocol.Factory.SensorCalibrationRecord().Decode(bytes, 0, bytes.Length));
            for (int channel = 0; channel < Wand.Protocol.Factory.SensorCalibrationRecord.ChannelCount; channel++)
            {
                lowest = Math.Min(lowest, record.GainMicros(channel) / 1e6);
                highest = Math.Max(highest, record.GainMicros(channel) / 1e6);
                largestOffset = Math.Max(largestOffset, Math.Abs(record.OffsetMilliCounts(channel) / 1e3));
            }
        }

        // hardware/limits.md: worst case 0.895-1.128 and 94 counts over every corner of the tolerances.
        Assert.InRange(lowest, 0.895, 1.0);
        Assert.InRange(highest, 1.0, 1.128);
        Assert.InRange(largestOffset, 0, 94);
    }

    [Fact]
    public void SR18_AWrongDividerResistorNeedsAGainNoRecordMayCarry()
    {
        BoardProfile profile = BoardProfile.CreateDefault();
        for (ulong seed = 1; seed <= 200; seed++)
        {
            VirtualBoard board = new(profile, new VirtualBoardOptions { Seed = 6_000_000 + seed, SensorCalibrated = false, Defect = BoardDefect.WrongDividerResistor });
            Wand.Protocol.Factory.SensorCalibrationRecord record = FactorySensorCalibration.For(board);
            Assert.True(record.GainMicros(Wand.Protocol.Factory.SensorCalibrationRecord.BatteryChannel) > Wand.Protocol.Factory.SensorCalibrationRecord.MaximumGainMicros);
        }
    }

    private const double KelvinOffset = 273.15;

    [Fact]
    public void SR18_EveryToleranceInTheBudgetIsTheOneTheVirtualBoardDrawsFrom()
    {
        var properties = typeof(SensorTolerances).GetProperties().Where(property => property.PropertyType == typeof(double) && property.CanWrite).ToArray();
        string[] rows = File.ReadAllLines(Path.Combine(RepositoryRoot(), "hardware", "limits.md"))
            .Where(line => line.StartsWith('|') && line.Split('|').Length == 8)
            .Where(line => properties.Any(property => line.Split('|')[5].Trim() == "`" + property.Name + "`"))
            .ToArray();
        SensorTolerances tolerances = SensorTolerances.Documented;
        Assert.Equal(properties.Length, rows.Length);
        foreach (string row in rows)
        {
            string[] cells = row.Split('|').Select(cell => cell.Trim()).ToArray();
            double value = double.Parse(cells[3], CultureInfo.InvariantCulture);
            string unit = cells[4];
            string name = cells[5].Trim('`');
            var property = properties.Single(candidate => candidate.Name == name);
            double modelled = (double)property.GetValue(tolerances)!;
            double documented = unit == "%" ? value / 100 : value;
            Assert.True(Math.Abs(modelled - documented) < 1e-9, $"{name}: hardware/limits.md says {cells[3]} {unit}, SensorTolerances has {modelled}");
        }
    }

    [Fact]
    public void SR18_TheFirmwaresUncalibratedShiftsCoverTheWorstCaseOfTheDocumentedTolerances()
    {
        SensorTolerances tolerances = SensorTolerances.Documented;
        double thermal = Math.Max(WorstThermalError(tolerances, 41.0), WorstThermalError(tolerances, 39.0));
        Assert.InRange(thermal * 1000, 6500, SensorUncertainty.UncalibratedThermalMillidegrees);

        (double absolute, double relative) = WorstBatteryError(tolerances);
        Assert.InRange(absolute * 1000, 400, SensorUncertainty.UncalibratedBatteryMillivolts);
        Assert.InRange(relative * 100, 10, SensorUncertainty.UncalibratedBatteryPercent);
    }

    /// <summary>Worst-case temperature reading error over every corner of the tolerances, in kelvin.</summary>
    private static double WorstThermalError(SensorTolerances t, double celsius)
    {
        double worst = 0;
        double lsb = t.AdcNonlinearityLsb * SensorTolerances.LsbMillivolts / 1000;
        foreach (int corner in Enumerable.Range(0, 1 << 7))
        {
            double Sign(int bit) => (corner & (1 << bit)) != 0 ? 1 : -1;
            double rail = 3.3 * (1 + (Sign(0) * t.RailFraction));
            double pullUp = 10000 * (1 + (Sign(1) * t.PullUpFraction));
            double r25 = 10000 * (1 + (Sign(2) * t.ThermistorNominalFraction));
            double beta = 3950 * (1 + (Sign(3) * t.ThermistorBetaFraction));
            double ohms = r25 * Math.Exp(beta * ((1 / (celsius + KelvinOffset)) - (1 / 298.15)));
            double pin = rail * ohms / (ohms + pullUp);
            double read = (pin * (1 + (Sign(4) * t.AdcGainFraction))) + (Sign(5) * t.AdcOffsetMillivolts / 1000) + (Sign(6) * lsb);
            double readOhms = 10000 * read / (3.3 - read);
            double readCelsius = (1 / ((1 / 298.15) + (Math.Log(readOhms / 10000) / 3950))) - KelvinOffset;
            worst = Math.Max(worst, Math.Abs(readCelsius - celsius));
        }

        return worst;
    }

    /// <summary>Worst-case cell reading error (volts) and relative error over 3.40–4.20 V.</summary>
    private static (double Absolute, double Relative) WorstBatteryError(SensorTolerances t)
    {
        double absolute = 0;
        double relative = 0;
        double lsb = t.AdcNonlinearityLsb * SensorTolerances.LsbMillivolts / 1000;
        foreach (double cell in new[] { 3.40, 3.55, 3.60, 4.20 })
        {
            foreach (int corner in Enumerable.Range(0, 1 << 5))
            {
                double Sign(int bit) => (corner & (1 << bit)) != 0 ? 1 : -1;
                double top = 1 + (Sign(0) * t.BatteryDividerResistorFraction);
                double bottom = 1 + (Sign(1) * t.BatteryDividerResistorFraction);
                double pin = cell * bottom / (top + bottom);
                double read = ((pin * (1 + (Sign(2) * t.AdcGainFraction))) + (Sign(3) * t.AdcOffsetMillivolts / 1000) + (Sign(4) * lsb)) * 2;
                double error = Math.Abs(read - cell);
                if (cell <= 3.55)
                {
                    absolute = Math.Max(absolute, error);
                }

                // Supply compensation divides by the reading: a reading low by e drives the motor (e / cell) above the ceiling.
                relative = Math.Max(relative, error / cell);
            }
        }

        return (absolute, relative);
    }

    private static string RepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "WandFirmware.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
