//! `govlint report --merge A.json B.json …`: one report over the JSON reports of several
//! repositories, each checked in its own CI. It keeps each report whole (a section per
//! repository) and adds the combined view: every repository's facts, the framework table with a
//! row per requirement and its status in each repository, the matrix and the maturity.
//!
//! Reports are combined only when they judge by the same rules: an input of another report
//! version, another policy bundle, or with the bundled rules off where another has them on, is
//! refused (a tool error naming the files and the difference). Differences that leave the
//! statuses comparable (frameworks reported, user policies, govlint versions with the same
//! bundle) are stated in the report's `notes`, never mixed in silence.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::{
    maturity, ArtifactStatus, AuditReport, Counts, Digest256, FindingCounts, FrameworkCounts, FrameworkSection, Layer, MatrixCell, MatrixRow, Requirement,
    Stage, Status, Summary, Tool, FRAMEWORKS, VERSION,
};
use crate::rules::RuleDoc;
use crate::error::ToolError;

/// The merged report (its JSON form; docs/audit-report.md, "Merging reports").
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MergedReport {
    pub version: u32,
    /// Always `merged`: tells a merged report from a single one.
    pub kind: String,
    pub header: MergedHeader,
    /// Over every repository: sums, and statuses combined from the worst.
    pub summary: Summary,
    /// Each requirement once, with the status it has in each repository (`artifacts` names the
    /// repositories).
    pub frameworks: Vec<FrameworkSection>,
    /// Each input report, whole, in the order given.
    pub repositories: Vec<AuditReport>,
    /// Every rule of any input, by id.
    pub rules: Vec<RuleDoc>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MergedHeader {
    /// RFC 3339, UTC: when the merge was made.
    pub date: String,
    pub date_source: String,
    pub tool: Tool,
    /// The policy bundle every input was checked with.
    pub policy_bundle: Digest256,
    /// The frameworks any input reports on.
    pub frameworks: Vec<String>,
    pub inputs: Vec<Input>,
    /// Differences between the inputs that the combined view does not hide.
    pub notes: Vec<String>,
}

/// One input report, as the merged report names it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Input {
    /// The JSON file as given on the command line.
    pub file: String,
    /// The name of the repository in the combined tables: its `repository`, else the file; the
    /// commit is added when two inputs share a name.
    pub repository: String,
}

/// Reads, checks and merges the JSON reports `files`. `date` and `date_source` are the merge's
/// own (see [`super::report_date`]).
pub fn merge(files: &[PathBuf], date: String, date_source: String) -> Result<MergedReport, ToolError> {
    let mut reports = Vec::new();
    for f in files {
        let name = crate::paths::display_path(f);
        let text = std::fs::read_to_string(f).map_err(|e| ToolError::msg(format!("cannot read the report {name}: {}", crate::fileio::io_reason(&e))))?;
        let value: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| ToolError::msg(format!("{name}:{}:{}: not a JSON report: {e}", e.line(), e.column())))?;
        if value.get("kind").and_then(serde_json::Value::as_str) == Some("merged") {
            return Err(ToolError::msg(format!("{name} is a merged report; merge the reports of the repositories themselves")));
        }
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) => {
                return Err(ToolError::msg(format!(
                    "{name} is a report of version {v}; govlint {} writes and merges version {VERSION}: write it again with this govlint (`govlint report --format json`)",
                    env!("CARGO_PKG_VERSION")
                )))
            }
            None => return Err(ToolError::msg(format!("{name} is not a govlint JSON report (no `version`)"))),
        }
        let report: AuditReport = serde_json::from_value(value).map_err(|e| ToolError::msg(format!("{name} is not a govlint JSON report of version {VERSION}: {e}")))?;
        reports.push((name, report));
    }
    let Some((first_name, first)) = reports.first() else { return Err(ToolError::msg("--merge needs at least one JSON report")) };
    for (name, r) in &reports[1..] {
        if r.header.policy_bundle.sha256 != first.header.policy_bundle.sha256 {
            return Err(ToolError::msg(format!(
                "{name} was checked with the policy bundle sha256:{} and {first_name} with sha256:{}: their statuses are not judged by the same rules; write both reports with the same govlint",
                r.header.policy_bundle.sha256, first.header.policy_bundle.sha256
            )));
        }
        if r.header.builtin_rules != first.header.builtin_rules {
            let (on, off) = if r.header.builtin_rules { (name, first_name) } else { (first_name, name) };
            return Err(ToolError::msg(format!("{on} ran the bundled rules and {off} did not (--no-builtin): their statuses are not judged by the same rules")));
        }
    }
    let notes = notes(&reports);
    let inputs = inputs(&reports);
    let frameworks: Vec<String> = FRAMEWORKS
        .iter()
        .map(|(id, _)| id.to_string())
        .filter(|id| reports.iter().any(|(_, r)| r.header.frameworks.contains(id)))
        .collect();
    let labels: Vec<&str> = inputs.iter().map(|i| i.repository.as_str()).collect();
    let sections = combined_frameworks(&reports, &labels, &frameworks);
    let summary = combined_summary(&reports, &sections);
    let mut rules: BTreeMap<String, RuleDoc> = BTreeMap::new();
    for (_, r) in &reports {
        for rule in &r.rules {
            rules.entry(rule.id.clone()).or_insert_with(|| rule.clone());
        }
    }
    let header = MergedHeader {
        date,
        date_source,
        tool: Tool { name: "govlint".to_string(), version: env!("CARGO_PKG_VERSION").to_string() },
        policy_bundle: first.header.policy_bundle.clone(),
        frameworks,
        inputs,
        notes,
    };
    Ok(MergedReport {
        version: VERSION,
        kind: "merged".to_string(),
        header,
        summary,
        frameworks: sections,
        repositories: reports.into_iter().map(|(_, r)| r).collect(),
        rules: rules.into_values().collect(),
    })
}

/// The inputs with their names in the combined tables.
fn inputs(reports: &[(String, AuditReport)]) -> Vec<Input> {
    let base: Vec<String> = reports.iter().map(|(file, r)| r.header.repository.clone().unwrap_or_else(|| file.clone())).collect();
    reports
        .iter()
        .zip(&base)
        .map(|((file, r), name)| {
            let shared = base.iter().filter(|b| *b == name).count() > 1;
            let repository = match (&r.header.commit, shared) {
                (Some(c), true) => format!("{name}@{}", &c[..c.len().min(12)]),
                (None, true) => format!("{name} ({file})"),
                _ => name.clone(),
            };
            Input { file: file.clone(), repository }
        })
        .collect()
}

/// What differs between the inputs without making their statuses incomparable.
fn notes(reports: &[(String, AuditReport)]) -> Vec<String> {
    let mut notes = Vec::new();
    let framework_sets: BTreeSet<&Vec<String>> = reports.iter().map(|(_, r)| &r.header.frameworks).collect();
    if framework_sets.len() > 1 {
        for (name, r) in reports {
            notes.push(format!("`{name}` reports on {}: a requirement of another framework is not judged there.", r.header.frameworks.join(", ")));
        }
    }
    let versions: BTreeSet<&str> = reports.iter().map(|(_, r)| r.header.tool.version.as_str()).collect();
    if versions.len() > 1 {
        let list: Vec<String> = reports.iter().map(|(name, r)| format!("`{name}` {}", r.header.tool.version)).collect();
        notes.push(format!("The reports were written by different govlint versions with the same policy bundle: {}.", list.join(", ")));
    }
    for (name, r) in reports {
        if !r.header.user_policies.is_empty() {
            let list: Vec<String> = r.header.user_policies.iter().map(|p| format!("`{}`", p.name)).collect();
            notes.push(format!("`{name}` also ran user policies ({}); their requirements are its own.", list.join(", ")));
        }
        if r.header.dirty == Some(true) {
            notes.push(format!("`{name}` was written from a working tree with uncommitted changes."));
        }
        if !r.header.rules_off.is_empty() {
            notes.push(format!("`{name}` turns rules off ({}): they are not judged there.", r.header.rules_off.join(", ")));
        }
    }
    notes
}

/// Each framework's requirements once, with the status in each repository that reports them;
/// a requirement's status is the worst of them.
fn combined_frameworks(reports: &[(String, AuditReport)], labels: &[&str], frameworks: &[String]) -> Vec<FrameworkSection> {
    frameworks
        .iter()
        .map(|fw| {
            let title = FRAMEWORKS.iter().find(|(id, _)| id == fw).map(|(_, t)| t.render(crate::lang::Lang::En)).unwrap_or_default();
            let mut rows: BTreeMap<String, Requirement> = BTreeMap::new();
            for ((_, r), label) in reports.iter().zip(labels) {
                let Some(section) = r.frameworks.iter().find(|f| &f.id == fw) else { continue };
                for q in &section.requirements {
                    let row = rows.entry(q.rule.clone()).or_insert_with(|| Requirement {
                        counts: Counts::default(),
                        artifacts: Vec::new(),
                        status: Status::NotApplicable,
                        ..q.clone()
                    });
                    row.artifacts.push(ArtifactStatus { file: label.to_string(), status: q.status, reason: None });
                    row.counts.add(q.status);
                    row.status = row.status.min(q.status);
                    if row.needs.is_none() {
                        row.needs.clone_from(&q.needs);
                    }
                }
            }
            let mut counts = Counts::default();
            for q in rows.values() {
                counts.add(q.status);
            }
            FrameworkSection { id: fw.clone(), title, counts, requirements: rows.into_values().collect() }
        })
        .collect()
}

fn combined_summary(reports: &[(String, AuditReport)], sections: &[FrameworkSection]) -> Summary {
    let mut artifacts_by_kind: BTreeMap<String, usize> = BTreeMap::new();
    let mut findings = FindingCounts::default();
    let mut statuses: BTreeMap<String, Status> = BTreeMap::new();
    let mut where_: BTreeMap<String, (Option<String>, Option<String>)> = BTreeMap::new();
    for (_, r) in reports {
        for (k, n) in &r.summary.artifacts_by_kind {
            *artifacts_by_kind.entry(k.clone()).or_insert(0) += n;
        }
        findings.error += r.summary.findings.error;
        findings.warning += r.summary.findings.warning;
        findings.note += r.summary.findings.note;
        findings.suppressed += r.summary.findings.suppressed;
        for (id, s) in &r.summary.statuses {
            let slot = statuses.entry(id.clone()).or_insert(*s);
            *slot = (*slot).min(*s);
        }
        for rule in &r.rules {
            where_.entry(rule.id.clone()).or_insert_with(|| (rule.layer.clone(), rule.stage.clone()));
        }
    }
    let layer_stage: Vec<(Option<String>, Option<String>, Status, String)> =
        statuses.iter().map(|(id, s)| (where_.get(id).and_then(|w| w.0.clone()), where_.get(id).and_then(|w| w.1.clone()), *s, id.clone())).collect();
    let matrix = Layer::ALL
        .iter()
        .map(|layer| MatrixRow {
            layer: layer.as_str().to_string(),
            cells: Stage::ALL
                .iter()
                .map(|stage| {
                    let mut counts = Counts::default();
                    for (_, _, s, _) in layer_stage.iter().filter(|(l, st, _, _)| l.as_deref() == Some(layer.as_str()) && st.as_deref() == Some(stage.as_str())) {
                        counts.add(*s);
                    }
                    MatrixCell { stage: stage.as_str().to_string(), counts }
                })
                .collect(),
        })
        .collect();
    Summary {
        files: reports.iter().map(|(_, r)| r.summary.files).sum(),
        artifacts: reports.iter().map(|(_, r)| r.summary.artifacts).sum(),
        artifacts_by_kind,
        findings,
        frameworks: sections.iter().map(|f| FrameworkCounts { framework: f.id.clone(), counts: f.counts }).collect(),
        maturity: maturity::levels(&layer_stage),
        matrix,
        statuses,
    }
}

/// The merged report as JSON, pretty-printed, ending in a line break.
pub fn json(m: &MergedReport) -> String {
    let mut s = serde_json::to_string_pretty(m).unwrap_or_default();
    s.push('\n');
    s
}
