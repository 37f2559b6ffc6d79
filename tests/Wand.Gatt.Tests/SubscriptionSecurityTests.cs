using System.Linq;
using Wand.Protocol.Profile;
using Xunit;

namespace Wand.Gatt.Tests;

/// <summary>A CCCD write needs the characteristic's read security (BP-4, SR-15): the firmware's GATT server answers it
/// with the ATT error a BLE stack sends back, and enables nothing.</summary>
public class SubscriptionSecurityTests
{
    [Fact]
    public void BP4_SubscribeToStatus_OnAnUnencryptedLink_IsInsufficientEncryption_AndNothingIsNotified()
    {
        GattBench bench = new(encrypted: false);
        int status = GattBench.Index("status");

        byte answer = bench.Gatt.SetSubscribed(status, true);
        bench.Wand.RunFor(2000);

        Assert.Equal((byte)AttError.InsufficientEncryption, answer);
        Assert.False(bench.Gatt.IsSubscribed(status));
        Assert.DoesNotContain(bench.Notifications, n => n.CharacteristicIndex == status);
    }

    [Fact]
    public void BP4_SubscribeToBatteryLevel_OnAnUnencryptedLink_IsAccepted()
    {
        GattBench bench = new(encrypted: false);
        int battery = GattBench.Index("battery-level");

        Assert.Equal((byte)AttError.Success, bench.Gatt.SetSubscribed(battery, true));
        Assert.True(bench.Gatt.IsSubscribed(battery));
    }

    [Fact]
    public void SR15_SubscribeToSelfTest_OutsideFactoryMode_IsInsufficientAuthorization()
    {
        GattBench bench = new(factoryMode: false, encrypted: true);

        Assert.Equal((byte)AttError.InsufficientAuthorization, bench.Gatt.SetSubscribed(GattBench.Index("self-test"), true));
    }

    [Fact]
    public void SubscribeWithoutNotifyProperty_IsRequestNotSupported_AndAnUnknownIndexIsInvalidHandle()
    {
        GattBench bench = new();

        Assert.Equal((byte)AttError.RequestNotSupported, bench.Gatt.SetSubscribed(GattBench.Index("limits"), true));
        Assert.Equal((byte)AttError.InvalidHandle, bench.Gatt.SetSubscribed(WandProfile.CharacteristicCount, true));
        Assert.Equal((byte)AttError.Success, bench.Gatt.SetSubscribed(GattBench.Index("status"), false));
    }
}
