using System;
using Wand.Host.Flashing;
using Wand.RomSimulator;

namespace Wand.Flashing.Tests;

/// <summary>A simulated ESP32 in download mode behind a pseudo-terminal, for end-to-end tests.</summary>
public sealed class SimulatedBoard : IDisposable
{
    public SimulatedBoard(RomSimulatorOptions? options = null)
    {
        Simulator = new RomSimulator.RomSimulator(options);
        PortPath = Simulator.ServePseudoTerminal();
    }

    public RomSimulator.RomSimulator Simulator { get; }

    public string PortPath { get; }

    /// <summary>Timeouts short enough that impaired-link tests finish in seconds; the simulator answers in microseconds.</summary>
    public static RomTimeouts FastTimeouts { get; } = new()
    {
        Command = TimeSpan.FromMilliseconds(300),
        Sync = TimeSpan.FromMilliseconds(100),
    };

    public byte[] Read(uint address, int length) => Simulator.Flash.Read((int)address, length);

    public void Dispose() => Simulator.Dispose();
}
