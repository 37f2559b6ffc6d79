using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Wand.BleBed;
using Wand.Host.Links;
using Wand.Protocol.Codec;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;
using Xunit;
using Xunit.Abstractions;

namespace Wand.Ble.Tests;

/// <summary>
/// The firmware on a virtual board whose sensors read with noise: an idle wand does not notify status for noise
/// (hysteresis on head temperature and battery voltage), and a real change still reaches the subscriber. Virtual
/// time; the figures go to the test output.
/// </summary>
public sealed class StatusNotificationRateTests(ITestOutputHelper log)
{
    private const int Minute = 60_000;

    [Fact]
    public async Task IdleWand_SensorNoise_NotifiesStatusAtMostOnceAMinute()
    {
        await using VirtualWandPeripheral wand = new(HeadIdentity.SoftDome, 3.9) { Paced = false };
        List<byte[]> notified = await SubscribeStatusAsync(wand);
        wand.Run(5_000);
        lock (notified)
        {
            notified.Clear();
        }

        wand.Run(Minute);

        int count;
        lock (notified)
        {
            count = notified.Count;
            for (int index = 1; index < notified.Count; index++)
            {
                log.WriteLine($"{Convert.ToHexString(notified[index - 1])} -> {Convert.ToHexString(notified[index])}");
            }
        }

        log.WriteLine($"idle status notifications in one virtual minute: {count}");
        Assert.InRange(count, 0, 1);
    }

    [Fact]
    public async Task HeadWarmsByOneDegree_StatusIsNotified()
    {
        await using VirtualWandPeripheral wand = new(HeadIdentity.SoftDome, 3.9) { Paced = false };
        wand.Board.ForceHeadTemperature(30.0);
        List<byte[]> notified = await SubscribeStatusAsync(wand);
        wand.Run(5_000);
        lock (notified)
        {
            notified.Clear();
        }

        int before = LittleEndian.ReadInt16(await wand.ReadAsync(Guid.Parse(WandProfile.Characteristic(WandProfile.StatusIndex).Uuid.Text)), StatusReport.HeadTemperatureOffset);
        wand.Board.ForceHeadTemperature(31.0);
        wand.Run(2_000);

        byte[] last;
        lock (notified)
        {
            Assert.NotEmpty(notified);
            last = notified[^1];
        }

        int centidegrees = LittleEndian.ReadInt16(last, StatusReport.HeadTemperatureOffset);
        log.WriteLine($"read {before / 100.0:F2} °C at 30 °C, notified {centidegrees / 100.0:F2} °C after forcing 31 °C");
        Assert.InRange(centidegrees - before, WandProfile.StatusTemperatureHysteresisCentidegrees, 200);
    }

    private static async Task<List<byte[]>> SubscribeStatusAsync(VirtualWandPeripheral wand)
    {
        List<byte[]> notified = [];
        Guid status = Guid.Parse(WandProfile.Characteristic(WandProfile.StatusIndex).Uuid.Text);
        wand.NotificationReceived += (_, notification) =>
        {
            if (notification.Characteristic == status)
            {
                lock (notified)
                {
                    notified.Add(notification.Value.ToArray());
                }
            }
        };
        wand.LinkUp(encrypted: true);
        await wand.SubscribeAsync(status, true);
        return notified;
    }
}
