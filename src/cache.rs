//! The result cache of `govlint check` (`--cache`, `cache: true`): the findings of each file, by
//! its name and the SHA-256 of its text, and the findings of the repository rules, by a digest
//! of every artifact, so that a repeat run re-evaluates only what changed.
//!
//! One JSON file per settings digest — govlint's version, the config's text and the policy
//! bundle ([`crate::policy::PolicySet::digest`]) — under `<dir>/v1/`, so that switching between
//! configs keeps each one's results. A hit still reads, parses and classifies the file (the
//! repository rules and the outputs need it); only schema validation and policy evaluation are
//! skipped. Cached findings are stored before translation and before config overrides,
//! waivers and the baseline, which run on them as on fresh ones. The cache never fails a run: a
//! file that cannot be read or parsed is ignored (and rewritten), a directory that cannot be
//! written gives one warning.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::policy::PolicySet;
use crate::{Artifact, ArtifactDoc};

/// The name of the default cache directory, in the config root. Discovery never enters a
/// directory of this name.
pub const DIR_NAME: &str = ".govlint-cache";

/// The version of the cache file format (also the name of its subdirectory).
const FORMAT: u32 = 1;

/// Cache files kept per directory: one per settings digest, the least recently written go.
const KEEP: usize = 8;

const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by govlint.\n\
# For information about cache directory tags, see https://bford.info/cachedir/\n";

/// What the cache did in a run, for `GOVLINT_CACHE_STATS` and the warning of an unusable cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files whose findings came from the cache.
    pub hits: usize,
    /// Files evaluated (and stored).
    pub misses: usize,
    /// Whether the repository rules' findings came from the cache.
    pub repository_hit: bool,
    /// Why the cache could not be used or saved, when it could not.
    pub warning: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    version: u32,
    /// The settings digest, also the file's name.
    settings: String,
    files: BTreeMap<String, Entry>,
    repository: Option<Findings>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    /// SHA-256 of the file's text.
    hash: String,
    /// The documents' classification (index, kind, format): a name glob or a file named on the
    /// command line can classify the same text differently.
    docs: String,
    diagnostics: Vec<Diagnostic>,
    excepted: Vec<Diagnostic>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Findings {
    digest: String,
    diagnostics: Vec<Diagnostic>,
    excepted: Vec<Diagnostic>,
}

/// The cache of one run: what was stored by an earlier run with the same settings, and what
/// this run stores.
#[derive(Debug)]
pub struct Cache {
    /// `<dir>/v1/<settings>.json`.
    file: PathBuf,
    old: Stored,
    new: Stored,
    /// File name → (hash, docs) of each file looked up, for storing and the repository digest.
    keys: Mutex<HashMap<String, (String, String)>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    repository_hit: bool,
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn sha256(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

fn docs_signature(docs: &[ArtifactDoc]) -> String {
    docs.iter().map(|d| format!("{}:{}:{}", d.index, d.kind.as_str(), d.format.as_str())).collect::<Vec<_>>().join(",")
}

/// The digest of everything besides a file's text that decides its findings: govlint's
/// version, the config's text and limits, the policy bundle, and `--combine`.
pub fn settings_digest(config: &Config, policies: &PolicySet, combine: bool) -> String {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(env!("CARGO_PKG_VERSION").as_bytes());
    field(&FORMAT.to_le_bytes());
    match &config.source {
        Some(s) => field(s.text.as_bytes()),
        None => field(b"\0no config"),
    }
    field(format!("{:?} {} {:?}", config.limits, config.max_file_size, config.policy_timeout).as_bytes());
    field(policies.digest().as_bytes());
    field(&[u8::from(combine)]);
    hex(&h.finalize())
}

/// The cache a run asks for (`CheckOptions::cache` and `cache_dir`, else the config's `cache:`),
/// opened; or the warning to give when it cannot be. Also tells discovery to keep out of a
/// `--cache-dir` (`Config::cache_dir`). `--parse-only` runs evaluate nothing to cache.
pub fn for_run(opts: &crate::CheckOptions, config: &mut Config, policies: &PolicySet) -> (Option<Cache>, Option<String>) {
    config.cache_dir.clone_from(&opts.cache_dir);
    if !opts.cache.unwrap_or(config.cache || opts.cache_dir.is_some()) || opts.parse_only {
        return (None, None);
    }
    let dir = opts.cache_dir.clone().unwrap_or_else(|| default_dir(config));
    match Cache::open(&dir, settings_digest(config, policies, opts.combine)) {
        Ok(c) => (Some(c), None),
        Err(w) => (None, Some(w)),
    }
}

/// Saves the cache of a run (see [`Cache::save`]); what it did, when the run asked for one.
pub fn finish(cache: Option<Cache>, warning: Option<String>, seen: Option<&BTreeSet<String>>) -> Option<Stats> {
    match cache {
        Some(c) => Some(c.save(seen)),
        None => warning.map(|w| Stats { warning: Some(w), ..Stats::default() }),
    }
}

/// The default cache directory of a run: `.govlint-cache` in the config root.
pub fn default_dir(config: &Config) -> PathBuf {
    let root = if config.root.as_os_str().is_empty() { Path::new(".") } else { config.root.as_path() };
    root.join(DIR_NAME)
}

impl Cache {
    /// Opens the cache in `dir` for `settings` (see [`settings_digest`]), creating the directory
    /// (with a `.gitignore` and a `CACHEDIR.TAG`) when it does not exist. A missing, unreadable,
    /// corrupt or other-version cache file is an empty cache; a directory that cannot be
    /// created is an error, given as the warning to show.
    pub fn open(dir: &Path, settings: String) -> Result<Cache, String> {
        if !dir.is_dir() {
            create(dir).map_err(|e| format!("cannot create the cache directory {}: {}", dir.display(), crate::discover::io_reason(&e)))?;
        }
        let file = dir.join(format!("v{FORMAT}")).join(format!("{settings}.json"));
        let old = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|s| s.version == FORMAT && s.settings == settings)
            .unwrap_or_default();
        let new = Stored { version: FORMAT, settings, files: BTreeMap::new(), repository: None };
        Ok(Cache {
            file,
            old,
            new,
            keys: Mutex::new(HashMap::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            repository_hit: false,
        })
    }

    /// The cached findings and excepted findings of file `name` with `text` classified as
    /// `docs`, when an earlier run evaluated the same. Counts a hit or a miss. Safe to call from
    /// the worker threads.
    pub fn lookup(&self, name: &str, text: &str, docs: &[ArtifactDoc]) -> Option<(Vec<Diagnostic>, Vec<Diagnostic>)> {
        let (hash, docs) = (sha256(text), docs_signature(docs));
        let hit = self.old.files.get(name).filter(|e| e.hash == hash && e.docs == docs).map(|e| (e.diagnostics.clone(), e.excepted.clone()));
        let counter = if hit.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut keys) = self.keys.lock() {
            keys.insert(name.to_string(), (hash, docs));
        }
        hit
    }

    /// Records the findings of a file looked up in this run.
    pub fn store(&mut self, name: &str, diagnostics: &[Diagnostic], excepted: &[Diagnostic]) {
        let key = self.keys.get_mut().ok().and_then(|k| k.get(name).cloned());
        if let Some((hash, docs)) = key {
            let entry = Entry { hash, docs, diagnostics: diagnostics.to_vec(), excepted: excepted.to_vec() };
            self.new.files.insert(name.to_string(), entry);
        }
    }

    /// The repository rules' findings over `artifacts`: the cached ones when every artifact
    /// (name, text, classification) and the config's display name are as in the run that stored
    /// them, else `run()`'s, stored.
    pub fn repository(
        &mut self,
        artifacts: &mut [Artifact],
        config: &Config,
        run: impl FnOnce(&mut [Artifact]) -> (Vec<Diagnostic>, Vec<Diagnostic>),
    ) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        // Findings on no artifact are reported on the config, by its display name.
        let context = config.path.as_deref().map(crate::display_path).unwrap_or_default();
        let digest = self.repository_digest(artifacts, &context);
        let (diagnostics, excepted) = match self.old.repository.take().filter(|r| r.digest == digest) {
            Some(r) => {
                self.repository_hit = true;
                (r.diagnostics, r.excepted)
            }
            None => run(artifacts),
        };
        self.new.repository = Some(Findings { digest, diagnostics: diagnostics.clone(), excepted: excepted.clone() });
        (diagnostics, excepted)
    }

    fn repository_digest(&self, artifacts: &[Artifact], context: &str) -> String {
        let keys = self.keys.lock().map(|k| k.clone()).unwrap_or_default();
        let mut all: Vec<(&str, String, String)> = artifacts
            .iter()
            .map(|a| {
                let (hash, docs) = keys.get(&a.file).cloned().unwrap_or_else(|| (sha256(&a.parsed.source.text), docs_signature(&a.docs)));
                (a.file.as_str(), hash, docs)
            })
            .collect();
        all.sort();
        let mut h = Sha256::new();
        let mut field = |bytes: &[u8]| {
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        };
        field(context.as_bytes());
        for (file, hash, docs) in &all {
            field(file.as_bytes());
            field(hash.as_bytes());
            field(docs.as_bytes());
        }
        hex(&h.finalize())
    }

    /// Writes the cache: the files stored in this run, and the earlier entries of `seen` files
    /// that this run did not evaluate (read only for the repository rules); the entries of other
    /// files (deleted, renamed, excluded) drop out. Prunes the cache files of other settings
    /// beyond the few most recent. Returns what the cache did, with a warning when it could not
    /// be written.
    pub fn save(mut self, seen: Option<&BTreeSet<String>>) -> Stats {
        for (name, entry) in std::mem::take(&mut self.old.files) {
            if seen.is_none_or(|seen| seen.contains(&name)) && !self.new.files.contains_key(&name) {
                self.new.files.insert(name, entry);
            }
        }
        let mut stats = Stats {
            hits: self.hits.into_inner(),
            misses: self.misses.into_inner(),
            repository_hit: self.repository_hit,
            warning: None,
        };
        let written = serde_json::to_string(&self.new)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                let dir = self.file.parent().unwrap_or(Path::new("."));
                std::fs::create_dir_all(dir).map_err(|e| crate::discover::io_reason(&e))?;
                crate::waivers::write_atomic(&self.file, &text).map_err(|e| e.message)
            });
        match written {
            Ok(()) => prune(&self.file),
            Err(e) => stats.warning = Some(format!("the cache was not saved: {e}")),
        }
        stats
    }
}

/// Creates a cache directory, marked as one for backup tools and for git.
fn create(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(".gitignore"), "*\n")?;
    std::fs::write(dir.join("CACHEDIR.TAG"), CACHEDIR_TAG)
}

/// Deletes the least recently written cache files beside `current` beyond [`KEEP`].
fn prune(current: &Path) {
    let Some(dir) = current.parent() else { return };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p != current && p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| Some((p.metadata().ok()?.modified().ok()?, p)))
        .collect();
    if others.len() < KEEP {
        return;
    }
    others.sort();
    let extra = others.len() + 1 - KEEP;
    for (_, p) in others.into_iter().take(extra) {
        let _ = std::fs::remove_file(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diagnostics_round_trip_exactly() {
        let src = crate::source::SourceFile::new("a.yaml", "a: 1\nb: 2\n".to_string());
        let mut d = Diagnostic::at(&src, crate::source::Span::new(5, 9), "MC001", crate::diagnostic::Severity::Warning, "m")
            .with_label("here")
            .with_pointer("/b")
            .in_document(0, Some("model-card"));
        d.details = Some(serde_json::json!({"z": 0.1, "a": [1e300, -0.0, 12345678901234567890u64, 0.30000000000000004], "m": null}));
        d.frameworks.insert("eu-ai-act".to_string(), "Art. 13".to_string());
        d.suppression = Some(crate::diagnostic::Suppression {
            kind: crate::diagnostic::SuppressionKind::Inline,
            reason: Some("r".to_string()),
            approved_by: None,
            expires: None,
        });
        let back: Diagnostic = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(format!("{back:?}"), format!("{d:?}"));
        assert_eq!(serde_json::to_string(&back.details).unwrap(), serde_json::to_string(&d.details).unwrap());
    }

    #[test]
    fn prune_keeps_the_most_recent() {
        let t = tempfile::tempdir().unwrap();
        for i in 0..12 {
            std::fs::write(t.path().join(format!("{i:02}.json")), "{}").unwrap();
            let time = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000 + i);
            std::fs::File::options().write(true).open(t.path().join(format!("{i:02}.json"))).unwrap().set_modified(time).unwrap();
        }
        prune(&t.path().join("11.json"));
        let mut left: Vec<String> = std::fs::read_dir(t.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left, ["04.json", "05.json", "06.json", "07.json", "08.json", "09.json", "10.json", "11.json"]);
    }
}
