namespace Wand.Protocol.Profile
{
    /// <summary>
    /// The checks every GATT access passes before its value is looked at, in the profile's order (BP-3, BP-4, SR-15):
    /// handle, property, security, then for writes length and offset. Value checks follow in the message decoders.
    /// Transport-neutral and allocation-free; the GATT server calls these first.
    /// </summary>
    public static class AccessRules
    {
        /// <summary>Checks a read.</summary>
        /// <param name="characteristicIndex">Index in <see cref="WandProfile"/>.</param>
        /// <param name="offset">Read offset, in bytes; only 0 is accepted.</param>
        /// <param name="encrypted"><c>true</c> when the link is encrypted (bonded).</param>
        /// <param name="factoryMode"><c>true</c> when the device is in factory mode.</param>
        /// <returns>0x01, 0x02, 0x0F, 0x08, 0x07 in that order of checking, or <see cref="AttError.Success"/>.</returns>
        public static AttError CheckRead(int characteristicIndex, int offset, bool encrypted, bool factoryMode)
        {
            CharacteristicDefinition characteristic = WandProfile.Characteristic(characteristicIndex);
            if (characteristic == null)
            {
                return AttError.InvalidHandle;
            }

            if (!characteristic.CanRead)
            {
                return AttError.ReadNotPermitted;
            }

            AttError security = CheckSecurity(characteristic.ReadSecurity, encrypted, factoryMode);
            if (security != AttError.Success)
            {
                return security;
            }

            return offset == 0 ? AttError.Success : AttError.InvalidOffset;
        }

        /// <summary>Checks a subscription (a CCCD write) to notifications.</summary>
        /// <param name="characteristicIndex">Index in <see cref="WandProfile"/>.</param>
        /// <param name="encrypted"><c>true</c> when the link is encrypted (bonded).</param>
        /// <param name="factoryMode"><c>true</c> when the device is in factory mode.</param>
        /// <returns>0x01, 0x06 (no Notify property), 0x0F, 0x08, or <see cref="AttError.Success"/>.</returns>
        public static AttError CheckSubscribe(int characteristicIndex, bool encrypted, bool factoryMode)
        {
            CharacteristicDefinition characteristic = WandProfile.Characteristic(characteristicIndex);
            if (characteristic == null)
            {
                return AttError.InvalidHandle;
            }

            if (!characteristic.CanNotify)
            {
                return AttError.RequestNotSupported;
            }

            return CheckSecurity(characteristic.ReadSecurity, encrypted, factoryMode);
        }

        /// <summary>
        /// Checks a write up to, not including, its value: handle (0x01), property (0x03), security (0x0F, 0x08),
        /// length against the table (0x0D), offset (0x07).
        /// </summary>
        /// <param name="characteristicIndex">Index in <see cref="WandProfile"/>.</param>
        /// <param name="length">Number of bytes written.</param>
        /// <param name="offset">Write offset, in bytes; only 0 is accepted.</param>
        /// <param name="withResponse"><c>true</c> for a write request, <c>false</c> for a write command.</param>
        /// <param name="encrypted"><c>true</c> when the link is encrypted (bonded).</param>
        /// <param name="factoryMode"><c>true</c> when the device is in factory mode.</param>
        /// <returns>The first failing check's error, or <see cref="AttError.Success"/>.</returns>
        public static AttError CheckWrite(int characteristicIndex, int length, int offset, bool withResponse, bool encrypted, bool factoryMode)
        {
            CharacteristicDefinition characteristic = WandProfile.Characteristic(characteristicIndex);
            if (characteristic == null)
            {
                return AttError.InvalidHandle;
            }

            bool permitted = withResponse ? characteristic.CanWrite : characteristic.CanWriteWithoutResponse;
            if (!permitted)
            {
                return AttError.WriteNotPermitted;
            }

            AttError security = CheckSecurity(characteristic.WriteSecurity, encrypted, factoryMode);
            if (security != AttError.Success)
            {
                return security;
            }

            if (length < characteristic.MinimumWriteLength || length > characteristic.MaximumWriteLength)
            {
                return AttError.InvalidAttributeValueLength;
            }

            return offset == 0 ? AttError.Success : AttError.InvalidOffset;
        }

        /// <summary>Checks a security requirement against the link and the device mode.</summary>
        /// <param name="required">What the access requires.</param>
        /// <param name="encrypted"><c>true</c> when the link is encrypted (bonded).</param>
        /// <param name="factoryMode"><c>true</c> when the device is in factory mode.</param>
        /// <returns>0x0F without encryption, 0x08 outside factory mode, or <see cref="AttError.Success"/>.</returns>
        public static AttError CheckSecurity(AccessSecurity required, bool encrypted, bool factoryMode)
        {
            if (required == AccessSecurity.Open)
            {
                return AttError.Success;
            }

            if (!encrypted)
            {
                return AttError.InsufficientEncryption;
            }

            if (required == AccessSecurity.FactoryMode && !factoryMode)
            {
                return AttError.InsufficientAuthorization;
            }

            return AttError.Success;
        }
    }
}
