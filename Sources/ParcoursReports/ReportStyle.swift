// SPDX-License-Identifier: GPL-3.0-or-later
//
// The report's only stylesheet, inline: screen and print. On paper each `.sheet` is one A4
// landscape page; the person grid of a 30-person week fits on its page (7 pt, 4.3 mm rows).

package enum ReportStyle {
    /// Pastel backgrounds for activities (dark text stays readable on each), by activity order.
    static let palette = ["#cfe8cf", "#cfe0f5", "#f7dcc4", "#e6d5f0", "#f5f0b8", "#c9ece8",
                          "#f3cfd9", "#dfe6c2", "#d9d9f3", "#f0e0c8", "#c8e4f0", "#ead1c1"]

    static func colour(activity a: Int) -> String { palette[a % palette.count] }

    static func activityRules(count: Int) -> String {
        (0..<count).map { ".act-\($0) { background: \(colour(activity: $0)); }" }.joined(separator: "\n")
    }

    package static let css = """
    :root { --ink: #1d232a; --muted: #5b6670; --line: #c5ccd3; --short: #c62828; --away: #e4e6e8; }
    * { box-sizing: border-box; }
    body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 16px; font-size: 13px; }
    h1 { font-size: 20px; margin: 0 0 2px; }
    h2 { font-size: 16px; margin: 18px 0 6px; }
    h3 { font-size: 14px; margin: 12px 0 4px; }
    p.meta { color: var(--muted); margin: 0 0 8px; }
    table { border-collapse: collapse; }
    th, td { border: 1px solid var(--line); padding: 2px 4px; text-align: left; vertical-align: top; }
    thead th { background: #f1f3f5; font-weight: 600; }
    .grid { width: 100%; table-layout: fixed; }
    .grid td.cell { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    .grid th.who { width: 13em; }
    .grid th.total { width: 8.5em; }
    td.away { background: repeating-linear-gradient(135deg, var(--away) 0 4px, #f6f7f8 4px 8px); color: var(--muted); }
    td.training { background: #fff; outline: 2px dashed #6a4c93; outline-offset: -3px; font-style: italic; }
    td.closed { background: #f6f7f8; color: var(--muted); }
    td.short, .short-mark { color: var(--short); font-weight: 700; }
    td.short { box-shadow: inset 0 0 0 2px var(--short); }
    td.under { color: var(--short); font-weight: 700; }
    tr.group th { background: #e9ecef; text-align: left; }
    .sub { display: block; color: var(--muted); font-size: 0.85em; overflow: hidden; text-overflow: ellipsis; }
    .legend { display: flex; flex-wrap: wrap; gap: 4px 12px; margin: 6px 0; font-size: 0.9em; }
    .legend span.swatch { display: inline-block; width: 1.1em; height: 0.9em; border: 1px solid var(--line); vertical-align: middle; margin-right: 3px; }
    .terms td.value { text-align: right; font-variant-numeric: tabular-nums; }
    ul.notes li { margin: 2px 0; }
    .charts { display: flex; flex-wrap: wrap; gap: 12px 28px; }
    figure { margin: 0; }
    figcaption { font-weight: 600; margin-bottom: 4px; }
    svg text { font-family: inherit; font-size: 10px; fill: var(--ink); }
    .status { font-size: 1.05em; }
    .person-sheet table { width: 100%; table-layout: fixed; }
    .person-sheet td { height: 3.2em; }
    @page { size: A4 landscape; margin: 8mm; }
    @media print {
      body { margin: 0; font-size: 9pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .sheet { break-after: page; page-break-after: always; }
      .sheet:last-child { break-after: auto; page-break-after: auto; }
      h1 { font-size: 13pt; }
      h2 { font-size: 11pt; margin: 4px 0 3px; }
      .person-grid table, .workshop-grid table { font-size: 7pt; }
      .person-grid th, .person-grid td { padding: 0.2mm 0.8mm; height: 4.3mm; line-height: 1.1; }
      .person-grid .sub { display: inline; margin-left: 0.6em; }
      .person-grid h1 { font-size: 11pt; }
      .person-grid p.meta { font-size: 7pt; margin: 0 0 1mm; }
      .legend { font-size: 7pt; margin: 1mm 0 0; }
      .workshop-grid th, .workshop-grid td { padding: 0.3mm 0.8mm; }
      .charts svg { max-height: 170mm; }
    }
    """
}
