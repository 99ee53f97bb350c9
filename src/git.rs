//! Git as a source of files: the staged content of the index (`--staged`) and the files
//! changed since the merge base with a ref (`--changed-since`), read with libgit2.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use git2::{DiffOptions, Repository};

use crate::ToolError;

/// A file as staged in the index.
#[derive(Debug, Clone)]
pub struct StagedFile {
    /// The path inside the repository, `/`-separated.
    pub repo_path: String,
    /// The path in the working tree (for globs and names; the file may differ or be absent).
    pub path: PathBuf,
    /// The staged bytes.
    pub contents: Vec<u8>,
    /// Whether it differs from HEAD (added, modified, renamed, copied).
    pub changed: bool,
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

/// Every file of the index, with its staged contents, and whether it is staged for commit.
pub fn staged(start: &Path) -> Result<Vec<StagedFile>, ToolError> {
    let repo = open(start)?;
    let wd = workdir(&repo)?;
    let index = repo.index().map_err(|e| ToolError::msg(format!("cannot read the git index: {}", e.message())))?;
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
        if (entry.flags >> 12) & 0x3 != 0 {
            continue;
        }
        let rel = PathBuf::from(String::from_utf8_lossy(&entry.path).to_string());
        let blob = repo
            .find_blob(entry.id)
            .map_err(|e| ToolError::msg(format!("cannot read staged {}: {}", rel.display(), e.message())))?;
        out.push(StagedFile {
            repo_path: rel.to_string_lossy().replace('\\', "/"),
            path: wd.join(&rel),
            contents: blob.content().to_vec(),
            changed: changed.contains(&rel),
        });
    }
    out.sort_by(|a, b| a.repo_path.cmp(&b.repo_path));
    Ok(out)
}

/// Working-tree paths changed between merge-base(`reference`, HEAD) and the working tree,
/// untracked files included.
pub fn changed_since(start: &Path, reference: &str) -> Result<BTreeSet<PathBuf>, ToolError> {
    let repo = open(start)?;
    let wd = workdir(&repo)?;
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
    let tree = repo
        .find_commit(base)
        .and_then(|c| c.tree())
        .map_err(|e| ToolError::msg(format!("cannot read the merge-base tree: {}", e.message())))?;
    let mut opts = DiffOptions::new();
    opts.include_untracked(true).recurse_untracked_dirs(true);
    let diff = repo
        .diff_tree_to_workdir_with_index(Some(&tree), Some(&mut opts))
        .map_err(|e| ToolError::msg(format!("cannot compare with `{reference}`: {}", e.message())))?;
    Ok(diff
        .deltas()
        .filter(|d| d.status() != git2::Delta::Deleted)
        .filter_map(|d| d.new_file().path().map(|p| wd.join(p)))
        .collect())
}
