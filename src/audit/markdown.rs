//! The audit report as GitHub-flavoured Markdown: tables for the header, summary, frameworks,
//! waivers and rules; each finding with its source excerpt in a fenced block. Text from the
//! run is escaped as in the `check` Markdown renderer.

use std::fmt::Write as _;

use super::{AuditReport, Counts, Finding, LAYERS, STAGES};
use crate::report::markdown::cell;

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
        format!("{} / {} / {} / {}", c.met, c.failed, c.waived, c.not_applicable)
    }
}

fn short(commit: &str) -> &str {
    &commit[..commit.len().min(12)]
}

fn finding(out: &mut String, f: &Finding) {
    let _ = write!(out, "- **`{}`** {} at `{}:{}:{}` — {}", f.rule, f.severity, f.file.replace('`', "'"), f.line, f.column, cell(&f.message));
    out.push('\n');
    if !f.clauses.is_empty() {
        let clauses: Vec<String> = f.clauses.iter().map(|(k, v)| format!("{k} {}", cell(v))).collect();
        let _ = writeln!(out, "  <br>Clauses: {}", clauses.join("; "));
    }
    match &f.suppression {
        Some(s) => {
            let mut parts = vec![format!("suppressed ({})", s.kind.as_str())];
            if let Some(r) = &s.reason {
                parts.push(cell(r));
            }
            if let Some(a) = &s.approved_by {
                parts.push(format!("approved by {}", cell(a)));
            }
            if let Some(e) = &s.expires {
                parts.push(format!("expires {}", cell(e)));
            }
            let _ = writeln!(out, "  <br>Status: {}", parts.join(", "));
        }
        None => out.push_str("  <br>Status: open\n"),
    }
    if !f.excerpt.is_empty() {
        let width = f.excerpt.last().map(|l| l.line.to_string().len()).unwrap_or(1);
        let text: Vec<String> = f.excerpt.iter().map(|l| format!("{:>width$} | {}", l.line, l.text)).collect();
        out.push('\n');
        for line in fenced(&text.join("\n")).lines() {
            let _ = writeln!(out, "  {line}");
        }
    }
    out.push('\n');
}

pub fn render(r: &AuditReport) -> String {
    let h = &r.header;
    let mut out = String::from("# govlint audit report\n\n");
    out.push_str("| | |\n|---|---|\n");
    let _ = writeln!(out, "| Repository | {} |", or_dash(h.repository.as_deref()));
    let _ = writeln!(out, "| Branch | {} |", or_dash(h.branch.as_deref()));
    let commit = match (&h.commit, h.dirty) {
        (Some(c), Some(true)) => format!("`{c}` (working tree has uncommitted changes)"),
        (Some(c), _) => format!("`{c}` (clean)"),
        (None, Some(_)) => "no commit yet".to_string(),
        (None, None) => "not a git repository".to_string(),
    };
    let _ = writeln!(out, "| Commit | {commit} |");
    let _ = writeln!(out, "| Date | {} ({}) |", h.date, h.date_source);
    let _ = writeln!(out, "| Waivers judged as of | {} |", cell(&h.waivers_as_of));
    let _ = writeln!(out, "| Tool | {} {} |", h.tool.name, h.tool.version);
    let fw = if h.frameworks_selected { h.frameworks.join(", ") } else { format!("all ({})", h.frameworks.join(", ")) };
    let _ = writeln!(out, "| Frameworks | {fw} |");
    let _ = writeln!(
        out,
        "| Policy bundle | `sha256:{}` ({} files{}) |",
        h.policy_bundle.sha256,
        h.policy_bundle.files,
        if h.builtin_rules { "" } else { "; bundled rules off" }
    );
    if let Some(c) = &h.config {
        let _ = writeln!(out, "| Config | `{}` `sha256:{}` |", c.name.replace('`', "'"), c.sha256);
    }
    for p in &h.user_policies {
        let _ = writeln!(out, "| User policy | `{}` `sha256:{}` |", p.name.replace('`', "'"), p.sha256);
    }
    out.push_str("\n<details><summary>Schema digests</summary>\n\n| Schema | SHA-256 |\n|---|---|\n");
    for s in &h.schemas {
        let _ = writeln!(out, "| `{}` | `{}` |", s.name, s.sha256);
    }
    out.push_str("\n</details>\n\n");

    let s = &r.summary;
    out.push_str("## Summary\n\n");
    let _ = writeln!(out, "{} files read, {} artifacts.\n", s.files, s.artifacts);
    out.push_str("| Artifact kind | Files |\n|---|---:|\n");
    for (k, n) in &s.artifacts_by_kind {
        let _ = writeln!(out, "| {k} | {n} |");
    }
    out.push_str("\n| Findings | Count |\n|---|---:|\n");
    let _ = writeln!(out, "| error | {} |\n| warning | {} |\n| note | {} |\n| suppressed | {} |", s.findings.error, s.findings.warning, s.findings.note, s.findings.suppressed);
    out.push_str("\n| Framework | Met | Failed | Waived | Not applicable |\n|---|---:|---:|---:|---:|\n");
    for f in &s.frameworks {
        let c = &f.counts;
        let _ = writeln!(out, "| {} | {} | {} | {} | {} |", f.framework, c.met, c.failed, c.waived, c.not_applicable);
    }
    out.push_str("\n### CAICT compliance matrix\n\nRules that ran, by CAICT layer and stage: met / failed / waived / not applicable.\n\n");
    let _ = writeln!(out, "| Layer | {} |", STAGES.join(" | "));
    let _ = writeln!(out, "|---|{}", "---|".repeat(STAGES.len()));
    for row in &s.matrix {
        let cells: Vec<String> = row.cells.iter().map(|c| counts_cell(&c.counts)).collect();
        let _ = writeln!(out, "| {} | {} |", row.layer, cells.join(" | "));
    }
    debug_assert_eq!(s.matrix.len(), LAYERS.len());

    out.push_str("\n## Frameworks\n");
    for f in &r.frameworks {
        let c = &f.counts;
        let _ = writeln!(out, "\n### {} — {}\n", f.id, cell(&f.title));
        let _ = writeln!(out, "{} requirements: {} met, {} failed, {} waived, {} not applicable.\n", c.total(), c.met, c.failed, c.waived, c.not_applicable);
        if f.requirements.is_empty() {
            out.push_str("No rule of this framework ran.\n");
            continue;
        }
        out.push_str("| Rule | Clause | Requirement | Status | Artifacts |\n|---|---|---|---|---|\n");
        for q in &f.requirements {
            let arts: Vec<String> = q.artifacts.iter().map(|a| format!("`{}` {}", a.file.replace('`', "'").replace('|', "\\|"), a.status.label())).collect();
            let arts = if arts.is_empty() { "—".to_string() } else { arts.join("<br>") };
            let _ = writeln!(out, "| {} | {} | {} | **{}** | {} |", q.rule, cell(&q.clause), cell(&q.title), q.status.label(), arts);
        }
    }

    out.push_str("\n## Artifacts\n");
    for a in &r.artifacts {
        let _ = writeln!(out, "\n### `{}`\n", a.file.replace('`', "'"));
        let docs: Vec<String> = a.documents.iter().map(|d| format!("{} ({}, document {})", d.kind, d.format, d.index + 1)).collect();
        let _ = writeln!(out, "- Kind: {}", docs.join("; "));
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
                finding(&mut out, f);
            }
        }
    }
    if !r.other_findings.is_empty() {
        out.push_str("\n## Other findings\n\nOn files that are not artifacts (the config, files that could not be read).\n\n");
        for f in &r.other_findings {
            finding(&mut out, f);
        }
    }

    out.push_str("\n## Waivers\n\n");
    if r.waivers.is_empty() {
        out.push_str("No waiver is configured.\n");
    } else {
        out.push_str("| Rule | Scope | Reason | Approved by | Expires | Status | Findings |\n|---|---|---|---|---|---|---:|\n");
        for w in &r.waivers {
            let mut scope = w.paths.iter().map(|p| format!("`{}`", p.replace('`', "'").replace('|', "\\|"))).collect::<Vec<_>>().join(", ");
            if let Some(p) = &w.pointer {
                let _ = write!(scope, " at `{}`", p.replace('`', "'").replace('|', "\\|"));
            }
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | **{}** | {} |",
                w.rule,
                scope,
                cell(&w.reason),
                cell(&w.approved_by),
                or_dash(w.expires.as_deref()),
                w.status.label(),
                w.findings
            );
        }
    }

    out.push_str("\n## Rule inventory\n\n| Rule | Severity | Kinds | Layer | Stage | Frameworks | Title | Source |\n|---|---|---|---|---|---|---|---|\n");
    for q in &r.rules {
        let kinds = if q.kinds.is_empty() { "any".to_string() } else { q.kinds.join(", ") };
        let fws: Vec<String> = q.frameworks.iter().map(|(k, v)| format!("{k}: {}", cell(v))).collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | `{}` |",
            q.id,
            q.severity,
            kinds,
            or_dash(q.layer.as_deref()),
            or_dash(q.stage.as_deref()),
            fws.join("<br>"),
            cell(&q.title),
            q.source.replace('`', "'").replace('|', "\\|")
        );
    }
    out
}
