//! The pre-commit and CI gates, end to end in temporary git repositories: `--staged`,
//! `--changed-since`, waivers (expiry, unused), inline suppression, baselines that survive a line
//! move, the GitHub output's escaping, and the pre-commit hook run by the real `pre-commit`.

use crate::common;

use std::path::Path;
use std::process::Command;

use common::{git, govlint, govlint_with, tempdir, write};
use serde_json::Value;

/// A user policy that flags model cards without `license`, at the `license` key (or its
/// nearest ancestor), so that the tests do not depend on the bundled rule set.
const POLICY: &str = r#"package main

import rego.v1

deny contains {"msg": "no license", "path": ["license"]} if {
	not input.license
}

warn contains {"msg": sprintf("odd value: %s", [input.note]), "path": ["note"]} if {
	input.note
}
"#;

/// A repository with the test policy and a config that uses it.
fn repo(extra_config: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let (t, root) = tempdir();
    git(&root, &["init", "-q"]);
    write(&root, "policy/main.rego", POLICY);
    write(&root, "govlint.yaml", &format!("policies: [policy]\n{extra_config}"));
    (t, root)
}

fn card(license: Option<&str>) -> String {
    let lic = license.map(|l| format!("license: {l}\n")).unwrap_or_default();
    format!("---\n{lic}pipeline_tag: text-generation\n---\n# Model\n")
}

fn json(root: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--no-builtin", "--format", "json"];
    all.extend_from_slice(args);
    let run = govlint(root, &all);
    assert_ne!(run.code, 2, "tool error:\n{}", run.stderr);
    (run.code, serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout)))
}

fn findings<'a>(v: &'a Value, rule: &str) -> Vec<&'a Value> {
    v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == rule).collect()
}

fn files(v: &Value) -> Vec<String> {
    let mut f: Vec<String> = v["diagnostics"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap().to_string()).collect();
    f.dedup();
    f
}

#[test]
fn staged_lints_the_index_not_the_working_tree() {
    let (_t, root) = repo("");
    // Staged: a card with a license. Working tree: the license removed.
    write(&root, "models/m/README.md", &card(Some("mit")));
    git(&root, &["add", "."]);
    write(&root, "models/m/README.md", &card(None));

    let (code, v) = json(&root, &["--staged"]);
    assert_eq!(code, 0, "{v:#}");
    assert!(findings(&v, "main").is_empty());
    let (code, v) = json(&root, &[]);
    assert_eq!(code, 1);
    assert_eq!(findings(&v, "main").len(), 1);

    // The other way round: the staged card lacks the license; it is named by its repository
    // path and located in the staged text.
    write(&root, "models/m/README.md", &card(None));
    git(&root, &["add", "."]);
    write(&root, "models/m/README.md", &format!("\n\n{}", card(Some("mit"))));
    let (code, v) = json(&root, &["--staged"]);
    assert_eq!(code, 1);
    let f = findings(&v, "main");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0]["file"], "models/m/README.md");
    assert_eq!(f[0]["line"], 2, "located in the staged text, not the working tree: {:#}", f[0]);
}

#[test]
fn staged_reports_only_files_staged_for_commit() {
    let (_t, root) = repo("");
    write(&root, "models/a/README.md", &card(None));
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "a"]);
    write(&root, "models/b/README.md", &card(None));
    git(&root, &["add", "models/b/README.md"]);
    let (_, v) = json(&root, &["--staged"]);
    assert_eq!(files(&v), ["models/b/README.md"]);
}

#[test]
fn changed_since_reports_files_changed_from_the_merge_base() {
    let (_t, root) = repo("");
    write(&root, "models/a/README.md", &card(None));
    write(&root, "models/b/README.md", &card(None));
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "base"]);
    git(&root, &["checkout", "-q", "-b", "feature"]);
    write(&root, "models/b/README.md", &format!("{}\nmore\n", card(None)));
    git(&root, &["commit", "-q", "-am", "change b"]);
    // An untracked new file counts as changed too.
    write(&root, "models/c/README.md", &card(None));

    let (code, v) = json(&root, &["--changed-since", "main"]);
    assert_eq!(code, 1);
    assert_eq!(files(&v), ["models/b/README.md", "models/c/README.md"]);

    // Main moved on after the branch: only the merge base matters.
    git(&root, &["checkout", "-q", "main"]);
    write(&root, "models/a/README.md", &format!("{}\nmain change\n", card(None)));
    git(&root, &["commit", "-q", "-am", "main change"]);
    git(&root, &["checkout", "-q", "feature"]);
    let (_, v) = json(&root, &["--changed-since", "main"]);
    assert_eq!(files(&v), ["models/b/README.md", "models/c/README.md"]);
}

#[test]
fn changed_since_unknown_ref_or_unrelated_history_is_a_tool_error() {
    let (_t, root) = repo("");
    write(&root, "models/a/README.md", &card(None));
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "base"]);
    let run = govlint(&root, &["check", "--changed-since", "no-such-ref"]);
    run.expect_code(2);
    assert!(run.stderr.contains("unknown revision `no-such-ref`"), "{}", run.stderr);

    git(&root, &["checkout", "-q", "--orphan", "other"]);
    git(&root, &["commit", "-q", "-m", "unrelated"]);
    let run = govlint(&root, &["check", "--changed-since", "main"]);
    run.expect_code(2);
    assert!(run.stderr.contains("no merge base between `main` and HEAD"), "{}", run.stderr);
}

#[test]
fn waivers_suppress_expire_and_report_unused() {
    let (_t, root) = repo(
        "waivers:\n  - rule: main\n    paths: [\"models/a/**\"]\n    reason: legacy card, relicensing in progress\n    approved_by: jane@example.com\n    expires: 2999-01-01\n  - rule: main\n    paths: [\"models/b/**\"]\n    reason: old\n    approved_by: joe@example.com\n    expires: 2000-01-01\n  - rule: main\n    paths: [\"models/zzz/**\"]\n    reason: nothing there\n    approved_by: joe@example.com\n",
    );
    write(&root, "models/a/README.md", &card(None));
    write(&root, "models/b/README.md", &card(None));
    let (code, v) = json(&root, &[]);
    assert_eq!(code, 1);
    // a is waived: reported under `suppressed`, with the waiver's facts.
    let sup: Vec<&Value> = v["suppressed"].as_array().unwrap().iter().collect();
    assert_eq!(sup.len(), 1);
    assert_eq!(sup[0]["file"], "models/a/README.md");
    assert_eq!(sup[0]["suppression"]["kind"], "waiver");
    assert_eq!(sup[0]["suppression"]["approved_by"], "jane@example.com");
    assert_eq!(sup[0]["suppression"]["expires"], "2999-01-01");
    // b's waiver has expired: b's finding counts, and the waiver raises its own finding.
    assert_eq!(files(&v).iter().filter(|f| f.as_str() == "models/b/README.md").count(), 1);
    let expired = findings(&v, "waiver-expired");
    assert_eq!(expired.len(), 1);
    assert_eq!((expired[0]["file"].as_str(), expired[0]["line"].as_u64()), (Some("govlint.yaml"), Some(8)));
    let unused = findings(&v, "waiver-unused");
    assert_eq!(unused.len(), 1);
    assert_eq!(unused[0]["line"], 13);
    assert_eq!(unused[0]["severity"], "warning");
}

#[test]
fn a_waiver_can_be_limited_to_a_json_path() {
    let (_t, root) = repo(
        "waivers:\n  - rule: main\n    paths: [\"**\"]\n    path: /note\n    reason: known\n    approved_by: jane@example.com\n",
    );
    write(&root, "models/a/README.md", "---\npipeline_tag: text-generation\nnote: x\n---\n");
    let (_, v) = json(&root, &[]);
    // The warning at /note is waived; the missing license (at the root) is not.
    assert_eq!(v["suppressed"].as_array().unwrap().len(), 1);
    assert_eq!(v["suppressed"][0]["pointer"], "/note");
    assert_eq!(findings(&v, "main").len(), 1);
    assert_eq!(findings(&v, "main")[0]["pointer"], "/license");
}

#[test]
fn inline_comment_suppresses_the_key_that_follows() {
    let (_t, root) = repo("");
    write(&root, "models/a/README.md", "---\nlicense: mit\n# govlint-ignore: main the note is intended\nnote: x\n---\n");
    let (code, v) = json(&root, &["--fail-on", "warning"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["suppressed"][0]["suppression"]["kind"], "inline");
    assert_eq!(v["suppressed"][0]["suppression"]["reason"], "the note is intended");
    // Without the comment the warning counts.
    write(&root, "models/a/README.md", "---\nlicense: mit\nnote: x\n---\n");
    let (code, _) = json(&root, &["--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn baseline_survives_a_line_move_and_reports_new_findings() {
    let (_t, root) = repo("");
    write(&root, "models/a/README.md", &card(None));
    let run = govlint(&root, &["check", "--no-builtin", "--write-baseline", "baseline.json"]);
    run.expect_code(0);
    let baseline: Value = serde_json::from_str(&std::fs::read_to_string(root.join("baseline.json")).unwrap()).unwrap();
    assert_eq!(baseline["findings"].as_array().unwrap().len(), 1);

    // The finding moves down three lines: still known.
    write(&root, "models/a/README.md", "---\n# a comment\n\n\npipeline_tag: text-generation\n---\n# Model\n");
    let (code, v) = json(&root, &["--baseline", "baseline.json"]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["suppressed"][0]["suppression"]["kind"], "baseline");

    // A new finding elsewhere is reported.
    write(&root, "models/b/README.md", &card(None));
    let (code, v) = json(&root, &["--baseline", "baseline.json"]);
    assert_eq!(code, 1);
    assert_eq!(files(&v), ["models/b/README.md"]);
}

#[test]
fn several_outputs_in_one_run_and_github_escaping() {
    let (_t, root) = repo("");
    write(&root, "models/a/README.md", "---\nlicense: mit\nnote: \"50%, a: b\"\n---\n");
    let run = govlint(&root, &["check", "--no-builtin", "--format", "github", "--format", "json:out.json", "--format", "sarif:out.sarif"]);
    run.expect_code(0);
    let line = run.stdout.lines().find(|l| l.starts_with("::warning ")).unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(line.starts_with("::warning file=models/a/README.md,line=3,col=7,"), "{line}");
    assert!(line.contains("title=main::odd value: 50%25, a: b"), "{line}");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(root.join("out.json")).unwrap()).unwrap();
    assert_eq!(v["summary"]["warnings"], 1);
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(root.join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
}

#[test]
fn quiet_prints_only_what_fails() {
    let (_t, root) = repo("");
    write(&root, "models/a/README.md", "---\nlicense: mit\nnote: x\n---\n");
    let run = govlint(&root, &["check", "--no-builtin", "--quiet", "--color", "never"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "");
    let run = govlint(&root, &["check", "--no-builtin", "--color", "never"]);
    assert!(run.stdout.ends_with("1 artifact, 0 errors, 1 warning, 0 notes, 0 waived; 0 checks without evidence\n"), "{}", run.stdout);
}

fn pre_commit() -> Option<String> {
    let found = Command::new("pre-commit").arg("--version").output().is_ok_and(|o| o.status.success());
    if found {
        return Some("pre-commit".to_string());
    }
    assert!(std::env::var_os("CI").is_none(), "pre-commit is not installed; .ci/run installs it");
    None
}

#[test]
fn pre_commit_hook_blocks_a_bad_card_and_lets_the_fixed_one_through() {
    let Some(pre_commit) = pre_commit() else {
        eprintln!("skipped: the `pre-commit` tool is not installed (pip install pre-commit)");
        return;
    };
    // A hook repository holding this project's .pre-commit-hooks.yaml, as a team would pin it.
    let (_h, hooks) = tempdir();
    git(&hooks, &["init", "-q"]);
    std::fs::copy(common::project_root().join(".pre-commit-hooks.yaml"), hooks.join(".pre-commit-hooks.yaml")).unwrap();
    git(&hooks, &["add", "."]);
    git(&hooks, &["commit", "-q", "-m", "hooks"]);
    let rev = git(&hooks, &["rev-parse", "HEAD"]).trim().to_string();

    let (_t, root) = repo("");
    write(
        &root,
        ".pre-commit-config.yaml",
        &format!("repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: govlint-system\n        args: [--no-builtin]\n", hooks.display()),
    );
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "setup"]);
    let home = tempdir();
    let bin_dir = Path::new(env!("CARGO_BIN_EXE_govlint")).parent().unwrap().to_path_buf();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let run_pc = |args: &[&str]| {
        Command::new(&pre_commit)
            .args(args)
            .current_dir(&root)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", &home.1)
            .output()
            .expect("pre-commit runs")
    };
    let install = run_pc(&["install"]);
    assert!(install.status.success(), "{}", String::from_utf8_lossy(&install.stderr));

    let commit = |msg: &str| {
        Command::new("git")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", msg])
            .current_dir(&root)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", &home.1)
            .output()
            .expect("git commit runs")
    };
    write(&root, "models/a/README.md", &card(None));
    git(&root, &["add", "models/a/README.md"]);
    let blocked = commit("bad card");
    let out = format!("{}{}", String::from_utf8_lossy(&blocked.stdout), String::from_utf8_lossy(&blocked.stderr));
    assert!(!blocked.status.success(), "the bad card was committed:\n{out}");
    assert!(out.contains("no license"), "{out}");

    write(&root, "models/a/README.md", &card(Some("apache-2.0")));
    git(&root, &["add", "models/a/README.md"]);
    let ok = commit("fixed card");
    let out = format!("{}{}", String::from_utf8_lossy(&ok.stdout), String::from_utf8_lossy(&ok.stderr));
    assert!(ok.status.success(), "the fixed card was blocked:\n{out}");
}

#[test]
fn a_waiver_glob_star_stays_within_one_directory() {
    // `*` stops at `/` as in gitignore; `**` crosses directories.
    let waiver = |glob: &str| format!("waivers:\n  - rule: main\n    paths: [\"{glob}\"]\n    reason: r\n    approved_by: jane@example.com\n");
    let (_t, root) = repo(&waiver("models/*.md"));
    write(&root, "models/top.md", &card(None));
    write(&root, "models/a/b/README.md", &card(None));
    let (code, v) = json(&root, &[]);
    assert_eq!(code, 1, "{v:#}");
    let waived: Vec<&str> = v["suppressed"].as_array().unwrap().iter().map(|d| d["file"].as_str().unwrap()).collect();
    assert_eq!(waived, ["models/top.md"]);
    assert_eq!(files(&v), ["models/a/b/README.md"]);

    write(&root, "govlint.yaml", &format!("policies: [policy]\n{}", waiver("models/**/*.md")));
    let (code, v) = json(&root, &[]);
    assert_eq!(code, 0, "{v:#}");
    assert_eq!(v["suppressed"].as_array().unwrap().len(), 2);
}

#[test]
fn govlint_today_that_is_not_a_date_is_a_tool_error() {
    let (_t, root) = repo(
        "waivers:\n  - rule: main\n    paths: [\"models/**\"]\n    reason: r\n    approved_by: jane@example.com\n    expires: 2000-01-01\n",
    );
    write(&root, "models/a/README.md", &card(None));
    for bad in ["0", "yesterday", "2024-1-5", "2024-02-30", "1999-12-31T00:00:00Z"] {
        let run = govlint_with(&root, &[("GOVLINT_TODAY", bad)], &["check", "--no-builtin"]);
        run.expect_code(2);
        assert!(run.stderr.contains("GOVLINT_TODAY") && run.stderr.contains(bad), "{bad}: {}", run.stderr);
    }
    // A date in the form is used: the waiver is active the day before its expiry.
    let run = govlint_with(&root, &[("GOVLINT_TODAY", "1999-12-31")], &["check", "--no-builtin"]);
    run.expect_code(0);
}

#[test]
fn a_config_above_the_repository_is_named_and_not_used_without_c() {
    let (_t, outer) = tempdir();
    // Above the checkout: a config that would turn every rule off.
    write(&outer, "govlint.yaml", "rules:\n  main: off\n");
    let root = outer.join("checkout");
    std::fs::create_dir(&root).unwrap();
    git(&root, &["init", "-q"]);
    write(&root, "policy/main.rego", POLICY);
    write(&root, "models/a/README.md", &card(None));
    let run = govlint(&root, &["check", "--no-builtin", "-p", "policy", "-v"]);
    run.expect_code(1);
    let above = outer.join("govlint.yaml").display().to_string();
    assert!(run.stderr.contains(&format!("note: {above} lies above the repository and is not used; name it with `-c {above}`")), "{}", run.stderr);
    assert!(run.stderr.contains("config: none found in the repository"), "{}", run.stderr);
    // Named with -c, it is used, and -v says how it was chosen.
    let run = govlint(&root, &["check", "--no-builtin", "-p", "policy", "-v", "-c", "../govlint.yaml"]);
    run.expect_code(0);
    assert!(run.stderr.contains("config: ../govlint.yaml (given with -c)"), "{}", run.stderr);
    // The repository's own config wins, and is named.
    write(&root, "govlint.yaml", "fail_on: error\n");
    let run = govlint(&root, &["check", "--no-builtin", "-p", "policy", "-v", "models"]);
    run.expect_code(1);
    assert!(run.stderr.contains("config: govlint.yaml (found walking up"), "{}", run.stderr);
    assert!(!run.stderr.contains("note:"), "{}", run.stderr);
}

/// A repository whose git pre-commit hook runs `govlint check --no-builtin --staged`, with the
/// test policy, a committed card with a license, and `git commit <args>` to commit with it:
/// whether the commit went through, and what the hook said.
fn hooked_repo() -> (tempfile::TempDir, std::path::PathBuf, impl Fn(&[&str]) -> (bool, String)) {
    let (t, root) = repo("");
    write(&root, "models/m/README.md", &card(Some("mit")));
    git(&root, &["add", "."]);
    git(&root, &["commit", "-q", "-m", "base"]);
    let hook = root.join(".git/hooks/pre-commit");
    std::fs::create_dir_all(hook.parent().unwrap()).unwrap();
    std::fs::write(&hook, format!("#!/bin/sh\nexec '{}' check --no-builtin --staged --color never\n", env!("CARGO_BIN_EXE_govlint"))).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let dir = root.clone();
    let commit = move |args: &[&str]| {
        let out = Command::new("git")
            .args(["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "commit.gpgsign=false", "commit", "-q"])
            .args(args)
            .current_dir(&dir)
            .env("LC_ALL", "C")
            .output()
            .expect("git commit runs");
        (out.status.success(), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
    };
    (t, root, commit)
}

#[test]
fn staged_checks_what_git_commit_all_and_commit_path_record() {
    let (_t, root, commit) = hooked_repo();
    // The license is removed in the working tree only: `git commit -a` stages it on a
    // temporary index (GIT_INDEX_FILE) and runs the hook on that.
    write(&root, "models/m/README.md", &card(None));
    let (committed, out) = commit(&["-a", "-m", "drop the license"]);
    assert!(!committed, "git commit -a went past the hook:\n{out}");
    assert!(out.contains("no license"), "{out}");
    // `git commit PATH` commits the working tree's file, also through a temporary index.
    let (committed, out) = commit(&["-m", "drop the license", "models/m/README.md"]);
    assert!(!committed, "git commit PATH went past the hook:\n{out}");
    assert!(out.contains("no license"), "{out}");
    // Fixed, both go through.
    write(&root, "models/m/README.md", &format!("{}\nmore\n", card(Some("apache-2.0"))));
    let (committed, out) = commit(&["-a", "-m", "relicense"]);
    assert!(committed, "{out}");
    write(&root, "models/m/README.md", &format!("{}\nmore still\n", card(Some("apache-2.0"))));
    let (committed, out) = commit(&["-m", "more", "models/m/README.md"]);
    assert!(committed, "{out}");
}

#[test]
fn staged_skips_submodules_and_resolves_paths_and_reads_the_staged_config() {
    let (_t, root, commit) = hooked_repo();
    // A repository added as a submodule (a gitlink in the index) is not a file to read.
    let sub = root.join("vendor/sub");
    std::fs::create_dir_all(&sub).unwrap();
    git(&sub, &["init", "-q"]);
    write(&sub, "model-card.yaml", "license: mit\n");
    git(&sub, &["add", "."]);
    git(&sub, &["commit", "-q", "-m", "sub"]);
    git(&root, &["add", "vendor/sub"]);
    let run = govlint(&root, &["check", "--no-builtin", "--staged", "-v"]);
    run.expect_code(0);
    assert!(run.stderr.contains("skipped vendor/sub: a submodule"), "{}", run.stderr);
    let (committed, out) = commit(&["-m", "add a submodule"]);
    assert!(committed, "{out}");

    // `..` from a subdirectory names the repository's root.
    write(&root, "models/m/README.md", &card(None));
    git(&root, &["add", "models/m/README.md"]);
    let run = govlint(&root.join("models"), &["check", "--no-builtin", "--staged", "--format", "json", ".."]);
    run.expect_code(1);
    // Named relative to the working directory, as a walk names it.
    assert_eq!(files(&serde_json::from_str(&run.stdout).unwrap()), ["m/README.md"]);

    // The config as staged decides, not the one in the working tree.
    write(&root, "govlint.yaml", "policies: [policy]\nrules:\n  main: off\n");
    let run = govlint(&root, &["check", "--no-builtin", "--staged", "-v"]);
    run.expect_code(1);
    assert!(run.stderr.contains("config: govlint.yaml (as staged in the git index)"), "{}", run.stderr);
    git(&root, &["add", "govlint.yaml"]);
    let run = govlint(&root, &["check", "--no-builtin", "--staged"]);
    run.expect_code(0);
    // An unstaged config is not what the commit records: said, and not used.
    git(&root, &["rm", "-q", "--cached", "govlint.yaml"]);
    let run = govlint(&root, &["check", "--no-builtin", "--staged", "-p", "policy"]);
    run.expect_code(1);
    assert!(run.stderr.contains("note: govlint.yaml is not staged"), "{}", run.stderr);
}

#[test]
fn changed_since_covers_files_changed_inside_submodules() {
    // The submodule's own repository, with a card that has a license.
    let (_s, upstream) = tempdir();
    git(&upstream, &["init", "-q"]);
    write(&upstream, "models/s/README.md", &card(Some("mit")));
    git(&upstream, &["add", "."]);
    git(&upstream, &["commit", "-q", "-m", "sub base"]);

    let (_t, root) = repo("");
    write(&root, "models/a/README.md", &card(Some("mit")));
    git(&root, &["add", "."]);
    git(&root, &["-c", "protocol.file.allow=always", "submodule", "add", "-q", upstream.to_str().unwrap(), "vendor/sub"]);
    git(&root, &["commit", "-q", "-m", "base"]);
    git(&root, &["checkout", "-q", "-b", "feature"]);
    let (code, v) = json(&root, &["--changed-since", "main"]);
    assert_eq!((code, files(&v)), (0, Vec::<String>::new()), "{v:#}");

    // A change committed in the submodule and recorded in the superproject.
    let sub = root.join("vendor/sub");
    write(&sub, "models/s/README.md", &card(None));
    git(&sub, &["commit", "-q", "-am", "drop the license"]);
    git(&root, &["commit", "-q", "-am", "bump the submodule"]);
    // One only in the submodule's working tree, and a new file there.
    write(&sub, "models/t/README.md", &card(None));
    let (code, v) = json(&root, &["--changed-since", "main"]);
    assert_eq!(code, 1, "{v:#}");
    assert_eq!(files(&v), ["vendor/sub/models/s/README.md", "vendor/sub/models/t/README.md"]);
    // What a full walk reports there, no more.
    let (_, all) = json(&root, &[]);
    assert_eq!(files(&all), ["vendor/sub/models/s/README.md", "vendor/sub/models/t/README.md"]);

    // A submodule added since the merge base is new in every file.
    git(&root, &["-c", "protocol.file.allow=always", "submodule", "add", "-q", upstream.to_str().unwrap(), "vendor/other"]);
    write(&root.join("vendor/other"), "models/s/README.md", &card(None));
    let (_, v) = json(&root, &["--changed-since", "main"]);
    assert_eq!(files(&v), ["vendor/other/models/s/README.md", "vendor/sub/models/s/README.md", "vendor/sub/models/t/README.md"]);

    // The commit the merge base records is gone from the submodule's repository: its changes
    // cannot be told, so every file in it is checked, and the run says so.
    let other = root.join("vendor/other");
    git(&other, &["checkout", "-q", "--orphan", "fresh"]);
    git(&other, &["commit", "-q", "-m", "unrelated"]);
    git(&other, &["remote", "remove", "origin"]);
    for branch in git(&other, &["branch", "--format=%(refname:short)"]).lines().filter(|b| *b != "fresh") {
        git(&other, &["branch", "-q", "-D", branch]);
    }
    git(&other, &["reflog", "expire", "--expire=now", "--all"]);
    git(&other, &["gc", "-q", "--prune=now"]);
    git(&root, &["commit", "-q", "-am", "record vendor/other"]);
    git(&root, &["branch", "-f", "recorded"]);
    write(&sub, "models/t/README.md", &card(Some("mit")));
    git(&sub, &["reset", "-q", "--hard", "HEAD~1"]);
    git(&sub, &["checkout", "-q", "--orphan", "fresh"]);
    git(&sub, &["commit", "-q", "-m", "unrelated"]);
    git(&sub, &["remote", "remove", "origin"]);
    for branch in git(&sub, &["branch", "--format=%(refname:short)"]).lines().filter(|b| *b != "fresh") {
        git(&sub, &["branch", "-q", "-D", branch]);
    }
    git(&sub, &["reflog", "expire", "--expire=now", "--all"]);
    git(&sub, &["gc", "-q", "--prune=now"]);
    write(&sub, "models/u/README.md", &card(None));
    let run = govlint(&root, &["check", "--no-builtin", "--format", "json", "--changed-since", "recorded"]);
    run.expect_code(1);
    assert!(run.stderr.contains("note: submodule vendor/sub: the commit the merge base records for it"), "{}", run.stderr);
    assert!(run.stderr.contains("every file in it is checked as changed"), "{}", run.stderr);
    assert_eq!(files(&serde_json::from_str(&run.stdout).unwrap()), ["vendor/other/models/s/README.md", "vendor/sub/models/u/README.md"]);
}
