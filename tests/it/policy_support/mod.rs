//! Helpers of the Rego engine tests (`tests/it/policy.rs`): the fixture trees under
//! `fixtures/policies/`, running the real binary inside one, and reading its JSON report.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::Value;

/// The tree `fixtures/policies/<name>/`.
pub fn case(name: &str) -> PathBuf {
    let p = crate::common::project_root().join("fixtures").join("policies").join(name);
    assert!(p.is_dir(), "missing fixture case {}", p.display());
    p
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Fails with the run's output unless it exited with `code`.
    #[track_caller]
    pub fn code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr);
        self
    }

    /// Parses stdout as the version-1 JSON report.
    #[track_caller]
    pub fn report(&self) -> Report {
        let raw: Value = serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr));
        assert_eq!(raw["version"], 1, "JSON report version");
        let mut report: Report = serde_json::from_value(raw.clone())
            .unwrap_or_else(|e| panic!("stdout is not a version-1 JSON report: {e}\n--- stdout\n{}", self.stdout));
        report.raw = raw;
        report
    }

    /// The last line of stdout.
    pub fn last_line(&self) -> &str {
        self.stdout.lines().last().unwrap_or("")
    }
}

/// Runs `govlint <args>` with `dir` as the working directory, so that reported paths are
/// relative to the fixture tree (through the shared runner, with its clean environment).
pub fn govlint(dir: &Path, args: &[&str]) -> Run {
    let run = crate::common::govlint(dir, args);
    Run { code: run.code, stdout: run.stdout, stderr: run.stderr }
}

/// `govlint check . --format json <args>` in the fixture tree `case`.
pub fn check(case_name: &str, args: &[&str]) -> Run {
    let mut all = vec!["check", ".", "--format", "json"];
    all.extend_from_slice(args);
    govlint(&case(case_name), &all)
}

/// The JSON report.
#[derive(Debug, Deserialize)]
pub struct Report {
    pub diagnostics: Vec<Diag>,
    /// Findings reported but not counted (waivers, baselines, policy `exception` rules).
    #[serde(default)]
    pub suppressed: Vec<Diag>,
    pub summary: Summary,
    /// The whole document, for fields the structs do not name.
    #[serde(skip)]
    pub raw: Value,
}

impl Report {
    /// Every diagnostic as `file:line:col severity rule: message`, in report order.
    pub fn lines(&self) -> Vec<String> {
        self.diagnostics.iter().map(Diag::short).collect()
    }

    /// The findings excepted by a policy's conftest `exception` rule, in the same form.
    #[track_caller]
    pub fn exception_lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for d in &self.suppressed {
            let kind = d.suppression.as_ref().and_then(|s| s.get("kind")).and_then(Value::as_str);
            if kind == Some("exception") {
                out.push(d.short());
            }
        }
        out
    }

    /// The only diagnostic with this message.
    #[track_caller]
    pub fn one(&self, message: &str) -> &Diag {
        let found: Vec<&Diag> = self.diagnostics.iter().filter(|d| d.message == message).collect();
        assert_eq!(found.len(), 1, "expected one diagnostic `{message}`, got {:#?}", self.lines());
        found[0]
    }
}

pub use crate::common::{Diag, Summary};

/// The text `span` covers in `file` of the fixture tree `case`.
pub fn spanned(case_name: &str, d: &Diag) -> String {
    let text = std::fs::read_to_string(case(case_name).join(&d.file)).expect("the reported file exists");
    text[d.span.start..d.span.end].to_string()
}
