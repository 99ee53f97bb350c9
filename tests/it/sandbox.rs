//! Hostile policies: a policy from an untrusted repository cannot hang the run, crash it, or
//! reach the network, the environment or the file system.
//!
//! Each test runs the real binary on one artifact with one user policy and asserts what the user
//! sees: a `policy-error` diagnostic on the document (the run goes on, exit 1) or a compile error
//! (exit 2). The wall-clock bounds are generous ceilings for a loaded 2-core debug build, not
//! benchmarks: they catch a hang, not a slowdown.


use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;

const SECRET: &str = "govlint-sandbox-secret-5a1f";

/// A repository with one artifact, one user policy in `policy/`, and an optional config.
fn repo(policy: &str, config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("model-card.yaml"), "model_name: demo\nlicense: mit\n").unwrap();
    std::fs::create_dir(dir.path().join("policy")).unwrap();
    std::fs::write(dir.path().join("policy/p.rego"), format!("package main\n\n{policy}\n")).unwrap();
    if let Some(c) = config {
        std::fs::write(dir.path().join("govlint.yaml"), c).unwrap();
    }
    dir
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
    took: Duration,
}

/// Runs `govlint check --no-builtin -p policy --format json model-card.yaml` in `dir`, with a
/// secret in the environment.
fn run(dir: &Path) -> Out {
    let start = Instant::now();
    let out = Command::cargo_bin("govlint")
        .unwrap()
        .current_dir(dir)
        .env("GOVLINT_SANDBOX_SECRET", SECRET)
        .args(["check", "--no-builtin", "-p", "policy", "--format", "json", "model-card.yaml"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: start.elapsed(),
    }
}

/// The messages of the `policy-error` diagnostics in a JSON report.
fn policy_errors(o: &Out) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(&o.stdout).unwrap_or_else(|e| panic!("not JSON ({e})\n--- stdout\n{}\n--- stderr\n{}", o.stdout, o.stderr));
    v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "policy-error")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

/// Asserts the run went on (exit 1) with one policy error containing `needle`, within `bound`.
#[track_caller]
fn assert_policy_error(o: &Out, needle: &str, bound: Duration) {
    assert_eq!(o.code, 1, "--- stdout\n{}\n--- stderr\n{}", o.stdout, o.stderr);
    let errors = policy_errors(o);
    assert!(errors.iter().any(|m| m.contains(needle)), "no policy error with `{needle}`: {errors:?}");
    assert!(o.took < bound, "took {:?}, bound {bound:?}", o.took);
    assert!(!o.stdout.contains(SECRET) && !o.stderr.contains(SECRET));
}

const BOUND: Duration = Duration::from_secs(20);

/// A policy that calls a builtin OPA has and govlint has not is refused when the policies
/// compile (exit 2, at the call): it never runs.
#[track_caller]
fn assert_not_built_in(o: &Out, name: &str) {
    assert_eq!(o.code, 2, "--- stdout\n{}\n--- stderr\n{}", o.stdout, o.stderr);
    assert!(o.stderr.contains(&format!("`{name}` is a builtin of OPA that govlint's Rego engine does not have")), "{}", o.stderr);
    assert!(o.stderr.contains("policy/p.rego:"), "{}", o.stderr);
    assert!(!o.stdout.contains(SECRET) && !o.stderr.contains(SECRET));
}

#[test]
fn a_policy_looping_over_huge_ranges_is_stopped_by_the_time_limit() {
    let dir = repo(
        "deny contains msg if {\n\tsome i in numbers.range(1, 1000000)\n\tsome j in numbers.range(1, 1000000)\n\ti == j + 5000000\n\tmsg := \"never\"\n}",
        Some("limits:\n  policy_timeout_ms: 300\n"),
    );
    let o = run(dir.path());
    assert_policy_error(&o, "time limit", BOUND);
    let v: serde_json::Value = serde_json::from_str(&o.stdout).unwrap();
    let help = v["diagnostics"].as_array().unwrap().iter().find(|d| d["rule"] == "policy-error").unwrap()["help"].as_str().unwrap().to_string();
    assert!(help.contains("limits.policy_timeout_ms"), "{help}");
}

#[test]
fn a_range_too_large_to_allocate_is_refused_not_aborted() {
    // regorus's own numbers.range reserves the whole array first: 3e9 elements abort the process.
    let dir = repo("deny contains msg if {\n\tcount(numbers.range(1, 3000000000)) > 0\n\tmsg := \"big\"\n}", None);
    assert_policy_error(&run(dir.path()), "more than govlint allows", BOUND);
    let dir = repo("deny contains msg if {\n\tcount(numbers.range_step(1, 10, 0)) > 0\n\tmsg := \"zero step\"\n}", None);
    assert_policy_error(&run(dir.path()), "step must be a positive integer", BOUND);
}

#[test]
fn bounded_ranges_still_work() {
    let dir = repo("deny contains msg if {\n\tnumbers.range(1, 3) == [1, 2, 3]\n\tnumbers.range(3, 1) == [3, 2, 1]\n\tnumbers.range_step(0, 10, 5) == [0, 5, 10]\n\tmsg := \"ranges ok\"\n}", None);
    let o = run(dir.path());
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stdout.contains("ranges ok"), "{}", o.stdout);
}

#[test]
fn a_recursive_function_is_a_compile_error_not_a_stack_overflow() {
    let dir = repo("f(n) := f(n - 1)\n\ndeny contains msg if {\n\tf(3)\n\tmsg := \"x\"\n}", None);
    let o = run(dir.path());
    assert_eq!(o.code, 2, "--- stdout\n{}\n--- stderr\n{}", o.stdout, o.stderr);
    assert!(o.stderr.contains("function `f` is recursive"), "{}", o.stderr);
    assert!(o.stderr.contains("policy/p.rego:3"), "{}", o.stderr);
    assert!(o.took < BOUND);
}

#[test]
fn mutually_recursive_rules_are_reported_not_looped() {
    let dir = repo("a if b\n\nb if a\n\ndeny contains msg if {\n\ta\n\tmsg := \"x\"\n}", None);
    assert_policy_error(&run(dir.path()), "recursion detected", BOUND);
}

#[test]
fn network_builtins_are_absent() {
    for call in [
        "http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:9/\"})",
        "net.lookup_ip_addr(\"localhost\")",
        "net.cidr_contains(\"10.0.0.0/8\", \"10.1.1.1\")",
    ] {
        let name = call.split('(').next().unwrap();
        let dir = repo(&format!("deny contains msg if {{\n\tr := {call}\n\tmsg := sprintf(\"%v\", [r])\n}}"), None);
        assert_not_built_in(&run(dir.path()), name);
    }
}

#[test]
fn the_environment_is_not_visible() {
    // opa.runtime() would hand out the environment; it is not built in.
    let dir = repo("deny contains msg if {\n\tmsg := sprintf(\"%v\", [opa.runtime().env])\n}", None);
    assert_not_built_in(&run(dir.path()), "opa.runtime");
    // Nor is the environment a part of `input` or `data`.
    let dir = repo("deny contains msg if {\n\tmsg := sprintf(\"%v %v\", [input, data])\n}", None);
    let o = run(dir.path());
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(!o.stdout.contains(SECRET), "the secret leaked: {}", o.stdout);
}

#[test]
fn no_builtin_reads_files() {
    for call in ["rego.parse_module(\"/etc/passwd\", \"package x\")", "io.jwt.decode(\"a.b.c\")", "opa.runtime()"] {
        let name = call.split('(').next().unwrap();
        let dir = repo(&format!("deny contains msg if {{\n\tr := {call}\n\tmsg := sprintf(\"%v\", [r])\n}}"), None);
        assert_not_built_in(&run(dir.path()), name);
    }
    // Rego has no file-reading builtin at all; the one way in, `data`, holds only what -d names.
    let dir = repo("deny contains msg if {\n\tmsg := sprintf(\"%v\", [data])\n}", None);
    let o = run(dir.path());
    assert!(!o.stdout.contains("root:"), "{}", o.stdout);
}

/// `govlint check <args>` in `dir` with the secret in the environment: the exit code and
/// everything printed.
fn run_args(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("govlint")
        .unwrap()
        .current_dir(dir)
        .env("GOVLINT_SANDBOX_SECRET", SECRET)
        .args(["check", "--no-builtin"])
        .args(args)
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn policy_paths_from_the_config_stay_inside_the_repository() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("p.rego"), "package main\n\ndeny contains \"from outside\" if { true }\n").unwrap();
    let link = format!("{}", outside.path().display());
    for path in ["/proc/self/environ", "/", "../", link.as_str(), "policy-link"] {
        let dir = repo("deny contains msg if {\n\tfalse\n\tmsg := \"x\"\n}", Some(&format!("policies: [\"{path}\"]\n")));
        #[cfg(unix)]
        std::os::unix::fs::symlink(outside.path(), dir.path().join("policy-link")).unwrap();
        let start = Instant::now();
        let (code, out) = run_args(dir.path(), &["model-card.yaml"]);
        assert_eq!(code, 2, "{path}: {out}");
        assert!(out.contains("outside the repository"), "{path}: {out}");
        assert!(out.contains("govlint.yaml:1:"), "{path}: the entry is located: {out}");
        assert!(!out.contains(SECRET) && !out.contains("from outside"), "{path}: {out}");
        assert!(start.elapsed() < BOUND, "{path}: refused before anything is read");
    }
    // Inside the repository, through a link or not, a policy path is read.
    let dir = repo("deny contains \"inside\" if { true }", Some("policies: [\"policy\"]\n"));
    let (code, out) = run_args(dir.path(), &["model-card.yaml"]);
    assert_eq!(code, 1, "{out}");
    // On the command line the user chooses: a policy outside the repository is read.
    let dir = repo("deny contains msg if {\n\tfalse\n\tmsg := \"x\"\n}", None);
    let (code, out) = run_args(dir.path(), &["-p", &outside.path().join("p.rego").display().to_string(), "model-card.yaml"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("from outside"), "{out}");
}

#[test]
fn an_error_on_a_policy_or_data_path_never_prints_a_file_that_is_not_a_policy() {
    let dir = repo("deny contains msg if {\n\tfalse\n\tmsg := \"x\"\n}", None);
    std::fs::write(dir.path().join("broken.yaml"), format!("token: {SECRET}\nlist: [1, 2\n")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("/proc/self/environ", dir.path().join("env.yaml")).unwrap();
    for (args, needle) in [
        (&["-p", "/proc/self/environ"][..], "not a .rego file"),
        (&["-p", "policy", "-d", "/proc/self/environ"][..], "not a YAML or JSON file"),
        (&["-p", "policy", "-d", "env.yaml"][..], "not a text file"),
        (&["-p", "policy", "-d", "broken.yaml"][..], "data file broken.yaml:"),
    ] {
        let (code, out) = run_args(dir.path(), &[args, &["model-card.yaml"]].concat());
        assert_eq!(code, 2, "{args:?}: {out}");
        assert!(out.contains(needle), "{args:?}: {out}");
        assert!(!out.contains(SECRET), "{args:?} printed the secret: {out}");
    }
}

/// [`run`] under a 4 GiB address-space limit (`ulimit -v`), so that a policy that reaches for
/// gigabytes makes the run abort rather than the machine swap.
#[cfg(unix)]
fn run_bounded(dir: &Path) -> Out {
    let start = Instant::now();
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -v 4194304 && exec '{}' check --no-builtin -p policy --format json model-card.yaml",
            env!("CARGO_BIN_EXE_govlint")
        ))
        .current_dir(dir)
        .env("GOVLINT_SANDBOX_SECRET", SECRET)
        .output()
        .unwrap();
    Out {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        took: start.elapsed(),
    }
}

#[test]
#[cfg(unix)]
fn a_policy_that_builds_gigabytes_is_stopped_as_a_policy_error() {
    // Forty rules, each the last one twice over: a terabyte by the end.
    let mut chain = String::from("s0 := \"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\"\n");
    for i in 1..=40 {
        chain.push_str(&format!("s{i} := concat(\"\", [s{}, s{}])\n", i - 1, i - 1));
    }
    chain.push_str("\ndeny contains msg if {\n\tcount(s40) > 0\n\tmsg := \"built\"\n}");
    let dir = repo(&chain, None);
    assert_policy_error(&run_bounded(dir.path()), "bound on one policy evaluation", BOUND);

    // One call asking for 900 MB of padding, and one for more than a 64-bit width holds.
    for format in ["%0900000000d", "%099999999999999999999999d"] {
        let dir = repo(&format!("deny contains msg if {{\n\tmsg := sprintf(\"{format}\", [1])\n}}"), None);
        let o = run_bounded(dir.path());
        assert_policy_error(&o, "bound on one policy evaluation", BOUND);
        assert!(o.stdout.len() < 100_000, "{format}: {} bytes of output", o.stdout.len());
    }

    // A doubling of arrays, and of hex text, end the same way.
    let mut chain = String::from("a0 := [1, 2, 3, 4, 5, 6, 7, 8]\nh0 := \"0123456789abcdef\"\n");
    for i in 1..=40 {
        chain.push_str(&format!("a{i} := array.concat(a{}, a{})\nh{i} := hex.encode(h{})\n", i - 1, i - 1, i - 1));
    }
    chain.push_str("\ndeny contains msg if {\n\tcount(a40) > 0\n\tmsg := \"built\"\n}\n\ndeny contains msg if {\n\tcount(h40) > 0\n\tmsg := \"built\"\n}");
    let dir = repo(&chain, None);
    let o = run_bounded(dir.path());
    assert_policy_error(&o, "bound on one policy evaluation", BOUND);
    assert!(!o.stdout.contains("\"built\""), "{}", o.stdout);
}
