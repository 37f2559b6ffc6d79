// Contract of NuGet nanoFramework.Device.Bluetooth 1.1.123 (assembly nanoFramework.Device.Bluetooth),
// namespace nanoFramework.Device.Bluetooth.GenericAttributeProfile.
// Source: github.com/nanoframework/nanoFramework.Device.Bluetooth, tag v1.1.123
// (commit 562581be6ca6a6bb33008700fa3fc88297772e7e, 2026-06-29), folder
// nanoFramework.Device.Bluetooth/GenericAttributeProfile/: GattServiceProvider.cs (Create(Guid), internal constructor),
// GattServiceProviderResult.cs, GattServiceProviderAdvertisingParameters.cs, GattServiceProviderAdvertisementStatus.cs,
// GattLocalService.cs, GattLocalCharacteristic.cs, GattLocalCharacteristicParameters.cs,
// GattLocalCharacteristicResult.cs, GattCharacteristicProperties.cs ([Flags], uint), GattProtectionLevel.cs,
// GattReadRequestedEventArgs.cs, GattReadRequest.cs, GattWriteRequestedEventArgs.cs, GattWriteRequest.cs,
// GattWriteOption.cs, GattSession.cs, GattSessionStatus.cs, GattSessionStatusChangedEventArgs.cs,
// GattClientNotificationResult.cs, GattSubscribedClient.cs.
// At the tag, GattServiceProviderResult, GattLocalService, GattLocalCharacteristicResult, GattReadRequestedEventArgs and
// GattWriteRequestedEventArgs are plain (unsealed) public classes with internal constructors. Both
// GattReadRequest.RespondWithProtocolError and GattWriteRequest.RespondWithProtocolError hand their code to a native
// call (what the ESP32 stack puts on the air: firmware/README.md, "Known limits").
// Left out (unused): descriptors, the PresentationFormats getter, the Advertisement property (BluetoothLEAdvertisement),
// ServiceData and CustomAdvertisement, StartAdvertising() without parameters, StopAdvertising, GattLocalService's
// Characteristics and Uuid, the characteristic's read-only property mirrors, static values and user descriptions,
// the request Session and Length members, the session's MTU members, the status-changed Error, the
// IGattServiceProviderResult interface, and the members of GattClientNotificationResult and GattSubscribedClient (only
// the types are needed for the NotifyValue and SubscribedClients signatures).
namespace nanoFramework.Device.Bluetooth.GenericAttributeProfile
{
    [System.Flags]
    public enum GattCharacteristicProperties : uint
    {
        None = 0,
        Broadcast = 1,
        Read = 2,
        WriteWithoutResponse = 4,
        Write = 8,
        Notify = 16,
        Indicate = 32,
        AuthenticatedSignedWrites = 64,
        ExtendedProperties = 128,
        ReliableWrites = 256,
        WritableAuxiliaries = 512,
    }

    public enum GattProtectionLevel
    {
        Plain = 0,
        AuthenticationRequired = 1,
        EncryptionRequired = 2,
        EncryptionAndAuthenticationRequired = 3,
    }

    public enum GattServiceProviderAdvertisementStatus
    {
        Created = 0,
        Stopped = 1,
        Started = 2,
        Aborted = 3,
        StartedWithoutAllAdvertisementData = 4,
    }

    public enum GattWriteOption
    {
        WriteWithResponse = 0,
        WriteWithoutResponse = 1,
    }

    public enum GattSessionStatus
    {
        Closed = 0,
        Active = 1,
    }

    public class GattServiceProvider
    {
        internal GattServiceProvider() { }

        public void StartAdvertising(GattServiceProviderAdvertisingParameters parameters) { }

        public static GattServiceProviderResult Create(System.Guid serviceUuid) { return null; }

        public GattServiceProviderAdvertisementStatus AdvertisementStatus { get { return GattServiceProviderAdvertisementStatus.Created; } }

        public GattLocalService Service { get { return null; } }
    }

    public class GattServiceProviderResult
    {
        internal GattServiceProviderResult() { }

        public BluetoothError Error { get { return BluetoothError.Success; } }

        public GattServiceProvider ServiceProvider { get { return null; } }
    }

    public class GattServiceProviderAdvertisingParameters
    {
        public GattServiceProviderAdvertisingParameters() { }

        public bool IsDiscoverable { get { return true; } set { } }

        public bool IsConnectable { get { return true; } set { } }

    }

    public class GattLocalService
    {
        internal GattLocalService() { }

        public GattLocalCharacteristicResult CreateCharacteristic(System.Guid characteristicUuid, GattLocalCharacteristicParameters parameters) { return null; }

    }

    public class GattLocalCharacteristicResult
    {
        internal GattLocalCharacteristicResult() { }

        public GattLocalCharacteristic Characteristic { get { return null; } }

        public BluetoothError Error { get { return BluetoothError.Success; } }
    }

    public class GattLocalCharacteristicParameters
    {
        public GattLocalCharacteristicParameters() { }

        public GattProtectionLevel WriteProtectionLevel { get { return GattProtectionLevel.Plain; } set { } }

        public GattProtectionLevel ReadProtectionLevel { get { return GattProtectionLevel.Plain; } set { } }

        public GattCharacteristicProperties CharacteristicProperties { get { return GattCharacteristicProperties.None; } set { } }

        public void CreateGattPresentationFormat(byte formatType, int exponent, ushort unit, byte namespaceId, ushort decsription) { }
    }

    public class GattLocalCharacteristic
    {
        internal GattLocalCharacteristic() { }

        public delegate void GattLocalCharacteristicReadEventHandler(GattLocalCharacteristic sender, GattReadRequestedEventArgs ReadRequestEventArgs);

        public delegate void GattLocalCharacteristicWriteEventHandler(GattLocalCharacteristic sender, GattWriteRequestedEventArgs WriteRequestEventArgs);

        public delegate void GattLocalCharacteristicClientsChangedEventHandler(GattLocalCharacteristic sender, object args);

        public GattClientNotificationResult[] NotifyValue(Buffer value) { return null; }

        public GattSubscribedClient[] SubscribedClients { get { return null; } }

        public event GattLocalCharacteristicReadEventHandler ReadRequested;

        public event GattLocalCharacteristicWriteEventHandler WriteRequested;

        public event GattLocalCharacteristicClientsChangedEventHandler SubscribedClientsChanged;
    }

    public class GattClientNotificationResult
    {
        internal GattClientNotificationResult() { }
    }

    public class GattSubscribedClient
    {
        internal GattSubscribedClient() { }
    }

    public class GattReadRequestedEventArgs
    {
        internal GattReadRequestedEventArgs() { }

        public GattReadRequest GetRequest() { return null; }

    }

    public class GattReadRequest
    {
        internal GattReadRequest() { }

        public void RespondWithValue(Buffer value) { }

        public void RespondWithProtocolError(byte protocolError) { }
    }

    public class GattWriteRequestedEventArgs
    {
        internal GattWriteRequestedEventArgs() { }

        public GattWriteRequest GetRequest() { return null; }

    }

    public class GattWriteRequest
    {
        internal GattWriteRequest() { }

        public void Respond() { }

        public void RespondWithProtocolError(byte protocolError) { }

        public uint Offset { get { return 0; } }

        public GattWriteOption Option { get { return GattWriteOption.WriteWithResponse; } }

        public Buffer Value { get { return null; } }
    }

    public class GattSession
    {
        internal GattSession() { }

        public delegate void GattSessionStatusChangedEventHandler(object sender, GattSessionStatusChangedEventArgs args);

        public event GattSessionStatusChangedEventHandler SessionStatusChanged;

    }

    public class GattSessionStatusChangedEventArgs
    {
        internal GattSessionStatusChangedEventArgs() { }

        public GattSessionStatus Status { get { return GattSessionStatus.Closed; } }
    }
}
