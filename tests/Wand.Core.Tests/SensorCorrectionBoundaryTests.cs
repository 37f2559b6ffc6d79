using Wand.Core.Board;
using Wand.Core.Calibration;
using Wand.Protocol.Factory;
using Xunit;

namespace Wand.Core.Tests;

/// <summary>
/// The per-unit sensor correction (SR-18) at its edges: saturated readings stay saturated, results are rounded half
/// away from zero and clamped to the converter's range, and the two-point fit gives the gain and offset that map each
/// raw reading onto its nominal value.
/// </summary>
public class SensorCorrectionBoundaryTests
{
    private const int Channel = SensorCalibrationRecord.ThermistorChannel;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-5, 0)]
    [InlineData(1, 1)]
    [InlineData(AnalogScaling.MaximumCounts - 1, AnalogScaling.MaximumCounts - 1)]
    [InlineData(AnalogScaling.MaximumCounts, AnalogScaling.MaximumCounts)]
    public void SR18_TheIdentityCorrectionKeepsEveryReadingAndSaturatedOnesStaySaturated(int counts, int expected)
    {
        SensorCorrection correction = new();
        Assert.Equal(expected, correction.Correct(Channel, counts));
    }

    [Theory]
    [InlineData(1000000, 500, 10, 11)]
    [InlineData(1000000, 499, 10, 10)]
    [InlineData(1000000, -500, 10, 10)]
    [InlineData(1000000, -2000, 1, 0)]
    [InlineData(1100000, 0, 4000, AnalogScaling.MaximumCounts)]
    [InlineData(1050000, 50000, 3800, 4040)]
    public void SR18_TheCorrectionRoundsHalfUpAndClampsToTheConverterRange(int gainMicros, int offsetMilliCounts, int counts, int expected)
    {
        SensorCalibrationRecord record = new();
        record.SetChannel(Channel, gainMicros, offsetMilliCounts);
        SensorCorrection correction = new();
        correction.Load(record);

        Assert.True(correction.IsCalibrated);
        Assert.Equal(expected, correction.Correct(Channel, counts));
    }

    [Fact]
    public void SR18_ClearingTheCorrectionRestoresTheIdentity()
    {
        SensorCalibrationRecord record = new();
        record.SetChannel(Channel, 1100000, 7000);
        SensorCorrection correction = new();
        correction.Load(record);
        correction.Clear();

        Assert.False(correction.IsCalibrated);
        Assert.Equal(2000, correction.Correct(Channel, 2000));
        Assert.Equal(SensorCalibrationRecord.UnityGainMicros, correction.Record.GainMicros(Channel));
        Assert.Equal(0, correction.Record.OffsetMilliCounts(Channel));
    }

    [Fact]
    public void SR18_TheTwoPointFitMapsEachRawReadingOntoItsNominalValue()
    {
        SensorCalibrationRecord record = new();

        Assert.True(SensorCalibrationPlan.Fit(record, Channel, 1000, 1100, 3000, 3200));

        // gain (3200 − 1100) / (3000 − 1000) = 1.05; offset 1100 − 1.05 · 1000 = 50 counts.
        Assert.Equal(1050000, record.GainMicros(Channel));
        Assert.Equal(50000, record.OffsetMilliCounts(Channel));
    }

    [Fact]
    public void SR18_ANegativeOffsetIsRoundedHalfAwayFromZero()
    {
        SensorCalibrationRecord record = new();

        // gain 1; offset 100.0005 − 112.5 = −12.4995 counts, i.e. −12499.5 milli-counts.
        Assert.True(SensorCalibrationPlan.Fit(record, Channel, 112.5, 100.0005, 1112.5, 1100.0005));

        Assert.Equal(1000000, record.GainMicros(Channel));
        Assert.Equal(-12500, record.OffsetMilliCounts(Channel));
    }

    [Theory]
    [InlineData(1000, 1001, true)]
    [InlineData(1001, 1000, true)]
    [InlineData(1000, 1000.5, false)]
    [InlineData(1000.5, 1000, false)]
    public void SR18_AFitNeedsTheTwoRawReadingsAtLeastOneCountApart(double rawLow, double rawHigh, bool fitted)
    {
        SensorCalibrationRecord record = new();
        Assert.Equal(fitted, SensorCalibrationPlan.Fit(record, Channel, rawLow, 2000, rawHigh, 2500));
        if (!fitted)
        {
            Assert.Equal(SensorCalibrationRecord.UnityGainMicros, record.GainMicros(Channel));
        }
    }

    [Fact]
    public void SR18_TheNominalReadingsFollowTheDividerAndTheConverterScale()
    {
        // Equal resistors halve the 3300 mV rail; 1650 mV on the 3100 mV full scale of 4095 counts.
        Assert.Equal(1650.0 * 4095 / 3100, SensorCalibrationPlan.NominalDividerCounts(10000, 10000), 6);

        // 3400 mV through a 500 ‰ divider is 1700 mV at the pin.
        Assert.Equal(1700.0 * 4095 / 3100, SensorCalibrationPlan.NominalBatteryCounts(3400, 500), 6);
    }
}
