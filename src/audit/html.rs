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

const COLORS: [(Status, &str); 5] = [
    (Status::Met, "#2e7d32"),
    (Status::Failed, "#c62828"),
    (Status::Waived, "#b7791f"),
    (Status::NoEvidence, "#6d4aa8"),
    (Status::NotApplicable, "#9aa3b2"),
];

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

fn badge(class: &str, label: &str) -> String {
    format!(r#"<span class="badge {class}">{}</span>"#, esc(label))
}

fn counts_inline(c: &Counts, lang: Lang) -> String {
    if c.total() == 0 {
        return "—".to_string();
    }
    let mut s = String::new();
    for (status, _) in COLORS {
        let n = c.get(status);
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

/// Findings a report shows with their source excerpts; above it, each finding is one line (the
/// JSON and Markdown keep every excerpt), so that a large repository's page stays readable.
pub const EXCERPTS_UP_TO: usize = 500;

/// One finding as a row of its artifact's table: severity, rule (linked to the inventory, which
/// gives its clauses), place, message, suppression, and the source excerpt when `excerpt`. The
/// optional end tags of rows and cells are left out (HTML allows it): a large repository has
/// thousands of rows.
fn finding(out: &mut String, f: &Finding, place: &str, excerpt: bool, lang: Lang) {
    let t = |s: &str| i18n::audit_text(s, lang);
    let class = match (f.severity.as_str(), f.suppression.is_some()) {
        ("error", false) => "e",
        ("error", true) => "\"e x\"",
        ("warning", false) => "w",
        ("warning", true) => "\"w x\"",
        (_, false) => "n",
        (_, true) => "\"n x\"",
    };
    let _ = write!(
        out,
        "<tr class={class}><td class=s>{word}<td><a href=\"#rule-{rule}\">{rule}</a><td class=loc>{place}{line}:{col}<td>{msg}",
        word = esc(&t(&f.severity)),
        rule = esc(&f.rule),
        line = f.line,
        col = f.column,
        msg = message(f.localized.as_ref().map_or(&f.message, |l| &l.message))
    );
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
        let _ = write!(out, r#"<div class="small">{} {}</div>"#, badge("waived", &t("suppressed")), parts.join(if lang == Lang::En { ", " } else { "，" }));
    }
    if excerpt && !f.excerpt.is_empty() {
        let width = f.excerpt.last().map(|l| l.line.to_string().len()).unwrap_or(1);
        out.push_str(r#"<pre class="excerpt">"#);
        let lines: Vec<String> = f.excerpt.iter().map(|l| format!(r#"<span class="ln">{:>width$} │ </span>{}"#, l.line, esc(&l.text))).collect();
        out.push_str(&lines.join("\n"));
        out.push_str("</pre>");
    }
    out.push('\n');
}

/// The findings of one artifact (or, `with_file`, of files that are not artifacts: the place
/// then names the file).
fn findings_table(out: &mut String, list: &[Finding], excerpt: bool, with_file: bool, lang: Lang) {
    out.push_str("<table class=\"findings\"><tbody>\n");
    for f in list {
        let place = if with_file { format!("{}:", esc(&f.file)) } else { String::new() };
        finding(out, f, &place, excerpt, lang);
    }
    out.push_str("</tbody></table>\n");
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

/// The head of the page, up to the opening of `<main>`.
fn page_start(out: &mut String, title: &str, version: &str, lang: Lang) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"govlint {}\">\n<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n",
        lang.tag(),
        esc(version),
    );
}

/// The facts of one repository's run: the rows of the header table.
fn facts(out: &mut String, h: &super::Header, lang: Lang) {
    let t = |s: &str| i18n::audit_text(s, lang);
    let repo = h.repository.clone().unwrap_or_else(|| t("(not a git repository)"));
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
    fact(
        "Repository profile",
        match (&h.profile, h.profile_line) {
            (Some(p), line) => {
                let at = line.map(|l| t(&format!(" (line {l})"))).unwrap_or_default();
                format!("{}{}", esc(&super::profile_text(p, lang)), esc(&at))
            }
            (None, _) => message(&t("none declared (`profile:` in govlint.yaml): each rule's applicability rests on the artifacts alone")),
        },
    );
    if !h.rules_off.is_empty() {
        fact("Rules turned off", esc(&h.rules_off.join(", ")));
    }
    for p in &h.user_policies {
        fact("User policy", format!("<code>{}</code> <code>sha256:{}</code>", esc(&p.name), esc(&p.sha256)));
    }
    let schemas: Vec<String> = h.schemas.iter().map(|d| format!("<code>{}</code> <code>sha256:{}</code>", esc(&d.name), esc(&d.sha256))).collect();
    fact("Schemas", schemas.join("<br>"));
    out.push_str("</table>\n");
}

/// The page with its fixed texts, rule titles and messages in `lang` (ids, paths, digests and
/// clause references stay as they are, but the CAICT roadmap's, which it names in Chinese).
pub fn render_in(r: &AuditReport, lang: Lang) -> String {
    let t = |s: &str| i18n::audit_text(s, lang);
    let h = &r.header;
    let mut out = String::new();
    let repo = h.repository.clone().unwrap_or_else(|| t("(not a git repository)"));
    page_start(&mut out, &t(&format!("govlint audit report — {}", esc(&repo))), &h.tool.version, lang);
    let _ = writeln!(out, "<header class=\"cover\">\n<h1>{}</h1>", t("Governance audit report"));
    let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", t(&format!("{} · generated by govlint {} on {}", esc(&repo), esc(&h.tool.version), esc(&h.date))));
    facts(&mut out, h, lang);
    out.push_str("</header>\n");
    toc(
        &mut out,
        &[("summary", "Summary"), ("frameworks", "Frameworks"), ("requirements", "Requirements by artifact"), ("artifacts", "Artifacts"), ("waivers", "Waivers"), ("rules", "Rule inventory")],
        lang,
    );
    let _ = writeln!(out, "<section id=\"summary\" class=\"page\">\n<h2>{}</h2>", t("Summary"));
    summary(&mut out, &r.summary, &r.frameworks, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"frameworks\" class=\"page\">\n<h2>{}</h2>", t("Frameworks"));
    frameworks(&mut out, &r.frameworks, "", "rule-", "Applies to", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"requirements\" class=\"page\">\n<h2>{}</h2>", t("Requirements by artifact"));
    requirement_lists(&mut out, &r.frameworks, &r.artifacts, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"artifacts\" class=\"page\">\n<h2>{}</h2>", t("Artifacts"));
    artifacts(&mut out, r, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"waivers\" class=\"page\">\n<h2>{}</h2>", t("Waivers"));
    waivers(&mut out, &r.waivers, lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"rules\" class=\"page\">\n<h2>{}</h2>", t("Rule inventory"));
    rules(&mut out, &r.rules, lang);
    out.push_str("</section>\n");
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

fn toc(out: &mut String, entries: &[(&str, &str)], lang: Lang) {
    out.push_str("<nav class=\"toc\">");
    for (id, title) in entries {
        let _ = write!(out, "<a href=\"#{id}\">{}</a>", i18n::audit_text(title, lang));
    }
    out.push_str("</nav>\n");
}

/// The summary of a report (or of a merged report): tiles, charts, framework table, matrix,
/// maturity. `prefix` keeps the anchors of several summaries on one page apart.
fn summary(out: &mut String, s: &super::Summary, fws: &[super::FrameworkSection], prefix: &str, lang: Lang) {
    let t = |x: &str| i18n::audit_text(x, lang);
    let without: std::collections::BTreeSet<&str> =
        fws.iter().flat_map(|f| &f.requirements).filter(|q| q.status == Status::NoEvidence).map(|q| q.rule.as_str()).collect();
    out.push_str("<div class=\"tiles\">\n");
    let tiles = [
        ("", s.artifacts, "artifacts"),
        ("error", s.findings.error, "errors"),
        ("warning", s.findings.warning, "warnings"),
        ("", s.findings.note, "notes"),
        ("", s.findings.suppressed, "suppressed"),
        ("", without.len(), "rules without evidence"),
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
                c.plus(&cell.counts);
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
    for h in ["Met", "Failed", "Waived", "No evidence", "Not applicable"] {
        let _ = write!(out, "<th class=\"num\">{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for f in &s.frameworks {
        let c = &f.counts;
        let _ = write!(out, "<tr><td><a href=\"#{prefix}fw-{id}\">{id}</a></td>", id = esc(&f.framework));
        for st in [Status::Met, Status::Failed, Status::Waived, Status::NoEvidence, Status::NotApplicable] {
            let _ = write!(out, "<td class=\"num\">{}</td>", c.get(st));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
    let _ = writeln!(out, "<p class=\"note\">{}</p>", message(&t(super::NO_EVIDENCE_NOTE)));
    let _ = writeln!(out, "<h3>{}</h3>", t("CAICT compliance matrix"));
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
    out.push_str("</tbody></table>\n");
    maturity(out, &s.maturity, prefix, lang);
}

fn maturity(out: &mut String, levels: &[super::maturity::LayerMaturity], prefix: &str, lang: Lang) {
    let t = |x: &str| i18n::audit_text(x, lang);
    let _ = writeln!(out, "<h3 id=\"{prefix}maturity\">{}</h3>\n<p class=\"small\">{}</p>", t("Maturity by CAICT layer"), message(&t(super::MATURITY_NOTE)));
    out.push_str("<table class=\"maturity\"><thead><tr>");
    for h in ["Layer", "Level", "Stage reached", "Held back at", "Gaps"] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for m in levels {
        let gaps: Vec<String> = m
            .gaps
            .iter()
            .map(|g| format!("<code>{}</code> {}", esc(&g.rule), badge(g.status.as_str(), &t(g.status.label()))))
            .collect();
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td class=\"level\">{} / 4 — {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&t(&m.layer)),
            m.level,
            esc(&t(super::maturity::level_name(m.level))),
            m.reached.as_deref().map(|s| esc(&t(s))).unwrap_or_else(|| "—".to_string()),
            m.held_at.as_deref().map(|s| esc(&t(s))).unwrap_or_else(|| "—".to_string()),
            if gaps.is_empty() { "—".to_string() } else { gaps.join("<br>") }
        );
    }
    out.push_str("</tbody></table>\n");
}

/// One artifact (or repository) of a requirement row.
fn art_item(rule: &str, a: &super::ArtifactStatus, lang: Lang) -> String {
    let label = i18n::audit_text(a.status.label(), lang);
    let word = if a.status == Status::Met { String::new() } else { format!(" <b>{label}</b>") };
    let why = a.reason.as_deref().map(|r| format!(" <span class=\"why\">— {}</span>", message(&i18n::reason_text(rule, r, lang)))).unwrap_or_default();
    format!("<li class=\"{}\" title=\"{label}\"><code>{}</code>{word}{why}</li>", a.status.as_str(), esc(&a.file))
}

/// The requirements of each framework. `rule_anchor` is where a rule id links to; `column` names
/// what a row lists (artifacts, or the repositories of a merged report).
fn frameworks(out: &mut String, fws: &[super::FrameworkSection], prefix: &str, rule_anchor: &str, column: &str, lang: Lang) {
    let t = |x: &str| i18n::audit_text(x, lang);
    for f in fws {
        let c = &f.counts;
        let _ = writeln!(out, "<h3 id=\"{prefix}fw-{id}\">{id} — {}</h3>", esc(&t(&f.title)), id = esc(&f.id));
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", c.sentence(lang));
        if f.requirements.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", t("No rule of this framework ran."));
            continue;
        }
        out.push_str("<table class=\"req\"><colgroup><col style=\"width:7%\"><col style=\"width:24%\"><col style=\"width:27%\"><col style=\"width:10%\"><col style=\"width:32%\"></colgroup><thead><tr>");
        for h in ["Rule", "Clause", "Requirement", "Status", column] {
            let _ = write!(out, "<th>{}</th>", t(h));
        }
        out.push_str("</tr></thead><tbody>\n");
        for q in &f.requirements {
            let mut order: Vec<&super::ArtifactStatus> = q.artifacts.iter().collect();
            order.sort_by(|a, b| (a.status, &a.file).cmp(&(b.status, &b.file)));
            let shown: String = order.iter().take(super::ROW_ARTIFACTS).map(|a| art_item(&q.rule, a, lang)).collect();
            let arts = if order.is_empty() {
                t("none found")
            } else if order.len() <= super::ROW_ARTIFACTS {
                format!("<ul class=\"arts\">{shown}</ul>")
            } else {
                let rest = super::counts_text(&q.counts, lang);
                format!(
                    "<ul class=\"arts\">{shown}</ul><a class=\"more\" href=\"#{prefix}req-{}\">{}</a>",
                    esc(&q.rule),
                    t(&format!("all {}: {rest} →", order.len()))
                )
            };
            let title = i18n::rule_doc(&q.rule, lang).and_then(|d| d.title).unwrap_or_else(|| q.title.clone());
            // What the rule judges: what to add where evidence is missing, else what a `met` rests on.
            let evidence = q.needs.as_ref().map(|n| i18n::rule_doc(&q.rule, lang).and_then(|d| d.evidence).unwrap_or_else(|| n.clone()));
            let needs = match (evidence, q.status == Status::NoEvidence || q.counts.no_evidence > 0, q.counts.met > 0) {
                (Some(n), true, _) => format!("<div class=\"needs\">{}: {}</div>", t("Needs"), message(&n)),
                (Some(n), false, true) => format!("<div class=\"judged\">{}: {}</div>", t("Evidence judged"), message(&n)),
                (None, false, true) => format!(
                    "<div class=\"judged\">{}: {}</div>",
                    t("Evidence judged"),
                    message(&t("its rule does not say what evidence it judges (no `custom.evidence.needs`); it is taken to read the whole documents of its kinds"))
                ),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#{rule_anchor}{id}\"><code>{id}</code></a></td><td>{}</td><td>{}{needs}</td><td>{}</td><td>{arts}</td></tr>",
                esc(&super::clause_in(&q.rule, &f.id, &q.clause, lang)),
                esc(&title),
                badge(q.status.as_str(), &t(q.status.label())),
                id = esc(&q.rule)
            );
        }
        out.push_str("</tbody></table>\n");
    }
}

fn artifacts(out: &mut String, r: &AuditReport, prefix: &str, lang: Lang) {
    let t = |x: &str| i18n::audit_text(x, lang);
    let total: usize = r.artifacts.iter().map(|a| a.findings.len()).sum::<usize>() + r.other_findings.len();
    let excerpts = total <= EXCERPTS_UP_TO;
    if !excerpts {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", t(&format!("{total} findings: each is shown on one line, without its source excerpt (the JSON and Markdown reports give every excerpt).")));
    }
    let dirs = dir_numbers(&r.artifacts);
    let mut dir = None;
    // Artifacts without findings are rows of one table, each with its provenance.
    let mut quiet: Vec<String> = Vec::new();
    let flush = |out: &mut String, quiet: &mut Vec<String>| {
        if !quiet.is_empty() {
            let _ = write!(out, "<table class=\"compact\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>\n{}</tbody></table>\n", t("No findings."), t("Provenance"), quiet.concat());
            quiet.clear();
        }
    };
    for a in &r.artifacts {
        // An anchor where each directory starts: the full lists of the requirements link here.
        let d = parent(&a.file);
        let anchor = if dir != Some(d) {
            dir = Some(d);
            format!(" id=\"{prefix}d{}\"", dirs.get(d).copied().unwrap_or(0))
        } else {
            String::new()
        };
        let docs = if a.documents.is_empty() { t(a.not_classified()) } else { documents(&a.documents) };
        let change = match &a.last_change {
            Some(c) => t(&format!(
                "last changed in <code>{}</code> by {} on {} — {}",
                esc(&c.commit[..c.commit.len().min(12)]),
                esc(&c.author),
                esc(&c.date[..c.date.len().min(10)]),
                esc(&cut(&c.summary, 72))
            )),
            None => t("not committed"),
        };
        let dirty = if a.uncommitted == Some(true) { t("; uncommitted changes") } else { String::new() };
        if a.findings.is_empty() {
            quiet.push(format!("<tr{anchor}><td><code>{}</code><td class=small>{docs} · {change}{dirty}\n", esc(&a.file)));
            continue;
        }
        flush(out, &mut quiet);
        let _ = writeln!(out, "<div class=\"artifact\"{anchor}>\n<h3><code>{}</code></h3>", esc(&a.file));
        let _ = writeln!(out, "<p class=\"meta\">{docs} · {change}{dirty}</p>");
        findings_table(out, &a.findings, excerpts, false, lang);
        out.push_str("</div>\n");
    }
    flush(out, &mut quiet);
    if !r.other_findings.is_empty() {
        let _ = writeln!(
            out,
            "<h3>{}</h3>\n<p class=\"meta\">{}</p>",
            t("Other findings"),
            t("On files that are not artifacts: the config, files that could not be read.")
        );
        findings_table(out, &r.other_findings, excerpts, true, lang);
    }
}

/// `s` cut to `n` characters, with an ellipsis when cut.
fn cut(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

/// Each directory of the artifacts, numbered in path order: the anchors of where they start.
fn dir_numbers(artifacts: &[super::ArtifactSection]) -> std::collections::BTreeMap<&str, usize> {
    let mut out = std::collections::BTreeMap::new();
    for a in artifacts {
        let n = out.len();
        out.entry(parent(&a.file)).or_insert(n);
    }
    out
}

/// The directory of a path, with its trailing slash (`""` at the top).
fn parent(file: &str) -> &str {
    file.rfind('/').map_or("", |i| &file[..=i])
}

/// Each requirement's artifacts, once per rule whatever the frameworks citing it, by status; the
/// not-applicable ones by reason. A directory whose artifacts all share the status is named once,
/// linked to where it starts in the artifact list; other files are listed by name under their
/// directory. Where a requirement's row shows only a few artifacts, "all …" leads here.
fn requirement_lists(page: &mut String, fws: &[super::FrameworkSection], artifacts: &[super::ArtifactSection], prefix: &str, lang: Lang) {
    let t = |x: &str| i18n::audit_text(x, lang);
    let mut per_dir: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for a in artifacts {
        *per_dir.entry(parent(&a.file)).or_insert(0) += 1;
    }
    // Without artifacts (the repositories of a merged report), names are listed as they are.
    let by_dirs = !artifacts.is_empty();
    let dirs = dir_numbers(artifacts);
    // A list already written, by its text: a rule with the same artifacts and statuses as an
    // earlier one (the deployment governance rules often have) refers to it.
    let mut written: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut reqs: Vec<&super::Requirement> = fws.iter().flat_map(|f| &f.requirements).filter(|q| q.artifacts.len() > super::ROW_ARTIFACTS).filter(|q| seen.insert(q.rule.clone())).collect();
    reqs.sort_by(|a, b| a.rule.cmp(&b.rule));
    if reqs.is_empty() {
        let _ = writeln!(page, "<p>{}</p>", t("Every requirement's row lists all its artifacts."));
        return;
    }
    for q in reqs {
        let title = i18n::rule_doc(&q.rule, lang).and_then(|d| d.title).unwrap_or_else(|| q.title.clone());
        let _ = writeln!(page, "<div class=\"reqlist\" id=\"{prefix}req-{id}\"><h4><code>{id}</code> {} {}</h4>", esc(&title), badge(q.status.as_str(), &t(q.status.label())), id = esc(&q.rule));
        let mut body = String::new();
        let out = &mut body;
        // (status, reason) → files, in path order.
        let mut groups: std::collections::BTreeMap<(Status, String), Vec<&str>> = std::collections::BTreeMap::new();
        for a in &q.artifacts {
            let reason = a.reason.as_deref().map(|x| i18n::reason_text(&q.rule, x, lang)).unwrap_or_default();
            groups.entry((a.status, reason)).or_default().push(a.file.as_str());
        }
        out.push_str("<ul class=\"groups\">");
        for ((status, reason), files) in &groups {
            let why = if reason.is_empty() { String::new() } else { format!(" — {}", message(reason)) };
            if !by_dirs {
                let names: Vec<String> = files.iter().map(|f| format!("<code>{}</code>", esc(f))).collect();
                let _ = write!(out, "<li class=\"{}\"><b>{}</b> ({}){why}: {}</li>", status.as_str(), t(status.label()), files.len(), names.join(", "));
                continue;
            }
            let mut by_dir: Vec<(&str, Vec<&str>)> = Vec::new();
            for f in files {
                let d = parent(f);
                match by_dir.last_mut() {
                    Some((last, names)) if *last == d => names.push(&f[d.len()..]),
                    _ => by_dir.push((d, vec![&f[d.len()..]])),
                }
            }
            let parts: Vec<String> = by_dir
                .iter()
                .map(|(d, names)| {
                    let all = per_dir.get(d).copied().unwrap_or(0);
                    let link = format!("<a href=\"#{prefix}d{}\">{}</a>", dirs.get(d).copied().unwrap_or(0), if d.is_empty() { "./".to_string() } else { esc(d) });
                    if names.len() == all && all > 1 {
                        format!("{link} {}", t(&format!("(all {all})")))
                    } else {
                        format!("{link} {}", names.iter().map(|n| esc(n)).collect::<Vec<_>>().join(", "))
                    }
                })
                .collect();
            let _ = write!(out, "<li class=\"{}\"><b>{}</b> ({}){why}: {}</li>", status.as_str(), t(status.label()), files.len(), parts.join("; "));
        }
        out.push_str("</ul>");
        let whole = match written.get(&body) {
            Some(first) => t(&format!("<p class=\"small\">The same artifacts, with the same statuses, as <a href=\"#{prefix}req-{first}\">{first}</a>.</p>")),
            None => {
                written.insert(body.clone(), esc(&q.rule));
                body
            }
        };
        let _ = writeln!(page, "{whole}</div>");
    }
}

fn waivers(out: &mut String, list: &[super::WaiverEntry], lang: Lang) {
    let t = |x: &str| i18n::audit_text(x, lang);
    if list.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", t("No waiver is configured."));
        return;
    }
    out.push_str("<table><thead><tr>");
    for h in ["Rule", "Scope", "Reason", "Approved by", "Expires", "Status"] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    let _ = writeln!(out, "<th class=\"num\">{}</th></tr></thead><tbody>", t("Findings"));
    for w in list {
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

fn rules(out: &mut String, list: &[crate::rules::RuleDoc], lang: Lang) {
    let t = |x: &str| i18n::audit_text(x, lang);
    out.push_str("<table class=\"rules\"><colgroup><col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:13%\"><col style=\"width:15%\"><col style=\"width:32%\"><col style=\"width:24%\"></colgroup><thead><tr>");
    for h in ["Rule", "Severity", "Kinds", "Layer / stage", "Frameworks", "Title"] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for q in list {
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
    out.push_str("</tbody></table>\n");
}

/// The merged report of several repositories: each one's facts, the combined summary,
/// framework table (a row per requirement, its status in each repository) and maturity, then a
/// section per repository.
pub fn render_merged_in(m: &super::merge::MergedReport, lang: Lang) -> String {
    let t = |s: &str| i18n::audit_text(s, lang);
    let mut out = String::new();
    page_start(&mut out, &t("govlint audit report — several repositories"), &m.header.tool.version, lang);
    let _ = writeln!(out, "<header class=\"cover\">\n<h1>{}</h1>", t("Governance audit report"));
    let _ = writeln!(
        out,
        "<p class=\"subtitle\">{}</p>",
        t(&format!("{} repositories · merged by govlint {} on {}", m.repositories.len(), esc(&m.header.tool.version), esc(&m.header.date)))
    );
    out.push_str("<table><thead><tr>");
    for h in ["Repository", "Commit", "Date", "Frameworks", "Policy bundle", "Input"] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for (i, (r, input)) in m.repositories.iter().zip(&m.header.inputs).enumerate() {
        let h = &r.header;
        let commit = match (&h.commit, h.dirty) {
            (Some(c), Some(true)) => format!("<code>{}</code> {}", esc(&c[..c.len().min(12)]), t("(uncommitted changes)")),
            (Some(c), _) => format!("<code>{}</code>", esc(&c[..c.len().min(12)])),
            _ => "—".to_string(),
        };
        let _ = writeln!(
            out,
            "<tr><td><a href=\"#r{i}\">{}</a></td><td>{commit}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td><code>{}</code></td></tr>",
            esc(&input.repository),
            esc(&h.date),
            esc(&h.frameworks.join(", ")),
            esc(&h.policy_bundle.sha256[..h.policy_bundle.sha256.len().min(12)]),
            esc(&input.file)
        );
    }
    out.push_str("</tbody></table>\n");
    for note in &m.header.notes {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", message(note));
    }
    out.push_str("</header>\n");
    let mut entries: Vec<(String, String)> = vec![("summary".into(), "Summary".into()), ("frameworks".into(), "Frameworks".into())];
    for (i, input) in m.header.inputs.iter().enumerate() {
        entries.push((format!("r{i}"), input.repository.clone()));
    }
    entries.push(("rules".into(), "Rule inventory".into()));
    out.push_str("<nav class=\"toc\">");
    for (id, title) in &entries {
        let _ = write!(out, "<a href=\"#{id}\">{}</a>", esc(&t(title)));
    }
    out.push_str("</nav>\n");
    let _ = writeln!(out, "<section id=\"summary\" class=\"page\">\n<h2>{}</h2>", t("Summary"));
    summary(&mut out, &m.summary, &m.frameworks, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"frameworks\" class=\"page\">\n<h2>{}</h2>", t("Frameworks"));
    frameworks(&mut out, &m.frameworks, "", "rule-", "Repositories", lang);
    requirement_lists(&mut out, &m.frameworks, &[], "", lang);
    out.push_str("</section>\n");
    for (i, (r, input)) in m.repositories.iter().zip(&m.header.inputs).enumerate() {
        let prefix = format!("r{i}-");
        let _ = writeln!(out, "<section id=\"r{i}\" class=\"page\">\n<h2>{}</h2>", esc(&input.repository));
        facts(&mut out, &r.header, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t("Summary"));
        summary(&mut out, &r.summary, &r.frameworks, &prefix, lang);
        frameworks(&mut out, &r.frameworks, &prefix, "rule-", "Applies to", lang);
        let _ = writeln!(out, "<h3>{}</h3>", t("Requirements by artifact"));
        requirement_lists(&mut out, &r.frameworks, &r.artifacts, &prefix, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t("Artifacts"));
        artifacts(&mut out, r, &prefix, lang);
        let _ = writeln!(out, "<h3>{}</h3>", t("Waivers"));
        waivers(&mut out, &r.waivers, lang);
        out.push_str("</section>\n");
    }
    let _ = writeln!(out, "<section id=\"rules\" class=\"page\">\n<h2>{}</h2>", t("Rule inventory"));
    rules(&mut out, &m.rules, lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<footer>{}</footer>", t(&format!("Merged by govlint {} from {} JSON reports (docs/audit-report.md, \"Merging reports\").", esc(&m.header.tool.version), m.repositories.len())));
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
