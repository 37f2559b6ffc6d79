namespace Wand.Protocol.Profile
{
    /// <summary>One primary service of the profile (an entry of <see cref="WandProfile"/>).</summary>
    public sealed class ServiceDefinition
    {
        /// <summary>Initializes a new instance of the <see cref="ServiceDefinition"/> class.</summary>
        /// <param name="index">Stable index in <see cref="WandProfile"/>.</param>
        /// <param name="name">Short name, lower case with dashes, for example "wand".</param>
        /// <param name="uuid">The service UUID text.</param>
        /// <param name="description">One-line description.</param>
        public ServiceDefinition(int index, string name, string uuid, string description)
        {
            Index = index;
            Name = name;
            Uuid = new GattUuid(uuid);
            Description = description;
        }

        /// <summary>Gets the stable index in <see cref="WandProfile"/>.</summary>
        public int Index { get; }

        /// <summary>Gets the short name.</summary>
        public string Name { get; }

        /// <summary>Gets the service UUID.</summary>
        public GattUuid Uuid { get; }

        /// <summary>Gets the one-line description.</summary>
        public string Description { get; }
    }
}
