using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Wand.Host.Flashing;

/// <summary>What the header and segments of an ESP application or bootloader image say.</summary>
/// <param name="SegmentCount">Number of segments, 1 to 16.</param>
/// <param name="FlashMode">Header byte 2: 0 QIO, 1 QOUT, 2 DIO, 3 DOUT.</param>
/// <param name="FlashSizeAndFrequency">Header byte 3: size code in the high nibble, frequency code in the low one.</param>
/// <param name="EntryPoint">The entry address.</param>
/// <param name="ChipId">Extended-header chip id (0 = ESP32).</param>
/// <param name="HashAppended">Whether a SHA-256 digest follows the checksum.</param>
/// <param name="DataLength">Bytes covered by the image, checksum and digest included; the rest is padding.</param>
public sealed record EspImageInfo(int SegmentCount, byte FlashMode, byte FlashSizeAndFrequency, uint EntryPoint, ushort ChipId, bool HashAppended, int DataLength);

/// <summary>
/// Validates and patches ESP-IDF firmware images (esptool firmware-image-format: 8-byte header, 16-byte extended header,
/// segments, XOR checksum padded to 16 bytes, optional SHA-256).
/// </summary>
public static class EspImage
{
    /// <summary>The first byte of every ESP image.</summary>
    public const byte Magic = 0xE9;

    /// <summary>The header plus extended header length in bytes.</summary>
    public const int HeaderLength = 24;

    private const int MaximumSegments = 16;

    /// <summary>Checks the structure of an image: magic, segment table inside the file, checksum and digest.</summary>
    /// <param name="fileName">The file name for messages.</param>
    /// <param name="image">The image bytes.</param>
    /// <returns>The parsed header facts.</returns>
    /// <exception cref="ImageValidationException">The image is malformed; the message says where.</exception>
    public static EspImageInfo Validate(string fileName, ReadOnlySpan<byte> image)
    {
        if (image.Length < HeaderLength)
        {
            throw new ImageValidationException(fileName, $"is {image.Length} bytes, shorter than the 24-byte ESP image header.");
        }

        if (image[0] != Magic)
        {
            throw new ImageValidationException(fileName, $"does not start with the ESP image magic 0xE9 (found 0x{image[0]:X2} at offset 0); it is not an ESP32 firmware image.");
        }

        int segments = image[1];
        if (segments is 0 or > MaximumSegments)
        {
            throw new ImageValidationException(fileName, $"declares {segments} segments at offset 1; an ESP image has 1 to {MaximumSegments}.");
        }

        if (image[2] > 3)
        {
            throw new ImageValidationException(fileName, $"has flash mode {image[2]} at offset 2; valid modes are 0 (QIO) to 3 (DOUT).");
        }

        int position = HeaderLength;
        byte checksum = RomPacket.ChecksumSeed;
        for (int segment = 0; segment < segments; segment++)
        {
            if (position + 8 > image.Length)
            {
                throw new ImageValidationException(fileName, $"is truncated: segment {segment} header at offset 0x{position:X} lies past the end (0x{image.Length:X}).");
            }

            uint length = BinaryPrimitives.ReadUInt32LittleEndian(image[(position + 4)..]);
            if (length > (uint)(image.Length - position - 8))
            {
                throw new ImageValidationException(fileName, $"is truncated: segment {segment} at offset 0x{position:X} declares {length} bytes but only {image.Length - position - 8} remain.");
            }

            checksum ^= (byte)(RomPacket.Checksum(image.Slice(position + 8, (int)length)) ^ RomPacket.ChecksumSeed);
            position += 8 + (int)length;
        }

        int checksumOffset = position + (15 - (position % 16));
        if (checksumOffset >= image.Length)
        {
            throw new ImageValidationException(fileName, $"is truncated: the checksum byte at offset 0x{checksumOffset:X} lies past the end.");
        }

        if (image[checksumOffset] != checksum)
        {
            throw new ImageValidationException(fileName, $"is corrupt: segment checksum is 0x{checksum:X2} but offset 0x{checksumOffset:X} holds 0x{image[checksumOffset]:X2}.");
        }

        int dataLength = checksumOffset + 1;
        bool hashAppended = image[23] == 1;
        if (hashAppended)
        {
            if (dataLength + 32 > image.Length)
            {
                throw new ImageValidationException(fileName, "is truncated: the SHA-256 digest announced at offset 23 is missing.");
            }

            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(image[..dataLength], digest);
            if (!digest.SequenceEqual(image.Slice(dataLength, 32)))
            {
                throw new ImageValidationException(fileName, $"is corrupt: the SHA-256 digest at offset 0x{dataLength:X} does not match the image.");
            }

            dataLength += 32;
        }

        return new EspImageInfo(segments, image[2], image[3], BinaryPrimitives.ReadUInt32LittleEndian(image[4..]), BinaryPrimitives.ReadUInt16LittleEndian(image[12..]), hashAppended, dataLength);
    }

    /// <summary>
    /// Rewrites flash mode, size and frequency in a bootloader header as esptool does (<c>cmds.py</c> <c>_update_image_flash_params</c>), then recomputes
    /// the appended SHA-256 if there is one. The segment checksum does not cover the header, so it stays valid.
    /// </summary>
    /// <param name="image">The bootloader image; it is not changed.</param>
    /// <param name="settings">The settings to write; <c>null</c> members keep the header's value.</param>
    /// <returns>A patched copy, or the same bytes when nothing changes.</returns>
    public static byte[] PatchFlashSettings(byte[] image, FlashSettings settings)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(settings);
        EspImageInfo info = Validate("bootloader", image);
        byte mode = settings.Mode ?? image[2];
        byte sizeNibble = settings.SizeCode ?? (byte)(image[3] & 0xF0);
        byte frequencyNibble = settings.FrequencyCode ?? (byte)(image[3] & 0x0F);
        byte sizeAndFrequency = (byte)(sizeNibble | frequencyNibble);
        if (mode == image[2] && sizeAndFrequency == image[3])
        {
            return image;
        }

        byte[] patched = (byte[])image.Clone();
        patched[2] = mode;
        patched[3] = sizeAndFrequency;
        if (info.HashAppended)
        {
            int covered = info.DataLength - 32;
            SHA256.HashData(patched.AsSpan(0, covered), patched.AsSpan(covered, 32));
        }

        return patched;
    }
}
