using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Wand.Host.Links;
using Wand.Host.TestRuns.Fixture;
using Wand.Host.TestRuns.Records;

namespace Wand.Host.TestRuns.Steps;

/// <summary>
/// What a running step works with: the unit's link, its world controls when virtual, the station's fixture, the
/// device clock, the run's notification inbox, time series and attachments. One context serves a whole run.
/// </summary>
public sealed class StepContext
{
    /// <summary>Interval at which waits poll the unit, in milliseconds.</summary>
    public const int PollMilliseconds = 20;

    private static readonly Guid StatusCharacteristic = ProfileLookup.Uuid(Wand.Protocol.Profile.WandProfile.Characteristic(Wand.Protocol.Profile.WandProfile.StatusIndex));

    private readonly Stopwatch stationClock = Stopwatch.StartNew();
    private readonly Dictionary<string, (string Units, List<SeriesPoint> Points)> series = new(StringComparer.Ordinal);
    private readonly List<AttachmentRecord> attachments = [];
    private readonly IStationFixture? fixture;
    private readonly IFixtureActions? fixtureActions;
    private long advancedMilliseconds;

    /// <summary>Initializes a new instance of the <see cref="StepContext"/> class.</summary>
    /// <param name="link">The unit's link.</param>
    /// <param name="fixture">The station's instruments, or <c>null</c> when it has none.</param>
    public StepContext(IWandLink link, IStationFixture? fixture)
        : this(link, fixture, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="StepContext"/> class.</summary>
    /// <param name="link">The unit's link.</param>
    /// <param name="fixture">The station's instruments, or <c>null</c> when it has none.</param>
    /// <param name="fixtureActions">The station's fixture actions (HC-4), or <c>null</c> when it has none.</param>
    public StepContext(IWandLink link, IStationFixture? fixture, IFixtureActions? fixtureActions)
    {
        Link = link ?? throw new ArgumentNullException(nameof(link));
        this.fixture = fixture;
        this.fixtureActions = fixtureActions;
    }

    /// <summary>Gets the unit's link.</summary>
    public IWandLink Link { get; }

    /// <summary>Gets a value indicating whether the unit is a virtual wand with world controls.</summary>
    public bool IsVirtual => Link.World != null;

    /// <summary>Gets the world controls.</summary>
    /// <exception cref="VirtualWandRequiredException">The unit is real hardware.</exception>
    public IWorldControl World => Link.World ?? throw new VirtualWandRequiredException(
        $"This step controls the simulated world, but '{Link.Address}' is real hardware. Run the plan against a virtual wand (--device sim) or remove the world steps.");

    /// <summary>Gets the station's instruments.</summary>
    /// <exception cref="StationInstrumentMissingException">The station has none.</exception>
    public IStationFixture Fixture => fixture ?? throw new StationInstrumentMissingException(
        "This step reads the station fixture (head accelerometer, motor voltmeter), but this station has none configured.");

    /// <summary>Gets the station's fixture actions (HC-4).</summary>
    /// <exception cref="StationInstrumentMissingException">The station has no fixture configured.</exception>
    public IFixtureActions FixtureActions => fixtureActions ?? throw new StationInstrumentMissingException(
        "This step uses the station fixture (head resistors, NTC substitute, supply, USB power, button, meters), but this station has no fixture configured. Give a station configuration (--station-config) or run against a virtual wand.");

    /// <summary>Gets a value indicating whether the station has a fixture.</summary>
    public bool HasFixture => fixture != null;

    /// <summary>Gets the notifications received during the run.</summary>
    public NotificationInbox Notifications { get; } = new();

    /// <summary>
    /// Gets the device time, in milliseconds: the fixture's device clock; else, on a served virtual wand that reports
    /// its clock, the clock it last reported; else, on a virtual wand reached over a link, the virtual time this run let
    /// pass; else the station clock since the run began.
    /// </summary>
    public long DeviceMilliseconds => fixture?.DeviceMilliseconds
        ?? (Link.World is IDeviceClock { LastReportedMilliseconds: long reported } ? reported
        : Link.World != null ? Interlocked.Read(ref advancedMilliseconds) : stationClock.ElapsedMilliseconds);

    /// <summary>
    /// Reads the device clock afresh where the wand reports it (a served virtual wand), so a step starts from the exact
    /// device time even when an instrument let time pass since the last world command.
    /// </summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>A task that completes when the clock is known.</returns>
    public Task SynchronizeDeviceClockAsync(CancellationToken cancellationToken) =>
        fixture == null && Link.World is IDeviceClock clock ? clock.ReadMillisecondsAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Gets a value indicating whether the station has fixture actions (HC-4).</summary>
    public bool HasFixtureActions => fixtureActions != null;

    /// <summary>Gets the serial number of the unit once identified, otherwise empty.</summary>
    public string DutSerial { get; internal set; } = string.Empty;

    /// <summary>Lets time pass on the unit: virtual time on a virtual wand, the wall clock on real hardware.</summary>
    /// <param name="milliseconds">How long, 0 to 3,600,000 ms.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the time has passed.</returns>
    public Task LetTimePassAsync(long milliseconds, CancellationToken cancellationToken)
    {
        if (milliseconds <= 0)
        {
            return Task.CompletedTask;
        }

        if (Link.World is IWorldControl world)
        {
            Interlocked.Add(ref advancedMilliseconds, milliseconds);
            return world.AdvanceAsync(milliseconds, cancellationToken);
        }

        return Task.Delay(TimeSpan.FromMilliseconds(milliseconds), cancellationToken);
    }

    /// <summary>Waits for the next notification of a characteristic, letting device time pass meanwhile.</summary>
    /// <param name="characteristic">The characteristic's UUID.</param>
    /// <param name="timeoutMilliseconds">Longest wait in device time, in milliseconds.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The value, or <c>null</c> when none came in time.</returns>
    public async Task<byte[]?> WaitForNotificationAsync(Guid characteristic, long timeoutMilliseconds, CancellationToken cancellationToken)
    {
        // Both clocks must run out: device time (a virtual wand may run far faster than the wall clock) and the wall
        // clock (a notification over a remote link arrives on its own schedule).
        long deadline = DeviceMilliseconds + timeoutMilliseconds;
        Stopwatch wall = Stopwatch.StartNew();
        while (true)
        {
            if (Notifications.TryTake(characteristic, out byte[] value))
            {
                return value;
            }

            if (Link.World is IDeviceClock && DeviceMilliseconds < deadline)
            {
                // A served wand sends a notification its request caused right after the request's answer, on the same
                // ordered stream: once a later answer is in, every such notification has been delivered. Only then
                // does device time pass, so a request's own notification never costs a poll of device time.
                await Link.ReadAsync(StatusCharacteristic, cancellationToken).ConfigureAwait(false);
                if (Notifications.TryTake(characteristic, out value))
                {
                    return value;
                }
            }

            if (DeviceMilliseconds >= deadline && wall.ElapsedMilliseconds >= timeoutMilliseconds)
            {
                return null;
            }

            if (DeviceMilliseconds < deadline)
            {
                await LetTimePassAsync(PollMilliseconds, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await Task.Delay(PollMilliseconds, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Adds a point to a time series at the present device time.</summary>
    /// <param name="name">Series name, for example <c>amplitude</c>.</param>
    /// <param name="units">Units of the value.</param>
    /// <param name="value">The value.</param>
    public void RecordPoint(string name, string units, double value) => RecordPoint(name, units, DeviceMilliseconds, value);

    /// <summary>Adds a point to a time series.</summary>
    /// <param name="name">Series name.</param>
    /// <param name="units">Units of the value.</param>
    /// <param name="timeMilliseconds">Device time of the point, in milliseconds.</param>
    /// <param name="value">The value.</param>
    public void RecordPoint(string name, string units, double timeMilliseconds, double value)
    {
        lock (series)
        {
            if (!series.TryGetValue(name, out (string Units, List<SeriesPoint> Points) entry))
            {
                entry = (units, []);
                series.Add(name, entry);
            }

            entry.Points.Add(new SeriesPoint(timeMilliseconds, value));
        }
    }

    /// <summary>Keeps a file with the run's record, for example a calibration record's bytes.</summary>
    /// <param name="name">Name, unique in the run; a later attachment of the same name replaces it.</param>
    /// <param name="mediaType">Media type, for example <c>application/octet-stream</c>.</param>
    /// <param name="data">The content.</param>
    public void Attach(string name, string mediaType, byte[] data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(data);
        lock (attachments)
        {
            attachments.RemoveAll(attachment => attachment.Name == name);
            attachments.Add(new AttachmentRecord { Name = name, MediaType = mediaType, Data = data });
        }
    }

    /// <summary>Gets the series recorded so far, points in time order.</summary>
    /// <returns>The series.</returns>
    public IReadOnlyList<SeriesRecord> SnapshotSeries()
    {
        lock (series)
        {
            List<SeriesRecord> result = [];
            foreach (KeyValuePair<string, (string Units, List<SeriesPoint> Points)> entry in series)
            {
                List<SeriesPoint> points = [.. entry.Value.Points];
                points.Sort((left, right) => left.TimeMilliseconds.CompareTo(right.TimeMilliseconds));
                result.Add(new SeriesRecord { Name = entry.Key, Units = entry.Value.Units, Points = points });
            }

            return result;
        }
    }

    /// <summary>Gets the attachments kept so far.</summary>
    /// <returns>The attachments.</returns>
    public IReadOnlyList<AttachmentRecord> SnapshotAttachments()
    {
        lock (attachments)
        {
            return [.. attachments];
        }
    }
}
