using System;
using Wand.Core.Control;
using Wand.Core.Hardware;
using Wand.Protocol.Factory;
using Wand.Protocol.Messages;
using Wand.Protocol.Profile;

namespace Wand.Core.Gatt
{
    /// <summary>
    /// The wand's GATT server logic, transport-neutral (BP-1…BP-4): the BLE adapter and the virtual wand's stream server
    /// both call it. Access is checked by the protocol's <see cref="AccessRules"/> (security, then length, then offset),
    /// then the value is decoded and checked (BP-3); a refused write changes nothing (SR-14). State is stored before it is
    /// notified; a characteristic without subscribers is simply not notified. Thread-safe; no allocation per request or
    /// per <see cref="Poll"/> in steady state.
    /// </summary>
    public sealed partial class WandGattServer : IGattServer
    {
        private readonly object sync = new object();
        private readonly WandController controller;
        private readonly IPersistentStorage storage;
        private readonly DeviceIdentity identity;
        private readonly IGattNotificationSink sink;
        private readonly bool[] subscriptions = new bool[WandProfile.CharacteristicCount];
        private readonly byte[] scratch = new byte[WandProfile.MaximumValueLength];
        private readonly ControlPointCommand command = new ControlPointCommand();
        private readonly ControlPointResponse response = new ControlPointResponse();
        private readonly StatusReport status = new StatusReport();
        private readonly HeadReport head = new HeadReport();
        private readonly SessionSettings settings = new SessionSettings();
        private readonly EffectiveLimits limits = new EffectiveLimits();
        private readonly FaultLogPage faultPage = new FaultLogPage();
        private readonly ProtocolVersion version = new ProtocolVersion();
        private readonly CalibrationRecord calibration = new CalibrationRecord();
        private readonly SensorCalibrationRecord sensorCalibration = new SensorCalibrationRecord();
        private readonly RawDriveCommand rawDrive = new RawDriveCommand();
        private readonly RawSensorReadings rawSensors = new RawSensorReadings();
        private readonly SerialNumber serialNumber = new SerialNumber();
        private readonly SelfTestReport selfTest = new SelfTestReport();
        private bool linkEncrypted;
        private bool connected;
        private int faultPageFirst;

        /// <summary>Initializes a new instance of the <see cref="WandGattServer"/> class.</summary>
        /// <param name="controller">The firmware controller the profile exposes.</param>
        /// <param name="storage">Persistent storage, for the provisioned serial number.</param>
        /// <param name="identity">Device Information texts.</param>
        /// <param name="sink">Where notifications go.</param>
        public WandGattServer(WandController controller, IPersistentStorage storage, DeviceIdentity identity, IGattNotificationSink sink)
        {
            this.controller = controller;
            this.storage = storage;
            this.identity = identity;
            this.sink = sink;
            LoadSerialNumber();
        }

        /// <summary>Gets a value indicating whether a central is connected.</summary>
        public bool IsConnected => connected;

        /// <inheritdoc/>
        public byte Read(int characteristicIndex, byte[] buffer, out int length)
        {
            lock (sync)
            {
                length = 0;
                try
                {
                    AttError access = AccessRules.CheckRead(characteristicIndex, 0, linkEncrypted, controller.IsFactoryMode());
                    if (access != AttError.Success)
                    {
                        return (byte)access;
                    }

                    length = Encode(characteristicIndex, buffer);
                    return (byte)AttError.Success;
                }
                catch (Exception)
                {
                    length = 0;
                    controller.ReportException();
                    return (byte)AttError.UnlikelyError;
                }
            }
        }

        /// <inheritdoc/>
        public byte Write(int characteristicIndex, byte[] value, int offset, bool withResponse)
        {
            lock (sync)
            {
                try
                {
                    int length = value == null ? 0 : value.Length;
                    AttError access = AccessRules.CheckWrite(characteristicIndex, length, offset, withResponse, linkEncrypted, controller.IsFactoryMode());
                    if (access != AttError.Success)
                    {
                        return (byte)access;
                    }

                    return (byte)Apply(characteristicIndex, value, length);
                }
                catch (Exception)
                {
                    controller.ReportException();
                    return (byte)AttError.UnlikelyError;
                }
            }
        }

        /// <inheritdoc/>
        public byte SetSubscribed(int characteristicIndex, bool subscribed)
        {
            lock (sync)
            {
                if (characteristicIndex < 0 || characteristicIndex >= subscriptions.Length)
                {
                    return (byte)AttError.InvalidHandle;
                }

                bool factoryMode;
                try
                {
                    factoryMode = controller.IsFactoryMode();
                }
                catch (Exception)
                {
                    controller.ReportException();
                    return (byte)AttError.UnlikelyError;
                }

                if (subscribed)
                {
                    AttError access = AccessRules.CheckSubscribe(characteristicIndex, linkEncrypted, factoryMode);
                    if (access != AttError.Success)
                    {
                        return (byte)access;
                    }
                }

                subscriptions[characteristicIndex] = subscribed;
                if (subscribed)
                {
                    ForgetNotified(characteristicIndex);
                }

                return (byte)AttError.Success;
            }
        }

        /// <inheritdoc/>
        public void LinkUp(bool encrypted)
        {
            lock (sync)
            {
                connected = true;
                linkEncrypted = encrypted;
                controller.LinkUp();
            }
        }

        /// <inheritdoc/>
        public void LinkDown()
        {
            lock (sync)
            {
                connected = false;
                linkEncrypted = false;
                for (int index = 0; index < subscriptions.Length; index++)
                {
                    subscriptions[index] = false;
                }

                try
                {
                    controller.LinkDown();
                }
                catch (Exception)
                {
                    // A remote session must not outlive its link (SR-11): if the orderly stop failed, stop hard.
                    controller.ReportException();
                }
            }
        }

        /// <summary>Tells whether a characteristic has notifications enabled.</summary>
        /// <param name="characteristicIndex">Index in the profile's characteristic table.</param>
        /// <returns><c>true</c> when subscribed.</returns>
        public bool IsSubscribed(int characteristicIndex)
        {
            lock (sync)
            {
                return characteristicIndex >= 0 && characteristicIndex < subscriptions.Length && subscriptions[characteristicIndex];
            }
        }

        private void NotifyIfSubscribed(int characteristicIndex, byte[] value, int length)
        {
            if (subscriptions[characteristicIndex])
            {
                sink.Notify(characteristicIndex, value, length);
            }
        }
    }
}
