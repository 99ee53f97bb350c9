//! The key that signs the cache's files, kept per repository in the user's cache directory.

use super::*;

/// The key that signs this user's cache files (see the module's documentation).
#[derive(Clone)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

/// The name of the key file in the user's cache directory.
pub(super) const KEY_FILE: &str = "cache-key";

impl Key {
    /// The signature of a cache file's `text`, stored as file `name` under `settings`.
    pub(super) fn sign(&self, settings: &str, name: &str, text: &[u8]) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        for part in [b"govlint cache v4".as_slice(), settings.as_bytes(), name.as_bytes()] {
            mac.update(&(part.len() as u64).to_le_bytes());
            mac.update(part);
        }
        mac.update(text);
        mac
    }

    /// `text` with its signature on a first line of its own.
    pub(super) fn seal(&self, settings: &str, name: &str, text: &str) -> String {
        let tag = hex(&self.sign(settings, name, text.as_bytes()).finalize().into_bytes());
        let mut out = String::with_capacity(tag.len() + 1 + text.len());
        out.push_str(&tag);
        out.push('\n');
        out.push_str(text);
        out
    }

    /// The text of a sealed file when its signature verifies: `Err(true)` when it does not
    /// (written with another key, or altered), `Err(false)` when it is no sealed file at all.
    pub(super) fn open<'b>(&self, settings: &str, name: &str, bytes: &'b [u8]) -> Result<&'b [u8], bool> {
        let newline = bytes.iter().position(|b| *b == b'\n').filter(|&i| i == 64).ok_or(false)?;
        let tag = data_encoding::HEXLOWER.decode(&bytes[..newline]).map_err(|_| false)?;
        let text = &bytes[newline + 1..];
        self.sign(settings, name, text).verify_slice(&tag).map(|()| text).map_err(|_| true)
    }

    /// This user's key, made on first use: in the user's cache directory, never in the
    /// repository checked (`repository`, canonical), where whoever commits could read or plant it.
    pub fn load(repository: Option<&Path>) -> Result<Key, Warning> {
        let dir = user_cache_dir().ok_or_else(|| Warning("there is no user cache directory (HOME or XDG_CACHE_HOME) to keep the cache's key in".to_string()))?;
        let dir = dir.join("govlint");
        let inside = |at: &Path| {
            repository.filter(|r| at.starts_with(r)).map(|r| {
                Warning(format!("the cache's key would be kept in {}, inside the repository checked ({}): the cache is not used", at.display(), r.display()))
            })
        };
        // Before anything is made there, and again once links are resolved.
        if let Some(refused) = crate::paths::absolute(&dir).map(|d| crate::config::lexical(&d)).and_then(|d| inside(&d)) {
            return Err(refused);
        }
        let fail = |e: std::io::Error| Warning(format!("the cache's key cannot be kept in {}: {}", dir.display(), crate::fileio::io_reason(&e)));
        std::fs::create_dir_all(&dir).map_err(fail)?;
        let canonical = dir.canonicalize().map_err(fail)?;
        if let Some(refused) = inside(&canonical) {
            return Err(refused);
        }
        let path = canonical.join(KEY_FILE);
        if let Some(key) = read_key(&path) {
            return Ok(key);
        }
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).map_err(|e| Warning(format!("no random bytes for the cache's key: {e}")))?;
        // Written aside, then linked into place: a run that starts meanwhile reads a whole key
        // or none, and of two runs that make one, the first link wins and both use it.
        let mut tmp = tempfile::NamedTempFile::new_in(&canonical).map_err(fail)?;
        {
            use std::io::Write;
            tmp.write_all(hex(&bytes).as_bytes()).map_err(fail)?;
        }
        match std::fs::hard_link(tmp.path(), &path) {
            Ok(()) => Ok(Key(bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => read_key(&path).ok_or_else(|| Warning(format!("the cache's key {} is not a key", path.display()))),
            Err(e) => Err(fail(e)),
        }
    }
}

/// The key in `path`, if it holds one.
pub(super) fn read_key(path: &Path) -> Option<Key> {
    let text = std::fs::read(path).ok()?;
    let bytes = data_encoding::HEXLOWER.decode(text.trim_ascii()).ok()?;
    Some(Key(bytes.try_into().ok()?))
}

/// The user's cache directory: `$XDG_CACHE_HOME`, else `~/.cache` (`%LOCALAPPDATA%` on
/// Windows).
pub(super) fn user_cache_dir() -> Option<PathBuf> {
    let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    if let Some(dir) = std::env::var_os("XDG_CACHE_HOME").and_then(absolute) {
        return Some(dir);
    }
    if cfg!(windows) {
        return std::env::var_os("LOCALAPPDATA").and_then(absolute);
    }
    std::env::var_os("HOME").and_then(absolute).map(|h| h.join(".cache"))
}
