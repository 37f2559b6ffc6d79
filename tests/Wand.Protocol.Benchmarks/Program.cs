using System;
using System.Diagnostics;
using System.Globalization;
using Wand.Protocol;
using Wand.Protocol.Factory;
using Wand.Protocol.Framing;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;
using Wand.Protocol.Vocabulary;

// Throughput and managed allocation of the protocol library on .NET: the codecs the GATT server runs per request,
// and the stream-frame decoder on clean and on noisy input. The device (nanoFramework, interpreted) is far slower;
// what carries over is the allocation count, which must be 0 on every path.
// Usage: dotnet run -c Release --project tests/Wand.Protocol.Benchmarks [-- --seconds S]
double seconds = 1.0;
for (int index = 0; index < args.Length; index++)
{
    if (args[index] == "--seconds" && index + 1 < args.Length
        && double.TryParse(args[index + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0)
    {
        seconds = value;
        index++;
    }
    else
    {
        Console.Error.WriteLine($"Unknown argument '{args[index]}'. Usage: [--seconds S] (time per measurement, default 1).");
        return 2;
    }
}

#if DEBUG
Console.Error.WriteLine("Warning: a Debug build; figures are only meaningful with -c Release.");
#endif

// First use of the profile table: the one-time allocation of its static data (services, characteristics, UUIDs).
long bootBefore = GC.GetAllocatedBytesForCurrentThread();
int characteristicCount = WandProfile.Characteristic(0)!.Index + WandProfile.CharacteristicCount;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{"profile table, first use (one-time, .NET object sizes)",-58} {GC.GetAllocatedBytesForCurrentThread() - bootBefore,8} bytes for {characteristicCount} characteristics"));

byte[] buffer = new byte[64];
var status = new StatusReport { State = SessionState.Running, Source = SessionSource.Remote, TargetLevel = 3, BatteryMillivolts = 3900, HeadTemperatureCentidegrees = 3150 };
var command = new ControlPointCommand();
command.SetStart(3, PatternKind.Wave, 600);
int commandLength = command.Encode(buffer, 32);
var record = new CalibrationRecord { SustainMillivolts = 600, BreakawayMillivolts = 900, KickMillivolts = 2800, KickMilliseconds = 30 };
for (int level = 1; level <= 5; level++)
{
    record.SetLevelMillivolts(level, 800 + (level * 300));
}

Measure("status encode + decode (17 B)", seconds, () => status.Decode(buffer, 0, status.Encode(buffer, 0)));
Measure("control-point access check + decode (5 B)", seconds, () =>
{
    AccessRules.CheckWrite(WandProfile.ControlPointIndex, commandLength, 0, true, true, false);
    command.Decode(buffer, 32, commandLength);
});
Measure("calibration record encode + decode with CRC-32 (22 B)", seconds, () => record.Decode(buffer, 0, record.Encode(buffer, 0)));
string uuid = WandProfile.Characteristic(WandProfile.BatteryLevelIndex)!.Uuid.Text.ToUpperInvariant();
Measure("characteristic lookup by UUID text (last entry)", seconds, () => WandProfile.IndexOfUuid(uuid));

// Frames: a stream of write requests, clean and with 10 % random garbage between frames.
byte[] clean = BuildStream(garbageRatio: 0.0, frames: 2000, out int cleanFrames);
byte[] noisy = BuildStream(garbageRatio: 0.1, frames: 2000, out int noisyFrames);
MeasureStream("frame decoder, clean stream", seconds, clean, cleanFrames);
MeasureStream("frame decoder, 10 % garbage between frames", seconds, noisy, noisyFrames);
byte[] pure = new byte[1 << 16];
new Random(7).NextBytes(pure);
MeasureStream("frame decoder, random bytes only", seconds, pure, 0);
return 0;

static void Measure(string name, double seconds, Action action)
{
    for (int warm = 0; warm < 10000; warm++)
    {
        action();
    }

    long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    long operations = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        for (int batch = 0; batch < 1000; batch++)
        {
            action();
        }

        operations += 1000;
    }

    double elapsed = clock.Elapsed.TotalSeconds;
    long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-58} {operations / elapsed / 1e6,8:F2} M op/s  {elapsed * 1e9 / operations,8:F1} ns/op  {(double)allocated / operations,6:F2} B/op"));
}

static void MeasureStream(string name, double seconds, byte[] stream, int framesPerPass)
{
    var decoder = new FrameDecoder();
    Pass(decoder, stream);
    long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
    long bytes = 0;
    long frames = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        frames += Pass(decoder, stream);
        bytes += stream.Length;
    }

    double elapsed = clock.Elapsed.TotalSeconds;
    long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
    long passes = bytes / stream.Length;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-58} {bytes / elapsed / 1e6,8:F1} MB/s    {frames / elapsed / 1e6,8:F2} M frames/s  {(double)allocated / bytes,6:F3} B/byte  frames found {frames / Math.Max(1, passes)}/{framesPerPass} per pass"));
}

static int Pass(FrameDecoder decoder, byte[] stream)
{
    int frames = 0;
    int offset = 0;
    int count = stream.Length;
    while (count > 0)
    {
        int used = decoder.Feed(stream, offset, count);
        offset += used;
        count -= used;
        if (decoder.IsFrameReady)
        {
            frames++;
        }
    }

    decoder.Reset();
    return frames;
}

static byte[] BuildStream(double garbageRatio, int frames, out int frameCount)
{
    var random = new Random(11);
    var output = new System.Collections.Generic.List<byte>();
    byte[] frame = new byte[FrameFormat.MaximumFrameLength];
    byte[] value = new byte[17];
    for (int index = 0; index < frames; index++)
    {
        random.NextBytes(value);
        int length = FrameEncoder.EncodeWrite(true, index, WandProfile.StatusIndex, 0, value, 0, value.Length, frame, 0);
        for (int position = 0; position < length; position++)
        {
            output.Add(frame[position]);
        }

        if (garbageRatio > 0)
        {
            byte[] garbage = new byte[(int)(length * garbageRatio * 2 * random.NextDouble())];
            random.NextBytes(garbage);
            output.AddRange(garbage);
        }
    }

    frameCount = frames;
    return output.ToArray();
}
