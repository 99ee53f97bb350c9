//! `govlint check --parse-only`: the benchmark's floor. It must still read, parse and classify
//! every artifact (a file that does not parse is reported), and validate or evaluate nothing.

use crate::common;

use common::*;

#[test]
fn parse_only_reports_parse_errors_and_nothing_else() {
    let (run, report) = check_json(&case("unparseable"), &["--parse-only"]);
    assert_eq!(run.code, 1, "a file that does not parse fails the run\n{}", run.stdout);
    assert!(!report.diagnostics.is_empty());
    assert!(
        report.diagnostics.iter().all(|d| d.rule == "parse-error" || d.rule == "duplicate-key"),
        "only parse findings: {:?}",
        report.diagnostics.iter().map(|d| &d.rule).collect::<Vec<_>>()
    );
}

#[test]
fn parse_only_skips_schemas_and_policies() {
    let (_, full) = check_json(&example_repo(), &[]);
    assert!(full.diagnostics.iter().any(|d| d.rule == "schema"), "the example repository has schema findings");
    let (run, report) = check_json(&example_repo(), &["--parse-only"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    assert_eq!(report.summary.artifacts, full.summary.artifacts, "every artifact is still classified");
}
