using System;
using System.Diagnostics;
using System.Threading;
using Wand.Core.Gatt;
using Wand.Host.Links.Simulated;
using Wand.Simulation;

namespace Wand.Host.Serving;

/// <summary>
/// Runs a virtual wand (the real firmware runtime on the virtual board) paced against the wall clock on its own
/// thread, or stepped only when asked (<see cref="VirtualWandHostOptions.Stepped"/>), and serialises every access to
/// it: GATT requests, world controls and control ticks take one lock. Notifications go to the attached
/// <see cref="INotificationTarget"/>.
/// </summary>
public sealed class VirtualWandHost : IDisposable
{
    private const int StepMilliseconds = 20;
    private const int MaximumLagMilliseconds = 500;

    private readonly object gate = new();
    private readonly Thread thread;
    private readonly CancellationTokenSource stop = new();
    private INotificationTarget? target;
    private int rebootsSeen;
    private bool unpowered;

    /// <summary>Initializes a new instance of the <see cref="VirtualWandHost"/> class and starts the clock.</summary>
    /// <param name="options">Pace and board; <c>null</c> for real time and a typical unit.</param>
    public VirtualWandHost(VirtualWandHostOptions? options = null)
    {
        Options = options ?? new VirtualWandHostOptions();
        Options.Validate();
        Wand = SimulatedWandLink.CreateWand(Options.World ?? new SimulatedWandOptions());
        Wand.Notifications.Notified += OnNotification;

        // The wand has booted and confirmed its head before it accepts a link, as a device does before it advertises.
        Wand.RunFor(SimulatedWandLink.BootSettleMilliseconds);
        thread = new Thread(Run) { IsBackground = true, Name = "virtual wand clock" };
        if (!Options.Stepped)
        {
            thread.Start();
        }
    }

    /// <summary>Gets the options.</summary>
    public VirtualWandHostOptions Options { get; }

    /// <summary>Gets the wand. Touch it only inside <see cref="Execute{T}"/>.</summary>
    public VirtualWand Wand { get; }

    /// <summary>Runs an action on the wand under the host's lock.</summary>
    /// <typeparam name="T">The result type.</typeparam>
    /// <param name="action">The action; gets the wand and its GATT server.</param>
    /// <returns>The action's result.</returns>
    public T Execute<T>(Func<VirtualWand, WandGattServer, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        lock (gate)
        {
            return action(Wand, Wand.Runtime!.Gatt);
        }
    }

    /// <summary>Gets the wand's clock, in milliseconds since boot.</summary>
    public long DeviceMilliseconds
    {
        get
        {
            lock (gate)
            {
                return Wand.Now;
            }
        }
    }

    /// <summary>Lets the wand's time pass at once (world control <c>advance</c>); a reboot meanwhile drops the link.</summary>
    /// <param name="milliseconds">Virtual milliseconds, 0 or more.</param>
    /// <returns>The wand's clock afterwards, in milliseconds since boot.</returns>
    public long Advance(long milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds);
        lock (gate)
        {
            if (!unpowered)
            {
                Wand.RunFor(milliseconds);
                ReportReboot();
            }

            return Wand.Now;
        }
    }

    /// <summary>
    /// Switches the wand's supply (the station's battery emulator output): off, the wand is unpowered and its time
    /// stands still; on again, it boots (firmware restarted, storage and the factory strap as they are), settles for
    /// <see cref="SimulatedWandLink.BootSettleMilliseconds"/> and drops the link, as a power cycle drops a BLE link.
    /// Switching on a powered wand changes nothing.
    /// </summary>
    /// <param name="powered"><c>true</c> for supply on.</param>
    public void SetPowered(bool powered)
    {
        lock (gate)
        {
            if (!powered)
            {
                unpowered = true;
                return;
            }

            if (!unpowered)
            {
                return;
            }

            unpowered = false;
            Wand.Reboot();
            Wand.RunFor(SimulatedWandLink.BootSettleMilliseconds);
            ReportReboot();
        }
    }

    /// <summary>Attaches the receiver of notifications (the connected client), replacing any other.</summary>
    /// <param name="receiver">The receiver, or <c>null</c> to drop notifications.</param>
    public void Attach(INotificationTarget? receiver)
    {
        lock (gate)
        {
            target = receiver;
        }
    }

    /// <summary>Detaches a receiver if it is the attached one.</summary>
    /// <param name="receiver">The receiver.</param>
    public void Detach(INotificationTarget receiver)
    {
        lock (gate)
        {
            if (ReferenceEquals(target, receiver))
            {
                target = null;
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stop.Cancel();
        if (thread.IsAlive && Thread.CurrentThread != thread)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }

        stop.Dispose();
    }

    private void OnNotification(object? sender, GattNotification notification)
    {
        // Called by the firmware under the host's lock (during a tick or a request).
        target?.Notify(notification.CharacteristicIndex, notification.Value);
    }

    private void ReportReboot()
    {
        if (Wand.RebootCount != rebootsSeen)
        {
            // A reset drops the link, as a rebooting device drops its BLE connection.
            rebootsSeen = Wand.RebootCount;
            target?.LinkReset("the virtual wand rebooted");
        }
    }

    private void Run()
    {
        Stopwatch clock = Stopwatch.StartNew();
        double virtualElapsed = 0;
        double originMilliseconds = 0;
        while (!stop.IsCancellationRequested)
        {
            lock (gate)
            {
                if (!unpowered)
                {
                    Wand.RunFor(StepMilliseconds);
                    ReportReboot();
                }
            }

            virtualElapsed += StepMilliseconds;
            double due = originMilliseconds + (virtualElapsed / Options.Speed);
            double now = clock.Elapsed.TotalMilliseconds;
            if (now - due > MaximumLagMilliseconds)
            {
                originMilliseconds = now;
                virtualElapsed = 0;
            }
            else if (due - now >= 1)
            {
                stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(due - now));
            }
        }
    }
}
