//! Git's ignore rules, read the way git reads them while it walks a tree: each directory's
//! `.gitignore` once, when a path below it is first asked about, then `info/exclude` and
//! `core.excludesFile` beneath them all.
//!
//! libgit2's `is_path_ignored` reads the ignore file of every directory above a path on each
//! call. Asked about every entry of a chain of untracked directories, that is a number of
//! system calls quadratic in the chain's depth, each on a path as long as the depth: 2,500
//! levels took 88 seconds. Here each directory is read once, and what is known of it (its
//! rules, whether it lies in an ignored directory) is kept, so that a path costs a lookup of
//! its directory and a match against the rules that apply.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;

/// The ignore rules of one working tree.
pub struct Ignores {
    /// The working tree, as libgit2 gives it.
    workdir: PathBuf,
    /// `info/exclude`, then `core.excludesFile`: below every directory's own rules.
    base: Vec<Gitignore>,
    case_insensitive: bool,
    /// What is known of each directory asked about, by its path in the working tree.
    levels: Mutex<HashMap<String, Arc<Level>>>,
}

impl std::fmt::Debug for Ignores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ignores").field("workdir", &self.workdir).finish_non_exhaustive()
    }
}

/// One directory of the working tree.
struct Level {
    /// Its path in the working tree, `/`-separated (empty at the top).
    dir: String,
    /// The rules of its `.gitignore`, when it has some.
    rules: Option<Gitignore>,
    /// The nearest directory above it that has rules.
    above: Option<Arc<Level>>,
    /// Whether it is ignored, or lies in an ignored directory (git never looks below one).
    ignored: bool,
}

impl Level {
    /// The first of this directory and those above it that has rules.
    fn ruled(self: &Arc<Level>) -> Option<Arc<Level>> {
        if self.rules.is_some() { Some(Arc::clone(self)) } else { self.above.clone() }
    }
}

impl Ignores {
    /// The rules of `repo`'s working tree; `None` for a bare repository.
    pub fn of(repo: &git2::Repository) -> Option<Ignores> {
        let workdir = repo.workdir()?.to_path_buf();
        let config = repo.config().ok();
        let case_insensitive = config.as_ref().and_then(|c| c.get_bool("core.ignorecase").ok()).unwrap_or(false);
        let global = config.as_ref().and_then(|c| c.get_path("core.excludesfile").ok()).or_else(default_excludes_file);
        let base = [Some(repo.commondir().join("info").join("exclude")), global]
            .into_iter()
            .flatten()
            .filter_map(|file| rules(&workdir, &file, case_insensitive))
            .collect();
        Some(Ignores { workdir, base, case_insensitive, levels: Mutex::new(HashMap::new()) })
    }

    /// Whether `rel` (a path in the working tree, `/`-separated, not empty) is ignored: a rule
    /// of the ignore files that apply to it decides so, or it lies in an ignored directory.
    pub fn is_ignored(&self, rel: &str, is_dir: bool) -> bool {
        let parent = rel.rsplit_once('/').map_or("", |(p, _)| p);
        let level = self.level(parent);
        level.ignored || self.decide(level.ruled(), rel, is_dir)
    }

    /// What the rules say of `rel`: those of the deepest directory that has a rule for it win,
    /// then `info/exclude`, then `core.excludesFile`.
    fn decide(&self, mut at: Option<Arc<Level>>, rel: &str, is_dir: bool) -> bool {
        while let Some(level) = at {
            let below = if level.dir.is_empty() { rel } else { &rel[level.dir.len() + 1..] };
            match level.rules.as_ref().map_or(Match::None, |r| r.matched(Path::new(below), is_dir)) {
                Match::Ignore(_) => return true,
                Match::Whitelist(_) => return false,
                Match::None => at = level.above.clone(),
            }
        }
        for rules in &self.base {
            match rules.matched(Path::new(rel), is_dir) {
                Match::Ignore(_) => return true,
                Match::Whitelist(_) => return false,
                Match::None => {}
            }
        }
        false
    }

    /// What is known of directory `dir`, learnt (with the directories above it that were not
    /// asked about yet) on first use.
    fn level(&self, dir: &str) -> Arc<Level> {
        let mut levels = self.levels.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(l) = levels.get(dir) {
            return Arc::clone(l);
        }
        // The directories from `dir` up to the first one known (or the top), made top down.
        let mut missing = vec![dir];
        let mut known = None;
        let mut at = dir;
        while !at.is_empty() {
            at = at.rsplit_once('/').map_or("", |(p, _)| p);
            if let Some(l) = levels.get(at) {
                known = Some(Arc::clone(l));
                break;
            }
            missing.push(at);
        }
        let mut parent = known;
        for d in missing.into_iter().rev() {
            let ignored = match &parent {
                Some(p) => p.ignored || self.decide(p.ruled(), d, true),
                None => false,
            };
            // Below an ignored directory no rule is read: nothing there is looked at.
            let rules = if ignored { None } else { rules(&self.workdir.join(d), &self.workdir.join(d).join(".gitignore"), self.case_insensitive) };
            let above = parent.as_ref().and_then(Level::ruled);
            let level = Arc::new(Level { dir: d.to_string(), rules, above, ignored });
            levels.insert(d.to_string(), Arc::clone(&level));
            parent = Some(level);
        }
        parent.expect("at least `dir` was made")
    }
}

/// The rules of the ignore file `file`, relative to `root`; `None` when it has none (or cannot
/// be read, as git takes a missing file).
fn rules(root: &Path, file: &Path, case_insensitive: bool) -> Option<Gitignore> {
    let text = std::fs::read(file).ok()?;
    let text = String::from_utf8_lossy(&text);
    let mut builder = GitignoreBuilder::new(root);
    let _ = builder.case_insensitive(case_insensitive);
    for line in text.lines() {
        // A line that is no valid pattern is skipped, as git skips it.
        let _ = builder.add_line(Some(file.to_path_buf()), line);
    }
    builder.build().ok().filter(|g| !g.is_empty())
}

/// Where git looks for global ignore rules when `core.excludesFile` is not set.
fn default_excludes_file() -> Option<PathBuf> {
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("git").join("ignore"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `text` to `rel` under `root`, making its directories.
    fn put(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// What git itself says of `rel`.
    fn git_ignores(root: &Path, rel: &str) -> bool {
        let out = std::process::Command::new("git").args(["check-ignore", "-q", "--no-index", rel]).current_dir(root).output().expect("git runs");
        match out.status.code() {
            Some(0) => true,
            Some(1) => false,
            _ => panic!("git check-ignore {rel}: {}", String::from_utf8_lossy(&out.stderr)),
        }
    }

    #[test]
    fn the_rules_agree_with_git() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let repo = git2::Repository::init(&root).unwrap();
        put(&root, ".gitignore", "*.log\n/build/\ntmp\n!keep.log\ndocs/**/*.draft.md\n\\#hash\nspaced\\ \n");
        put(&root, "src/.gitignore", "!important.log\ngenerated/\n*.yaml\n!/keep.yaml\n");
        put(&root, "src/deep/.gitignore", "!again.yaml\n");
        put(&root, ".git/info/exclude", "local-only/\n*.secret\n");
        let paths = [
            ("a.log", false),
            ("keep.log", false),
            ("src/important.log", false),
            ("src/other.log", false),
            ("build", true),
            ("src/build", true),
            ("tmp", true),
            ("tmp", false),
            ("src/tmp", false),
            ("docs/a/b/x.draft.md", false),
            ("docs/x.md", false),
            ("#hash", false),
            ("spaced ", false),
            ("src/generated", true),
            ("src/x.yaml", false),
            ("src/keep.yaml", false),
            ("src/deep/keep.yaml", false),
            ("src/deep/again.yaml", false),
            ("src/deep/other.yaml", false),
            ("local-only", true),
            ("a/b/c.secret", false),
            ("models/card.md", false),
        ];
        let ignores = Ignores::of(&repo).unwrap();
        for (rel, is_dir) in paths {
            if is_dir {
                std::fs::create_dir_all(root.join(rel)).unwrap();
            }
            let ours = ignores.is_ignored(rel, is_dir);
            let theirs = git_ignores(&root, &if is_dir { format!("{rel}/") } else { rel.to_string() });
            assert_eq!(ours, theirs, "{rel} (directory: {is_dir})");
        }
        // Below an ignored directory, everything is ignored whatever its own rules say.
        put(&root, "build/.gitignore", "!*\n");
        assert!(Ignores::of(&repo).unwrap().is_ignored("build/x.md", false));
        assert!(git_ignores(&root, "build/x.md"));
    }
}
