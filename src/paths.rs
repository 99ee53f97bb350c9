//! Paths as a run shows them: relative to the working directory, `/`-separated.

use std::path::{Path, PathBuf};

/// The working directory, read once: every path of a run is shown and matched relative to it,
/// and asking the system for it per file is measurable in a large repository.
fn cwd() -> Option<&'static Path> {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    CWD.get_or_init(|| std::env::current_dir().ok()).as_deref()
}

/// `path` made absolute as [`std::path::absolute`] does, against the working directory of
/// [`cwd`].
pub fn absolute(path: &Path) -> Option<PathBuf> {
    match cwd() {
        Some(cwd) if !path.is_absolute() => std::path::absolute(cwd.join(path)).ok(),
        _ => std::path::absolute(path).ok(),
    }
}

/// A path as shown to users: relative to the working directory when below it, `/`-separated.
pub fn display_path(path: &Path) -> String {
    let s = display_prefix(path).filter(|rel| !rel.is_empty()).unwrap_or_else(|| path.to_string_lossy().replace('\\', "/"));
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// `path` relative to the working directory, `/`-separated (`""` for the working directory
/// itself); `None` when it is not below the working directory. For a directory, the prefix of
/// the names [`display_path`] gives the paths below it.
pub fn display_prefix(path: &Path) -> Option<String> {
    let abs = absolute(path)?;
    let rel = abs.strip_prefix(cwd()?).ok()?;
    Some(rel.to_string_lossy().replace('\\', "/"))
}
