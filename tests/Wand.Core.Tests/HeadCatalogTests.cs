using Wand.Core.Board;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class HeadCatalogTests
{
    private readonly HeadCatalog catalog = HeadCatalog.CreateDefault();

    [Theory]
    [InlineData(0, HeadIdentity.Shorted)]
    [InlineData(200, HeadIdentity.Shorted)]
    [InlineData(201, HeadIdentity.Unknown)]
    [InlineData(710, HeadIdentity.Unknown)]
    [InlineData(711, HeadIdentity.SoftDome)]
    [InlineData(869, HeadIdentity.SoftDome)]
    [InlineData(1027, HeadIdentity.SoftDome)]
    [InlineData(1028, HeadIdentity.Unknown)]
    [InlineData(1741, HeadIdentity.RidgedWave)]
    [InlineData(2616, HeadIdentity.BristleBrush)]
    [InlineData(2775, HeadIdentity.Unknown)]
    [InlineData(3699, HeadIdentity.Unknown)]
    [InlineData(3700, HeadIdentity.None)]
    [InlineData(4095, HeadIdentity.None)]
    public void HD2_Classify_BandsAndGuardZones(int counts, HeadIdentity expected)
    {
        Assert.Equal(expected, catalog.Classify(counts));
    }

    [Fact]
    public void HD2_NominalDividerReading_FallsInTheMiddleOfEachBand()
    {
        for (int index = 0; index < catalog.Count; index++)
        {
            HeadDefinition head = catalog[index];
            int millivolts = AnalogScaling.RailMillivolts * head.IdResistorOhms / (head.IdResistorOhms + 10000);
            int counts = AnalogScaling.MillivoltsToCounts(millivolts);
            int centre = (head.MinimumCounts + head.MaximumCounts) / 2;
            Assert.InRange(counts, centre - 2, centre + 2);
        }
    }
}
