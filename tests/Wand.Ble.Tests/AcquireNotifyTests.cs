using System;
using System.Threading.Tasks;
using Xunit;

namespace Wand.Ble.Tests;

/// <summary>
/// BlueZ 5.66 src/gatt-client.c characteristic_acquire_notify and characteristic_acquire_write on the bed, seen by
/// Debian's python3-bleak: bleak learns the link's MTU from AcquireNotify (the wand has no write-without-response
/// characteristic, so AcquireWrite is NotSupported and bleak falls back), and the ordinary notify path keeps working.
/// </summary>
[Collection(TestBedGroup.Name)]
public sealed class AcquireNotifyTests(TestBed bed)
{
    [Fact]
    public async Task Bleak_MtuSize_ComesFromAcquireNotify_AndIsTheLinksMtu()
    {
        const string Address = "AA:00:00:00:00:71";
        // bleak's _acquire_mtu subscribes to the first notify characteristic it lists, in no fixed order; self-test is
        // one, and outside factory mode its CCCD write is refused 0x08 (NotAuthorized). The jig strap puts the wand in
        // factory mode, so every notify characteristic can be subscribed once paired.
        await bed.AddWandAsync(Address, "Wand-M1", known: true, factoryStrap: true);
        string script = $$"""
            import asyncio
            from bleak import BleakClient, BleakScanner

            STATUS = "6d780102-ef12-4cc2-baad-fd233d601624"


            async def main():
                device = await BleakScanner.find_device_by_address("{{Address}}", timeout=10)
                assert device is not None, "the wand was not found"
                async with BleakClient(device) as client:
                    await client.pair()
                    await client._backend._acquire_mtu()  # BlueZ backend: AcquireWrite, else AcquireNotify
                    print("mtu", client.mtu_size)
                    values = asyncio.Queue()
                    await client.start_notify(STATUS, lambda _, data: values.put_nowait(bytes(data)))
                    print("status notified", len(await asyncio.wait_for(values.get(), 10)))


            asyncio.run(main())
            """;

        (int code, string printed, string failure) = await SimServeBleTests.RunPythonAsync(script, bed.BusAddress);

        Assert.True(code == 0, $"bleak failed (exit {code}):\n{printed}\n{failure}");
        Assert.Contains("mtu 247", printed, StringComparison.Ordinal);
        Assert.Contains("status notified 17", printed, StringComparison.Ordinal);
    }
}
