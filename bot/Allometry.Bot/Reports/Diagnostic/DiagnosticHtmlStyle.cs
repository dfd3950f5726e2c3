namespace Allometry.Bot.Reports.Diagnostic;

/// <summary>
/// The report's only style sheet, inlined in the page: system fonts (no download), a print layout
/// in black on white with page breaks between the long sections, and chart colours as classes so
/// print can turn them to greys.
/// </summary>
internal static class DiagnosticHtmlStyle
{
    public const string Css = """
        :root {
          --ink: #17202c; --muted: #5a6475; --line: #dde2ea; --panel: #f5f7fa; --accent: #163a5f; --accent-soft: #e8eef5;
          --critical: #a11d1d; --high: #c4511a; --medium: #b9821c; --low: #3b7d5b; --info: #66707f;
        }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; color: var(--ink); background: #fff;
               font: 14px/1.5 "Segoe UI", "Helvetica Neue", Roboto, "Liberation Sans", Arial, sans-serif; }
        .wrap { max-width: 1160px; margin: 0 auto; padding: 0 36px; }
        header.masthead { background: var(--accent); color: #fff; padding: 26px 0 22px; }
        .brand { font-size: 12px; letter-spacing: .16em; text-transform: uppercase; opacity: .8; font-weight: 600; }
        h1 { font-size: 30px; line-height: 1.2; margin: 6px 0 6px; font-weight: 700; }
        .meta { font-size: 14px; opacity: .92; }
        .meta span + span::before { content: "·"; margin: 0 8px; opacity: .7; }
        main { padding-bottom: 40px; }
        .kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 12px; margin: 22px 0 8px; }
        .kpi { border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fff; }
        .kpi .label { font-size: 11px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; font-weight: 600; }
        .kpi .value { font-size: 21px; font-weight: 700; margin-top: 4px; white-space: nowrap; font-variant-numeric: tabular-nums; }
        .kpi .sub { font-size: 12px; color: var(--muted); }
        .kpi.alert { border-color: #e7c3c3; background: #fcf5f5; }
        .kpi.alert .value { color: var(--critical); }
        section { margin: 30px 0 0; }
        h2 { font-size: 18px; margin: 0 0 14px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 14px; margin: 0 0 6px; }
        p { margin: 0 0 8px; }
        .note { font-size: 12px; color: var(--muted); margin-top: 8px; }
        .split { display: grid; grid-template-columns: 1.05fr 1fr; gap: 28px; align-items: start; }
        figure { margin: 0; }
        figcaption { font-size: 12px; color: var(--muted); margin-top: 4px; }
        table { border-collapse: collapse; width: 100%; font-size: 13px; }
        caption { text-align: left; font-size: 12px; color: var(--muted); padding-bottom: 4px; }
        th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
        th { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tfoot td { font-weight: 700; border-top: 2px solid var(--ink); border-bottom: none; }
        .chart text { font-family: inherit; }
        .chart .label { font-size: 12px; fill: var(--ink); }
        .chart .value { font-size: 11.5px; fill: var(--ink); font-weight: 600; }
        .chart .axis { stroke: #9aa3b1; stroke-width: 1; }
        .chart .marker { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 3 2; }
        .b-current { fill: #2f6e95; } .b-1 { fill: #7a9cc0; } .b-31 { fill: #d7a23f; } .b-61 { fill: #cf6b2b; } .b-90 { fill: #a11d1d; }
        .s-Critical { fill: var(--critical); } .s-High { fill: var(--high); } .s-Medium { fill: var(--medium); }
        .s-Low { fill: var(--low); } .s-Info { fill: var(--info); }
        .g-linked { fill: #2f6e95; } .g-single { fill: #9fb2c8; } .g-over { fill: var(--critical); }
        .pill { display: inline-block; padding: 1px 9px; border-radius: 10px; font-size: 11px; font-weight: 700; color: #fff;
                letter-spacing: .03em; text-transform: uppercase; vertical-align: 2px; }
        .p-Critical { background: var(--critical); } .p-High { background: var(--high); } .p-Medium { background: var(--medium); }
        .p-Low { background: var(--low); } .p-Info { background: var(--info); }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; }
        .card { border: 1px solid var(--line); border-radius: 8px; padding: 14px; background: var(--panel); }
        .card .big { font-size: 21px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .card ul { margin: 8px 0 0; padding-left: 16px; font-size: 12.5px; }
        .card li { margin-bottom: 3px; }
        .card .line { font-size: 12.5px; color: var(--muted); }
        .na { color: var(--muted); font-style: italic; font-size: 12.5px; }
        .metrics { display: grid; grid-template-columns: repeat(4, 1fr); gap: 14px; }
        .metric { border: 1px solid var(--line); border-radius: 8px; padding: 14px; }
        .metric .big { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .metric .big.na { font-size: 18px; font-weight: 600; }
        .metric .formula { font-size: 12px; color: var(--muted); margin-top: 4px; }
        ol.items { list-style: none; padding: 0; margin: 0; }
        ol.items > li { border: 1px solid var(--line); border-left: 5px solid var(--info); border-radius: 6px; padding: 12px 16px; margin-bottom: 12px; break-inside: avoid; }
        ol.items > li.l-Critical { border-left-color: var(--critical); } ol.items > li.l-High { border-left-color: var(--high); }
        ol.items > li.l-Medium { border-left-color: var(--medium); } ol.items > li.l-Low { border-left-color: var(--low); }
        .item-head { display: flex; gap: 10px; align-items: baseline; }
        .item-head .rank { color: var(--muted); font-weight: 700; min-width: 22px; }
        .item-head .title { font-weight: 700; flex: 1; }
        .item-head .amount { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .item-meta { font-size: 12px; color: var(--muted); margin: 2px 0 6px 32px; }
        .item-body { margin-left: 32px; }
        .item-body table { font-size: 12px; margin-top: 6px; }
        .action { background: var(--accent-soft); border-radius: 4px; padding: 6px 10px; font-size: 13px; margin-top: 6px; }
        ul.missing { padding-left: 18px; margin: 0 0 14px; }
        ul.missing li { margin-bottom: 6px; }
        code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12px; background: var(--panel); padding: 0 4px; border-radius: 3px; }
        footer { border-top: 1px solid var(--line); margin-top: 36px; padding: 14px 0 28px; font-size: 12px; color: var(--muted); }
        @media (max-width: 900px) { .kpis { grid-template-columns: repeat(3, 1fr); } .split, .cards, .metrics { grid-template-columns: 1fr 1fr; } }
        @media print {
          @page { size: letter; margin: 14mm 12mm; }
          body { font-size: 10pt; color: #000; background: #fff; }
          .wrap { max-width: none; padding: 0; }
          header.masthead { background: #fff; color: #000; border-bottom: 3px solid #000; padding: 0 0 8px; }
          .kpis { grid-template-columns: repeat(3, 1fr); }
          .kpi, .card, .metric, ol.items > li { background: #fff; border-color: #000; }
          .kpi.alert { background: #fff; } .kpi.alert .value { color: #000; }
          .kpi .label, .kpi .sub, th, .note, .na, .item-meta, .metric .formula, figcaption, footer { color: #000; }
          .split { grid-template-columns: 1fr; gap: 10px; }
          .cards, .metrics { grid-template-columns: 1fr 1fr; }
          section, figure, table, .card, .metric { break-inside: avoid; }
          h2 { break-after: avoid; }
          section.page { break-before: page; }
          .pill { background: #fff !important; color: #000; border: 1px solid #000; }
          .action { background: #fff; border: 1px solid #000; }
          ol.items > li { border-left-color: #000 !important; }
          .b-current, .g-single { fill: #c8c8c8; } .b-1 { fill: #a8a8a8; } .b-31 { fill: #888; } .b-61 { fill: #585858; } .b-90, .g-over { fill: #000; }
          .g-linked { fill: #6e6e6e; }
          .s-Critical { fill: #000; } .s-High { fill: #444; } .s-Medium { fill: #777; } .s-Low, .s-Info { fill: #aaa; }
        }
        """;
}
