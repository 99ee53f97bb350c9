//! Reading the index against the working tree: which entries are files, links or submodules, which differ from the index (by their metadata), and the untracked files, listed once and only if asked.

use super::*;

/// An index entry's merge stage: 0 for a resolved entry, 1–3 for the sides of a conflict.
pub(super) fn stage(e: &git2::IndexEntry) -> u16 {
    (e.flags >> 12) & 0x3
}

/// An index entry's path, as a relative path.
pub(crate) fn path_of(raw: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(raw).into_owned())
}

pub(super) const MODE_TYPE: u32 = 0o170000;
pub(super) const MODE_FILE: u32 = 0o100000;
pub(super) const MODE_LINK: u32 = 0o120000;
pub(super) const MODE_GITLINK: u32 = 0o160000;
pub(super) const SKIP_WORKTREE: u16 = 1 << 14;
pub(super) const INTENT_TO_ADD: u16 = 1 << 13;

/// How the working-tree file of an index entry compares with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Worktree {
    /// A file to check: its content or kind differs from the entry (or the entry is a conflict
    /// or an intent to add).
    Differs,
    /// A regular file whose content is the entry's blob.
    Same,
    /// Nothing to check: deleted, a submodule, skipped by sparse checkout, or a symbolic link
    /// as the entry records it.
    Other,
}

pub(super) fn worktree(wd: &Path, e: &git2::IndexEntry, index_mtime: Option<std::time::SystemTime>) -> Worktree {
    if e.mode & MODE_TYPE == MODE_GITLINK || e.flags_extended & SKIP_WORKTREE != 0 {
        return Worktree::Other;
    }
    let path = wd.join(path_of(&e.path));
    let Ok(meta) = std::fs::symlink_metadata(&path) else { return Worktree::Other };
    if e.flags_extended & INTENT_TO_ADD != 0 || stage(e) != 0 {
        return if meta.is_file() { Worktree::Differs } else { Worktree::Other };
    }
    let kind_matches = match e.mode & MODE_TYPE {
        MODE_FILE => meta.is_file(),
        MODE_LINK => meta.file_type().is_symlink(),
        _ => false,
    };
    if !kind_matches {
        return Worktree::Differs;
    }
    let same = if meta.file_type().is_symlink() { Worktree::Other } else { Worktree::Same };
    let modified = meta.modified().ok();
    let racy = matches!((modified, index_mtime), (Some(m), Some(i)) if m >= i);
    if !racy && metadata_matches(e, &meta) {
        return same;
    }
    if meta.file_type().is_symlink() || git2::Oid::hash_file(git2::ObjectType::Blob, &path).ok().is_none_or(|id| id != e.id) {
        return Worktree::Differs;
    }
    same
}

#[cfg(unix)]
pub(super) fn metadata_matches(e: &git2::IndexEntry, meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // The index keeps the low 32 bits of each field.
    meta.size() as u32 == e.file_size
        && meta.mtime() as u32 == e.mtime.seconds() as u32
        && meta.mtime_nsec() as u32 == e.mtime.nanoseconds()
        && meta.ino() as u32 == e.ino
}

#[cfg(not(unix))]
pub(super) fn metadata_matches(e: &git2::IndexEntry, meta: &std::fs::Metadata) -> bool {
    let secs = meta.modified().ok().and_then(|m| m.duration_since(std::time::UNIX_EPOCH).ok());
    meta.len() as u32 == e.file_size && secs.is_some_and(|d| d.as_secs() as u32 == e.mtime.seconds() as u32 && d.subsec_nanos() == e.mtime.nanoseconds())
}

/// The index's files and directories, where they are, and the ignore rules.
pub(super) struct Layout {
    /// The working tree, as libgit2 gives it.
    pub(super) workdir: PathBuf,
    pub(super) tracked: Arc<Tracked>,
    /// The working tree's ignore rules, read on first need.
    pub(super) ignores: std::sync::OnceLock<Option<crate::gitignore::Ignores>>,
}

impl Layout {
    /// Whether `rel` (relative, `/`-separated), neither tracked nor in a tracked directory,
    /// is ignored.
    pub(super) fn ignored(&self, repo: &Repository, rel: &str, is_dir: bool) -> bool {
        let ignores = self.ignores.get_or_init(|| crate::gitignore::Ignores::of(repo));
        ignores.as_ref().is_some_and(|i| i.is_ignored(rel, is_dir))
    }

    /// Whether git's listing of untracked files enters the directory `rel` (relative,
    /// `/`-separated): it holds a tracked file, or it is neither ignored nor a repository of
    /// its own.
    pub(super) fn enters(&self, repo: &Repository, rel: &str) -> bool {
        self.tracked.has_dir(rel.as_bytes()) || (!self.ignored(repo, rel, true) && !self.workdir.join(rel).join(".git").exists())
    }

    /// Every file of the working tree that is neither tracked nor ignored, as git lists them.
    /// Directories without a tracked file are asked about once and skipped whole when ignored;
    /// nested repositories are not entered.
    pub(super) fn list(&self, repo: &Repository) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let mut stack = vec![PathBuf::new()];
        while let Some(rel_dir) = stack.pop() {
            let Ok(read) = std::fs::read_dir(self.workdir.join(&rel_dir)) else { continue };
            for entry in read.flatten() {
                let name = entry.file_name();
                if name == ".git" {
                    continue;
                }
                let rel = rel_dir.join(&name);
                let Some(key) = rel.to_str().map(|s| s.replace('\\', "/")) else { continue };
                let Ok(kind) = entry.file_type() else { continue };
                if kind.is_dir() {
                    if self.enters(repo, &key) {
                        stack.push(rel);
                    }
                } else if !self.tracked.has_file(key.as_bytes()) && !self.ignored(repo, &key, false) {
                    out.push(self.workdir.join(&rel));
                }
            }
        }
        out
    }
}

/// Tells untracked files as git would list them, one file at a time: a file is untracked when
/// it is neither in the index nor ignored, and git's listing reaches it (it enters no ignored
/// directory, nor one that is a repository of its own). For a caller that walks the tree
/// anyway, this spares a second walk.
pub struct Untracked {
    pub(super) repo: Repository,
    pub(super) layout: Layout,
    /// Whether the listing enters each directory asked about so far.
    pub(super) entered: HashMap<String, bool>,
}

impl std::fmt::Debug for Untracked {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Untracked").field("workdir", &self.layout.tracked.workdir).finish_non_exhaustive()
    }
}

impl Untracked {
    /// Whether `path` (under the canonical working tree) is an untracked file git would list.
    pub fn contains(&mut self, path: &Path) -> bool {
        let Some(rel) = path.strip_prefix(&self.layout.tracked.workdir).ok().and_then(Path::to_str).map(|s| s.replace('\\', "/")) else { return false };
        if rel.is_empty() || self.layout.tracked.has_file(rel.as_bytes()) {
            return false;
        }
        for (i, _) in rel.match_indices('/') {
            let dir = &rel[..i];
            let entered = match self.entered.get(dir) {
                Some(&e) => e,
                None => *self.entered.entry(dir.to_string()).or_insert(self.layout.enters(&self.repo, dir)),
            };
            if !entered {
                return false;
            }
        }
        !self.layout.ignored(&self.repo, &rel, false)
    }

    /// Every untracked file, as git lists them.
    pub fn list(&self) -> Vec<PathBuf> {
        self.layout.list(&self.repo)
    }
}
