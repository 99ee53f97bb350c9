//! conftest policies that OPA runs, run here: where govlint's Rego engine (regorus) reads a
//! construct otherwise, the difference is bridged. docs/policies.md, "Differences from
//! OPA", lists them; the policies below are minimal versions of conftest's own examples.

mod common;

use std::path::Path;

use common::{govlint, tempdir, write};
use serde_json::Value;

/// `check --no-builtin -p policy --format json` in `root` with `args`, over every YAML file as
/// a deployment config (conftest reads any YAML; govlint reads artifacts).
fn check(root: &Path, args: &[&str]) -> common::Run {
    write(root, "govlint.yaml", "kinds:\n  deployment-config: [\"**/*.yaml\"]\n");
    let mut all = vec!["check", "--no-builtin", "-p", "policy", "--select", "main", "--format", "json", "--color", "never"];
    all.extend_from_slice(args);
    govlint(root, &all)
}

fn messages(run: &common::Run) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}\n{}\n{}", run.stdout, run.stderr));
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["severity"].as_str().unwrap().to_string(), d["message"].as_str().unwrap().to_string()))
        .collect()
}

const SERVICE: &str = "apiVersion: v1\nkind: Service\nmetadata:\n  name: hello\n";
const DEPLOYMENT: &str = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: hello\n";

#[test]
fn a_package_in_several_files_reads_each_files_imports() {
    // conftest's kubernetes example: package main spread over files, each importing a helper
    // package by alias. The file sorted first has no import.
    let (_t, root) = tempdir();
    write(&root, "policy/kubernetes.rego", "package kubernetes\n\nimport rego.v1\n\nis_service if input.kind == \"Service\"\n\nis_deployment if input.kind == \"Deployment\"\n");
    write(&root, "policy/a_deny.rego", "package main\n\nimport rego.v1\n\ndeny contains \"no latest\" if input.spec.image == \"latest\"\n");
    write(
        &root,
        "policy/violation.rego",
        "package main\n\nimport rego.v1\n\nimport data.kubernetes\n\nviolation contains {\"msg\": \"deployments are not allowed\"} if kubernetes.is_deployment\n",
    );
    write(&root, "policy/warn.rego", "package main\n\nimport rego.v1\n\nimport data.kubernetes as k8s\n\nwarn contains \"services are not allowed\" if k8s.is_service\n");
    write(&root, "service.yaml", SERVICE);
    write(&root, "deployment.yaml", DEPLOYMENT);
    let run = check(&root, &[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        messages(&run),
        [("error".to_string(), "deployments are not allowed".to_string()), ("warning".to_string(), "services are not allowed".to_string())]
    );
}
