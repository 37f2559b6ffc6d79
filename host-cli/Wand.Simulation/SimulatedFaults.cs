using System;
using System.Globalization;
using Wand.Core.Hardware;

namespace Wand.Simulation;

/// <summary>
/// Named faults for the world-control seam: <c>name</c> or <c>name:argument</c>. Names are case-insensitive.
/// </summary>
public static class SimulatedFaults
{
    /// <summary>Every fault name with its argument, for error messages and help text.</summary>
    public const string Catalogue =
        "stuck-ntc, open-ntc, shorted-ntc, ntc-ok, stuck-head-id, stuck-battery, release-adc, "
        + "adapter-exception[:ADAPTER[:CALLS]] (ADAPTER: motor, head-id, head-temperature, battery, button, usb-power, "
        + "factory-strap, clock, storage, watchdog, touch; default motor), loop-stall[:MILLISECONDS] (default 300), "
        + "loop-hang, storage-fail[:WRITES], storage-corrupt[:WRITES], corrupt-calibration, erase-calibration, "
        + "accelerometer-stuck, accelerometer-noisy, accelerometer-ok, clear";

    /// <summary>Applies a named fault to a board.</summary>
    /// <param name="board">The board.</param>
    /// <param name="fault">The fault, <c>name</c> or <c>name:argument</c>.</param>
    /// <exception cref="ArgumentException">Unknown name or bad argument; the message lists the valid names.</exception>
    public static void Apply(VirtualBoard board, string fault)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(fault);
        string[] parts = fault.Trim().ToLowerInvariant().Split(':');
        string name = parts[0];
        switch (name)
        {
            case "stuck-ntc":
                board.HeadTemperature.Fault = NtcFault.Stuck;
                break;
            case "open-ntc":
                board.HeadTemperature.Fault = NtcFault.Open;
                break;
            case "shorted-ntc":
                board.HeadTemperature.Fault = NtcFault.Shorted;
                break;
            case "ntc-ok":
                board.HeadTemperature.Fault = NtcFault.None;
                break;
            case "stuck-head-id":
                board.HeadId.Freeze();
                break;
            case "stuck-battery":
                board.Battery.Freeze();
                break;
            case "release-adc":
                board.HeadId.ForceCounts(null);
                board.Battery.ForceCounts(null);
                board.HeadTemperature.Fault = NtcFault.None;
                break;
            case "adapter-exception":
                AdapterKind adapter = parts.Length > 1 ? ParseAdapter(parts[1], fault) : AdapterKind.Motor;
                board.Faults.ThrowOnNextCalls(adapter, (int)Argument(parts, 2, 1, fault));
                break;
            case "loop-stall":
                board.Faults.StallControlLoop(Argument(parts, 1, 300, fault));
                break;
            case "loop-hang":
                board.Faults.StallControlLoop(long.MaxValue);
                break;
            case "storage-fail":
                board.Storage.SetWriteFault(StorageFault.FailWrites, (int)Argument(parts, 1, int.MaxValue, fault));
                break;
            case "storage-corrupt":
                board.Storage.SetWriteFault(StorageFault.CorruptWrites, (int)Argument(parts, 1, int.MaxValue, fault));
                break;
            case "corrupt-calibration":
                board.Storage.CorruptRecord(StorageSlot.Calibration, 0, 0);
                break;
            case "erase-calibration":
                board.Storage.Erase(StorageSlot.Calibration);
                break;
            case "accelerometer-stuck":
                board.Accelerometer.Fault = AccelerometerFault.Stuck;
                break;
            case "accelerometer-noisy":
                board.Accelerometer.Fault = AccelerometerFault.Noisy;
                break;
            case "accelerometer-ok":
                board.Accelerometer.Fault = AccelerometerFault.None;
                break;
            case "clear":
                board.Faults.Clear();
                board.Storage.SetWriteFault(StorageFault.None);
                board.HeadId.ForceCounts(null);
                board.Battery.ForceCounts(null);
                board.HeadTemperature.Fault = NtcFault.None;
                board.Accelerometer.Fault = AccelerometerFault.None;
                break;
            default:
                throw new ArgumentException("Unknown fault '" + fault + "'. Known faults: " + Catalogue + ".", nameof(fault));
        }
    }

    private static AdapterKind ParseAdapter(string text, string fault)
    {
        return text switch
        {
            "motor" => AdapterKind.Motor,
            "head-id" => AdapterKind.HeadId,
            "head-temperature" => AdapterKind.HeadTemperature,
            "battery" => AdapterKind.Battery,
            "button" => AdapterKind.Button,
            "usb-power" => AdapterKind.UsbPower,
            "factory-strap" => AdapterKind.FactoryStrap,
            "clock" => AdapterKind.Clock,
            "storage" => AdapterKind.Storage,
            "watchdog" => AdapterKind.Watchdog,
            "touch" => AdapterKind.Touch,
            _ => throw new ArgumentException("Unknown adapter '" + text + "' in fault '" + fault + "'. Known faults: " + Catalogue + ".", nameof(fault)),
        };
    }

    private static long Argument(string[] parts, int position, long fallback, string fault)
    {
        if (parts.Length <= position)
        {
            return fallback;
        }

        if (!long.TryParse(parts[position], NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < 1 || value > int.MaxValue)
        {
            throw new ArgumentException("Bad number '" + parts[position] + "' in fault '" + fault + "': expected 1 to " + int.MaxValue + ".", nameof(fault));
        }

        return value;
    }
}
