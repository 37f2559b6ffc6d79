using System;
using System.Collections.Generic;
using Wand.Core.Hardware;

namespace Wand.Core.Tests.Fakes;

public sealed class FakeMotorOutput : IMotorOutput
{
    public List<float> Writes { get; } = new();

    public float DutyCycle { get; private set; } = float.NaN;

    public int ThrowOnNextWrites { get; set; }

    public void SetDutyCycle(float dutyCycle)
    {
        if (ThrowOnNextWrites > 0)
        {
            ThrowOnNextWrites--;
            throw new InvalidOperationException("injected motor output failure");
        }

        Writes.Add(dutyCycle);
        DutyCycle = dutyCycle;
    }
}

public sealed class FakeAnalogChannel(int counts) : IAnalogChannel
{
    public int Counts { get; set; } = counts;

    public bool Throw { get; set; }

    public int ReadCounts()
    {
        if (Throw)
        {
            throw new InvalidOperationException("injected ADC failure");
        }

        return Counts;
    }
}

public sealed class FakeDigitalInput : IDigitalInput
{
    public bool IsActive { get; set; }
}

public sealed class FakeClock : IClock
{
    private long milliseconds;

    public bool Throw { get; set; }

    public long MillisecondsSinceBoot
    {
        get => Throw ? throw new InvalidOperationException("injected clock failure") : milliseconds;
        set => milliseconds = value;
    }

    public long Now => milliseconds;
}

public sealed class FakeWatchdog : IWatchdog
{
    public int Feeds { get; private set; }

    public void Feed() => Feeds++;
}

public sealed class FakeTouchSensor : ITouchSensor
{
    public bool IsTouching { get; set; } = true;
}

public sealed class FakeStorage : IPersistentStorage
{
    private readonly Dictionary<StorageSlot, byte[]> records = new();
    private readonly Dictionary<StorageSlot, int> writes = new();

    public bool FailWrites { get; set; }

    /// <summary>When set, a write stores what this returns for the bytes written (a flash that keeps other bytes than it was sent).</summary>
    public Func<byte[], byte[]>? StoreAs { get; set; }

    public int Read(StorageSlot slot, byte[] buffer)
    {
        if (!records.TryGetValue(slot, out byte[]? data))
        {
            return 0;
        }

        Array.Copy(data, buffer, data.Length);
        return data.Length;
    }

    public bool Write(StorageSlot slot, byte[] data, int length)
    {
        if (FailWrites)
        {
            return false;
        }

        byte[] written = data.AsSpan(0, length).ToArray();
        records[slot] = StoreAs is null ? written : StoreAs(written);
        writes[slot] = WritesTo(slot) + 1;
        return true;
    }

    public void Put(StorageSlot slot, byte[] data) => records[slot] = data;

    public int WritesTo(StorageSlot slot) => writes.TryGetValue(slot, out int count) ? count : 0;

    public byte[]? Get(StorageSlot slot) => records.TryGetValue(slot, out byte[]? data) ? data : null;
}
