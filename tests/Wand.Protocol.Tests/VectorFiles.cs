using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;

namespace Wand.Protocol.Tests;

/// <summary>Loads the shared vectors in protocol/vectors (copied next to the test assembly).</summary>
internal static class VectorFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "vectors");

    public static JsonElement Load(string fileName)
    {
        string path = Path.Combine(Directory, fileName);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = document.RootElement.Clone();
        if (root.GetProperty("schemaVersion").GetInt32() != 1)
        {
            throw new InvalidDataException($"{fileName}: unsupported schemaVersion");
        }

        return root;
    }

    public static IEnumerable<JsonElement> Vectors(string fileName)
    {
        foreach (JsonElement vector in Load(fileName).GetProperty("vectors").EnumerateArray())
        {
            yield return vector;
        }
    }

    /// <summary>Every (file, vector name) pair of the message files, for theories.</summary>
    public static IEnumerable<object[]> MessageVectorNames()
    {
        foreach (string path in System.IO.Directory.GetFiles(Directory, "*.json"))
        {
            string fileName = Path.GetFileName(path);
            if (fileName is "access.json" or "framing.json" or "crc32.json")
            {
                continue;
            }

            foreach (JsonElement vector in Vectors(fileName))
            {
                yield return new object[] { fileName, vector.GetProperty("name").GetString()! };
            }
        }
    }

    public static JsonElement Find(string fileName, string vectorName)
    {
        foreach (JsonElement vector in Vectors(fileName))
        {
            if (vector.GetProperty("name").GetString() == vectorName)
            {
                return vector;
            }
        }

        throw new InvalidDataException($"{fileName}: no vector named '{vectorName}'");
    }

    public static byte ParseError(JsonElement vector)
    {
        string text = vector.GetProperty("error").GetString()!;
        return byte.Parse(text.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    public static int Offset(JsonElement vector) => vector.TryGetProperty("offset", out JsonElement offset) ? offset.GetInt32() : 0;

    public static bool Encodes(JsonElement vector) => !vector.TryGetProperty("encodes", out JsonElement encodes) || encodes.GetBoolean();
}
