//! Git as a source of files: the staged content of the index (`--staged`) and the files
//! changed since the merge base with a ref (`--changed-since`), read with libgit2.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::SyncSender;
use std::sync::Arc;

use git2::Repository;
use rayon::prelude::*;

use crate::error::ToolError;

mod history;
mod index;

pub use history::*;
pub use index::*;

/// A file as staged in the index.
#[derive(Debug, Clone)]
pub struct StagedFile {
    /// The path inside the repository, `/`-separated.
    pub repo_path: String,
    /// The path in the working tree, under its canonical root (for globs and names; the file
    /// may differ or be absent).
    pub path: PathBuf,
    /// The staged bytes; empty for an entry that is not a regular file.
    pub contents: Vec<u8>,
    /// Whether it differs from HEAD (added, modified, renamed, copied).
    pub changed: bool,
    /// What the entry is when it is not a regular file: a submodule or a symbolic link, whose
    /// content is not a file of this repository's to check.
    pub other: Option<&'static str>,
}

fn open(start: &Path) -> Result<Repository, ToolError> {
    Repository::discover(start)
        .map_err(|e| ToolError::msg(format!("{} is not inside a git repository: {}", start.display(), e.message())))
}

fn workdir(repo: &Repository) -> Result<PathBuf, ToolError> {
    repo.workdir()
        .map(Path::to_path_buf)
        .ok_or_else(|| ToolError::msg("the repository is bare: there is no working tree or index to lint"))
}

/// The index the commit being made will record. `git commit -a`, `git commit PATH` and
/// `git commit --include` run the pre-commit hook on a temporary index named by
/// `GIT_INDEX_FILE` (relative to the working directory when relative, as git reads it); the
/// repository's own index would show the hook what was staged before the command, not what
/// the commit records.
fn commit_index(repo: &Repository) -> Result<git2::Index, ToolError> {
    let Some(file) = std::env::var_os("GIT_INDEX_FILE").filter(|f| !f.is_empty()) else {
        return repo.index().map_err(|e| ToolError::msg(format!("cannot read the git index: {}", e.message())));
    };
    let file = PathBuf::from(file);
    let path = crate::paths::absolute(&file).unwrap_or(file);
    if !path.is_file() {
        return Err(ToolError::msg(format!("GIT_INDEX_FILE names {}, which is not a file", path.display())));
    }
    git2::Index::open(&path).map_err(|e| ToolError::msg(format!("cannot read the git index {} (GIT_INDEX_FILE): {}", path.display(), e.message())))
}

/// The staged text of the config for `start` (see [`crate::config::Config::locate`]): the
/// first of the config names staged in `start`'s directory or one above it, up to the
/// repository's root. Its path in the working tree (under the canonical root), its path in the
/// repository, and its bytes; `None` when the index holds none.
pub fn staged_config(start: &Path, names: &[&str]) -> Result<Option<(PathBuf, String, Vec<u8>)>, ToolError> {
    let repo = open(start)?;
    let wd = workdir(&repo)?;
    let canonical = wd.canonicalize().unwrap_or_else(|_| wd.clone());
    let index = commit_index(&repo)?;
    let start = start.canonicalize().map_err(|e| ToolError::msg(format!("cannot read {}: {}", start.display(), crate::fileio::io_reason(&e))))?;
    let mut dir = if start.is_dir() { Some(start.as_path()) } else { start.parent() };
    while let Some(d) = dir.filter(|d| d.starts_with(&canonical)) {
        let rel = d.strip_prefix(&canonical).ok().and_then(Path::to_str).map(|r| r.replace('\\', "/")).unwrap_or_default();
        for name in names {
            let repo_path = if rel.is_empty() { (*name).to_string() } else { format!("{rel}/{name}") };
            let Some(entry) = index.get_path(Path::new(&repo_path), 0) else { continue };
            if entry.mode & MODE_TYPE != MODE_FILE {
                continue;
            }
            let blob = repo.find_blob(entry.id).map_err(|e| ToolError::msg(format!("cannot read staged {repo_path}: {}", e.message())))?;
            return Ok(Some((canonical.join(&repo_path), repo_path, blob.content().to_vec())));
        }
        dir = d.parent();
    }
    Ok(None)
}

/// Every file of the index the commit will record (see [`commit_index`]), with its staged
/// contents, and whether it is staged for commit. Submodules and symbolic links are listed
/// without contents (see [`StagedFile::other`]).
pub fn staged(start: &Path) -> Result<Vec<StagedFile>, ToolError> {
    let repo = open(start)?;
    let wd = workdir(&repo)?;
    let canonical = wd.canonicalize().unwrap_or_else(|_| wd.clone());
    let index = commit_index(&repo)?;
    let head_tree = repo.head().ok().and_then(|h| h.peel_to_tree().ok());
    let diff = repo
        .diff_tree_to_index(head_tree.as_ref(), Some(&index), None)
        .map_err(|e| ToolError::msg(format!("cannot compare the index with HEAD: {}", e.message())))?;
    let changed: BTreeSet<PathBuf> = diff
        .deltas()
        .filter(|d| d.status() != git2::Delta::Deleted)
        .filter_map(|d| d.new_file().path().map(Path::to_path_buf))
        .collect();
    let mut out = Vec::new();
    for entry in index.iter() {
        // Stage 0 only: conflicted entries have no single staged content.
        if stage(&entry) != 0 {
            continue;
        }
        let rel = path_of(&entry.path);
        let other = match entry.mode & MODE_TYPE {
            MODE_FILE => None,
            MODE_GITLINK => Some("a submodule: its files are committed in its own repository, not checked here"),
            MODE_LINK => Some("a symbolic link: the file it points to is checked as staged, if it is"),
            _ => Some("not a regular file"),
        };
        let contents = match other {
            Some(_) => Vec::new(),
            None => repo
                .find_blob(entry.id)
                .map_err(|e| ToolError::msg(format!("cannot read staged {}: {}", rel.display(), e.message())))?
                .content()
                .to_vec(),
        };
        out.push(StagedFile {
            repo_path: rel.to_string_lossy().replace('\\', "/"),
            path: canonical.join(&rel),
            contents,
            changed: changed.contains(&rel),
            other,
        });
    }
    out.sort_by(|a, b| a.repo_path.cmp(&b.repo_path));
    Ok(out)
}

/// What `--changed-since` learns from git.
#[derive(Debug, Default)]
pub struct Changes {
    /// Working-tree paths changed between merge-base(`reference`, HEAD) and the working tree;
    /// the untracked files among them when they were listed.
    pub changed: BTreeSet<PathBuf>,
    /// The other tracked regular files, under the canonical working tree, with their blob id:
    /// each file's content is that blob, as git's own status would conclude (by metadata, or by
    /// hashing when the metadata does not settle it).
    pub unchanged: foldhash::HashMap<PathBuf, git2::Oid>,
    /// When the untracked files were not listed: what tells one, file by file.
    pub untracked: Option<Untracked>,
    /// What the user is to be told: a submodule whose changes could not be told apart, all of
    /// whose files count as changed.
    pub notes: Vec<String>,
}

/// The paths of an index and the directories that hold them, `/`-separated and relative to
/// the working tree. Reading an index costs a hash of the whole file (about 10 ms at 10,000
/// entries): a `--changed-since` run reads it once and hands these to the walk.
#[derive(Debug)]
pub struct Tracked {
    /// The working tree, canonical.
    pub workdir: PathBuf,
    files: foldhash::HashSet<Box<[u8]>>,
    dirs: foldhash::HashSet<Box<[u8]>>,
}

impl Tracked {
    /// The paths of an index's entries, whose working tree is `workdir` (canonical).
    pub fn of(entries: &[git2::IndexEntry], workdir: PathBuf) -> Tracked {
        let mut files = foldhash::HashSet::with_capacity_and_hasher(entries.len(), Default::default());
        let mut dirs = foldhash::HashSet::default();
        for e in entries {
            // Each directory of the path, deepest first, up to one already known (whose own
            // directories are known with it).
            for (i, _) in e.path.iter().enumerate().rev().filter(|(_, &b)| b == b'/') {
                if !dirs.insert(Box::from(&e.path[..i])) {
                    break;
                }
            }
            files.insert(Box::from(e.path.as_slice()));
        }
        Tracked { workdir, files, dirs }
    }

    /// Whether `rel` is a tracked file.
    pub fn has_file(&self, rel: &[u8]) -> bool {
        self.files.contains(rel)
    }

    /// Whether `rel` is a directory that holds a tracked file.
    pub fn has_dir(&self, rel: &[u8]) -> bool {
        self.dirs.contains(rel)
    }
}

/// The files changed between merge-base(`reference`, HEAD) and the working tree, and the blob ids
/// of those that are not (see [`Changes`]). Untracked files are listed when `list_untracked`;
/// otherwise [`Changes::untracked`] tells them, for a caller that walks the tree anyway. The
/// index's paths are sent to `share` as soon as they are read (the walk's, running meanwhile).
///
/// What libgit2's tree-to-working-tree diff finds, found faster: three passes run at once — the
/// merge-base tree against the index (staged changes, in libgit2), each index entry against
/// its file's metadata (unstaged changes, over every core), and a walk for untracked files that
/// prunes ignored directories. A file whose metadata no longer matches its index entry is
/// hashed before it counts as changed, so a touched but unmodified file is not reported; a file
/// that only a checkout filter (line endings, LFS) makes differ may be, which costs a check of
/// one more file and never hides a change.
pub fn changed_since(start: &Path, reference: &str, list_untracked: bool, share: Option<SyncSender<Arc<Tracked>>>) -> Result<Changes, ToolError> {
    let repo = open(start)?;
    let wd = workdir(&repo)?;
    let canonical = wd.canonicalize().unwrap_or_else(|_| wd.clone());
    let tree = merge_base_tree(&repo, reference)?.id();
    let mut index = repo.index().map_err(|e| ToolError::msg(format!("cannot read the git index: {}", e.message())))?;
    let entries: Vec<git2::IndexEntry> = index.iter().collect();
    let tracked = Arc::new(Tracked::of(&entries, canonical.clone()));
    if let Some(share) = share {
        // A walk that has stopped listening reads the index itself.
        let _ = share.send(Arc::clone(&tracked));
    }
    // An entry whose file was written in the same second as the index may look clean by its
    // metadata and still differ ("racily clean"): such entries are hashed as well.
    let index_mtime = std::fs::metadata(repo.path().join("index")).ok().and_then(|m| m.modified().ok());
    let git_dir = repo.path().to_path_buf();
    let layout = Layout { workdir: wd.clone(), tracked, ignores: std::sync::OnceLock::new() };
    let by_ids = staged_by_ids(&repo, &mut index, tree, &wd);

    let (staged, (states, untracked)) = std::thread::scope(|s| {
        let staged = s.spawn(|| -> Result<Vec<PathBuf>, ToolError> {
            if let Some(staged) = by_ids {
                return Ok(staged);
            }
            let repo = Repository::open(&git_dir).map_err(|e| ToolError::msg(e.message().to_string()))?;
            let tree = repo.find_tree(tree).map_err(|e| ToolError::msg(format!("cannot read the merge-base tree: {}", e.message())))?;
            let diff = repo
                .diff_tree_to_index(Some(&tree), None, None)
                .map_err(|e| ToolError::msg(format!("cannot compare with `{reference}`: {}", e.message())))?;
            Ok(diff.deltas().filter(|d| d.status() != git2::Delta::Deleted).filter_map(|d| d.new_file().path().map(|p| wd.join(p))).collect())
        });
        let untracked = list_untracked.then(|| {
            s.spawn(|| -> Result<Vec<PathBuf>, ToolError> {
                let repo = Repository::open(&git_dir).map_err(|e| ToolError::msg(e.message().to_string()))?;
                Ok(layout.list(&repo))
            })
        });
        let states: Vec<(Worktree, &git2::IndexEntry)> = entries.par_iter().map(|e| (worktree(&wd, e, index_mtime), e)).collect();
        let staged = staged.join().unwrap_or_else(|_| Err(ToolError::msg("comparing with the merge base failed")));
        let untracked = untracked.map(|u| u.join().unwrap_or_else(|_| Err(ToolError::msg("listing untracked files failed"))));
        (staged, (states, untracked))
    });
    let mut changed: BTreeSet<PathBuf> = staged?.into_iter().collect();
    changed.extend(states.iter().filter(|(w, _)| *w == Worktree::Differs).map(|(_, e)| wd.join(path_of(&e.path))));
    // Submodules: the files in each that changed since the commit the merge base records.
    let mut notes = Vec::new();
    let mut subs = Vec::new();
    let gitlinks: Vec<&git2::IndexEntry> = entries.iter().filter(|e| e.mode & MODE_TYPE == MODE_GITLINK && stage(e) == 0).collect();
    if !gitlinks.is_empty() {
        let base = repo.find_tree(tree).ok();
        for e in gitlinks {
            let rel = path_of(&e.path);
            let dir = wd.join(&rel);
            // A submodule that is not checked out has no files, for a walk as for this.
            if !dir.join(".git").exists() {
                continue;
            }
            let recorded = base.as_ref().and_then(|t| t.get_path(&rel).ok()).filter(|t| t.kind() == Some(git2::ObjectType::Commit)).map(|t| t.id());
            match submodule_changes(&dir, recorded) {
                Ok(sub) => subs.push(sub),
                Err(why) => {
                    notes.push(format!("submodule {}: {why}; every file in it is checked as changed", rel.display()));
                    changed.extend(files_below(&dir));
                }
            }
        }
    }
    let untracked = match untracked.transpose()? {
        Some(listed) => {
            changed.extend(listed);
            None
        }
        None => Some(Untracked { repo, layout, entered: HashMap::new() }),
    };
    let mut unchanged: foldhash::HashMap<PathBuf, git2::Oid> = states
        .iter()
        .filter(|(w, _)| *w == Worktree::Same)
        .map(|(_, e)| (wd.join(path_of(&e.path)), e.id))
        .filter(|(p, _)| !changed.contains(p))
        .filter_map(|(p, id)| Some((canonical.join(p.strip_prefix(&wd).ok()?), id)))
        .collect();
    for sub in subs {
        changed.extend(sub.changed);
        unchanged.extend(sub.unchanged);
        notes.extend(sub.notes);
    }
    Ok(Changes { changed, unchanged, untracked, notes })
}

/// The changes of the submodule checked out in `dir` since `recorded`, the commit the merge
/// base records for it (followed the same way, into its own submodules): what a walk of the
/// superproject, which enters submodules, would find changed there. A submodule added since
/// the merge base (`None`) is new in every file.
fn submodule_changes(dir: &Path, recorded: Option<git2::Oid>) -> Result<Changes, String> {
    let Some(id) = recorded else {
        return Ok(Changes { changed: files_below(dir).into_iter().collect(), ..Changes::default() });
    };
    let sub = Repository::open(dir).map_err(|e| format!("cannot be opened ({})", e.message()))?;
    if sub.find_commit(id).is_err() {
        return Err(format!("the commit the merge base records for it ({id}) is not in its repository (fetch it with `git submodule update`)"));
    }
    drop(sub);
    changed_since(dir, &id.to_string(), true, None).map_err(|e| e.message)
}

/// Every regular file below `dir`, outside `.git`.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| e.file_name() != ".git")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// The files that differ between the tree `base` and the index (added or modified), found by
/// the trees' ids: the index's root tree comes from git's cache of the index's trees, which
/// commit, checkout and reset keep whole, and only subtrees whose ids differ are read. `None`
/// when that cache is not whole (the tree would have to be built) or a tree cannot be read:
/// the caller compares the tree with the index entry by entry instead.
fn staged_by_ids(repo: &Repository, index: &mut git2::Index, base: git2::Oid, wd: &Path) -> Option<Vec<PathBuf>> {
    // Written to an object database in memory alone, the index's tree is its cached id, or
    // an error (a tree to build refers to objects that database lacks): nothing is ever written
    // to the repository.
    let odb = git2::Odb::new().ok()?;
    odb.add_new_mempack_backend(1).ok()?;
    let memory = Repository::from_odb(odb).ok()?;
    let id = index.write_tree_to(&memory).ok()?;
    let mut out = Vec::new();
    differing(repo, Some(base), id, wd, &mut out)?;
    Some(out)
}

/// Adds to `out` the files of tree `new` (at `dir`) whose blob or mode differs from the entry
/// at the same path in tree `old`, reading only the subtrees whose ids differ. Submodules are
/// not files and are left out.
fn differing(repo: &Repository, old: Option<git2::Oid>, new: git2::Oid, dir: &Path, out: &mut Vec<PathBuf>) -> Option<()> {
    if old == Some(new) {
        return Some(());
    }
    let new = repo.find_tree(new).ok()?;
    let old = match old {
        Some(id) => Some(repo.find_tree(id).ok()?),
        None => None,
    };
    for entry in new.iter() {
        let before = old.as_ref().and_then(|t| t.get_name_bytes(entry.name_bytes()));
        if before.as_ref().is_some_and(|b| b.id() == entry.id() && b.filemode() == entry.filemode()) {
            continue;
        }
        let path = dir.join(path_of(entry.name_bytes()));
        match entry.kind() {
            Some(git2::ObjectType::Tree) => {
                let subtree = before.filter(|b| b.kind() == Some(git2::ObjectType::Tree)).map(|b| b.id());
                differing(repo, subtree, entry.id(), &path, out)?;
            }
            Some(git2::ObjectType::Blob) => out.push(path),
            _ => {}
        }
    }
    Some(())
}

/// The tree of merge-base(`reference`, HEAD), with the errors a user can act on.
fn merge_base_tree<'r>(repo: &'r Repository, reference: &str) -> Result<git2::Tree<'r>, ToolError> {
    let target = repo
        .revparse_single(reference)
        .and_then(|o| o.peel_to_commit())
        .map_err(|_| ToolError::msg(format!("unknown revision `{reference}` (is it fetched? try `git fetch origin`)")))?;
    let head = repo
        .head()
        .and_then(|h| h.peel_to_commit())
        .map_err(|e| ToolError::msg(format!("cannot resolve HEAD: {}", e.message())))?;
    let base = repo.merge_base(target.id(), head.id()).map_err(|_| {
        let shallow = if repo.is_shallow() {
            " — this is a shallow clone; fetch more history (`git fetch --unshallow`, or `fetch-depth: 0` in actions/checkout)"
        } else {
            ""
        };
        ToolError::msg(format!("no merge base between `{reference}` and HEAD{shallow}"))
    })?;
    repo.find_commit(base)
        .and_then(|c| c.tree())
        .map_err(|e| ToolError::msg(format!("cannot read the merge-base tree: {}", e.message())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn commit_all(repo: &Repository, message: &str) {
        let mut index = repo.index().unwrap();
        index.add_all(["*"], git2::IndexAddOption::DEFAULT, None).unwrap();
        index.update_all(["*"], None).unwrap();
        // As git does, the index is written with the cache of its trees.
        let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
        index.write().unwrap();
        let sig = git2::Signature::now("t", "t@example.invalid").unwrap();
        let parents: Vec<git2::Commit> = repo.head().ok().and_then(|h| h.peel_to_commit().ok()).into_iter().collect();
        let parents: Vec<&git2::Commit> = parents.iter().collect();
        repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents).unwrap();
    }

    /// A new repository in a temporary directory (kept while the first value lives), and its
    /// canonical working tree.
    fn scratch() -> (tempfile::TempDir, PathBuf, Repository) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().canonicalize().unwrap();
        let repo = Repository::init(&root).unwrap();
        (dir, root, repo)
    }

    /// Writes `text` to `rel` under `root`, making its directories.
    fn put(root: &Path, rel: &str, text: &str) {
        let p = root.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    /// libgit2's own answer, which `changed_since` must match.
    fn reference_answer(root: &Path, reference: &str) -> BTreeSet<PathBuf> {
        let repo = Repository::open(root).unwrap();
        let wd = repo.workdir().unwrap().to_path_buf();
        let tree = merge_base_tree(&repo, reference).unwrap();
        let mut opts = git2::DiffOptions::new();
        opts.include_untracked(true).recurse_untracked_dirs(true);
        let diff = repo.diff_tree_to_workdir_with_index(Some(&tree), Some(&mut opts)).unwrap();
        // A repository of its own is one untracked entry, a directory: not a file to check.
        diff.deltas()
            .filter(|d| d.status() != git2::Delta::Deleted)
            .filter_map(|d| d.new_file().path().map(|p| wd.join(p)))
            .filter(|p| !p.is_dir())
            .collect()
    }

    #[test]
    fn changed_files_match_libgit2_diff() {
        let (_dir, root, repo) = scratch();
        let write = |rel: &str, text: &str| put(&root, rel, text);
        // Files older than the index are judged by their metadata alone; newer ones are hashed.
        let age = |rel: &str, secs: u64| {
            let f = std::fs::File::options().write(true).open(root.join(rel)).unwrap();
            f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(secs)).unwrap();
        };
        write(".gitignore", "*.log\nbuild/\n");
        for f in ["a.md", "b.md", "c.md", "d.md", "e.md", "deep/x/f.md"] {
            write(f, &format!("{f}\n"));
            age(f, 3600);
        }
        commit_all(&repo, "base");
        let base = repo.head().unwrap().peel_to_commit().unwrap().id();
        repo.branch("base", &repo.find_commit(base).unwrap(), false).unwrap();
        write("e.md", "e changed and committed\n");
        commit_all(&repo, "later");
        let mut expected = BTreeSet::from([root.join("e.md")]);

        write("a.md", "a changed, not staged\n");
        age("a.md", 1800);
        expected.insert(root.join("a.md"));
        write("b.md", "b changed and staged\n");
        let mut index = repo.index().unwrap();
        index.add_path(Path::new("b.md")).unwrap();
        index.write().unwrap();
        expected.insert(root.join("b.md"));
        // Rewritten with the same bytes: its metadata changes, its content does not.
        write("c.md", "c.md\n");
        age("c.md", 1800);
        std::fs::remove_file(root.join("d.md")).unwrap();
        write("deep/x/f.md", "same length\n");
        expected.insert(root.join("deep/x/f.md"));
        write("new/dir/g.md", "untracked\n");
        expected.insert(root.join("new/dir/g.md"));
        write("top.md", "untracked\n");
        expected.insert(root.join("top.md"));
        write("run.log", "ignored\n");
        write("build/out.md", "ignored directory\n");
        write("deep/h.log", "ignored\n");
        write("build/keep.md", "ignored directory\n");
        // A repository of its own inside the tree: git does not list its files.
        Repository::init(root.join("nested")).unwrap();
        write("nested/n.md", "another repository\n");

        let found = changed_since(&root, "base", true, None).unwrap();
        assert!(found.untracked.is_none());
        assert_eq!(found.changed, expected);
        assert_eq!(found.changed, reference_answer(&root, "base"));

        // Not listed, the untracked files are told file by file, among every file of the tree.
        let mut told = changed_since(&root, "base", false, None).unwrap();
        let mut untracked = told.untracked.take().unwrap();
        for entry in walkdir::WalkDir::new(&root).into_iter().filter_entry(|e| e.file_name() != ".git") {
            let path = entry.unwrap().into_path();
            if path.is_file() && untracked.contains(&path) {
                told.changed.insert(path);
            }
        }
        assert_eq!(told.changed, expected);
        assert_eq!(told.unchanged, found.unchanged);
        // The rest of the tracked files, with the blob their content hashes to (the rewritten
        // c.md among them; the deleted d.md is not).
        let unchanged: BTreeSet<&PathBuf> = found.unchanged.keys().collect();
        assert_eq!(unchanged, BTreeSet::from([&root.join(".gitignore"), &root.join("c.md")]));
        for (path, id) in &found.unchanged {
            assert_eq!(git2::Oid::hash_file(git2::ObjectType::Blob, path).unwrap(), *id, "{}", path.display());
        }
    }

    #[test]
    fn staged_changes_found_by_tree_ids_are_libgit2s() {
        let (_dir, root, repo) = scratch();
        let write = |rel: &str, text: &str| put(&root, rel, text);
        for f in ["a/b/c/x.md", "a/b/y.md", "a/z.md", "top.md", "d/e/f.md", "g/same.md", "run.sh"] {
            write(f, &format!("{f}\n"));
        }
        commit_all(&repo, "base");
        let base = repo.head().unwrap().peel_to_tree().unwrap().id();
        repo.branch("base", &repo.head().unwrap().peel_to_commit().unwrap(), false).unwrap();
        write("a/b/c/x.md", "changed deep down\n");
        write("a/b/new.md", "added\n");
        std::fs::remove_file(root.join("d/e/f.md")).unwrap();
        write("d/e/other.md", "added where one was removed\n");
        std::fs::remove_file(root.join("top.md")).unwrap();
        write("top.md/inner.md", "a file that became a directory\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(root.join("run.sh"), std::fs::Permissions::from_mode(0o755)).unwrap();
        }
        commit_all(&repo, "later");

        // Opened afresh, as a run does: the index's trees come from the file.
        let repo = Repository::open(&root).unwrap();
        let libgit2 = |repo: &Repository| -> BTreeSet<PathBuf> {
            let diff = repo.diff_tree_to_index(Some(&repo.find_tree(base).unwrap()), None, None).unwrap();
            diff.deltas().filter(|d| d.status() != git2::Delta::Deleted).filter_map(|d| d.new_file().path().map(|p| root.join(p))).collect()
        };
        let mut index = repo.index().unwrap();
        let found: BTreeSet<PathBuf> = staged_by_ids(&repo, &mut index, base, &root).expect("a commit leaves the cache whole").into_iter().collect();
        let mut expected: BTreeSet<PathBuf> = ["a/b/c/x.md", "a/b/new.md", "d/e/other.md", "top.md/inner.md"].iter().map(|f| root.join(f)).collect();
        if cfg!(unix) {
            expected.insert(root.join("run.sh"));
        }
        assert_eq!(found, expected);
        assert_eq!(found, libgit2(&repo));
        assert_eq!(changed_since(&root, "base", true, None).unwrap().changed, reference_answer(&root, "base"));

        // A staged file leaves the cache of its directories incomplete: the entries are
        // compared one by one, and the answer is the same.
        write("g/same.md", "staged\n");
        let mut index = repo.index().unwrap();
        index.add_path(Path::new("g/same.md")).unwrap();
        index.write().unwrap();
        let repo = Repository::open(&root).unwrap();
        assert!(staged_by_ids(&repo, &mut repo.index().unwrap(), base, &root).is_none());
        expected.insert(root.join("g/same.md"));
        assert_eq!(libgit2(&repo), expected);
        assert_eq!(changed_since(&root, "base", true, None).unwrap().changed, expected);
    }

    #[test]
    fn an_unknown_reference_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let repo = Repository::init(dir.path()).unwrap();
        std::fs::write(dir.path().join("a.md"), "a").unwrap();
        commit_all(&repo, "base");
        let err = changed_since(dir.path(), "nope", true, None).unwrap_err();
        assert!(err.to_string().contains("unknown revision `nope`"), "{err}");
    }

    #[test]
    fn credentials_are_dropped_from_remote_urls() {
        assert_eq!(without_credentials("https://user:tok@example.com/a/b.git"), "https://example.com/a/b.git");
        assert_eq!(without_credentials("https://example.com/a@b.git"), "https://example.com/a@b.git");
        assert_eq!(without_credentials("git@example.com:a/b.git"), "git@example.com:a/b.git");
    }
}
