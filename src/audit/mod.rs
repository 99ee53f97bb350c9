//! The audit report (`govlint report`): an evidence pack for compliance officers. It says what
//! was checked (repository, commit, policy and schema digests), against which requirement of
//! which framework, with what result per artifact, who last changed each artifact, and which
//! waivers apply and when they expire.
//!
//! [`build`] turns a run's [`Outcome`](crate::pipeline::Outcome) and the git facts into one versioned,
//! serializable [`AuditReport`]; the renderers ([`html`], [`markdown`], [`json`]) only format it.
//! A requirement is `met` only where its rule judged the evidence it needs ([`crate::evidence`]);
//! [`maturity`] derives a level per CAICT layer from the statuses, and [`merge`] combines the
//! JSON reports of several repositories into one.
//! Everything is sorted and nothing reads the clock except the report date, which honours
//! `SOURCE_DATE_EPOCH`, so the same commit and config give byte-identical reports.

pub mod caict;
pub mod html;
pub mod json;
pub mod markdown;
pub mod maturity;
pub mod merge;
pub mod text;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::diagnostic::{Diagnostic, Severity, Sources};
use crate::lang::Lang;
use crate::rules::RuleDoc;
use crate::pipeline::Outcome;

/// Version of the report's data model (the JSON output); bumped on any breaking change.
pub const VERSION: u32 = 2;

pub use crate::evidence::Status;
pub use caict::{Layer, Stage};
pub use text::Text;

mod model;

pub use model::*;

/// Artifacts a requirement row shows before it counts the rest (the full list is in the JSON,
/// and one click away in the HTML).
pub const ROW_ARTIFACTS: usize = 5;

/// The frameworks with a section of their own, in report order, with their titles.
pub const FRAMEWORKS: [(&str, Text<'static>); 4] =
    [("caict-roadmap-2024", Text::CaictRoadmap), ("cn-genai", Text::CnGenai), ("eu-ai-act", Text::EuAiAct), ("nist-ai-600-1", Text::NistAi6001)];

/// Days before its expiry from which a waiver is reported as expiring.
pub const EXPIRING_WITHIN_DAYS: i64 = 30;

/// Rules that find secrets in plain text: their excerpts show the line up to the secret, never
/// the secret itself, since the report is shared beyond those who may read it.
pub const REDACTED_EXCERPTS: &[&str] = &["DP016"];

/// Lines of source shown at most for one finding.
const MAX_EXCERPT_LINES: usize = 6;
/// Characters of one excerpt line before it is cut.
const MAX_EXCERPT_WIDTH: usize = 200;

/// The report date: `SOURCE_DATE_EPOCH` (seconds since 1970, as reproducible builds set it)
/// when set, else the clock; and which of the two it is. A malformed value is an error.
pub fn report_date() -> Result<(String, String), crate::error::ToolError> {
    match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(v) if !v.trim().is_empty() => {
            let secs: i64 = v
                .trim()
                .parse()
                .map_err(|_| crate::error::ToolError::msg(format!("SOURCE_DATE_EPOCH=`{v}` is not a number of seconds since 1970")))?;
            let date = chrono::DateTime::from_timestamp(secs, 0)
                .ok_or_else(|| crate::error::ToolError::msg(format!("SOURCE_DATE_EPOCH=`{v}` is out of range")))?;
            Ok((date.format("%Y-%m-%dT%H:%M:%SZ").to_string(), "SOURCE_DATE_EPOCH".to_string()))
        }
        _ => Ok((chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string(), "clock".to_string())),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// The digest of the bundled policy directory: SHA-256 of the `sha256sum`-style listing
/// `<hex digest>  policies/<path>\n` of every bundled file, in byte order of path.
pub fn policy_bundle_digest() -> Digest256 {
    fn collect(dir: &include_dir::Dir<'static>, out: &mut Vec<(String, &'static [u8])>) {
        for f in dir.files() {
            out.push((format!("policies/{}", f.path().to_string_lossy().replace('\\', "/")), f.contents()));
        }
        for d in dir.dirs() {
            collect(d, out);
        }
    }
    let mut files = Vec::new();
    collect(&crate::policy::BUNDLE, &mut files);
    files.sort();
    let mut listing = String::new();
    for (path, bytes) in &files {
        let _ = writeln!(listing, "{}  {path}", sha256_hex(bytes));
    }
    Digest256 { sha256: sha256_hex(listing.as_bytes()), files: files.len() }
}

/// Builds the report of a run.
pub fn build(outcome: &Outcome, opts: &BuildOptions) -> AuditReport {
    let sources = outcome.sources();
    let facts = crate::git::repo_facts(&opts.root);
    // Artifact names are display paths; git wants them relative to the working tree.
    let repo_paths: BTreeMap<String, String> = match &facts {
        Some(f) => outcome
            .artifacts
            .iter()
            .filter_map(|a| {
                let abs = std::path::absolute(&a.file).ok()?.canonicalize().ok()?;
                let rel = abs.strip_prefix(&f.workdir).ok()?;
                Some((a.file.clone(), rel.to_string_lossy().replace('\\', "/")))
            })
            .collect(),
        None => BTreeMap::new(),
    };
    let in_repo: Vec<String> = repo_paths.values().cloned().collect();
    let last = facts.as_ref().map(|_| crate::git::last_changes(&opts.root, &in_repo)).unwrap_or_default();
    let uncommitted = facts.as_ref().map(|_| crate::git::uncommitted(&opts.root, &in_repo)).unwrap_or_default();

    // The rules that ran: built-in checks and the packages evaluated, but those the selection
    // turns off (`rules: {ID: off}` in the config, `--select`, `--ignore`): their findings are
    // dropped, so nothing was checked. The header lists the rules in force that are off.
    let selection = &outcome.config.selection;
    let off: BTreeSet<String> = outcome.rule_ids.in_force.iter().filter(|id| !selection.enabled(id)).cloned().collect();
    let ran: BTreeSet<String> = crate::diagnostic::codes::ALL
        .iter()
        .map(|(c, _)| c.to_string())
        .chain(outcome.packages.iter().filter(|p| p.role != crate::policy::Role::Library).map(|p| p.rule_id()))
        .filter(|id| selection.enabled(id))
        .collect();
    let rules: Vec<RuleDoc> = crate::rules::for_run(&outcome.packages).into_iter().filter(|r| ran.contains(&r.id)).collect();

    let artifact_files: BTreeSet<&str> = outcome.artifacts.iter().map(|a| a.file.as_str()).collect();
    let statuses = rule_statuses(outcome, &rules, &artifact_files);
    let exempt = exemptions(outcome);

    let enabled: Vec<&str> = if opts.frameworks.is_empty() {
        FRAMEWORKS.iter().map(|(id, _)| *id).collect()
    } else {
        FRAMEWORKS.iter().map(|(id, _)| *id).filter(|id| opts.frameworks.iter().any(|f| f == id)).collect()
    };
    let frameworks: Vec<FrameworkSection> = enabled
        .iter()
        .map(|fw| {
            let title = FRAMEWORKS.iter().find(|(id, _)| id == fw).map(|(_, t)| t.render(Lang::En)).unwrap_or_default();
            let mut counts = Counts::default();
            let requirements: Vec<Requirement> = rules
                .iter()
                .filter_map(|r| {
                    let clause = r.frameworks.get(*fw)?;
                    let (status, on) = &statuses[r.id.as_str()];
                    let (status, on) = under_framework(outcome, &exempt, &r.id, fw, *status, on);
                    counts.add(status);
                    let mut by_status = Counts::default();
                    for a in &on {
                        by_status.add(a.status);
                    }
                    Some(Requirement {
                        rule: r.id.clone(),
                        title: r.title.clone(),
                        clause: clause.clone(),
                        severity: r.severity.clone(),
                        layer: r.layer.clone(),
                        stage: r.stage.clone(),
                        status,
                        needs: r.evidence.clone(),
                        counts: by_status,
                        artifacts: on,
                    })
                })
                .collect();
            FrameworkSection { id: fw.to_string(), title, counts, requirements }
        })
        .collect();

    let matrix: Vec<MatrixRow> = Layer::ALL
        .iter()
        .map(|layer| MatrixRow {
            layer: layer.as_str().to_string(),
            cells: Stage::ALL
                .iter()
                .map(|stage| {
                    let mut counts = Counts::default();
                    for r in rules.iter().filter(|r| r.layer.as_deref() == Some(layer.as_str()) && r.stage.as_deref() == Some(stage.as_str())) {
                        counts.add(statuses[r.id.as_str()].0);
                    }
                    MatrixCell { stage: stage.as_str().to_string(), counts }
                })
                .collect(),
        })
        .collect();

    let finding = |d: &Diagnostic| finding_of(d, &sources);
    let artifacts: Vec<ArtifactSection> = outcome
        .artifacts
        .iter()
        .map(|a| {
            let repo_path = repo_paths.get(&a.file);
            let mut findings: Vec<Finding> =
                outcome.diagnostics.iter().chain(outcome.suppressed.iter()).filter(|d| *d.file == *a.file).map(finding).collect();
            findings.sort_by(|x, y| (x.line, x.column, &x.rule, x.suppression.is_some()).cmp(&(y.line, y.column, &y.rule, y.suppression.is_some())));
            ArtifactSection {
                file: a.file.clone(),
                documents: a
                    .docs
                    .iter()
                    .map(|d| Document { index: d.index, kind: d.kind.as_str().to_string(), format: d.format.as_str().to_string() })
                    .collect(),
                last_change: repo_path.and_then(|p| last.get(p)).map(|c| LastChange {
                    commit: c.commit.clone(),
                    author: c.author.clone(),
                    date: c.date.clone(),
                    summary: c.summary.clone(),
                }),
                uncommitted: facts.as_ref().map(|_| repo_path.is_none_or(|p| uncommitted.contains(p))),
                findings,
            }
        })
        .collect();
    let other_findings: Vec<Finding> = outcome
        .diagnostics
        .iter()
        .chain(outcome.suppressed.iter())
        .filter(|d| !artifact_files.contains(&*d.file))
        .map(finding)
        .collect();

    let mut artifacts_by_kind = BTreeMap::new();
    for a in &outcome.artifacts {
        let kinds: BTreeSet<&str> = a.docs.iter().map(|d| d.kind.as_str()).collect();
        for k in kinds {
            *artifacts_by_kind.entry(k.to_string()).or_insert(0) += 1;
        }
    }
    let layer_stage: Vec<(Option<String>, Option<String>, Status, String)> =
        rules.iter().map(|r| (r.layer.clone(), r.stage.clone(), statuses[r.id.as_str()].0, r.id.clone())).collect();
    let count = |s: Severity| outcome.diagnostics.iter().filter(|d| d.severity == s).count();
    let summary = Summary {
        files: outcome.files_read,
        artifacts: outcome.artifacts.len(),
        artifacts_by_kind,
        findings: FindingCounts {
            error: count(Severity::Error),
            warning: count(Severity::Warning),
            note: count(Severity::Note),
            suppressed: outcome.suppressed.len(),
        },
        frameworks: frameworks.iter().map(|f| FrameworkCounts { framework: f.id.clone(), counts: f.counts }).collect(),
        maturity: maturity::levels(&layer_stage),
        matrix,
        statuses: statuses.iter().map(|(id, (s, _))| (id.to_string(), *s)).collect(),
    };

    let waivers = waiver_entries(outcome, &opts.today);

    let user_policies: Vec<NamedDigest> = outcome
        .packages
        .iter()
        .filter(|p| !p.builtin)
        .map(|p| p.file.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|name| {
            let sha256 = std::fs::read(&name).map(|b| sha256_hex(&b)).unwrap_or_default();
            NamedDigest { name, sha256 }
        })
        .collect();
    let mut schemas: Vec<NamedDigest> =
        crate::schema::BUNDLED.iter().map(|(n, t)| NamedDigest { name: format!("schemas/{n}"), sha256: sha256_hex(t.as_bytes()) }).collect();
    schemas.sort_by(|a, b| a.name.cmp(&b.name));
    let header = Header {
        repository: facts.as_ref().and_then(|f| f.name.clone()),
        branch: facts.as_ref().and_then(|f| f.branch.clone()),
        commit: facts.as_ref().and_then(|f| f.commit.clone()),
        dirty: facts.as_ref().map(|f| f.dirty),
        date: opts.date.clone(),
        date_source: opts.date_source.clone(),
        waivers_as_of: opts.today.clone(),
        tool: Tool { name: "govlint".to_string(), version: env!("CARGO_PKG_VERSION").to_string() },
        frameworks: enabled.iter().map(|s| s.to_string()).collect(),
        frameworks_selected: !opts.frameworks.is_empty(),
        builtin_rules: opts.builtin_rules,
        policy_bundle: policy_bundle_digest(),
        schemas,
        config: outcome
            .config
            .source
            .as_ref()
            .map(|s| NamedDigest { name: s.name.to_string(), sha256: sha256_hex(s.text.as_bytes()) }),
        user_policies,
        profile: outcome.config.profile.as_object().filter(|p| !p.is_empty()).map(|p| serde_json::Value::Object(p.clone())),
        profile_line: outcome.config.profile_line,
        rules_off: off.into_iter().collect(),
    };
    AuditReport { version: VERSION, header, summary, frameworks, artifacts, other_findings, waivers, rules }
}

/// The frameworks each rule is exempt from on each file (its `exempt` results), by rule id and
/// file: framework → reason.
type Exemptions<'o> = BTreeMap<(String, &'o str), BTreeMap<&'o str, Option<&'o str>>>;

fn exemptions(outcome: &Outcome) -> Exemptions<'_> {
    let mut out: Exemptions<'_> = BTreeMap::new();
    for a in &outcome.artifacts {
        for j in &a.judged {
            let (Some(fw), Some(p)) = (j.framework.as_deref(), outcome.packages.get(j.package as usize)) else { continue };
            out.entry((p.rule_id(), a.file.as_str())).or_default().insert(fw, j.reason.as_deref());
        }
    }
    out
}

/// A rule's status as a requirement of `framework`: on a file where the rule is exempt from the
/// framework, `not-applicable` for the reason it gave, unless a finding there still cites the
/// framework; over the run the worst of the files, and of what the rule's status owes to files
/// that are no artifact.
fn under_framework(outcome: &Outcome, exempt: &Exemptions<'_>, rule: &str, framework: &str, status: Status, on: &[ArtifactStatus]) -> (Status, Vec<ArtifactStatus>) {
    if exempt.is_empty() {
        return (status, on.to_vec());
    }
    let cites = |list: &[Diagnostic], file: &str| list.iter().any(|d| d.rule == rule && *d.file == *file && d.frameworks.contains_key(framework));
    let list: Vec<ArtifactStatus> = on
        .iter()
        .map(|a| match exempt.get(&(rule.to_string(), a.file.as_str())).and_then(|f| f.get(framework)) {
            Some(reason) if !cites(&outcome.diagnostics, &a.file) && !cites(&outcome.suppressed, &a.file) => {
                ArtifactStatus { file: a.file.clone(), status: Status::NotApplicable, reason: reason.map(str::to_string) }
            }
            _ => a.clone(),
        })
        .collect();
    let worst = |l: &[ArtifactStatus]| l.iter().map(|a| a.status).min().unwrap_or(Status::NotApplicable);
    // What the rule's status owes to findings on files that are no artifact stays.
    let elsewhere = (status < worst(on)).then_some(status);
    let status = elsewhere.map_or(worst(&list), |e| e.min(worst(&list)));
    (status, list)
}

/// The overall status of each rule of `rules`, with its status on each artifact it concerns (in
/// path order): per artifact as [`crate::coverage::statuses`] gives it, the rules of one id
/// together; over the run the worst of them, a finding on a file that is not an artifact
/// included. A rule that concerns no artifact is `not-applicable`. The repository itself is a
/// subject too, named by the config (`(repository)` without one), for the rules that speak of it
/// (the diagnosis rules read the profile).
fn rule_statuses<'a>(outcome: &Outcome, rules: &'a [RuleDoc], artifact_files: &BTreeSet<&str>) -> BTreeMap<&'a str, (Status, Vec<ArtifactStatus>)> {
    let ids: Vec<String> = outcome.packages.iter().map(|p| p.rule_id()).collect();
    let per_file = crate::coverage::statuses(outcome);
    let reported: std::collections::HashMap<&str, &'a str> = rules.iter().map(|r| (r.id.as_str(), r.id.as_str())).collect();
    type ByFile = BTreeMap<String, crate::coverage::ArtifactStatus>;
    let mut on: BTreeMap<&'a str, ByFile> = BTreeMap::new();
    // Several packages of one id, and several judgements of one file, count as the worst.
    let keep = |on: &mut BTreeMap<&'a str, ByFile>, rule: &str, file: &str, s: crate::coverage::ArtifactStatus| {
        let Some(&rule) = reported.get(rule) else { return };
        let slot = on.entry(rule).or_default();
        match slot.get(file) {
            Some(old) if old.status <= s.status => {}
            _ => {
                slot.insert(file.to_string(), s);
            }
        }
    };
    for (a, statuses) in outcome.artifacts.iter().zip(&per_file) {
        for (pkg, s) in statuses {
            keep(&mut on, &ids[*pkg], a.file.as_str(), s.clone());
        }
    }
    // The built-in checks judge every document they read.
    for a in &outcome.artifacts {
        for (code, _) in crate::diagnostic::codes::ALL {
            keep(&mut on, code, a.file.as_str(), crate::coverage::ArtifactStatus { status: Status::Met, reason: None });
        }
    }
    for d in outcome.diagnostics.iter().filter(|d| crate::diagnostic::codes::ALL.iter().any(|(c, _)| *c == d.rule)) {
        if artifact_files.contains(&*d.file) {
            keep(&mut on, &d.rule, &d.file, crate::coverage::ArtifactStatus { status: Status::Failed, reason: None });
        }
    }
    for d in outcome.suppressed.iter().filter(|d| crate::diagnostic::codes::ALL.iter().any(|(c, _)| *c == d.rule)) {
        if artifact_files.contains(&*d.file) {
            keep(&mut on, &d.rule, &d.file, crate::coverage::ArtifactStatus { status: Status::Waived, reason: None });
        }
    }
    // The repository itself.
    let repository: &str = outcome.config.source.as_ref().map_or(REPOSITORY_SUBJECT, |s| &*s.name);
    for (pkg, s) in crate::coverage::repository_statuses(outcome, repository) {
        keep(&mut on, &ids[pkg], repository, s);
    }
    // Findings on other files (the config, files that could not be read) count against the rule.
    let elsewhere = |list: &[Diagnostic], rule: &str| list.iter().any(|d| d.rule == rule && !artifact_files.contains(&*d.file) && &*d.file != repository);
    rules
        .iter()
        .map(|r| {
            let list: Vec<ArtifactStatus> = on
                .remove(r.id.as_str())
                .unwrap_or_default()
                .into_iter()
                .map(|(file, s)| ArtifactStatus { file, status: s.status, reason: s.reason.as_deref().map(str::to_string) })
                .collect();
            let mut status = list.iter().map(|a| a.status).min().unwrap_or(Status::NotApplicable);
            if elsewhere(&outcome.diagnostics, &r.id) {
                status = Status::Failed;
            } else if elsewhere(&outcome.suppressed, &r.id) {
                status = status.min(Status::Waived);
            }
            (r.id.as_str(), (status, list))
        })
        .collect()
}

/// A clause of `framework` behind `rule`, in `lang`: the CAICT roadmap's in Chinese where the
/// rule's metadata gives it (`i18n.zh-CN.clauses`); other frameworks' as their sources write them.
pub fn clause_in(rule: &str, framework: &str, clause: &str, lang: Lang) -> String {
    crate::i18n::rule_doc(rule, lang).and_then(|t| t.clauses.get(framework).cloned()).unwrap_or_else(|| clause.to_string())
}

/// Counts as people read them: `2 failed, 40 met`, worst first, zeros left out.
pub fn counts_text(c: &Counts, lang: Lang) -> String {
    let parts: Vec<String> = [Status::Failed, Status::Waived, Status::NoEvidence, Status::Met, Status::NotApplicable]
        .into_iter()
        .filter(|s| c.get(*s) > 0)
        .map(|s| format!("{} {}", c.get(s), Text::status(s).render(lang)))
        .collect();
    parts.join(if lang == Lang::En { ", " } else { "，" })
}

/// The repository profile in one line: the facts it declares, the assessment by its date.
pub fn profile_text(p: &serde_json::Value, lang: Lang) -> String {
    let t = |x: Text| x.render(lang);
    let yes_no = |b: bool| t(if b { Text::Yes } else { Text::No });
    let mut parts = Vec::new();
    if let Some(r) = p.get("regions").and_then(serde_json::Value::as_array) {
        let list: Vec<&str> = r.iter().filter_map(serde_json::Value::as_str).collect();
        parts.push(format!("{}: {}", t(Text::Markets), list.join(", ")));
    }
    for (key, label) in [("public", Text::PublicService), ("commercial", Text::Commercial), ("minors", Text::Minors), ("systemic_risk", Text::SystemicRisk)] {
        if let Some(b) = p.get(key).and_then(serde_json::Value::as_bool) {
            parts.push(format!("{}: {}", t(label), yes_no(b)));
        }
    }
    if let Some(o) = p.get("owner") {
        let name = o.get("name").or_else(|| o.get("team")).or_else(|| o.get("email")).and_then(serde_json::Value::as_str).unwrap_or("?");
        parts.push(format!("{}: {name}", t(Text::Owner)));
    }
    if let Some(c) = p.get("data_classification").and_then(serde_json::Value::as_str) {
        parts.push(format!("{}: {c}", t(Text::DataClassification)));
    }
    if let Some(a) = p.get("assessment") {
        parts.push(match a.get("date").and_then(serde_json::Value::as_str) {
            Some(date) => t(Text::AssessmentOf { date: &date }),
            None => t(Text::AssessmentUndated),
        });
    }
    parts.join(if lang == Lang::En { "; " } else { "；" })
}

pub use crate::coverage::REPOSITORY_SUBJECT;

fn finding_of(d: &Diagnostic, sources: &Sources) -> Finding {
    let excerpt = sources
        .get(&*d.file)
        .filter(|s| !s.text.is_empty())
        .map(|s| {
            let first = d.start.line.max(1);
            let last = d.end.line.max(first).min(first + MAX_EXCERPT_LINES - 1).min(s.line_count());
            (first..=last)
                .map(|line| {
                    let span = s.line_span(line);
                    let text = &s.text[span.start..span.end];
                    if REDACTED_EXCERPTS.contains(&d.rule.as_str()) {
                        let keep = if line == first { d.start.column.saturating_sub(1).min(MAX_EXCERPT_WIDTH) } else { 0 };
                        let cut = text.char_indices().nth(keep).map_or(text.len(), |(i, _)| i);
                        return ExcerptLine { line, text: format!("{}[redacted]", &text[..cut]) };
                    }
                    let text = match text.char_indices().nth(MAX_EXCERPT_WIDTH) {
                        Some((i, _)) => format!("{}…", &text[..i]),
                        None => text.to_string(),
                    };
                    ExcerptLine { line, text }
                })
                .collect()
        })
        .unwrap_or_default();
    Finding {
        rule: d.rule.clone(),
        severity: d.severity.as_str().to_string(),
        message: d.message.clone(),
        file: d.file.to_string(),
        line: d.start.line,
        column: d.start.column,
        clauses: d.frameworks.as_ref().clone(),
        suppression: d.suppression.as_deref().cloned(),
        excerpt,
        localized: d.localized.as_deref().cloned(),
    }
}

/// The config's waivers with their status on `today` (`YYYY-MM-DD`).
fn waiver_entries(outcome: &Outcome, today: &str) -> Vec<WaiverEntry> {
    let today_date = chrono::NaiveDate::parse_from_str(today, "%Y-%m-%d").ok();
    let mut out: Vec<WaiverEntry> = outcome
        .config
        .waivers
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let days_left = w
                .expires
                .as_deref()
                .and_then(|e| chrono::NaiveDate::parse_from_str(e, "%Y-%m-%d").ok())
                .zip(today_date)
                .map(|(e, t)| (e - t).num_days());
            let status = if w.expired(today) {
                WaiverStatus::Expired
            } else if !outcome.waivers_used.contains(&i) {
                WaiverStatus::Unused
            } else if days_left.is_some_and(|d| d <= EXPIRING_WITHIN_DAYS) {
                WaiverStatus::Expiring
            } else {
                WaiverStatus::Active
            };
            let findings = outcome
                .suppressed
                .iter()
                .filter(|d| {
                    d.rule == w.rule
                        && d.suppression.as_ref().is_some_and(|s| {
                            s.kind == crate::diagnostic::SuppressionKind::Waiver
                                && s.reason.as_deref() == Some(w.reason.as_str())
                                && s.approved_by.as_deref() == Some(w.approved_by.as_str())
                        })
                })
                .count();
            WaiverEntry {
                rule: w.rule.clone(),
                paths: w.paths.clone(),
                pointer: w.pointer.clone(),
                reason: w.reason.clone(),
                approved_by: w.approved_by.clone(),
                expires: w.expires.clone(),
                status,
                findings: if status == WaiverStatus::Unused { 0 } else { findings },
                line: outcome.config.source.as_ref().map(|s| s.position(w.span.start).line),
            }
        })
        .collect();
    out.sort_by(|a, b| (a.line, &a.rule).cmp(&(b.line, &b.rule)));
    out
}
