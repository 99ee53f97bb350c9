//! The machine-read outputs of real runs, checked against what reads them: the SARIF log of a
//! run over the fixtures validates against the official SARIF 2.1.0 schema (OASIS, kept in
//! `../shared/schemas-external/`; the test says so and passes when that directory is absent),
//! the JUnit report parses back with counts that match the run's findings, and each issue of the
//! GitLab Code Quality report validates against the schema GitLab's parser uses (vendored in
//! `tests/data/gitlab/`, with its source and license) and has what GitLab's documentation asks.
//!
//! The runs go through the library, not the binary, so that they test the renderers on every
//! kind of finding the pipeline produces without depending on how `main.rs` wires formats.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use govlint::report::{gitlab, junit, sarif};
use govlint::{check, CheckOptions, Outcome};

fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(fixture: &str, builtin: bool) -> Outcome {
    let mut opts = CheckOptions { paths: vec![project_root().join("fixtures").join(fixture)], ..Default::default() };
    opts.policy.builtin = builtin;
    check(&opts).unwrap_or_else(|e| panic!("govlint check {fixture}: {e}"))
}

/// The example repository with the bundled rules, run once for every test here (a debug build
/// takes a while over it).
fn example_repo() -> &'static Outcome {
    static OUTCOME: OnceLock<Outcome> = OnceLock::new();
    OUTCOME.get_or_init(|| run("example-repo", true))
}

/// The official schema, or `None` (with a note on stderr) when `../shared` is not there.
fn sarif_schema() -> Option<serde_json::Value> {
    let path = project_root().join("../shared/schemas-external/sarif-schema-2.1.0.json");
    if !path.is_file() {
        eprintln!("skipped: {} is absent, the SARIF output is not validated against the schema", path.display());
        return None;
    }
    let text = std::fs::read_to_string(&path).expect("read the SARIF schema");
    Some(serde_json::from_str(&text).expect("the SARIF schema is JSON"))
}

/// Validates against the schema offline: the schema's `$ref`s are all local (`#/definitions/…`)
/// and the crate is built without its HTTP resolver. Formats (`uri`, `uri-reference`,
/// `date-time`) are checked too. The schema declares draft-04 but uses draft-06's
/// `uri-reference`, which a draft-04 validator skips, so the log is validated under draft-07 as
/// well; the schema has nothing else that the two drafts read differently.
fn assert_valid_sarif(log: &str, what: &str) {
    let Some(schema) = sarif_schema() else { return };
    let instance: serde_json::Value = serde_json::from_str(log).expect("SARIF output is JSON");
    for (draft, options) in [("draft-04", jsonschema::draft4::options()), ("draft-07", jsonschema::draft7::options())] {
        let validator = options.should_validate_formats(true).build(&schema).expect("the SARIF schema compiles");
        let errors: Vec<String> = validator.iter_errors(&instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "SARIF of {what} breaks the schema ({draft}):\n{}", errors.join("\n"));
    }
}

fn sarif_of(outcome: &Outcome) -> String {
    let sources = outcome.sources();
    sarif::render(&govlint::report::RunView::of(outcome, &sources), govlint::i18n::Lang::En)
}

#[test]
fn sarif_of_the_mixed_case_is_valid() {
    let outcome = run("cases/mixed", false);
    assert!(!outcome.diagnostics.is_empty(), "the mixed case has findings");
    let log = sarif_of(&outcome);
    assert_valid_sarif(&log, "fixtures/cases/mixed");
    let v: serde_json::Value = serde_json::from_str(&log).unwrap();
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), outcome.diagnostics.len() + outcome.suppressed.len());
}

#[test]
fn sarif_of_the_example_repo_is_valid() {
    let outcome = example_repo();
    let log = sarif_of(outcome);
    assert_valid_sarif(&log, "fixtures/example-repo");
    let v: serde_json::Value = serde_json::from_str(&log).unwrap();
    let run = &v["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    for r in run["results"].as_array().unwrap() {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap();
        assert!(!Path::new(uri).is_absolute() && !uri.contains('\\'), "relative, `/`-separated uri: {uri}");
        assert_eq!(rules[r["ruleIndex"].as_u64().unwrap() as usize]["id"], r["ruleId"]);
    }
    assert_eq!(sarif_of(outcome), log, "rendering is a function of the run");
}

/// Each artifact in the log carries its file's length and SHA-256, including the files whose
/// text the run let go because no finding of their own points into it. A run without
/// repository rules keeps no stamp for those: it gives no hash rather than a wrong one.
#[test]
fn sarif_artifacts_carry_their_files_hashes() {
    use sha2::{Digest, Sha256};
    let without_repository_rules = run("example-repo", false);
    for (outcome, every) in [(example_repo(), true), (&without_repository_rules, false)] {
        let v: serde_json::Value = serde_json::from_str(&sarif_of(outcome)).unwrap();
        let artifacts = v["runs"][0]["artifacts"].as_array().unwrap();
        assert_eq!(artifacts.len(), outcome.artifacts.len());
        let quiet = outcome.artifacts.iter().filter(|a| !outcome.diagnostics.iter().chain(&outcome.suppressed).any(|d| *d.file == *a.file));
        assert!(quiet.count() > 0, "some artifact has no finding of its own");
        for a in artifacts {
            let uri = a["location"]["uri"].as_str().unwrap();
            let text = std::fs::read(project_root().join(uri)).unwrap_or_else(|e| panic!("{uri}: {e}"));
            match a.get("hashes") {
                Some(h) => {
                    let want: String = Sha256::digest(&text).iter().map(|b| format!("{b:02x}")).collect();
                    assert_eq!(h["sha-256"], want.as_str(), "{uri}");
                    assert_eq!(a["length"], text.len(), "{uri}");
                }
                None => assert!(!every, "{uri} has no hash"),
            }
        }
    }
}

#[test]
fn junit_of_the_example_repo_parses_and_counts_match() {
    let outcome = example_repo();
    let sources = outcome.sources();
    let view = govlint::report::RunView::of(outcome, &sources);
    let xml = junit::render(&view);
    let report = quick_junit::Report::deserialize_from_str(&xml).unwrap_or_else(|e| panic!("JUnit XML does not parse: {e}\n{xml}"));
    // One case per (file, rule) with a finding that counts fails; nothing is an error or skipped.
    let mut failing: Vec<(&str, &str)> = outcome.diagnostics.iter().map(|d| (&*d.file, d.rule.as_str())).collect();
    failing.sort();
    failing.dedup();
    assert_eq!(report.failures, failing.len());
    assert_eq!((report.errors, report.skipped), (0, 0));
    let cases: usize = report.test_suites.iter().map(|s| s.test_cases.len()).sum();
    assert_eq!(report.tests, cases);
    assert!(report.tests >= view.artifacts.iter().map(|a| a.rules.len()).sum::<usize>());
}

/// GitLab validates each issue against its `codeclimate.json` and drops the ones that fail; the
/// documentation asks more of an issue than that schema does (a known severity, `check_name`,
/// `location.lines.begin`), and GitLab matches findings across pipelines by fingerprint.
#[test]
fn gitlab_code_quality_of_the_example_repo_is_what_gitlab_reads() {
    let outcome = example_repo();
    let sources = outcome.sources();
    let report = gitlab::render(&govlint::report::RunView::of(outcome, &sources));
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(project_root().join("tests/data/gitlab/codeclimate.json")).unwrap()).unwrap();
    let validator = jsonschema::draft7::new(&schema).expect("GitLab's schema compiles");
    let issues: Vec<serde_json::Value> = serde_json::from_str(&report).expect("the report is a JSON array");
    assert_eq!(issues.len(), outcome.diagnostics.len(), "one issue per finding that counts");
    let mut prints = std::collections::BTreeSet::new();
    for issue in &issues {
        let errors: Vec<String> = validator.iter_errors(issue).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{issue} breaks GitLab's schema:\n{}", errors.join("\n"));
        let severity = issue["severity"].as_str().unwrap();
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&severity), "{issue}");
        assert!(issue["check_name"].as_str().is_some_and(|c| !c.is_empty()), "{issue}");
        assert!(issue["description"].as_str().is_some_and(|c| !c.is_empty()), "{issue}");
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(!Path::new(path).is_absolute() && !path.contains('\\'), "relative, `/`-separated path: {path}");
        let text = std::fs::read_to_string(project_root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        let begin = issue["location"]["lines"]["begin"].as_u64().unwrap() as usize;
        assert!((1..=text.lines().count().max(1)).contains(&begin), "{path}: line {begin}");
        assert!(prints.insert(issue["fingerprint"].as_str().unwrap().to_string()), "fingerprint given twice: {issue}");
    }
    assert!(issues.iter().any(|i| i["severity"] == "major") && issues.iter().any(|i| i["severity"] == "minor"));
    let again = run("example-repo", true);
    let sources = again.sources();
    assert_eq!(gitlab::render(&govlint::report::RunView::of(&again, &sources)), report, "a second run gives the same report");
}
