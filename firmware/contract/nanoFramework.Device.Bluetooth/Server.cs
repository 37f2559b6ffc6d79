// Contract of NuGet nanoFramework.Device.Bluetooth 1.1.123 (assembly nanoFramework.Device.Bluetooth),
// namespace nanoFramework.Device.Bluetooth.
// Source: github.com/nanoframework/nanoFramework.Device.Bluetooth, tag v1.1.123
// (commit 562581be6ca6a6bb33008700fa3fc88297772e7e, 2026-06-29), folder nanoFramework.Device.Bluetooth/:
// BluetoothLEServer.cs (singleton Instance, private constructor, finalizer), BluetoothError.cs, IO/Buffer.cs,
// IO/DataReader.cs (FromBuffer, ReadBytes), Security/DevicePairing.cs (sealed), Security/DevicePairingEventArgs.cs,
// Security/DevicePairingResultStatus.cs, Security/DevicePairingIOCapabilities.cs.
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
