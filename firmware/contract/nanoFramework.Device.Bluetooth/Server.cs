// Contract of nanoFramework.Device.Bluetooth 1.1.123 (assembly nanoFramework.Device.Bluetooth),
// namespace nanoFramework.Device.Bluetooth. Checked against nanoframework/nanoFramework.Device.Bluetooth:
//   BluetoothLEServer.cs                          @ 009cf48e8624d1e0a65515f26926b4e470b95bb0
//   BluetoothError.cs                             @ 5baa6e1900b956d2ace901a81e2b4e86da7adbd2
//   IO/Buffer.cs                                  @ 2e91e4a5df430c3fce41121c0c9ec5eb51a382f5
//   IO/DataReader.cs                              (index file id 12255855130; FromBuffer, ReadBytes)
//   Security/DevicePairing.cs                     @ 6bbfad73ea5a26a346903f279af08e57ac515afa
//   Security/DevicePairingEventArgs.cs            @ 644cbdb93ae4e51d07a5da2ca551a4c9cb9b9c81
//   Security/DevicePairingResultStatus.cs         @ 644cbdb93ae4e51d07a5da2ca551a4c9cb9b9c81
//   Security/DevicePairingProtectionLevel.cs      @ 644cbdb93ae4e51d07a5da2ca551a4c9cb9b9c81
//   Security/DevicePairingIOCapabilities.cs       @ 644cbdb93ae4e51d07a5da2ca551a4c9cb9b9c81
// The index holds several generations of this library (a short-lived INativeDevice design among them); the types
// here follow the copies whose shape matches main at 1045eaf, just after the v1.1.123 tag:
// GattServiceProvider.Create(Guid), BluetoothLEServer singleton, Security types in this namespace.
// The pairing-requested event is left out (Just Works needs no handler); Pair()/Unpair() are client-side. Also left
// out as unused: BluetoothLEServer.Start/Stop/Appearance/Services/GetServiceByUUID, Buffer.Capacity/EnsureCapacity,
// DataReader's typed readers, DevicePairing's ProtectionLevel (raised by the stack itself from the characteristics'
// protection levels), OutOfBand and state flags, and DevicePairingProtectionLevel.
using nanoFramework.Device.Bluetooth.GenericAttributeProfile;

namespace nanoFramework.Device.Bluetooth
{
    public enum BluetoothError
    {
        Success = 0,
        RadioNotAvailable = 1,
        ResourceInUse = 2,
        DeviceNotConnected = 3,
        OtherError = 4,
        DisabledByPolicy = 5,
        NotSupported = 6,
        DisabledByUser = 7,
        ConsentRequired = 8,
        TransportNotSupported = 9,
    }

    public class BluetoothLEServer : System.IDisposable
    {
        private BluetoothLEServer() { }

        public static BluetoothLEServer Instance { get { return null; } }

        public string DeviceName { get { return null; } set { } }

        public GattSession Session { get { return null; } }

        public DevicePairing Pairing { get { return null; } }

        protected virtual void Dispose(bool disposing) { }

        ~BluetoothLEServer() { }

        public void Dispose() { }
    }

    public class Buffer
    {
        public Buffer(uint capacity) { }

        public Buffer(byte[] array) { }

        public uint Length { get { return 0; } set { } }
    }

    public class DataReader
    {
        private DataReader() { }

        public static DataReader FromBuffer(Buffer buffer) { return null; }

        public void ReadBytes(byte[] value) { }
    }

    public enum DevicePairingIOCapabilities
    {
        DisplayOnly = 0,
        DisplayYesNo = 1,
        KeyboardOnly = 2,
        NoInputNoOutput = 3,
        KeyboardDisplay = 4,
    }

    public enum DevicePairingResultStatus
    {
        Paired = 0,
        NotReadyToPair = 1,
        NotPaired = 2,
        AlreadyPaired = 3,
        ConnectionRejected = 4,
        TooManyConnections = 5,
        HardwareFailure = 6,
        AuthenticationTimeout = 7,
        AuthenticationNotAllowed = 8,
        AuthenticationFailure = 9,
        NoSupportedProfiles = 10,
        ProtectionLevelCouldNotBeMet = 11,
        AccessDenied = 12,
        InvalidCeremonyData = 13,
        PairingCanceled = 14,
        OperationAlreadyInProgress = 15,
        RequiredHandlerNotRegistered = 16,
        RejectedByHandler = 17,
        RemoteDeviceHasAssociation = 18,
        Failed = 19,
    }

    public class DevicePairingEventArgs
    {
        internal DevicePairingEventArgs() { }

        public DevicePairingResultStatus Status { get { return DevicePairingResultStatus.Paired; } }
    }

    public sealed class DevicePairing
    {
        internal DevicePairing() { }

        public delegate void PairingCompleteHandler(object sender, DevicePairingEventArgs args);

        public event PairingCompleteHandler PairingComplete;

        public bool AllowBonding { get { return false; } set { } }

        public DevicePairingIOCapabilities IOCapabilities { get { return DevicePairingIOCapabilities.NoInputNoOutput; } set { } }
    }
}
