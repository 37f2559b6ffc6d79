using System;
using System.Collections.Generic;
using System.IO;
using Wand.Core.Gatt;
using Wand.Protocol.Profile;
using Wand.Simulation;

namespace Wand.Gatt.Tests;

/// <summary>A calibrated virtual wand with its GATT server, booted and connected, for GATT-level tests.</summary>
public sealed class GattBench
{
    public GattBench(bool factoryMode = false, bool encrypted = true)
    {
        VirtualBoard board = new(global::Wand.Core.Board.BoardProfile.CreateDefault(), new VirtualBoardOptions { Seed = 7 });
        board.StoreCalibration(IdealCalibration.For(board.Motor.Parameters));
        board.SetFactoryStrap(factoryMode);
        Relay.Notified += (_, notification) => Notifications.Add(notification);
        Wand = new VirtualWand(board, b => new WandControllerLoop(b, Relay), null, Relay);
        Wand.RunFor(500);
        Gatt.LinkUp(encrypted);
    }

    public VirtualWand Wand { get; }

    public NotificationBroadcaster Relay { get; } = new();

    public List<GattNotification> Notifications { get; } = new();

    public WandGattServer Gatt => Wand.Runtime!.Gatt;

    public static int Index(string name)
    {
        int index = WandProfile.IndexOfName(name);
        return index >= 0 ? index : throw new ArgumentException("no characteristic " + name);
    }

    public (byte Error, byte[] Value) Read(int index)
    {
        byte[] buffer = new byte[WandProfile.MaximumValueLength];
        byte error = Gatt.Read(index, buffer, out int length);
        return (error, buffer.AsSpan(0, length).ToArray());
    }

    public byte Write(string name, byte[] value, int offset = 0) => Gatt.Write(Index(name), value, offset, true);

    /// <summary>Every readable value the device exposes, for "nothing changed" checks.</summary>
    public Dictionary<int, string> Snapshot()
    {
        Dictionary<int, string> values = new();
        for (int index = 0; index < WandProfile.CharacteristicCount; index++)
        {
            (byte error, byte[] value) = Read(index);
            values[index] = error + ":" + Convert.ToHexString(value);
        }

        return values;
    }

    public static string VectorsDirectory()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "WandFirmware.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("repository root not found"), "protocol", "vectors");
    }
}
