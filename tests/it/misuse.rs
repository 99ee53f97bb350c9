//! Misuse of the command line is a tool error: exit 2, and a message that names what is wrong
//! so that the user can fix it.

use crate::common;

use common::{example_repo, govlint};

#[track_caller]
fn tool_error(args: &[&str], needles: &[&str]) {
    let dir = example_repo();
    let run = govlint(&dir, args);
    assert_eq!(run.code, 2, "{args:?}\n--- stdout\n{}\n--- stderr\n{}", run.stdout, run.stderr);
    for n in needles {
        assert!(run.stderr.contains(n), "{args:?}: stderr lacks `{n}`\n{}", run.stderr);
    }
}

#[test]
fn bad_flag_values() {
    tool_error(&["check", "--format", "xml"], &["xml"]);
    tool_error(&["check", "--format", "json:"], &["a file name must follow the colon"]);
    tool_error(&["check", "-j", "0"], &["--jobs"]);
    tool_error(&["check", "-j", "many"], &["many"]);
    tool_error(&["check", "--fail-on", "sometimes"], &["sometimes"]);
    tool_error(&["check", "--color", "purple"], &["purple"]);
    tool_error(&["test", "--threshold", "120"], &["not a percentage from 0 to 100"]);
}

#[test]
fn unknown_framework() {
    tool_error(&["check", "--framework", "gdpr"], &["gdpr", "eu-ai-act"]);
}

#[test]
fn nonexistent_paths() {
    tool_error(&["check", "no/such/dir"], &["no/such/dir", "no such file or directory"]);
    tool_error(&["check", "-c", "no-such-config.yaml"], &["no-such-config.yaml"]);
    tool_error(&["check", "-p", "no-such-policies"], &["no-such-policies", "no such file or directory"]);
    tool_error(&["check", "-d", "no-such-data.yaml"], &["no-such-data.yaml", "does not exist"]);
    tool_error(&["check", "--baseline", "no-such-baseline.json"], &["no-such-baseline.json"]);
    tool_error(&["test", "no-such-policies"], &["no-such-policies"]);
}

#[test]
fn output_into_a_missing_directory() {
    tool_error(&["check", "--format", "json:no/such/dir/report.json"], &["cannot write no/such/dir/report.json"]);
    tool_error(&["check", "--write-baseline", "no/such/dir/baseline.json"], &["cannot write no/such/dir/baseline.json"]);
}

#[test]
fn a_bad_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("govlint.yaml"), "fail_on: sometimes\nlimits:\n  max_depth: 0\n").unwrap();
    let run = govlint(dir.path(), &["check", "--color", "never"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("invalid configuration in govlint.yaml"), "{}", run.stderr);
    assert!(run.stderr.contains("govlint.yaml:1:10"), "{}", run.stderr);
    std::fs::write(dir.path().join("govlint.yaml"), "limits:\n  policy_timeout_ms: 0\n").unwrap();
    let run = govlint(dir.path(), &["check", "--color", "never"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("govlint.yaml:2:22"), "{}", run.stderr);
}

#[test]
fn changed_since_outside_a_repository() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("model-card.yaml"), "license: mit\n").unwrap();
    let run = govlint(dir.path(), &["check", "--changed-since", "main"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("git"), "{}", run.stderr);
}
