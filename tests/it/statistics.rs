//! What a run counts does not depend on what it prints: `--statistics` counts the findings per
//! rule (a table for people, a `statistics` array in JSON), and `-q` leaves out of the output the
//! findings below `--fail-on` but not out of the summary.
//!
//! To accept a deliberate change of the table: `INSTA_UPDATE=always cargo test --test it
//! statistics::`, then read the changed file under tests/it/snapshots/ before committing it.

use crate::common;

use std::path::Path;

use common::{example_repo, govlint, tempdir, write};
use serde_json::Value;

/// A tree whose findings come from the built-in checks and two user policies, one with a title
/// and an id in its METADATA and one without: the table does not change with the bundled rules.
fn repository(root: &Path) {
    write(
        root,
        "policy/owner.rego",
        "# METADATA\n# title: Every card names its owner\n# custom:\n#   id: ACME001\n#   severity: warning\npackage acme.owner\n\nimport rego.v1\n\nwarn contains \"the card names no owner\" if {\n\tnot input.governance.owner\n}\n",
    );
    write(root, "policy/main.rego", "package main\n\nimport rego.v1\n\ndeny contains \"no license\" if {\n\tnot input.license\n}\n");
    for name in ["a", "b", "c"] {
        write(root, &format!("models/{name}/README.md"), "---\ntags: [chat]\n---\n# card\n");
    }
    write(root, "models/d/README.md", "---\nlicense: mit\nlicense: mit\n---\n# card\n");
    write(root, "models/e/README.md", "---\nlicense: [mit\n---\n# card\n");
}

const ARGS: &[&str] = &["check", "--no-builtin", "-p", "policy", "-n", "main", "-n", "acme.*", "--color", "never"];

fn run(root: &Path, extra: &[&str]) -> common::Run {
    let mut args = ARGS.to_vec();
    args.extend_from_slice(extra);
    govlint(root, &args)
}

#[test]
fn statistics_table() {
    let (_t, root) = tempdir();
    repository(&root);
    let out = run(&root, &["--statistics"]);
    out.expect_code(1);
    insta::assert_snapshot!("statistics_human", out.stdout);
}

#[test]
fn statistics_in_json_count_every_finding_per_rule_and_severity() {
    let (_t, root) = tempdir();
    repository(&root);
    let out = run(&root, &["--statistics", "--format", "json"]);
    out.expect_code(1);
    let v: Value = serde_json::from_str(&out.stdout).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["version", "tool", "diagnostics", "suppressed", "summary", "statistics"]);
    let rows = v["statistics"].as_array().unwrap();
    let got: Vec<(u64, &str, &str)> = rows.iter().map(|r| (r["count"].as_u64().unwrap(), r["rule"].as_str().unwrap(), r["severity"].as_str().unwrap())).collect();
    assert_eq!(got, [(4, "ACME001", "warning"), (3, "main", "error"), (1, "duplicate-key", "error"), (1, "parse-error", "error")]);
    assert_eq!(rows[0]["title"], "Every card names its owner");
    assert_eq!(rows[1]["title"], Value::Null);
    let total: u64 = got.iter().map(|(n, _, _)| n).sum();
    assert_eq!(total as usize, v["diagnostics"].as_array().unwrap().len());
    // Without the flag the document is as before.
    let plain: Value = serde_json::from_str(&run(&root, &["--format", "json"]).stdout).unwrap();
    assert!(plain.get("statistics").is_none());
}

#[test]
fn quiet_changes_what_is_printed_not_what_is_counted() {
    let dir = example_repo();
    let full = govlint(&dir, &["check", "--format", "json"]);
    let quiet = govlint(&dir, &["check", "-q", "--format", "json"]);
    assert_eq!(full.code, quiet.code);
    let full: Value = serde_json::from_str(&full.stdout).unwrap();
    let quiet: Value = serde_json::from_str(&quiet.stdout).unwrap();
    assert!(full["summary"]["warnings"].as_u64().unwrap() > 0, "the example repository has warnings: {full:#}");
    assert_eq!(quiet["summary"], full["summary"]);
    // The findings printed are those that fail the run.
    let printed = quiet["diagnostics"].as_array().unwrap();
    assert!(printed.iter().all(|d| d["severity"] == "error"));
    assert_eq!(printed.len() as u64, full["summary"]["errors"].as_u64().unwrap());
    // The statistics count every finding too.
    let (_t, root) = tempdir();
    repository(&root);
    let table = run(&root, &["--statistics"]).stdout;
    let quiet = run(&root, &["--statistics", "-q"]).stdout;
    assert!(quiet.contains("ACME001") && quiet.contains("warning"), "{quiet}");
    assert!(table.starts_with(&quiet), "{table}\n---\n{quiet}");
}
