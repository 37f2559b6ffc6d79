using Wand.Core.Faults;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Core.Tests;

public class FaultLogTests
{
    [Fact]
    public void SR17_KeepsTheLast16FaultsNewestFirst()
    {
        FaultLog log = new(16);
        for (int index = 0; index < 20; index++)
        {
            log.Add((FaultCode)(1 + (index % 13)), (byte)index, index * 100);
        }

        Assert.Equal(16, log.Count);
        Assert.Equal(20, log.TotalRecorded);
        Assert.Equal(19, log.ContextAt(0));
        Assert.Equal(1900, log.TimeAt(0));
        Assert.Equal(4, log.ContextAt(15));
        Assert.Throws<System.ArgumentOutOfRangeException>(() => log.CodeAt(16));
    }
}
