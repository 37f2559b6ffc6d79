using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Wand.DBus;

// Measures the D-Bus layer (Tmds.DBus.Protocol underneath) through a private dbus-daemon: the round trip of a method
// call, and of a GetManagedObjects-sized value (one adapter and one connected wand: 4 services, 19 characteristics)
// sent to an exported echo object and back, which includes marshalling and unmarshalling it twice.
const int Iterations = 2000;

string directory = Path.Combine(Path.GetTempPath(), "wand-dbus-bench-" + Environment.ProcessId);
Directory.CreateDirectory(directory);
ProcessStartInfo start = new("dbus-daemon", ["--session", $"--address=unix:path={directory}/bus.sock", "--fork", "--print-pid=1"]) { RedirectStandardOutput = true };
using (Process daemon = Process.Start(start)!)
{
    int pid = int.Parse((await daemon.StandardOutput.ReadToEndAsync()).Trim().Split('\n')[0]);
    try
    {
        DBusAddress address = DBusAddress.Parse($"unix:path={directory}/bus.sock");
        await using DBusConnection connection = await DBusConnection.ConnectAsync(address);
        await using DBusConnection server = await DBusConnection.ConnectAsync(address);
        using IDisposable echo = server.ExportObject(new ObjectPath("/echo"), call => Task.FromResult(DBusReplies.Return(call, call.Signature.Value, [.. call.Body])));
        object objects = ManagedObjects();
        await MeasureAsync("call round trip via dbus-daemon (GetId)", () =>
            connection.CallAsync(DBusMessage.MethodCall(DBusConnection.BusName, new ObjectPath("/org/freedesktop/DBus"), DBusConnection.BusName, "GetId")));
        await MeasureAsync("echo of a GetManagedObjects value (a{oa{sa{sv}}})", () =>
            connection.CallAsync(DBusMessage.MethodCall(server.UniqueName, new ObjectPath("/echo"), "org.example.Echo", "Echo", "a{oa{sa{sv}}}", objects)));
    }
    finally
    {
        Process.GetProcessById(pid).Kill();
        Directory.Delete(directory, recursive: true);
    }
}

static async Task MeasureAsync(string name, Func<Task> call)
{
    for (int index = 0; index < 200; index++)
    {
        await call();
    }

    List<double> microseconds = [];
    for (int index = 0; index < Iterations; index++)
    {
        long before = Stopwatch.GetTimestamp();
        await call();
        microseconds.Add(Stopwatch.GetElapsedTime(before).TotalMicroseconds);
    }

    microseconds.Sort();
    Console.WriteLine($"{name,-58} median {microseconds[microseconds.Count / 2],8:0.0} us   p99 {microseconds[microseconds.Count * 99 / 100],8:0.0} us");
}

static object ManagedObjects()
{
    Dictionary<ObjectPath, Dictionary<string, Dictionary<string, Variant>>> objects = new()
    {
        [new ObjectPath("/org/bluez/hci0")] = new() { ["org.bluez.Adapter1"] = new() { ["Powered"] = Variant.FromBoolean(true), ["Address"] = Variant.FromString("00:01:02:03:04:05") } },
        [new ObjectPath("/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF")] = new()
        {
            ["org.bluez.Device1"] = new()
            {
                ["Address"] = Variant.FromString("AA:BB:CC:DD:EE:FF"),
                ["Name"] = Variant.FromString("Wand-01"),
                ["RSSI"] = Variant.FromInt16(-58),
                ["Connected"] = Variant.FromBoolean(true),
                ["ServicesResolved"] = Variant.FromBoolean(true),
                ["UUIDs"] = Variant.FromStrings(["6d780100-ef12-4cc2-baad-fd233d601624"]),
                ["ServiceData"] = new Variant(new Signature("a{sv}"), new Dictionary<string, Variant> { ["6d780100-ef12-4cc2-baad-fd233d601624"] = Variant.FromBytes([1, 1, 87]) }),
            },
        },
    };
    for (int service = 0; service < 4; service++)
    {
        string servicePath = $"/org/bluez/hci0/dev_AA_BB_CC_DD_EE_FF/service{0x10 * (service + 1):x4}";
        objects[new ObjectPath(servicePath)] = new() { ["org.bluez.GattService1"] = new() { ["UUID"] = Variant.FromString("6d780100-ef12-4cc2-baad-fd233d601624"), ["Primary"] = Variant.FromBoolean(true) } };
        for (int characteristic = 0; characteristic < 5 && (service * 5) + characteristic < 19; characteristic++)
        {
            objects[new ObjectPath($"{servicePath}/char{(0x10 * (service + 1)) + 1 + (3 * characteristic):x4}")] = new()
            {
                ["org.bluez.GattCharacteristic1"] = new()
                {
                    ["UUID"] = Variant.FromString("6d780101-ef12-4cc2-baad-fd233d601624"),
                    ["Service"] = new Variant(new Signature("o"), new ObjectPath(servicePath)),
                    ["Value"] = Variant.FromBytes(new byte[17]),
                    ["Notifying"] = Variant.FromBoolean(false),
                    ["Flags"] = Variant.FromStrings(["read", "notify"]),
                    ["MTU"] = Variant.FromUInt16(247),
                },
            };
        }
    }

    return objects;
}
