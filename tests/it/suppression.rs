//! What a suppression covers, and no more: an inline `govlint-ignore` covers its own YAML
//! document only, and a baseline hides the findings it recorded, not the same finding on
//! another object (another name, namespace, kind, container or image); an old baseline is
//! never applied in silence.

use crate::common;

use std::path::Path;

use common::{govlint, readme_block, tempdir, write};
use serde_json::Value;

/// A user policy that flags every privileged container of a Kubernetes workload, at the
/// container's `securityContext.privileged`: the tests do not depend on the bundled rules.
const POLICY: &str = r#"package main

import rego.v1

deny contains {"msg": sprintf("container %s is privileged", [c.name]), "path": ["spec", "template", "spec", "containers", i, "securityContext", "privileged"]} if {
	some i, c in input.spec.template.spec.containers
	c.securityContext.privileged == true
}
"#;

fn workload(kind: &str, name: &str, namespace: &str, container: &str, image: &str) -> String {
    format!(
        "apiVersion: apps/v1\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: {namespace}\nspec:\n  template:\n    spec:\n      containers:\n        - name: {container}\n          image: {image}\n          securityContext:\n            privileged: true\n"
    )
}

/// `check --no-builtin -p policy --format json` in `root`, with `args`.
fn check(root: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--no-builtin", "-p", "policy", "--format", "json"];
    all.extend_from_slice(args);
    let run = govlint(root, &all);
    assert_ne!(run.code, 2, "tool error:\n{}", run.stderr);
    (run.code, serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout)))
}

fn rules(v: &Value) -> Vec<(String, String, u64)> {
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap().to_string(), d["file"].as_str().unwrap().to_string(), d["line"].as_u64().unwrap()))
        .collect()
}

#[test]
fn an_inline_ignore_covers_only_its_own_yaml_document() {
    let (_t, root) = tempdir();
    write(&root, "policy/main.rego", POLICY);
    let first = workload("Deployment", "a", "prod", "app", "nginx:1.25");
    let ignored = first.replace("spec:\n  template:", "# govlint-ignore: main reviewed for the ingress controller\nspec:\n  template:");
    let second = workload("Deployment", "b", "prod", "app", "nginx:1.25");
    write(&root, "deploy/app.yaml", &format!("{ignored}---\n{second}"));
    let (code, v) = check(&root, &[]);
    // The comment covers `spec` of the first document; the second document's workload, at the
    // same JSON path, is reported.
    assert_eq!(code, 1, "{v:#}");
    let second_line = ignored.lines().count() as u64 + 1 + 13;
    assert_eq!(rules(&v), [("main".to_string(), "deploy/app.yaml".to_string(), second_line)], "{v:#}");
    assert_eq!(v["suppressed"].as_array().unwrap().len(), 1);
    assert_eq!(v["suppressed"][0]["document"], 0);
}

/// Records a baseline of the repository's findings, replaces deploy/app.yaml with `replaced`,
/// and checks against the baseline: the exit code and the findings.
fn after_replacing(root: &Path, original: &str, replaced: &str) -> (i32, Value) {
    write(root, "deploy/app.yaml", original);
    let run = govlint(root, &["check", "--no-builtin", "-p", "policy", "--write-baseline", "baseline.json"]);
    run.expect_code(0);
    write(root, "deploy/app.yaml", replaced);
    check(root, &["--baseline", "baseline.json"])
}

#[test]
fn a_baseline_does_not_hide_a_replaced_object() {
    let (_t, root) = tempdir();
    write(&root, "policy/main.rego", POLICY);
    let recorded = workload("Deployment", "web", "prod", "app", "nginx:1.25");
    // The same workload, moved down by a comment: still known.
    let (code, v) = after_replacing(&root, &recorded, &format!("# serving\n\n{recorded}"));
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["suppressed"][0]["suppression"]["kind"], "baseline");
    // Each replacement is another object: its finding is reported, and the entry is stale.
    for replaced in [
        workload("Deployment", "other", "prod", "app", "nginx:1.25"),
        workload("Deployment", "web", "staging", "app", "nginx:1.25"),
        workload("StatefulSet", "web", "prod", "app", "nginx:1.25"),
        workload("Deployment", "web", "prod", "sidecar", "nginx:1.25"),
        workload("Deployment", "web", "prod", "app", "evil.example/miner:latest"),
    ] {
        let (code, v) = after_replacing(&root, &recorded, &replaced);
        assert_eq!(code, 1, "hidden by the baseline:\n{replaced}\n{v:#}");
        let found = rules(&v);
        assert!(found.iter().any(|(r, f, _)| r == "main" && f == "deploy/app.yaml"), "{found:?}");
        assert!(found.iter().any(|(r, f, _)| r == "baseline-stale" && f == "baseline.json"), "{found:?}");
    }
}

#[test]
fn a_baseline_of_the_first_format_is_not_applied_in_silence() {
    let (_t, root) = tempdir();
    write(&root, "policy/main.rego", POLICY);
    write(&root, "deploy/app.yaml", &workload("Deployment", "web", "prod", "app", "nginx:1.25"));
    // A baseline as the first format wrote it for this very finding: its fingerprint hashed
    // the rule, the file, the document's index and the JSON path.
    let pointer = "/spec/template/spec/containers/0/securityContext/privileged";
    let fingerprint = {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in ["main", "deploy/app.yaml", "0"] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        h.update(pointer.as_bytes());
        data_encoding::HEXLOWER.encode(&h.finalize()[..16])
    };
    write(
        &root,
        "baseline.json",
        &format!(r#"{{"version": 1, "findings": [{{"fingerprint": "{fingerprint}", "rule": "main", "file": "deploy/app.yaml", "pointer": "{pointer}", "message": "container app is privileged"}}]}}"#),
    );
    let (code, v) = check(&root, &["--baseline", "baseline.json"]);
    assert_eq!(code, 1, "{v:#}");
    let stale: Vec<&Value> = v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "baseline-stale").collect();
    assert_eq!(stale.len(), 1, "{v:#}");
    assert!(stale[0]["message"].as_str().unwrap().contains("format 1"), "{v:#}");
    assert!(rules(&v).iter().any(|(r, _, _)| r == "main"), "{v:#}");
}

#[test]
fn the_readme_examples_of_an_inline_ignore_and_a_waiver_suppress_what_they_say() {
    let (_t, root) = tempdir();
    let inline = readme_block("covers the next line.\n");
    assert!(inline.contains("# govlint-ignore: DP013"), "{inline}");
    write(&root, "deploy/embeddings.yaml", &inline);
    let waiver = readme_block("An expired waiver is an error; one that matches no finding a warning.\n");
    assert!(waiver.starts_with("waivers:"), "{waiver}");
    write(&root, "govlint.yaml", &waiver);
    // A staging mock with a password in plain text in its first container's env.
    write(
        &root,
        "deploy/staging/mock.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: mock\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/mock@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n          env:\n            - name: DB_PASSWORD\n              value: hunter2hunter2\n",
    );
    let run = common::govlint_with(&root, &[("GOVLINT_TODAY", "2027-01-01")], &["check", "--format", "json"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let counted: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    assert!(!counted.contains(&"DP013") && !counted.contains(&"DP016") && !counted.contains(&"waiver-unused"), "{v:#}");
    let suppressed: Vec<(&str, &str, &str)> = v["suppressed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["rule"].as_str().unwrap(), d["file"].as_str().unwrap(), d["suppression"]["kind"].as_str().unwrap()))
        .collect();
    assert!(suppressed.contains(&("DP013", "deploy/embeddings.yaml", "inline")), "{suppressed:?}");
    assert!(suppressed.contains(&("DP016", "deploy/staging/mock.yaml", "waiver")), "{suppressed:?}");
}
