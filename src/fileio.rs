//! File I/O helpers every layer shares: a short reason for an I/O error, and atomic writes.

use std::path::Path;

use crate::error::ToolError;

/// A short reason for an I/O error, without the OS error number.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file or directory".to_string(),
        K::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// Writes `contents` to `path` atomically: a temporary file beside it, then a rename.
pub fn write_atomic(path: &Path, contents: &str) -> Result<(), ToolError> {
    write_atomic_with(path, |w| w.write_all(contents.as_bytes()))
}

/// [`write_atomic`], the contents written by `write` (buffered).
pub fn write_atomic_with(path: &Path, write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> Result<(), ToolError> {
    use std::io::Write;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| ToolError::msg(format!("cannot write {}: {}", path.display(), io_reason(&e)));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    {
        let mut w = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut w).and_then(|()| w.flush()).map_err(fail)?;
    }
    // The temporary file is private (0600); the output keeps the mode of the file it replaces,
    // or gets the usual 0644 of a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map(|m| m.permissions().mode() & 0o7777).unwrap_or(0o644);
        tmp.as_file().set_permissions(std::fs::Permissions::from_mode(mode)).map_err(fail)?;
    }
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}
