using Wand.Host.Links;
using Wand.Host.Links.Simulated;
using Wand.Protocol.Vocabulary;
using Xunit;

namespace Wand.Host.Tests.Links;

public sealed class DeviceAddressTests
{
    [Theory]
    [InlineData("sim", DeviceKind.Simulated, "", 0)]
    [InlineData("SIM", DeviceKind.Simulated, "", 0)]
    [InlineData("sim:head=none", DeviceKind.Simulated, "head=none", 0)]
    [InlineData("tcp://127.0.0.1:4711", DeviceKind.Tcp, "127.0.0.1", 4711)]
    [InlineData("tcp://localhost:1", DeviceKind.Tcp, "localhost", 1)]
    [InlineData("tcp://[::1]:65535", DeviceKind.Tcp, "::1", 65535)]
    [InlineData("unix:/tmp/wand.sock", DeviceKind.Unix, "/tmp/wand.sock", 0)]
    [InlineData("serial:/dev/ttyUSB0", DeviceKind.Serial, "/dev/ttyUSB0", 0)]
    [InlineData("ble:aa:bb:cc:dd:ee:ff", DeviceKind.Ble, "AA:BB:CC:DD:EE:FF", 0)]
    [Trait("Requirement", "HC-1")]
    public void Parse_SupportedForms_GivesKindTargetAndPort(string text, DeviceKind kind, string target, int port)
    {
        DeviceAddress address = DeviceAddress.Parse(text);

        Assert.Equal(kind, address.Kind);
        Assert.Equal(target, address.Target);
        Assert.Equal(port, address.Port);
        Assert.Equal(text, address.Text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("usb:1", "not a device address")]
    [InlineData("tcp://127.0.0.1", "host and a port")]
    [InlineData("tcp://:80", "host and a port")]
    [InlineData("tcp://host:0", "1 to 65535")]
    [InlineData("tcp://host:http", "1 to 65535")]
    [InlineData("unix:", "empty")]
    [InlineData("serial:", "empty")]
    [InlineData("ble:AA:BB:CC:DD:EE", "Bluetooth address")]
    [InlineData("ble:GG:BB:CC:DD:EE:FF", "Bluetooth address")]
    [Trait("Requirement", "HC-1")]
    [Trait("Requirement", "HC-3")]
    public void Parse_BadForms_NamesWhatIsWrong(string text, string expected)
    {
        InvalidDeviceAddressException error = Assert.Throws<InvalidDeviceAddressException>(() => DeviceAddress.Parse(text));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Parse_UnixPathLongerThanSunPath_IsRefused()
    {
        Assert.Throws<InvalidDeviceAddressException>(() => DeviceAddress.Parse("unix:/" + new string('a', 107)));
    }

    [Fact]
    public void SimOptions_AllKeys_AreApplied()
    {
        SimulatedWandOptions options = SimulatedAddressOptions.Parse("head=ridged-wave, battery=3.5,temperature=30,usb=on,factory=on,calibrated=off,seed=7,motor-spread=0.25,clock=realtime");

        Assert.Equal(HeadIdentity.RidgedWave, options.Head);
        Assert.Equal(3.5, options.BatteryVolts);
        Assert.Equal(30, options.TemperatureCelsius);
        Assert.True(options.UsbPlugged);
        Assert.True(options.FactoryMode);
        Assert.False(options.Calibrated);
        Assert.Equal(7UL, options.Seed);
        Assert.Equal(0.25, options.MotorSpread);
        Assert.Equal(SimulatedClockMode.RealTime, options.ClockMode);
    }

    [Theory]
    [InlineData("head=octopus", "octopus")]
    [InlineData("battery=5", "3 to 4.2")]
    [InlineData("usb=maybe", "on or off")]
    [InlineData("colour=red", "colour")]
    [InlineData("head", "KEY=VALUE")]
    public void SimOptions_BadOption_NamesIt(string text, string expected)
    {
        InvalidDeviceAddressException error = Assert.Throws<InvalidDeviceAddressException>(() => SimulatedAddressOptions.Parse(text));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Factory_SerialAndBleWithoutCreators_AreTypedUnavailable()
    {
        WandLinkFactory factory = new();

        Assert.Throws<TransportUnavailableException>(() => factory.Create("serial:/dev/ttyUSB0"));
        Assert.Throws<TransportUnavailableException>(() => factory.Create("ble:AA:BB:CC:DD:EE:FF"));
        Assert.Throws<TransportUnavailableException>(() => factory.CreateWorldControl(DeviceAddress.Parse("sim")));
    }
}
