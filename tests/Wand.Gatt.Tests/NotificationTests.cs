using System.Linq;
using Wand.Protocol.Profile;
using Xunit;

namespace Wand.Gatt.Tests;

public class NotificationTests
{
    [Fact]
    public void BP3_ValueIsStoredBeforeItIsNotified()
    {
        GattBench bench = new();
        int status = GattBench.Index("status");
        bench.Gatt.SetSubscribed(status, true);
        int mismatches = 0;
        bench.Relay.Notified += (_, notification) =>
        {
            if (notification.CharacteristicIndex == status && !bench.Read(status).Value.SequenceEqual(notification.Value))
            {
                mismatches++;
            }
        };
        Assert.Equal(0, bench.Write("control-point", new byte[] { 0x01, 0x04, 0x00, 0x3C, 0x00 }));
        bench.Wand.RunFor(5000);
        Assert.True(bench.Notifications.Count(n => n.CharacteristicIndex == status) > 3);
        Assert.Equal(0, mismatches);
    }

    [Fact]
    public void StatusNotificationsAreRateLimitedTo250Milliseconds()
    {
        GattBench bench = new();
        int status = GattBench.Index("status");
        bench.Gatt.SetSubscribed(status, true);
        Assert.Equal(0, bench.Write("control-point", new byte[] { 0x01, 0x05, 0x03, 0x3C, 0x00 }));
        bench.Notifications.Clear();
        bench.Wand.RunFor(10_000);
        int count = bench.Notifications.Count(n => n.CharacteristicIndex == status);
        Assert.InRange(count, 10, 10_000 / WandProfile.StatusNotifyIntervalMilliseconds + 1);
        Assert.True(bench.Notifications.Count(n => n.CharacteristicIndex == status) == count);
    }

    [Fact]
    public void ControlPointResultIsNotifiedOnlyToASubscriber_AndNoSubscriberIsNotAnError()
    {
        GattBench bench = new();
        Assert.Equal(0, bench.Write("control-point", new byte[] { 0x01, 0x01, 0x00, 0x00, 0x00 }));
        Assert.Empty(bench.Notifications);
        bench.Gatt.SetSubscribed(GattBench.Index("control-point"), true);
        Assert.Equal(0, bench.Write("control-point", new byte[] { 0x03, 0x02 }));
        Assert.Single(bench.Notifications);
        Assert.Equal(new byte[] { 0x03, 0x00 }, bench.Notifications[0].Value.Take(2).ToArray());
    }

    [Fact]
    public void HeadChangeIsNotified()
    {
        GattBench bench = new();
        int head = GattBench.Index("head");
        bench.Gatt.SetSubscribed(head, true);
        bench.Wand.RunFor(300);
        bench.Notifications.Clear();
        bench.Wand.Board.AttachHead(global::Wand.Protocol.Vocabulary.HeadIdentity.BristleBrush);
        bench.Wand.RunFor(600);
        Assert.Contains(bench.Notifications, n => n.CharacteristicIndex == head && n.Value[0] == (byte)global::Wand.Protocol.Vocabulary.HeadIdentity.BristleBrush);
    }

    [Fact]
    public void SR11_LinkDownStopsARemoteSessionAndClearsSubscriptions()
    {
        GattBench bench = new();
        int status = GattBench.Index("status");
        bench.Gatt.SetSubscribed(status, true);
        Assert.Equal(0, bench.Write("control-point", new byte[] { 0x01, 0x05, 0x00, 0x3C, 0x00 }));
        bench.Wand.RunFor(2000);
        bench.Gatt.LinkDown();
        Assert.False(bench.Gatt.IsSubscribed(status));
        bench.Wand.RunFor(2000);
        Assert.Equal(0.0, bench.Wand.Board.MotorOutput.DutyCycle);
    }
}
