//! GitLab Code Quality report: a JSON array of issues in the subset of the Code Climate issue
//! format that GitLab reads from a job's `artifacts:reports:codequality` file, and shows in the
//! merge request widget and the diff.
//!
//! Each finding that counts is one issue: `description` (the message, in the output language),
//! `check_name` (the rule id), `fingerprint`, `severity`, and `location` with the file and the
//! first and last line. GitLab tells new findings from fixed ones by comparing the fingerprints
//! of the merge request's pipeline with those of its target branch, so a fingerprint must not
//! move with the finding's line and must differ between two findings. It hashes the finding's
//! own fingerprint (rule, file, document, JSON pointer: no line) with its message, and, for
//! findings that share both, their order in the output.
//!
//! GitLab's severities are info, minor, major, critical and blocker; govlint's three map to
//! `major` (error), `minor` (warning) and `info` (note), leaving the top two to tools that rank
//! by impact. Suppressed findings are left out: the report lists what asks for a fix.

use std::collections::HashMap;

use serde::Serialize;

use super::RunView;
use crate::diagnostic::{Diagnostic, Severity};

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// The Code Quality severity of a govlint severity.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}

/// The issue fingerprint of a finding, `nth` counting the earlier findings in the output with
/// the same fingerprint and message.
fn fingerprint(d: &Diagnostic, nth: usize) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    for part in [d.fingerprint().as_str(), d.message.as_str(), &nth.to_string()] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    data_encoding::HEXLOWER.encode(&h.finalize()[..16])
}

pub fn render(view: &RunView) -> String {
    let mut seen: HashMap<(String, &str), usize> = HashMap::new();
    let issues: Vec<Issue> = view
        .diagnostics
        .iter()
        .map(|d| {
            let nth = seen.entry((d.fingerprint(), d.message.as_str())).or_default();
            let fingerprint = fingerprint(d, *nth);
            *nth += 1;
            Issue {
                description: d.localized.as_ref().map_or(&d.message, |l| &l.message),
                check_name: &d.rule,
                fingerprint,
                severity: severity(d.severity),
                location: Location {
                    path: &d.file,
                    lines: Lines { begin: d.start.line.max(1), end: d.end.line.max(d.start.line).max(1) },
                },
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".to_string());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::{empty_view, sample_view};
    use serde_json::Value;

    #[test]
    fn sample() {
        insta::assert_snapshot!(render(&sample_view()));
    }

    #[test]
    fn empty_run_is_an_empty_array() {
        assert_eq!(render(&empty_view()), "[]\n");
    }

    #[test]
    fn one_issue_per_counted_finding_with_distinct_fingerprints() {
        let view = sample_view();
        let issues: Vec<Value> = serde_json::from_str(&render(&view)).unwrap();
        assert_eq!(issues.len(), view.diagnostics.len());
        let text = render(&view);
        assert!(!text.contains("DP007") && !text.contains("DS004"), "suppressed findings are not reported");
        let mut prints: Vec<&str> = issues.iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
        prints.sort();
        prints.dedup();
        assert_eq!(prints.len(), issues.len());
    }

    #[test]
    fn fingerprints_ignore_the_line_and_tell_apart_findings_at_one_place() {
        let view = sample_view();
        let base = view.diagnostics.iter().find(|d| d.rule == "DP003").unwrap().clone();
        let mut moved = base.clone();
        moved.start.line += 10;
        moved.end.line += 10;
        let mut other = base.clone();
        other.message = "replicas: 1 leaves no pod during a rollout".to_string();
        let twin = base.clone();
        let diagnostics = [base, moved, other, twin];
        let view = RunView { diagnostics: &diagnostics, ..sample_view() };
        let issues: Vec<Value> = serde_json::from_str(&render(&view)).unwrap();
        let print = |i: usize| issues[i]["fingerprint"].as_str().unwrap().to_string();
        // The same finding on another line keeps its fingerprint...
        let first = RunView { diagnostics: &diagnostics[1..2], ..sample_view() };
        let moved_alone: Vec<Value> = serde_json::from_str(&render(&first)).unwrap();
        assert_eq!(moved_alone[0]["fingerprint"].as_str().unwrap(), print(0));
        // ...and a second message at the same place, or an exact repeat, gets its own.
        assert_ne!(print(2), print(0));
        assert_ne!(print(3), print(0));
        assert_ne!(print(3), print(1));
    }

    #[test]
    fn severities_are_gitlab_names() {
        assert_eq!([Severity::Error, Severity::Warning, Severity::Note].map(severity), ["major", "minor", "info"]);
    }
}
