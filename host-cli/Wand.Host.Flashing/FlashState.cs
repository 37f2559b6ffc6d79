using System;
using System.Collections.Generic;

namespace Wand.Host.Flashing;

/// <summary>
/// What the flash holds while a job runs, per region: untouched, erased and partly written, written (verified or not),
/// or unchanged. Lets a job that stops early (Ctrl-C, a lost link) say what state it leaves the board in.
/// </summary>
internal sealed class FlashState
{
    private readonly List<FlashRegion> regions = [];
    private readonly Dictionary<string, string> finished = [];
    private readonly List<(uint Address, uint Size)> erasedOutsideRegions = [];
    private FlashRegion? current;
    private uint erasedEnd;
    private uint writtenEnd;

    public void Plan(FlashPlan plan)
    {
        regions.Clear();
        regions.AddRange(plan.Regions);
    }

    public void Erased(uint address, uint size) => erasedOutsideRegions.Add((address, size));

    public void Erasing(FlashRegion region, uint address, uint size)
    {
        if (!ReferenceEquals(current, region))
        {
            current = region;
            writtenEnd = region.Address;
            erasedEnd = address;
        }

        erasedEnd = Math.Max(erasedEnd, address + size);
        writtenEnd = Math.Max(writtenEnd, address);
    }

    public void Written(FlashRegion region, uint segmentAddress, uint bytes)
    {
        if (ReferenceEquals(current, region))
        {
            writtenEnd = Math.Max(writtenEnd, segmentAddress + bytes);
        }
    }

    public void Finished(FlashRegion region, bool skipped, bool verified = true)
    {
        finished[region.Name] = skipped ? "unchanged (already on the board)" : verified ? "written and verified" : "written (not verified)";
        if (ReferenceEquals(current, region))
        {
            current = null;
        }
    }

    public string Describe()
    {
        List<string> parts = [];
        foreach ((uint address, uint size) in erasedOutsideRegions)
        {
            parts.Add($"0x{address:X}–0x{address + size:X} was erased");
        }

        List<string> untouched = [];
        foreach (FlashRegion region in regions)
        {
            if (finished.TryGetValue(region.Name, out string? outcome))
            {
                parts.Add($"{region.Name} at 0x{region.Address:X}: {outcome}");
            }
            else if (ReferenceEquals(current, region))
            {
                parts.Add($"{region.Name} at 0x{region.Address:X}: INCOMPLETE, 0x{region.Address:X}–0x{erasedEnd:X} erased and 0x{region.Address:X}–0x{writtenEnd:X} written (not verified)");
            }
            else
            {
                untouched.Add(region.Name);
            }
        }

        if (untouched.Count > 0)
        {
            parts.Add($"not touched: {string.Join(", ", untouched)}");
        }

        bool incomplete = current is not null;
        string advice = incomplete
            ? "The board will not run this firmware until it is flashed completely: run the same 'wand flash' again (unchanged regions are skipped)."
            : "Run the same 'wand flash' again to finish (unchanged regions are skipped).";
        return parts.Count == 0 ? "Nothing was written to the flash." : $"Flash state: {string.Join("; ", parts)}. {advice}";
    }
}
