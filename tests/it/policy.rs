//! The Rego engine end to end: result shapes, locations, conftest-style policy directories,
//! compile and runtime errors, the per-file context and parameters, repository rules,
//! `govlint test`, `govlint rules`/`explain`, and the invariants of the bundled rules.
//!
//! Each test runs the real binary inside a small tree under `fixtures/policies/<case>/`
//! (artifacts, a `policy/` directory, data files, a `govlint.yaml`) and reads `--format json`.

use crate::{common, policy_support};

use std::collections::{BTreeMap, BTreeSet};

use policy_support::{case, check, govlint, spanned, Summary};
use serde_json::{json, Value};

fn summary(files: usize, artifacts: usize, errors: usize, warnings: usize, notes: usize) -> Summary {
    Summary { files, artifacts, errors, warnings, notes }
}

// 1. Result shapes ----------------------------------------------------------------------------

#[test]
fn result_shapes_strings_and_objects() {
    let run = check("shapes", &["-p", "policy", "--no-builtin"]);
    run.code(1);
    let r = run.report();
    assert_eq!(
        r.lines(),
        [
            "deploy.yaml:1:1 note main: consider a PodDisruptionBudget",
            "deploy.yaml:1:1 warning main: deployment has no description annotation",
            "deploy.yaml:1:1 error main: deployments must not run a single replica",
            "deploy.yaml:3:1 error main: deployment has no owner label",
            "deploy.yaml:11:18 warning main: container `chat` uses the latest tag",
        ]
    );
    assert_eq!(r.summary, summary(1, 1, 2, 2, 1));

    // A string result has no location of its own: the start of its document.
    let s = r.one("deployments must not run a single replica");
    assert_eq!((s.label.as_deref(), s.pointer.as_deref(), s.document, s.kind.as_deref()), (Some("in this document"), None, Some(0), Some("deployment-config")));
    assert_eq!(s.details, None);

    // An object result: msg, path, its own severity (a deny lowered to a warning), details.
    let o = r.one("container `chat` uses the latest tag");
    assert_eq!(o.range(), "11:18-11:46");
    assert_eq!(spanned("shapes", o), "registry.example/chat:latest");
    assert_eq!(o.pointer.as_deref(), Some("/spec/template/spec/containers/0/image"));
    assert_eq!(o.label.as_deref(), Some("here"));
    assert_eq!(o.details, Some(json!({"image": "registry.example/chat:latest", "tag": "latest"})));

    // `details` is part of every diagnostic of the JSON output (null when a policy gave none).
    for d in r.raw["diagnostics"].as_array().unwrap() {
        assert!(d.as_object().unwrap().contains_key("details"), "no `details` key in {d}");
    }
}

#[test]
fn warnings_fail_only_with_fail_on_warning() {
    let args = ["-p", "policy", "--no-builtin", "-n", "warnings"];
    let run = check("shapes", &args);
    run.code(0);
    let r = run.report();
    assert_eq!(
        r.lines(),
        [
            "deploy.yaml:6:13 warning warnings: replicas should be set explicitly per environment",
            "deploy.yaml:11:18 warning warnings: image is not pinned by digest",
        ]
    );
    assert_eq!(r.summary, summary(1, 1, 0, 2, 0));

    let mut strict = args.to_vec();
    strict.extend(["--fail-on", "warning"]);
    check("shapes", &strict).code(1);
    // And the failures of `main` pass with --fail-on never.
    check("shapes", &["-p", "policy", "--no-builtin", "--fail-on", "never"]).code(0);
}

#[test]
fn user_policy_metadata_sets_id_severity_and_help() {
    let run = check("shapes", &["-p", "policy", "--no-builtin", "-n", "team.annotated"]);
    // `severity: warning` in the METADATA applies to the package's deny results.
    run.code(0);
    let r = run.report();
    assert_eq!(r.lines(), ["deploy.yaml:4:9 warning TEAM001: deployment names no team"]);
    let d = r.one("deployment names no team");
    assert_eq!(d.help.as_deref(), Some("Add a `team` label."));
    assert_eq!(r.raw["diagnostics"][0]["frameworks"], json!({"baseline": "hygiene"}));
}

#[test]
fn user_policies_run_beside_the_bundled_rules() {
    let run = check("shapes", &["-p", "policy"]);
    run.code(1);
    let r = run.report();
    let lines = r.lines();
    for user in [
        "deploy.yaml:1:1 error main: deployments must not run a single replica",
        "deploy.yaml:11:18 warning main: container `chat` uses the latest tag",
    ] {
        assert!(lines.iter().any(|l| l == user), "{user} missing from {lines:#?}");
    }
    // The bundled image-pinning rule reports the same image; --no-builtin (above) drops it.
    assert!(lines.iter().any(|l| l.starts_with("deploy.yaml:11:18 ") && l.contains(" DP013: ")), "{lines:#?}");
}

// 2. Location mapping -------------------------------------------------------------------------

#[test]
fn result_paths_map_to_source_locations() {
    let run = check("locations", &["-p", "policy", "--no-builtin"]);
    run.code(1);
    let r = run.report();
    assert_eq!(
        r.lines(),
        [
            "stack.yaml:4:9 error main: present field",
            "stack.yaml:6:10 error main: pointer string",
            "stack.yaml:9:5 error main: missing field",
            "stack.yaml:14:18 error main: element 1",
            "stack.yaml:15:1 error main: no path",
            "stack.yaml:24:1 error main: missing top-level field",
            "stack.yaml:30:14 error main: third document",
        ]
    );

    // A present field: the span is the value.
    let d = r.one("present field");
    assert_eq!((d.range(), spanned("locations", d)), ("4:9-4:13".to_string(), "chat".to_string()));
    assert_eq!((d.label.as_deref(), d.pointer.as_deref(), d.document), (Some("here"), Some("/metadata/name"), Some(0)));

    // A JSON pointer string is taken as is.
    let d = r.one("pointer string");
    assert_eq!((d.range(), spanned("locations", d)), ("6:10-6:14".to_string(), "chat".to_string()));
    assert_eq!(d.pointer.as_deref(), Some("/metadata/labels/app"));

    // A missing field: the key of the nearest existing ancestor (`spec.template.spec`).
    let d = r.one("missing field");
    assert_eq!((d.range(), spanned("locations", d)), ("9:5-9:9".to_string(), "spec".to_string()));
    assert_eq!(d.label.as_deref(), Some("`runAsNonRoot` is missing here"));
    assert_eq!(d.pointer.as_deref(), Some("/spec/template/spec/securityContext/runAsNonRoot"));

    // A missing top-level field: the first line of its document (the third).
    let d = r.one("missing top-level field");
    assert_eq!((d.range(), spanned("locations", d)), ("24:1-24:15".to_string(), "apiVersion: v1".to_string()));
    assert_eq!((d.label.as_deref(), d.pointer.as_deref(), d.document), (Some("`immutable` is missing here"), Some("/immutable"), Some(2)));

    // An array element by index: the second container's image.
    let d = r.one("element 1");
    assert_eq!((d.range(), spanned("locations", d)), ("14:18-14:47".to_string(), "registry.example/proxy:latest".to_string()));
    assert_eq!(d.pointer.as_deref(), Some("/spec/template/spec/containers/1/image"));

    // No path, on the second document: the start of that document (its `---` marker).
    let d = r.one("no path");
    assert_eq!((d.document, d.label.as_deref(), d.pointer.as_deref()), (Some(1), Some("in this document"), None));
    assert_eq!(d.range(), "15:1-15:1");

    // A path into the third document points into it.
    let d = r.one("third document");
    assert_eq!((d.range(), spanned("locations", d)), ("30:14-30:19".to_string(), "debug".to_string()));
    assert_eq!((d.document, d.pointer.as_deref(), d.kind.as_deref()), (Some(2), Some("/data/LOG_LEVEL"), Some("deployment-config")));
}

// 3. conftest-style policy directories --------------------------------------------------------

const MAIN_VERDICTS: [&str; 4] = [
    "deploy.yaml:1:1 warning main: consider runAsNonRoot",
    "deploy.yaml:1:1 error main: container `chat` uses the latest tag",
    "deploy.yaml:1:1 warning main: deployment has no labels",
    "service.yaml:1:1 error main: service has no selector",
];

#[test]
fn conftest_main_namespace_by_default_with_exceptions() {
    let run = check("conftest", &["-p", "policy", "--no-builtin"]);
    run.code(1);
    let r = run.report();
    // Only `package main`: deny_* and violation fail, warn_* warn; `deny_run_as_root` is excepted
    // by `exception` (conftest names the rule without its `deny_` prefix) while the warning of
    // the same name is not.
    assert_eq!(r.lines(), MAIN_VERDICTS);
    assert_eq!(r.exception_lines(), ["deploy.yaml:1:1 error main: pod runs as root"]);
    assert_eq!(r.summary, summary(4, 2, 2, 2, 0));
}

#[test]
fn conftest_excepted_failures_do_not_fail_the_run() {
    let run = check("conftest", &["-p", "policy", "--no-builtin", "-n", "excepted"]);
    run.code(0);
    let r = run.report();
    assert!(r.diagnostics.is_empty(), "{:#?}", r.lines());
    assert_eq!(r.exception_lines(), ["deploy.yaml:1:1 error excepted: pod runs as root"]);
}

#[test]
fn conftest_namespace_selection() {
    let r = check("conftest", &["-p", "policy", "--no-builtin", "-n", "team.security"]);
    r.code(1);
    assert_eq!(r.report().lines(), ["deploy.yaml:1:1 error team.security: security: containers have no resource limits"]);

    // A glob.
    let r = check("conftest", &["-p", "policy", "--no-builtin", "-n", "team.*"]);
    r.code(1);
    assert_eq!(
        r.report().lines(),
        [
            "deploy.yaml:1:1 warning team.cost: cost: 4 replicas",
            "deploy.yaml:1:1 error team.security: security: containers have no resource limits",
        ]
    );

    // Repeatable; naming a namespace drops the default `main` unless it is named too.
    let r = check("conftest", &["-p", "policy", "--no-builtin", "-n", "audit"]);
    assert_eq!(r.report().lines(), ["deploy.yaml:1:1 error audit: audit: Deployment `chat`", "service.yaml:1:1 error audit: audit: Service `chat-frontend`"]);
    let r = check("conftest", &["-p", "policy", "--no-builtin", "-n", "main", "-n", "audit"]);
    let lines = r.report().lines();
    assert_eq!(lines.len(), 6, "{lines:#?}");
    assert!(lines.iter().all(|l| l.contains(" main: ") || l.contains(" audit: ")), "{lines:#?}");
}

#[test]
fn conftest_all_namespaces() {
    let run = check("conftest", &["-p", "policy", "--no-builtin", "--all-namespaces", "-d", "data"]);
    run.code(1);
    let r = run.report();
    assert_eq!(
        r.lines(),
        [
            "deploy.yaml:1:1 error audit: audit: Deployment `chat`",
            "deploy.yaml:1:1 warning main: consider runAsNonRoot",
            "deploy.yaml:1:1 error main: container `chat` uses the latest tag",
            "deploy.yaml:1:1 warning main: deployment has no labels",
            "deploy.yaml:1:1 warning registry: 4 replicas exceed the limit of 2",
            "deploy.yaml:1:1 error registry: registry `docker.io` is not in [\"registry.example\", \"ghcr.io\"]",
            "deploy.yaml:1:1 warning team.cost: cost: 4 replicas",
            "deploy.yaml:1:1 error team.security: security: containers have no resource limits",
            "service.yaml:1:1 error audit: audit: Service `chat-frontend`",
            "service.yaml:1:1 error main: service has no selector",
        ]
    );
    // Every package's exceptions still apply.
    assert_eq!(
        r.exception_lines(),
        ["deploy.yaml:1:1 error excepted: pod runs as root", "deploy.yaml:1:1 error main: pod runs as root"]
    );
}

#[test]
fn conftest_data_files_and_directories() {
    let registry = "deploy.yaml:1:1 error registry: registry `docker.io` is not in [\"registry.example\", \"ghcr.io\"]";
    let limit = "deploy.yaml:1:1 warning registry: 4 replicas exceed the limit of 2";
    let base = ["-p", "policy", "--no-builtin", "-n", "registry"];
    let with = |extra: &[&str]| {
        let mut a = base.to_vec();
        a.extend_from_slice(extra);
        check("conftest", &a).report().lines()
    };
    // Without data the policy's lists are undefined and nothing fires.
    let run = check("conftest", &base);
    run.code(0);
    assert!(run.report().diagnostics.is_empty());
    // A data file: `data.registries`.
    assert_eq!(with(&["-d", "data/registries.yaml"]), [registry]);
    // A data directory: `data.limits` from data/limits/limits.json.
    assert_eq!(with(&["-d", "data/limits"]), [limit]);
    // Both, and a directory holding both.
    assert_eq!(with(&["-d", "data/registries.yaml", "-d", "data/limits"]), [limit, registry]);
    assert_eq!(with(&["-d", "data"]), [limit, registry]);
    // A missing data path is a tool error.
    let run = check("conftest", &["-p", "policy", "-d", "no-such-data"]);
    run.code(2);
    assert!(run.stderr.contains("data path no-such-data does not exist"), "{}", run.stderr);
}

#[test]
fn conftest_combine_sees_every_document() {
    let run = check("conftest", &["-p", "combine", "--no-builtin", "--combine"]);
    run.code(1);
    let r = run.report();
    assert_eq!(
        r.lines(),
        [
            "(combined):1:1 warning main: 2 documents: deploy.yaml, service.yaml",
            "(combined):1:1 error main: deployment `chat` in deploy.yaml has no service",
        ]
    );
}

#[test]
fn rego_v0_policies_need_the_flag() {
    let run = check("conftest", &["-p", "v0", "--no-builtin", "--rego-version", "v0"]);
    run.code(1);
    assert_eq!(run.report().lines(), ["deploy.yaml:1:1 error main: too many replicas: 4"]);

    let run = check("conftest", &["-p", "v0", "--no-builtin"]);
    run.code(2);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.starts_with("error: policy v0/main.rego does not compile: `if` keyword is required before rule body\n"), "{}", run.stderr);
    assert!(run.stderr.contains("[v0/main.rego:4:11]"), "{}", run.stderr);
}

// 4. Compile errors ---------------------------------------------------------------------------

#[test]
fn syntax_error_is_located_in_the_rego_file() {
    let run = check("compile-error", &["-p", "syntax", "--no-builtin"]);
    run.code(2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with("error: policy syntax/broken.rego does not compile: expecting `)` while parsing call expr\n"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("[syntax/broken.rego:8:1]"), "{}", run.stderr);
}

#[test]
fn unsafe_variable_is_located_in_the_rego_file() {
    let run = check("compile-error", &["-p", "unsafe", "--no-builtin"]);
    run.code(2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with("error: policy unsafe/unsafe.rego does not compile: use of undefined variable `name` is unsafe\n"),
        "{}",
        run.stderr
    );
    // Line 7 is `\tname != "chat"`: `name` is at column 2 (regorus counts the tab as four).
    assert!(run.stderr.contains("[unsafe/unsafe.rego:7:2]"), "{}", run.stderr);
    // Also with the bundled rules loaded.
    let run = check("compile-error", &["-p", "unsafe"]);
    run.code(2);
    assert!(run.stderr.contains("[unsafe/unsafe.rego:7:2]"), "{}", run.stderr);
}

// 5. Runtime errors ---------------------------------------------------------------------------

#[test]
fn runtime_error_is_a_diagnostic_and_the_run_goes_on() {
    let run = check("runtime-error", &["-p", "policy", "--no-builtin", "-n", "main", "-n", "names"]);
    run.code(1);
    let r = run.report();
    assert_eq!(
        r.lines(),
        [
            "stack.yaml:1:1 warning names: checked `chat`",
            "stack.yaml:1:1 error policy-error: policy main failed: could not parse string as number",
            "stack.yaml:7:1 error main: deployment `embed` hints 2 replicas",
            "stack.yaml:7:1 warning names: checked `embed`",
        ]
    );
    let e = r.one("policy main failed: could not parse string as number");
    assert_eq!((e.document, e.kind.as_deref()), (Some(0), Some("deployment-config")));
    assert_eq!(e.label.as_deref(), Some("while checking this document"));
    assert_eq!(e.help.as_deref(), Some("the policy is in policy/main.rego"));
    assert_eq!(r.summary, summary(1, 1, 2, 2, 0));
}

// 6. Per-file context and parameters ----------------------------------------------------------

#[test]
fn policies_see_the_file_context_and_params() {
    let run = check("context", &["-p", "policy", "--no-builtin"]);
    run.code(1);
    let r = run.report();
    let default_size = govlint::policy::default_params()["mc009"]["min_sample_size"].clone();
    assert!(default_size.is_number(), "the bundle sets mc009.min_sample_size");
    assert_eq!(
        r.lines(),
        [
            "deploy/stack.yaml:1:1 warning main: conftest name deploy/stack.yaml".to_string(),
            "deploy/stack.yaml:1:1 warning main: file deploy/stack.yaml kind deployment-config format kubernetes document 0 of 2".to_string(),
            "deploy/stack.yaml:5:1 warning main: conftest name deploy/stack.yaml".to_string(),
            "deploy/stack.yaml:5:1 warning main: file deploy/stack.yaml kind deployment-config format kubernetes document 1 of 2".to_string(),
            // `params.team.max_replicas` exists only in govlint.yaml.
            "deploy/stack.yaml:11:13 error main: 5 replicas exceed 3".to_string(),
            "models/chat/README.md:2:1 warning main: conftest name models/chat/README.md".to_string(),
            "models/chat/README.md:2:1 warning main: file models/chat/README.md kind model-card format huggingface document 0 of 1".to_string(),
            // The bundled default, and the config's override of its sibling.
            format!("models/chat/README.md:2:1 warning main: mc009 min_sample_size {default_size} min_acceptable_rate 0.95"),
            "models/chat/README.md:2:1 warning main: section `Chat model` level 1 at line 6 with 4 words".to_string(),
            "models/chat/README.md:2:1 warning main: section `Intended use` level 2 at line 10 with 5 words".to_string(),
            "models/chat/README.md:2:1 warning main: section `Limitations` level 2 at line 14 with 0 words".to_string(),
            "models/chat/README.md:2:1 warning main: with gives overridden and elsewhere, dir models/chat".to_string(),
        ]
    );
}

/// `data.govlint.file.markdown`, built in Rust, is what the model-card library computes in Rego
/// from the sections (`markdown(sections)`), to the byte: on a card with comments, placeholders,
/// code, links and nested headings, on one whose code spans cross sections (the library's
/// section-at-a-time fallback), and on every Markdown document of the fixtures, the shared
/// corpus and the shared repositories (skipped where those are absent).
#[test]
fn the_markdown_body_matches_the_librarys() {
    compared_everywhere(
        "markdown-body",
        &[
            "models/fenced/README.md:2:1 warning main: compared 4 sections",
            "models/open/README.md:2:1 warning main: compared 10 sections",
        ],
        "Markdown document",
    );
}

/// Runs the comparing policy of case `name` (an `error` where two values differ, a `warning …
/// compared …` per document compared): on the case itself, where it reports exactly `expected`,
/// then over the fixtures, the shared corpus and the shared repositories (skipped where those
/// are absent), where no tree may hold a difference and each must have one `what` compared.
fn compared_everywhere(name: &str, expected: &[&str], what: &str) {
    let case_dir = case(name);
    let policy = case_dir.join("policy");
    let policy = policy.to_str().expect("a UTF-8 path");
    let run = check(name, &["-p", policy, "--no-builtin"]);
    run.code(0);
    assert_eq!(run.report().lines(), expected);
    for tree in common::real_trees() {
        let tree = tree.to_str().expect("a UTF-8 path").to_string();
        let run = govlint(&case_dir, &["check", &tree, "--format", "json", "--no-builtin", "-p", policy]);
        assert_ne!(run.code, 2, "{tree}: {}", run.stderr);
        let r = run.report();
        let differ: Vec<String> = r.lines().into_iter().filter(|l| l.contains(" error main: ")).collect();
        assert!(differ.is_empty(), "{tree}: {differ:#?}");
        let compared = r.lines().iter().filter(|l| l.contains(" warning main: compared ")).count();
        assert!(compared > 0, "{tree}: no {what} was compared");
    }
}

/// `data.govlint.file.strings`, built in Rust, is what Rego's `walk` finds, string leaf by
/// string leaf and in its order (the deployment library falls back to the walk where a test
/// gives no context): on keys that sort apart from their order in the file, lists in lists and
/// values of every type, and on every document of the fixtures, the shared corpus and the
/// shared repositories.
#[test]
fn the_string_leaves_match_walk() {
    compared_everywhere(
        "string-leaves",
        &[
            "data/dataset-manifest.json:1:1 warning main: compared 9 string leaves",
            "deploy/chart/values.yaml:2:1 warning main: compared 5 string leaves",
            "deploy/stack.yaml:2:1 warning main: compared 18 string leaves",
            "deploy/stack.yaml:19:1 warning main: compared 3 string leaves",
        ],
        "document",
    );
}

// 7. Repository rules -------------------------------------------------------------------------

#[test]
fn repository_rule_sees_every_artifact() {
    // Repository packages run whatever the namespace selection.
    let run = check("repository", &["-p", "policy", "--no-builtin", "-n", "nothing"]);
    run.code(1);
    let r = run.report();
    assert_eq!(
        r.lines(),
        [
            "deploy/stack.yaml:18:12 error govlint.repository.inventory: deployment `ranker` serves `acme/ranker`, which has no model card",
            "govlint.yaml:1:1 warning govlint.repository.inventory: 4 artifacts: deploy/stack.yaml#0 deployment-config/kubernetes, \
             deploy/stack.yaml#1 deployment-config/kubernetes, deploy/stack.yaml#2 deployment-config/kubernetes, \
             models/chat/README.md#0 model-card/huggingface",
        ]
    );
    // A finding that names `file` and `index` is located in that document.
    let d = r.one("deployment `ranker` serves `acme/ranker`, which has no model card");
    assert_eq!((d.range(), spanned("repository", d)), ("18:12-18:23".to_string(), "acme/ranker".to_string()));
    assert_eq!((d.document, d.kind.as_deref(), d.pointer.as_deref()), (Some(2), Some("deployment-config"), Some("/metadata/labels/model")));
    // One without is reported on the configuration.
    let w = &r.diagnostics[1];
    assert_eq!((w.document, w.pointer.as_deref()), (None, None));
}

// 8. govlint test -----------------------------------------------------------------------------

#[test]
fn govlint_test_passing_suite() {
    let dir = case("testsuite");
    let run = govlint(&dir, &["test", "pass"]);
    run.code(0);
    assert_eq!(run.stdout, "2 passed, 0 failed\n");
}

#[test]
fn govlint_test_failing_suite() {
    let dir = case("testsuite");
    let run = govlint(&dir, &["test", "fail"]);
    run.code(1);
    assert_eq!(
        run.stdout,
        "FAIL fail/replicas_test.rego:11: team.replicas_test.test_three_replicas_denied: undefined (a condition in the test did not hold)\n\
         1 passed, 1 failed\n"
    );
    // --run keeps the tests whose name contains the text.
    let run = govlint(&dir, &["test", "fail", "--run", "many"]);
    run.code(0);
    assert_eq!(run.last_line(), "1 passed, 0 failed");
}

#[test]
fn govlint_test_coverage_and_threshold() {
    let dir = case("testsuite");
    let run = govlint(&dir, &["test", "pass", "--coverage"]);
    run.code(0);
    // The `warn` rule is never exercised.
    assert!(run.stdout.contains("\ncoverage:\n    80.0%  4/5 lines  pass/replicas.rego\n    80.0%  total\n"), "{}", run.stdout);
    assert_eq!(run.last_line(), "2 passed, 0 failed");
    assert!(!run.stdout.contains("_test.rego"), "test files are not measured:\n{}", run.stdout);

    let run = govlint(&dir, &["test", "pass", "--threshold", "100"]);
    run.code(1);
    assert!(run.stdout.contains("2 passed, 0 failed\n"), "{}", run.stdout);
    assert_eq!(run.last_line(), "coverage 80.0% is below the threshold of 100%");

    govlint(&dir, &["test", "pass", "--threshold", "80"]).code(0);
}

// 9. govlint rules / explain ------------------------------------------------------------------

/// The bundled per-artifact and repository rule files (not tests, not helpers).
fn bundled_rule_files() -> Vec<govlint::policy::RegoFile> {
    govlint::policy::bundled_files()
        .into_iter()
        .filter(|f| !f.is_test() && !f.package.starts_with(govlint::policy::LIB_PREFIX))
        .collect()
}

#[test]
fn rules_lists_builtin_and_bundled_ids() {
    let run = govlint(&case("shapes"), &["rules"]);
    run.code(0);
    let ids: Vec<&str> = run.stdout.lines().skip(1).filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(run.stdout.lines().next().map(|l| l.split_whitespace().collect::<Vec<_>>()), Some(vec!["ID", "SEVERITY", "KINDS", "LAYER", "FRAMEWORKS", "TITLE"]));
    for (id, _) in govlint::diagnostic::codes::ALL {
        assert!(ids.contains(id), "`govlint rules` lacks built-in `{id}`:\n{}", run.stdout);
    }
    assert!(ids.contains(&"MC001"), "{}", run.stdout);

    let run = govlint(&case("shapes"), &["rules", "--format", "json"]);
    run.code(0);
    let v: Value = serde_json::from_str(&run.stdout).expect("rules --format json is JSON");
    assert_eq!(v["version"], 1);
    let rules = v["rules"].as_array().expect("rules array");
    let mut seen = BTreeSet::new();
    for r in rules {
        let id = r["id"].as_str().unwrap_or_else(|| panic!("rule without id: {r}"));
        assert!(seen.insert(id.to_string()), "duplicate id {id}");
        assert!(matches!(r["severity"].as_str(), Some("error" | "warning" | "note")), "{r}");
        assert!(r["kinds"].is_array(), "{r}");
        assert!(r["frameworks"].as_object().is_some_and(|f| !f.is_empty()), "{r}");
        assert!(r["title"].as_str().is_some_and(|t| !t.is_empty()), "{r}");
    }
    let mc001 = rules.iter().find(|r| r["id"] == "MC001").expect("MC001 listed");
    assert_eq!(mc001["severity"], "error");
    assert_eq!(mc001["kinds"], json!(["model-card"]));
    assert_eq!(mc001["frameworks"]["eu-ai-act"], "Annex XI Section 1, point 1(f); Annex XII, point 1(h)");
    assert_eq!(mc001["title"], "Model card declares a license");
    // Built-ins first, then every bundled rule.
    let listed: Vec<&str> = rules.iter().filter_map(|r| r["id"].as_str()).collect();
    let builtin: Vec<&str> = govlint::diagnostic::codes::ALL.iter().map(|(id, _)| *id).collect();
    assert_eq!(&listed[..builtin.len()], &builtin[..]);
    let bundled: BTreeSet<String> = bundled_rule_files()
        .iter()
        .filter_map(|f| govlint::policy::metadata::parse(&f.source).ok().flatten().and_then(|m| m.custom.id))
        .collect();
    assert_eq!(listed[builtin.len()..].iter().map(|s| s.to_string()).collect::<BTreeSet<_>>(), bundled);
}

#[test]
fn explain_prints_a_rules_documentation() {
    let file = govlint::policy::bundled_files().into_iter().find(|f| f.path == "policies/model-card/mc001.rego").expect("MC001 is bundled");
    let meta = govlint::policy::metadata::parse(&file.source).expect("valid metadata").expect("a METADATA block");

    let run = govlint(&case("shapes"), &["explain", "MC001"]);
    run.code(0);
    let out = &run.stdout;
    assert!(out.starts_with("## MC001\n\n**Model card declares a license** — severity `error`, kinds: model-card\n"), "{out}");
    let description = meta.description.as_deref().unwrap().trim();
    assert!(out.contains(description), "no description in:\n{out}");
    let remediation = meta.custom.remediation.as_deref().unwrap().trim();
    assert!(out.contains(&format!("How to fix: {remediation}")), "no remediation in:\n{out}");
    assert!(out.contains("\nReferences:\n"), "{out}");
    for res in &meta.related_resources {
        assert!(out.contains(&format!("- {}", res.reference)), "no reference {} in:\n{out}", res.reference);
    }
    assert!(out.contains("- eu-ai-act: Annex XI Section 1, point 1(f); Annex XII, point 1(h)\n"), "{out}");
    assert!(out.contains("Source: `policies/model-card/mc001.rego`"), "{out}");
    // Ids match whatever their case.
    assert_eq!(govlint(&case("shapes"), &["explain", "mc001"]).code(0).stdout, run.stdout);

    let run = govlint(&case("shapes"), &["explain", "NOPE"]);
    run.code(2);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, "error: unknown rule `NOPE`; `govlint rules` lists them\n");
}

// 10. The bundled rules' contract -------------------------------------------------------------

/// The framework packs `--framework` accepts; a rule citing another is never selected by it.
const FRAMEWORKS: [&str; 5] = govlint::policy::FRAMEWORKS;

#[test]
fn every_bundled_rule_has_metadata_and_a_test() {
    let all = govlint::policy::bundled_files();
    let tests: BTreeMap<&str, &govlint::policy::RegoFile> = all.iter().filter(|f| f.is_test()).map(|f| (f.path.as_str(), f)).collect();
    let rules = bundled_rule_files();
    assert!(!rules.is_empty(), "no bundled rules");
    let mut problems = Vec::new();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    for f in &rules {
        let p = &f.path;
        if !(f.package.starts_with(govlint::policy::RULES_PREFIX) || f.package.starts_with(govlint::policy::REPOSITORY_PREFIX)) {
            problems.push(format!("{p}: package `{}` is neither govlint.rules.* nor govlint.repository.*, so it never runs", f.package));
        }
        let meta = match govlint::policy::metadata::parse(&f.source) {
            Ok(Some(m)) => m,
            Ok(None) => {
                problems.push(format!("{p}: no # METADATA block"));
                continue;
            }
            Err(d) => {
                problems.push(format!("{p}: invalid METADATA: {}", d.iter().map(|d| format!("{}:{}: {}", d.start.line, d.start.column, d.message)).collect::<Vec<_>>().join("; ")));
                continue;
            }
        };
        match meta.custom.id.as_deref().filter(|id| !id.trim().is_empty()) {
            Some(id) => {
                if let Some(other) = ids.insert(id.to_string(), p.clone()) {
                    problems.push(format!("{p}: id {id} is also used by {other}"));
                }
            }
            None => problems.push(format!("{p}: METADATA has no custom.id")),
        }
        if meta.custom.severity.is_none() {
            problems.push(format!("{p}: METADATA has no custom.severity"));
        }
        if meta.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            problems.push(format!("{p}: METADATA has no title"));
        }
        if meta.custom.frameworks.is_empty() {
            problems.push(format!("{p}: METADATA cites no framework"));
        }
        for fw in meta.custom.frameworks.keys() {
            if !FRAMEWORKS.contains(&fw.as_str()) {
                problems.push(format!("{p}: unknown framework `{fw}` (known: {})", FRAMEWORKS.join(", ")));
            }
        }
        // The audit report says `met` only where a rule judged evidence: every bundled rule says
        // what it needs and which documents it judges.
        match meta.custom.evidence.as_ref().and_then(|e| e.needs.as_deref()) {
            Some(n) if !n.trim().is_empty() => {}
            _ => problems.push(format!("{p}: METADATA has no custom.evidence.needs")),
        }
        if !judging_rule(&f.source.text) {
            problems.push(format!("{p}: declares no `evidence` rule (docs/policies.md, \"Evidence\")"));
        }
        let test_path = format!("{}_test.rego", p.trim_end_matches(".rego"));
        match tests.get(test_path.as_str()) {
            None => problems.push(format!("{p}: no test file {test_path} beside it")),
            Some(t) if govlint::policy::testing::test_rules(&t.source.text).is_empty() => {
                problems.push(format!("{test_path}: no test_* rule"))
            }
            Some(_) => {}
        }
    }
    assert!(problems.is_empty(), "bundled rules break the rule contract:\n  {}", problems.join("\n  "));
}

/// Whether a Rego text declares an `evidence` rule (a rule head at the start of a line).
fn judging_rule(text: &str) -> bool {
    text.lines().any(|l| l.starts_with("evidence ") || l.starts_with("evidence\t") || l.starts_with("default evidence"))
}

#[test]
fn bundled_policy_tests_pass() {
    let run = govlint(&case("shapes"), &["test"]);
    let last = run.last_line().to_string();
    run.code(0);
    assert!(last.ends_with(" passed, 0 failed"), "{}", run.stdout);
    let passed: usize = last.split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(passed > 0, "no bundled test ran:\n{}", run.stdout);
}
