//! The audit report as GitHub-flavoured Markdown: tables for the header, summary, frameworks,
//! waivers and rules; each finding with its source excerpt in a fenced block. Text from the
//! run is escaped as in the `check` Markdown renderer.

use std::fmt::Write as _;

use super::text::{self, Text};
use super::{AuditReport, Counts, Finding, Layer, Stage, Status};
use crate::i18n::{self, Lang};
use crate::report::markdown::{cell, code, inline};

fn or_dash(s: Option<&str>) -> String {
    s.map(cell).unwrap_or_else(|| "—".to_string())
}

/// A fenced block that no backtick run of `text` can close.
fn fenced(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{text}\n{fence}\n")
}

fn counts_cell(c: &Counts) -> String {
    if c.total() == 0 {
        "—".to_string()
    } else {
        format!("{} / {} / {} / {} / {}", c.met, c.failed, c.waived, c.no_evidence, c.not_applicable)
    }
}

fn short(commit: &str) -> &str {
    &commit[..commit.len().min(12)]
}

fn finding(out: &mut String, f: &Finding, lang: Lang) {
    let t = |x: Text| x.render(lang);
    let message = f.localized.as_ref().map_or(&f.message, |l| &l.message);
    let at = i18n::ui(i18n::Ui::At, lang);
    let place = code(&format!("{}:{}:{}", f.file, f.line, f.column));
    let _ = write!(out, "- **{}** {} {at} {place} — {}", code(&f.rule), text::severity_in(&f.severity, lang), cell(message));
    out.push('\n');
    if !f.clauses.is_empty() {
        let clauses: Vec<String> = f.clauses.iter().map(|(k, v)| format!("{k} {}", cell(&super::clause_in(&f.rule, k, v, lang)))).collect();
        let _ = writeln!(out, "  <br>{}: {}", t(Text::Clauses), clauses.join("; "));
    }
    match &f.suppression {
        Some(s) => {
            let mut parts = vec![t(Text::SuppressedStatus { kind: &t(Text::suppression(s.kind)) })];
            if let Some(r) = &s.reason {
                parts.push(cell(r));
            }
            if let Some(a) = &s.approved_by {
                parts.push(t(Text::ApprovedBy { who: &cell(a) }));
            }
            if let Some(e) = &s.expires {
                parts.push(t(Text::ExpiresOn { date: &cell(e) }));
            }
            let _ = writeln!(out, "  <br>{}: {}", t(Text::Status), parts.join(", "));
        }
        None => {
            let _ = writeln!(out, "  <br>{}: {}", t(Text::Status), t(Text::Open));
        }
    }
    if !f.excerpt.is_empty() {
        let width = f.excerpt.last().map(|l| l.line.to_string().len()).unwrap_or(1);
        let text: Vec<String> = f.excerpt.iter().map(|l| format!("{:>width$} | {}", l.line, crate::report::inert(&l.text))).collect();
        out.push('\n');
        for line in fenced(&text.join("\n")).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out.push('\n');
}

/// The table of one repository's facts.
fn facts(out: &mut String, h: &super::Header, lang: Lang) {
    let t = |x: Text| x.render(lang);
    out.push_str("| | |\n|---|---|\n");
    let _ = writeln!(out, "| {} | {} |", t(Text::Repository), or_dash(h.repository.as_deref()));
    let _ = writeln!(out, "| {} | {} |", t(Text::Branch), or_dash(h.branch.as_deref()));
    let commit = match (&h.commit, h.dirty) {
        (Some(c), Some(true)) => format!("`{c}` ({})", t(Text::Dirty)),
        (Some(c), _) => format!("`{c}` ({})", t(Text::Clean)),
        (None, Some(_)) => t(Text::NoCommitYet),
        (None, None) => t(Text::NotAGitRepository),
    };
    let _ = writeln!(out, "| {} | {commit} |", t(Text::Commit));
    let _ = writeln!(out, "| {} | {} ({}) |", t(Text::Date), h.date, h.date_source);
    let _ = writeln!(out, "| {} | {} |", t(Text::WaiversAsOf), cell(&h.waivers_as_of));
    let _ = writeln!(out, "| {} | {} {} |", t(Text::Tool), h.tool.name, h.tool.version);
    let fw = if h.frameworks_selected { h.frameworks.join(", ") } else { t(Text::AllFrameworksListed { list: &h.frameworks.join(", ") }) };
    let _ = writeln!(out, "| {} | {fw} |", t(Text::Frameworks));
    let files = &h.policy_bundle.files;
    let bundle = t(if h.builtin_rules { Text::BundleFiles { files } } else { Text::BundleFilesOff { files } });
    let _ = writeln!(out, "| {} | `sha256:{}` {bundle} |", t(Text::PolicyBundle), h.policy_bundle.sha256);
    if let Some(c) = &h.config {
        let _ = writeln!(out, "| {} | `{}` `sha256:{}` |", t(Text::Config), c.name.replace('`', "'"), c.sha256);
    }
    let profile = match (&h.profile, h.profile_line) {
        (Some(p), line) => format!("{}{}", cell(&super::profile_text(p, lang)), line.map(|line| t(Text::AtLine { line: &line })).unwrap_or_default()),
        (None, _) => cell(&t(Text::NoProfile)),
    };
    let _ = writeln!(out, "| {} | {profile} |", t(Text::RepositoryProfile));
    if !h.rules_off.is_empty() {
        let _ = writeln!(out, "| {} | {} |", t(Text::RulesTurnedOff), h.rules_off.join(", "));
    }
    for p in &h.user_policies {
        let _ = writeln!(out, "| {} | `{}` `sha256:{}` |", t(Text::UserPolicy), p.name.replace('`', "'"), p.sha256);
    }
    let _ = write!(out, "\n<details><summary>{}</summary>\n\n| {} | SHA-256 |\n|---|---|\n", t(Text::SchemaDigests), t(Text::Schema));
    for s in &h.schemas {
        let _ = writeln!(out, "| `{}` | `{}` |", s.name, s.sha256);
    }
    out.push_str("\n</details>\n\n");
}

/// The report with its fixed texts, rule titles and messages in `lang`.
pub fn render(r: &AuditReport, lang: Lang) -> String {
    let t = |x: Text| x.render(lang);
    let mut out = format!("# {}\n\n", t(Text::MarkdownTitle));
    facts(&mut out, &r.header, lang);
    let _ = writeln!(out, "## {}\n", t(Text::Summary));
    summary(&mut out, &r.summary, lang);
    what_to_add(&mut out, &r.frameworks, lang);
    what_met_rests_on(&mut out, &r.frameworks, lang);
    let _ = writeln!(out, "\n## {}", t(Text::Frameworks));
    frameworks(&mut out, &r.frameworks, "###", Text::Artifacts, lang);
    let _ = writeln!(out, "\n## {}", t(Text::Artifacts));
    artifacts(&mut out, r, "###", lang);
    let _ = write!(out, "\n## {}\n\n", t(Text::Waivers));
    waivers(&mut out, &r.waivers, lang);
    let _ = writeln!(out, "\n## {}\n", t(Text::RuleInventory));
    rules(&mut out, &r.rules, lang);
    out
}

/// What each requirement without evidence needs, once per rule: outside the tables, where a
/// text is never cut.
fn what_to_add(out: &mut String, fws: &[super::FrameworkSection], lang: Lang) {
    evidence_list(out, fws, Status::NoEvidence, Text::WhatToAdd, lang);
}

/// What each `met` rests on: the evidence its rule judged, once per rule, so that every `met`
/// of the tables names what was read.
fn what_met_rests_on(out: &mut String, fws: &[super::FrameworkSection], lang: Lang) {
    evidence_list(out, fws, Status::Met, Text::WhatMetRestsOn, lang);
}

/// The rules with an artifact (or repository) of `status`, each with its count and the
/// evidence its metadata says it judges (`custom.evidence.needs`).
fn evidence_list(out: &mut String, fws: &[super::FrameworkSection], status: Status, heading: Text, lang: Lang) {
    let t = |x: Text| x.render(lang);
    let mut seen = std::collections::BTreeSet::new();
    let mut rows: Vec<&super::Requirement> = fws
        .iter()
        .flat_map(|f| &f.requirements)
        .filter(|q| q.counts.get(status) > 0 || q.status == status)
        .filter(|q| seen.insert(q.rule.clone()))
        .collect();
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### {}\n", t(heading));
    if status == Status::Met {
        let _ = writeln!(out, "{}\n", t(Text::MetRestsOnIntro));
    }
    rows.sort_by(|a, b| a.rule.cmp(&b.rule));
    for q in rows {
        let needs = q.needs.as_ref().map(|n| i18n::rule_doc(&q.rule, lang).and_then(|d| d.evidence).unwrap_or_else(|| n.clone()));
        let n = q.counts.get(status).max(1);
        let count = t(if status == Status::Met { Text::MetCount { count: &n } } else { Text::WithoutEvidenceCount { count: &n } });
        match needs {
            Some(n) => {
                let _ = writeln!(out, "- **{}** ({count}): {}", cell(&q.rule), inline(&n.replace('\n', " ")));
            }
            None if status == Status::Met => {
                let _ = writeln!(out, "- **{}** ({count}): {}", cell(&q.rule), t(Text::NoNeedsDeclared));
            }
            None => {
                let _ = writeln!(out, "- **{}** ({count})", cell(&q.rule));
            }
        }
    }
}

fn summary(out: &mut String, s: &super::Summary, lang: Lang) {
    let t = |x: Text| x.render(lang);
    let _ = writeln!(out, "{}\n", t(Text::FilesRead { files: &s.files, artifacts: &s.artifacts }));
    let _ = writeln!(out, "| {} | {} |\n|---|---:|", t(Text::ArtifactKind), t(Text::Files));
    for (k, n) in &s.artifacts_by_kind {
        let _ = writeln!(out, "| {k} | {n} |");
    }
    let _ = writeln!(out, "\n| {} | {} |\n|---|---:|", t(Text::Findings), t(Text::Count));
    let _ = writeln!(
        out,
        "| {} | {} |\n| {} | {} |\n| {} | {} |\n| {} | {} |",
        t(Text::Error),
        s.findings.error,
        t(Text::Warning),
        s.findings.warning,
        t(Text::Note),
        s.findings.note,
        t(Text::Suppressed),
        s.findings.suppressed
    );
    let _ = writeln!(
        out,
        "\n| {} | {} | {} | {} | {} | {} |\n|---|---:|---:|---:|---:|---:|",
        t(Text::Framework),
        t(Text::MetHeading),
        t(Text::FailedHeading),
        t(Text::WaivedHeading),
        t(Text::NoEvidenceHeading),
        t(Text::NotApplicableHeading)
    );
    for f in &s.frameworks {
        let c = &f.counts;
        let _ = writeln!(out, "| {} | {} | {} | {} | {} | {} |", f.framework, c.met, c.failed, c.waived, c.no_evidence, c.not_applicable);
    }
    let _ = writeln!(out, "\n> {}", t(Text::NoEvidenceNote));
    let _ = write!(
        out,
        "\n### {}\n\n{}\n\n",
        t(Text::ComplianceMatrix),
        t(Text::MatrixLegend)
    );
    let _ = writeln!(out, "| {} | {} |", t(Text::Layer), Stage::ALL.map(|st| t(Text::stage(st))).join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(Stage::ALL.len()));
    for row in &s.matrix {
        let cells: Vec<String> = row.cells.iter().map(|c| counts_cell(&c.counts)).collect();
        let _ = writeln!(out, "| {} | {} |", text::layer_in(&row.layer, lang), cells.join(" | "));
    }
    debug_assert_eq!(s.matrix.len(), Layer::ALL.len());
    let _ = write!(out, "\n### {}\n\n{}\n\n", t(Text::MaturityByLayer), t(Text::MaturityNote));
    let _ = writeln!(out, "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|", t(Text::Layer), t(Text::Level), t(Text::StageReached), t(Text::HeldBackAt), t(Text::Gaps));
    for m in &s.maturity {
        let gaps: Vec<String> = m.gaps.iter().map(|g| format!("{} {}", g.rule, t(Text::status(g.status)))).collect();
        let _ = writeln!(
            out,
            "| {} | {} / 4 — {} | {} | {} | {} |",
            text::layer_in(&m.layer, lang),
            m.level,
            t(Text::level(m.level)),
            m.reached.as_deref().map(|s| text::stage_in(s, lang)).unwrap_or_else(|| "—".to_string()),
            m.held_at.as_deref().map(|s| text::stage_in(s, lang)).unwrap_or_else(|| "—".to_string()),
            if gaps.is_empty() { "—".to_string() } else { gaps.join(", ") }
        );
    }
}

/// One artifact (or repository) of a requirement row.
fn art_item(rule: &str, a: &super::ArtifactStatus, lang: Lang) -> String {
    let why = a.reason.as_deref().map(|r| format!(" ({})", cell(&i18n::reason_text(rule, r, lang)))).unwrap_or_default();
    format!("{} {}{why}", code(&a.file), Text::status(a.status).render(lang))
}

fn frameworks(out: &mut String, fws: &[super::FrameworkSection], level: &str, column: Text, lang: Lang) {
    let t = |x: Text| x.render(lang);
    for f in fws {
        let c = &f.counts;
        let _ = writeln!(out, "\n{level} {} — {}\n", f.id, cell(&text::framework_title(&f.id, &f.title, lang)));
        let _ = writeln!(out, "{}\n", c.sentence(lang));
        if f.requirements.is_empty() {
            let _ = writeln!(out, "{}", t(Text::NoRuleRan));
            continue;
        }
        let _ = writeln!(out, "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|", t(Text::Rule), t(Text::Clause), t(Text::Requirement), t(Text::Status), t(column));
        for q in &f.requirements {
            let mut order: Vec<&super::ArtifactStatus> = q.artifacts.iter().collect();
            order.sort_by(|a, b| (a.status, &a.file).cmp(&(b.status, &b.file)));
            let mut arts: Vec<String> = order.iter().take(super::ROW_ARTIFACTS).map(|a| art_item(&q.rule, a, lang)).collect();
            if order.len() > super::ROW_ARTIFACTS {
                arts.push(t(Text::InAll { count: &order.len(), counts: &super::counts_text(&q.counts, lang) }));
            }
            let arts = if arts.is_empty() { "—".to_string() } else { arts.join("<br>") };
            let title = i18n::rule_doc(&q.rule, lang).and_then(|d| d.title).unwrap_or_else(|| q.title.clone());
            let _ = writeln!(
                out,
                "| {} | {} | {} | **{}** | {} |",
                cell(&q.rule),
                cell(&super::clause_in(&q.rule, &f.id, &q.clause, lang)),
                cell(&title),
                t(Text::status(q.status)),
                arts
            );
        }
    }
}

fn artifacts(out: &mut String, r: &AuditReport, level: &str, lang: Lang) {
    let t = |x: Text| x.render(lang);
    for a in &r.artifacts {
        let _ = writeln!(out, "\n{level} {}\n", code(&a.file));
        let docs: Vec<String> = a.documents.iter().map(|d| format!("{} ({}, document {})", d.kind, d.format, d.index + 1)).collect();
        let kind = if docs.is_empty() { t(a.not_classified()) } else { docs.join("; ") };
        let _ = writeln!(out, "- Kind: {kind}");
        match &a.last_change {
            Some(c) => {
                let _ = writeln!(out, "- Last change: `{}` by {} on {} — {}", short(&c.commit), cell(&c.author), c.date, cell(&c.summary));
            }
            None => out.push_str("- Last change: not committed\n"),
        }
        if a.uncommitted == Some(true) {
            out.push_str("- The working tree differs from the last commit.\n");
        }
        if a.findings.is_empty() {
            out.push_str("- Findings: none\n");
        } else {
            let _ = writeln!(out, "- Findings: {}\n", a.findings.len());
            for f in &a.findings {
                finding(out, f, lang);
            }
        }
    }
    if !r.other_findings.is_empty() {
        let _ = write!(out, "\n{level} {}\n\n{}\n\n", t(Text::OtherFindings), t(Text::OtherFindingsNoteMarkdown));
        for f in &r.other_findings {
            finding(out, f, lang);
        }
    }
}

fn waivers(out: &mut String, list: &[super::WaiverEntry], lang: Lang) {
    let t = |x: Text| x.render(lang);
    if list.is_empty() {
        let _ = writeln!(out, "{}", t(Text::NoWaiver));
        return;
    }
    let head = [Text::Rule, Text::Scope, Text::Reason, Text::ApprovedByHeading, Text::Expires, Text::Status, Text::Findings].map(t);
    let _ = writeln!(out, "| {} |\n|---|---|---|---|---|---|---:|", head.join(" | "));
    for w in list {
        let mut scope = w.paths.iter().map(|p| code(p)).collect::<Vec<_>>().join(", ");
        if let Some(p) = &w.pointer {
            let _ = write!(scope, " at {}", code(p));
        }
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | **{}** | {} |",
            cell(&w.rule),
            scope,
            cell(&w.reason),
            cell(&w.approved_by),
            or_dash(w.expires.as_deref()),
            t(Text::waiver(w.status)),
            w.findings
        );
    }
}

fn rules(out: &mut String, list: &[crate::rules::RuleDoc], lang: Lang) {
    let t = |x: Text| x.render(lang);
    let head = [Text::Rule, Text::Severity, Text::Kinds, Text::Layer, Text::Stage, Text::Frameworks, Text::RuleTitle, Text::Source].map(t);
    let _ = writeln!(out, "| {} |\n|---|---|---|---|---|---|---|---|", head.join(" | "));
    for q in list {
        let q = &crate::rules::localized(q, lang);
        let kinds = if q.kinds.is_empty() { t(Text::AnyKind) } else { q.kinds.join(", ") };
        let fws: Vec<String> = q.frameworks.iter().map(|(k, v)| format!("{k}: {}", cell(v))).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&q.id),
            q.severity,
            kinds,
            or_dash(q.layer.as_deref()),
            or_dash(q.stage.as_deref()),
            fws.join("<br>"),
            cell(&q.title),
            code(&q.source)
        );
    }
}

/// The merged report of several repositories.
pub fn render_merged(m: &super::merge::MergedReport, lang: Lang) -> String {
    let t = |x: Text| x.render(lang);
    let mut out = format!("# {}\n\n", t(Text::MergedTitle));
    let _ = writeln!(out, "{}\n", t(Text::Merged { count: &m.repositories.len(), version: &m.header.tool.version, date: &m.header.date }));
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|",
        t(Text::Repository),
        t(Text::Commit),
        t(Text::Date),
        t(Text::Frameworks),
        t(Text::PolicyBundle),
        t(Text::Input)
    );
    for (r, input) in m.repositories.iter().zip(&m.header.inputs) {
        let h = &r.header;
        let commit = match (&h.commit, h.dirty) {
            (Some(c), Some(true)) => format!("`{}` {}", short(c), t(Text::UncommittedChanges)),
            (Some(c), _) => format!("`{}`", short(c)),
            _ => "—".to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {commit} | {} | {} | `{}` | {} |",
            cell(&input.repository),
            h.date,
            h.frameworks.join(", "),
            short(&h.policy_bundle.sha256),
            code(&input.file)
        );
    }
    for note in &m.header.notes {
        let _ = writeln!(out, "\n> {}", cell(note));
    }
    let _ = writeln!(out, "\n## {}\n", t(Text::Summary));
    summary(&mut out, &m.summary, lang);
    what_to_add(&mut out, &m.frameworks, lang);
    what_met_rests_on(&mut out, &m.frameworks, lang);
    let _ = writeln!(out, "\n## {}", t(Text::Frameworks));
    frameworks(&mut out, &m.frameworks, "###", Text::Repositories, lang);
    for (r, input) in m.repositories.iter().zip(&m.header.inputs) {
        let _ = writeln!(out, "\n## {}\n", cell(&input.repository));
        facts(&mut out, &r.header, lang);
        let _ = writeln!(out, "### {}\n", t(Text::Summary));
        summary(&mut out, &r.summary, lang);
        what_to_add(&mut out, &r.frameworks, lang);
        what_met_rests_on(&mut out, &r.frameworks, lang);
        frameworks(&mut out, &r.frameworks, "####", Text::Artifacts, lang);
        let _ = writeln!(out, "\n### {}", t(Text::Artifacts));
        artifacts(&mut out, r, "####", lang);
        let _ = write!(out, "\n### {}\n\n", t(Text::Waivers));
        waivers(&mut out, &r.waivers, lang);
    }
    let _ = writeln!(out, "\n## {}\n", t(Text::RuleInventory));
    rules(&mut out, &m.rules, lang);
    out
}
