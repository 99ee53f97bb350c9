//! Hostile files: govlint runs on repositories it does not trust, so each case here must end in
//! a clear diagnostic or a skip with a stated reason — never a panic, a hang or an abort.
//!
//! Each test builds a small repository in a temporary directory, runs the real binary and asserts
//! the outcome and a wall-clock bound. The bounds are generous ceilings for a loaded 2-core debug
//! build, not benchmarks: they catch a hang or a runaway, not a slowdown.

use crate::common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::{govlint, Run};

const BOUND: Duration = Duration::from_secs(20);

/// A temporary repository with `files` (path, bytes).
fn repo(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, bytes) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
    dir
}

/// Runs `args` in `dir`, asserting it ends within `BOUND` and neither panics nor aborts.
#[track_caller]
fn timed(dir: &Path, args: &[&str]) -> Run {
    let start = Instant::now();
    let run = govlint(dir, args);
    let took = start.elapsed();
    assert!(took < BOUND, "took {took:?} (bound {BOUND:?})\n--- stderr\n{}", run.stderr);
    assert!(
        (0..=2).contains(&run.code) && !run.stderr.contains("panicked") && !run.stderr.contains("overflow"),
        "crashed with {}\n--- stderr\n{}",
        run.code,
        run.stderr
    );
    run
}

/// `check --format json -v <target>`: the run, and the (rule, line, message) of each diagnostic.
#[track_caller]
fn check(dir: &Path, target: &str) -> (Run, Vec<(String, usize, String)>) {
    let run = timed(dir, &["check", "--format", "json", "-v", target]);
    assert_ne!(run.code, 2, "tool error\n--- stderr\n{}", run.stderr);
    let diags = run.report().diagnostics.into_iter().map(|d| (d.rule, d.line, d.message)).collect();
    (run, diags)
}

#[track_caller]
fn assert_diag(diags: &[(String, usize, String)], rule: &str, text: &str) {
    assert!(diags.iter().any(|(r, _, m)| r == rule && m.contains(text)), "no `{rule}` diagnostic with `{text}` in {diags:?}");
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut s = String::from("a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for i in 1..9u8 {
        let (name, prev) = ((b'a' + i) as char, (b'a' + i - 1) as char);
        let refs = vec![format!("*{prev}"); 9].join(", ");
        s.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    let dir = repo(&[("model-card.yaml", s.as_bytes())]);
    let (run, diags) = check(dir.path(), ".");
    run.expect_code(1);
    assert_diag(&diags, "limit-exceeded", "aliases expanded");
}

#[test]
fn nesting_100000_levels_deep_is_refused() {
    let depth = 100_000;
    let flow = "[".repeat(depth) + &"]".repeat(depth);
    let mut block = String::new();
    for i in 0..depth {
        block.push_str(&" ".repeat(i.min(100)));
        block.push_str("- \n");
    }
    let mut map = String::new();
    for i in 0..depth {
        map.push_str(&format!("{}k:\n", " ".repeat(i)));
        if i > 3000 {
            break;
        }
    }
    let json = "{\"a\":".repeat(depth) + "1" + &"}".repeat(depth);
    let dir = repo(&[
        ("flow/model-card.yaml", flow.as_bytes()),
        ("block/model-card.yaml", block.as_bytes()),
        ("map/model-card.yaml", map.as_bytes()),
        ("json/model-card.json", json.as_bytes()),
    ]);
    let (_, diags) = check(dir.path(), "json");
    assert_diag(&diags, "limit-exceeded", "nesting deeper than 256 levels");
    // YAML stops in saphyr's own bound on its parser's recursion, or in govlint's depth limit.
    for target in ["flow", "map"] {
        let (_, diags) = check(dir.path(), target);
        assert!(
            diags.iter().any(|(r, _, m)| (r == "limit-exceeded" && m.contains("nesting deeper")) || (r == "parse-error" && m.contains("recursion limit"))),
            "{target}: {diags:?}"
        );
    }
    // Block sequences 100 deep and 100,000 long: checked in bounded time, and a policy error on
    // such a value does not quote all of it.
    let (run, _) = check(dir.path(), "block");
    assert!(run.stdout.len() < 1024 * 1024, "{} bytes of output", run.stdout.len());
}

#[test]
fn a_raised_depth_limit_does_not_overflow_the_stack() {
    let depth = 9_000;
    let flow = "[".repeat(depth) + &"]".repeat(depth);
    let json = "[".repeat(depth) + &"]".repeat(depth);
    let dir = repo(&[
        ("govlint.yaml", b"limits:\n  max_depth: 10000\n"),
        ("model-card.yaml", flow.as_bytes()),
        ("model-card.json", json.as_bytes()),
    ]);
    // Deep but within the raised limit: parsed and checked (the schema rejects an array).
    let (_, diags) = check(dir.path(), ".");
    assert!(!diags.iter().any(|(r, _, _)| r == "limit-exceeded"), "{diags:?}");
}

#[test]
fn too_many_documents_are_refused() {
    // The limit is lowered here: every document of a model card is checked by every rule, and
    // a thousand of them take minutes in a debug build.
    let s = "a: 1\n---\n".repeat(15);
    let dir = repo(&[("govlint.yaml", b"limits:\n  max_documents: 10\n"), ("deploy/model-card.yaml", s.as_bytes())]);
    let (_, diags) = check(dir.path(), ".");
    assert_diag(&diags, "limit-exceeded", "more than 10 documents");
}

#[test]
fn a_200_mb_file_is_refused_without_reading_it() {
    let dir = repo(&[]);
    // A sparse file: 200 MB long, nothing on disk.
    let f = std::fs::File::create(dir.path().join("model-card.yaml")).unwrap();
    f.set_len(200 * 1024 * 1024).unwrap();
    let start = Instant::now();
    let (_, diags) = check(dir.path(), ".");
    assert_diag(&diags, "limit-exceeded", "larger than the 16777216 byte limit");
    // Refused by its length: far quicker than reading 200 MB and scanning it.
    assert!(start.elapsed() < Duration::from_secs(10));
    // The limit is configurable.
    std::fs::write(dir.path().join("govlint.yaml"), "limits:\n  max_file_size: 10\n").unwrap();
    std::fs::write(dir.path().join("model-card.yaml"), "license: apache-2.0\n").unwrap();
    let (_, diags) = check(dir.path(), ".");
    assert_diag(&diags, "limit-exceeded", "larger than the 10 byte limit");
}

#[test]
fn binary_content_under_an_artifact_name() {
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01";
    let dir = repo(&[("model-card.yaml", png), ("notes/random.yaml", png)]);
    let (run, diags) = check(dir.path(), ".");
    assert_diag(&diags, "read-error", "binary content (a NUL byte at offset 8)");
    // A file nothing names as an artifact is skipped, with the reason shown by -v.
    assert_eq!(run.skip_reason("notes/random.yaml").as_deref(), Some("has binary content (a NUL byte at offset 8)"));
}

#[test]
fn nul_bytes_in_text() {
    let dir = repo(&[("model-card.yaml", b"license: mit\x00\nname: x\n")]);
    let (_, diags) = check(dir.path(), ".");
    assert_diag(&diags, "read-error", "NUL byte at offset 12");
}

#[test]
fn invalid_utf8() {
    let dir = repo(&[("dataset-card.md", b"---\nlicense: mit\npretty_name: caf\xe9\n---\n# Data\n")]);
    let (_, diags) = check(dir.path(), "dataset-card.md");
    assert_diag(&diags, "read-error", "not UTF-8 text (invalid byte at offset 33)");
}

#[test]
fn a_bom_in_json_is_accepted() {
    let dir = repo(&[("model-card.json", "\u{feff}{\"a\": 1, \"a\": 2}".as_bytes())]);
    let (_, diags) = check(dir.path(), "model-card.json");
    assert!(!diags.iter().any(|(r, _, _)| r == "parse-error"), "{diags:?}");
    // The duplicate is found where an editor shows it: the BOM takes no column.
    let (run, _) = check(dir.path(), "model-card.json");
    let d = run.report().diagnostics.into_iter().find(|d| d.rule == "duplicate-key").unwrap();
    assert_eq!((d.line, d.column), (1, 10));
}

#[test]
fn cr_only_line_ends_count_as_lines() {
    let dir = repo(&[("model-card.yaml", b"a: 1\rb: 2\ra: 3\r")]);
    let (run, diags) = check(dir.path(), "model-card.yaml");
    let dup = diags.iter().find(|(r, _, _)| r == "duplicate-key").unwrap_or_else(|| panic!("{diags:?}"));
    assert_eq!(dup.1, 3, "{diags:?}");
    // The human renderer shows the same line.
    let human = timed(dir.path(), &["check", "--color", "never", "model-card.yaml"]);
    assert!(human.stdout.contains("model-card.yaml:3:1"), "{}", human.stdout);
    drop(run);
}

#[test]
fn very_long_lines_render_in_bounded_time() {
    let mut s = String::from("license: mit\ndescription: \"");
    s.push_str(&"x".repeat(4 * 1024 * 1024));
    s.push_str("\"\nlicense: apache-2.0\nbad: [1, 2\n");
    let dir = repo(&[("model-card.yaml", s.as_bytes())]);
    let human = timed(dir.path(), &["check", "--color", "never", "model-card.yaml"]);
    assert_eq!(human.code, 1, "{}", human.stderr);
    assert!(human.stdout.contains("invalid YAML"), "{}", &human.stdout[..human.stdout.len().min(2000)]);
    // One line of 4 MiB: the report must not grow with it many times over.
    assert!(human.stdout.len() < 20 * 1024 * 1024, "{} bytes of output", human.stdout.len());
    for format in ["json", "sarif", "junit", "github", "markdown"] {
        timed(dir.path(), &["check", "--format", format, "model-card.yaml"]);
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_named_like_an_artifact_is_skipped_not_opened() {
    let dir = repo(&[("README.md", b"# repo\n")]);
    let status = std::process::Command::new("mkfifo").arg(dir.path().join("model-card.yaml")).status().unwrap();
    assert!(status.success());
    let (run, _) = check(dir.path(), ".");
    assert_eq!(run.skip_reason("model-card.yaml").as_deref(), Some("not a regular file (FIFO, socket or device)"));
    // Named on the command line, it is still not opened (opening a FIFO blocks).
    let run = timed(dir.path(), &["check", "-v", "model-card.yaml"]);
    assert_eq!(run.skip_reason("model-card.yaml").as_deref(), Some("not a regular file or directory"));
}

#[cfg(unix)]
#[test]
fn a_device_named_like_an_artifact_is_skipped() {
    let dir = repo(&[]);
    // /dev/zero never ends: reading it would hang or exhaust memory.
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("model-card.yaml")).unwrap();
    let run = timed(dir.path(), &["check", "-v", "/dev/zero"]);
    assert_eq!(run.skip_reason("/dev/zero").as_deref(), Some("not a regular file or directory"));
    let (run, _) = check(dir.path(), ".");
    assert_eq!(run.skip_reason("model-card.yaml").as_deref(), Some("symbolic link that points outside the root"));
}

#[cfg(unix)]
#[test]
fn unreadable_files_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = repo(&[("model-card.yaml", b"license: mit\n"), ("other.yaml", b"a: 1\n")]);
    for f in ["model-card.yaml", "other.yaml"] {
        std::fs::set_permissions(dir.path().join(f), std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    if std::fs::read(dir.path().join("model-card.yaml")).is_ok() {
        // Running as root: permissions do not stop reads, so there is nothing to observe.
        eprintln!("skipped: running as root, a mode-000 file is still readable");
        return;
    }
    let (run, diags) = check(dir.path(), ".");
    assert_diag(&diags, "read-error", "cannot be read: permission denied");
    assert_eq!(run.skip_reason("other.yaml").as_deref(), Some("cannot be read: permission denied"));
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_skipped() {
    let dir = repo(&[("models/README.md", b"# m\n")]);
    let p = dir.path();
    std::os::unix::fs::symlink("b.yaml", p.join("a.yaml")).unwrap();
    std::os::unix::fs::symlink("a.yaml", p.join("b.yaml")).unwrap();
    std::os::unix::fs::symlink(".", p.join("models/loop")).unwrap();
    let (run, _) = check(p, ".");
    let a = run.skip_reason("a.yaml").unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(a.starts_with("symbolic link that cannot be resolved"), "{a}");
    assert_eq!(run.skip_reason("models/loop").as_deref(), Some("symbolic link to a directory (not followed)"));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_root_are_skipped() {
    let outside = repo(&[("secret.yaml", b"token: hunter2\n")]);
    let dir = repo(&[]);
    std::os::unix::fs::symlink(outside.path().join("secret.yaml"), dir.path().join("model-card.yaml")).unwrap();
    let (run, diags) = check(dir.path(), ".");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(run.skip_reason("model-card.yaml").as_deref(), Some("symbolic link that points outside the root"));
    assert!(!run.stdout.contains("hunter2"));
}

#[test]
fn linted_files_are_never_written() {
    let dir = repo(&[("model-card.yaml", b"license: mit\nlicense: mit\n"), ("data/dataset.json", b"{\"a\": [1, 2,]}")]);
    let before: Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> = walk(dir.path());
    timed(dir.path(), &["check", "--format", "json:report.json", "--format", "sarif:report.sarif", "."]).expect_code(1);
    timed(dir.path(), &["check", "--write-baseline", "baseline.json", "."]);
    let after = walk(dir.path());
    for (path, bytes, mtime) in &before {
        let (_, b, m) = after.iter().find(|(p, _, _)| p == path).unwrap();
        assert_eq!((b, m), (bytes, mtime), "{} changed", path.display());
    }
    let mut new: Vec<String> = after
        .iter()
        .filter(|(p, _, _)| !before.iter().any(|(q, _, _)| q == p))
        .map(|(p, _, _)| p.strip_prefix(dir.path()).unwrap().to_string_lossy().replace('\\', "/"))
        .collect();
    new.sort();
    // Exactly what was asked for, and no temporary file left behind.
    assert_eq!(new, ["baseline.json", "report.json", "report.sarif"]);
}

fn walk(root: &Path) -> Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().to_path_buf(), std::fs::read(e.path()).unwrap(), e.metadata().unwrap().modified().unwrap()))
        .collect()
}

#[test]
fn a_deep_chain_of_untracked_directories_is_walked_in_bounded_time() {
    // 1,500 directories one inside the next, none of them tracked: each is asked whether git
    // ignores it, and the rules of every directory above it apply.
    let dir = repo(&[]);
    common::git(dir.path(), &["init", "-q"]);
    common::git(dir.path(), &["commit", "-q", "--allow-empty", "-m", "empty"]);
    let mut deep = dir.path().to_path_buf();
    for _ in 0..1500 {
        deep.push("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    std::fs::write(deep.join("model-card.yaml"), "license: [unclosed\n").unwrap();
    // A rule half way down must still count.
    let half: std::path::PathBuf = std::iter::repeat_n("d", 750).collect();
    std::fs::write(dir.path().join(&half).join(".gitignore"), "ignored.yaml\n").unwrap();
    std::fs::write(deep.join("ignored.yaml"), "license: [unclosed\n").unwrap();
    for args in [&["check", "--format", "json", "."][..], &["check", "--format", "json", "--changed-since", "HEAD", "."][..]] {
        let run = timed(dir.path(), args);
        run.expect_code(1);
        let files: Vec<String> = run.report().diagnostics.iter().map(|d| d.file.clone()).collect();
        assert_eq!(files.len(), 1, "{args:?}: {files:?}");
        assert!(files[0].ends_with("/d/model-card.yaml"), "{args:?}: {files:?}");
    }
}
