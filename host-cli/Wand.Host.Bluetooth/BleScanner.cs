using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Wand.DBus;
using Wand.Protocol.Vocabulary;

namespace Wand.Host.Links.Ble;

/// <summary>A wand seen during a scan.</summary>
/// <param name="Name">The advertised name (or BlueZ's alias); empty when none.</param>
/// <param name="Address">The device address, <c>ble:AA:BB:CC:DD:EE:FF</c>.</param>
/// <param name="Rssi">Received signal strength, dBm (typically −100 to −20).</param>
/// <param name="Head">The attached head from the advertisement; <c>null</c> when not advertised.</param>
/// <param name="BatteryPercent">Battery charge, 0 to 100 %, from the advertisement; <c>null</c> when not advertised.</param>
public sealed record ScannedWand(string Name, string Address, short Rssi, HeadIdentity? Head, int? BatteryPercent);

/// <summary>Scan progress.</summary>
/// <param name="Adapter">The adapter scanning, for example <c>hci0</c>.</param>
/// <param name="Elapsed">Time since the scan started.</param>
/// <param name="WandsFound">Wands seen so far.</param>
public sealed record ScanProgress(string Adapter, TimeSpan Elapsed, int WandsFound);

/// <summary>Lists nearby wands through BlueZ discovery, filtered on the Wand service UUID.</summary>
public static class BleScanner
{
    private static readonly TimeSpan ProgressPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>Scans for wands.</summary>
    /// <param name="duration">How long to scan, 1 to 120 s.</param>
    /// <param name="options">Bus and adapter; <c>null</c> for the defaults.</param>
    /// <param name="progress">Receives progress about twice a second; may be <c>null</c>.</param>
    /// <param name="cancellationToken">Stops the scan early (the wands seen so far are not returned).</param>
    /// <returns>The wands seen, strongest signal first.</returns>
    /// <exception cref="BluetoothUnavailableException">No bus or no BlueZ.</exception>
    /// <exception cref="BluetoothAdapterNotFoundException">No usable adapter.</exception>
    /// <exception cref="BlueZOperationException">BlueZ refused to start discovery.</exception>
    public static async Task<IReadOnlyList<ScannedWand>> ScanAsync(TimeSpan duration, BleLinkOptions? options = null, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (duration < TimeSpan.FromSeconds(1) || duration > TimeSpan.FromSeconds(120))
        {
            throw new ArgumentOutOfRangeException(nameof(duration), duration, "A scan lasts 1 to 120 s.");
        }

        options ??= new BleLinkOptions();
        await using BlueZSession session = await BlueZSession.OpenAsync(options.BusAddress, cancellationToken).ConfigureAwait(false);
        ObjectPath adapter = session.SelectAdapter(options.Adapter);
        string adapterName = adapter.Value[(adapter.Value.LastIndexOf('/') + 1)..];
        Dictionary<string, Variant> filter = new()
        {
            ["UUIDs"] = Variant.FromStrings([WandGattUuids.WandService.ToString()]),
            ["Transport"] = Variant.FromString("le"),
            ["DuplicateData"] = Variant.FromBoolean(false),
        };
        try
        {
            await session.CallAsync(adapter, BlueZSession.AdapterInterface, "SetDiscoveryFilter", options.RequestTimeout, cancellationToken, "a{sv}", filter).ConfigureAwait(false);
            await session.CallAsync(adapter, BlueZSession.AdapterInterface, "StartDiscovery", options.RequestTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (DBusException exception)
        {
            throw new BlueZOperationException($"BlueZ refused to start discovery on {adapterName}: {exception.Message}", exception);
        }

        try
        {
            // One reading of the clock per pass decides both whether to go on and how long to wait, so the wait is always
            // positive: a second reading taken later on a loaded machine could make it negative, and Task.Delay throws on
            // a negative span, or waits forever on one that rounds to -1 ms.
            long start = Stopwatch.GetTimestamp();
            for (TimeSpan elapsed = TimeSpan.Zero; elapsed < duration; elapsed = Stopwatch.GetElapsedTime(start))
            {
                progress?.Report(new ScanProgress(adapterName, elapsed, Collect(session, adapter).Count));
                await Task.Delay(NextPause(duration, elapsed), cancellationToken).ConfigureAwait(false);
            }

            List<ScannedWand> wands = Collect(session, adapter);
            progress?.Report(new ScanProgress(adapterName, duration, wands.Count));
            return wands;
        }
        finally
        {
            try
            {
                await session.CallAsync(adapter, BlueZSession.AdapterInterface, "StopDiscovery", options.RequestTimeout, CancellationToken.None).ConfigureAwait(false);
                await session.CallAsync(adapter, BlueZSession.AdapterInterface, "SetDiscoveryFilter", options.RequestTimeout, CancellationToken.None, "a{sv}", new Dictionary<string, Variant>()).ConfigureAwait(false);
            }
            catch (DBusException)
            {
                // Discovery ends anyway when this client leaves the bus.
            }
        }
    }

    /// <summary>How long to wait before the next progress report: half a second, or what is left of the scan if less.</summary>
    /// <param name="duration">The scan's length.</param>
    /// <param name="elapsed">Time scanned so far; less than <paramref name="duration"/>.</param>
    /// <returns>A wait greater than zero and at most 500 ms.</returns>
    internal static TimeSpan NextPause(TimeSpan duration, TimeSpan elapsed)
    {
        TimeSpan left = duration - elapsed;
        return left <= TimeSpan.Zero ? TimeSpan.FromTicks(1) : left < ProgressPeriod ? left : ProgressPeriod;
    }

    /// <summary>Builds the list from BlueZ's devices: those under the adapter that advertise the Wand service (BlueZ merges
    /// the filters of all clients, so each client re-checks its own) and have an RSSI (seen in this discovery).</summary>
    /// <param name="session">The BlueZ session.</param>
    /// <param name="adapter">The adapter.</param>
    /// <returns>The wands, strongest first.</returns>
    private static List<ScannedWand> Collect(BlueZSession session, ObjectPath adapter)
    {
        string service = WandGattUuids.WandService.ToString();
        List<ScannedWand> wands = [];
        foreach ((ObjectPath path, IReadOnlyDictionary<string, object> device) in session.Objects.WithInterface(BlueZSession.DeviceInterface))
        {
            if (!path.Value.StartsWith(adapter.Value + "/", StringComparison.Ordinal) || device.GetValueOrDefault("RSSI") is not short rssi)
            {
                continue;
            }

            bool advertisesService = device.GetValueOrDefault("UUIDs") is object[] uuids && uuids.Any(uuid => string.Equals(uuid as string, service, StringComparison.OrdinalIgnoreCase));
            byte[]? serviceData = device.GetValueOrDefault("ServiceData") is Dictionary<object, object> data
                ? data.FirstOrDefault(entry => string.Equals(entry.Key as string, service, StringComparison.OrdinalIgnoreCase)).Value switch
                {
                    Variant { Value: byte[] bytes } => bytes,
                    _ => null,
                }
                : null;
            if (!advertisesService && serviceData is null)
            {
                continue;
            }

            WandAdvertisement? advertisement = null;
            _ = serviceData is not null && WandAdvertisement.TryDecode(serviceData, out advertisement);
            string name = device.GetValueOrDefault("Name") as string ?? device.GetValueOrDefault("Alias") as string ?? string.Empty;
            string address = device.GetValueOrDefault("Address") as string ?? string.Empty;
            wands.Add(new ScannedWand(name, BleDeviceAddress.Scheme + address, rssi, advertisement?.Head, advertisement?.BatteryPercent));
        }

        return [.. wands.OrderByDescending(wand => wand.Rssi).ThenBy(wand => wand.Address, StringComparer.Ordinal)];
    }
}
