using System;
using nanoFramework.Device.Bluetooth;
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using Wand.Core.Gatt;
using Wand.Protocol.Profile;

namespace Wand.Firmware.Ble
{
    /// <summary>
    /// The BLE face of the core's transport-neutral GATT server: creates the Wand, Factory, Device Information and
    /// Battery services from <see cref="WandProfile"/>, turns every read, write and subscription into an
    /// <see cref="IGattServer"/> call and answers at once (the native stack waits at most 2 s for a response), reports
    /// link up and down, and sends the core's notifications. The core's GATT server synchronises internally and never
    /// blocks on I/O longer than a flash write, so each handler answers within milliseconds.
    /// </summary>
    public sealed class WandBleServer : IGattNotificationSink
    {
        private readonly IGattServer _server;
        private readonly GattLocalCharacteristic[] _characteristics;
        private readonly byte[] _readValue;
        private readonly Buffer _readBuffer;
        private readonly byte[] _notifyValue;
        private readonly Buffer _notifyBuffer;
        private GattServiceProvider _advertisedProvider;
        private bool _pairingWindowOpen;

        private WandBleServer(IGattServer server)
        {
            _server = server;
            _characteristics = new GattLocalCharacteristic[WandProfile.CharacteristicCount];
            // The core's Read contract asks for at least 64 bytes.
            _readValue = new byte[WandProfile.MaximumValueLength > 64 ? WandProfile.MaximumValueLength : 64];
            _readBuffer = new Buffer(_readValue);
            _notifyValue = new byte[WandProfile.MaximumValueLength];
            _notifyBuffer = new Buffer(_notifyValue);
        }

        /// <summary>Gets a value indicating whether the Wand service is advertising with all its data.</summary>
        public bool IsAdvertising
        {
            get
            {
                return _advertisedProvider != null
                    && _advertisedProvider.AdvertisementStatus == GattServiceProviderAdvertisementStatus.Started;
            }
        }

        /// <summary>Builds every service of the table, configures Just Works pairing and starts advertising.</summary>
        /// <param name="server">The core's GATT server.</param>
        /// <param name="deviceName">Advertised name, at most 8 ASCII characters (see <c>AdvertisingBudget</c>).</param>
        /// <returns>The running server.</returns>
        /// <exception cref="InvalidOperationException">The stack refused a service or characteristic.</exception>
        public static WandBleServer Start(IGattServer server, string deviceName)
        {
            if (server == null)
            {
                throw new ArgumentNullException(nameof(server));
            }

            WandBleServer bleServer = new WandBleServer(server);
            bleServer.Build(deviceName);
            return bleServer;
        }

        /// <summary>
        /// Allows or refuses new bonds (BP-4: only inside the 60 s pairing window). Already bonded centrals reconnect
        /// with their stored keys either way.
        /// </summary>
        /// <param name="open"><c>true</c> while the pairing window is open.</param>
        public void SetPairingWindow(bool open)
        {
            if (open == _pairingWindowOpen)
            {
                return;
            }

            _pairingWindowOpen = open;
            BluetoothLEServer.Instance.Pairing.AllowBonding = open;
        }

        /// <inheritdoc/>
        public void Notify(int characteristicIndex, byte[] value, int length)
        {
            if (characteristicIndex < 0 || characteristicIndex >= _characteristics.Length)
            {
                return;
            }

            GattLocalCharacteristic characteristic = _characteristics[characteristicIndex];
            if (characteristic == null || length < 0 || length > _notifyValue.Length)
            {
                return;
            }

            Array.Copy(value, 0, _notifyValue, 0, length);
            _notifyBuffer.Length = (uint)length;

            // NotifyValue copies the bytes and sends only to subscribed clients; none subscribed is not an error (BP-3).
            characteristic.NotifyValue(_notifyBuffer);
        }

        private void Build(string deviceName)
        {
            BluetoothLEServer bluetooth = BluetoothLEServer.Instance;
            bluetooth.DeviceName = deviceName;

            // Just Works: no display, no keyboard. Bonding is opened only by the pairing window.
            DevicePairing pairing = bluetooth.Pairing;
            pairing.IOCapabilities = DevicePairingIOCapabilities.NoInputNoOutput;
            pairing.AllowBonding = false;
            pairing.PairingComplete += OnPairingComplete;
            bluetooth.Session.SessionStatusChanged += OnSessionStatusChanged;

            for (int serviceIndex = 0; serviceIndex < WandProfile.ServiceCount; serviceIndex++)
            {
                ServiceDefinition service = WandProfile.Service(serviceIndex);
                GattServiceProviderResult result = GattServiceProvider.Create(new Guid(service.Uuid.Text));
                if (result.Error != BluetoothError.Success)
                {
                    throw new InvalidOperationException("BLE service not created: " + service.Name);
                }

                AddCharacteristics(serviceIndex, result.ServiceProvider.Service);
                if (serviceIndex == WandProfile.WandServiceIndex)
                {
                    _advertisedProvider = result.ServiceProvider;
                }
            }

            // Flags, the complete local name and the Wand service's 128-bit UUID: 31 bytes with an 8-character name.
            GattServiceProviderAdvertisingParameters advertising = new GattServiceProviderAdvertisingParameters();
            advertising.IsConnectable = true;
            advertising.IsDiscoverable = true;
            _advertisedProvider.StartAdvertising(advertising);
        }

        private void AddCharacteristics(int serviceIndex, GattLocalService service)
        {
            for (int index = 0; index < WandProfile.CharacteristicCount; index++)
            {
                CharacteristicDefinition definition = WandProfile.Characteristic(index);
                if (definition.ServiceIndex != serviceIndex)
                {
                    continue;
                }

                GattLocalCharacteristicResult created = service.CreateCharacteristic(
                    new Guid(definition.Uuid.Text),
                    CharacteristicBinding.ToParameters(definition));
                if (created.Error != BluetoothError.Success)
                {
                    throw new InvalidOperationException("BLE characteristic not created: " + definition.Name);
                }

                GattLocalCharacteristic characteristic = created.Characteristic;
                _characteristics[index] = characteristic;
                if (definition.CanRead)
                {
                    characteristic.ReadRequested += OnReadRequested;
                }

                if (definition.CanWrite || definition.CanWriteWithoutResponse)
                {
                    characteristic.WriteRequested += OnWriteRequested;
                }

                if (definition.CanNotify)
                {
                    characteristic.SubscribedClientsChanged += OnSubscribedClientsChanged;
                }
            }
        }

        private int IndexOf(GattLocalCharacteristic characteristic)
        {
            for (int index = 0; index < _characteristics.Length; index++)
            {
                if (ReferenceEquals(_characteristics[index], characteristic))
                {
                    return index;
                }
            }

            return -1;
        }

        private void OnReadRequested(GattLocalCharacteristic sender, GattReadRequestedEventArgs readRequestEventArgs)
        {
            GattReadRequest request = readRequestEventArgs.GetRequest();
            int index = IndexOf(sender);
            if (index < 0)
            {
                request.RespondWithProtocolError((byte)AttError.InvalidHandle);
                return;
            }

            byte error;
            int length;
            try
            {
                error = _server.Read(index, _readValue, out length);
                if (error == 0)
                {
                    _readBuffer.Length = (uint)length;
                    request.RespondWithValue(_readBuffer);
                    return;
                }
            }
            catch (Exception)
            {
                error = (byte)AttError.UnlikelyError;
            }

            request.RespondWithProtocolError(error);
        }

        private void OnWriteRequested(GattLocalCharacteristic sender, GattWriteRequestedEventArgs writeRequestEventArgs)
        {
            GattWriteRequest request = writeRequestEventArgs.GetRequest();
            int index = IndexOf(sender);
            byte error;
            if (index < 0)
            {
                error = (byte)AttError.InvalidHandle;
            }
            else
            {
                try
                {
                    Buffer written = request.Value;
                    byte[] value = new byte[written.Length];
                    if (value.Length > 0)
                    {
                        DataReader.FromBuffer(written).ReadBytes(value);
                    }

                    bool withResponse = request.Option == GattWriteOption.WriteWithResponse;
                    error = _server.Write(index, value, (int)request.Offset, withResponse);
                }
                catch (Exception)
                {
                    error = (byte)AttError.UnlikelyError;
                }
            }

            // nanoFramework reports every write as WriteWithResponse and the native side waits for an answer to each
            // one, so every write is answered.
            if (error == 0)
            {
                request.Respond();
            }
            else
            {
                request.RespondWithProtocolError(error);
            }
        }

        private void OnSubscribedClientsChanged(GattLocalCharacteristic sender, object args)
        {
            int index = IndexOf(sender);
            if (index < 0)
            {
                return;
            }

            // The stack owns the CCCD and has already accepted the write; a refused subscription (0x0F without
            // encryption) only enables nothing here.
            _server.SetSubscribed(index, sender.SubscribedClients.Length > 0);
        }

        private void OnSessionStatusChanged(object sender, GattSessionStatusChangedEventArgs args)
        {
            if (args.Status == GattSessionStatus.Active)
            {
                _server.LinkUp(false);
            }
            else
            {
                _server.LinkDown();
            }
        }

        private void OnPairingComplete(object sender, DevicePairingEventArgs args)
        {
            if (args.Status != DevicePairingResultStatus.Paired)
            {
                return;
            }

            // Encryption is up (a new Just Works pairing inside the window, or a bonded central's stored keys).
            _server.LinkUp(true);
        }
    }
}
