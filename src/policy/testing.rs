//! `govlint test`: runs the `test_*` rules of `*_test.rego` files, like `opa test`, with
//! per-file line coverage from regorus.

use std::path::PathBuf;

use super::{bundled_files, user_files, LoadOptions, PolicySet, RegoFile, LIB_PREFIX};
use crate::error::ToolError;

/// What to test.
#[derive(Debug, Clone, Default)]
pub struct TestOptions {
    /// Policy directories or files; empty means the bundled policies.
    pub paths: Vec<PathBuf>,
    pub coverage: bool,
    pub rego_v0: bool,
    /// Only tests whose name contains this.
    pub run: Option<String>,
    /// Data files and directories merged into `data`, as `check -d` merges them.
    pub data: Vec<PathBuf>,
}

/// One test and how it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestCase {
    pub file: String,
    pub line: usize,
    pub package: String,
    pub name: String,
    /// `None` when it passed, else why it failed.
    pub failure: Option<String>,
}

/// Line coverage of one policy file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileCoverage {
    pub file: String,
    pub covered: usize,
    pub total: usize,
}

impl FileCoverage {
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            100.0
        } else {
            self.covered as f64 * 100.0 / self.total as f64
        }
    }
}

/// The outcome of a test run.
#[derive(Debug, Clone, Default)]
pub struct TestReport {
    pub cases: Vec<TestCase>,
    pub coverage: Vec<FileCoverage>,
}

impl TestReport {
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|c| c.failure.is_none()).count()
    }
    pub fn failed(&self) -> usize {
        self.cases.len() - self.passed()
    }
    /// Lines covered over lines coverable, over every file, in percent.
    pub fn total_coverage(&self) -> f64 {
        let covered: usize = self.coverage.iter().map(|c| c.covered).sum();
        let total: usize = self.coverage.iter().map(|c| c.total).sum();
        if total == 0 {
            100.0
        } else {
            covered as f64 * 100.0 / total as f64
        }
    }
}

/// The `test_*` rule heads of a test file, with their 1-based lines.
pub fn test_rules(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if !line.starts_with("test_") {
            continue;
        }
        let name: String = line.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
        if !out.iter().any(|(n, _)| *n == name) {
            out.push((name, i + 1));
        }
    }
    out
}

/// Runs the tests.
pub fn run(opts: &TestOptions) -> Result<TestReport, ToolError> {
    let mut files: Vec<RegoFile> = if opts.paths.is_empty() { bundled_files() } else { user_files(&opts.paths)? };
    if files.is_empty() {
        return Err(ToolError::msg("no .rego files found to test"));
    }
    // Tests of user policies may import the bundled helpers.
    if !files.iter().any(|f| f.package.starts_with(LIB_PREFIX)) {
        files.extend(bundled_files().into_iter().filter(|f| f.package.starts_with(LIB_PREFIX) && !f.is_test()));
    }
    // The tests give `data.govlint.file` with `with`, as they please.
    let load = LoadOptions { builtin: false, rego_v0: opts.rego_v0, data: opts.data.clone(), context_rules: false, ..LoadOptions::default() };
    let set = PolicySet::compile(files.clone(), &load)?;
    let mut engine = set.worker();
    engine.set_enable_coverage(opts.coverage);
    let mut report = TestReport::default();
    for f in files.iter().filter(|f| f.is_test()) {
        for (name, line) in test_rules(&f.source.text) {
            if opts.run.as_ref().is_some_and(|r| !name.contains(r.as_str())) {
                continue;
            }
            // Each test is one evaluation, with a budget of its own.
            super::bounds::begin(1);
            let failure = match engine.eval_query(format!("data.{}.{name}", f.package), false) {
                Err(e) => {
                    let s = e.to_string();
                    Some(s.lines().find_map(|l| l.trim().strip_prefix("error: ").map(str::to_string)).unwrap_or_else(|| s.trim().to_string()))
                }
                Ok(r) => match r.result.first().and_then(|r| r.expressions.first()).map(|e| &e.value) {
                    Some(v) if *v == regorus::Value::from(true) => None,
                    Some(v) => Some(format!("evaluated to {}", serde_json::to_string(v).unwrap_or_default())),
                    None => Some("undefined (a condition in the test did not hold)".to_string()),
                },
            };
            report.cases.push(TestCase { file: f.path.clone(), line, package: f.package.clone(), name, failure });
        }
    }
    if opts.coverage {
        let cov = engine.get_coverage_report().map_err(|e| ToolError::msg(format!("coverage: {e}")))?;
        for file in cov.files {
            if file.path.ends_with("_test.rego") {
                continue;
            }
            // Only the files under test, not helpers pulled in for them.
            if !files.iter().any(|f| f.path == file.path && (opts.paths.is_empty() || !f.builtin)) {
                continue;
            }
            let covered = file.covered.len();
            report.coverage.push(FileCoverage { file: file.path, covered, total: covered + file.not_covered.len() });
        }
        report.coverage.sort_by(|a, b| a.file.cmp(&b.file));
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_test_rule_heads() {
        let t = "package p_test\n\ntest_a if {\n  true\n}\n\n# test_comment\ntest_b := true\ntest_a if { false }\n";
        assert_eq!(test_rules(t), vec![("test_a".to_string(), 3), ("test_b".to_string(), 8)]);
    }
}
