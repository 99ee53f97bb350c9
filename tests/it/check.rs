//! End-to-end tests of `govlint check`: the real binary on the fixture trees under
//! `fixtures/`, asserting exit codes and the exact position and rule of each diagnostic
//! through the JSON output (version 1, see `common::Report`).

use crate::common;

use std::path::Path;

use common::{case, check_json, example_repo, govlint, tempdir, DIAGNOSTIC_FIELDS};

// ---------------------------------------------------------------------------------------
// The JSON document
// ---------------------------------------------------------------------------------------

#[test]
fn json_output_is_version_1_with_a_fixed_field_order() {
    let run = govlint(&case("mixed"), &["check", "--format", "json"]);
    run.expect_code(1);
    assert!(run.stdout.ends_with("}\n"), "the document ends with a newline");
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let top: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(top, ["version", "tool", "diagnostics", "suppressed", "summary"]);
    assert_eq!(v["version"], 1);
    assert_eq!(v["tool"]["name"], "govlint");
    assert_eq!(v["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let diags = v["diagnostics"].as_array().unwrap();
    assert!(!diags.is_empty());
    for d in diags {
        let keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, DIAGNOSTIC_FIELDS);
        let span: Vec<&str> = d["span"].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(span, ["start", "end"]);
    }
    let summary: Vec<&str> = v["summary"].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(summary, ["files", "artifacts", "errors", "warnings", "notes", "suppressed", "no_evidence"]);

    let report = run.report();
    let count = |s: &str| report.diagnostics.iter().filter(|d| d.severity == s).count();
    assert_eq!(report.summary.errors, count("error"));
    assert_eq!(report.summary.warnings, count("warning"));
    assert_eq!(report.summary.notes, count("note"));
    // The card, the dataset manifest and the broken JSON (govlint.yaml itself is not read).
    assert_eq!(report.summary.files, 3);
    assert_eq!(report.summary.artifacts, 3);
    // Sorted by file, then line, then column, then rule.
    let keys: Vec<_> = report.diagnostics.iter().map(|d| (d.file.clone(), d.line, d.column, d.rule.clone())).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn mixed_case_reports_each_kind_of_finding_where_it_is() {
    let (run, r) = check_json(&case("mixed"), &[]);
    run.expect_code(1);
    let got: Vec<(&str, usize, usize, &str, Option<&str>)> =
        r.builtin().iter().map(|d| (d.file.as_str(), d.line, d.column, d.rule.as_str(), d.pointer.as_deref())).collect();
    assert_eq!(
        got,
        [
            ("datasets/faq/dataset-manifest.yaml", 3, 1, "schema", Some("/metadata/name")),
            ("datasets/faq/dataset-manifest.yaml", 6, 1, "duplicate-key", Some("/license")),
            ("deploy/model-card.json", 3, 22, "parse-error", None),
            ("models/chat/README.md", 6, 20, "schema", Some("/governance/parameter_count")),
            ("models/chat/README.md", 7, 3, "schema", Some("/governance/refusal_rat")),
            ("models/chat/README.md", 10, 12, "schema", Some("/governance/owner/email")),
        ]
    );
    let unknown = r.builtin()[4];
    assert_eq!(unknown.message, "unknown property `refusal_rat`");
    assert_eq!(unknown.label.as_deref(), Some("not allowed here"));
}

// ---------------------------------------------------------------------------------------
// Positions
// ---------------------------------------------------------------------------------------

#[test]
fn finding_in_the_third_document_of_a_multi_document_yaml() {
    let dir = case("multidoc-third");
    let (run, r) = check_json(&dir, &["-v"]);
    run.expect_code(1);
    assert_eq!(r.builtin().len(), 1, "{:#?}", r.diagnostics);
    let d = r.only("deploy/serving.yaml", "schema");
    assert_eq!(d.at(), (37, 30));
    assert_eq!((d.end_line, d.end_column), (37, 36));
    assert_eq!(d.document, Some(2));
    assert_eq!(d.kind.as_deref(), Some("deployment-config"));
    assert_eq!(d.pointer.as_deref(), Some("/spec/template/spec/containers/0/ports/0/containerPort"));
    assert_eq!(d.severity, "error");
    let text = std::fs::read_to_string(dir.join("deploy/serving.yaml")).unwrap();
    assert_eq!(d.covered(&text), "\"8080\"");
    let docs: Vec<usize> = run.checked().into_iter().filter(|c| c.0 == "deploy/serving.yaml").map(|c| c.1).collect();
    // The first document is a Namespace: cluster plumbing, not a deployment config.
    assert_eq!(docs, [2, 3], "every serving document of the file is checked");
}

#[test]
fn findings_on_values_shared_through_anchors_point_at_their_text() {
    let dir = case("compose-anchors");
    let (run, r) = check_json(&dir, &[]);
    run.expect_code(1);
    let text = std::fs::read_to_string(dir.join("docker-compose.yaml")).unwrap();
    let find = |rule: &str, pointer: &str| {
        let found: Vec<_> = r.diagnostics.iter().filter(|d| d.rule == rule && d.pointer.as_deref() == Some(pointer)).collect();
        assert_eq!(found.len(), 1, "{rule} at {pointer}: {:#?}", r.diagnostics);
        found[0]
    };
    // A merged member, and a value below it, are shown where the anchored mapping writes them,
    // for every service that merges it.
    for service in ["chat", "embed"] {
        let d = find("DP017", &format!("/services/{service}/privileged"));
        assert_eq!((d.at(), d.covered(&text), d.label.as_deref()), ((4, 15), "true", Some("here")));
        let d = find("DP016", &format!("/services/{service}/environment/HF_TOKEN"));
        assert_eq!((d.at(), d.label.as_deref()), ((6, 15), Some("here")));
        // What the shared settings lack is missing where they would hold it.
        let d = find("DP014", &format!("/services/{service}/deploy/resources/limits/cpus"));
        assert_eq!((d.at(), d.covered(&text), d.label.as_deref()), ((9, 7), "limits", Some("`cpus` is missing here")));
    }
    // A value from an inline merge source has no text of its own to point at: it is shown at the
    // source, and not called missing.
    let d = find("DP016", "/services/rerank/environment/OPENAI_API_KEY");
    assert_eq!(d.line, 26);
    assert_eq!(d.label.as_deref(), Some("`OPENAI_API_KEY` comes in through this alias or merge key"));
    // The mapping's own keys win over merged ones: `embed` lists `user` inline, `chat` gives its own.
    assert!(!r.diagnostics.iter().any(|d| d.rule == "DP017" && d.message.contains("sets no `user`")), "{:#?}", r.diagnostics);
}

#[test]
fn finding_in_front_matter_with_crlf_line_ends() {
    let dir = case("crlf-front-matter");
    let text = std::fs::read_to_string(dir.join("models/chat/README.md")).unwrap();
    assert!(
        text.contains("---\r\nlicense: mit\r\n"),
        "the fixture lost its CRLF line ends (see fixtures/.gitattributes)"
    );
    let (run, r) = check_json(&dir, &[]);
    run.expect_code(1);
    assert_eq!(r.builtin().len(), 1, "{:#?}", r.diagnostics);
    let d = r.only("models/chat/README.md", "schema");
    assert_eq!(d.at(), (8, 20));
    assert_eq!((d.end_line, d.end_column), (8, 24), "the span stops before the CR");
    assert_eq!(d.covered(&text), "1.5B");
    assert_eq!(d.pointer.as_deref(), Some("/governance/parameter_count"));
    assert_eq!(d.document, Some(0));
    assert_eq!(d.kind.as_deref(), Some("model-card"));
    assert_eq!(d.message, "\"1.5B\" is not of type \"integer\"");
}

#[test]
fn finding_in_a_json_file() {
    let dir = case("json-file");
    let (run, r) = check_json(&dir, &[]);
    run.expect_code(1);
    assert_eq!(r.builtin().len(), 1, "{:#?}", r.diagnostics);
    let d = r.only("models/ranker/bom.json", "schema");
    assert_eq!(d.at(), (14, 33));
    assert_eq!((d.end_line, d.end_column), (14, 46));
    assert_eq!(d.pointer.as_deref(), Some("/components/0/modelCard/modelParameters/approach/type"));
    assert_eq!(d.kind.as_deref(), Some("model-card"));
    let text = std::fs::read_to_string(dir.join("models/ranker/bom.json")).unwrap();
    assert_eq!(d.covered(&text), "\"fine-tuning\"");
}

#[test]
fn duplicate_keys_are_reported_at_their_second_occurrence() {
    let (run, r) = check_json(&case("duplicate-key"), &[]);
    run.expect_code(1);
    let b = r.builtin();
    let got: Vec<(&str, usize, usize, &str)> = b.iter().map(|d| (d.file.as_str(), d.line, d.column, d.rule.as_str())).collect();
    assert_eq!(
        got,
        [
            ("datasets/faq/croissant.json", 12, 3, "duplicate-key"),
            ("models/chat/model-card.yaml", 14, 3, "duplicate-key"),
            ("models/chat/model-card.yaml", 16, 1, "duplicate-key"),
        ]
    );
    let json = b[0];
    assert_eq!(json.message, "duplicate key `name`");
    assert_eq!(json.pointer.as_deref(), Some("/name"));
    assert!(json.help.as_deref().unwrap().contains("first given at line 10, column 3"), "{json:#?}");
    let nested = b[1];
    assert_eq!(nested.pointer.as_deref(), Some("/governance/owner"));
    assert!(nested.help.as_deref().unwrap().contains("first given at line 10, column 3"), "{nested:#?}");
    let top = b[2];
    assert_eq!(top.message, "duplicate key `license`");
    assert!(top.help.as_deref().unwrap().contains("first given at line 6, column 1"), "{top:#?}");
    assert_eq!(top.label.as_deref(), Some("given again here"));
    assert!(b.iter().all(|d| d.document == Some(0)));
}

#[test]
fn files_that_do_not_parse_are_findings_at_the_parser_position() {
    let (run, r) = check_json(&case("unparseable"), &["-v"]);
    run.expect_code(1);
    assert_eq!(r.builtin().len(), 2, "{:#?}", r.diagnostics);

    // Front matter with an unclosed flow sequence: the parser stops at the next `:`.
    let yaml = r.only("models/broken/README.md", "parse-error");
    assert_eq!(yaml.at(), (4, 13));
    assert!(yaml.message.starts_with("invalid YAML: "), "{}", yaml.message);
    assert_eq!(yaml.label.as_deref(), Some("the parser stopped here"));

    // A JSON named as a model card, with a trailing comma: the parser stops at the comma.
    let json = r.only("models/ranker/model-card.json", "parse-error");
    assert_eq!(json.at(), (5, 28));
    assert!(json.message.starts_with("invalid JSON: "), "{}", json.message);
    assert!(json.message.to_lowercase().contains("trailing comma"), "{}", json.message);
    assert_eq!(r.summary.errors, 2);

    // A broken JSON that nothing names as an artifact is not a finding, only skipped.
    assert!(r.in_file("notes/scratchpad.json").is_empty());
    assert_eq!(
        run.skip_reason("notes/scratchpad.json").as_deref(),
        Some("does not parse, and neither its place nor its text (apiVersion/kind, bomFormat, Croissant, card keys) marks it as an artifact")
    );
}

#[test]
fn missing_required_property_points_at_the_parent_object() {
    let dir = case("missing-required");
    let (run, r) = check_json(&dir, &[]);
    run.expect_code(1);
    assert_eq!(r.builtin().len(), 1, "{:#?}", r.diagnostics);
    let d = r.only("models/embedder/model-card.yaml", "schema");
    assert_eq!(d.at(), (3, 1));
    assert_eq!(d.message, "missing required property `name`");
    assert!(d.label.as_deref().unwrap().contains("missing"), "{d:#?}");
    assert_eq!(d.pointer.as_deref(), Some("/metadata/name"));
    let text = std::fs::read_to_string(dir.join("models/embedder/model-card.yaml")).unwrap();
    assert_eq!(d.covered(&text), "metadata");
}

#[test]
fn byte_order_mark_and_blank_lines_before_front_matter() {
    let dir = case("bom-and-blank-lines");
    let card = std::fs::read_to_string(dir.join("models/chat/README.md")).unwrap();
    assert!(card.starts_with("\u{feff}\n\n---\n"), "fixture lost its BOM or blank lines");
    let (run, r) = check_json(&dir, &[]);
    run.expect_code(1);
    assert_eq!(r.builtin().len(), 2, "{:#?}", r.diagnostics);

    let d = r.only("models/chat/README.md", "schema");
    assert_eq!(d.at(), (5, 15));
    assert_eq!(d.covered(&card), "42");
    assert_eq!(d.pointer.as_deref(), Some("/library_name"));

    // An error on the first line of a file with a BOM: the BOM is not a column.
    let manifest = std::fs::read_to_string(dir.join("models/embedder/model-card.yaml")).unwrap();
    let d = r.only("models/embedder/model-card.yaml", "schema");
    assert_eq!(d.at(), (1, 13));
    assert_eq!((d.end_line, d.end_column), (1, 27));
    assert_eq!(d.covered(&manifest), "govlint.dev/v2");
}

// ---------------------------------------------------------------------------------------
// The example repository
// ---------------------------------------------------------------------------------------

/// A run whose outputs show no text lets every file's text go once the file is checked, and
/// reads a file again to place a repository finding in it; one that also writes SARIF keeps
/// the texts of the files with findings. Both give the same findings at the same positions.
#[test]
fn findings_do_not_depend_on_whether_the_outputs_show_text() {
    let dir = example_repo();
    let (_t, out) = tempdir();
    let sarif = out.join("run.sarif");
    let json_only = govlint(&dir, &["check", "--format", "json"]);
    let with_sarif = govlint(&dir, &["check", "--format", "json", "--format", &format!("sarif:{}", sarif.display())]);
    json_only.expect_code(1);
    assert!(sarif.is_file());
    let xr = json_only.report().diagnostics.iter().filter(|d| d.rule.starts_with("XR")).count();
    assert!(xr > 0, "the example repository has repository findings");
    assert_eq!(json_only.stdout, with_sarif.stdout);
}

#[test]
fn example_repo_classifies_every_artifact_and_only_the_legacy_files_fail() {
    let dir = example_repo();
    let (run, r) = check_json(&dir, &["-v"]);
    run.expect_code(1);
    let checked: Vec<(String, usize, String, String)> = run.checked();
    let expect = |p: &str, n: usize, k: &str, f: &str| (p.to_string(), n, k.to_string(), f.to_string());
    let mut want = vec![
        expect("datasets/support-dialogs/README.md", 1, "dataset-manifest", "huggingface"),
        expect("datasets/support-dialogs/croissant.json", 1, "dataset-manifest", "croissant"),
        expect("datasets/web-crawl/dataset-manifest.yaml", 1, "dataset-manifest", "native"),
        expect("deploy/compose/docker-compose.yaml", 1, "deployment-config", "compose"),
        expect("deploy/helm/values.yaml", 1, "deployment-config", "helm-values"),
    ];
    // Document 1 is the Namespace: cluster plumbing, not a deployment config.
    for n in 2..=5 {
        want.push(expect("deploy/k8s/stack.yaml", n, "deployment-config", "kubernetes"));
    }
    want.extend([
        expect("deploy/kserve/acme-chat.yaml", 1, "deployment-config", "kubernetes"),
        expect("deploy/kserve/acme-chat.yaml", 2, "deployment-config", "native"),
        expect("models/acme-chat-7b/README.md", 1, "model-card", "huggingface"),
        expect("models/acme-chat-7b/bom.json", 1, "model-card", "cyclonedx"),
        expect("models/acme-chat-7b/model-card.yaml", 1, "model-card", "native"),
        expect("models/legacy-summarizer/README.md", 1, "model-card", "huggingface"),
    ]);
    assert_eq!(checked, want, "\n--- stderr\n{}", run.stderr);
    assert_eq!(r.summary.artifacts, 11);

    // Not artifacts, excluded, or ignored: listed with a reason.
    assert_eq!(run.skip_reason("vendor").as_deref(), Some("excluded by the config"));
    assert_eq!(run.skip_reason("README.md").as_deref(), Some("Markdown without front matter, not named as a card"));
    assert!(run.skip_reason(".github/workflows/governance.yaml").unwrap().starts_with("no artifact signature"));
    if dir.join("scratch").exists() {
        // Present in a working copy only: .gitignore keeps it out of the repository.
        assert_eq!(run.skip_reason("scratch").as_deref(), Some("ignored by git"));
    }

    // The legacy card and the hand-made stack are the only files that break a schema.
    assert_eq!(r.builtin_files(), ["deploy/k8s/stack.yaml", "models/legacy-summarizer/README.md"]);
    let env = r.only("deploy/k8s/stack.yaml", "schema");
    assert_eq!(env.at(), (48, 22));
    assert_eq!(env.document, Some(2));
    assert_eq!(env.pointer.as_deref(), Some("/spec/template/spec/containers/0/env/1/value"));
    let legacy = r.only("models/legacy-summarizer/README.md", "schema");
    assert_eq!(legacy.at(), (9, 19));
    assert_eq!(legacy.pointer.as_deref(), Some("/co2_eq_emissions"));
}

#[test]
fn example_repo_legacy_card_keeps_its_crlf_line_ends() {
    let text = std::fs::read_to_string(example_repo().join("models/legacy-summarizer/README.md")).unwrap();
    assert!(text.starts_with("---\r\ntags:\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "every line ends in CRLF");
}

// ---------------------------------------------------------------------------------------
// Exit codes
// ---------------------------------------------------------------------------------------

#[test]
fn compliant_tree_exits_0_with_no_diagnostics() {
    // Strict on purpose, policies included: these files are the example of compliance, so a
    // bundled rule that fires here is a gap in the fixture or a bug in the rule.
    let args = [
        "models/acme-chat-7b",
        "datasets",
        "deploy/kserve",
        "deploy/helm",
        "deploy/compose",
    ];
    let (run, r) = check_json(&example_repo(), &args);
    run.expect_code(0);
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
    assert_eq!(r.summary.artifacts, 9);
    assert_eq!((r.summary.errors, r.summary.warnings, r.summary.notes), (0, 0, 0));

    let human = govlint(&example_repo(), &[&["check", "--color", "never"][..], &args[..]].concat());
    human.expect_code(0);
    assert_eq!(human.stdout, "9 artifacts, 0 errors, 0 warnings, 0 notes, 0 waived; 49 checks without evidence\n");
}

#[test]
fn nonexistent_path_exits_2() {
    let run = govlint(&case("mixed"), &["check", "no/such/dir"]);
    run.expect_code(2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("no/such/dir"), "{}", run.stderr);
    assert!(run.stderr.contains("no such file or directory"), "{}", run.stderr);
}

#[test]
fn bad_config_exits_2_and_names_the_line() {
    let run = govlint(&case("bad-config"), &["check", "--format", "json"]);
    run.expect_code(2);
    assert!(run.stdout.is_empty(), "no report on a tool error: {}", run.stdout);
    assert!(run.stderr.starts_with("error: invalid configuration in govlint.yaml\n"), "{}", run.stderr);
    assert!(run.stderr.contains("govlint.yaml:4:1"), "{}", run.stderr);
    assert!(run.stderr.contains("unknown property `exclude_paths`"), "{}", run.stderr);

    // The same file named with --config from elsewhere.
    let cfg = case("bad-config").join("govlint.yaml");
    let run = govlint(&case("config-exclude"), &["check", "--config", cfg.to_str().unwrap()]);
    run.expect_code(2);
    assert!(run.stderr.contains(":4:1]"), "{}", run.stderr);
}

#[test]
fn bad_flag_values_exit_2() {
    for args in [
        &["check", "--format", "xml"][..],
        &["check", "--fail-on", "sometimes"],
        &["check", "--jobs", "0"],
        &["check", "--jobs", "many"],
        &["check", "--color", "purple"],
        &["check", "--frobnicate"],
        &["lint"],
    ] {
        let run = govlint(&case("mixed"), args);
        assert_eq!(run.code, 2, "{args:?} should exit 2\n{}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        assert!(!run.stderr.is_empty(), "{args:?} says why");
    }
}

#[test]
fn fail_on_sets_the_least_failing_severity() {
    // The config makes schema findings warnings and duplicate keys notes.
    let dir = case("severity-override");
    let (run, r) = check_json(&dir, &["--no-builtin"]);
    let sev: Vec<(&str, &str)> = r.builtin().iter().map(|d| (d.rule.as_str(), d.severity.as_str())).collect();
    assert_eq!(sev, [("duplicate-key", "note"), ("schema", "warning")]);
    assert_eq!((r.summary.warnings, r.summary.notes), (1, 1));
    let has = |s: &str| r.diagnostics.iter().any(|d| d.severity == s);
    // Without --fail-on (and without `fail_on` in the config) errors fail the run.
    assert_eq!(run.code, i32::from(has("error")));
    for (flag, fails) in [
        ("error", has("error")),
        ("warning", true),
        ("note", true),
        ("never", false),
    ] {
        assert_eq!(govlint(&dir, &["check", "--no-builtin", "--fail-on", flag]).code, i32::from(fails), "--fail-on {flag}");
    }

    // Errors, but nothing fails the run.
    let (run, r) = check_json(&case("mixed"), &["--fail-on", "never"]);
    run.expect_code(0);
    assert_eq!(r.builtin().len(), 6);
    assert_eq!(govlint(&case("mixed"), &["check", "--fail-on", "warning"]).code, 1);
}

#[test]
fn fail_on_flag_overrides_the_config() {
    let (_t, root) = tempdir();
    common::copy_tree(&case("mixed"), &root);
    common::write(&root, "govlint.yaml", "fail_on: never\n");
    assert_eq!(govlint(&root, &["check"]).code, 0, "`fail_on: never` in the config");
    assert_eq!(govlint(&root, &["check", "--fail-on", "error"]).code, 1, "the flag wins");
}

// ---------------------------------------------------------------------------------------
// Discovery
// ---------------------------------------------------------------------------------------

#[test]
fn verbose_lists_files_excluded_by_the_config() {
    let (run, r) = check_json(&case("config-exclude"), &["--verbose"]);
    assert!(r.builtin().is_empty(), "excluded files are not read: {:#?}", r.diagnostics);
    assert_eq!(run.skip_reason("generated").as_deref(), Some("excluded by the config"));
    assert_eq!(run.skip_reason("models/chat/model-card.draft.yaml").as_deref(), Some("excluded by the config"));
    let checked: Vec<String> = run.checked().into_iter().map(|c| c.0).collect();
    assert_eq!(checked, ["datasets/faq/dataset-manifest.yaml", "models/chat/model-card.yaml"]);
}

#[test]
fn config_globs_keep_a_star_within_one_directory() {
    let (_t, root) = tempdir();
    common::write(
        &root,
        "govlint.yaml",
        "kinds:\n  deployment-config:\n    - glob: \"charts/*/values.yaml\"\n      format: helm-values\nexclude: [\"deploy/*.yaml\"]\n",
    );
    let pod = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - {name: a, image: vllm/vllm-openai:v0.6.0}\n";
    common::write(&root, "deploy/top.yaml", pod);
    common::write(&root, "deploy/prod/nested.yaml", pod);
    let values = "image:\n  repository: vllm/vllm-openai\n  tag: v0.6.0\n";
    common::write(&root, "charts/llm/values.yaml", values);
    common::write(&root, "charts/llm/sub/values.yaml", values);
    let run = govlint(&root, &["check", "--verbose"]);
    // `deploy/*.yaml` excludes the file it names, not the one a directory further down.
    assert_eq!(run.skip_reason("deploy/top.yaml").as_deref(), Some("excluded by the config"));
    let checked: Vec<(String, String)> = run.checked().into_iter().map(|c| (c.0, c.3)).collect();
    assert!(checked.contains(&("deploy/prod/nested.yaml".to_string(), "kubernetes".to_string())), "{checked:?}\n{}", run.stderr);
    // `charts/*/values.yaml` names Helm values one directory down only.
    assert!(checked.contains(&("charts/llm/values.yaml".to_string(), "helm-values".to_string())), "{checked:?}");
    assert!(!checked.iter().any(|c| c.0 == "charts/llm/sub/values.yaml"), "{checked:?}");
}

/// The `gitignored` case in a fresh git repository, with a file its `.gitignore` ignores
/// (`scratch/draft.yaml`, which does not parse). The ignored files cannot live in the govlint
/// repository (git would ignore them), so they are added there.
fn gitignored_repository() -> (tempfile::TempDir, std::path::PathBuf) {
    let (t, root) = tempdir();
    common::copy_tree(&case("gitignored"), &root);
    git2::Repository::init(&root).unwrap();
    common::write(&root, "scratch/draft.yaml", "apiVersion: govlint.dev/v1\nkind: ModelCard\nmetadata: [\n");
    (t, root)
}

#[test]
fn verbose_lists_files_ignored_by_git() {
    let (_t, root) = gitignored_repository();
    common::write(
        &root,
        "models/chat/model-card.local.yaml",
        "apiVersion: govlint.dev/v1\nkind: ModelCard\nmetadata: {}\n",
    );

    let (run, r) = check_json(&root, &["-v"]);
    assert!(r.builtin().is_empty(), "ignored files are not read: {:#?}", r.diagnostics);
    assert_eq!(run.skip_reason("scratch").as_deref(), Some("ignored by git"));
    assert_eq!(run.skip_reason("models/chat/model-card.local.yaml").as_deref(), Some("ignored by git"));
    let checked: Vec<String> = run.checked().into_iter().map(|c| c.0).collect();
    assert_eq!(checked, ["models/chat/model-card.yaml"]);

    // A file named on the command line is read even when git ignores it.
    let (run, r) = check_json(&root, &["models/chat/model-card.local.yaml"]);
    run.expect_code(1);
    let d = r.only("models/chat/model-card.local.yaml", "schema");
    assert_eq!(d.at(), (3, 1));
}

#[cfg(unix)]
#[test]
fn a_repository_git_will_not_open_is_named_and_its_ignores_not_applied_in_silence() {
    // libgit2, as git, will not open a repository another user owns: its ignore rules cannot be
    // read. The files are still checked, and the user is told why the ignored ones are among them.
    let (_t, root) = gitignored_repository();
    // Only the superuser can give the tree to another user.
    let given = ["", ".git"].iter().all(|p| std::os::unix::fs::chown(root.join(p), Some(65534), Some(65534)).is_ok());
    if !given {
        eprintln!("skipped: giving the repository to another user needs the superuser");
        return;
    }
    let (run, r) = check_json(&root, &[]);
    assert!(
        run.stderr.contains("cannot be opened") && run.stderr.contains("its .gitignore files are not applied"),
        "the refusal is said: {}",
        run.stderr
    );
    assert!(r.diagnostics.iter().any(|d| d.file == "scratch/draft.yaml"), "the ignored file is checked: {:#?}", r.diagnostics);
    // `init` surveys the same walk, and says the same.
    let run = govlint(&root, &["init", "--force"]);
    run.expect_code(0);
    assert!(run.stderr.contains("its .gitignore files are not applied"), "init says it too: {}", run.stderr);
}

#[cfg(unix)]
#[test]
fn symlink_pointing_outside_the_root_is_not_followed() {
    use std::os::unix::fs::symlink;
    let (_t, tmp) = tempdir();
    let root = tmp.join("repo");
    common::write(&root, "govlint.yaml", "fail_on: error\n");
    common::write(
        &root,
        "models/chat/model-card.yaml",
        "apiVersion: govlint.dev/v1\nkind: ModelCard\nmetadata:\n  name: chat-mini\nlicense: mit\n",
    );
    // Outside the root: would be a finding if it were read.
    common::write(&tmp, "outside/model-card.yaml", "apiVersion: govlint.dev/v1\nkind: ModelCard\nmetadata: {}\n");
    symlink(tmp.join("outside/model-card.yaml"), root.join("models/external-model-card.yaml")).unwrap();
    symlink("../../outside", root.join("models/outside-dir")).unwrap();
    // Inside the root: followed.
    symlink("chat/model-card.yaml", root.join("models/alias-model-card.yaml")).unwrap();

    let (run, r) = check_json(&root, &["-v"]);
    assert!(r.builtin().is_empty(), "the file outside is not read: {:#?}", r.diagnostics);
    assert_eq!(
        run.skip_reason("models/external-model-card.yaml").as_deref(),
        Some("symbolic link that points outside the root")
    );
    assert!(run.skip_reason("models/outside-dir").is_some(), "{}", run.stderr);
    let checked: Vec<String> = run.checked().into_iter().map(|c| c.0).collect();
    assert_eq!(checked, ["models/alias-model-card.yaml", "models/chat/model-card.yaml"]);
}

// ---------------------------------------------------------------------------------------
// Determinism
// ---------------------------------------------------------------------------------------

fn same_bytes(dir: &Path, a: &[&str], b: &[&str]) {
    let x = govlint(dir, a);
    let y = govlint(dir, b);
    assert_eq!(x.code, y.code);
    assert!(!x.raw_stdout.is_empty());
    assert!(x.raw_stdout == y.raw_stdout, "{a:?} and {b:?} differ:\n{}\n---\n{}", x.stdout, y.stdout);
}

#[test]
fn every_output_format_is_identical_between_one_and_many_threads() {
    // The example repository with every rule of every framework, in each format.
    let dir = example_repo();
    for format in ["json", "sarif", "junit", "github", "markdown"] {
        let base = ["check", "--format", format, "--framework", "caict-roadmap-2024", "--framework", "cn-genai", "--framework", "eu-ai-act", "--framework", "nist-ai-600-1", "--framework", "baseline"];
        same_bytes(&dir, &[&base[..], &["-j", "1"]].concat(), &[&base[..], &["-j", "4"]].concat());
    }
}

#[test]
fn output_is_identical_across_runs_and_thread_counts() {
    for dir in [example_repo(), case("mixed")] {
        let json = ["check", "--format", "json"];
        same_bytes(&dir, &json, &json);
        same_bytes(&dir, &[&json[..], &["-j", "1"]].concat(), &[&json[..], &["-j", "2"]].concat());
        let human = ["check", "--color", "never"];
        same_bytes(&dir, &human, &human);
        same_bytes(&dir, &[&human[..], &["-j", "1"]].concat(), &[&human[..], &["--jobs", "2"]].concat());
    }
}
