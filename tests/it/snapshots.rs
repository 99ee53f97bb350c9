//! Snapshots of the rendered output of `govlint check` on `fixtures/cases/mixed`, a tree with
//! one of each kind of finding (parse error, duplicate key, wrong type, unknown property,
//! bad format, missing required property). The binary runs inside the case so that the paths
//! it prints are relative and the same on every machine, and with `--no-builtin` so that the
//! snapshots show the rendering of these findings and do not change with each bundled rule.
//!
//! To accept a deliberate change: `INSTA_UPDATE=always cargo test --test it snapshots::`, then read
//! the changed files under tests/it/snapshots/ before committing them.

use crate::common;

use common::{case, govlint};

/// The crate version changes with every release; the snapshots should not.
fn without_version(s: &str) -> String {
    s.replace(&format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION")), "\"version\": \"[version]\"")
}

#[test]
fn human_output() {
    let run = govlint(&case("mixed"), &["check", "--no-builtin", "--color", "never"]);
    run.expect_code(1);
    insta::assert_snapshot!("human", run.stdout);
}

#[test]
fn json_output() {
    let run = govlint(&case("mixed"), &["check", "--no-builtin", "--format", "json"]);
    run.expect_code(1);
    insta::assert_snapshot!("json", without_version(&run.stdout));
}

#[test]
fn config_error_on_stderr() {
    let run = govlint(&case("bad-config"), &["check"]);
    run.expect_code(2);
    assert!(run.stdout.is_empty());
    insta::assert_snapshot!("bad_config_stderr", run.stderr);
}
