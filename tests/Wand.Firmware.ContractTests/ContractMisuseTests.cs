using System.Linq;
using Xunit;

namespace Wand.Firmware.ContractTests;

/// <summary>Correct uses of the device API compile against the real mscorlib and the contract; misuses fail.</summary>
public class ContractMisuseTests
{
    private const string Usings = """
        using System;
        using System.Device.Adc;
        using System.Device.Gpio;
        using System.Device.Pwm;
        using System.Threading;
        using nanoFramework.Device.Bluetooth;
        using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
        using nanoFramework.Hardware.Esp32;

        """;

    private static void AssertCompiles(string body)
    {
        var errors = ContractCompiler.Errors(Usings + "class Probe { void Run() { " + body + " } }");
        Assert.True(errors.Count == 0, ContractCompiler.Describe(errors));
    }

    private static void AssertFails(string body, string expectedErrorId)
    {
        var errors = ContractCompiler.Errors(Usings + "class Probe { void Run() { " + body + " } }");
        Assert.True(errors.Count > 0, "The snippet compiled, but it must not: " + body);
        Assert.Contains(errors, error => error.Id == expectedErrorId);
    }

    [Fact]
    public void ContractAssemblies_CarryTheRealAssemblyNames()
    {
        Assert.Equal(
            new[]
            {
                "mscorlib", "nanoFramework.Device.Bluetooth", "nanoFramework.Hardware.Esp32", "nanoFramework.Runtime.Native",
                "System.Device.Adc", "System.Device.Gpio", "System.Device.Pwm", "System.IO.FileSystem", "System.Math",
            }.Order(System.StringComparer.Ordinal),
            ContractCompiler.AssemblyNames.Order(System.StringComparer.Ordinal));
    }

    [Fact]
    public void CorrectPwmUse_Compiles()
    {
        AssertCompiles("""
            Configuration.SetPinFunction(25, DeviceFunction.PWM1);
            PwmChannel channel = PwmChannel.CreateFromPin(25, 25000, 0);
            if (channel == null) { return; }
            channel.DutyCycle = 0.25;
            channel.Start();
            PwmChannel named = PwmChannel.CreateFromPin(pin: 25, frequency: 25000, dutyCyclePercentage: 0);
            """);
    }

    [Theory]
    [InlineData("PwmChannel.CreateFromPin(25, 25000.0, 0);", "CS1503")]
    [InlineData("PwmChannel.CreateFromPin(\"GPIO25\");", "CS1503")]
    [InlineData("PwmChannel.CreateFromPin(25, 25000, 0, true);", "CS1501")]
    [InlineData("PwmChannel.CreateFromPin(25, frequencyHertz: 25000);", "CS1739")]
    [InlineData("PwmChannel channel = PwmChannel.CreateFromPin(25); channel.Polarity = PwmPulsePolarity.ActiveLow;", "CS1061")]
    [InlineData("Configuration.SetPinFunction(25, 262400);", "CS1503")]
    public void WrongPwmUse_FailsTheBuild(string body, string errorId)
    {
        AssertFails(body, errorId);
    }

    [Fact]
    public void CorrectGattServerUse_Compiles()
    {
        AssertCompiles("""
            GattServiceProviderResult result = GattServiceProvider.Create(new Guid("6d780100-ef12-4cc2-baad-fd233d601624"));
            if (result.Error != BluetoothError.Success) { return; }
            GattLocalCharacteristicParameters parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = GattCharacteristicProperties.Read | GattCharacteristicProperties.Notify;
            parameters.ReadProtectionLevel = GattProtectionLevel.EncryptionRequired;
            GattLocalCharacteristic characteristic = result.ServiceProvider.Service.CreateCharacteristic(new Guid("6d780102-ef12-4cc2-baad-fd233d601624"), parameters).Characteristic;
            characteristic.ReadRequested += (sender, args) => args.GetRequest().RespondWithValue(new nanoFramework.Device.Bluetooth.Buffer(new byte[] { 1 }));
            characteristic.WriteRequested += (sender, args) => args.GetRequest().RespondWithProtocolError(0x0D);
            BluetoothLEServer.Instance.Pairing.IOCapabilities = DevicePairingIOCapabilities.NoInputNoOutput;
            result.ServiceProvider.StartAdvertising(new GattServiceProviderAdvertisingParameters());
            """);
    }

    [Theory]
    [InlineData("GattServiceProviderConnection connection = null;", "CS0246")]
    [InlineData("GattLocalCharacteristic characteristic = null; characteristic.NotifyValueAsync(null);", "CS1061")]
    [InlineData("GattServiceProvider.Create(\"6d780100-ef12-4cc2-baad-fd233d601624\");", "CS1503")]
    [InlineData("GattReadRequest request = null; request.RespondWithValue(new byte[] { 1 });", "CS1503")]
    [InlineData("new GattServiceProvider();", "CS1729")]
    [InlineData("GattProtectionLevel level = GattProtectionLevel.EncryptionAndAuthentication;", "CS0117")]
    public void NonexistentOrWrongGattUse_FailsTheBuild(string body, string errorId)
    {
        AssertFails(body, errorId);
    }

    [Fact]
    public void GenericList_FailsTheBuild()
    {
        AssertFails("var list = new System.Collections.Generic.List<int>();", "CS0234");
    }

    [Fact]
    public void Linq_FailsTheBuild()
    {
        var errors = ContractCompiler.Errors(Usings.Replace("using System;", "using System; using System.Linq;")
            + "class Probe { int Run(int[] values) { return values.Where(v => v > 1).Count(); } }");

        Assert.Contains(errors, error => error.Id == "CS0234");
    }

    [Fact]
    public void Async_FailsTheBuild()
    {
        var errors = ContractCompiler.Errors("class Probe { async System.Threading.Tasks.Task Run() { await System.Threading.Tasks.Task.Delay(1); } }");

        Assert.NotEmpty(errors);
        Assert.Contains(errors, error => error.Id == "CS0234" || error.Id == "CS0518");
    }

    [Fact]
    public void PinnedMathAndRebootUse_Compiles()
    {
        // System.Math 1.5.116 has Clamp and float overloads; Runtime.Native 1.7.11 reboots through
        // RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot).
        AssertCompiles("""
            double clamped = Math.Clamp(1.5, 0.0, 1.0);
            float larger = Math.Max(1f, 2f);
            double named = Math.Max(val1: 1.0, val2: 2.0) + Math.Abs(value: -1.0) + Math.Round(a: 1.5);
            nanoFramework.Runtime.Native.Power.RebootDevice();
            nanoFramework.Runtime.Native.Power.RebootDevice(nanoFramework.Runtime.Native.RebootOption.ClrOnly);
            """);
    }

    [Theory]
    [InlineData("double larger = Math.Max(x: 1.0, y: 2.0);", "CS1739")]
    [InlineData("int magnitude = Math.Abs(val: -1);", "CS1739")]
    [InlineData("double rounded = Math.Round(d: 1.5);", "CS1739")]
    [InlineData("double rounded = Math.Round(1.25, 1);", "CS1501")]
    [InlineData("int clamped = Math.Clamp(5, 0, 3);", "CS0266")]
    [InlineData("nanoFramework.Runtime.Native.Power.RebootDevice(true);", "CS1503")]
    [InlineData("Span<byte> bytes = new byte[4];", "CS0246")]
    [InlineData("var adc = new AdcController(); AdcChannel channel = new AdcChannel();", "CS1729")]
    [InlineData("var gpio = new GpioController(); gpio.OpenPin(4, PinMode.InputPullUp).ValueChanged += null;", "CS1061")]
    public void ApiOutsideThePinnedVersions_FailsTheBuild(string body, string errorId)
    {
        AssertFails(body, errorId);
    }
}
