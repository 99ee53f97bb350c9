//! `check --timings`: a row for every rule that ran (and none for a rule that did not), every
//! built-in stage, the table on stderr, and nothing of it in the output unless asked.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{example_repo, govlint, tempdir, write};
use serde_json::Value;

/// Three model cards and a dataset manifest, checked by four user policies: one for model
/// cards, one for every kind, one for dataset manifests, and one for deployment configs, which
/// no document here is.
fn repository(root: &Path) {
    let policy = |id: &str, kinds: &str, package: &str| {
        format!(
            "# METADATA\n# title: {id}\n# custom:\n#   id: {id}\n#   kinds: [{kinds}]\n#   severity: warning\npackage {package}\n\nimport rego.v1\n\nwarn contains \"no owner\" if {{\n\tnot input.governance.owner\n}}\n"
        )
    };
    write(root, "policy/cards.rego", &policy("ACME001", "model-card", "acme.cards"));
    write(root, "policy/data.rego", &policy("ACME002", "dataset-manifest", "acme.data"));
    write(root, "policy/deploy.rego", &policy("ACME003", "deployment-config", "acme.deploy"));
    write(root, "policy/main.rego", "package main\n\nimport rego.v1\n\ndeny contains \"no license\" if {\n\tnot input.license\n}\n");
    for name in ["a", "b", "c"] {
        write(root, &format!("models/{name}/README.md"), "---\ntags: [chat]\n---\n# card\n");
    }
    write(
        root,
        "data/x/dataset.yaml",
        "apiVersion: govlint.dev/v1\nkind: DatasetManifest\nmetadata:\n  name: x\nspec:\n  license: mit\n",
    );
}

const ARGS: &[&str] = &["check", "--no-builtin", "-p", "policy", "-n", "main", "-n", "acme.*", "--color", "never"];

fn run(root: &Path, extra: &[&str]) -> common::Run {
    let mut args = ARGS.to_vec();
    args.extend_from_slice(extra);
    govlint(root, &args)
}

fn json(out: &common::Run) -> Value {
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", out.stdout))
}

#[test]
fn a_row_names_each_rule_that_ran_with_its_evaluations() {
    let (_t, root) = tempdir();
    repository(&root);
    let out = run(&root, &["--timings", "--format", "json"]);
    let v = json(&out);
    // The documents are what the rules' kinds say they are.
    let checked = govlint(&root, &[ARGS, &["-v"]].concat()).checked();
    let kinds: Vec<&str> = checked.iter().map(|(_, _, kind, _)| kind.as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "model-card").count(), 3, "{checked:?}");
    assert_eq!(kinds.iter().filter(|k| **k == "dataset-manifest").count(), 1, "{checked:?}");
    assert_eq!(kinds.len(), 4, "{checked:?}");
    let rows: Vec<(&str, u64)> = v["timings"]["rules"].as_array().unwrap().iter().map(|r| (r["rule"].as_str().unwrap(), r["evaluations"].as_u64().unwrap())).collect();
    let mut names: Vec<(&str, u64)> = rows.clone();
    names.sort();
    // The model-card rule ran on each card, the rule of every kind on every document, the
    // dataset rule on the manifest; the deployment rule never ran, and has no row.
    assert_eq!(names, [("ACME001", 3), ("ACME002", 1), ("main", 4)]);
    for r in v["timings"]["rules"].as_array().unwrap() {
        assert!(r["ms"].as_f64().is_some_and(|ms| ms >= 0.0), "{r}");
    }
    let times: Vec<f64> = v["timings"]["rules"].as_array().unwrap().iter().map(|r| r["ms"].as_f64().unwrap()).collect();
    assert!(times.windows(2).all(|w| w[0] >= w[1]), "slowest first: {times:?}");
    let stages: Vec<&str> = v["timings"]["stages"].as_array().unwrap().iter().map(|s| s["stage"].as_str().unwrap()).collect();
    assert_eq!(stages, ["discover", "compile", "parse", "schema", "policies", "repository rules"]);
    // The table on stderr has the same rows, the report stage besides.
    for name in ["ACME001 (acme.cards)", "ACME002 (acme.data)", "main", "report", "policies", "parse"] {
        assert!(out.stderr.lines().any(|l| l.starts_with(name)), "no row {name} in\n{}", out.stderr);
    }
    assert!(!out.stderr.contains("ACME003"), "{}", out.stderr);
}

/// The bundled rules on the example repository: a row for each rule in force that applies to a
/// kind of document checked there, and for each repository rule; no other.
#[test]
fn the_bundled_rules_that_ran_have_rows() {
    let dir = example_repo();
    let verbose = govlint(&dir, &["check", "-v", "--format", "json"]);
    let kinds: BTreeSet<String> = verbose.checked().into_iter().map(|(_, _, kind, _)| kind).collect();
    let lines: Vec<&str> = verbose.stderr.lines().collect();
    let on_at = lines.iter().position(|l| l.starts_with("rules on: ")).expect("-v names the rules on");
    let on: BTreeSet<&str> = lines[on_at + 1].split_whitespace().collect();
    let catalog = json(&govlint(&dir, &["rules", "--format", "json"]));
    let expected: BTreeSet<&str> = catalog["rules"]
        .as_array()
        .unwrap()
        .iter()
        // The bundled rules, not the built-in checks (which are no Rego).
        .filter(|r| on.contains(r["id"].as_str().unwrap()) && r["source"].as_str().unwrap().starts_with("policies/"))
        .filter(|r| {
            let rule_kinds: Vec<&str> = r["kinds"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
            r["source"].as_str().unwrap().starts_with("policies/repository/") || rule_kinds.is_empty() || rule_kinds.iter().any(|k| kinds.contains(*k))
        })
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(expected.len() > 20, "{expected:?}");
    let timed = json(&govlint(&dir, &["check", "--format", "json", "--timings"]));
    let rows: BTreeSet<&str> = timed["timings"]["rules"].as_array().unwrap().iter().map(|r| r["rule"].as_str().unwrap()).collect();
    assert_eq!(rows, expected);
    // Every rule with a finding is among them.
    let plain = json(&govlint(&dir, &["check", "--format", "json"]));
    for d in plain["diagnostics"].as_array().unwrap().iter().chain(plain["suppressed"].as_array().unwrap()) {
        let rule = d["rule"].as_str().unwrap();
        let bundled = catalog["rules"].as_array().unwrap().iter().any(|r| r["id"] == rule && r["source"] != "built-in");
        assert!(rows.contains(rule) || !bundled, "{rule} reported, no row");
    }
}

/// The times are in no output unless asked, and asking changes nothing else: the same
/// findings, the same bytes in every other format.
#[test]
fn timings_leave_the_output_as_it_was() {
    let (_t, root) = tempdir();
    repository(&root);
    let plain = run(&root, &["--format", "json"]);
    let timed = run(&root, &["--format", "json", "--timings"]);
    assert_eq!(plain.code, timed.code);
    let plain_v = json(&plain);
    assert!(plain_v.get("timings").is_none());
    assert!(!plain.stderr.contains("time (ms)"), "{}", plain.stderr);
    let mut timed_v = json(&timed);
    timed_v.as_object_mut().unwrap().remove("timings");
    assert_eq!(plain_v, timed_v);
    for format in ["human", "sarif", "junit", "github", "markdown", "gitlab"] {
        let a = run(&root, &["--format", format]);
        let b = run(&root, &["--format", format, "--timings"]);
        assert_eq!(a.code, b.code, "{format}");
        assert_eq!(a.raw_stdout, b.raw_stdout, "{format}: --timings changed the output");
        assert!(b.stderr.contains("time (ms)"), "{format}: no table on stderr: {}", b.stderr);
    }
}
