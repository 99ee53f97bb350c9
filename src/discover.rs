//! Discovery: which files a run reads.
//!
//! Walks each target with walkdir, in a fixed order; skips `.git/` and the result cache
//! (`.govlint-cache/`, or the `--cache-dir` inside the target), what git ignores when the
//! target is inside a repository (.gitignore, .git/info/exclude, the global excludes file, all
//! through libgit2), and the config's `exclude` globs. Symbolic links are never followed out of
//! the target, and never into directories (no loops). A file named on the command line is read
//! even when ignored, as with most linters.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::fileio::io_reason;
use crate::config::Config;
use crate::git::Tracked;
use crate::parse::Syntax;
use crate::error::ToolError;

/// A file to read.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub path: PathBuf,
    pub syntax: Syntax,
    /// Named on the command line rather than found by walking.
    pub explicit: bool,
    /// The bytes to lint, when they do not come from the file (staged content).
    pub contents: Option<Vec<u8>>,
    /// The name shown to users, when known beforehand: the repository path of staged content,
    /// or the walk's name for the path (as [`crate::paths::display_path`] gives it).
    pub display: Option<String>,
    /// Whether its findings are reported (false: read only for repository rules).
    pub report: bool,
    /// The git blob id of its content, when git knows the file unchanged (`--changed-since`):
    /// a cached file with that blob need not be read.
    pub blob: Option<git2::Oid>,
}

impl Candidate {
    pub fn new(path: PathBuf, syntax: Syntax, explicit: bool) -> Candidate {
        Candidate { path, syntax, explicit, contents: None, display: None, report: true, blob: None }
    }

    /// The name shown to users.
    pub fn name(&self) -> String {
        self.display.clone().unwrap_or_else(|| crate::paths::display_path(&self.path))
    }
}

/// The staged files of the repository holding `targets[0]`, limited to the targets; only those
/// staged for commit are reported. The targets are resolved (`..`, symbolic links) before
/// they are compared with the files' places in the working tree; a file outside the working
/// directory is named by its full path.
pub fn staged(targets: &[PathBuf], config: &Config) -> Result<Found, ToolError> {
    let mut found = Found::default();
    let roots: Vec<PathBuf> = targets
        .iter()
        .map(|t| t.canonicalize().map_err(|e| ToolError::msg(format!("cannot read {}: {}", t.display(), io_reason(&e)))))
        .collect::<Result<_, _>>()?;
    let config_path = config.path.as_deref().and_then(|c| c.canonicalize().ok());
    for f in crate::git::staged(&targets[0])? {
        if !roots.iter().any(|r| f.path.starts_with(r)) {
            continue;
        }
        let name = crate::paths::display_path(&f.path);
        if let Some(reason) = f.other {
            if f.changed {
                found.skipped.push(Skipped { path: name, reason: reason.to_string() });
            }
            continue;
        }
        let Some(syntax) = Syntax::from_path(&f.path) else { continue };
        if config_path.as_deref().is_some_and(|c| c == f.path) || config.path.as_deref() == Some(f.path.as_path()) || config.is_excluded(&f.path) {
            continue;
        }
        found.candidates.push(Candidate {
            path: f.path,
            syntax,
            explicit: false,
            contents: Some(f.contents),
            display: Some(name),
            report: f.changed,
            blob: None,
        });
    }
    Ok(found)
}

/// The files among `changed` (resolved paths, as git reports them) that a walk of `targets`
/// would find, without walking: for `--changed-since` when nothing needs the unchanged files.
/// `None` when a target is not a directory (the caller walks instead).
pub fn among(targets: &[PathBuf], changed: &BTreeSet<PathBuf>, config: &Config) -> Option<Found> {
    let roots: Vec<(&PathBuf, PathBuf)> = targets.iter().map(|t| Some((t, t.canonicalize().ok().filter(|c| c.is_dir())?))).collect::<Option<_>>()?;
    let cache_dir = config.cache_dir.as_deref().and_then(|d| d.canonicalize().ok());
    let mut found = Found::default();
    for abs in changed {
        let Some((root, canonical_root)) = roots.iter().find(|(_, c)| abs.starts_with(c)) else { continue };
        let Ok(rel) = abs.strip_prefix(canonical_root) else { continue };
        let path = root.join(rel);
        let Some(syntax) = Syntax::from_path(&path) else { continue };
        if rel.components().any(|c| c.as_os_str() == ".git" || c.as_os_str() == crate::config::CACHE_DIR_NAME)
            || cache_dir.as_deref().is_some_and(|d| abs.starts_with(d))
            || config.path.as_deref().is_some_and(|c| same_file(c, &path))
            || path.ancestors().take_while(|a| a.starts_with(root) && *a != root.as_path()).any(|a| config.is_excluded(a))
        {
            continue;
        }
        let Ok(meta) = path.symlink_metadata() else { continue };
        let regular = if meta.file_type().is_symlink() {
            path.canonicalize().is_ok_and(|t| t.starts_with(canonical_root) && t.is_file())
        } else {
            meta.is_file()
        };
        if regular {
            found.candidates.push(Candidate::new(path, syntax, false));
        }
    }
    found.candidates.sort_by(|a, b| a.path.cmp(&b.path));
    Some(found)
}

/// A path not read, and why (shown with `--verbose`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// What discovery found.
#[derive(Debug, Default)]
pub struct Found {
    pub candidates: Vec<Candidate>,
    pub skipped: Vec<Skipped>,
    /// What the user is to be told of the walk (see [`crate::config::Config::notes`]): a git
    /// repository that could not be opened, whose ignore rules were therefore not applied.
    pub notes: Vec<String>,
}

struct Ignorer {
    /// The repository, to read its ignore rules from on first need (libgit2's handle is not
    /// shared between the walk's workers).
    repo: Option<std::sync::Mutex<git2::Repository>>,
    /// Its ignore rules, read on first need: a walk of tracked paths alone never needs them.
    ignores: std::sync::OnceLock<Option<crate::gitignore::Ignores>>,
    workdir: Option<PathBuf>,
    /// The index's paths and their directories: never ignored, and asked about without libgit2
    /// (whose ignore check reads the ignore files of every parent directory on each call).
    tracked: Option<Arc<Tracked>>,
    /// The walked root in the working tree (`/`-separated, empty at its top).
    root_in_workdir: Option<String>,
}

/// The index's paths as git's account of the changes reads them, when it runs beside the walk
/// (`--changed-since`): waited for at the first root inside a repository, then used for every
/// root in the same working tree.
#[derive(Debug, Default)]
pub struct SharedIndex {
    from: Option<Receiver<Arc<Tracked>>>,
    got: Option<Arc<Tracked>>,
}

impl SharedIndex {
    pub fn new(from: Receiver<Arc<Tracked>>) -> SharedIndex {
        SharedIndex { from: Some(from), got: None }
    }

    /// The paths sent, if they are of the working tree `workdir` (canonical); `None` when none
    /// were (git's account failed before reading the index).
    fn of(&mut self, workdir: &Path) -> Option<Arc<Tracked>> {
        if let Some(from) = self.from.take() {
            self.got = from.recv().ok();
        }
        self.got.clone().filter(|t| t.workdir == workdir)
    }
}

impl Ignorer {
    fn for_path(root: &Path, shared: &mut SharedIndex, notes: &mut Vec<String>) -> Ignorer {
        let repo = match git2::Repository::discover(root) {
            Ok(repo) => Some(repo),
            Err(e) if e.code() == git2::ErrorCode::NotFound => None,
            // A repository is there and libgit2 will not open it (owned by another user, or
            // broken): the walk goes on without its ignore rules, and says so.
            Err(e) => {
                let note = format!("{}: the git repository it is in cannot be opened ({}); its .gitignore files are not applied", root.display(), e.message());
                if !notes.contains(&note) {
                    notes.push(note);
                }
                None
            }
        };
        let workdir = repo.as_ref().and_then(|r| r.workdir()).and_then(|w| w.canonicalize().ok());
        let root_in_workdir = match (&workdir, root.canonicalize()) {
            (Some(wd), Ok(abs)) => abs.strip_prefix(wd).ok().and_then(Path::to_str).map(slashed),
            _ => None,
        };
        let tracked = workdir.as_deref().and_then(|wd| {
            shared.of(wd).or_else(|| {
                let index = repo.as_ref()?.index().ok()?;
                let entries: Vec<git2::IndexEntry> = index.iter().collect();
                Some(Arc::new(Tracked::of(&entries, wd.to_path_buf())))
            })
        });
        Ignorer { repo: repo.map(std::sync::Mutex::new), ignores: std::sync::OnceLock::new(), workdir, tracked, root_in_workdir }
    }

    /// Whether `path`, found by the walk at `rel` below its root (`/`-separated), is ignored
    /// as git sees it: matched by an ignore rule and not tracked (a tracked file is never
    /// ignored).
    fn is_ignored(&self, path: &Path, rel: Option<&str>, is_dir: bool) -> bool {
        let (Some(repo), Some(wd)) = (&self.repo, &self.workdir) else { return false };
        // The walk does not follow links, so a path under the root is the root's resolved path
        // joined with the rest; only other paths need resolving.
        let key = match (&self.root_in_workdir, rel) {
            (Some(prefix), Some(rel)) if prefix.is_empty() => rel.to_string(),
            (Some(prefix), Some(rel)) => format!("{prefix}/{rel}"),
            _ => {
                let Ok(abs) = path.canonicalize() else { return false };
                match abs.strip_prefix(wd).ok().and_then(Path::to_str) {
                    Some(rel) => slashed(rel),
                    None => return false,
                }
            }
        };
        if key.is_empty() || self.tracked.as_ref().is_some_and(|t| t.has_file(key.as_bytes()) || t.has_dir(key.as_bytes())) {
            return false;
        }
        let ignores = self.ignores.get_or_init(|| repo.lock().ok().and_then(|r| crate::gitignore::Ignores::of(&r)));
        ignores.as_ref().is_some_and(|i| i.is_ignored(&key, is_dir))
    }
}

/// A relative path with `/` as its separator.
fn slashed(rel: &str) -> String {
    if std::path::MAIN_SEPARATOR == '/' {
        rel.to_string()
    } else {
        rel.replace(std::path::MAIN_SEPARATOR, "/")
    }
}

/// `path` relative to `root`, `/`-separated, for a path the walk found below `root` (so its
/// text starts with the root's); `None` for a path that is not UTF-8.
fn below(root: &str, path: &Path) -> Option<String> {
    let rest = path.to_str()?.strip_prefix(root)?;
    let rest = if root.ends_with(std::path::MAIN_SEPARATOR) { rest } else { rest.strip_prefix(std::path::MAIN_SEPARATOR)? };
    Some(slashed(rest))
}

/// Finds the files under `targets`.
pub fn discover(targets: &[PathBuf], config: &Config) -> Result<Found, ToolError> {
    discover_sharing(targets, config, SharedIndex::default())
}

/// [`discover`], with the index's paths from git's account of the changes when they come.
pub fn discover_sharing(targets: &[PathBuf], config: &Config, mut shared: SharedIndex) -> Result<Found, ToolError> {
    let mut found = Found::default();
    for target in targets {
        let meta = std::fs::metadata(target)
            .map_err(|e| ToolError::msg(format!("cannot read {}: {}", target.display(), io_reason(&e))))?;
        if meta.is_file() {
            match Syntax::from_path(target) {
                Some(syntax) => found.candidates.push(Candidate::new(target.clone(), syntax, true)),
                None => found.skipped.push(skip(target, "not a YAML, JSON or Markdown file")),
            }
            continue;
        }
        if !meta.is_dir() {
            found.skipped.push(skip(target, "not a regular file or directory"));
            continue;
        }
        walk(target, config, &mut found, &mut shared)?;
    }
    found.skipped.sort();
    found.skipped.dedup();
    Ok(found)
}

fn walk(root: &Path, config: &Config, found: &mut Found, shared: &mut SharedIndex) -> Result<(), ToolError> {
    let ignorer = Ignorer::for_path(root, shared, &mut found.notes);
    let canonical_root = root
        .canonicalize()
        .map_err(|e| ToolError::msg(format!("cannot read {}: {}", root.display(), io_reason(&e))))?;
    // Each path is matched against the ignore rules and the exclude globs by its text below the
    // root, joined to the root's place in the working tree and below the config root, each
    // found once (a path of the walk is the root joined with names: nothing to normalize).
    let root_text = root.to_str();
    let base = config.relative(root);
    let base = base.to_str().map(slashed).filter(|_| root_text.is_some());
    let excluded = |path: &Path, rel: Option<&str>| match (&base, rel) {
        (Some(base), Some(rel)) if base.is_empty() => config.is_excluded_relative(rel),
        (Some(base), Some(rel)) => config.is_excluded_relative(format!("{base}/{rel}")),
        _ => config.is_excluded(path),
    };
    let rel_of = |path: &Path| root_text.and_then(|r| below(r, path));
    // Each file's name as shown, from its text below the root (see `crate::paths::display_path`).
    let shown = crate::paths::display_prefix(root).filter(|_| root_text.is_some());
    let name = |rel: &str| match &shown {
        Some(prefix) if prefix.is_empty() => Some(rel.to_string()),
        Some(prefix) => Some(format!("{prefix}/{rel}")),
        None => None,
    };
    let cache_dir = config.cache_dir.as_deref().and_then(|d| d.canonicalize().ok());
    // Whether the walk enters a directory; those it prunes are recorded in `pruned`.
    let enter = |e: &walkdir::DirEntry, pruned: &mut Vec<Skipped>| -> bool {
        if e.depth() == 0 || !e.file_type().is_dir() {
            return true;
        }
        // The result cache is govlint's own: never linted, and not listed as skipped.
        if e.file_name() == ".git" || e.file_name() == crate::config::CACHE_DIR_NAME {
            return false;
        }
        if cache_dir.as_deref().is_some_and(|d| d.file_name() == Some(e.file_name()) && e.path().canonicalize().is_ok_and(|p| p == d)) {
            return false;
        }
        let rel = rel_of(e.path());
        if excluded(e.path(), rel.as_deref()) {
            pruned.push(skip(e.path(), "excluded by the config"));
            return false;
        }
        if ignorer.is_ignored(e.path(), rel.as_deref(), true) {
            pruned.push(skip(e.path(), "ignored by git"));
            return false;
        }
        true
    };
    // The entries under `start` in the walk's order (`start` first), and what could not be read
    // or was pruned; only its own entries when `top`.
    let walk_from = |start: &Path, top: bool| -> (Vec<walkdir::DirEntry>, Vec<Skipped>) {
        let mut pruned = Vec::new();
        let mut skipped = Vec::new();
        let mut entries = Vec::new();
        let walker = WalkDir::new(start).follow_links(false).sort_by_file_name().max_depth(if top { 1 } else { usize::MAX });
        for entry in walker.into_iter().filter_entry(|e| enter(e, &mut pruned)) {
            match entry {
                Ok(e) => entries.push(e),
                Err(e) => {
                    let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| start.to_path_buf());
                    let reason = e.io_error().map(io_reason).unwrap_or_else(|| e.to_string());
                    skipped.push(skip(&path, &format!("cannot be read: {reason}")));
                }
            }
        }
        skipped.append(&mut pruned);
        (entries, skipped)
    };
    // The directories at the top are walked each on its own, over the workers; their entries
    // are joined in the walk's order.
    let (top, mut skipped) = walk_from(root, true);
    let parts: Vec<(Vec<walkdir::DirEntry>, Vec<Skipped>)> = top
        .into_par_iter()
        .map(|e| if e.depth() == 1 && e.file_type().is_dir() { walk_from(e.path(), false) } else { (vec![e], Vec::new()) })
        .collect();
    let mut entries = Vec::new();
    for (mut e, mut s) in parts {
        entries.append(&mut e);
        skipped.append(&mut s);
    }
    for e in entries {
        let path = e.path();
        let ft = e.file_type();
        if ft.is_dir() {
            continue;
        }
        if ft.is_symlink() && path.metadata().is_ok_and(|m| m.is_dir()) {
            skipped.push(skip(path, "symbolic link to a directory (not followed)"));
            continue;
        }
        let Some(syntax) = Syntax::from_path(path) else {
            skipped.push(skip(path, "not a YAML, JSON or Markdown file"));
            continue;
        };
        if config.path.as_deref().is_some_and(|c| c.file_name() == path.file_name() && same_file(c, path)) {
            skipped.push(skip(path, "the govlint configuration"));
            continue;
        }
        let rel = rel_of(path);
        if excluded(path, rel.as_deref()) {
            skipped.push(skip(path, "excluded by the config"));
            continue;
        }
        if ignorer.is_ignored(path, rel.as_deref(), false) {
            skipped.push(skip(path, "ignored by git"));
            continue;
        }
        if ft.is_symlink() {
            match path.canonicalize() {
                Err(e) => {
                    skipped.push(skip(path, &format!("symbolic link that cannot be resolved: {}", io_reason(&e))));
                    continue;
                }
                Ok(target) if !target.starts_with(&canonical_root) => {
                    skipped.push(skip(path, "symbolic link that points outside the root"));
                    continue;
                }
                Ok(target) if !target.is_file() => {
                    skipped.push(skip(path, "symbolic link to something other than a regular file"));
                    continue;
                }
                Ok(_) => {}
            }
        } else if !ft.is_file() {
            skipped.push(skip(path, "not a regular file (FIFO, socket or device)"));
            continue;
        }
        let display = rel.as_deref().and_then(name);
        found.candidates.push(Candidate { display, ..Candidate::new(path.to_path_buf(), syntax, false) });
    }
    found.skipped.append(&mut skipped);
    Ok(())
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

fn skip(path: &Path, reason: &str) -> Skipped {
    Skipped { path: crate::paths::display_path(path), reason: reason.to_string() }
}

