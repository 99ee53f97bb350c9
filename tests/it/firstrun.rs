//! The first-run experience and editor support: `govlint init` drafts a config that `check`
//! agrees with, `govlint new` templates pass once filled and fail while empty, `govlint schema`
//! exports valid draft 2020-12 schemas, and completions and the man page generate.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{check_json, example_repo, govlint};
use serde_json::Value;

const PACKS: [&str; 5] = govlint::policy::FRAMEWORKS;

/// Copies the tree `src` into `dst`, leaving out the paths (relative, `/`-separated) in `skip`.
fn copy_tree(src: &Path, dst: &Path, skip: &[&str]) {
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let entry = entry.expect("walk the fixture");
        let rel = entry.path().strip_prefix(src).expect("below the fixture");
        let rel_s = rel.to_string_lossy().replace('\\', "/");
        if skip.iter().any(|s| rel_s == *s || rel_s.starts_with(&format!("{s}/"))) {
            continue;
        }
        let to = dst.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&to).expect("create a directory");
        } else {
            std::fs::copy(entry.path(), &to).expect("copy a file");
        }
    }
}

/// The YAML documents of `text`, as JSON values, through govlint's own parser.
fn yaml_docs(name: &str, text: &str) -> Vec<Value> {
    let source = govlint::source::SourceFile::new(name, text.to_string());
    let parsed = govlint::parse::parse(source, govlint::parse::Syntax::Yaml, &Default::default());
    assert!(parsed.diagnostics.is_empty(), "{name} does not parse: {:?}", parsed.diagnostics);
    parsed.documents.into_iter().map(|d| d.value).collect()
}

/// The template with every empty (null) value replaced by the example's value at the same place.
fn fill(template: &Value, example: &Value, pointer: &str) -> Value {
    match template {
        Value::Null => example
            .pointer(pointer)
            .cloned()
            .unwrap_or_else(|| panic!("the example has no value for the template field {pointer}")),
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), fill(v, example, &format!("{pointer}/{k}")))).collect()),
        Value::Array(a) => Value::Array(a.iter().enumerate().map(|(i, v)| fill(v, example, &format!("{pointer}/{i}"))).collect()),
        other => other.clone(),
    }
}

/// JSON pointers of the null values of a template.
fn null_leaves(v: &Value, pointer: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Null => {
            out.insert(pointer.to_string());
        }
        Value::Object(m) => m.iter().for_each(|(k, v)| null_leaves(v, &format!("{pointer}/{k}"), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, v)| null_leaves(v, &format!("{pointer}/{i}"), out)),
        _ => {}
    }
}

/// Where each native manifest goes in the test tree, and the example whose values fill it.
struct Slot {
    kind: &'static str,
    path: &'static str,
    example: &'static str,
    /// The document of the example file that is the native manifest.
    doc: usize,
}

const SLOTS: [Slot; 3] = [
    Slot { kind: "model-card", path: "models/acme-chat-7b/model-card.yaml", example: "models/acme-chat-7b/model-card.yaml", doc: 0 },
    Slot { kind: "dataset-manifest", path: "datasets/web-crawl/dataset-manifest.yaml", example: "datasets/web-crawl/dataset-manifest.yaml", doc: 0 },
    Slot { kind: "deployment-config", path: "deploy/kserve/governance.yaml", example: "deploy/kserve/acme-chat.yaml", doc: 1 },
];

/// A compliant repository: the example repository without its non-compliant files (the legacy
/// card, the hand-made stack, vendored and scratch files), its InferenceService alone in
/// `deploy/kserve/acme-chat.yaml`, and the three native manifests left to the caller. The
/// manifests cross-reference each other and their neighbours (the deployment's model card,
/// the card's datasets), so the repository rules judge the templates too.
fn compliant_tree(dir: &Path) {
    let skip = [
        "models/acme-chat-7b/model-card.yaml",
        "datasets/web-crawl/dataset-manifest.yaml",
        "deploy/kserve/acme-chat.yaml",
        "models/legacy-summarizer",
        "deploy/k8s",
        "vendor",
        "scratch",
    ];
    copy_tree(&example_repo(), dir, &skip);
    let kserve = std::fs::read_to_string(example_repo().join("deploy/kserve/acme-chat.yaml")).expect("read the KServe fixture");
    let (service, _) = kserve.split_once("\n---\n").expect("the KServe fixture has two documents");
    std::fs::write(dir.join("deploy/kserve/acme-chat.yaml"), format!("{service}\n")).expect("write");
}

fn example_doc(slot: &Slot) -> Value {
    let text = std::fs::read_to_string(example_repo().join(slot.example)).expect("read the example manifest");
    yaml_docs(slot.example, &text).swap_remove(slot.doc)
}

fn template(kind: &str, packs: &[&str]) -> String {
    let mut args = vec!["new", kind];
    for p in packs {
        args.extend(["--framework", p]);
    }
    let run = govlint(&example_repo(), &args);
    run.expect_code(0);
    run.stdout
}

#[test]
fn init_on_the_example_repository_writes_a_config_check_agrees_with() {
    // The hand-written config and the drafted one, on two copies of the same tree.
    let by_hand = tempfile::tempdir().expect("tempdir");
    let drafted = tempfile::tempdir().expect("tempdir");
    copy_tree(&example_repo(), by_hand.path(), &[]);
    copy_tree(&example_repo(), drafted.path(), &["govlint.yaml"]);

    let init = govlint(drafted.path(), &["init"]);
    init.expect_code(0);
    assert!(init.stdout.contains("model-card         cyclonedx    models/acme-chat-7b/bom.json"), "{}", init.stdout);
    assert!(init.stdout.contains("excluded vendor/"), "{}", init.stdout);
    assert!(init.stdout.ends_with("next: run `govlint check`\n"), "{}", init.stdout);
    let config = std::fs::read_to_string(drafted.path().join("govlint.yaml")).expect("init wrote govlint.yaml");
    // Found by content, listed by directory: no glob forces a kind on the files around them.
    assert!(config.contains("#   model-card         models/"), "{config}");
    assert!(!config.contains("- \"models/**/README.md\""), "{config}");
    assert!(config.contains("- glob: \"deploy/helm/**/values*.yaml\"\n      format: helm-values"), "{config}");
    // The only deployment with regions serves CN: the Chinese pack, not the EU or US ones.
    let frameworks: Vec<&str> = config
        .split("\nframeworks:\n")
        .nth(1)
        .expect("a frameworks list")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- "))
        .map(|l| l.split_whitespace().next().unwrap_or(""))
        .collect();
    assert_eq!(frameworks, ["baseline", "caict-roadmap-2024", "cn-genai"], "{config}");

    // The same documents are checked, classified the same way, with the same findings.
    let (hand_run, hand) = check_json(by_hand.path(), &["-v"]);
    let (draft_run, draft) = check_json(drafted.path(), &["-v"]);
    assert_eq!(draft_run.checked(), hand_run.checked());
    assert!(draft_run.checked().iter().any(|(p, _, _, f)| p == "deploy/helm/values.yaml" && f == "helm-values"), "{}", draft_run.stderr);
    assert!(!draft_run.checked().iter().any(|(p, ..)| p.starts_with("vendor/")), "{}", draft_run.stderr);
    let key = |r: &common::Report| r.diagnostics.iter().map(|d| (d.rule.clone(), d.file.clone(), d.line, d.column, d.message.clone())).collect::<Vec<_>>();
    assert!(!key(&hand).is_empty());
    assert_eq!(key(&draft), key(&hand));
    assert_eq!((draft_run.code, hand_run.code), (1, 1));
}

#[test]
fn init_shows_rule_overrides_and_both_suppressions_and_they_work_once_uncommented() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("model-card.yaml"), "apiVersion: govlint.dev/v1\nkind: ModelCard\n").expect("write");
    govlint(dir.path(), &["init"]).expect_code(0);
    let config = std::fs::read_to_string(dir.path().join("govlint.yaml")).expect("init wrote govlint.yaml");
    assert!(config.contains("#     # govlint-ignore: DP013 "), "{config}");
    assert!(config.contains("# waivers:\n#   - rule: DP016\n"), "{config}");
    assert!(config.contains("# rules:\n#   MC017: off\n"), "{config}");
    // Uncommented, the examples are a valid config: their rule ids name rules.
    let mut block = false;
    let uncommented: String = config
        .lines()
        .map(|l| {
            block = l == "# rules:" || l == "# waivers:" || (block && l.starts_with("#   "));
            if block { &l[2..] } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(uncommented.contains("\nwaivers:\n  - rule: DP016\n") && uncommented.contains("\nrules:\n  MC017: off\n"), "{uncommented}");
    std::fs::write(dir.path().join("govlint.yaml"), uncommented).expect("write");
    let run = common::govlint_with(dir.path(), &[("GOVLINT_TODAY", "2027-01-01")], &["check", "--format", "json"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    let rules: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap()).collect();
    // The waiver's deployment is not in this tree: it matches nothing, and says so.
    assert!(rules.contains(&"waiver-unused") && !rules.contains(&"MC017"), "{rules:?}");
}

#[test]
fn init_never_overwrites_a_config_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("govlint.yaml"), "fail_on: warning\n").expect("write");
    let run = govlint(dir.path(), &["init"]);
    run.expect_code(2);
    assert!(run.stderr.contains("govlint.yaml already exists; `govlint init --force` replaces it"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(dir.path().join("govlint.yaml")).expect("read"), "fail_on: warning\n");

    govlint(dir.path(), &["init", "--force"]).expect_code(0);
    let config = std::fs::read_to_string(dir.path().join("govlint.yaml")).expect("read");
    assert!(config.contains("kinds: {}"), "{config}");
    // With no region declared, every pack stays on; the empty repository checks clean.
    assert_eq!(config.matches("\n  - ").count(), PACKS.len(), "{config}");
    let (run, report) = check_json(dir.path(), &[]);
    run.expect_code(0);
    assert!(report.diagnostics.is_empty());
}

#[test]
fn new_templates_filled_with_example_values_pass_every_pack() {
    // The full templates (every pack), and each pack's own template checked with that pack.
    let mut cases: Vec<(Vec<&str>, Vec<&str>)> = vec![(vec![], vec![])];
    cases.extend(PACKS.iter().map(|p| (vec![], vec![*p])));
    cases.extend(PACKS.iter().map(|p| (vec![*p], vec![*p])));
    for (template_packs, check_packs) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        compliant_tree(dir.path());
        for slot in &SLOTS {
            let text = template(slot.kind, &template_packs);
            let docs = yaml_docs(slot.kind, &text);
            assert_eq!(docs.len(), 1, "{text}");
            let filled = fill(&docs[0], &example_doc(slot), "");
            let json = serde_json::to_string_pretty(&filled).expect("serialise");
            std::fs::write(dir.path().join(slot.path), json).expect("write the filled template");
        }
        let mut args = Vec::new();
        for p in &check_packs {
            args.extend(["--framework", p]);
        }
        let (run, report) = check_json(dir.path(), &args);
        assert!(
            report.diagnostics.is_empty() && run.code == 0,
            "templates of {template_packs:?} filled, checked with {check_packs:?}: exit {}\n{:#?}",
            run.code,
            report.diagnostics
        );
        // All three manifests were read as native artifacts.
        assert_eq!(report.summary.errors, 0);
        assert!(report.summary.artifacts >= 8, "{:?}", report.summary);
    }
}

#[test]
fn new_templates_left_unfilled_fail_at_every_empty_value() {
    for slot in &SLOTS {
        let dir = tempfile::tempdir().expect("tempdir");
        // Directories on the way are created.
        let path = dir.path().join("new/dir/manifest.yaml");
        let run = govlint(dir.path(), &["new", slot.kind, "new/dir/manifest.yaml"]);
        run.expect_code(0);
        assert!(run.stdout.contains("fill in every empty value"), "{}", run.stdout);
        let text = std::fs::read_to_string(&path).expect("new wrote the template");
        // Each rule-backed field is introduced by a comment naming the rule and its clauses.
        assert!(text.contains(&format!("# {}", if slot.kind == "model-card" { "MC001 Model card declares a license: baseline: hygiene; " } else if slot.kind == "dataset-manifest" { "DS001 " } else { "DP001 " })), "{text}");
        let mut nulls = BTreeSet::new();
        null_leaves(&yaml_docs(slot.kind, &text)[0], "", &mut nulls);
        assert!(nulls.len() > 20, "{text}");

        let (run, report) = check_json(dir.path(), &["--no-builtin"]);
        run.expect_code(1);
        let reported: BTreeSet<String> =
            report.diagnostics.iter().filter(|d| d.rule == "schema").filter_map(|d| d.pointer.clone()).collect();
        let unreported: Vec<&String> = nulls.difference(&reported).collect();
        assert!(unreported.is_empty(), "{}: empty values the schema accepts: {unreported:?}", slot.kind);

        // An existing file is not overwritten.
        govlint(dir.path(), &["new", slot.kind, "new/dir/manifest.yaml"]).expect_code(2);
    }
}

#[test]
fn templates_only_name_rules_that_exist_and_cite_the_kind() {
    let rules = govlint::rules::catalog().expect("catalog");
    for kind in govlint::classify::Kind::ALL {
        for id in govlint::scaffold::marked_rules(kind) {
            let rule = rules.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("template {kind:?} marks unknown rule {id}"));
            assert!(
                rule.kinds.iter().any(|k| k == kind.as_str()) || rule.id.starts_with("XR"),
                "template {kind:?} marks {id}, a rule of {:?}",
                rule.kinds
            );
        }
    }
}

#[test]
fn every_exported_schema_is_valid_draft_2020_12() {
    let dir = example_repo();
    let mut exported = 0;
    let mut requests: Vec<Vec<String>> = vec![vec!["governance".into()], vec!["config".into()]];
    for kind in govlint::classify::Kind::ALL {
        for format in govlint::classify::Format::ALL {
            if govlint::schema::file_for(kind, format).is_some() {
                requests.push(vec![kind.as_str().into(), "--format".into(), format.as_str().into()]);
            }
        }
    }
    for req in requests {
        let mut args = vec!["schema"];
        args.extend(req.iter().map(String::as_str));
        let run = govlint(&dir, &args);
        run.expect_code(0);
        let schema: Value = serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{req:?}: not JSON: {e}"));
        assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{req:?}");
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{req:?}: not a valid draft 2020-12 schema: {e}");
        }
        // Self-contained: it compiles with nothing to resolve its references from.
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&schema)
            .unwrap_or_else(|e| panic!("{req:?}: does not compile on its own: {e}"));
        exported += 1;
    }
    assert_eq!(exported, govlint::schema::BUNDLED.len());
    // As bundled, a native schema refers to the governance schema by an id nothing serves.
    let raw: Value = serde_json::from_str(govlint::schema::text("model-card.native.schema.json").expect("bundled")).expect("JSON");
    assert!(jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&raw).is_err());
}

#[test]
fn exported_native_schemas_judge_manifests_as_check_does() {
    for slot in &SLOTS {
        // The default format is the native manifest.
        let run = govlint(&example_repo(), &["schema", slot.kind]);
        run.expect_code(0);
        let schema: Value = serde_json::from_str(&run.stdout).expect("JSON");
        let exported = jsonschema::options().with_draft(jsonschema::Draft::Draft202012).build(&schema).expect("compiles");
        let kind = govlint::classify::Kind::parse(slot.kind).expect("kind");
        let name = govlint::schema::file_for(kind, govlint::classify::Format::Native).expect("native schema");
        let bundled = govlint::schema::compile(name).expect("bundled schema compiles");

        let example = example_doc(slot);
        assert!(exported.is_valid(&example), "{}: the example manifest is invalid under the exported schema", slot.kind);
        let empty = yaml_docs(slot.kind, &template(slot.kind, &[])).swap_remove(0);
        let errors = |v: &jsonschema::Validator| {
            let mut e: Vec<String> = v.iter_errors(&empty).map(|e| e.instance_path().as_str().to_string()).collect();
            e.sort();
            e
        };
        assert!(!errors(&bundled).is_empty());
        assert_eq!(errors(&exported), errors(&bundled), "{}", slot.kind);
    }
}

#[test]
fn schema_rejects_an_unknown_kind_or_format_listing_the_valid_ones() {
    let dir = example_repo();
    let run = govlint(&dir, &["schema", "model"]);
    run.expect_code(2);
    assert!(run.stderr.contains("one of: model-card, dataset-manifest, deployment-config, governance, config"), "{}", run.stderr);
    let run = govlint(&dir, &["schema", "model-card", "--format", "croissant"]);
    run.expect_code(2);
    assert!(run.stderr.contains("one of: native, huggingface, cyclonedx"), "{}", run.stderr);
}

#[test]
fn completions_generate_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = govlint(&example_repo(), &["completions", shell]);
        run.expect_code(0);
        for sub in ["check", "init", "explain", "schema"] {
            assert!(run.stdout.contains(sub), "{shell} completions do not mention `{sub}`");
        }
    }
    govlint(&example_repo(), &["completions", "tcsh"]).expect_code(2);
}

#[test]
fn man_page_generates() {
    let run = govlint(&example_repo(), &["man"]);
    run.expect_code(0);
    assert!(run.stdout.starts_with(".ie \\n(.g .ds Aq") || run.stdout.contains(".TH govlint 1"), "{}", &run.stdout[..200.min(run.stdout.len())]);
    for sub in ["check", "init", "new", "schema", "completions"] {
        assert!(run.stdout.contains(sub), "the man page does not mention `{sub}`");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    govlint(dir.path(), &["man", "--out-dir", "man"]).expect_code(0);
    for page in ["govlint.1", "govlint-check.1", "govlint-init.1"] {
        let text = std::fs::read_to_string(dir.path().join("man").join(page)).unwrap_or_else(|_| panic!("no {page}"));
        assert!(text.contains(".TH"), "{page}");
    }
}

#[test]
fn human_output_names_the_rule_and_its_clauses_and_ends_with_the_fix() {
    let run = govlint(&example_repo(), &["check", "models/legacy-summarizer", "--color", "never"]);
    run.expect_code(1);
    let block = run.stdout.split("\n\n").skip_while(|b| b.trim() != "MC001").nth(1).expect("an MC001 finding");
    let lines: Vec<&str> = block.lines().collect();
    let clause = lines.iter().position(|l| l.starts_with("  clause: ")).unwrap_or_else(|| panic!("no clause line:\n{block}"));
    let help = lines.iter().position(|l| l.starts_with("  help: ")).unwrap_or_else(|| panic!("no help line:\n{block}"));
    let clause_text = lines[clause..help].join(" ");
    for cited in ["baseline: hygiene", "eu-ai-act:", "Annex XI Section 1, point 1(f)", "`govlint explain MC001`"] {
        assert!(clause_text.contains(cited), "{block}");
    }
    // The help, how to fix it, comes last.
    assert!(clause < help && lines[help..].iter().skip(1).all(|l| l.starts_with("        ")), "{block}");
    assert!(lines[help].contains("Add `license:`"), "{block}");
}

#[test]
fn every_bundled_rule_explains_with_a_passing_and_a_failing_example() {
    let rules = govlint::rules::catalog().expect("catalog");
    let bundled: Vec<_> = rules.iter().filter(|r| r.source.starts_with("policies/")).collect();
    assert!(bundled.len() > 50);
    for r in bundled {
        for which in ["pass", "fail"] {
            assert!(r.examples.get(which).is_some_and(|e| !e.trim().is_empty()), "{} has no `{which}` example", r.id);
        }
    }
    let run = govlint(&example_repo(), &["explain", "DP013"]);
    run.expect_code(0);
    let examples = govlint::rules::catalog().expect("catalog").into_iter().find(|r| r.id == "DP013").expect("DP013").examples;
    assert!(run.stdout.contains(examples["pass"].trim()) && run.stdout.contains(examples["fail"].trim()), "{}", run.stdout);
}

#[test]
fn readme_shows_real_output() {
    let readme = std::fs::read_to_string(common::project_root().join("README.md")).expect("README.md");
    let shown = readme
        .split("Each finding names its rule, the clauses behind it, and ends with how to fix it:\n\n```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README shows a finding");
    let run = govlint(&example_repo(), &["check", "models/legacy-summarizer", "--color", "never"]);
    let first = run.stdout.split("\n\nMC002").next().expect("output");
    assert_eq!(shown.trim_end(), first.trim_end());
}

#[test]
fn readme_commands_section_names_every_option_of_check_report_and_test() {
    // The options `--help` lists are the ones the README's Commands section must show: a flag
    // added to the CLI and not to the README fails here.
    let readme = std::fs::read_to_string(common::project_root().join("README.md")).expect("README.md");
    let section = readme.split("\n## Commands\n").nth(1).expect("a Commands section").split("\n## ").next().unwrap().to_string();
    let dir = common::project_root();
    let mut missing = Vec::new();
    for command in ["check", "report", "test"] {
        let help = govlint(&dir, &[command, "--help"]);
        assert_eq!(help.code, 0, "{}", help.stderr);
        // An option's line starts within the first columns; deeper lines continue a description.
        for line in help.stdout.lines().filter(|l| l.len() - l.trim_start().len() <= 6) {
            let forms: Vec<&str> = line.split_whitespace().take(2).map(|w| w.trim_end_matches(',')).filter(|w| w.starts_with('-')).collect();
            let Some(long) = forms.iter().find(|f| f.starts_with("--")) else { continue };
            if *long == "--help" {
                continue;
            }
            // Shown as `--flag`, `-f …`, `-f/--flag` or `[--flag]`, whole (`--cache` is not `--cache-dir`).
            let shown = forms.iter().any(|f| {
                ["`", "/", "[", " "].iter().any(|before| {
                    section.match_indices(&format!("{before}{f}")).any(|(i, m)| {
                        section[i + m.len()..].chars().next().is_some_and(|c| !c.is_ascii_alphanumeric() && c != '-')
                    })
                })
            });
            if !shown {
                missing.push(format!("{command} {long}"));
            }
        }
    }
    assert!(missing.is_empty(), "README's Commands section does not show: {missing:?}");
    assert!(section.contains("gitlab"), "the Commands section names --format gitlab");
}
