using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Wand.TestRuns.Tests.Rendering;

/// <summary>
/// Debian's headless Chromium (package <c>chromium</c>, installed by <c>.ci/run</c>) run once per page: a screenshot of
/// the first screen and the DOM after rendering. Each call starts its own browser with its own profile directory, waits
/// for it to exit (with a generous limit, not a timing assertion) and kills its process tree if it does not.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Width of the window, in pixels.</summary>
    public const int WindowWidth = 1000;

    /// <summary>Height of the window (the "first screen"), in pixels.</summary>
    public const int WindowHeight = 1400;

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    /// <summary>Gets the browser's path.</summary>
    public static string Executable { get; } = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists) ?? "chromium";

    /// <summary>Takes a screenshot of a page at the window size.</summary>
    /// <param name="page">The HTML file.</param>
    /// <param name="screenshot">Where to write the PNG.</param>
    /// <returns>The browser's diagnostic output.</returns>
    public static async Task<string> ScreenshotAsync(string page, string screenshot)
    {
        (_, string errors) = await RunAsync($"--screenshot={screenshot} --window-size={WindowWidth},{WindowHeight} --hide-scrollbars", page).ConfigureAwait(false);
        return errors;
    }

    /// <summary>Renders a page and gives its DOM after rendering (scripts run, layout done).</summary>
    /// <param name="page">The HTML file.</param>
    /// <returns>The serialized DOM and the browser's diagnostic output.</returns>
    public static Task<(string Dom, string Errors)> DumpDomAsync(string page)
        => RunAsync($"--dump-dom --window-size={WindowWidth},{WindowHeight} --allow-file-access-from-files --virtual-time-budget=5000", page);

    private static async Task<(string Output, string Errors)> RunAsync(string arguments, string page)
    {
        string profile = Directory.CreateTempSubdirectory("wand-chromium-").FullName;
        ProcessStartInfo start = new(Executable, $"--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --user-data-dir={profile} --enable-logging=stderr {arguments} file://{page}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process browser = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
        try
        {
            Task<string> output = browser.StandardOutput.ReadToEndAsync();
            Task<string> errors = browser.StandardError.ReadToEndAsync();
            using CancellationTokenSource limit = new(Limit);
            await browser.WaitForExitAsync(limit.Token).ConfigureAwait(false);
            return (await output.ConfigureAwait(false), await errors.ConfigureAwait(false));
        }
        finally
        {
            if (!browser.HasExited)
            {
                browser.Kill(entireProcessTree: true);
            }

            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A crashed browser may still hold files in its profile; the temporary directory is left behind.
            }
        }
    }
}
