using System;
using System.Reflection;
using Wand.Core.Control;
using Wand.Core.Gatt;

namespace Wand.Simulation;

/// <summary>
/// The real firmware on a virtual board: the <see cref="WandRuntime"/> (controller and GATT server) driven by the
/// virtual wand's control ticks and liveness timer.
/// </summary>
public sealed class WandControllerLoop : IControlLoop
{
    /// <summary>Initializes a new instance of the <see cref="WandControllerLoop"/> class and boots the firmware.</summary>
    /// <param name="board">The board.</param>
    /// <param name="notifications">Where GATT notifications go; <c>null</c> discards them.</param>
    public WandControllerLoop(VirtualBoard board, IGattNotificationSink? notifications = null)
    {
        ArgumentNullException.ThrowIfNull(board);
        Runtime = new WandRuntime(board.Profile, board.Io, VirtualIdentity, notifications ?? new NotificationBroadcaster());
    }

    /// <summary>Gets the Device Information texts of a virtual wand.</summary>
    public static DeviceIdentity VirtualIdentity { get; } = new(
        "WandFirmware",
        "Wand-1 virtual",
        "virtual-board-1",
        "nanoCLR-virtual",
        typeof(WandControllerLoop).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0");

    /// <summary>Gets the firmware runtime.</summary>
    public WandRuntime Runtime { get; }

    /// <summary>Gets the firmware controller.</summary>
    public WandController Controller => Runtime.Controller;

    /// <summary>Gets how often the liveness timer found the loop late.</summary>
    public int LivenessTrips { get; private set; }

    /// <inheritdoc/>
    public void Tick() => Runtime.Tick();

    /// <inheritdoc/>
    public void CheckLiveness()
    {
        if (Runtime.CheckLiveness())
        {
            LivenessTrips++;
        }
    }
}
