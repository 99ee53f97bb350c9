//! What the audit report says of the repository: its remote, branch and commit, and who last changed each file.

use super::*;

/// Where the audit report says the checked tree came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RepoFacts {
    /// The `origin` remote's URL without credentials, else the working tree's directory name.
    pub name: Option<String>,
    /// The checked-out branch; `None` on a detached HEAD.
    pub branch: Option<String>,
    /// HEAD's commit id; `None` before the first commit.
    pub commit: Option<String>,
    /// Whether tracked files differ from HEAD or untracked (not ignored) files exist.
    pub dirty: bool,
    /// The working tree, canonical.
    pub workdir: PathBuf,
}

/// The last commit that changed a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastChange {
    pub commit: String,
    /// The author's name.
    pub author: String,
    /// The author date, RFC 3339 in UTC.
    pub date: String,
    /// The first line of the commit message.
    pub summary: String,
}

/// Commits walked back from HEAD before giving up on finding a file's last change, so that a
/// report on a huge history stays quick; files not found by then have no last change.
pub const MAX_COMMITS_WALKED: usize = 20_000;

/// Drops `user:password@` from a URL: the report is shared, credentials must not be in it.
pub(super) fn without_credentials(url: &str) -> String {
    match url.split_once("://") {
        Some((scheme, rest)) => {
            let host_start = rest.find('/').unwrap_or(rest.len());
            match rest[..host_start].rfind('@') {
                Some(at) => format!("{scheme}://{}", &rest[at + 1..]),
                None => url.to_string(),
            }
        }
        None => url.to_string(),
    }
}

/// The facts of the repository holding `start`, or `None` when it is not in a git work tree.
pub fn repo_facts(start: &Path) -> Option<RepoFacts> {
    let repo = Repository::discover(start).ok()?;
    let workdir = repo.workdir()?.canonicalize().ok()?;
    let name = repo
        .find_remote("origin")
        .ok()
        .and_then(|r| r.url().ok().map(without_credentials))
        .or_else(|| workdir.file_name().map(|n| n.to_string_lossy().into_owned()));
    let head = repo.head().ok();
    let branch = head.as_ref().filter(|h| h.is_branch()).and_then(|h| h.shorthand().ok().map(str::to_string)).or_else(|| {
        // An unborn branch (no commit yet) still has a name in HEAD.
        repo.find_reference("HEAD").ok()?.symbolic_target().ok()??.strip_prefix("refs/heads/").map(str::to_string)
    });
    let commit = head.as_ref().and_then(|h| h.peel_to_commit().ok()).map(|c| c.id().to_string());
    let mut opts = git2::StatusOptions::new();
    opts.include_untracked(true).include_ignored(false).exclude_submodules(true);
    let dirty = repo
        .statuses(Some(&mut opts))
        .map(|s| s.iter().any(|e| e.status() != git2::Status::CURRENT && !e.status().contains(git2::Status::IGNORED)))
        .unwrap_or(false);
    Some(RepoFacts { name, branch, commit, dirty, workdir })
}

/// The last commit reachable from HEAD that changed each of `paths` (relative to the working
/// tree, `/`-separated). A commit changes a path when the path's blob differs from its blob in
/// every parent, as `git log` simplifies history. Paths absent from HEAD are not looked for,
/// and the walk stops after [`MAX_COMMITS_WALKED`] commits.
pub fn last_changes(start: &Path, paths: &[String]) -> std::collections::BTreeMap<String, LastChange> {
    let mut out = std::collections::BTreeMap::new();
    let Ok(repo) = Repository::discover(start) else { return out };
    let Ok(head_tree) = repo.head().and_then(|h| h.peel_to_tree()) else { return out };
    let mut pending: Vec<&String> = paths.iter().filter(|p| head_tree.get_path(Path::new(p.as_str())).is_ok()).collect();
    pending.sort();
    pending.dedup();
    let Ok(mut walk) = repo.revwalk() else { return out };
    if walk.set_sorting(git2::Sort::TOPOLOGICAL | git2::Sort::TIME).is_err() || walk.push_head().is_err() {
        return out;
    }
    let blob_of = |tree: &git2::Tree<'_>, p: &str| tree.get_path(Path::new(p)).ok().map(|e| e.id());
    for oid in walk.take(MAX_COMMITS_WALKED) {
        if pending.is_empty() {
            break;
        }
        let Some(commit) = oid.ok().and_then(|o| repo.find_commit(o).ok()) else { continue };
        let Ok(tree) = commit.tree() else { continue };
        let parents: Vec<git2::Tree<'_>> = commit.parents().filter_map(|p| p.tree().ok()).collect();
        pending.retain(|p| {
            let here = blob_of(&tree, p);
            let changed = here.is_some() && parents.iter().all(|t| blob_of(t, p) != here);
            if changed {
                let author = commit.author();
                let date = chrono::DateTime::from_timestamp(author.when().seconds(), 0)
                    .map(|d| d.format("%Y-%m-%dT%H:%M:%SZ").to_string())
                    .unwrap_or_default();
                out.insert(
                    (*p).clone(),
                    LastChange {
                        commit: commit.id().to_string(),
                        author: author.name().unwrap_or("").to_string(),
                        date,
                        summary: commit.summary().ok().flatten().unwrap_or("").to_string(),
                    },
                );
            }
            !changed
        });
    }
    out
}

/// Those of `paths` (relative to the working tree) that differ from HEAD or are untracked.
pub fn uncommitted(start: &Path, paths: &[String]) -> BTreeSet<String> {
    let Ok(repo) = Repository::discover(start) else { return BTreeSet::new() };
    paths
        .iter()
        .filter(|p| repo.status_file(Path::new(p.as_str())).is_ok_and(|s| s != git2::Status::CURRENT && !s.contains(git2::Status::IGNORED)))
        .cloned()
        .collect()
}
