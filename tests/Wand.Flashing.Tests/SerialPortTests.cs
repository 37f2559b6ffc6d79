using System;
using System.IO;
using Wand.Host.Serial;
using Xunit;
using Wand.Host.Serial.Terminals;

namespace Wand.Flashing.Tests;

/// <summary>The termios code path on a real pseudo-terminal, and port listing on a fake sysfs tree.</summary>
public sealed class SerialPortTests
{
    [Theory]
    [InlineData(115_200)]
    [InlineData(921_600)]
    [InlineData(1_500_000)]
    [InlineData(250_000)]
    public void SetBaudRate_StandardAndNonStandardRates_AreAccepted(int baud)
    {
        using RomSimulator.RomSimulator simulator = new();
        using LinuxSerialPort port = LinuxSerialPort.Open(simulator.ServePseudoTerminal(), 115_200);

        port.SetBaudRate(baud);

        Assert.Equal(baud, port.BaudRate);
    }

    [Theory]
    [InlineData(BaudRateRange.Minimum - 1)]
    [InlineData(BaudRateRange.Maximum + 1)]
    public void SetBaudRate_OutsideTheRange_IsRefusedNamingTheRange(int baud)
    {
        using RomSimulator.RomSimulator simulator = new();
        using LinuxSerialPort port = LinuxSerialPort.Open(simulator.ServePseudoTerminal(), 115_200);

        SerialPortException exception = Assert.Throws<SerialPortException>(() => port.SetBaudRate(baud));

        Assert.Contains(BaudRateRange.Text, exception.Message);
        Assert.Equal(115_200, port.BaudRate);
    }

    [Fact]
    public void HostBaudRate_AfterTheHostSetsARate_IsSeenOnTheSimulatorsSide()
    {
        using Wand.Host.Serial.Terminals.PseudoTerminal pair = Wand.Host.Serial.Terminals.PseudoTerminal.Open(115_200);
        using LinuxSerialPort port = LinuxSerialPort.Open(pair.TerminalPath, 230_400);

        Assert.Equal(230_400, pair.TerminalBaudRate);
    }

    [Fact]
    public void Open_SecondOpenOfTheSamePort_IsBusy()
    {
        using RomSimulator.RomSimulator simulator = new();
        string path = simulator.ServePseudoTerminal();
        using LinuxSerialPort first = LinuxSerialPort.Open(path, 115_200);

        SerialPortException error = Assert.Throws<SerialPortException>(() => LinuxSerialPort.Open(path, 115_200));

        Assert.Equal(SerialPortFailure.Busy, error.Failure);
    }

    [Fact]
    public void Open_AfterClose_Succeeds()
    {
        using RomSimulator.RomSimulator simulator = new();
        string path = simulator.ServePseudoTerminal();
        LinuxSerialPort.Open(path, 115_200).Dispose();

        using LinuxSerialPort again = LinuxSerialPort.Open(path, 115_200);

        Assert.Equal(path, again.Name);
    }

    [Fact]
    public void SetControlLines_OnPseudoTerminal_SaysNotSupported()
    {
        using RomSimulator.RomSimulator simulator = new();
        using LinuxSerialPort port = LinuxSerialPort.Open(simulator.ServePseudoTerminal(), 115_200);

        Assert.False(port.SupportsControlLines);
        Assert.Throws<ControlLinesNotSupportedException>(() => port.SetControlLines(true, false));
    }

    [Fact]
    public void Read_NothingArrives_ReturnsZeroAfterTheTimeout()
    {
        using RomSimulator.RomSimulator simulator = new();
        using LinuxSerialPort port = LinuxSerialPort.Open(simulator.ServePseudoTerminal(), 115_200);

        Assert.Equal(0, port.Read(new byte[16], TimeSpan.FromMilliseconds(30)));
    }

    [Fact]
    public void Open_MissingDevice_IsNotFoundWithAdvice()
    {
        SerialPortException error = Assert.Throws<SerialPortException>(() => LinuxSerialPort.Open("/dev/ttyUSB97", 115_200));

        Assert.Equal(SerialPortFailure.NotFound, error.Failure);
        Assert.Contains("wand ports", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void List_FakeSysfs_ReportsUsbIdsAndKnownBridgeAndSkipsLegacyUarts()
    {
        string root = Directory.CreateTempSubdirectory("wand-sysfs-").FullName;
        try
        {
            string usb = Path.Combine(root, "devices", "usb1", "1-1");
            string ttyDevice = Path.Combine(usb, "1-1:1.0", "ttyUSB0");
            Directory.CreateDirectory(ttyDevice);
            File.WriteAllText(Path.Combine(usb, "idVendor"), "10c4\n");
            File.WriteAllText(Path.Combine(usb, "idProduct"), "ea60\n");
            File.WriteAllText(Path.Combine(usb, "product"), "CP2102 USB to UART Bridge Controller\n");
            string legacyDevice = Path.Combine(root, "devices", "platform", "serial8250", "tty", "ttyS0");
            Directory.CreateDirectory(legacyDevice);
            string legacyDriver = Path.Combine(root, "drivers", "serial8250");
            Directory.CreateDirectory(legacyDriver);
            Directory.CreateSymbolicLink(Path.Combine(legacyDevice, "driver"), legacyDriver);
            string classRoot = Path.Combine(root, "class", "tty");
            foreach ((string name, string device) in new[] { ("ttyUSB0", ttyDevice), ("ttyS0", legacyDevice) })
            {
                Directory.CreateDirectory(Path.Combine(classRoot, name));
                Directory.CreateSymbolicLink(Path.Combine(classRoot, name, "device"), device);
            }

            Directory.CreateDirectory(Path.Combine(classRoot, "tty0")); // virtual console: no device link

            SerialPortInfo port = Assert.Single(SerialPortLister.List(sysfsRoot: classRoot));
            Assert.Equal("/dev/ttyUSB0", port.Path);
            Assert.Equal((ushort)0x10C4, port.VendorId);
            Assert.Equal((ushort)0xEA60, port.ProductId);
            Assert.Equal("Silicon Labs CP210x", port.KnownBridge);
            Assert.Equal(2, SerialPortLister.List(includeLegacy: true, sysfsRoot: classRoot).Count);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
