using System.CommandLine;

namespace Wand.Cli;

/// <summary>
/// Options shared by every command.
/// </summary>
internal static class CommonOptions
{
    /// <summary>The device address (HC-1): sim (default), tcp://HOST:PORT, unix:PATH, serial:PORT or ble:ADDRESS.</summary>
    public static readonly Option<string> Device = new("--device", "-d")
    {
        Description = "The wand to talk to: sim (default, a virtual wand in-process), tcp://HOST:PORT, unix:PATH, serial:PORT or ble:AA:BB:CC:DD:EE:FF. "
            + "A virtual wand takes options, sim:KEY=VALUE,...: " + Wand.Host.Links.SimulatedAddressOptions.Keys + ". Example: sim:seed=7,motor-spread=0.25,defect=stuck-ntc",
        DefaultValueFactory = _ => "sim",
        Recursive = true,
    };

    /// <summary>Machine-readable output: one JSON document on standard output, no progress.</summary>
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Write machine-readable JSON to standard output and no progress or tables.",
        Recursive = true,
    };
}
