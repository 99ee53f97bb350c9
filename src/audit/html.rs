//! The audit report as one self-contained HTML page: inline CSS (a system font stack, CJK
//! included), inline SVG charts, no script and nothing fetched from the network. It reads on
//! screen and prints to PDF: a print stylesheet starts each section on a new page and keeps
//! table rows and findings whole. Every text from the run is escaped.

use std::fmt::Write as _;

use super::{AuditReport, Counts, Finding, Status, STAGES};
use crate::i18n::{self, Lang};

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
:root { --fg:#1d2433; --muted:#5b6475; --line:#d9dee7; --soft:#f5f7fa; --accent:#1f4e8c;
  --met:#2e7d32; --failed:#c62828; --waived:#b7791f; --na:#9aa3b2; }
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
.sev { font-weight: 600; } .sev.error { color: var(--failed); } .sev.warning { color: var(--waived); } .sev.note { color: var(--muted); }
table.matrix td { text-align: center; }
table.req, table.rules { table-layout: fixed; }
table.rules td { font-size: 12.5px; overflow-wrap: anywhere; }
td.nowrap { white-space: nowrap; }
ul.arts { list-style: none; margin: 0; padding: 0; }
ul.arts li { font-size: 12px; line-height: 1.45; overflow-wrap: anywhere; }
ul.arts li::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%; margin-right: 6px; vertical-align: 1px; background: var(--na); }
ul.arts li.met::before { background: var(--met); } ul.arts li.failed::before { background: var(--failed); } ul.arts li.waived::before { background: var(--waived); }
ul.arts li.failed b { color: var(--failed); } ul.arts li.waived b { color: var(--waived); }
ul.arts code { font-size: 11.5px; }
tbody th { text-transform: none; letter-spacing: 0; font-size: 13px; color: var(--fg); }
a { color: var(--accent); }
table.matrix td.empty { color: var(--na); }
.cnt { display: inline-block; min-width: 22px; margin: 0 2px; padding: 0 4px; border-radius: 4px; font-weight: 600; color: #fff; font-size: 12px; }
.cnt.met { background: var(--met); } .cnt.failed { background: var(--failed); } .cnt.waived { background: var(--waived); } .cnt.not-applicable { background: var(--na); }
.legend span { margin-right: 14px; color: var(--muted); font-size: 12.5px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
.artifact { border: 1px solid var(--line); border-radius: 8px; padding: 4px 16px 10px; margin: 14px 0; }
.artifact h3 { margin-top: 12px; word-break: break-all; }
.meta { color: var(--muted); margin: 0 0 8px; }
.finding { border-left: 4px solid var(--line); padding: 6px 12px; margin: 10px 0; background: #fcfcfd; }
.finding.error { border-left-color: var(--failed); } .finding.warning { border-left-color: var(--waived); } .finding.note { border-left-color: var(--na); }
.finding.suppressed { opacity: .85; border-left-style: dashed; }
.finding .head { font-weight: 600; }
.finding .head .rule { font-size: 13px; margin: 0 4px; }
.finding .head .loc { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 12px; font-weight: 400; color: var(--muted); word-break: break-all; }
.finding .msg code { background: var(--soft); padding: 0 3px; border-radius: 3px; }
.artifact h3 code { font-size: 15px; }
.finding .msg { margin: 2px 0; }
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
  tr, .finding, .tile, .chart { break-inside: avoid; }
  .tile { flex: 1 1 80px; padding: 6px 10px; }
  .artifact { break-inside: auto; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
"#;

const COLORS: [(Status, &str); 4] = [(Status::Met, "#2e7d32"), (Status::Failed, "#c62828"), (Status::Waived, "#b7791f"), (Status::NotApplicable, "#9aa3b2")];

fn count_of(c: &Counts, s: Status) -> usize {
    match s {
        Status::Met => c.met,
        Status::Failed => c.failed,
        Status::Waived => c.waived,
        Status::NotApplicable => c.not_applicable,
    }
}

/// A horizontal stacked bar chart: one bar per row, segments by status, widths relative to
/// the longest bar.
fn bar_chart(title: &str, rows: &[(String, Counts)], lang: Lang) -> String {
    let label_of = |s: Status| i18n::audit_text(s.label(), lang);
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
        x += 30 + label.chars().map(|c| if c.is_ascii() { 7 } else { 12 }).sum::<usize>();
    }
    for (i, (label, c)) in rows.iter().enumerate() {
        let y = TOP + i * ROW + 6;
        let _ = write!(s, r##"<text x="{}" y="{}" text-anchor="end" fill="#1d2433">{}</text>"##, LABEL - 10, y + 14, esc(label));
        let _ = write!(s, r##"<rect x="{LABEL}" y="{y}" width="{BAR}" height="20" fill="#f5f7fa"/>"##);
        let mut offset = 0usize;
        for (status, color) in COLORS {
            let n = count_of(c, status);
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

fn badge(class: &str, label: &str) -> String {
    format!(r#"<span class="badge {class}">{}</span>"#, esc(label))
}

fn counts_inline(c: &Counts, lang: Lang) -> String {
    if c.total() == 0 {
        return "—".to_string();
    }
    let mut s = String::new();
    for (status, _) in COLORS {
        let n = count_of(c, status);
        if n > 0 {
            let _ = write!(s, r#"<span class="cnt {}" title="{}">{n}</span>"#, status.as_str(), i18n::audit_text(status.label(), lang));
        }
    }
    s
}

/// A message with its `code spans` set as code, when the backticks pair up.
fn message(s: &str) -> String {
    if !s.matches('`').count().is_multiple_of(2) {
        return esc(s).replace('\n', "<br>");
    }
    s.split('`')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { format!("<code>{}</code>", esc(part)) } else { esc(part).replace('\n', "<br>") })
        .collect()
}

fn clauses(map: &std::collections::BTreeMap<String, String>) -> String {
    map.iter().map(|(k, v)| format!("<b>{}</b> {}", esc(k), esc(v))).collect::<Vec<_>>().join(" · ")
}

fn finding(out: &mut String, f: &Finding, lang: Lang) {
    let t = |s: &str| i18n::audit_text(s, lang);
    let class = if f.suppression.is_some() { format!("{} suppressed", f.severity) } else { f.severity.clone() };
    let waived = if f.suppression.is_some() { format!(" {}", badge("waived", &t("suppressed"))) } else { String::new() };
    let _ = write!(
        out,
        r#"<div class="finding {class}"><div class="head"><span class="sev {sev}">{word}</span> <code class="rule">{rule}</code> <span class="loc">{file}:{line}:{col}</span>{waived}</div><div class="msg">{msg}</div>"#,
        sev = esc(&f.severity),
        word = esc(&t(&f.severity)),
        rule = esc(&f.rule),
        file = esc(&f.file),
        line = f.line,
        col = f.column,
        msg = message(f.localized.as_ref().map_or(&f.message, |l| &l.message))
    );
    if !f.clauses.is_empty() {
        let _ = write!(out, r#"<div class="small">{}</div>"#, clauses(&f.clauses));
    }
    if let Some(s) = &f.suppression {
        let mut parts = vec![t(&format!("Suppressed ({})", t(s.kind.as_str())))];
        if let Some(r) = &s.reason {
            parts.push(esc(r));
        }
        if let Some(a) = &s.approved_by {
            parts.push(t(&format!("approved by {}", esc(a))));
        }
        if let Some(e) = &s.expires {
            parts.push(t(&format!("expires {}", esc(e))));
        }
        let _ = write!(out, r#"<div class="small">{}</div>"#, parts.join(if lang == Lang::En { ", " } else { "，" }));
    }
    if !f.excerpt.is_empty() {
        let width = f.excerpt.last().map(|l| l.line.to_string().len()).unwrap_or(1);
        out.push_str(r#"<pre class="excerpt">"#);
        let lines: Vec<String> = f.excerpt.iter().map(|l| format!(r#"<span class="ln">{:>width$} │ </span>{}"#, l.line, esc(&l.text))).collect();
        out.push_str(&lines.join("\n"));
        out.push_str("</pre>");
    }
    out.push_str("</div>\n");
}

/// The documents of a file, as `kind (format)`, with a count when several share them.
fn documents(docs: &[super::Document]) -> String {
    let mut groups: Vec<(String, usize)> = Vec::new();
    for d in docs {
        let key = format!("{} ({})", esc(&d.kind), esc(&d.format));
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => groups.push((key, 1)),
        }
    }
    groups.into_iter().map(|(k, n)| if n == 1 { k } else { format!("{k} × {n} documents") }).collect::<Vec<_>>().join("; ")
}

pub fn render(r: &AuditReport) -> String {
    render_in(r, Lang::En)
}

/// The page with its fixed texts, rule titles and messages in `lang` (ids, paths, digests and
/// clause references stay as they are).
pub fn render_in(r: &AuditReport, lang: Lang) -> String {
    let t = |s: &str| i18n::audit_text(s, lang);
    let h = &r.header;
    let s = &r.summary;
    let mut out = String::new();
    let repo = h.repository.clone().unwrap_or_else(|| t("(not a git repository)"));
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"govlint {}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        lang.tag(),
        esc(&h.tool.version),
        t(&format!("govlint audit report — {}", esc(&repo)))
    );

    // Header.
    let _ = writeln!(out, "<header class=\"cover\">\n<h1>{}</h1>", t("Governance audit report"));
    let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", t(&format!("{} · generated by govlint {} on {}", esc(&repo), esc(&h.tool.version), esc(&h.date))));
    out.push_str("<table class=\"facts\">\n");
    let mut fact = |k: &str, v: String| {
        let _ = writeln!(out, "<tr><th>{}</th><td>{v}</td></tr>", t(k));
    };
    fact("Repository", esc(&repo));
    fact("Branch", h.branch.as_deref().map(esc).unwrap_or_else(|| "—".to_string()));
    fact(
        "Commit",
        match (&h.commit, h.dirty) {
            (Some(c), Some(true)) => format!("<code>{}</code> — {}", esc(c), t("working tree has uncommitted changes")),
            (Some(c), _) => format!("<code>{}</code> — {}", esc(c), t("clean")),
            (None, Some(_)) => t("no commit yet"),
            (None, None) => t("not a git repository"),
        },
    );
    fact("Date", format!("{} <span class=\"small\">({})</span>", esc(&h.date), esc(&h.date_source)));
    fact("Waivers judged as of", esc(&h.waivers_as_of));
    fact("Tool", format!("{} {}", esc(&h.tool.name), esc(&h.tool.version)));
    let fws = esc(&h.frameworks.join(", "));
    fact("Frameworks", if h.frameworks_selected { fws } else { t(&format!("all: {fws}")) });
    fact(
        "Policy bundle",
        format!(
            "<code>sha256:{}</code> {}",
            esc(&h.policy_bundle.sha256),
            t(&format!("({} files{})", h.policy_bundle.files, if h.builtin_rules { "" } else { "; bundled rules not run" }))
        ),
    );
    if let Some(c) = &h.config {
        fact("Config", format!("<code>{}</code> <code>sha256:{}</code>", esc(&c.name), esc(&c.sha256)));
    }
    for p in &h.user_policies {
        fact("User policy", format!("<code>{}</code> <code>sha256:{}</code>", esc(&p.name), esc(&p.sha256)));
    }
    let schemas: Vec<String> = h.schemas.iter().map(|d| format!("<code>{}</code> <code>sha256:{}</code>", esc(&d.name), esc(&d.sha256))).collect();
    fact("Schemas", schemas.join("<br>"));
    out.push_str("</table>\n</header>\n");
    out.push_str("<nav class=\"toc\">");
    for (id, title) in [("summary", "Summary"), ("frameworks", "Frameworks"), ("artifacts", "Artifacts"), ("waivers", "Waivers"), ("rules", "Rule inventory")] {
        let _ = write!(out, "<a href=\"#{id}\">{}</a>", t(title));
    }
    out.push_str("</nav>\n");

    // Summary.
    let _ = writeln!(out, "<section id=\"summary\" class=\"page\">\n<h2>{}</h2>\n<div class=\"tiles\">", t("Summary"));
    let tiles = [
        ("", s.artifacts, "artifacts"),
        ("error", s.findings.error, "errors"),
        ("warning", s.findings.warning, "warnings"),
        ("", s.findings.note, "notes"),
        ("", s.findings.suppressed, "suppressed"),
    ];
    for (class, n, label) in tiles {
        let _ = writeln!(out, "<div class=\"tile {class}\"><div class=\"n\">{n}</div><div class=\"l\">{}</div></div>", t(label));
    }
    out.push_str("</div>\n<div class=\"charts\">\n");
    let by_layer: Vec<(String, Counts)> = s
        .matrix
        .iter()
        .map(|row| {
            let mut c = Counts::default();
            for cell in &row.cells {
                c.met += cell.counts.met;
                c.failed += cell.counts.failed;
                c.waived += cell.counts.waived;
                c.not_applicable += cell.counts.not_applicable;
            }
            (t(&row.layer), c)
        })
        .collect();
    let by_framework: Vec<(String, Counts)> = s.frameworks.iter().map(|f| (f.framework.clone(), f.counts)).collect();
    let _ = writeln!(out, "<div class=\"chart\">{}</div>", bar_chart(&t("Requirements by CAICT layer"), &by_layer, lang));
    let _ = writeln!(out, "<div class=\"chart\">{}</div>", bar_chart(&t("Requirements by framework"), &by_framework, lang));
    out.push_str("</div>\n");
    let _ = writeln!(out, "<h3>{}</h3>\n<p>{}</p>", t("Artifacts by kind"), t(&format!("{} files read, {} artifacts.", s.files, s.artifacts)));
    let _ = writeln!(out, "<table><thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>", t("Kind"), t("Files"));
    for (k, n) in &s.artifacts_by_kind {
        let _ = writeln!(out, "<tr><td>{}</td><td class=\"num\">{n}</td></tr>", esc(k));
    }
    let _ = writeln!(out, "</tbody></table>\n<h3>{}</h3>", t("Requirements by framework"));
    let _ = write!(out, "<table><thead><tr><th>{}</th>", t("Framework"));
    for h in ["Met", "Failed", "Waived", "Not applicable"] {
        let _ = write!(out, "<th class=\"num\">{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for f in &s.frameworks {
        let c = &f.counts;
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#fw-{id}\">{id}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            c.met,
            c.failed,
            c.waived,
            c.not_applicable,
            id = esc(&f.framework)
        );
    }
    let _ = writeln!(out, "</tbody></table>\n<h3>{}</h3>", t("CAICT compliance matrix"));
    out.push_str("<p class=\"legend\">");
    for (status, color) in COLORS {
        let _ = write!(out, "<span><i style=\"background:{color}\"></i>{}</span>", t(status.label()));
    }
    out.push_str("</p>\n");
    let _ = write!(out, "<table class=\"matrix\"><thead><tr><th>{}</th>", t("Layer \\ stage"));
    for st in STAGES {
        let _ = write!(out, "<th>{}</th>", t(st));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &s.matrix {
        let _ = write!(out, "<tr><th>{}</th>", esc(&t(&row.layer)));
        for c in &row.cells {
            let class = if c.counts.total() == 0 { " class=\"empty\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", counts_inline(&c.counts, lang));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n</section>\n");

    // Frameworks.
    let _ = writeln!(out, "<section id=\"frameworks\" class=\"page\">\n<h2>{}</h2>", t("Frameworks"));
    for f in &r.frameworks {
        let c = &f.counts;
        let _ = writeln!(out, "<h3 id=\"fw-{id}\">{id} — {}</h3>", esc(&t(&f.title)), id = esc(&f.id));
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}</p>",
            t(&format!("{} requirements: {} met, {} failed, {} waived, {} not applicable.", c.total(), c.met, c.failed, c.waived, c.not_applicable))
        );
        if f.requirements.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", t("No rule of this framework ran."));
            continue;
        }
        out.push_str("<table class=\"req\"><colgroup><col style=\"width:7%\"><col style=\"width:27%\"><col style=\"width:26%\"><col style=\"width:10%\"><col style=\"width:30%\"></colgroup><thead><tr>");
        for h in ["Rule", "Clause", "Requirement", "Status", "Applies to"] {
            let _ = write!(out, "<th>{}</th>", t(h));
        }
        out.push_str("</tr></thead><tbody>\n");
        for q in &f.requirements {
            let arts: Vec<String> = q
                .artifacts
                .iter()
                .map(|a| {
                    let label = t(a.status.label());
                    let word = if a.status == Status::Met { String::new() } else { format!(" <b>{label}</b>") };
                    format!("<li class=\"{}\" title=\"{label}\"><code>{}</code>{word}</li>", a.status.as_str(), esc(&a.file))
                })
                .collect();
            let arts = if arts.is_empty() { t("none found") } else { format!("<ul class=\"arts\">{}</ul>", arts.concat()) };
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#rule-{id}\"><code>{id}</code></a></td><td>{}</td><td>{}</td><td>{}</td><td>{arts}</td></tr>",
                esc(&q.clause),
                esc(&i18n::rule_doc(&q.rule, lang).and_then(|d| d.title).unwrap_or_else(|| q.title.clone())),
                badge(q.status.as_str(), &t(q.status.label())),
                id = esc(&q.rule)
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");

    // Artifacts.
    let _ = writeln!(out, "<section id=\"artifacts\" class=\"page\">\n<h2>{}</h2>", t("Artifacts"));
    for a in &r.artifacts {
        let _ = writeln!(out, "<div class=\"artifact\">\n<h3><code>{}</code></h3>", esc(&a.file));
        let docs = documents(&a.documents);
        let change = match &a.last_change {
            Some(c) => t(&format!(
                "last changed in <code>{}</code> by {} on {} — {}",
                esc(&c.commit[..c.commit.len().min(12)]),
                esc(&c.author),
                esc(&c.date),
                esc(&c.summary)
            )),
            None => t("not committed"),
        };
        let dirty = if a.uncommitted == Some(true) { t("; the working tree differs from the last commit") } else { String::new() };
        let _ = writeln!(out, "<p class=\"meta\">{docs} · {change}{dirty}</p>");
        if a.findings.is_empty() {
            let _ = writeln!(out, "<p class=\"ok\">{}</p>", t("No findings."));
        }
        for f in &a.findings {
            finding(&mut out, f, lang);
        }
        out.push_str("</div>\n");
    }
    if !r.other_findings.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"meta\">{}</p>",
            t("Other findings"),
            t("On files that are not artifacts: the config, files that could not be read.")
        );
        for f in &r.other_findings {
            finding(&mut out, f, lang);
        }
    }
    out.push_str("</section>\n");

    // Waivers.
    let _ = writeln!(out, "<section id=\"waivers\" class=\"page\">\n<h2>{}</h2>", t("Waivers"));
    if r.waivers.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", t("No waiver is configured."));
    } else {
        out.push_str("<table><thead><tr>");
        for h in ["Rule", "Scope", "Reason", "Approved by", "Expires", "Status"] {
            let _ = write!(out, "<th>{}</th>", t(h));
        }
        let _ = writeln!(out, "<th class=\"num\">{}</th></tr></thead><tbody>", t("Findings"));
        for w in &r.waivers {
            let mut scope = w.paths.iter().map(|p| format!("<code>{}</code>", esc(p))).collect::<Vec<_>>().join("<br>");
            if let Some(p) = &w.pointer {
                let _ = write!(scope, "<br>at <code>{}</code>", esc(p));
            }
            let _ = writeln!(
                out,
                "<tr><td><code>{}</code></td><td>{scope}</td><td>{}</td><td>{}</td><td class=\"nowrap\">{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                esc(&w.rule),
                esc(&w.reason),
                esc(&w.approved_by),
                w.expires.as_deref().map(esc).unwrap_or_else(|| "—".to_string()),
                badge(w.status.label(), &t(w.status.label())),
                w.findings
            );
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</section>\n");

    // Rules.
    let _ = writeln!(out, "<section id=\"rules\" class=\"page\">\n<h2>{}</h2>", t("Rule inventory"));
    out.push_str("<table class=\"rules\"><colgroup><col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:13%\"><col style=\"width:15%\"><col style=\"width:32%\"><col style=\"width:24%\"></colgroup><thead><tr>");
    for h in ["Rule", "Severity", "Kinds", "Layer / stage", "Frameworks", "Title"] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for q in &r.rules {
        let q = &crate::rules::localized(q, lang);
        let kinds = if q.kinds.is_empty() { t("any") } else { esc(&q.kinds.join(", ")) };
        let ls = match (&q.layer, &q.stage) {
            (Some(l), Some(s)) => format!("{}<br>{}", esc(&t(l)), esc(&t(s))),
            (Some(l), None) => esc(&t(l)),
            _ => "—".to_string(),
        };
        let fws: Vec<String> = q.frameworks.iter().map(|(k, v)| format!("<b>{}</b> {}", esc(k), esc(v))).collect();
        let _ = writeln!(
            out,
            "<tr id=\"rule-{id}\"><td><code>{id}</code></td><td><span class=\"sev {sev}\">{word}</span></td><td>{kinds}</td><td>{ls}</td><td>{}</td><td>{}<br><span class=\"small mono\">{}</span></td></tr>",
            fws.join("<br>"),
            esc(&q.title),
            esc(&q.source),
            id = esc(&q.id),
            sev = esc(&q.severity),
            word = esc(&t(&q.severity))
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
    let _ = writeln!(
        out,
        "<footer>{}</footer>",
        t(&format!(
            "Generated by govlint {} from commit {}. The JSON form of this report (<code>govlint report --format json</code>) is documented in docs/audit-report.md.",
            esc(&h.tool.version),
            h.commit.as_deref().map(esc).unwrap_or_else(|| "—".to_string())
        ))
    );
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(esc(r#"<script>"a" & 'b'</script>"#), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
    }
}
