using System;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wand.Protocol.Profile;

namespace Wand.Protocol.Host;

/// <summary>The declarative profile table as JSON, for tools and for clients in other languages.</summary>
public static class ProfileJson
{
    /// <summary>Builds the JSON document: base UUID, services and characteristics with every table column.</summary>
    /// <returns>The document as a node tree.</returns>
    public static JsonObject Build()
    {
        var services = new JsonArray();
        for (int index = 0; index < WandProfile.ServiceCount; index++)
        {
            ServiceDefinition service = WandProfile.Service(index)!;
            services.Add((JsonNode)new JsonObject
            {
                ["index"] = service.Index,
                ["name"] = service.Name,
                ["uuid"] = service.Uuid.Text,
                ["description"] = service.Description,
            });
        }

        var characteristics = new JsonArray();
        for (int index = 0; index < WandProfile.CharacteristicCount; index++)
        {
            CharacteristicDefinition characteristic = WandProfile.Characteristic(index)!;
            characteristics.Add((JsonNode)new JsonObject
            {
                ["index"] = characteristic.Index,
                ["name"] = characteristic.Name,
                ["service"] = WandProfile.Service(characteristic.ServiceIndex)!.Name,
                ["uuid"] = characteristic.Uuid.Text,
                ["read"] = characteristic.CanRead,
                ["write"] = characteristic.CanWrite,
                ["writeWithoutResponse"] = characteristic.CanWriteWithoutResponse,
                ["notify"] = characteristic.CanNotify,
                ["readSecurity"] = characteristic.ReadSecurity.ToString(),
                ["writeSecurity"] = characteristic.WriteSecurity.ToString(),
                ["minimumWriteLength"] = characteristic.MinimumWriteLength,
                ["maximumWriteLength"] = characteristic.MaximumWriteLength,
                ["maximumValueLength"] = characteristic.MaximumValueLength,
                ["notifyIntervalMilliseconds"] = characteristic.NotifyIntervalMilliseconds,
                ["units"] = characteristic.Units,
                ["description"] = characteristic.Description,
            });
        }

        return new JsonObject
        {
            ["customUuidBase"] = WandProfile.CustomUuidBase,
            ["protocolVersion"] = $"{Messages.ProtocolVersion.CurrentMajor}.{Messages.ProtocolVersion.CurrentMinor}",
            ["services"] = services,
            ["characteristics"] = characteristics,
        };
    }

    /// <summary>Serialises <see cref="Build"/> as indented JSON.</summary>
    /// <returns>The JSON text.</returns>
    public static string Export() => Build().ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
