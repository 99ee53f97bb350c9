//! The page's style sheet and its small parts: status colours, bar charts, badges, counts.

use super::*;

pub(super) const CSS: &str = r#"
:root { --fg:#1d2433; --muted:#5b6475; --line:#d9dee7; --soft:#f5f7fa; --accent:#1f4e8c;
  --met:#2e7d32; --failed:#c62828; --waived:#b7791f; --na:#9aa3b2; --noev:#6d4aa8; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--fg); background: #fff; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto,
  "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1120px; margin: 0 auto; padding: 32px 40px 64px; }
h1 { font-size: 28px; margin: 0 0 4px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 16px; margin: 24px 0 8px; }
code, pre, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; font-size: 12.5px; }
.subtitle { color: var(--muted); margin: 0 0 20px; }
.cover { border-top: 6px solid var(--accent); padding-top: 20px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-weight: 600; font-size: 12.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.facts th { width: 220px; text-transform: none; letter-spacing: 0; font-size: 13px; background: none; }
table.facts td { word-break: break-all; }
nav.toc { margin: 16px 0 8px; padding: 10px 14px; background: var(--soft); border-radius: 6px; }
nav.toc a { color: var(--accent); text-decoration: none; margin-right: 18px; }
.tiles { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0 20px; }
.tile { flex: 1 1 140px; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.tile .n { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; }
.tile .l { color: var(--muted); font-size: 12.5px; }
.tile.error .n { color: var(--failed); } .tile.warning .n { color: var(--waived); }
.charts { display: flex; flex-wrap: wrap; gap: 24px; }
.chart { flex: 1 1 480px; }
.chart svg { width: 100%; height: auto; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; white-space: nowrap; }
.badge.met, .badge.active { background: var(--met); } .badge.failed, .badge.expired { background: var(--failed); }
.badge.waived, .badge.expiring { background: var(--waived); } .badge.not-applicable, .badge.unused { background: var(--na); }
.badge.no-evidence { background: var(--noev); }
.sev { font-weight: 600; } .sev.error { color: var(--failed); } .sev.warning { color: var(--waived); } .sev.note { color: var(--muted); }
table.matrix td { text-align: center; }
table.req, table.rules { table-layout: fixed; }
table.rules td { font-size: 12.5px; overflow-wrap: anywhere; }
td.nowrap { white-space: nowrap; }
ul.arts { list-style: none; margin: 0; padding: 0; }
ul.arts li { font-size: 12px; line-height: 1.45; overflow-wrap: anywhere; }
ul.arts li::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; vertical-align: 1px; background: var(--na); }
ul.arts li.met::before { background: var(--met); } ul.arts li.failed::before { background: var(--failed); } ul.arts li.waived::before { background: var(--waived); }
ul.arts li.no-evidence::before { background: var(--noev); }
ul.arts li.failed b { color: var(--failed); } ul.arts li.waived b { color: var(--waived); } ul.arts li.no-evidence b { color: var(--noev); }
ul.arts li .why { color: var(--muted); }
.needs { color: var(--noev); font-size: 12px; margin-top: 4px; }
.judged { color: var(--muted); font-size: 12px; margin-top: 4px; }
.note { background: var(--soft); border-left: 4px solid var(--noev); padding: 8px 12px; margin: 10px 0; }
table.maturity td.level { font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
ul.arts code { font-size: 11.5px; }
tbody th { text-transform: none; letter-spacing: 0; font-size: 13px; color: var(--fg); }
a { color: var(--accent); }
table.matrix td.empty { color: var(--na); }
.cnt { display: inline-block; min-width: 22px; margin: 0 2px; padding: 0 4px; border-radius: 4px; font-weight: 600; color: #fff; font-size: 12px; }
.cnt.met { background: var(--met); } .cnt.failed { background: var(--failed); } .cnt.waived { background: var(--waived); } .cnt.not-applicable { background: var(--na); }
.cnt.no-evidence { background: var(--noev); }
.legend span { margin-right: 14px; color: var(--muted); font-size: 12.5px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
.artifact { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 10px; margin: 14px 0; }
.artifact h3 { margin-top: 12px; word-break: break-all; }
.meta { color: var(--muted); margin: 0 0 8px; }
table.findings { table-layout: fixed; margin: 4px 0 8px; }
table.findings td { padding: 4px 8px; font-size: 13px; overflow-wrap: anywhere; }
table.findings td:nth-child(1) { width: 9%; } table.findings td:nth-child(2) { width: 9%; } table.findings td:nth-child(3) { width: 9%; }
table.findings tr.e td:first-child { border-left: 4px solid var(--failed); } table.findings tr.w td:first-child { border-left: 4px solid var(--waived); }
table.findings tr.n td:first-child { border-left: 4px solid var(--na); } table.findings tr.x { opacity: .85; }
table.findings td.s { font-weight: 600; } table.findings tr.e td.s { color: var(--failed); } table.findings tr.w td.s { color: var(--waived); }
table.findings td.loc, table.findings a, table.compact code { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; color: var(--muted); }
table.findings code { background: var(--soft); padding: 0 3px; border-radius: 3px; }
.artifact h3 code { font-size: 15px; }
a.more { font-size: 12px; }
.reqlist h4 { margin: 14px 0 4px; font-size: 14px; }
ul.groups { margin: 0 0 8px; padding-left: 18px; font-size: 12.5px; }
ul.groups li { overflow-wrap: anywhere; margin: 2px 0; }
ul.groups a { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
.small { color: var(--muted); font-size: 12.5px; }
pre.excerpt { margin: 6px 0 2px; padding: 8px 10px; background: var(--soft); border-radius: 4px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
pre.excerpt .ln { color: var(--na); user-select: none; }
.ok { color: var(--met); }
html:lang(zh-CN) body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
footer { margin-top: 48px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 11px; }
  main { max-width: none; padding: 0; }
  nav.toc { display: none; }
  section.page { break-before: page; }
  h2, h3 { break-after: avoid; }
  tr, .tile, .chart { break-inside: avoid; }
  .tile { flex: 1 1 80px; padding: 6px 10px; }
  .artifact { break-inside: auto; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"#;

pub(super) const COLORS: [(Status, &str); 5] = [
    (Status::Met, "#2e7d32"),
    (Status::Failed, "#c62828"),
    (Status::Waived, "#b7791f"),
    (Status::NoEvidence, "#6d4aa8"),
    (Status::NotApplicable, "#9aa3b2"),
];

/// A horizontal stacked bar chart: one bar per row, segments by status, widths relative to
/// the longest bar.
pub(super) fn bar_chart(title: &str, rows: &[(String, Counts)], lang: Lang) -> String {
    let label_of = |s: Status| Text::status(s).render(lang);
    const LABEL: usize = 170;
    const BAR: usize = 300;
    const ROW: usize = 28;
    const TOP: usize = 40;
    let height = TOP + rows.len() * ROW + 8;
    let width = LABEL + BAR + 40;
    let max = rows.iter().map(|(_, c)| c.total()).max().unwrap_or(0).max(1);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-label="{t}" font-family="system-ui, sans-serif, 'Noto Sans CJK SC'" font-size="12">"#,
        t = esc(title)
    );
    let _ = write!(s, r##"<text x="0" y="14" font-size="13" font-weight="600" fill="#1d2433">{}</text>"##, esc(title));
    let mut x = 0;
    for (status, color) in COLORS {
        let label = label_of(status);
        let _ = write!(s, r##"<rect x="{x}" y="24" width="10" height="10" rx="2" fill="{color}"/><text x="{}" y="33" fill="#5b6475">{label}</text>"##, x + 14);
        // A Chinese character is about as wide as the font size, a Latin letter about half.
        x += 24 + label.chars().map(|c| if c.is_ascii() { 7 } else { 12 }).sum::<usize>();
    }
    for (i, (label, c)) in rows.iter().enumerate() {
        let y = TOP + i * ROW + 6;
        let _ = write!(s, r##"<text x="{}" y="{}" text-anchor="end" fill="#1d2433">{}</text>"##, LABEL - 10, y + 14, esc(label));
        let _ = write!(s, r##"<rect x="{LABEL}" y="{y}" width="{BAR}" height="20" fill="#f5f7fa"/>"##);
        let mut offset = 0usize;
        for (status, color) in COLORS {
            let n = c.get(status);
            if n == 0 {
                continue;
            }
            let w = n * BAR / max;
            let _ = write!(
                s,
                r#"<rect x="{}" y="{y}" width="{w}" height="20" fill="{color}"><title>{}: {n} {}</title></rect>"#,
                LABEL + offset,
                esc(label),
                label_of(status)
            );
            if w >= 18 {
                let _ = write!(s, r##"<text x="{}" y="{}" text-anchor="middle" fill="#fff" font-weight="600">{n}</text>"##, LABEL + offset + w / 2, y + 14);
            }
            offset += w;
        }
        let _ = write!(s, r##"<text x="{}" y="{}" fill="#5b6475">{}</text>"##, LABEL + offset + 6, y + 14, c.total());
    }
    s.push_str("</svg>");
    s
}

pub(super) fn badge(class: &str, label: &str) -> String {
    format!(r#"<span class="badge {class}">{}</span>"#, esc(label))
}

pub(super) fn counts_inline(c: &Counts, lang: Lang) -> String {
    if c.total() == 0 {
        return "—".to_string();
    }
    let mut s = String::new();
    for (status, _) in COLORS {
        let n = c.get(status);
        if n > 0 {
            let _ = write!(s, r#"<span class="cnt {}" title="{}">{n}</span>"#, status.as_str(), Text::status(status).render(lang));
        }
    }
    s
}
