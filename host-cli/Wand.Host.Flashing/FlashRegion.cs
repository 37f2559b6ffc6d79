using System;
using System.Collections.Generic;

namespace Wand.Host.Flashing;

/// <summary>One image to write at one flash address.</summary>
/// <param name="Name">A short name for progress and messages: <c>bootloader</c>, <c>partition-table</c>, <c>nanoCLR</c>, <c>application</c>.</param>
/// <param name="Address">The flash address in bytes, 4 KB aligned.</param>
/// <param name="Data">The bytes to write, padded to a multiple of 4.</param>
/// <param name="Limit">The largest size this region may have (its partition or the gap to the next region), in bytes.</param>
public sealed record FlashRegion(string Name, uint Address, byte[] Data, uint Limit)
{
    /// <summary>Gets the first address past the data.</summary>
    public uint End => Address + (uint)Data.Length;
}

/// <summary>A validated set of regions for one board, ready to write.</summary>
/// <param name="Regions">The regions in address order, none overlapping.</param>
/// <param name="FlashSize">The flash size the plan was made for, in bytes.</param>
/// <param name="PartitionTable">The partition table that decided the addresses.</param>
/// <param name="PartitionTableSource">Where the table came from (package file or the board).</param>
public sealed record FlashPlan(IReadOnlyList<FlashRegion> Regions, uint FlashSize, PartitionTable PartitionTable, string PartitionTableSource)
{
    /// <summary>Gets the total number of image bytes.</summary>
    public long TotalBytes
    {
        get
        {
            long total = 0;
            foreach (FlashRegion region in Regions)
            {
                total += region.Data.Length;
            }

            return total;
        }
    }

    /// <summary>Finds a region by name.</summary>
    /// <param name="name">The region name.</param>
    /// <returns>The region, or <c>null</c>.</returns>
    public FlashRegion? Find(string name)
    {
        foreach (FlashRegion region in Regions)
        {
            if (string.Equals(region.Name, name, StringComparison.Ordinal))
            {
                return region;
            }
        }

        return null;
    }
}
