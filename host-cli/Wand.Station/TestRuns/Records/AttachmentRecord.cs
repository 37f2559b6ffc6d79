namespace Wand.Host.TestRuns.Records;

/// <summary>A file kept with a run, for example a calibration record or a raw trace.</summary>
public sealed class AttachmentRecord
{
    /// <summary>Gets the attachment's name, unique in the run.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the media type, for example <c>application/octet-stream</c> or <c>text/csv</c>.</summary>
    public string MediaType { get; init; } = "application/octet-stream";

    /// <summary>Gets the content (base64 in JSON).</summary>
    public byte[] Data { get; init; } = [];
}
