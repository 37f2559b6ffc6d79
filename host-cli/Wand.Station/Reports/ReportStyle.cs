namespace Wand.Host.Reports;

/// <summary>The one look of the station reports: run reports and calibration reports use the same styles.</summary>
public static class ReportStyle
{
    /// <summary>The CSS of every station report page: badges by outcome, the verdict box, tables, plots with limit bands.</summary>
    public const string Css = """
        body{font-family:system-ui,sans-serif;margin:1.5em;color:#222;max-width:1100px}
        h1{margin:.2em 0} .badge{display:inline-block;padding:.15em .6em;border-radius:.3em;color:#fff;font-weight:bold;white-space:nowrap;overflow-wrap:normal}
        .PASS{background:#2e7d32}.FAIL{background:#c62828}.ERROR{background:#6a1b9a}.TIMEOUT{background:#ef6c00}.ABORTED{background:#546e7a}.SKIPPED{background:#9e9e9e}.UNSET{background:#9e9e9e}.MARGINAL{background:#f9a825}.CONSEQUENCE{background:#b0bec5;color:#263238}
        .verdict{border:2px solid #ccc;border-radius:.4em;padding:.6em 1em;margin:.5em 0 1em} .verdict-FAIL,.verdict-ERROR,.verdict-TIMEOUT{border-color:#c62828;background:#fff7f6} .verdict-ABORTED{border-color:#546e7a;background:#f5f7f8} .verdict-PASS{border-color:#2e7d32;background:#f3faf3} .verdict-MARGINAL{border-color:#f9a825;background:#fffbea}
        .verdict .cause{font-size:1.1em;margin:.3em 0} .verdict ul{margin:.2em 0 .2em 1.2em;padding:0} .consequence{color:#607d8b}
        table{border-collapse:collapse;margin:.5em 0 1em;max-width:100%}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left;font-size:.92em;overflow-wrap:anywhere}
        th{background:#f3f3f3;overflow-wrap:normal} tr.fail td{background:#fdecea} tr.unset td{color:#777} tr:target td{outline:2px solid #c62828}
        section.phase{border-top:2px solid #ddd;margin-top:1.5em} .message{color:#b71c1c}
        svg.plot{margin:.3em 1em .3em 0;background:#fff} svg .title{font-size:12px;font-weight:bold}
        svg .frame{fill:none;stroke:#999} svg .axis{stroke:#999}
        svg .ytick{font-size:10px;text-anchor:end} svg .xtick{font-size:10px;text-anchor:middle} svg .xlabel{font-size:10px;text-anchor:end} svg .ylabel{font-size:10px;text-anchor:middle}
        svg .series{fill:none;stroke:#1565c0;stroke-width:2} svg .limit{fill:#2e7d32;fill-opacity:.10} svg .limitedge{stroke:#2e7d32;stroke-dasharray:4 3} svg .limitlabel{font-size:10px;fill:#2e7d32}
        svg .target{stroke:#2e7d32;stroke-width:1} svg .fit{fill:none;stroke:#1565c0;stroke-width:1.5} svg .legendtext{font-size:10px;fill:#444} svg .nodata{font-size:13px;fill:#c62828;text-anchor:middle}
        .notmeasured{color:#c62828;font-style:italic}
        iframe.attachment{width:100%;height:1000px;border:1px solid #ccc}
        """;
}
