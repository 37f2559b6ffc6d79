namespace Wand.Host.Flashing;

/// <summary>
/// Progress of a flashing job, reported by the host library so that only the CLI prints (the espflash
/// <c>ProgressCallbacks</c> seam: init, update, verifying, finish).
/// </summary>
public interface IFlashProgress
{
    /// <summary>A step started, for example "Connecting" or "Changing baud rate to 921600".</summary>
    /// <param name="message">One line for people.</param>
    void Status(string message);

    /// <summary>Something the user should know but that does not stop the job.</summary>
    /// <param name="message">One line for people.</param>
    void Warning(string message);

    /// <summary>Writing a region starts (espflash <c>init</c>).</summary>
    /// <param name="region">The region.</param>
    /// <param name="wireBytes">Bytes that will cross the line for it (compressed size, estimated from the first segment).</param>
    void RegionStarted(FlashRegion region, long wireBytes);

    /// <summary>More of a region is written (espflash <c>update</c>).</summary>
    /// <param name="region">The region.</param>
    /// <param name="bytesWritten">Image bytes written so far, 0 to the region's length.</param>
    void RegionProgress(FlashRegion region, long bytesWritten);

    /// <summary>The region is being checked by MD5 (espflash <c>verifying</c>).</summary>
    /// <param name="region">The region.</param>
    void Verifying(FlashRegion region);

    /// <summary>A region is done (espflash <c>finish</c>).</summary>
    /// <param name="region">The region.</param>
    /// <param name="skipped"><c>true</c> when the flash already held the image and nothing was written.</param>
    void RegionFinished(FlashRegion region, bool skipped);
}

/// <summary>Progress that goes nowhere.</summary>
public sealed class SilentFlashProgress : IFlashProgress
{
    /// <summary>Gets the shared instance.</summary>
    public static SilentFlashProgress Instance { get; } = new();

    /// <inheritdoc/>
    public void Status(string message)
    {
    }

    /// <inheritdoc/>
    public void Warning(string message)
    {
    }

    /// <inheritdoc/>
    public void RegionStarted(FlashRegion region, long wireBytes)
    {
    }

    /// <inheritdoc/>
    public void RegionProgress(FlashRegion region, long bytesWritten)
    {
    }

    /// <inheritdoc/>
    public void Verifying(FlashRegion region)
    {
    }

    /// <inheritdoc/>
    public void RegionFinished(FlashRegion region, bool skipped)
    {
    }
}
