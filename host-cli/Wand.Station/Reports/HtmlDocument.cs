using System;
using System.Net;
using System.Text;

namespace Wand.Host.Reports;

/// <summary>
/// The shell of every station report page: one self-contained HTML document (no scripts, no external files) with its
/// styles inline. Run reports and calibration reports both open and close their pages here.
/// </summary>
public static class HtmlDocument
{
    /// <summary>Writes the document's start: doctype, head with title and styles, and the opening body tag.</summary>
    /// <param name="html">Where to write.</param>
    /// <param name="title">The page title, as plain text (it is encoded here).</param>
    /// <param name="style">The page's CSS.</param>
    public static void Open(StringBuilder html, string title, string style)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>").Append(Encode(title))
            .Append("</title><style>").Append(style).Append("</style></head><body>");
    }

    /// <summary>Writes the document's end.</summary>
    /// <param name="html">Where to write.</param>
    public static void Close(StringBuilder html)
    {
        ArgumentNullException.ThrowIfNull(html);
        html.Append("</body></html>\n");
    }

    /// <summary>Encodes text for HTML content and attribute values.</summary>
    /// <param name="text">Plain text.</param>
    /// <returns>The encoded text.</returns>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);
}
