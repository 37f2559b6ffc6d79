using System.Text;
using Xunit;

namespace Wand.Protocol.Tests;

public class Crc32Tests
{
    [Fact]
    public void Compute_CheckString_MatchesIeeeCheckValue()
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Compute_Empty_IsZero()
    {
        Assert.Equal(0u, Crc32.Compute(new byte[4], 2, 0));
    }

    [Fact]
    public void Update_ByteByByte_EqualsBlock()
    {
        byte[] data = new byte[300];
        for (int index = 0; index < data.Length; index++)
        {
            data[index] = (byte)(index * 7 + 3);
        }

        uint state = Crc32.InitialState;
        foreach (byte value in data)
        {
            state = Crc32.Update(state, value);
        }

        Assert.Equal(Crc32.Compute(data, 0, data.Length), Crc32.Finish(state));
    }

    [Fact]
    public void Compute_RespectsOffset()
    {
        byte[] data = Encoding.ASCII.GetBytes("xx123456789yy");
        Assert.Equal(0xCBF43926u, Crc32.Compute(data, 2, 9));
    }

    [Fact]
    public void Compute_DoesNotAllocate()
    {
        byte[] data = new byte[256];
        Crc32.Compute(data, 0, data.Length);
        long before = System.GC.GetAllocatedBytesForCurrentThread();
        uint sum = 0;
        for (int round = 0; round < 1000; round++)
        {
            sum ^= Crc32.Compute(data, 0, data.Length);
        }

        Assert.Equal(before, System.GC.GetAllocatedBytesForCurrentThread());
        Assert.Equal(0u, sum);
    }
}
