using System;
using Wand.Core.Board;
using Wand.Protocol.Factory;
using Wand.Core.Control;
using Wand.Core.Hardware;
using Wand.Protocol.Vocabulary;

namespace Wand.Core.Tests.Fakes;

/// <summary>
/// A controller on fake hardware with direct control of every reading, for requirement-level unit tests.
/// Sensor readings are set in physical units and converted with the board's own scaling.
/// </summary>
public sealed class TestBench
{
    public const int Tick = SafetyLimits.ControlTickMilliseconds;

    public TestBench(bool calibrated = true, BoardProfile? profile = null, bool withTouch = false, FakeStorage? storage = null, bool sensorsCalibrated = true, Action<FakeStorage>? prepareStorage = null)
    {
        Storage = storage ?? new FakeStorage();
        Profile = profile ?? BoardProfile.CreateDefault();
        if (calibrated)
        {
            byte[] buffer = new byte[CalibrationRecord.Length];
            NominalCalibration().Encode(buffer, 0);
            Storage.Put(StorageSlot.Calibration, buffer);
        }

        if (sensorsCalibrated)
        {
            // The fake channels read exactly: the unit's sensor calibration is the identity.
            byte[] buffer = new byte[SensorCalibrationRecord.Length];
            new SensorCalibrationRecord().Encode(buffer, 0);
            Storage.Put(StorageSlot.SensorCalibration, buffer);
        }

        prepareStorage?.Invoke(Storage);
        Io = new BoardIo(Motor, HeadId, Ntc, Battery, Button, Usb, Strap, Clock, Storage, Watchdog, withTouch ? Touch : null);
        SetHead(HeadIdentity.SoftDome);
        SetTemperature(25.0);
        SetBatteryVolts(3.9);
        Controller = new WandController(Profile, Io);
    }

    public BoardProfile Profile { get; }

    public FakeMotorOutput Motor { get; } = new();

    public FakeAnalogChannel HeadId { get; } = new(4095);

    public FakeAnalogChannel Ntc { get; } = new(0);

    public FakeAnalogChannel Battery { get; } = new(0);

    public FakeDigitalInput Button { get; } = new();

    public FakeDigitalInput Usb { get; } = new();

    public FakeDigitalInput Strap { get; } = new();

    public FakeClock Clock { get; } = new();

    public FakeStorage Storage { get; }

    public FakeWatchdog Watchdog { get; } = new();

    public FakeTouchSensor Touch { get; } = new();

    public BoardIo Io { get; }

    public WandController Controller { get; }

    /// <summary>Average motor voltage the present duty gives on the present (fake) cell, in millivolts.</summary>
    public double MotorMillivolts => Motor.DutyCycle * BatteryVolts * 1000.0;

    public double BatteryVolts { get; private set; }

    public static CalibrationRecord NominalCalibration()
    {
        CalibrationRecord record = new()
        {
            SustainMillivolts = 1300,
            BreakawayMillivolts = 2000,
            KickMillivolts = 2800,
            KickMilliseconds = 40,
        };
        int[] levels = { 1700, 1950, 2200, 2450, 2700 };
        for (int level = 1; level <= levels.Length; level++)
        {
            record.SetLevelMillivolts(level, levels[level - 1]);
        }

        return record;
    }

    public void SetHead(HeadIdentity head)
    {
        HeadId.Counts = head switch
        {
            HeadIdentity.None => 4095,
            HeadIdentity.Shorted => 0,
            HeadIdentity.Unknown => 1300,
            _ => CentreOf(head),
        };
    }

    public void SetTemperature(double degreesCelsius)
    {
        ThermistorParameters thermistor = Profile.Thermistor;
        double kelvin = degreesCelsius + 273.15;
        double referenceKelvin = thermistor.ReferenceMillidegrees / 1000.0 + 273.15;
        double resistance = thermistor.NominalOhms * Math.Exp(thermistor.BetaKelvin * (1 / kelvin - 1 / referenceKelvin));
        double millivolts = AnalogScaling.RailMillivolts * resistance / (resistance + thermistor.PullUpOhms);
        Ntc.Counts = AnalogScaling.MillivoltsToCounts((int)Math.Round(millivolts));
    }

    public void SetBatteryVolts(double volts)
    {
        BatteryVolts = volts;
        double pinMillivolts = volts * 1000 * Profile.BatteryDividerPerMille / 1000.0;
        Battery.Counts = (int)Math.Round(pinMillivolts * AnalogScaling.MaximumCounts / AnalogScaling.FullScaleMillivolts);
    }

    /// <summary>Runs ticks for a duration of virtual time, calling <paramref name="afterTick"/> after each.</summary>
    public void Run(int milliseconds, Action? afterTick = null)
    {
        for (int elapsed = 0; elapsed < milliseconds; elapsed += Tick)
        {
            Clock.MillisecondsSinceBoot = Clock.Now + Tick;
            Controller.Tick();
            afterTick?.Invoke();
        }
    }

    /// <summary>Boots (sensors settle, head confirmed) and starts a remote session.</summary>
    public CommandResult BootAndStart(int level = 3, PatternKind pattern = PatternKind.Continuous, int durationSeconds = 600)
    {
        Run(400);
        return Controller.StartRemote(level, pattern, durationSeconds);
    }

    private int CentreOf(HeadIdentity head)
    {
        HeadDefinition definition = Profile.Heads.Find(head);
        return (definition.MinimumCounts + definition.MaximumCounts) / 2;
    }
}
