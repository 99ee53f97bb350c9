//! Helpers shared by the integration tests: where the fixtures are, how to run the real
//! binary, and the shape of its JSON output.
//!
//! Each test file includes this module (`mod common;`) and uses part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde::Deserialize;

/// The project root (where Cargo.toml is).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `fixtures/` in the project.
pub fn fixtures() -> PathBuf {
    project_root().join("fixtures")
}

/// The trees a test holds every real file to: the fixtures, and the shared corpus and shared
/// repositories where they are (they exist only in the development setup; a test skips them,
/// saying so, elsewhere).
pub fn real_trees() -> Vec<PathBuf> {
    let root = project_root();
    let mut trees = vec![fixtures()];
    for shared in ["../shared/corpus", "../shared/repos"] {
        let dir = root.join(shared);
        if dir.is_dir() {
            trees.push(dir);
        } else {
            eprintln!("skipped: no {} (it exists only in the development setup)", dir.display());
        }
    }
    trees
}

/// The tiny repository `fixtures/cases/<name>/`.
pub fn case(name: &str) -> PathBuf {
    let p = fixtures().join("cases").join(name);
    assert!(p.is_dir(), "missing fixture case {}", p.display());
    p
}

/// `fixtures/example-repo/`.
pub fn example_repo() -> PathBuf {
    fixtures().join("example-repo")
}

/// What one run of the binary produced.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The exact bytes of stdout, for determinism checks.
    pub raw_stdout: Vec<u8>,
}

impl Run {
    /// Fails with the run's output unless it exited with `code`.
    #[track_caller]
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, code, "unexpected exit code\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr);
        self
    }

    /// Parses stdout as the JSON report.
    #[track_caller]
    pub fn report(&self) -> Report {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not a version-1 JSON report: {e}\n--- stdout\n{}\n--- stderr\n{}", self.stdout, self.stderr))
    }

    /// The `skipped <path>: <reason>` lines of `--verbose`.
    pub fn skipped(&self) -> Vec<(String, String)> {
        self.stderr
            .lines()
            .filter_map(|l| l.strip_prefix("skipped "))
            .filter_map(|l| l.split_once(": "))
            .map(|(p, r)| (p.to_string(), r.to_string()))
            .collect()
    }

    /// The reason `--verbose` gives for skipping `path`, if it was skipped.
    pub fn skip_reason(&self, path: &str) -> Option<String> {
        self.skipped().into_iter().find(|(p, _)| p == path).map(|(_, r)| r)
    }

    /// The `checked <path> (document N): <kind> (<format>), <reason>` lines of `--verbose`, as
    /// (path, 1-based document, kind, format).
    pub fn checked(&self) -> Vec<(String, usize, String, String)> {
        self.stderr
            .lines()
            .filter_map(|l| l.strip_prefix("checked "))
            .filter_map(|l| {
                let (path, rest) = l.split_once(" (document ")?;
                let (n, rest) = rest.split_once("): ")?;
                let (kind, rest) = rest.split_once(" (")?;
                let (format, _) = rest.split_once("), ")?;
                Some((path.to_string(), n.parse().ok()?, kind.to_string(), format.to_string()))
            })
            .collect()
    }
}

/// The user cache directory the tests' runs use (`XDG_CACHE_HOME`): the result cache's key is
/// kept there, not in the home directory of whoever runs the tests.
pub fn user_cache() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("xdg-cache")
}

/// `govlint <args>` run in `dir`, with a clean environment for color and language (English,
/// whatever the locale of the machine).
pub fn govlint(dir: &Path, args: &[&str]) -> Run {
    govlint_with(dir, &[], args)
}

/// [`govlint`] with extra environment variables.
pub fn govlint_with(dir: &Path, env: &[(&str, &str)], args: &[&str]) -> Run {
    let out = Command::cargo_bin("govlint")
        .expect("the govlint binary is built for integration tests")
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("GOVLINT_LANG")
        .env_remove("GOVLINT_CACHE_STATS")
        .env("LC_ALL", "C")
        .env("XDG_CACHE_HOME", user_cache())
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("govlint runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        raw_stdout: out.stdout,
    }
}

/// `govlint check --format json <args>` run in `dir`: the run and its parsed report.
pub fn check_json(dir: &Path, args: &[&str]) -> (Run, Report) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = govlint(dir, &all);
    assert_ne!(run.code, 2, "the tool failed\n--- stderr\n{}", run.stderr);
    let report = run.report();
    (run, report)
}

/// The JSON output of `govlint check --format json`, version 1.
///
/// ```text
/// {
///   "version": 1,
///   "tool": {"name": "govlint", "version": "<crate version>"},
///   "diagnostics": [ {
///       "rule": "schema",                 // rule id: parse-error, duplicate-key, schema, ...
///       "severity": "error",              // error | warning | note, after config overrides
///       "message": "...",
///       "file": "models/x/README.md",     // relative to the working directory, `/`-separated
///       "line": 8, "column": 20,          // 1-based; columns count Unicode scalar values
///       "end_line": 8, "end_column": 24,  // the end of the span (exclusive)
///       "span": {"start": 91, "end": 95}, // byte offsets in the file
///       "label": "invalid value",         // text under the span, or null
///       "help": "...",                    // or null
///       "pointer": "/governance/parameter_count", // JSON pointer in the document, or null
///       "document": 0,                    // 0-based document index in the file, or null
///       "kind": "model-card"              // artifact kind of that document, or null
///   } ],
///   "summary": {"files": 2, "artifacts": 1, "errors": 1, "warnings": 0, "notes": 0}
/// }
/// ```
///
/// Diagnostics are sorted by file, line, column, rule.
#[derive(Debug, Deserialize, PartialEq)]
pub struct Report {
    pub version: u32,
    pub tool: Tool,
    pub diagnostics: Vec<Diag>,
    pub summary: Summary,
}

#[derive(Debug, Deserialize, PartialEq)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Deserialize, PartialEq, Clone)]
pub struct Diag {
    pub rule: String,
    pub severity: String,
    pub message: String,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub span: SpanOut,
    pub label: Option<String>,
    pub help: Option<String>,
    pub pointer: Option<String>,
    pub document: Option<usize>,
    pub kind: Option<String>,
    #[serde(default)]
    pub details: Option<serde_json::Value>,
    #[serde(default)]
    pub suppression: Option<serde_json::Value>,
}

impl Diag {
    /// `file:line:col severity rule: message`, for assertion messages.
    pub fn short(&self) -> String {
        format!("{}:{}:{} {} {}: {}", self.file, self.line, self.column, self.severity, self.rule, self.message)
    }

    /// `line:col-end_line:end_col`.
    pub fn range(&self) -> String {
        format!("{}:{}-{}:{}", self.line, self.column, self.end_line, self.end_column)
    }
}

#[derive(Debug, Deserialize, PartialEq, Clone, Copy)]
pub struct SpanOut {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Deserialize, PartialEq, Clone, Copy)]
pub struct Summary {
    pub files: usize,
    pub artifacts: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

/// The field names of a diagnostic in JSON version 1, in output order.
pub const DIAGNOSTIC_FIELDS: &[&str] = &[
    "rule",
    "severity",
    "message",
    "file",
    "line",
    "column",
    "end_line",
    "end_column",
    "span",
    "label",
    "help",
    "pointer",
    "document",
    "kind",
    "frameworks",
    "details",
    "fingerprint",
    "suppression",
];

/// The rule ids of the checks built into the pipeline (parsing, schemas, reading); policy
/// rules bring their own ids.
pub const BUILTIN_RULES: &[&str] = &["parse-error", "duplicate-key", "schema", "read-error", "limit-exceeded"];

impl Report {
    /// The diagnostics of the built-in checks, leaving out policy findings: the fixture cases
    /// are about parsing and schemas, and must not break when policies are added.
    pub fn builtin(&self) -> Vec<&Diag> {
        self.diagnostics.iter().filter(|d| BUILTIN_RULES.contains(&d.rule.as_str())).collect()
    }

    /// The diagnostics of `file`.
    pub fn in_file(&self, file: &str) -> Vec<&Diag> {
        self.diagnostics.iter().filter(|d| d.file == file).collect()
    }

    /// The one diagnostic of `file` with `rule`; fails if there is not exactly one.
    #[track_caller]
    pub fn only(&self, file: &str, rule: &str) -> &Diag {
        let found: Vec<&Diag> = self.diagnostics.iter().filter(|d| d.file == file && d.rule == rule).collect();
        assert_eq!(found.len(), 1, "expected one `{rule}` diagnostic in {file}, got {found:#?}\nall: {:#?}", self.diagnostics);
        found[0]
    }

    /// The files that have diagnostics, sorted, without repeats.
    pub fn files(&self) -> Vec<&str> {
        let mut f: Vec<&str> = self.diagnostics.iter().map(|d| d.file.as_str()).collect();
        f.dedup();
        f
    }

    /// The files that have diagnostics of the built-in checks, sorted, without repeats.
    pub fn builtin_files(&self) -> Vec<&str> {
        let mut f: Vec<&str> = self.builtin().into_iter().map(|d| d.file.as_str()).collect();
        f.dedup();
        f
    }
}

impl Diag {
    /// (line, column) of the start.
    pub fn at(&self) -> (usize, usize) {
        (self.line, self.column)
    }

    /// The text the span covers in `text` (the file's content).
    pub fn covered<'t>(&self, text: &'t str) -> &'t str {
        &text[self.span.start..self.span.end]
    }
}

/// The lines of `text` as govlint counts them: LF, CRLF and a lone CR end a line; the
/// returned lines exclude their line ends. A text ending in a line end has an empty last line.
pub fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                out.push(&text[start..i]);
                i += 1;
                start = i + 1;
            }
            b'\r' => {
                out.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push(&text[start..]);
    out
}

/// Checks that a 1-based (line, column) lies in `text`: the line exists and the column is at
/// most one past the line's last character (a byte order mark is not a column).
pub fn position_in_bounds(text: &str, line: usize, column: usize) -> Result<(), String> {
    let all = lines(text);
    if line == 0 || line > all.len() {
        return Err(format!("line {line} outside 1..={}", all.len()));
    }
    let mut l = all[line - 1];
    if line == 1 {
        l = l.strip_prefix('\u{feff}').unwrap_or(l);
    }
    let width = l.chars().count();
    if column == 0 || column > width + 1 {
        return Err(format!("column {column} outside 1..={} on line {line} ({l:?})", width + 1));
    }
    Ok(())
}

/// Copies the directory tree `from` into `to` (regular files and directories only).
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary directory (removed when the guard drops) and its canonical path, so that the
/// paths govlint prints relative to it are stable.
pub fn tempdir() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().canonicalize().unwrap();
    (t, p)
}

/// Writes `text` to `dir/rel`, creating parent directories.
pub fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// The 1-based (line, column) of byte `offset` in `text`, counted as govlint documents it:
/// columns are Unicode scalar values, a byte order mark is not a column.
pub fn position_of(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let mut line = 1;
    let mut line_start = 0;
    let bytes = before.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        let ends = match b {
            b'\n' => true,
            b'\r' => text.as_bytes().get(i + 1) != Some(&b'\n'),
            _ => false,
        };
        if ends {
            line += 1;
            line_start = i + 1;
        }
    }
    let mut col_text = &before[line_start..];
    if line == 1 {
        col_text = col_text.strip_prefix('\u{feff}').unwrap_or(col_text);
    }
    (line, col_text.chars().count() + 1)
}

/// `git <args>` in `dir` with a fixed identity, no signing and `main` as the default branch;
/// it must succeed. Its standard output.
pub fn git(dir: &Path, args: &[&str]) -> String {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// The text of the README's first fenced block after `after` (its body, without the fence
/// lines): the tests that hold the README's examples to what govlint does read them here.
pub fn readme_block(after: &str) -> String {
    let readme = std::fs::read_to_string(project_root().join("README.md")).expect("README.md");
    let rest = readme.split(after).nth(1).unwrap_or_else(|| panic!("the README has `{after}`"));
    let block = rest.split("```").nth(1).expect("a fenced block follows");
    block.split_once('\n').map(|(_, body)| body.to_string()).expect("a fenced block")
}
