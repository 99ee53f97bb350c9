//! The audit report as one self-contained HTML page: inline CSS (a system font stack, CJK
//! included), inline SVG charts, no script and nothing fetched from the network. It reads on
//! screen and prints to PDF: a print stylesheet starts each section on a new page and keeps
//! table rows and findings whole. Every text from the run is escaped.

use std::fmt::Write as _;

use super::text::{self, Text};
use super::{AuditReport, Counts, Finding, Stage, Status};
use crate::i18n::{self, Lang};

mod widgets;
mod merged;

use widgets::*;
pub use merged::*;

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
    let t = |x: Text| x.render(lang);
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
        word = esc(&text::severity_in(&f.severity, lang)),
        rule = esc(&f.rule),
        line = f.line,
        col = f.column,
        msg = message(f.localized.as_ref().map_or(&f.message, |l| &l.message))
    );
    if let Some(s) = &f.suppression {
        let mut parts = vec![t(Text::SuppressedBadge { kind: &t(Text::suppression(s.kind)) })];
        if let Some(r) = &s.reason {
            parts.push(esc(r));
        }
        if let Some(a) = &s.approved_by {
            parts.push(t(Text::ApprovedBy { who: &esc(a) }));
        }
        if let Some(e) = &s.expires {
            parts.push(t(Text::ExpiresOn { date: &esc(e) }));
        }
        let _ = write!(out, r#"<div class="small">{} {}</div>"#, badge("waived", &t(Text::Suppressed)), parts.join(if lang == Lang::En { ", " } else { "，" }));
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
    let t = |x: Text| x.render(lang);
    let repo = h.repository.clone().unwrap_or_else(|| t(Text::NoRepository));
    out.push_str("<table class=\"facts\">\n");
    let mut fact = |k: Text, v: String| {
        let _ = writeln!(out, "<tr><th>{}</th><td>{v}</td></tr>", t(k));
    };
    fact(Text::Repository, esc(&repo));
    fact(Text::Branch, h.branch.as_deref().map(esc).unwrap_or_else(|| "—".to_string()));
    fact(
        Text::Commit,
        match (&h.commit, h.dirty) {
            (Some(c), Some(true)) => format!("<code>{}</code> — {}", esc(c), t(Text::Dirty)),
            (Some(c), _) => format!("<code>{}</code> — {}", esc(c), t(Text::Clean)),
            (None, Some(_)) => t(Text::NoCommitYet),
            (None, None) => t(Text::NotAGitRepository),
        },
    );
    fact(Text::Date, format!("{} <span class=\"small\">({})</span>", esc(&h.date), esc(&h.date_source)));
    fact(Text::WaiversAsOf, esc(&h.waivers_as_of));
    fact(Text::Tool, format!("{} {}", esc(&h.tool.name), esc(&h.tool.version)));
    let fws = esc(&h.frameworks.join(", "));
    fact(Text::Frameworks, if h.frameworks_selected { fws } else { t(Text::AllFrameworks { list: &fws }) });
    let files = &h.policy_bundle.files;
    let bundle = t(if h.builtin_rules { Text::BundleFiles { files } } else { Text::BundleFilesNotRun { files } });
    fact(Text::PolicyBundle, format!("<code>sha256:{}</code> {bundle}", esc(&h.policy_bundle.sha256)));
    if let Some(c) = &h.config {
        fact(Text::Config, format!("<code>{}</code> <code>sha256:{}</code>", esc(&c.name), esc(&c.sha256)));
    }
    fact(
        Text::RepositoryProfile,
        match (&h.profile, h.profile_line) {
            (Some(p), line) => {
                let at = line.map(|line| t(Text::AtLine { line: &line })).unwrap_or_default();
                format!("{}{}", esc(&super::profile_text(p, lang)), esc(&at))
            }
            (None, _) => message(&t(Text::NoProfile)),
        },
    );
    if !h.rules_off.is_empty() {
        fact(Text::RulesTurnedOff, esc(&h.rules_off.join(", ")));
    }
    for p in &h.user_policies {
        fact(Text::UserPolicy, format!("<code>{}</code> <code>sha256:{}</code>", esc(&p.name), esc(&p.sha256)));
    }
    let schemas: Vec<String> = h.schemas.iter().map(|d| format!("<code>{}</code> <code>sha256:{}</code>", esc(&d.name), esc(&d.sha256))).collect();
    fact(Text::Schemas, schemas.join("<br>"));
    out.push_str("</table>\n");
}

/// The page with its fixed texts, rule titles and messages in `lang` (ids, paths, digests and
/// clause references stay as they are, but the CAICT roadmap's, which it names in Chinese).
pub fn render(r: &AuditReport, lang: Lang) -> String {
    let t = |x: Text| x.render(lang);
    let h = &r.header;
    let mut out = String::new();
    let repo = esc(&h.repository.clone().unwrap_or_else(|| t(Text::NoRepository)));
    page_start(&mut out, &t(Text::PageTitle { repository: &repo }), &h.tool.version, lang);
    let _ = writeln!(out, "<header class=\"cover\">\n<h1>{}</h1>", t(Text::Title));
    let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", t(Text::Generated { repository: &repo, version: &esc(&h.tool.version), date: &esc(&h.date) }));
    facts(&mut out, h, lang);
    out.push_str("</header>\n");
    toc(
        &mut out,
        &[
            ("summary", Text::Summary),
            ("frameworks", Text::Frameworks),
            ("requirements", Text::RequirementsByArtifact),
            ("artifacts", Text::Artifacts),
            ("waivers", Text::Waivers),
            ("rules", Text::RuleInventory),
        ],
        lang,
    );
    let _ = writeln!(out, "<section id=\"summary\" class=\"page\">\n<h2>{}</h2>", t(Text::Summary));
    summary(&mut out, &r.summary, &r.frameworks, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"frameworks\" class=\"page\">\n<h2>{}</h2>", t(Text::Frameworks));
    frameworks(&mut out, &r.frameworks, "", "rule-", Text::AppliesTo, lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"requirements\" class=\"page\">\n<h2>{}</h2>", t(Text::RequirementsByArtifact));
    requirement_lists(&mut out, &r.frameworks, &r.artifacts, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"artifacts\" class=\"page\">\n<h2>{}</h2>", t(Text::Artifacts));
    artifacts(&mut out, r, "", lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"waivers\" class=\"page\">\n<h2>{}</h2>", t(Text::Waivers));
    waivers(&mut out, &r.waivers, lang);
    out.push_str("</section>\n");
    let _ = writeln!(out, "<section id=\"rules\" class=\"page\">\n<h2>{}</h2>", t(Text::RuleInventory));
    rules(&mut out, &r.rules, lang);
    out.push_str("</section>\n");
    let _ = writeln!(
        out,
        "<footer>{}</footer>",
        t(Text::Footer { version: &esc(&h.tool.version), commit: &h.commit.as_deref().map(esc).unwrap_or_else(|| "—".to_string()) })
    );
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn toc(out: &mut String, entries: &[(&str, Text)], lang: Lang) {
    out.push_str("<nav class=\"toc\">");
    for (id, title) in entries {
        let _ = write!(out, "<a href=\"#{id}\">{}</a>", title.render(lang));
    }
    out.push_str("</nav>\n");
}

/// The summary of a report (or of a merged report): tiles, charts, framework table, matrix,
/// maturity. `prefix` keeps the anchors of several summaries on one page apart.
fn summary(out: &mut String, s: &super::Summary, fws: &[super::FrameworkSection], prefix: &str, lang: Lang) {
    let t = |x: Text| x.render(lang);
    let without: std::collections::BTreeSet<&str> =
        fws.iter().flat_map(|f| &f.requirements).filter(|q| q.status == Status::NoEvidence).map(|q| q.rule.as_str()).collect();
    out.push_str("<div class=\"tiles\">\n");
    let tiles = [
        ("", s.artifacts, Text::ArtifactsTile),
        ("error", s.findings.error, Text::Errors),
        ("warning", s.findings.warning, Text::Warnings),
        ("", s.findings.note, Text::Notes),
        ("", s.findings.suppressed, Text::Suppressed),
        ("", without.len(), Text::RulesWithoutEvidence),
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
            (text::layer_in(&row.layer, lang), c)
        })
        .collect();
    let by_framework: Vec<(String, Counts)> = s.frameworks.iter().map(|f| (f.framework.clone(), f.counts)).collect();
    let _ = writeln!(out, "<div class=\"chart\">{}</div>", bar_chart(&t(Text::RequirementsByLayer), &by_layer, lang));
    let _ = writeln!(out, "<div class=\"chart\">{}</div>", bar_chart(&t(Text::RequirementsByFramework), &by_framework, lang));
    out.push_str("</div>\n");
    let _ = writeln!(out, "<h3>{}</h3>\n<p>{}</p>", t(Text::ArtifactsByKind), t(Text::FilesRead { files: &s.files, artifacts: &s.artifacts }));
    let _ = writeln!(out, "<table><thead><tr><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>", t(Text::Kind), t(Text::Files));
    for (k, n) in &s.artifacts_by_kind {
        let _ = writeln!(out, "<tr><td>{}</td><td class=\"num\">{n}</td></tr>", esc(k));
    }
    let _ = writeln!(out, "</tbody></table>\n<h3>{}</h3>", t(Text::RequirementsByFramework));
    let _ = write!(out, "<table><thead><tr><th>{}</th>", t(Text::Framework));
    for h in [Text::MetHeading, Text::FailedHeading, Text::WaivedHeading, Text::NoEvidenceHeading, Text::NotApplicableHeading] {
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
    let _ = writeln!(out, "<p class=\"note\">{}</p>", message(&t(Text::NoEvidenceNote)));
    let _ = writeln!(out, "<h3>{}</h3>", t(Text::ComplianceMatrix));
    out.push_str("<p class=\"legend\">");
    for (status, color) in COLORS {
        let _ = write!(out, "<span><i style=\"background:{color}\"></i>{}</span>", t(Text::status(status)));
    }
    out.push_str("</p>\n");
    let _ = write!(out, "<table class=\"matrix\"><thead><tr><th>{}</th>", t(Text::LayerByStage));
    for st in Stage::ALL {
        let _ = write!(out, "<th>{}</th>", t(Text::stage(st)));
    }
    out.push_str("</tr></thead><tbody>\n");
    for row in &s.matrix {
        let _ = write!(out, "<tr><th>{}</th>", esc(&text::layer_in(&row.layer, lang)));
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
    let t = |x: Text| x.render(lang);
    let _ = writeln!(out, "<h3 id=\"{prefix}maturity\">{}</h3>\n<p class=\"small\">{}</p>", t(Text::MaturityByLayer), message(&t(Text::MaturityNote)));
    out.push_str("<table class=\"maturity\"><thead><tr>");
    for h in [Text::Layer, Text::Level, Text::StageReached, Text::HeldBackAt, Text::Gaps] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for m in levels {
        let gaps: Vec<String> = m
            .gaps
            .iter()
            .map(|g| format!("<code>{}</code> {}", esc(&g.rule), badge(g.status.as_str(), &t(Text::status(g.status)))))
            .collect();
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td class=\"level\">{} / 4 — {}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&text::layer_in(&m.layer, lang)),
            m.level,
            esc(&t(Text::level(m.level))),
            m.reached.as_deref().map(|s| esc(&text::stage_in(s, lang))).unwrap_or_else(|| "—".to_string()),
            m.held_at.as_deref().map(|s| esc(&text::stage_in(s, lang))).unwrap_or_else(|| "—".to_string()),
            if gaps.is_empty() { "—".to_string() } else { gaps.join("<br>") }
        );
    }
    out.push_str("</tbody></table>\n");
}

/// One artifact (or repository) of a requirement row.
fn art_item(rule: &str, a: &super::ArtifactStatus, lang: Lang) -> String {
    let label = Text::status(a.status).render(lang);
    let word = if a.status == Status::Met { String::new() } else { format!(" <b>{label}</b>") };
    let why = a.reason.as_deref().map(|r| format!(" <span class=\"why\">— {}</span>", message(&i18n::reason_text(rule, r, lang)))).unwrap_or_default();
    format!("<li class=\"{}\" title=\"{label}\"><code>{}</code>{word}{why}</li>", a.status.as_str(), esc(&a.file))
}

/// The requirements of each framework. `rule_anchor` is where a rule id links to; `column` names
/// what a row lists (artifacts, or the repositories of a merged report).
fn frameworks(out: &mut String, fws: &[super::FrameworkSection], prefix: &str, rule_anchor: &str, column: Text, lang: Lang) {
    let t = |x: Text| x.render(lang);
    for f in fws {
        let c = &f.counts;
        let _ = writeln!(out, "<h3 id=\"{prefix}fw-{id}\">{id} — {}</h3>", esc(&text::framework_title(&f.id, &f.title, lang)), id = esc(&f.id));
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", c.sentence(lang));
        if f.requirements.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", t(Text::NoRuleRan));
            continue;
        }
        out.push_str("<table class=\"req\"><colgroup><col style=\"width:7%\"><col style=\"width:24%\"><col style=\"width:27%\"><col style=\"width:10%\"><col style=\"width:32%\"></colgroup><thead><tr>");
        for h in [Text::Rule, Text::Clause, Text::Requirement, Text::Status, column] {
            let _ = write!(out, "<th>{}</th>", t(h));
        }
        out.push_str("</tr></thead><tbody>\n");
        for q in &f.requirements {
            let mut order: Vec<&super::ArtifactStatus> = q.artifacts.iter().collect();
            order.sort_by(|a, b| (a.status, &a.file).cmp(&(b.status, &b.file)));
            let shown: String = order.iter().take(super::ROW_ARTIFACTS).map(|a| art_item(&q.rule, a, lang)).collect();
            let arts = if order.is_empty() {
                t(Text::NoneFound)
            } else if order.len() <= super::ROW_ARTIFACTS {
                format!("<ul class=\"arts\">{shown}</ul>")
            } else {
                let rest = super::counts_text(&q.counts, lang);
                format!(
                    "<ul class=\"arts\">{shown}</ul><a class=\"more\" href=\"#{prefix}req-{}\">{}</a>",
                    esc(&q.rule),
                    t(Text::AllOf { count: &order.len(), counts: &rest })
                )
            };
            let title = i18n::rule_doc(&q.rule, lang).and_then(|d| d.title).unwrap_or_else(|| q.title.clone());
            // What the rule judges: what to add where evidence is missing, else what a `met` rests on.
            let evidence = q.needs.as_ref().map(|n| i18n::rule_doc(&q.rule, lang).and_then(|d| d.evidence).unwrap_or_else(|| n.clone()));
            let needs = match (evidence, q.status == Status::NoEvidence || q.counts.no_evidence > 0, q.counts.met > 0) {
                (Some(n), true, _) => format!("<div class=\"needs\">{}: {}</div>", t(Text::Needs), message(&n)),
                (Some(n), false, true) => format!("<div class=\"judged\">{}: {}</div>", t(Text::EvidenceJudged), message(&n)),
                (None, false, true) => format!("<div class=\"judged\">{}: {}</div>", t(Text::EvidenceJudged), message(&t(Text::NoNeedsDeclared))),
                _ => String::new(),
            };
            let _ = writeln!(
                out,
                "<tr><td><a href=\"#{rule_anchor}{id}\"><code>{id}</code></a></td><td>{}</td><td>{}{needs}</td><td>{}</td><td>{arts}</td></tr>",
                esc(&super::clause_in(&q.rule, &f.id, &q.clause, lang)),
                esc(&title),
                badge(q.status.as_str(), &t(Text::status(q.status))),
                id = esc(&q.rule)
            );
        }
        out.push_str("</tbody></table>\n");
    }
}

fn artifacts(out: &mut String, r: &AuditReport, prefix: &str, lang: Lang) {
    let t = |x: Text| x.render(lang);
    let total: usize = r.artifacts.iter().map(|a| a.findings.len()).sum::<usize>() + r.other_findings.len();
    let excerpts = total <= EXCERPTS_UP_TO;
    if !excerpts {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", t(Text::ManyFindings { count: &total }));
    }
    let dirs = dir_numbers(&r.artifacts);
    let mut dir = None;
    // Artifacts without findings are rows of one table, each with its provenance.
    let mut quiet: Vec<String> = Vec::new();
    let flush = |out: &mut String, quiet: &mut Vec<String>| {
        if !quiet.is_empty() {
            let _ = write!(out, "<table class=\"compact\"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>\n{}</tbody></table>\n", t(Text::NoFindings), t(Text::Provenance), quiet.concat());
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
            Some(c) => t(Text::LastChanged {
                commit: &format!("<code>{}</code>", esc(&c.commit[..c.commit.len().min(12)])),
                author: &esc(&c.author),
                date: &esc(&c.date[..c.date.len().min(10)]),
                summary: &esc(&cut(&c.summary, 72)),
            }),
            None => t(Text::NotCommitted),
        };
        let dirty = if a.uncommitted == Some(true) { t(Text::UncommittedSuffix) } else { String::new() };
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
            t(Text::OtherFindings),
            t(Text::OtherFindingsNote)
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
    let t = |x: Text| x.render(lang);
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
        let _ = writeln!(page, "<p>{}</p>", t(Text::EveryRowListsAll));
        return;
    }
    for q in reqs {
        let title = i18n::rule_doc(&q.rule, lang).and_then(|d| d.title).unwrap_or_else(|| q.title.clone());
        let _ = writeln!(page, "<div class=\"reqlist\" id=\"{prefix}req-{id}\"><h4><code>{id}</code> {} {}</h4>", esc(&title), badge(q.status.as_str(), &t(Text::status(q.status))), id = esc(&q.rule));
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
                let _ = write!(out, "<li class=\"{}\"><b>{}</b> ({}){why}: {}</li>", status.as_str(), t(Text::status(*status)), files.len(), names.join(", "));
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
                        format!("{link} {}", t(Text::AllInDirectory { count: &all }))
                    } else {
                        format!("{link} {}", names.iter().map(|n| esc(n)).collect::<Vec<_>>().join(", "))
                    }
                })
                .collect();
            let _ = write!(out, "<li class=\"{}\"><b>{}</b> ({}){why}: {}</li>", status.as_str(), t(Text::status(*status)), files.len(), parts.join("; "));
        }
        out.push_str("</ul>");
        let whole = match written.get(&body) {
            Some(first) => t(Text::SameArtifactsAs { prefix: &prefix, rule: first }),
            None => {
                written.insert(body.clone(), esc(&q.rule));
                body
            }
        };
        let _ = writeln!(page, "{whole}</div>");
    }
}

fn waivers(out: &mut String, list: &[super::WaiverEntry], lang: Lang) {
    let t = |x: Text| x.render(lang);
    if list.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", t(Text::NoWaiver));
        return;
    }
    out.push_str("<table><thead><tr>");
    for h in [Text::Rule, Text::Scope, Text::Reason, Text::ApprovedByHeading, Text::Expires, Text::Status] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    let _ = writeln!(out, "<th class=\"num\">{}</th></tr></thead><tbody>", t(Text::Findings));
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
            badge(w.status.as_str(), &t(Text::waiver(w.status))),
            w.findings
        );
    }
    out.push_str("</tbody></table>\n");
}

fn rules(out: &mut String, list: &[crate::rules::RuleDoc], lang: Lang) {
    let t = |x: Text| x.render(lang);
    out.push_str("<table class=\"rules\"><colgroup><col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:13%\"><col style=\"width:15%\"><col style=\"width:32%\"><col style=\"width:24%\"></colgroup><thead><tr>");
    for h in [Text::Rule, Text::Severity, Text::Kinds, Text::LayerSlashStage, Text::Frameworks, Text::RuleTitle] {
        let _ = write!(out, "<th>{}</th>", t(h));
    }
    out.push_str("</tr></thead><tbody>\n");
    for q in list {
        let q = &crate::rules::localized(q, lang);
        let kinds = if q.kinds.is_empty() { t(Text::AnyKind) } else { esc(&q.kinds.join(", ")) };
        let ls = match (&q.layer, &q.stage) {
            (Some(l), Some(s)) => format!("{}<br>{}", esc(&text::layer_in(l, lang)), esc(&text::stage_in(s, lang))),
            (Some(l), None) => esc(&text::layer_in(l, lang)),
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
            word = esc(&text::severity_in(&q.severity, lang))
        );
    }
    out.push_str("</tbody></table>\n");
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(esc(r#"<script>"a" & 'b'</script>"#), "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;");
    }
}
