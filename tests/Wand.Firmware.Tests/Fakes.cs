using System;
using System.Collections.Generic;
using Wand.Core.Board;
using Wand.Core.Control;
using Wand.Core.Hardware;
using Wand.Core.Platform;

namespace Wand.Firmware.Tests;

internal sealed class RecordingMotor : IMotorOutput
{
    public List<float> Writes { get; } = new();

    public float? LastDuty => Writes.Count == 0 ? null : Writes[^1];

    public void SetDutyCycle(float dutyCycle) => Writes.Add(dutyCycle);
}

internal sealed class ManualClock : IClock
{
    public long MillisecondsSinceBoot { get; set; }
}

internal sealed class SettableInput : IDigitalInput
{
    public bool IsActive { get; set; }
}

internal sealed class NullChannel : IAnalogChannel
{
    public int ReadCounts() => 0;
}

internal sealed class NullStorage : IPersistentStorage
{
    public int Read(StorageSlot slot, byte[] buffer) => 0;

    public bool Write(StorageSlot slot, byte[] data, int length) => true;
}

internal sealed class NullWatchdog : IWatchdog
{
    public void Feed()
    {
    }
}

internal sealed class CountingCore : IControlCore
{
    public int Ticks { get; private set; }

    public void Tick() => Ticks++;

    public bool CheckLiveness() => false;
}

/// <summary>Records every stage call in order; each stage can be made to fail.</summary>
internal sealed class RecordingPlatform : IBootPlatform
{
    public List<string> Calls { get; } = new();

    public RecordingMotor Motor { get; } = new();

    public bool MotorUnavailable { get; set; }

    public bool AdaptersThrow { get; set; }

    public bool CoreThrows { get; set; }

    public bool RadioThrows { get; set; }

    public int MotorPin { get; private set; } = -1;

    public IMotorOutput OpenMotorOutput(int pin, int frequencyHertz)
    {
        Calls.Add("motor");
        MotorPin = pin;
        if (MotorUnavailable)
        {
            return null!;
        }

        Motor.SetDutyCycle(0f);
        return Motor;
    }

    public BoardIo OpenBoardIo(BoardProfile profile, IMotorOutput motor)
    {
        Calls.Add("adapters");
        if (AdaptersThrow)
        {
            throw new System.InvalidOperationException("GPIO busy");
        }

        return new BoardIo(motor, new NullChannel(), new NullChannel(), new NullChannel(), new SettableInput(), new SettableInput(), new SettableInput(), new ManualClock(), new NullStorage(), new NullWatchdog(), null!);
    }

    public IControlCore CreateCore(BoardProfile profile, BoardIo io)
    {
        Calls.Add("core");
        if (CoreThrows)
        {
            throw new System.InvalidOperationException("core");
        }

        return new CountingCore();
    }

    public void StartRadio(BoardProfile profile, IControlCore core)
    {
        Calls.Add("radio");
        if (RadioThrows)
        {
            throw new System.InvalidOperationException("BLE stack refused the service");
        }
    }
}

/// <summary>An in-memory file system that can tear the next write (a power loss part way through).</summary>
internal sealed class TearableFiles : IRecordFiles
{
    public Dictionary<string, byte[]> Files { get; } = new();

    public int TearNextWriteAfterBytes { get; set; } = -1;

    public bool FailNextWrite { get; set; }

    public int Read(string name, byte[] buffer)
    {
        if (!Files.TryGetValue(name, out byte[]? content))
        {
            return -1;
        }

        if (content.Length > buffer.Length)
        {
            return content.Length;
        }

        content.CopyTo(buffer, 0);
        return content.Length;
    }

    public bool Write(string name, byte[] data, int length)
    {
        if (FailNextWrite)
        {
            FailNextWrite = false;
            return false;
        }

        int kept = length;
        if (TearNextWriteAfterBytes >= 0)
        {
            kept = System.Math.Min(length, TearNextWriteAfterBytes);
            TearNextWriteAfterBytes = -1;
        }

        Files[name] = data.AsSpan(0, kept).ToArray();
        return true;
    }
}
