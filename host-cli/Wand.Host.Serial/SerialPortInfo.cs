namespace Wand.Host.Serial;

/// <summary>One serial port found on this machine.</summary>
/// <param name="Path">The device path, for example <c>/dev/ttyUSB0</c>.</param>
/// <param name="Driver">The kernel driver bound to the port, for example <c>cp210x</c>, or empty.</param>
/// <param name="VendorId">The USB vendor id, or <c>null</c> when the port is not on USB.</param>
/// <param name="ProductId">The USB product id, or <c>null</c> when the port is not on USB.</param>
/// <param name="Manufacturer">The USB manufacturer string, or empty.</param>
/// <param name="Product">The USB product string, or empty.</param>
/// <param name="SerialNumber">The USB serial number string, or empty.</param>
public sealed record SerialPortInfo(string Path, string Driver, ushort? VendorId, ushort? ProductId, string Manufacturer, string Product, string SerialNumber)
{
    /// <summary>Gets the name of a USB-UART bridge commonly found on ESP32 boards, or <c>null</c> for unknown devices.</summary>
    public string? KnownBridge => KnownBridges.Describe(VendorId, ProductId);
}
