//! Choosing the rules of a run as ruff users do: `--select` and `--ignore` by id or prefix,
//! combined with the config's `rules:` and the framework packs in the documented order; a rule
//! id that names no rule (on the command line, as a `rules:` key or as a waiver's rule) is a
//! tool error that names it; and `-v` says which frameworks and rules are on.

use crate::common;

use std::collections::BTreeSet;
use std::path::Path;

use common::{example_repo, govlint, readme_block, tempdir, write};
use serde_json::Value;

/// `check --format json` in `dir` with `args`: the exit code and the document.
fn check(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = govlint(dir, &all);
    assert_ne!(run.code, 2, "{args:?}: tool error\n{}", run.stderr);
    (run.code, serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout)))
}

/// The rule ids of the findings that count.
fn rules(v: &Value) -> BTreeSet<String> {
    v["diagnostics"].as_array().unwrap().iter().map(|d| d["rule"].as_str().unwrap().to_string()).collect()
}

/// The rule ids of the findings in `dir` under `args`.
fn rules_of(dir: &Path, args: &[&str]) -> BTreeSet<String> {
    rules(&check(dir, args).1)
}

/// Runs `args` in `dir`; it must be a tool error whose stderr holds each of `needles`.
#[track_caller]
fn tool_error(dir: &Path, args: &[&str], needles: &[&str]) -> String {
    let run = govlint(dir, args);
    assert_eq!(run.code, 2, "{args:?}\n--- stdout\n{}\n--- stderr\n{}", run.stdout, run.stderr);
    for n in needles {
        assert!(run.stderr.contains(n), "{args:?}: stderr lacks `{n}`\n{}", run.stderr);
    }
    run.stderr
}

/// A Hugging Face model card with no license and little else: MC001 (an error) and MC017 (a
/// note) among others.
const CARD: &str = "---\ntags:\n- chat\n---\n# chat\n\nA model.\n";

// ---------------------------------------------------------------------------------------
// --select and --ignore
// ---------------------------------------------------------------------------------------

#[test]
fn select_keeps_the_rules_it_names_by_id_and_by_prefix() {
    let dir = example_repo();
    let all = rules_of(&dir, &[]);
    assert!(all.contains("DP013") && all.contains("DP016") && all.contains("XR001"), "{all:?}");
    let selected = rules_of(&dir, &["--select", "DP013,MC"]);
    assert!(selected.contains("DP013") && selected.contains("MC001"), "{selected:?}");
    assert!(selected.iter().all(|r| r == "DP013" || r.starts_with("MC")), "{selected:?}");
    assert_eq!(selected, all.iter().filter(|r| *r == "DP013" || r.starts_with("MC")).cloned().collect());
    // Repeated flags and commas are the same.
    assert_eq!(rules_of(&dir, &["--select", "DP013", "--select", "MC"]), selected);
}

#[test]
fn ignore_drops_the_rules_it_names() {
    let dir = example_repo();
    let (_, all) = check(&dir, &[]);
    let (_, v) = check(&dir, &["--ignore", "DP,XR001"]);
    let left = rules(&v);
    assert!(left.iter().all(|r| !r.starts_with("DP") && r != "XR001"), "{left:?}");
    assert!(left.contains("MC001") && left.contains("schema"), "{left:?}");
    // The summary counts what is reported.
    let dropped = all["diagnostics"].as_array().unwrap().iter().filter(|d| {
        let r = d["rule"].as_str().unwrap();
        r.starts_with("DP") || r == "XR001"
    });
    assert_eq!(
        v["summary"]["errors"].as_u64().unwrap() + dropped.filter(|d| d["severity"] == "error").count() as u64,
        all["summary"]["errors"].as_u64().unwrap()
    );
}

#[test]
fn the_more_specific_selector_wins_and_ignore_wins_a_tie() {
    let dir = example_repo();
    let dp = rules_of(&dir, &["--select", "DP", "--ignore", "DP013"]);
    assert!(dp.contains("DP016") && !dp.contains("DP013"), "{dp:?}");
    assert_eq!(rules_of(&dir, &["--select", "DP013", "--ignore", "DP"]), BTreeSet::from(["DP013".to_string()]));
    assert_eq!(rules_of(&dir, &["--select", "DP013", "--ignore", "DP013"]), BTreeSet::new());
}

#[test]
fn the_command_line_comes_before_the_config() {
    let (_t, root) = tempdir();
    write(&root, "models/chat/README.md", CARD);
    write(&root, "govlint.yaml", "rules:\n  MC017: off\n  MC: warning\n");
    let (_, v) = check(&root, &[]);
    let found = rules(&v);
    assert!(found.contains("MC001") && !found.contains("MC017"), "{found:?}");
    // The config's severity for the prefix applies to every MC rule.
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] == "warning"), "{v:#}");
    // A --select sets the config's `off` aside (as `ruff --select` sets pyproject.toml's
    // selection aside); the config's severities still apply.
    let (_, v) = check(&root, &["--select", "MC017"]);
    assert_eq!(rules(&v), BTreeSet::from(["MC017".to_string()]));
    assert_eq!(v["diagnostics"][0]["severity"], "warning");
    let (_, v) = check(&root, &["--select", "MC"]);
    assert!(rules(&v).contains("MC017"), "{v:#}");
    // Without one, --ignore turns off what the config leaves on.
    let (_, v) = check(&root, &["--ignore", "MC001"]);
    let found = rules(&v);
    assert!(!found.contains("MC001") && !found.contains("MC017") && found.contains("MC003"), "{found:?}");
}

#[test]
fn frameworks_say_which_rules_are_in_force_and_a_selection_picks_among_them() {
    let dir = example_repo();
    // MC003 is in cn-genai; MC001 (baseline, eu-ai-act) is not.
    let found = rules_of(&dir, &["--framework", "cn-genai", "--select", "MC"]);
    assert!(found.contains("MC003") && !found.contains("MC001"), "{found:?}");
    // A --select whose every rule the frameworks leave out would report nothing and pass.
    tool_error(&dir, &["check", "--framework", "cn-genai", "--select", "DP013"], &["--select `DP013`", "baseline", "--framework"]);
    // Ignoring a rule that does not run is harmless.
    let found = rules_of(&dir, &["--framework", "cn-genai", "--ignore", "DP013"]);
    assert!(found.contains("MC003"), "{found:?}");
}

#[test]
fn a_select_leaves_on_the_checks_that_say_a_file_could_not_be_checked() {
    let (_t, root) = tempdir();
    write(&root, "models/chat/README.md", CARD);
    write(&root, "models/broken/README.md", "---\nlicense: [mit\n---\n# broken\n");
    let found = rules_of(&root, &["--select", "MC001"]);
    assert_eq!(found, BTreeSet::from(["MC001".to_string(), "parse-error".to_string()]));
    let found = rules_of(&root, &["--select", "MC001", "--ignore", "parse-error"]);
    assert_eq!(found, BTreeSet::from(["MC001".to_string()]));
}

#[test]
fn unknown_ids_and_prefixes_are_tool_errors_that_name_them() {
    let dir = example_repo();
    tool_error(&dir, &["check", "--select", "DP99"], &["--select `DP99`", "neither a rule id nor the start of one"]);
    tool_error(&dir, &["check", "--select", "MC001,XR9"], &["--select `XR9`"]);
    tool_error(&dir, &["check", "--ignore", "DP013", "--ignore", "PD"], &["--ignore `PD`"]);
    tool_error(&dir, &["check", "--select", "mc001"], &["`mc001`", "did you mean `MC001`?"]);
    tool_error(&dir, &["report", "--select", "DP99"], &["--select `DP99`"]);
    tool_error(&dir, &["report", "--ignore", "MC0011"], &["--ignore `MC0011`"]);
}

#[test]
fn report_takes_the_same_selection() {
    let dir = example_repo();
    let run = govlint(&dir, &["report", "--format", "json", "--ignore", "MC,schema"]);
    run.expect_code(0);
    let v: Value = serde_json::from_str(&run.stdout).unwrap();
    let ids: Vec<&str> = v["rules"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"DP013") && ids.contains(&"parse-error"), "{ids:?}");
    // A rule that did not run is not among the rules of the evidence pack (it would be met).
    assert!(!ids.iter().any(|id| id.starts_with("MC") || *id == "schema"), "{ids:?}");
}

// ---------------------------------------------------------------------------------------
// Config typos
// ---------------------------------------------------------------------------------------

#[test]
fn a_rules_key_or_a_waiver_rule_that_names_no_rule_is_an_error_at_its_line_and_column() {
    let (_t, root) = tempdir();
    write(&root, "models/chat/README.md", CARD);
    write(
        &root,
        "govlint.yaml",
        "rules:\n  MC017: off\n  DP99: off\n  MC: warning\nwaivers:\n  - rule: MC01\n    paths: [\"models/**\"]\n    reason: r\n    approved_by: a@example.com\n  - rule: mc001\n    paths: [\"models/**\"]\n    reason: r\n    approved_by: a@example.com\n",
    );
    let stderr = tool_error(&root, &["check", "--color", "never"], &["invalid configuration in govlint.yaml"]);
    assert!(stderr.contains("govlint.yaml:3:3") && stderr.contains("`DP99`"), "{stderr}");
    // A waiver names one rule: a prefix is not one.
    assert!(stderr.contains("govlint.yaml:6:11") && stderr.contains("`MC01` is the start of rule ids"), "{stderr}");
    assert!(stderr.contains("govlint.yaml:10:11") && stderr.contains("did you mean `MC001`?"), "{stderr}");
    // The keys that name rules are not reported.
    assert!(!stderr.contains("`MC017`") && !stderr.contains("key `MC`"), "{stderr}");
}

#[test]
fn user_policy_ids_are_rule_ids_once_the_policies_load() {
    let (_t, root) = tempdir();
    write(&root, "models/chat/README.md", CARD);
    write(
        &root,
        "policy/owner.rego",
        "package main\n\nimport rego.v1\n\ndeny contains \"the card names no owner\" if {\n\tnot input.governance.owner\n}\n",
    );
    let config = "rules:\n  main: warning\nwaivers:\n  - rule: main\n    paths: [\"other/**\"]\n    reason: r\n    approved_by: a@example.com\n";
    write(&root, "govlint.yaml", config);
    // Not loaded: `main` names no rule.
    tool_error(&root, &["check", "--no-builtin", "--color", "never"], &["govlint.yaml:2:3", "`main`", "govlint.yaml:4:11"]);
    // Loaded with -p, or from the config's `policies:`, it does.
    let (_, v) = check(&root, &["--no-builtin", "-p", "policy"]);
    let main: Vec<&Value> = v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "main").collect();
    assert_eq!(main.len(), 1, "{v:#}");
    assert_eq!(main[0]["severity"], "warning");
    write(&root, "govlint.yaml", &format!("policies: [policy]\n{config}"));
    assert!(rules_of(&root, &["--no-builtin"]).contains("main"));
    // (The waiver of `main` matches no finding of it: reported, as `main` ran.)
    assert_eq!(rules_of(&root, &["--no-builtin", "--select", "main"]), BTreeSet::from(["main".to_string(), "waiver-unused".to_string()]));
    // With --no-builtin the bundled rules are still rule ids.
    assert!(rules_of(&root, &["--no-builtin", "--ignore", "MC001"]).contains("main"));
}

// ---------------------------------------------------------------------------------------
// What a selection leaves unjudged
// ---------------------------------------------------------------------------------------

#[test]
fn waivers_and_baseline_entries_of_rules_not_reported_are_neither_unused_nor_stale() {
    let (_t, root) = tempdir();
    write(&root, "models/chat/README.md", CARD);
    write(
        &root,
        "govlint.yaml",
        "waivers:\n  - rule: MC001\n    paths: [\"models/**\"]\n    reason: licensed by contract\n    approved_by: a@example.com\n",
    );
    // The baseline records every finding but the waived MC001, MC017 among them.
    run_ok(&root, &["check", "--write-baseline", "baseline.json"]);
    let baseline = std::fs::read_to_string(root.join("baseline.json")).unwrap();
    assert!(baseline.contains("\"MC017\"") && !baseline.contains("\"MC001\""), "{baseline}");
    // The card goes: the waiver and every entry match nothing, among the rules that run.
    std::fs::remove_file(root.join("models/chat/README.md")).unwrap();
    let stale = |v: &Value| v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "baseline-stale").count();
    let (_, all) = check(&root, &["--baseline", "baseline.json"]);
    assert!(rules(&all).contains("waiver-unused"), "{all:#}");
    assert!(stale(&all) > 1, "{all:#}");
    let (_, v) = check(&root, &["--select", "MC001", "--baseline", "baseline.json"]);
    assert_eq!(rules(&v), BTreeSet::from(["waiver-unused".to_string()]), "{v:#}");
    let (_, v) = check(&root, &["--select", "MC017", "--baseline", "baseline.json"]);
    assert_eq!(rules(&v), BTreeSet::from(["baseline-stale".to_string()]), "{v:#}");
    assert_eq!(stale(&v), 1, "{v:#}");
    let (_, v) = check(&root, &["--ignore", "MC", "--baseline", "baseline.json"]);
    assert_eq!(rules(&v), BTreeSet::new(), "{v:#}");
}

#[track_caller]
fn run_ok(dir: &Path, args: &[&str]) {
    let run = govlint(dir, args);
    assert_eq!(run.code, 0, "{args:?}\n{}", run.stderr);
}

// ---------------------------------------------------------------------------------------
// -v
// ---------------------------------------------------------------------------------------

#[test]
fn verbose_names_the_frameworks_and_the_rules_on_and_off() {
    let (_t, root) = tempdir();
    write(&root, "models/chat/README.md", CARD);
    write(&root, "govlint.yaml", "frameworks: [cn-genai]\nrules:\n  MC017: off\n");
    let run = govlint(&root, &["check", "-v", "--ignore", "DS"]);
    let err = &run.stderr;
    assert!(err.contains("config: govlint.yaml (found walking up"), "{err}");
    assert!(err.contains("frameworks: cn-genai (from the config's frameworks:)"), "{err}");
    let on = err.lines().find(|l| l.starts_with("rules on: ")).unwrap_or_else(|| panic!("{err}"));
    assert!(on.contains("cn-genai ") && on.contains("7 built-in checks"), "{on}");
    let ids = err.lines().skip_while(|l| !l.starts_with("rules on: ")).nth(1).unwrap();
    assert!(ids.contains("MC003") && !ids.contains("MC001") && !ids.contains("MC017") && !ids.contains("DS0"), "{ids}");
    assert!(err.lines().any(|l| l == "rules off (off in the config's rules:): MC017"), "{err}");
    assert!(err.lines().any(|l| l.starts_with("rules off (--ignore): DS001 DS002")), "{err}");
    let run = govlint(&root, &["check", "-v", "--no-builtin"]);
    assert!(run.stderr.contains("frameworks: none (--no-builtin: no bundled rule is in force)"), "{}", run.stderr);
    assert!(run.stderr.contains("rules on: 7 (0 bundled; 7 built-in checks; 0 user policies)"), "{}", run.stderr);
    let run = govlint(&root, &["check", "-v", "--framework", "baseline", "--framework", "eu-ai-act"]);
    assert!(run.stderr.contains("frameworks: baseline, eu-ai-act (from --framework)"), "{}", run.stderr);
    assert!(run.stderr.lines().any(|l| l.starts_with("rules on: ") && l.contains("baseline ") && l.contains("eu-ai-act ")), "{}", run.stderr);
}

// ---------------------------------------------------------------------------------------
// The README's worked example
// ---------------------------------------------------------------------------------------

#[test]
fn the_readme_example_of_choosing_rules_is_what_govlint_does() {
    let readme = std::fs::read_to_string(common::project_root().join("README.md")).unwrap();
    let (_t, root) = tempdir();
    write(&root, "govlint.yaml", &readme_block("For example, with this govlint.yaml:"));
    write(&root, "models/chat/README.md", CARD);
    // An image by tag, with no resources, probes or security context: DP013-DP017.
    write(
        &root,
        "deploy/app.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.25\n",
    );
    let run = |args: &str| -> Value {
        assert!(readme.contains(&format!("| `govlint check{}{args}` |", if args.is_empty() { "" } else { " " })), "the README's table has `{args}`");
        let args: Vec<&str> = args.split_whitespace().collect();
        check(&root, &args).1
    };
    let severity = |v: &Value, rule: &str| -> Vec<String> {
        v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == rule).map(|d| d["severity"].as_str().unwrap().to_string()).collect()
    };
    let v = run("");
    let found = rules(&v);
    assert!(found.contains("MC001") && found.contains("MC003") && !found.contains("MC017"), "{found:?}");
    assert_eq!(severity(&v, "DP013"), ["error"]);
    let dp014 = severity(&v, "DP014");
    assert!(!dp014.is_empty() && dp014.iter().all(|s| s == "warning"), "{dp014:?}");
    let found = rules(&run("--ignore DP"));
    assert!(found.contains("MC001") && !found.iter().any(|r| r.starts_with("DP")), "{found:?}");
    let v = run("--select DP013,MC");
    let found = rules(&v);
    assert!(found.contains("MC017") && found.contains("MC001") && !found.contains("DP014"), "{found:?}");
    assert!(found.iter().all(|r| r == "DP013" || r.starts_with("MC")), "{found:?}");
    assert_eq!(severity(&v, "DP013"), ["error"]);
    let v = run("--select DP --ignore DP013");
    let found = rules(&v);
    assert!(found.contains("DP014") && found.iter().all(|r| r.starts_with("DP") && r != "DP013"), "{found:?}");
    assert!(v["diagnostics"].as_array().unwrap().iter().all(|d| d["severity"] == "warning"), "{v:#}");
    assert_eq!(rules(&run("--select DP013 --ignore DP")), BTreeSet::from(["DP013".to_string()]));
    assert!(readme.contains("| `govlint check --select DP009` | exit 2"));
    tool_error(&root, &["check", "--select", "DP009"], &["`DP009`", "caict-roadmap-2024"]);
    assert!(readme.contains("| `govlint check --select DP99` | exit 2"));
    tool_error(&root, &["check", "--select", "DP99"], &["`DP99`"]);
}
