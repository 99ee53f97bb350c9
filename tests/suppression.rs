//! What a suppression covers, and no more: an inline `govlint-ignore` covers its own YAML
//! document only.

mod common;

use std::path::Path;

use common::{govlint, tempdir, write};
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
