namespace Wand.Protocol.Profile
{
    /// <summary>
    /// One characteristic of the profile: an entry of the declarative table <see cref="WandProfile"/>.
    /// Immutable; the GATT server, the BLE adapter, the host and PROFILE.md all read the same entries.
    /// </summary>
    public sealed class CharacteristicDefinition
    {
        /// <summary>Initializes a new instance of the <see cref="CharacteristicDefinition"/> class.</summary>
        /// <param name="index">Stable index in <see cref="WandProfile"/>.</param>
        /// <param name="name">Short name, lower case with dashes, unique in the profile.</param>
        /// <param name="serviceIndex">Index of the owning service in <see cref="WandProfile"/>.</param>
        /// <param name="uuid">The characteristic UUID text.</param>
        /// <param name="properties">GATT properties.</param>
        /// <param name="readSecurity">What a read (and a subscription) requires.</param>
        /// <param name="writeSecurity">What a write requires.</param>
        /// <param name="minimumWriteLength">Shortest accepted written value, in bytes (0 when not writable).</param>
        /// <param name="maximumWriteLength">Longest accepted written value, in bytes (0 when not writable).</param>
        /// <param name="maximumValueLength">Longest value read or notified, in bytes (0 when neither).</param>
        /// <param name="notifyIntervalMilliseconds">Shortest time between two notifications, in milliseconds (0: one per event).</param>
        /// <param name="units">Units of the value, or "see layout" for a structure.</param>
        /// <param name="description">One-line description.</param>
        /// <param name="presentationFormat">The 0x2904 descriptor to expose, or <c>null</c>.</param>
        public CharacteristicDefinition(
            int index,
            string name,
            int serviceIndex,
            string uuid,
            CharacteristicProperties properties,
            AccessSecurity readSecurity,
            AccessSecurity writeSecurity,
            int minimumWriteLength,
            int maximumWriteLength,
            int maximumValueLength,
            int notifyIntervalMilliseconds,
            string units,
            string description,
            PresentationFormat presentationFormat)
        {
            Index = index;
            Name = name;
            ServiceIndex = serviceIndex;
            Uuid = new GattUuid(uuid);
            Properties = properties;
            ReadSecurity = readSecurity;
            WriteSecurity = writeSecurity;
            MinimumWriteLength = minimumWriteLength;
            MaximumWriteLength = maximumWriteLength;
            MaximumValueLength = maximumValueLength;
            NotifyIntervalMilliseconds = notifyIntervalMilliseconds;
            Units = units;
            Description = description;
            PresentationFormat = presentationFormat;
        }

        /// <summary>Gets the stable index in <see cref="WandProfile"/>.</summary>
        public int Index { get; }

        /// <summary>Gets the short name, for example "status".</summary>
        public string Name { get; }

        /// <summary>Gets the index of the owning service in <see cref="WandProfile"/>.</summary>
        public int ServiceIndex { get; }

        /// <summary>Gets the characteristic UUID.</summary>
        public GattUuid Uuid { get; }

        /// <summary>Gets the GATT properties.</summary>
        public CharacteristicProperties Properties { get; }

        /// <summary>Gets what a read, and a subscription to notifications, requires.</summary>
        public AccessSecurity ReadSecurity { get; }

        /// <summary>Gets what a write requires.</summary>
        public AccessSecurity WriteSecurity { get; }

        /// <summary>Gets the shortest accepted written value, in bytes (0 when not writable).</summary>
        public int MinimumWriteLength { get; }

        /// <summary>Gets the longest accepted written value, in bytes (0 when not writable).</summary>
        public int MaximumWriteLength { get; }

        /// <summary>Gets the longest value the device reads out or notifies, in bytes (0 when neither).</summary>
        public int MaximumValueLength { get; }

        /// <summary>
        /// Gets the shortest time between two notifications of this characteristic, in milliseconds; 0 means one
        /// notification per event (control-point results, self-test completion). Changes inside the interval are
        /// coalesced: the latest value is sent when the interval has passed.
        /// </summary>
        public int NotifyIntervalMilliseconds { get; }

        /// <summary>Gets the units of the value, or "see layout" for a structure.</summary>
        public string Units { get; }

        /// <summary>Gets the one-line description.</summary>
        public string Description { get; }

        /// <summary>Gets the 0x2904 presentation format descriptor to expose, or <c>null</c>.</summary>
        public PresentationFormat PresentationFormat { get; }

        /// <summary>Gets a value indicating whether the characteristic can be read.</summary>
        public bool CanRead
        {
            get { return (Properties & CharacteristicProperties.Read) != 0; }
        }

        /// <summary>Gets a value indicating whether the characteristic accepts write requests.</summary>
        public bool CanWrite
        {
            get { return (Properties & CharacteristicProperties.Write) != 0; }
        }

        /// <summary>Gets a value indicating whether the characteristic accepts write commands (no response).</summary>
        public bool CanWriteWithoutResponse
        {
            get { return (Properties & CharacteristicProperties.WriteWithoutResponse) != 0; }
        }

        /// <summary>Gets a value indicating whether the characteristic notifies.</summary>
        public bool CanNotify
        {
            get { return (Properties & CharacteristicProperties.Notify) != 0; }
        }
    }
}
