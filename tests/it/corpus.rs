//! Robustness on real-world files: every file of the shared corpus (`../shared/corpus`,
//! beside the project in the development setup; absent from a user's clone, in which case
//! the tests say so and pass) is checked one by one and as a whole directory. The tool must
//! never panic, never fail as a tool (exit 2), always print a JSON report, never have a
//! bundled policy fail at run time (`policy-error`), and every diagnostic must point inside
//! its file, at the line and column of its byte span.

use crate::common;

use std::path::{Path, PathBuf};

use common::{check_json, govlint, position_in_bounds, position_of, Report};

fn corpus() -> Option<PathBuf> {
    let dir = common::project_root().join("../shared/corpus");
    if dir.is_dir() {
        Some(dir.canonicalize().unwrap())
    } else {
        eprintln!("skipped: no corpus at {} (it exists only in the development setup)", dir.display());
        None
    }
}

/// Every regular file under `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let e = e.unwrap();
            let ft = e.file_type().unwrap();
            if ft.is_dir() {
                walk(root, &e.path(), out);
            } else if ft.is_file() {
                out.push(e.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// An empty config, so that no govlint.yaml above the corpus changes the run.
fn neutral_config() -> (tempfile::TempDir, String) {
    let t = tempfile::tempdir().unwrap();
    let p = t.path().join("govlint.yaml");
    std::fs::write(&p, "# no settings: defaults only\n").unwrap();
    let s = p.to_str().unwrap().to_string();
    (t, s)
}

/// Runs `check --format json` in `dir` on `args` and checks everything the tests promise.
fn check_run(dir: &Path, config: &str, args: &[&str]) -> Report {
    let what = format!("govlint check {}", args.join(" "));
    let run = govlint(dir, &[&["check", "--format", "json", "--config", config][..], args].concat());
    assert_ne!(run.code, 101, "{what} panicked:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{what} panicked:\n{}", run.stderr);
    assert_ne!(run.code, 2, "{what} failed as a tool:\n{}", run.stderr);
    let report = run.report();
    let errors = report.diagnostics.iter().filter(|d| d.severity == "error").count();
    assert_eq!(report.summary.errors, errors, "{what}: summary");
    assert_eq!(run.code, i32::from(errors > 0), "{what}: exit code 1 exactly when there are errors");
    for d in &report.diagnostics {
        // A bundled policy that fails at run time on a real file is a bug in the policy.
        assert_ne!(d.rule, "policy-error", "{what}: {}:{}: {}", d.file, d.line, d.message);
        let text = std::fs::read_to_string(dir.join(&d.file)).unwrap_or_else(|e| panic!("{what}: {} unreadable: {e}", d.file));
        let at = format!("{what}: {}:{}:{} {} {:?}", d.file, d.line, d.column, d.rule, d.message);
        position_in_bounds(&text, d.line, d.column).unwrap_or_else(|e| panic!("{at}: start {e}"));
        position_in_bounds(&text, d.end_line, d.end_column).unwrap_or_else(|e| panic!("{at}: end {e}"));
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{at}: span {:?} in {} bytes", d.span, text.len());
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{at}: span splits a character");
        assert_eq!(position_of(&text, d.span.start), (d.line, d.column), "{at}: line/column disagree with the span start");
        assert_eq!(position_of(&text, d.span.end), (d.end_line, d.end_column), "{at}: end disagrees with the span end");
    }
    report
}

#[test]
fn every_corpus_file_alone() {
    let Some(dir) = corpus() else { return };
    let (_t, config) = neutral_config();
    let all = files(&dir);
    assert!(all.len() > 10, "the corpus looks empty");
    for f in &all {
        check_run(&dir, &config, &[f]);
    }
}

#[test]
fn the_whole_corpus_directory() {
    let Some(dir) = corpus() else { return };
    let (_t, config) = neutral_config();
    let report = check_run(&dir, &config, &["."]);
    assert!(report.summary.artifacts > 0);
    // Every file the directory run reports on is a corpus file.
    let all = files(&dir);
    for f in report.files() {
        assert!(all.iter().any(|a| a == f), "{f} is not a corpus file");
    }
    // One worker thread reports exactly the same.
    let (_r, again) = check_json(&dir, &["--config", &config, "-j", "1", "."]);
    assert_eq!(again, report);
}
