//! Build script: tells cargo what the embedded files are, and records the commit the binary is
//! built from for `govlint --version`.
//!
//! The bundled policies and schemas are embedded with include_dir!/include_str!; cargo must
//! rebuild when any file under them changes, including files added later.
//!
//! The commit (`GOVLINT_COMMIT`, 12 hex digits) comes from,
//! in order: the `GOVLINT_BUILD_COMMIT` variable (a build from a source archive, such as the
//! container image's, whose builder knows the commit); `.cargo_vcs_info.json`, which `cargo
//! package` writes into a packaged crate (crates.io, `cargo install govlint`), with `-dirty` when
//! it was packaged from a tree with uncommitted changes; git's HEAD, when this directory is the
//! top of a git working tree. Else it is `unknown`, and the binary still builds.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=policies");
    println!("cargo:rerun-if-changed=schemas");
    println!("cargo:rerun-if-env-changed=GOVLINT_BUILD_COMMIT");
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let commit = from_env().or_else(|| from_vcs_info(&dir)).or_else(|| from_git(&dir)).unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=GOVLINT_COMMIT={commit}");
}

/// A commit id: hex digits, at least 7.
fn is_commit(s: &str) -> bool {
    s.len() >= 7 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn short(sha: &str, dirty: bool) -> String {
    let mut s = sha[..sha.len().min(12)].to_ascii_lowercase();
    if dirty {
        s.push_str("-dirty");
    }
    s
}

fn from_env() -> Option<String> {
    let v = std::env::var("GOVLINT_BUILD_COMMIT").ok()?;
    let v = v.trim();
    is_commit(v).then(|| short(v, false))
}

/// `{"git": {"sha1": "…", "dirty": true}, "path_in_vcs": ""}`, as cargo writes it. Read
/// without a JSON parser: a build dependency would cost every build more than this does.
fn from_vcs_info(dir: &Path) -> Option<String> {
    let path = dir.join(".cargo_vcs_info.json");
    if path.is_file() {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let text = std::fs::read_to_string(path).ok()?;
    let after = text.split_once("\"sha1\"")?.1;
    let sha: String = after.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?.chars().take_while(|c| *c != '"').collect();
    let dirty = text.split_once("\"dirty\"").is_some_and(|(_, rest)| rest.trim_start().strip_prefix(':').is_some_and(|v| v.trim_start().starts_with("true")));
    is_commit(&sha).then(|| short(&sha, dirty))
}

fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git").arg("-C").arg(dir).args(args).output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// HEAD of the git working tree whose top is `dir` (not of a repository that merely contains
/// it, as a packaged crate unpacked under another checkout's `target/` is). The build reruns
/// when HEAD moves: the files behind HEAD and the branch it names are watched. Uncommitted
/// changes are not told: watching the working tree would rerun this script on every edit, and
/// a flag read once would go stale.
fn from_git(dir: &Path) -> Option<String> {
    let top = PathBuf::from(git(dir, &["rev-parse", "--show-toplevel"])?);
    if top.canonicalize().ok()? != dir.canonicalize().ok()? {
        return None;
    }
    let git_dir = PathBuf::from(git(dir, &["rev-parse", "--absolute-git-dir"])?);
    let common = git(dir, &["rev-parse", "--git-common-dir"]).map(|c| if Path::new(&c).is_absolute() { PathBuf::from(c) } else { dir.join(c) });
    let head = git_dir.join("HEAD");
    let mut watched = vec![head.clone()];
    if let (Ok(text), Some(common)) = (std::fs::read_to_string(&head), common) {
        if let Some(reference) = text.trim().strip_prefix("ref: ") {
            watched.push(common.join(reference));
            watched.push(common.join("packed-refs"));
        }
    }
    for path in watched.iter().filter(|p| p.is_file()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let sha = git(dir, &["rev-parse", "HEAD"])?;
    is_commit(&sha).then(|| short(&sha, false))
}
