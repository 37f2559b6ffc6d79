// Contract of nanoFramework.Device.Bluetooth 1.1.123, namespace nanoFramework.Device.Bluetooth.GenericAttributeProfile.
// Checked against nanoframework/nanoFramework.Device.Bluetooth nanoFramework.Device.Bluetooth/GenericAttributeProfile/:
//   GattServiceProvider.cs                    (index file id 12595419398: Create(Guid), advertising publisher)
//   GattServiceProviderResult.cs              @ 2e91e4a5df430c3fce41121c0c9ec5eb51a382f5
//   GattServiceProviderAdvertisingParameters.cs @ 1ad921e4dd0bbb3282433a2c289bf30f4b2ace56
//   GattServiceProviderAdvertisementStatus.cs @ 5baa6e1900b956d2ace901a81e2b4e86da7adbd2
//   GattLocalService.cs                       @ 301021f9812ffb7287a1916c1d9423edf2a714c4
//   GattLocalCharacteristic.cs                @ 644cbdb93ae4e51d07a5da2ca551a4c9cb9b9c81
//   GattLocalCharacteristicParameters.cs      @ ffe44e19bac6eaaacb474837daa66a3a7a3694ad
//   GattLocalCharacteristicResult.cs          @ 2e91e4a5df430c3fce41121c0c9ec5eb51a382f5
//   GattCharacteristicProperties.cs           @ 2e91e4a5df430c3fce41121c0c9ec5eb51a382f5 ([Flags], uint)
//   GattProtectionLevel.cs                    @ 5baa6e1900b956d2ace901a81e2b4e86da7adbd2
//   GattReadRequestedEventArgs.cs             @ d9928303575debe5e2271c4d22ca2538f57137cd
//   GattReadRequest.cs                        @ 6202df9a245fdf91ff7a32db1d2aad7d0674d2b3 and @ 2e91e4a5df43 (the
//                                               latter sealed with an Offset property; the intersection is declared.
//                                               Both send BluetoothError.OtherError whatever code RespondWithProtocolError
//                                               is given: see firmware/README.md "Known limits")
//   GattWriteRequestedEventArgs.cs            @ 1abb1404ea7bf4a17a9dc58667c1fe709784a7ec
//   GattWriteRequest.cs                       @ f0bfbed46c7298ff0bfb8179f1f32734a29757d2
//   GattWriteOption.cs                        @ 2e91e4a5df430c3fce41121c0c9ec5eb51a382f5
//   GattSession.cs                            @ 7eaf429a80eb6cdf0954e55f2f7bb6ccc224ffce
//   GattSessionStatus.cs                      @ 2e91e4a5df430c3fce41121c0c9ec5eb51a382f5
//   GattSessionStatusChangedEventArgs.cs      @ 644cbdb93ae4e51d07a5da2ca551a4c9cb9b9c81
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

    public sealed class GattServiceProviderResult
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

    public sealed class GattLocalService
    {
        internal GattLocalService() { }

        public GattLocalCharacteristicResult CreateCharacteristic(System.Guid characteristicUuid, GattLocalCharacteristicParameters parameters) { return null; }

    }

    public sealed class GattLocalCharacteristicResult
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

    public sealed class GattReadRequestedEventArgs
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

    public sealed class GattWriteRequestedEventArgs
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
