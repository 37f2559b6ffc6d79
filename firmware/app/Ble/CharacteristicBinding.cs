using nanoFramework.Device.Bluetooth.GenericAttributeProfile;
using Wand.Protocol.Profile;

namespace Wand.Firmware.Ble
{
    /// <summary>
    /// Maps the protocol table's access rules onto nanoFramework's characteristic parameters. The numeric values of
    /// <see cref="CharacteristicProperties"/> equal <see cref="GattCharacteristicProperties"/> (both are the Bluetooth
    /// characteristic-properties octet), so the conversion is a cast.
    /// </summary>
    public static class CharacteristicBinding
    {
        /// <summary>Builds the nanoFramework parameters for one table entry.</summary>
        /// <param name="definition">The table entry.</param>
        /// <returns>Parameters with properties, protection levels and the presentation format, and no static value
        /// (every read goes through the core so values are always current).</returns>
        public static GattLocalCharacteristicParameters ToParameters(CharacteristicDefinition definition)
        {
            GattLocalCharacteristicParameters parameters = new GattLocalCharacteristicParameters();
            parameters.CharacteristicProperties = (GattCharacteristicProperties)(uint)definition.Properties;
            parameters.ReadProtectionLevel = ToProtectionLevel(definition.ReadSecurity);
            parameters.WriteProtectionLevel = ToProtectionLevel(definition.WriteSecurity);
            PresentationFormat format = definition.PresentationFormat;
            if (format != null)
            {
                parameters.CreateGattPresentationFormat(format.Format, format.Exponent, format.Unit, format.NameSpace, format.Description);
            }

            return parameters;
        }

        /// <summary>
        /// Maps the table's security to the stack's protection level. Factory mode needs an encrypted link like the
        /// Wand service; the factory-mode condition itself is the core's check (it answers 0x08 outside factory mode).
        /// Encryption comes from Just Works pairing, so no level asks for authentication (MITM protection).
        /// </summary>
        /// <param name="security">The table's access rule.</param>
        /// <returns>The protection level the native stack enforces before the request reaches managed code.</returns>
        public static GattProtectionLevel ToProtectionLevel(AccessSecurity security)
        {
            return security == AccessSecurity.Open ? GattProtectionLevel.Plain : GattProtectionLevel.EncryptionRequired;
        }
    }
}
