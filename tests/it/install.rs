//! How govlint reaches its users, tested as far as it runs on this machine: `--version`, the
//! GitHub Action's steps run as a runner runs them (against a release served on loopback), the
//! Linux release archive built as the release workflow builds it, the container image's
//! Dockerfile, the GitLab CI job, the pre-commit hook that runs the image, and the crate as
//! `cargo package` makes it.
//!
//! The tools these tests drive (hadolint, actionlint, check-jsonschema, shellcheck,
//! cargo-zigbuild, pre-commit) are installed by .ci/run; where one is missing outside CI, its
//! test says so and passes.

use crate::common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn root() -> PathBuf {
    common::project_root()
}

/// cargo-zigbuild, for builds as the release workflow makes them; `None` where they cannot
/// be made here.
fn zigbuild() -> Option<String> {
    if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
        eprintln!("skipped: release builds are made here for Linux x86_64 only");
        return None;
    }
    tool("cargo-zigbuild", &["--version"])
}

fn govlint_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_govlint"))
}

fn text(o: &Output) -> String {
    format!("--- stdout\n{}\n--- stderr\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr))
}

/// `name` on PATH if it answers `args`; `None` (after saying so) outside CI when it is missing.
fn tool(name: &str, args: &[&str]) -> Option<String> {
    if Command::new(name).args(args).output().is_ok_and(|o| o.status.success()) {
        return Some(name.to_string());
    }
    assert!(std::env::var_os("CI").is_none(), "`{name}` is not installed; .ci/run installs it");
    eprintln!("skipped: `{name}` is not installed (.ci/run installs it)");
    None
}

/// A YAML file of the project, read by govlint's own parser (which reports duplicate keys).
fn yaml(path: &str) -> Value {
    use govlint::parse::{parse, Limits, Syntax};
    let source = govlint::source::SourceFile::new(path, std::fs::read_to_string(root().join(path)).unwrap());
    let parsed = parse(source, Syntax::Yaml, &Limits::default());
    assert!(parsed.diagnostics.is_empty(), "{path}: {:?}", parsed.diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>());
    parsed.documents.into_iter().next().unwrap_or_else(|| panic!("{path} is empty")).value
}

/// The commit `--version` should name: HEAD of the checkout, when the project is one.
fn expected_commit() -> String {
    let git = |args: &[&str]| {
        Command::new("git").arg("-C").arg(root()).args(args).output().ok().filter(|o| o.status.success()).map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "--show-toplevel"]) {
        Some(top) if Path::new(&top).canonicalize().ok() == root().canonicalize().ok() => git(&["rev-parse", "HEAD"]).unwrap()[..12].to_string(),
        _ => "unknown".to_string(),
    }
}

fn version_of(binary: &Path) -> String {
    let out = Command::new(binary).arg("--version").output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn version_names_the_commit() {
    assert_eq!(version_of(&govlint_bin()), format!("govlint {} (commit {})\n", env!("CARGO_PKG_VERSION"), expected_commit()));
}

// ---------------------------------------------------------------------------------------------
// The GitHub Action

/// Serves the files under `dir` over HTTP on loopback (404 for anything else), for as long as
/// the test process lives. Returns the base URL.
fn serve(dir: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut line = String::new();
            if BufReader::new(&mut stream).read_line(&mut line).is_err() {
                continue;
            }
            let path = line.split_whitespace().nth(1).unwrap_or("/").trim_start_matches('/').to_string();
            let file = dir.join(&path);
            let body = (!path.contains("..")).then(|| std::fs::read(&file).ok()).flatten();
            let _ = match body {
                Some(b) => stream
                    .write_all(format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", b.len()).as_bytes())
                    .and_then(|()| stream.write_all(&b)),
                None => stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
            };
        }
    });
    format!("http://127.0.0.1:{port}")
}

/// What one run of the Action's steps did.
#[derive(Debug, Default)]
struct ActionRun {
    /// Each step's name and what became of it: `ran N` (exit code), `skipped`, or `uses X`
    /// (an action the local runner does not run, whose condition held).
    steps: Vec<(String, String)>,
    outputs: BTreeMap<String, BTreeMap<String, String>>,
    /// The directories the steps added to PATH.
    path: Vec<String>,
    log: String,
    summary: String,
    /// `with:` of the `uses:` steps whose condition held, expressions evaluated.
    with: BTreeMap<String, BTreeMap<String, String>>,
}

impl ActionRun {
    fn step(&self, name: &str) -> &str {
        &self.steps.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no step {name}: {:?}", self.steps)).1
    }
    fn output(&self, step: &str, name: &str) -> Option<&str> {
        self.outputs.get(step).and_then(|o| o.get(name)).map(String::as_str)
    }
}

/// The context a runner gives the Action.
struct Runner {
    workspace: PathBuf,
    temp: PathBuf,
    action_path: PathBuf,
    action_ref: String,
    inputs: BTreeMap<String, String>,
    /// Prepended to PATH (e.g. a stand-in `cargo`).
    extra_path: Vec<PathBuf>,
}

impl Runner {
    /// Evaluates one expression of the forms action.yml uses.
    fn value(&self, expr: &str, run: &ActionRun) -> String {
        let expr = expr.trim();
        if let Some(name) = expr.strip_prefix("inputs.") {
            return self.inputs.get(name).cloned().unwrap_or_else(|| panic!("unknown input {name}"));
        }
        if let Some(rest) = expr.strip_prefix("steps.") {
            let (id, name) = rest.split_once(".outputs.").unwrap_or_else(|| panic!("unsupported expression {expr}"));
            return run.output(id, name).unwrap_or("").to_string();
        }
        match expr {
            "github.action_ref" => self.action_ref.clone(),
            "github.action_repository" => "acme/govlint".to_string(),
            "github.server_url" => "https://github.invalid".to_string(),
            _ => panic!("the local runner does not know `{expr}`"),
        }
    }

    /// Replaces each `${{ … }}` in `s`.
    fn expand(&self, s: &str, run: &ActionRun) -> String {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find("${{") {
            out.push_str(&rest[..i]);
            let end = rest[i..].find("}}").expect("closed expression") + i;
            out.push_str(&self.value(&rest[i + 3..end], run));
            rest = &rest[end + 2..];
        }
        out.push_str(rest);
        out
    }

    /// A step's `if:`: `always()` and `A == 'x'`, `A != 'x'` joined by `&&`.
    fn condition(&self, cond: Option<&str>, run: &ActionRun, failed: bool) -> bool {
        let Some(cond) = cond else { return !failed };
        let cond = cond.trim().trim_start_matches("${{").trim_end_matches("}}");
        let mut always = false;
        let mut all = true;
        for part in cond.split("&&").map(str::trim) {
            if part == "always()" {
                always = true;
                continue;
            }
            let (lhs, op, rhs) = if let Some((l, r)) = part.split_once("!=") {
                (l, "!=", r)
            } else if let Some((l, r)) = part.split_once("==") {
                (l, "==", r)
            } else {
                panic!("the local runner does not know the condition `{part}`")
            };
            let lit = rhs.trim().trim_matches('\'');
            let equal = self.value(lhs, run) == lit;
            all &= if op == "==" { equal } else { !equal };
        }
        all && (always || !failed)
    }

    /// Runs action.yml's steps in order, as a runner does: each `run:` through `bash
    /// --noprofile --norc -eo pipefail`, with its `env:` evaluated, the GITHUB_* files of a
    /// runner, and PATH grown by what earlier steps wrote to GITHUB_PATH.
    fn run(&self) -> ActionRun {
        let action = yaml("action.yml");
        let mut inputs = self.inputs.clone();
        for (name, spec) in action["inputs"].as_object().unwrap() {
            inputs.entry(name.clone()).or_insert_with(|| spec["default"].as_str().unwrap_or("").to_string());
        }
        let runner = Runner { inputs, ..self.clone_context() };
        let mut run = ActionRun::default();
        let summary = self.temp.join("step_summary.md");
        std::fs::write(&summary, "").unwrap();
        let mut failed = false;
        for (i, step) in action["runs"]["steps"].as_array().unwrap().iter().enumerate() {
            let name = step["name"].as_str().unwrap_or("").to_string();
            if !runner.condition(step["if"].as_str(), &run, failed) {
                run.steps.push((name, "skipped".to_string()));
                continue;
            }
            if let Some(uses) = step["uses"].as_str() {
                let with = step["with"].as_object().map(|w| w.iter().map(|(k, v)| (k.clone(), runner.expand(v.as_str().unwrap_or(""), &run))).collect()).unwrap_or_default();
                run.with.insert(name.clone(), with);
                run.steps.push((name, format!("uses {uses}")));
                continue;
            }
            let script = step["run"].as_str().expect("a step runs a script or uses an action");
            assert!(!script.contains("${{"), "step `{name}` pastes an expression into its script: {script}");
            assert_eq!(step["shell"], "bash", "step `{name}`");
            let file = self.temp.join(format!("step-{i}.sh"));
            std::fs::write(&file, script).unwrap();
            let output_file = self.temp.join(format!("output-{i}"));
            let path_file = self.temp.join(format!("path-{i}"));
            std::fs::write(&output_file, "").unwrap();
            std::fs::write(&path_file, "").unwrap();
            let mut path: Vec<PathBuf> = run.path.iter().rev().map(PathBuf::from).collect();
            path.extend(self.extra_path.iter().cloned());
            path.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).filter(|p| !p.starts_with(root().join("target"))));
            let mut cmd = Command::new("bash");
            cmd.args(["--noprofile", "--norc", "-eo", "pipefail"])
                .arg(&file)
                .current_dir(&self.workspace)
                .env_clear()
                .env("PATH", std::env::join_paths(path).unwrap())
                .env("HOME", self.temp.join("home"))
                .env("CI", "true")
                .env("GITHUB_ACTIONS", "true")
                .env("GITHUB_WORKSPACE", &self.workspace)
                .env("GITHUB_ACTION_PATH", &self.action_path)
                .env("GITHUB_OUTPUT", &output_file)
                .env("GITHUB_PATH", &path_file)
                .env("GITHUB_STEP_SUMMARY", &summary)
                .env("RUNNER_OS", "Linux")
                .env("RUNNER_ARCH", "X64")
                .env("RUNNER_TEMP", &self.temp);
            if let Some(env) = step["env"].as_object() {
                for (k, v) in env {
                    cmd.env(k, runner.expand(v.as_str().unwrap_or(""), &run));
                }
            }
            let out = cmd.output().unwrap();
            run.log.push_str(&format!("=== {name}\n{}\n", text(&out)));
            let code = out.status.code().unwrap_or(-1);
            failed |= code != 0;
            run.steps.push((name, format!("ran {code}")));
            if let Some(id) = step["id"].as_str() {
                let outputs = std::fs::read_to_string(&output_file).unwrap();
                let map = outputs.lines().filter_map(|l| l.split_once('=')).map(|(k, v)| (k.to_string(), v.to_string())).collect();
                run.outputs.insert(id.to_string(), map);
            }
            run.path.extend(std::fs::read_to_string(&path_file).unwrap().lines().map(str::to_string));
        }
        run.summary = std::fs::read_to_string(&summary).unwrap();
        run
    }

    fn clone_context(&self) -> Runner {
        Runner {
            workspace: self.workspace.clone(),
            temp: self.temp.clone(),
            action_path: self.action_path.clone(),
            action_ref: self.action_ref.clone(),
            inputs: self.inputs.clone(),
            extra_path: self.extra_path.clone(),
        }
    }
}

/// A workspace with a model card that has no license (MC001, an error) under a directory
/// whose name has a space, and a clean one elsewhere.
fn workspace(dir: &Path) -> PathBuf {
    let ws = dir.join("work space");
    common::write(&ws, "my models/chat/README.md", "---\ntags: [chat]\n---\n# chat\n");
    common::write(&ws, "other/README.md", "# not a card\n");
    ws
}

/// A release of the debug binary at `ref`, laid out by ci/release-pack.sh, in `dir`.
fn release(dir: &Path, tag: &str) -> PathBuf {
    let out = dir.join(tag);
    let pack = Command::new("bash")
        .arg(root().join("ci/release-pack.sh"))
        .args(["x86_64-unknown-linux-gnu"])
        .arg(govlint_bin())
        .arg(&out)
        .output()
        .unwrap();
    assert!(pack.status.success(), "{}", text(&pack));
    out
}

fn runner(dir: &Path, action_ref: &str, inputs: &[(&str, &str)]) -> Runner {
    let temp = dir.join("runner temp");
    std::fs::create_dir_all(temp.join("home")).unwrap();
    Runner {
        workspace: workspace(dir),
        temp,
        action_path: root(),
        action_ref: action_ref.to_string(),
        inputs: inputs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        extra_path: Vec::new(),
    }
}

/// A scratch directory for a test of the Action, which runs here on Linux x86_64 with curl.
fn action_test_dir() -> Option<(tempfile::TempDir, PathBuf)> {
    if cfg!(all(target_os = "linux", target_arch = "x86_64")) && tool("curl", &["--version"]).is_some() {
        return Some(common::tempdir());
    }
    eprintln!("skipped: the Action's download is tested on Linux x86_64 with curl");
    None
}

#[test]
fn action_downloads_verifies_and_runs_the_release_of_its_ref() {
    let Some((_t, dir)) = action_test_dir() else { return };
    let served = dir.join("releases");
    release(&served, "v9.9.9");
    let base = serve(served);
    // The Action as a runner lays it out, under _actions/OWNER/NAME/REF; github.action_ref is
    // empty, as it can be in composite actions: the ref comes from the path.
    let action_path = dir.join("_actions/acme/govlint/v9.9.9");
    std::fs::create_dir_all(action_path.parent().unwrap()).unwrap();
    std::os::unix::fs::symlink(root(), &action_path).unwrap();
    let mut r = runner(
        &dir,
        "",
        &[("paths", "\"my models\" other"), ("sarif-file", "govlint results.sarif"), ("download-url", &base), ("args", "--fail-on error")],
    );
    r.action_path = action_path;
    let run = r.run();
    let log = &run.log;
    assert_eq!(run.step("Download govlint"), "ran 0", "{log}");
    assert_eq!(run.output("install", "build"), Some("false"), "{log}");
    assert!(log.contains("verified SHA-256"), "{log}");
    assert_eq!(run.path, [r.temp.join("govlint/bin").display().to_string()], "{log}");
    assert!(r.temp.join("govlint/bin/govlint").is_file());
    assert_eq!(run.step("Restore the govlint build"), "skipped");
    assert_eq!(run.step("Build govlint"), "skipped");
    // The check ran the downloaded binary (the test's own build is not on PATH), on both
    // paths, and kept its exit code for the last step.
    assert_eq!(run.step("Run govlint"), "ran 0", "{log}");
    assert!(log.contains("::error file=my models/chat/README.md"), "{log}");
    assert_eq!(run.output("check", "exit-code"), Some("1"), "{log}");
    assert_eq!(run.output("check", "sarif-written"), Some("true"));
    let sarif: Value = serde_json::from_str(&std::fs::read_to_string(r.workspace.join("govlint results.sarif")).unwrap()).unwrap();
    assert!(sarif["runs"][0]["results"].as_array().unwrap().iter().any(|res| res["ruleId"] == "MC001"));
    assert!(run.summary.contains("MC001"), "the job summary lists the findings: {}", run.summary);
    assert_eq!(run.step("Upload SARIF"), "skipped", "upload-sarif is off by default");
    assert_eq!(run.step("Fail on findings"), "ran 1", "{log}");

    // With upload-sarif on, the upload step gets the SARIF file before the job fails.
    r.inputs.insert("upload-sarif".to_string(), "true".to_string());
    let run = r.run();
    assert_eq!(run.step("Upload SARIF"), "uses github/codeql-action/upload-sarif@v3");
    assert_eq!(run.with["Upload SARIF"]["sarif_file"], "govlint results.sarif");
    assert_eq!(run.step("Fail on findings"), "ran 1");
}

#[test]
fn action_refuses_an_archive_whose_checksum_does_not_match() {
    let Some((_t, dir)) = action_test_dir() else { return };
    let served = dir.join("releases");
    let out = release(&served, "v9.9.9");
    let sum = out.join("govlint-x86_64-unknown-linux-gnu.tar.gz.sha256");
    let tampered = std::fs::read_to_string(&sum).unwrap().replacen(|c: char| c.is_ascii_hexdigit(), "0", 8);
    std::fs::write(&sum, tampered).unwrap();
    let base = serve(served);
    let run = runner(&dir, "v9.9.9", &[("download-url", &base)]).run();
    assert_eq!(run.step("Download govlint"), "ran 1", "{}", run.log);
    assert!(run.log.contains("checksum mismatch"), "{}", run.log);
    assert!(run.path.is_empty(), "nothing was put on PATH");
    assert_eq!(run.output("install", "build"), None, "a bad checksum is no reason to build");
    assert_eq!(run.step("Build govlint"), "skipped");
    assert_eq!(run.step("Run govlint"), "skipped");
}

#[test]
fn action_builds_when_no_release_exists_and_reuses_the_cached_build() {
    let Some((_t, dir)) = action_test_dir() else { return };
    let base = serve(dir.join("releases"));
    // A stand-in for cargo: records its arguments and installs the test's build where
    // `cargo install --root` would.
    let fake = dir.join("fake-bin");
    let calls = dir.join("cargo-calls");
    std::fs::create_dir_all(&fake).unwrap();
    let script = format!(
        "#!/usr/bin/env bash\nset -eu\nprintf '%s\\n' \"$*\" >> '{}'\nwhile [ $# -gt 0 ]; do if [ \"$1\" = --root ]; then root=$2; fi; shift; done\nmkdir -p \"$root/bin\"\ncp '{}' \"$root/bin/govlint\"\n",
        calls.display(),
        govlint_bin().display()
    );
    std::fs::write(fake.join("cargo"), script).unwrap();
    Command::new("chmod").arg("755").arg(fake.join("cargo")).status().unwrap();

    let mut r = runner(&dir, "main", &[("download-url", &base), ("paths", "other")]);
    r.extra_path = vec![fake];
    let run = r.run();
    let log = &run.log;
    assert_eq!(run.step("Download govlint"), "ran 0", "{log}");
    assert_eq!(run.output("install", "build"), Some("true"), "{log}");
    let key = run.output("install", "cache-key").unwrap();
    assert!(key.starts_with("govlint-Linux-X64-main-"), "{key}");
    let build_root = run.output("install", "build-root").unwrap().to_string();
    assert_eq!(run.step("Restore the govlint build"), "uses actions/cache@v4");
    assert_eq!(run.with["Restore the govlint build"]["key"], key);
    assert_eq!(run.with["Restore the govlint build"]["path"], build_root);
    assert_eq!(run.step("Build govlint"), "ran 0", "{log}");
    let recorded = std::fs::read_to_string(&calls).unwrap();
    assert_eq!(recorded, format!("install --locked --path {} --root {build_root}\n", root().display()));
    assert_eq!(run.step("Run govlint"), "ran 0", "{log}");
    assert_eq!(run.output("check", "exit-code"), Some("0"), "{log}");
    assert_eq!(run.step("Fail on findings"), "skipped");

    // The next run of the same ref finds the build the cache restored, and compiles nothing;
    // its cache key is the same.
    let again = r.run();
    assert_eq!(again.step("Build govlint"), "ran 0", "{}", again.log);
    assert!(again.log.contains("using the cached build"), "{}", again.log);
    assert_eq!(std::fs::read_to_string(&calls).unwrap(), recorded, "cargo ran once");
    assert_eq!(again.output("install", "cache-key"), Some(key));

    // A path that does not exist: govlint cannot run (2), no SARIF is uploaded, the job fails.
    r.inputs.insert("paths".to_string(), "\"no such dir\"".to_string());
    r.inputs.insert("upload-sarif".to_string(), "true".to_string());
    let broken = r.run();
    assert_eq!(broken.output("check", "exit-code"), Some("2"), "{}", broken.log);
    assert_eq!(broken.step("Upload SARIF"), "skipped");
    assert_eq!(broken.step("Fail on findings"), "ran 2");
}

/// action.yml and the release workflow are what GitHub accepts (the schemas of both, from
/// check-jsonschema's vendored copies of SchemaStore; actionlint for the workflow), and the
/// scripts they run pass shellcheck.
#[test]
fn workflow_action_and_scripts_pass_their_linters() {
    if let Some(cj) = tool("check-jsonschema", &["--version"]) {
        for (schema, file) in [
            ("vendor.github-actions", "action.yml"),
            ("vendor.github-workflows", ".github/workflows/release.yml"),
            ("vendor.gitlab-ci", "ci/gitlab-ci.yml"),
        ] {
            let out = Command::new(&cj).args(["--builtin-schema", schema]).arg(root().join(file)).output().unwrap();
            assert!(out.status.success(), "{file} against {schema}:\n{}", text(&out));
        }
    }
    if let Some(al) = tool("actionlint", &["-version"]) {
        let out = Command::new(al).arg("-no-color").arg(".github/workflows/release.yml").current_dir(root()).output().unwrap();
        assert!(out.status.success(), "actionlint:\n{}", text(&out));
    }
    if let Some(sc) = tool("shellcheck", &["--version"]) {
        let out = Command::new(sc).args(["ci/action.sh", "ci/release-build.sh", "ci/release-pack.sh", ".ci/run"]).current_dir(root()).output().unwrap();
        assert!(out.status.success(), "shellcheck:\n{}", text(&out));
    }
}

// ---------------------------------------------------------------------------------------------
// The release archive and the container image

/// The Linux x86_64 archive, built by ci/release-build.sh as the release workflow builds it
/// (cargo-zigbuild against glibc 2.17, release profile) from the crate as `cargo package` makes
/// it (see [`packaged`]): a binary that needs nothing newer than glibc 2.17, names its commit,
/// checks a repository, and a checksum file that `sha256sum --check` accepts. The Dockerfile's
/// builder runs the same script, so this is also the binary the container image holds.
#[test]
fn release_archive_for_linux_x86_64() {
    let Some(packaged) = packaged() else { return };
    let (Some(dir), Some(_)) = (&packaged.dist, tool("objdump", &["--version"])) else { return };
    let archive = "govlint-x86_64-unknown-linux-gnu.tar.gz";
    let check = Command::new("sha256sum").args(["--check", "--strict"]).arg(format!("{archive}.sha256")).current_dir(dir).output().unwrap();
    assert!(check.status.success(), "{}", text(&check));
    let list = Command::new("tar").args(["-tzf", archive]).current_dir(dir).output().unwrap();
    let mut names: Vec<String> = String::from_utf8(list.stdout).unwrap().lines().map(str::to_string).collect();
    names.sort();
    assert_eq!(
        names,
        ["govlint-x86_64-unknown-linux-gnu/", "govlint-x86_64-unknown-linux-gnu/LICENSE", "govlint-x86_64-unknown-linux-gnu/README.md", "govlint-x86_64-unknown-linux-gnu/govlint"]
    );
    let (_t, unpacked) = common::tempdir();
    assert!(Command::new("tar").arg("-xzf").arg(dir.join(archive)).current_dir(&unpacked).status().unwrap().success());
    let binary = unpacked.join("govlint-x86_64-unknown-linux-gnu/govlint");

    let symbols = Command::new("objdump").arg("-T").arg(&binary).output().unwrap();
    let symbols = String::from_utf8_lossy(&symbols.stdout);
    let newest = symbols
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
        .filter_map(|w| w.strip_prefix("GLIBC_"))
        .filter_map(|v| {
            let mut parts = v.split('.').map(|p| p.parse::<u32>().ok());
            Some((parts.next()??, parts.next().flatten().unwrap_or(0)))
        })
        .max()
        .expect("the binary links glibc");
    assert!(newest <= (2, 17), "the binary needs glibc {}.{}", newest.0, newest.1);

    assert_eq!(version_of(&binary), packaged.version);
    let run = Command::new(&binary).args(["check", "--format", "json"]).arg(common::example_repo()).output().unwrap();
    assert_eq!(run.status.code(), Some(1), "{}", text(&run));
    let report: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert!(report["summary"]["errors"].as_u64().unwrap() > 0);
}

/// The Dockerfile passes hadolint; its builder runs ci/release-build.sh (tested above) with
/// the pinned zig toolchain; the runtime image has git, runs as a non-root user, and starts
/// govlint. .dockerignore keeps the build output and history out of the build context, and
/// nothing the crate needs.
#[test]
fn dockerfile_builds_the_release_binary_and_runs_as_non_root() {
    let dockerfile = std::fs::read_to_string(root().join("Dockerfile")).unwrap();
    if let Some(hadolint) = tool("hadolint", &["--version"]) {
        let out = Command::new(hadolint).arg("Dockerfile").current_dir(root()).output().unwrap();
        assert!(out.status.success(), "hadolint:\n{}", text(&out));
    }
    let stages: Vec<&str> = dockerfile.lines().filter(|l| l.starts_with("FROM ")).collect();
    assert_eq!(stages.len(), 2, "a builder and a runtime: {stages:?}");
    let runtime = &dockerfile[dockerfile.rfind("\nFROM ").unwrap()..];
    assert!(dockerfile.contains("ci/release-build.sh \"$target\""), "the builder builds as the release workflow does");
    assert!(dockerfile.contains("-r ci/requirements-release.txt"));
    assert!(runtime.contains("install -y --no-install-recommends git"), "git in the runtime image");
    assert!(runtime.contains("safe.directory"));
    let user = runtime.lines().find_map(|l| l.strip_prefix("USER ")).expect("a USER in the runtime stage");
    assert!(!user.starts_with('0') && !user.starts_with("root"), "runs as {user}");
    assert!(runtime.contains("ENTRYPOINT [\"govlint\"]"));

    let ignored: Vec<String> = std::fs::read_to_string(root().join(".dockerignore"))
        .unwrap()
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.trim().trim_end_matches('/').to_string())
        .collect();
    for must in ["target", ".git"] {
        assert!(ignored.iter().any(|i| i == must), ".dockerignore leaves out {must}");
    }
    let list = Command::new(env!("CARGO")).args(["package", "--list", "--locked", "--allow-dirty"]).current_dir(root()).output().unwrap();
    assert!(list.status.success(), "{}", text(&list));
    for file in String::from_utf8(list.stdout).unwrap().lines().chain(["ci/release-build.sh", "ci/release-pack.sh", "ci/requirements-release.txt"]) {
        let excluded = ignored.iter().any(|i| file == i || file.starts_with(&format!("{i}/")));
        assert!(!excluded, "{file} is needed by the build but .dockerignore leaves it out");
    }
}

// ---------------------------------------------------------------------------------------------
// GitLab CI and pre-commit without a Rust toolchain

/// The image a file names, and that its tag is this version (released together).
fn assert_image_of_this_version(image: &str, file: &str) {
    assert_eq!(image, format!("ghcr.io/govlint/govlint:{}", env!("CARGO_PKG_VERSION")), "{file} names the image of this release");
}

/// The GitLab job's script, run in bash as a GitLab runner would in the image (with the test's
/// govlint on PATH), writes the Code Quality report its `artifacts:reports:codequality`
/// names, and fails the job on findings.
#[test]
fn gitlab_job_writes_the_code_quality_report_it_uploads() {
    let ci = yaml("ci/gitlab-ci.yml");
    let job = &ci["govlint"];
    assert_image_of_this_version(job["image"]["name"].as_str().unwrap(), "ci/gitlab-ci.yml");
    assert_eq!(job["image"]["entrypoint"], serde_json::json!([""]), "GitLab starts the job's shell, not govlint");
    let report = job["artifacts"]["reports"]["codequality"].as_str().unwrap();
    assert_eq!(job["artifacts"]["when"], "always", "the report is uploaded when the job fails on findings");

    let (_t, dir) = common::tempdir();
    let repo = dir.join("repo");
    common::copy_tree(&common::example_repo(), &repo);
    let mut path = vec![govlint_bin().parent().unwrap().to_path_buf()];
    path.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    let mut codes = Vec::new();
    for line in job["script"].as_array().unwrap() {
        let mut cmd = Command::new("sh");
        cmd.arg("-c").arg(line.as_str().unwrap()).current_dir(&repo).env("PATH", std::env::join_paths(&path).unwrap());
        for (k, v) in job["variables"].as_object().unwrap() {
            cmd.env(k, v.as_str().unwrap());
        }
        let out = cmd.output().unwrap();
        codes.push(out.status.code());
    }
    assert_eq!(codes, [Some(0), Some(1)], "--version, then a check that fails on the example's findings");
    let issues: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(repo.join(report)).expect("the report was written")).unwrap();
    assert!(!issues.is_empty());
    for issue in &issues {
        let path = issue["location"]["path"].as_str().unwrap();
        assert!(repo.join(path).is_file(), "{path} is relative to the repository, as GitLab links it");
    }
}

/// The `govlint-docker` hook, run by the real pre-commit with a stand-in `docker` that runs
/// the test's govlint where the image would: pre-commit passes the image's entrypoint the
/// hook's arguments (`check --staged`) in the mounted repository, and the hook blocks a bad
/// card.
#[test]
fn pre_commit_hook_in_the_container_image() {
    let hooks: Value = yaml(".pre-commit-hooks.yaml");
    let hook = hooks.as_array().unwrap().iter().find(|h| h["id"] == "govlint-docker").expect("a govlint-docker hook");
    assert_eq!(hook["language"], "docker_image");
    let entry = hook["entry"].as_str().unwrap();
    let (image, args) = entry.split_once(' ').unwrap();
    assert_image_of_this_version(image, ".pre-commit-hooks.yaml");
    assert_eq!(args, "check --staged");
    let Some(pre_commit) = tool("pre-commit", &["--version"]) else { return };
    if !cfg!(unix) {
        return;
    }

    let (_t, dir) = common::tempdir();
    let hook_repo = dir.join("hooks");
    std::fs::create_dir_all(&hook_repo).unwrap();
    common::git(&hook_repo, &["init", "-q"]);
    std::fs::copy(root().join(".pre-commit-hooks.yaml"), hook_repo.join(".pre-commit-hooks.yaml")).unwrap();
    common::git(&hook_repo, &["add", "."]);
    common::git(&hook_repo, &["commit", "-q", "-m", "hooks"]);
    let rev = common::git(&hook_repo, &["rev-parse", "HEAD"]).trim().to_string();

    // `docker run [--rm] [--tty] [-u U] -v HOST:/src:rw,Z --workdir /src IMAGE ARGS…`, as
    // pre-commit's docker_image language builds it; the image's entrypoint is govlint.
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let seen = dir.join("docker-runs");
    let docker = format!(
        r#"#!/usr/bin/env bash
set -eu
# pre-commit asks whether the engine is rootless; this one is not.
if [ "$1" = system ]; then echo '{{}}'; exit 0; fi
[ "$1" = run ] || exit 1
shift
host=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rm|--tty|-t|-i) shift ;;
    -u|--workdir) shift 2 ;;
    -v) host=${{2%%:/src:*}}; shift 2 ;;
    -*) echo "unexpected docker option $1" >&2; exit 125 ;;
    *) break ;;
  esac
done
printf '%s\n' "$*" >> '{seen}'
image=$1
shift
[ "$image" = '{image}' ] || {{ echo "unknown image $image" >&2; exit 125; }}
cd "$host"
exec '{govlint}' "$@"
"#,
        seen = seen.display(),
        image = image,
        govlint = govlint_bin().display()
    );
    std::fs::write(bin.join("docker"), docker).unwrap();
    Command::new("chmod").arg("755").arg(bin.join("docker")).status().unwrap();

    let repo = dir.join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    common::git(&repo, &["init", "-q"]);
    common::write(
        &repo,
        ".pre-commit-config.yaml",
        &format!("repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: govlint-docker\n", hook_repo.display()),
    );
    common::write(&repo, "models/a/README.md", "---\ntags: [chat]\n---\n# a\n");
    common::git(&repo, &["add", "."]);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new(&pre_commit)
        .args(["run", "--hook-stage", "pre-commit"])
        .current_dir(&repo)
        .env("PATH", &path)
        .env("PRE_COMMIT_HOME", dir.join("pre-commit-home"))
        .output()
        .unwrap();
    let log = text(&out);
    assert!(!out.status.success(), "the card without a license passed:\n{log}");
    assert!(log.contains("no license") || log.contains("MC001"), "{log}");
    assert_eq!(std::fs::read_to_string(&seen).unwrap(), format!("{image} check --staged\n"), "{log}");
}

// ---------------------------------------------------------------------------------------------
// The crate as published

/// The crate as `cargo package --locked` makes it, unpacked and built once for the tests that
/// need a release build (a cold one costs minutes): with cargo-zigbuild, by ci/release-build.sh
/// as the release workflow builds (`dist` holds the archive), else by `cargo build --release`
/// as `cargo install` builds.
struct Packaged {
    binary: PathBuf,
    dist: Option<PathBuf>,
    /// What `--version` of the packaged build must say: the commit `cargo package` recorded.
    version: String,
}

/// The build lives in its own target directory, `target/package-check`, kept between runs (a
/// repeated run compiles only govlint): two copies of one package in one target directory share
/// their build script's output, so the unpacked crate would not run its own. `None` where
/// release builds are not made here.
fn packaged() -> Option<&'static Packaged> {
    static PACKAGED: std::sync::OnceLock<Option<Packaged>> = std::sync::OnceLock::new();
    PACKAGED.get_or_init(|| {
        if !cfg!(all(target_os = "linux", target_arch = "x86_64")) {
            eprintln!("skipped: release builds are made here for Linux x86_64 only");
            return None;
        }
        let scratch = root().join("target/package-check");
        let package = Command::new(env!("CARGO"))
            .args(["package", "--locked", "--allow-dirty", "--no-verify", "--target-dir"])
            .arg(&scratch)
            .current_dir(root())
            .env_remove("CARGO_TARGET_DIR")
            .output()
            .unwrap();
        assert!(package.status.success(), "cargo package:\n{}", text(&package));
        let name = format!("govlint-{}", env!("CARGO_PKG_VERSION"));
        let crate_file = scratch.join("package").join(format!("{name}.crate"));
        let src = scratch.join("src");
        let _ = std::fs::remove_dir_all(&src);
        std::fs::create_dir_all(&src).unwrap();
        assert!(Command::new("tar").arg("-xzf").arg(&crate_file).current_dir(&src).status().unwrap().success());
        let unpacked = src.join(&name);
        assert!(!unpacked.join("fixtures").exists() && !unpacked.join("tests").exists(), "the package holds what the binary needs, no more");

        let vcs = std::fs::read_to_string(unpacked.join(".cargo_vcs_info.json")).ok();
        let version = match vcs.as_deref().and_then(|v| serde_json::from_str::<Value>(v).ok()) {
            Some(info) => {
                let sha = info["git"]["sha1"].as_str().unwrap();
                let dirty = if info["git"]["dirty"] == true { "-dirty" } else { "" };
                format!("govlint {} (commit {}{dirty})\n", env!("CARGO_PKG_VERSION"), &sha[..12])
            }
            None => format!("govlint {} (commit unknown)\n", env!("CARGO_PKG_VERSION")),
        };
        let exe = format!("govlint{}", std::env::consts::EXE_SUFFIX);
        if zigbuild().is_some() {
            let dist = scratch.join("dist");
            let _ = std::fs::remove_dir_all(&dist);
            let out = Command::new("bash")
                .arg(root().join("ci/release-build.sh"))
                .arg("x86_64-unknown-linux-gnu")
                .arg(&dist)
                .env("GOVLINT_SOURCE", &unpacked)
                .env("CARGO_TARGET_DIR", &scratch)
                .env_remove("GOVLINT_BUILD_COMMIT")
                .output()
                .unwrap();
            assert!(out.status.success(), "ci/release-build.sh on the packaged crate:\n{}", text(&out));
            let binary = scratch.join("x86_64-unknown-linux-gnu/release").join(exe);
            return Some(Packaged { binary, dist: Some(dist), version });
        }
        let out = Command::new(env!("CARGO"))
            .args(["build", "--release", "--locked", "--bin", "govlint", "--target-dir"])
            .arg(&scratch)
            .current_dir(&unpacked)
            .env_remove("CARGO_TARGET_DIR")
            .env_remove("GOVLINT_BUILD_COMMIT")
            .output()
            .unwrap();
        assert!(out.status.success(), "building the packaged crate:\n{}", text(&out));
        Some(Packaged { binary: scratch.join("release").join(exe), dist: None, version })
    })
    .as_ref()
}

/// `cargo package --locked` makes a crate that builds on its own (the bundled policies,
/// schemas and templates inside it), whose binary names the commit it was packaged from and
/// checks the example repository as the binary built here does.
#[test]
fn packaged_crate_builds_and_checks_the_example_repo() {
    let Some(packaged) = packaged() else { return };
    assert_eq!(version_of(&packaged.binary), packaged.version);
    let packaged = Command::new(&packaged.binary).args(["check", "--format", "json", "fixtures/example-repo"]).current_dir(root()).output().unwrap();
    let here = Command::new(govlint_bin()).args(["check", "--format", "json", "fixtures/example-repo"]).current_dir(root()).output().unwrap();
    assert_eq!(packaged.status.code(), Some(1), "{}", text(&packaged));
    let strip = |o: &Output| {
        let mut v: Value = serde_json::from_slice(&o.stdout).unwrap();
        v.as_object_mut().unwrap().remove("tool");
        v
    };
    assert_eq!(strip(&packaged), strip(&here), "the packaged binary finds what this build finds");
}
