using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace Wand.Host.Serial;

/// <summary>Lists serial ports from sysfs (<c>/sys/class/tty</c>), with USB ids where the device sits on USB.</summary>
public static class SerialPortLister
{
    /// <summary>Lists the serial ports backed by a device.</summary>
    /// <param name="includeLegacy">Also list legacy on-board 8250 UARTs, which are usually not connected.</param>
    /// <param name="sysfsRoot">The sysfs tty class folder; tests pass a fake tree.</param>
    /// <param name="deviceRoot">Where device nodes live.</param>
    /// <returns>The ports, sorted by path.</returns>
    public static IReadOnlyList<SerialPortInfo> List(bool includeLegacy = false, string sysfsRoot = "/sys/class/tty", string deviceRoot = "/dev")
    {
        List<SerialPortInfo> ports = [];
        if (!Directory.Exists(sysfsRoot))
        {
            return ports;
        }

        foreach (string entry in Directory.EnumerateFileSystemEntries(sysfsRoot))
        {
            string deviceLink = Path.Combine(entry, "device");
            if (!Directory.Exists(deviceLink))
            {
                continue;
            }

            string name = Path.GetFileName(entry);
            string devicePath = ResolveLink(deviceLink);
            string driver = ReadDriver(deviceLink);
            if (!includeLegacy && driver == "serial8250")
            {
                continue;
            }

            string? usbFolder = FindUsbDevice(devicePath);
            ports.Add(new SerialPortInfo(
                Path.Combine(deviceRoot, name),
                driver,
                usbFolder is null ? null : ReadHex(Path.Combine(usbFolder, "idVendor")),
                usbFolder is null ? null : ReadHex(Path.Combine(usbFolder, "idProduct")),
                usbFolder is null ? string.Empty : ReadText(Path.Combine(usbFolder, "manufacturer")),
                usbFolder is null ? string.Empty : ReadText(Path.Combine(usbFolder, "product")),
                usbFolder is null ? string.Empty : ReadText(Path.Combine(usbFolder, "serial"))));
        }

        ports.Sort((left, right) => string.CompareOrdinal(left.Path, right.Path));
        return ports;
    }

    private static string ResolveLink(string path)
    {
        FileSystemInfo? target = new DirectoryInfo(path).ResolveLinkTarget(returnFinalTarget: true);
        return target?.FullName ?? Path.GetFullPath(path);
    }

    private static string ReadDriver(string deviceLink)
    {
        string driverLink = Path.Combine(deviceLink, "driver");
        return Directory.Exists(driverLink) ? Path.GetFileName(ResolveLink(driverLink)) : string.Empty;
    }

    /// <summary>Walks up from the tty's device folder to the USB device folder, the first with an idVendor file.</summary>
    private static string? FindUsbDevice(string devicePath)
    {
        for (DirectoryInfo? folder = new(devicePath); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "idVendor")) && File.Exists(Path.Combine(folder.FullName, "idProduct")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    private static ushort? ReadHex(string file) =>
        ushort.TryParse(ReadText(file), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out ushort value) ? value : null;

    private static string ReadText(string file)
    {
        try
        {
            return File.Exists(file) ? File.ReadAllText(file).Trim() : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
