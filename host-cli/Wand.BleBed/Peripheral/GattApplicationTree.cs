using System;
using System.Collections.Generic;
using Wand.DBus;
using Wand.Protocol.Profile;

namespace Wand.BleBed.Peripheral;

/// <summary>
/// The profile table (<see cref="WandProfile"/>) as a BlueZ GATT application (BlueZ 5.66 doc/gatt-api.txt): one
/// GattService1 per service, one GattCharacteristic1 per characteristic, and a Characteristic Presentation Format
/// descriptor (0x2904) where the table gives one. BlueZ adds each notifying characteristic's CCCD itself
/// (src/gatt-database.c database_add_ccc). Security travels in the flags (parse_chrc_flags): an encrypted read, write or
/// subscription is <c>encrypt-read</c>, <c>encrypt-write</c>, <c>encrypt-notify</c>, so BlueZ answers 0x0F before the
/// wand is asked, as the device's stack does.
/// </summary>
internal static class GattApplicationTree
{
    /// <summary>The service interface.</summary>
    public const string ServiceInterface = "org.bluez.GattService1";

    /// <summary>The characteristic interface.</summary>
    public const string CharacteristicInterface = "org.bluez.GattCharacteristic1";

    /// <summary>The descriptor interface.</summary>
    public const string DescriptorInterface = "org.bluez.GattDescriptor1";

    /// <summary>The Characteristic Presentation Format descriptor, Bluetooth Assigned Numbers 0x2904.</summary>
    public const string PresentationFormatUuid = "00002904-0000-1000-8000-00805f9b34fb";

    /// <summary>Builds the objects under a root path.</summary>
    /// <param name="root">The application's root (where the ObjectManager is).</param>
    /// <returns>Every object, services first, each followed by its characteristics and their descriptors.</returns>
    public static List<ApplicationObject> Build(ObjectPath root)
    {
        List<ApplicationObject> objects = [];
        for (int serviceIndex = 0; serviceIndex < WandProfile.ServiceCount; serviceIndex++)
        {
            ObjectPath servicePath = new($"{root.Value}/service{serviceIndex}");
            objects.Add(new ApplicationObject(servicePath, new PropertySet(ServiceInterface, new Dictionary<string, Variant>
            {
                ["UUID"] = Variant.FromString(WandProfile.Service(serviceIndex).Uuid.Text),
                ["Primary"] = Variant.FromBoolean(true),
                ["Includes"] = new Variant(new Signature("ao"), Array.Empty<ObjectPath>()),
            }), null, Guid.Empty));
            for (int index = 0; index < WandProfile.CharacteristicCount; index++)
            {
                CharacteristicDefinition definition = WandProfile.Characteristic(index);
                if (definition.ServiceIndex != serviceIndex)
                {
                    continue;
                }

                Guid uuid = Guid.Parse(definition.Uuid.Text);
                ObjectPath characteristicPath = new($"{servicePath.Value}/char{index:D2}");
                objects.Add(new ApplicationObject(characteristicPath, new PropertySet(CharacteristicInterface, new Dictionary<string, Variant>
                {
                    ["UUID"] = Variant.FromString(definition.Uuid.Text),
                    ["Service"] = new Variant(new Signature("o"), servicePath),
                    ["Flags"] = Variant.FromStrings(Flags(definition)),
                    ["Notifying"] = Variant.FromBoolean(false),
                }), definition, uuid));
                if (definition.PresentationFormat is not null)
                {
                    objects.Add(new ApplicationObject(new ObjectPath($"{characteristicPath.Value}/desc2904"), new PropertySet(DescriptorInterface, new Dictionary<string, Variant>
                    {
                        ["UUID"] = Variant.FromString(PresentationFormatUuid),
                        ["Characteristic"] = new Variant(new Signature("o"), characteristicPath),
                        ["Flags"] = Variant.FromStrings([definition.ReadSecurity == AccessSecurity.Open ? "read" : "encrypt-read"]),
                    }), definition, uuid));
                }
            }
        }

        return objects;
    }

    /// <summary>The GattCharacteristic1 flags of a profile characteristic.</summary>
    /// <param name="definition">The characteristic.</param>
    /// <returns>The flags, for example <c>encrypt-read</c>, <c>encrypt-write</c>, <c>encrypt-notify</c>.</returns>
    public static string[] Flags(CharacteristicDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        List<string> flags = [];
        bool readOpen = definition.ReadSecurity == AccessSecurity.Open;
        if (definition.CanRead)
        {
            flags.Add(readOpen ? "read" : "encrypt-read");
        }

        if (definition.CanWrite)
        {
            flags.Add(definition.WriteSecurity == AccessSecurity.Open ? "write" : "encrypt-write");
        }

        if (definition.CanWriteWithoutResponse)
        {
            flags.Add("write-without-response");
        }

        if (definition.CanNotify)
        {
            // The wand checks a subscription against the read security (AccessRules.CheckSubscribe).
            flags.Add(readOpen ? "notify" : "encrypt-notify");
        }

        return flags.ToArray();
    }
}
