using Wand.Protocol.Factory;
using Wand.Protocol.Messages;

namespace Wand.Protocol.Profile
{
    /// <summary>
    /// The wand's GATT profile as one declarative table (BP-1, BP-2, BP-5): services, characteristics, UUIDs,
    /// properties, security and value lengths. The device's GATT server, the BLE adapter, the framed-stream transports,
    /// the host library and <c>protocol/PROFILE.md</c> all follow this table; a test checks the document against it.
    /// Indexes are stable: entries are only ever appended.
    /// </summary>
    /// <remarks>
    /// Custom UUIDs share one random (version 4) base, <see cref="CustomUuidBase"/>, and differ in the 16-bit field of
    /// text digits 5–8: 0x01nn for the Wand service, 0x02nn for the Factory service.
    /// </remarks>
    public static class WandProfile
    {
        /// <summary>The custom 128-bit UUID base; "xxxx" is the 16-bit field.</summary>
        public const string CustomUuidBase = "6d78xxxx-ef12-4cc2-baad-fd233d601624";

        /// <summary>Index of the Wand service.</summary>
        public const int WandServiceIndex = 0;

        /// <summary>Index of the Factory service.</summary>
        public const int FactoryServiceIndex = 1;

        /// <summary>Index of the Device Information service (0x180A).</summary>
        public const int DeviceInformationServiceIndex = 2;

        /// <summary>Index of the Battery service (0x180F).</summary>
        public const int BatteryServiceIndex = 3;

        /// <summary>Index of the Current Time service (0x1805), protocol 1.1.</summary>
        public const int CurrentTimeServiceIndex = 4;

        /// <summary>Index of "control-point" (Wand).</summary>
        public const int ControlPointIndex = 0;

        /// <summary>Index of "status" (Wand).</summary>
        public const int StatusIndex = 1;

        /// <summary>Index of "settings" (Wand).</summary>
        public const int SettingsIndex = 2;

        /// <summary>Index of "head" (Wand).</summary>
        public const int HeadIndex = 3;

        /// <summary>Index of "limits" (Wand).</summary>
        public const int LimitsIndex = 4;

        /// <summary>Index of "fault-log" (Wand).</summary>
        public const int FaultLogIndex = 5;

        /// <summary>Index of "protocol-version" (Wand).</summary>
        public const int ProtocolVersionIndex = 6;

        /// <summary>Index of "calibration" (Factory).</summary>
        public const int CalibrationIndex = 7;

        /// <summary>Index of "raw-drive" (Factory).</summary>
        public const int RawDriveIndex = 8;

        /// <summary>Index of "raw-sensors" (Factory).</summary>
        public const int RawSensorsIndex = 9;

        /// <summary>Index of "factory-serial" (Factory).</summary>
        public const int FactorySerialIndex = 10;

        /// <summary>Index of "self-test" (Factory).</summary>
        public const int SelfTestIndex = 11;

        /// <summary>Index of "manufacturer-name" (Device Information 0x2A29).</summary>
        public const int ManufacturerNameIndex = 12;

        /// <summary>Index of "model-number" (Device Information 0x2A24).</summary>
        public const int ModelNumberIndex = 13;

        /// <summary>Index of "serial-number" (Device Information 0x2A25).</summary>
        public const int SerialNumberIndex = 14;

        /// <summary>Index of "hardware-revision" (Device Information 0x2A27).</summary>
        public const int HardwareRevisionIndex = 15;

        /// <summary>Index of "firmware-revision" (Device Information 0x2A26).</summary>
        public const int FirmwareRevisionIndex = 16;

        /// <summary>Index of "software-revision" (Device Information 0x2A28).</summary>
        public const int SoftwareRevisionIndex = 17;

        /// <summary>Index of "battery-level" (Battery 0x2A19).</summary>
        public const int BatteryLevelIndex = 18;

        /// <summary>Index of "routine" (Wand, protocol 1.1).</summary>
        public const int RoutineIndex = 19;

        /// <summary>Index of "routine-catalog" (Wand, protocol 1.1).</summary>
        public const int RoutineCatalogIndex = 20;

        /// <summary>Index of "session-history" (Wand, protocol 1.1).</summary>
        public const int SessionHistoryIndex = 21;

        /// <summary>Index of "current-time" (Current Time 0x2A2B, protocol 1.1).</summary>
        public const int CurrentTimeIndex = 22;

        /// <summary>Index of "sensor-calibration" (Factory, protocol 1.1, feature bit SensorCalibration).</summary>
        public const int SensorCalibrationIndex = 23;

        /// <summary>Number of characteristics in the table.</summary>
        public const int CharacteristicCount = 24;

        /// <summary>Longest Device Information string served, in bytes.</summary>
        public const int DeviceInformationMaximumLength = 20;

        /// <summary>
        /// Longest value of any characteristic, in bytes: a buffer this long holds every read, write and notification.
        /// </summary>
        public const int MaximumValueLength = SensorCalibrationRecord.Length;

        /// <summary>Status is notified on change at most this often, in milliseconds (changes in between are coalesced).</summary>
        public const int StatusNotifyIntervalMilliseconds = 250;

        /// <summary>While a session runs, status is also notified at least this often, in milliseconds.</summary>
        public const int StatusHeartbeatMilliseconds = 1000;

        /// <summary>
        /// A change of the status's head temperature alone is notified only once it reaches this many centidegrees
        /// (0.5 °C) from the last notified value, so sensor noise does not notify an idle wand; reads are exact.
        /// </summary>
        public const int StatusTemperatureHysteresisCentidegrees = 50;

        /// <summary>
        /// A change of the status's battery voltage alone is notified only once it reaches this many millivolts from the
        /// last notified value; reads are exact.
        /// </summary>
        public const int StatusBatteryHysteresisMillivolts = 20;

        /// <summary>Length of the pairing window opened by a long button press (BP-4), in seconds.</summary>
        public const int PairingWindowSeconds = 60;

        /// <summary>Battery Level is notified on change at most this often, in milliseconds.</summary>
        public const int BatteryNotifyIntervalMilliseconds = 10000;

        private const CharacteristicProperties Read = CharacteristicProperties.Read;
        private const CharacteristicProperties Write = CharacteristicProperties.Write;
        private const CharacteristicProperties Notify = CharacteristicProperties.Notify;
        private const AccessSecurity Open = AccessSecurity.Open;
        private const AccessSecurity Encrypted = AccessSecurity.Encrypted;
        private const AccessSecurity Factory = AccessSecurity.FactoryMode;
        private const string Layout = "see layout";

        private static readonly ServiceDefinition[] ServiceTable = new ServiceDefinition[]
        {
            new ServiceDefinition(WandServiceIndex, "wand", "6d780100-ef12-4cc2-baad-fd233d601624", "Sessions, status, settings, head, limits and fault log."),
            new ServiceDefinition(FactoryServiceIndex, "factory", "6d780200-ef12-4cc2-baad-fd233d601624", "Calibration, raw drive, raw sensors, serial number and self-test; factory mode only (SR-15)."),
            new ServiceDefinition(DeviceInformationServiceIndex, "device-information", "0000180a-0000-1000-8000-00805f9b34fb", "Bluetooth SIG Device Information service."),
            new ServiceDefinition(BatteryServiceIndex, "battery", "0000180f-0000-1000-8000-00805f9b34fb", "Bluetooth SIG Battery service."),
            new ServiceDefinition(CurrentTimeServiceIndex, "current-time", "00001805-0000-1000-8000-00805f9b34fb", "Bluetooth SIG Current Time service (protocol 1.1): an app writes the local time to stamp the session history."),
        };

        private static readonly CharacteristicDefinition[] CharacteristicTable = new CharacteristicDefinition[]
        {
            new CharacteristicDefinition(ControlPointIndex, "control-point", WandServiceIndex, "6d780101-ef12-4cc2-baad-fd233d601624", Write | Notify, Encrypted, Encrypted, ControlPointCommand.MinimumLength, ControlPointCommand.MaximumLength, ControlPointResponse.Length, 0, Layout, "Start, stop and change sessions; each accepted write is answered by a result notification.", null),
            new CharacteristicDefinition(StatusIndex, "status", WandServiceIndex, "6d780102-ef12-4cc2-baad-fd233d601624", Read | Notify, Encrypted, Encrypted, 0, 0, StatusReport.Length, StatusNotifyIntervalMilliseconds, Layout, "Session, drive, head, battery, temperature, flags and faults in one value.", null),
            new CharacteristicDefinition(SettingsIndex, "settings", WandServiceIndex, "6d780103-ef12-4cc2-baad-fd233d601624", Read | Write, Encrypted, Encrypted, SessionSettings.Length, SessionSettings.Length, SessionSettings.Length, 0, Layout, "Default session length, level and pattern, kept across reboots.", null),
            new CharacteristicDefinition(HeadIndex, "head", WandServiceIndex, "6d780104-ef12-4cc2-baad-fd233d601624", Read | Notify, Encrypted, Encrypted, 0, 0, HeadReport.MaximumLength, StatusNotifyIntervalMilliseconds, Layout, "The attached head: identity, maximum level, allowed patterns and name.", null),
            new CharacteristicDefinition(LimitsIndex, "limits", WandServiceIndex, "6d780105-ef12-4cc2-baad-fd233d601624", Read, Encrypted, Encrypted, 0, 0, EffectiveLimits.Length, 0, Layout, "The safety limits in force now (voltage ceiling, session, level, thermal, battery).", null),
            new CharacteristicDefinition(FaultLogIndex, "fault-log", WandServiceIndex, "6d780106-ef12-4cc2-baad-fd233d601624", Read | Write, Encrypted, Encrypted, FaultLogPage.SelectionLength, FaultLogPage.SelectionLength, FaultLogPage.MaximumLength, 0, Layout, "The last 16 faults, newest first, three per read; a write selects the first entry.", null),
            new CharacteristicDefinition(ProtocolVersionIndex, "protocol-version", WandServiceIndex, "6d780107-ef12-4cc2-baad-fd233d601624", Read, Encrypted, Encrypted, 0, 0, ProtocolVersion.Length, 0, Layout, "Protocol major and minor version and feature bits.", null),
            new CharacteristicDefinition(CalibrationIndex, "calibration", FactoryServiceIndex, "6d780201-ef12-4cc2-baad-fd233d601624", Read | Write, Factory, Factory, CalibrationRecord.Length, CalibrationRecord.Length, CalibrationRecord.Length, 0, Layout, "The per-unit calibration record with version and CRC-32 (SR-16).", null),
            new CharacteristicDefinition(RawDriveIndex, "raw-drive", FactoryServiceIndex, "6d780202-ef12-4cc2-baad-fd233d601624", Write, Factory, Factory, RawDriveCommand.Length, RawDriveCommand.Length, 0, 0, Layout, "Drive the motor at an average voltage for a time, still under the ceiling.", null),
            new CharacteristicDefinition(RawSensorsIndex, "raw-sensors", FactoryServiceIndex, "6d780203-ef12-4cc2-baad-fd233d601624", Read, Factory, Factory, 0, 0, RawSensorReadings.Length, 0, Layout, "Raw ADC counts and derived readings of head ID, NTC and battery, and the duty.", null),
            new CharacteristicDefinition(FactorySerialIndex, "factory-serial", FactoryServiceIndex, "6d780204-ef12-4cc2-baad-fd233d601624", Read | Write, Factory, Factory, SerialNumber.MinimumLength, SerialNumber.MaximumLength, SerialNumber.MaximumLength, 0, "ASCII", "Provision the unit serial number (A-Z, 0-9, '-', 1 to 16 characters).", null),
            new CharacteristicDefinition(SelfTestIndex, "self-test", FactoryServiceIndex, "6d780205-ef12-4cc2-baad-fd233d601624", Read | Write | Notify, Factory, Factory, SelfTestReport.CommandLength, SelfTestReport.CommandLength, SelfTestReport.Length, 0, Layout, "Start the self-test and read or be notified of its result.", null),
            new CharacteristicDefinition(ManufacturerNameIndex, "manufacturer-name", DeviceInformationServiceIndex, "00002a29-0000-1000-8000-00805f9b34fb", Read, Open, Open, 0, 0, DeviceInformationMaximumLength, 0, "ASCII", "Manufacturer name.", null),
            new CharacteristicDefinition(ModelNumberIndex, "model-number", DeviceInformationServiceIndex, "00002a24-0000-1000-8000-00805f9b34fb", Read, Open, Open, 0, 0, DeviceInformationMaximumLength, 0, "ASCII", "Model number.", null),
            new CharacteristicDefinition(SerialNumberIndex, "serial-number", DeviceInformationServiceIndex, "00002a25-0000-1000-8000-00805f9b34fb", Read, Open, Open, 0, 0, SerialNumber.MaximumLength, 0, "ASCII", "Unit serial number as provisioned; empty when not provisioned.", null),
            new CharacteristicDefinition(HardwareRevisionIndex, "hardware-revision", DeviceInformationServiceIndex, "00002a27-0000-1000-8000-00805f9b34fb", Read, Open, Open, 0, 0, DeviceInformationMaximumLength, 0, "ASCII", "Board revision from the board profile.", null),
            new CharacteristicDefinition(FirmwareRevisionIndex, "firmware-revision", DeviceInformationServiceIndex, "00002a26-0000-1000-8000-00805f9b34fb", Read, Open, Open, 0, 0, DeviceInformationMaximumLength, 0, "ASCII", "nanoFramework firmware (nanoCLR) version.", null),
            new CharacteristicDefinition(SoftwareRevisionIndex, "software-revision", DeviceInformationServiceIndex, "00002a28-0000-1000-8000-00805f9b34fb", Read, Open, Open, 0, 0, DeviceInformationMaximumLength, 0, "ASCII", "Wand application version.", null),
            new CharacteristicDefinition(BatteryLevelIndex, "battery-level", BatteryServiceIndex, "00002a19-0000-1000-8000-00805f9b34fb", Read | Notify, Open, Open, 0, 0, BatteryLevel.Length, BatteryNotifyIntervalMilliseconds, "percent", "Battery state of charge, 0 to 100 %.", new PresentationFormat(PresentationFormat.FormatUInt8, 0, PresentationFormat.UnitPercentage, PresentationFormat.NamespaceBluetoothSig, PresentationFormat.DescriptionUnknown)),
            new CharacteristicDefinition(RoutineIndex, "routine", WandServiceIndex, "6d780108-ef12-4cc2-baad-fd233d601624", Read | Notify, Encrypted, Encrypted, 0, 0, RoutineProgress.Length, StatusNotifyIntervalMilliseconds, Layout, "Protocol 1.1: the playing routine's step, body area, level, cue and pause, notified as they change.", null),
            new CharacteristicDefinition(RoutineCatalogIndex, "routine-catalog", WandServiceIndex, "6d780109-ef12-4cc2-baad-fd233d601624", Read | Write, Encrypted, Encrypted, RoutineCatalogPage.SelectionLength, RoutineCatalogPage.SelectionLength, RoutineCatalogPage.MaximumLength, 0, Layout, "Protocol 1.1: the built-in routines' steps, three per read; a write selects routine and first step.", null),
            new CharacteristicDefinition(SessionHistoryIndex, "session-history", WandServiceIndex, "6d78010a-ef12-4cc2-baad-fd233d601624", Read | Write, Encrypted, Encrypted, SessionHistoryPage.SelectionLength, SessionHistoryPage.SelectionLength, SessionHistoryPage.MaximumLength, 0, Layout, "Protocol 1.1: the last 32 sessions, newest first, two per read, with today's drive time; a write selects the first entry.", null),
            new CharacteristicDefinition(CurrentTimeIndex, "current-time", CurrentTimeServiceIndex, "00002a2b-0000-1000-8000-00805f9b34fb", Read | Write | Notify, Encrypted, Encrypted, CurrentTime.Length, CurrentTime.Length, CurrentTime.Length, 0, Layout, "Local date and time (Exact Time 256 and adjust reason); unknown until an app writes it after boot.", null),
            new CharacteristicDefinition(SensorCalibrationIndex, "sensor-calibration", FactoryServiceIndex, "6d780206-ef12-4cc2-baad-fd233d601624", Read | Write, Factory, Factory, SensorCalibrationRecord.Length, SensorCalibrationRecord.Length, SensorCalibrationRecord.Length, 0, Layout, "The per-unit sensor calibration (gain and offset of head-ID, NTC and battery readings) with version and CRC-32 (SR-18); reads the correction in force (unity when none; status flag sensor-calibration-missing).", null),
        };

        /// <summary>Gets the number of services.</summary>
        public static int ServiceCount
        {
            get { return ServiceTable.Length; }
        }

        /// <summary>Gets a service by index.</summary>
        /// <param name="index">0 to <see cref="ServiceCount"/> − 1.</param>
        /// <returns>The service, or <c>null</c> when the index is out of range.</returns>
        public static ServiceDefinition Service(int index)
        {
            return index >= 0 && index < ServiceTable.Length ? ServiceTable[index] : null;
        }

        /// <summary>Gets a characteristic by index. Does not allocate.</summary>
        /// <param name="index">0 to <see cref="CharacteristicCount"/> − 1.</param>
        /// <returns>The characteristic, or <c>null</c> when the index is out of range.</returns>
        public static CharacteristicDefinition Characteristic(int index)
        {
            return index >= 0 && index < CharacteristicTable.Length ? CharacteristicTable[index] : null;
        }

        /// <summary>Finds a characteristic by its short name. Does not allocate.</summary>
        /// <param name="name">The short name, for example "status".</param>
        /// <returns>The index, or −1.</returns>
        public static int IndexOfName(string name)
        {
            for (int index = 0; index < CharacteristicTable.Length; index++)
            {
                if (CharacteristicTable[index].Name == name)
                {
                    return index;
                }
            }

            return -1;
        }

        /// <summary>Finds a characteristic by its UUID text, either case. Does not allocate.</summary>
        /// <param name="uuid">The UUID text.</param>
        /// <returns>The index, or −1.</returns>
        public static int IndexOfUuid(string uuid)
        {
            for (int index = 0; index < CharacteristicTable.Length; index++)
            {
                if (CharacteristicTable[index].Uuid.MatchesText(uuid))
                {
                    return index;
                }
            }

            return -1;
        }

        /// <summary>Finds a characteristic by its UUID in wire order (16 bytes, little-endian). Does not allocate.</summary>
        /// <param name="buffer">Source.</param>
        /// <param name="offset">Index of the first of the 16 bytes.</param>
        /// <returns>The index, or −1.</returns>
        public static int IndexOfUuid(byte[] buffer, int offset)
        {
            for (int index = 0; index < CharacteristicTable.Length; index++)
            {
                if (CharacteristicTable[index].Uuid.MatchesWireBytes(buffer, offset))
                {
                    return index;
                }
            }

            return -1;
        }

        /// <summary>Finds a service by its UUID text, either case. Does not allocate.</summary>
        /// <param name="uuid">The UUID text.</param>
        /// <returns>The index, or −1.</returns>
        public static int IndexOfServiceUuid(string uuid)
        {
            for (int index = 0; index < ServiceTable.Length; index++)
            {
                if (ServiceTable[index].Uuid.MatchesText(uuid))
                {
                    return index;
                }
            }

            return -1;
        }
    }
}
