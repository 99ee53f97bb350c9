//! conftest policies that OPA runs, run here: where govlint's Rego engine (regorus) reads a
//! construct otherwise, the policy is refused at the line of the construct with the rewrite
//! that keeps OPA's meaning, or the difference is bridged. docs/policies.md, "Differences from
//! OPA", lists them; the policies below are minimal versions of conftest's own examples.

use crate::common;

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

#[test]
fn an_opa_builtin_govlint_lacks_is_refused_at_the_call() {
    let (_t, root) = tempdir();
    write(
        &root,
        "policy/digest.rego",
        "package main\n\nimport rego.v1\n\n# crypto.sha256(x) in a comment is no call\ndeny contains \"wrong digest\" if {\n\tcrypto.sha256(input.metadata.name) != \"x\"\n}\n",
    );
    write(&root, "deployment.yaml", DEPLOYMENT);
    let run = check(&root, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`crypto.sha256` is a builtin of OPA that govlint's Rego engine does not have"), "{}", run.stderr);
    assert!(run.stderr.contains("policy/digest.rego:7:2"), "{}", run.stderr);
    assert!(run.stderr.contains("pass it with -d"), "{}", run.stderr);
    // `govlint test` refuses it the same way.
    let run = govlint(&root, &["test", "policy"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("`crypto.sha256`"), "{}", run.stderr);
}

/// Runs `policy/p.rego` holding `text` and returns stderr; it must not compile.
fn refused(text: &str, args: &[&str]) -> String {
    let (_t, root) = tempdir();
    write(&root, "policy/p.rego", text);
    write(&root, "deployment.yaml", DEPLOYMENT);
    let run = check(&root, args);
    assert_eq!(run.code, 2, "{text}\n{}", run.stderr);
    run.stderr
}

#[test]
fn a_comprehension_that_redeclares_a_variable_is_refused_with_the_rename_that_keeps_opas_meaning() {
    // conftest's examples/combine: OPA reads the `name` compared as the rule's, and `name :=`
    // as the comprehension's own.
    let policy = "package main\n\nimport rego.v1\n\ndeny contains msg if {\n\tname := input.metadata.name\n\tnames := [name | some i; input.items[i].owner == name; name := input.items[i].id]\n\tcount(names) > 1\n\tmsg := sprintf(\"%s owns %v\", [name, names])\n}\n";
    let stderr = refused(policy, &[]);
    assert!(stderr.contains("p.rego:7:"), "{stderr}");
    assert!(stderr.split_whitespace().collect::<String>().contains("renamethevariabledeclaredinsidethecomprehension"), "{stderr}");
    // Renamed as the help says, it gives what OPA gives.
    let (_t, root) = tempdir();
    write(&root, "policy/p.rego", &policy.replace("[name | some i; input.items[i].owner == name; name := input.items[i].id]", "[id | some i; input.items[i].owner == name; id := input.items[i].id]"));
    write(&root, "team.yaml", "apiVersion: v1\nkind: Team\nmetadata:\n  name: ada\nitems:\n  - {owner: ada, id: a1}\n  - {owner: bob, id: b1}\n  - {owner: ada, id: a2}\n");
    let run = check(&root, &[]);
    assert_eq!(messages(&run), [("error".to_string(), "ada owns [\"a1\", \"a2\"]".to_string())], "{}", run.stderr);
}

#[test]
fn template_strings_and_v0_syntax_are_refused_with_the_rewrite() {
    // Help text is wrapped to the terminal's width: compared without white space.
    let squash = |s: &str| s.split_whitespace().collect::<String>();
    let stderr = refused("package main\n\nimport rego.v1\n\ndeny contains $\"{input.metadata.name} is not allowed\" if true\n", &[]);
    assert!(stderr.contains("p.rego:5:15") && squash(&stderr).contains(&squash("template strings (`$\"… {expr} …\"`, OPA 1.x) are not supported: write `sprintf(")), "{stderr}");
    let stderr = refused("package main\n\ndeny[msg] {\n\tmsg := \"no\"\n}\n", &[]);
    assert!(stderr.contains("p.rego:3:11") && squash(&stderr).contains(&squash("run with `--rego-version v0`, or write `deny contains msg if { … }`")), "{stderr}");
}

#[test]
fn a_some_declared_twice_is_a_policy_error_with_the_rewrite() {
    // The shape of conftest's examples/combine rule: `some i` in the body and in comprehensions
    // that also read an undeclared `i`.
    let rule = "package main\n\nimport rego.v1\n\ndeny contains msg if {\n\tkind := input[_].contents.kind\n\tkind == \"team\"\n\tteam := input[_].contents.metadata.name\n\tsome i\n\tknown = {e | some i; input[i].contents.kind == \"user\"; e := input[i].contents.metadata.email}\n\towners = [o | input[i].contents.kind == \"team\"; o := input[i].contents.spec.owner]\n\tmembers = [m | input[i].contents.kind == \"team\"; m := input[i].contents.spec.member]\n\tall = array.concat(owners, members)\n\twanted = {w | w := all[i][_]}\n\tmissing := wanted - known\n\tcount(missing) > 0\n\tmsg = sprintf(\"%s: unknown users %v\", [team, sort(missing)])\n}\n";
    let (_t, root) = tempdir();
    write(&root, "policy/p.rego", rule);
    write(&root, "team.yaml", "apiVersion: v1\nkind: team\nmetadata:\n  name: one\nspec:\n  owner: [ada@example.com]\n  member: [bob@example.com]\n");
    write(&root, "users.yaml", "apiVersion: v1\nkind: user\nmetadata:\n  name: ada\n  email: ada@example.com\n");
    let run = check(&root, &["--combine"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let d = &v["diagnostics"][0];
    assert_eq!(d["rule"], "policy-error", "{v:#}");
    assert!(d["help"].as_str().unwrap().contains("drop a `some i` that the body does not use"), "{v:#}");
    // Without the body's `some i`, as the help says, the result is OPA's (for both versions of
    // the rule: `team` ranges over every document's name, as in conftest's example).
    write(&root, "policy/p.rego", &rule.replace("\tsome i\n\tknown", "\tknown"));
    let run = check(&root, &["--combine"]);
    let unknown = |who: &str| ("error".to_string(), format!("{who}: unknown users [\"bob@example.com\"]"));
    assert_eq!(messages(&run), [unknown("ada"), unknown("one")], "{}", run.stderr);
}

#[test]
fn policy_tests_read_data_files_as_conftest_verify_does() {
    // conftest's `data` example: the policy reads `data.services`, given by `-d` to both
    // `conftest test` and `conftest verify`.
    let (_t, root) = tempdir();
    write(
        &root,
        "policy/base.rego",
        "package main\n\nimport rego.v1\n\nimport data.services\n\ndeny contains msg if {\n\tsome port in input.spec.ports\n\tport.port in services.ports\n\tmsg := sprintf(\"port %v is denied\", [port.port])\n}\n",
    );
    write(
        &root,
        "policy/base_test.rego",
        "package main\n\nimport rego.v1\n\ntest_port_denied if {\n\tdeny[\"port 22 is denied\"] with input as {\"spec\": {\"ports\": [{\"port\": 22}]}}\n}\n",
    );
    write(&root, "exclusions/services.yaml", "services:\n  ports:\n    - 22\n    - 21\n");
    let with_data = govlint(&root, &["test", "policy", "-d", "exclusions"]);
    assert_eq!(with_data.code, 0, "{}\n{}", with_data.stdout, with_data.stderr);
    assert!(with_data.stdout.contains("1 passed, 0 failed"), "{}", with_data.stdout);
    // Without the data the rule cannot fire, and the test says so.
    let without = govlint(&root, &["test", "policy"]);
    assert_eq!(without.code, 1, "{}\n{}", without.stdout, without.stderr);
    assert!(without.stdout.contains("FAIL policy/base_test.rego:5: main.test_port_denied"), "{}", without.stdout);
    // A data path that is not there is a tool error naming it.
    let missing = govlint(&root, &["test", "policy", "-d", "nowhere"]);
    assert_eq!(missing.code, 2, "{}", missing.stderr);
    assert!(missing.stderr.contains("data path nowhere does not exist"), "{}", missing.stderr);
}
