namespace Wand.Host.Serial;

/// <summary>
/// USB vendor/product ids of USB-UART bridges used on ESP32 development boards (ids as published in the Linux kernel's
/// cp210x, ch341, ftdi_sio and cdc-acm device tables, and Espressif's USB-Serial/JTAG id 303A:1001).
/// </summary>
public static class KnownBridges
{
    /// <summary>Names the bridge with these ids.</summary>
    /// <param name="vendorId">USB vendor id.</param>
    /// <param name="productId">USB product id.</param>
    /// <returns>A short name, or <c>null</c> when the ids are not a known ESP32 board bridge.</returns>
    public static string? Describe(ushort? vendorId, ushort? productId) => (vendorId, productId) switch
    {
        (0x10C4, 0xEA60) => "Silicon Labs CP210x",
        (0x1A86, 0x7523) => "WCH CH340",
        (0x1A86, 0x55D4) => "WCH CH9102",
        (0x0403, 0x6001) => "FTDI FT232R",
        (0x0403, 0x6010) => "FTDI FT2232",
        (0x0403, 0x6014) => "FTDI FT232H",
        (0x0403, 0x6015) => "FTDI FT231X",
        (0x303A, 0x1001) => "Espressif USB-Serial/JTAG",
        _ => null,
    };
}
