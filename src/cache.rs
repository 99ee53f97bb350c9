//! The result cache of `govlint check` (`--cache`, `cache: true`): the findings of each file, by
//! its name and the SHA-256 of its text, and the findings of the repository rules, by a digest
//! of every artifact, so that a repeat run re-evaluates only what changed. For the bundled
//! repository rules that digest is over the parts of the documents they read (their
//! [`Facts`]): an edit elsewhere in a file, such as a model card's prose, keeps their findings,
//! which are placed again in the edited text. With `--changed-since`, a file git knows
//! unchanged whose blob id is the stored one is not read at all: its facts come from here.
//!
//! One directory per settings digest — govlint's version, the config's text and the policy
//! bundle ([`crate::policy::PolicySet::digest`]) — under `<dir>/v6/`, so that switching between
//! configs keeps each one's results. In it, `index.json` holds what identifies each file (name,
//! SHA-256, git blob id, classification, facts digest) and the repository rules' findings, and
//! [`SHARDS`] shard files hold each file's findings and document summaries, by a hash of its
//! name: a run reads the shards of the files it looks up and rewrites only the shards whose
//! files changed. A hit still reads, parses and classifies the file (the outputs need it); only
//! schema validation and policy evaluation are skipped. Cached findings are stored before
//! translation and before config overrides, waivers and the baseline, which run on them as on
//! fresh ones. The cache never fails a run: a file that cannot be read or parsed is ignored
//! (and rewritten), a directory that cannot be written gives one warning.
//!
//! What the cache trusts: only files this user's govlint wrote. The directory lies in the
//! repository, where anyone who can commit can put a cache whose findings were emptied; so
//! every file carries an HMAC-SHA256 of its text (and of its place: the settings and the file's
//! name) under a key of 32 random bytes kept outside the repository, in the user's cache
//! directory (`$XDG_CACHE_HOME/govlint/cache-key`, else `~/.cache/govlint/cache-key`). A file
//! whose signature does not verify is not read, and the run says so. The default directory,
//! and every directory govlint makes in a cache, must be a real directory, not a symbolic link
//! (a committed link would send the writes, and the pruning of old settings, elsewhere).

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::policy::PolicySet;
use crate::classify::{Format, Kind};
use crate::discover::Candidate;
use crate::artifact::{Artifact, ArtifactDoc, Facts};
use crate::policy::RepositoryResults;

pub use crate::config::CACHE_DIR_NAME as DIR_NAME;

mod key;

pub use key::*;

/// The version of the cache format (also the name of its subdirectory). 5: findings carry the
/// digest of the object they are about, and a file's findings changed with its reading
/// (Kubernetes booleans and lists, files that do not parse). 6: a file's entry carries what the
/// rules that state their evidence judged of it, and what its manifests speak for. 7: findings
/// on values a YAML alias or merge key copies are located at the copied text, and a file's
/// judgements include a rule's exemptions from a framework (`exempt`).
const FORMAT: u32 = 7;

/// Settings directories kept per cache directory: the least recently written go.
const KEEP: usize = 8;

/// Shard files per settings directory.
const SHARDS: usize = 64;

const CACHEDIR_TAG: &str = "Signature: 8a477f597d28d172789f06886806bc55\n\
# This file is a cache directory tag created by govlint.\n\
# For information about cache directory tags, see https://bford.info/cachedir/\n";

/// Why the cache a run asked for is not used: the user is warned, and the run goes on without
/// it. Never a tool error: a cache only saves time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning(pub String);

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// What the cache did in a run, for `GOVLINT_CACHE_STATS` and the warning of an unusable cache.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files whose findings came from the cache.
    pub hits: usize,
    /// Files evaluated (and stored).
    pub misses: usize,
    /// Whether the repository rules' findings came from the cache.
    pub repository_hit: bool,
    /// Files not read at all: unchanged by git's account, their facts taken from the cache.
    pub unread: usize,
    /// Why the cache could not be used or saved, when it could not.
    pub warning: Option<String>,
}

/// `index.json`.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    version: u32,
    /// The settings digest, also the directory's name.
    settings: String,
    files: BTreeMap<String, Meta>,
    repository: Option<Repository>,
}

/// What identifies a file's entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Meta {
    /// SHA-256 of the file's text.
    hash: String,
    /// The documents' classification (index, kind, format): a name glob or a file named on the
    /// command line can classify the same text differently.
    docs: String,
    /// The git blob id of the text.
    blob: String,
    /// Whether the file was named on the command line.
    explicit: bool,
    /// Each document's (index, kind, format, reason), for a file that is not read again.
    classes: Vec<(usize, String, String, String)>,
    /// The digest of the documents' [`Facts`], when the repository rules read summaries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    facts: Option<String>,
}

/// A file's findings and document summaries, in its shard.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Payload {
    /// The text's SHA-256, as in its [`Meta`]: a shard and an index written by different runs
    /// (one interrupted between the two) never pair the wrong findings with a file.
    hash: String,
    /// `[diagnostics, excepted, judged, links]`, read only on a hit.
    findings: Box<RawValue>,
    /// The documents' summaries, read only when the repository rules run.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    summaries: Vec<Box<RawValue>>,
}

type Shard = BTreeMap<String, Payload>;

/// What the cache holds for a file whose text and classification it has seen.
#[derive(Debug)]
pub struct Hit {
    pub diagnostics: Vec<Diagnostic>,
    pub excepted: Vec<Diagnostic>,
    /// What the rules that state their evidence said of the file.
    pub judged: Vec<crate::evidence::Judged>,
    /// What its manifests speak for (see [`crate::evidence::Links`]).
    pub links: Option<Box<crate::evidence::Links>>,
    /// The digest of the file's summaries (see [`Facts`]), stored with them: the summaries of
    /// the same text under the same policies, so they need not be made again. Its summaries
    /// are loaded only if the repository rules run.
    pub facts: Option<String>,
}

/// The repository rules' findings, unplaced: they are placed in the text of this run.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Repository {
    digest: String,
    results: RepositoryResults,
}

/// The cache of one run: what was stored by an earlier run with the same settings, and what
/// this run stores.
#[derive(Debug)]
pub struct Cache {
    /// `<dir>/v6/<settings>/`.
    dir: PathBuf,
    key: Key,
    /// A file of the cache whose signature did not verify was found (and not read).
    forged: std::sync::atomic::AtomicBool,
    old: Index,
    /// The old shards, each read on first use.
    shards: Vec<OnceLock<Shard>>,
    /// Entries stored in this run.
    new: BTreeMap<String, (Meta, Payload)>,
    repository: Option<Repository>,
    /// File name → what each file looked up in this run was looked up with.
    keys: Mutex<HashMap<String, Meta>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    unread: AtomicUsize,
    repository_hit: bool,
}

fn hex(digest: &[u8]) -> String {
    data_encoding::HEXLOWER.encode(digest)
}

fn sha256(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// The digest of an artifact's document summaries (see [`Facts`]).
pub fn facts_digest(documents: &[serde_json::Value]) -> String {
    let mut h = Sha256::new();
    for d in documents {
        let text = d.to_string();
        h.update((text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
    }
    hex(&h.finalize())
}

fn docs_signature(docs: &[ArtifactDoc]) -> String {
    docs.iter().map(|d| format!("{}:{}:{}", d.index, d.kind.as_str(), d.format.as_str())).collect::<Vec<_>>().join(",")
}

/// The digest of everything besides a file's text that decides its findings: govlint's
/// version and the commit it was built from (a build between releases may read or locate
/// differently), the config's text and limits, the policy bundle, and `--combine`.
pub fn settings_digest(config: &Config, policies: &PolicySet, combine: bool) -> String {
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    field(env!("CARGO_PKG_VERSION").as_bytes());
    field(env!("GOVLINT_COMMIT").as_bytes());
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

/// Where the cache a run asks for is (`wanted`, the `--cache`/`--no-cache` choice, and
/// `cache_dir`, else the config's `cache:`), made when missing with a `.gitignore` and a `CACHEDIR.TAG`, and the key that signs
/// its files: `None` when the run uses no cache (`--parse-only` runs evaluate nothing to
/// cache), the warning to give when the directory cannot be made or used, or the key cannot be
/// had. Called before the walk, which keeps out of it.
pub fn prepare(wanted: Option<bool>, cache_dir: Option<&Path>, parse_only: bool, config: &Config) -> Option<Result<(PathBuf, Key), Warning>> {
    if !wanted.unwrap_or(config.cache || cache_dir.is_some()) || parse_only {
        return None;
    }
    let repository = crate::config::repository_root(&config.root).and_then(|r| r.canonicalize().ok());
    let key = match Key::load(repository.as_deref()) {
        Ok(k) => k,
        Err(e) => return Some(Err(e)),
    };
    let dir = cache_dir.map_or_else(|| default_dir(config), Path::to_path_buf);
    // The default directory is the repository's to hold: a link there is not followed.
    if cache_dir.is_none() && std::fs::symlink_metadata(&dir).is_ok_and(|m| !m.is_dir()) {
        return Some(Err(Warning(format!("the cache directory {} is not a directory (a symbolic link?): the cache is not used", dir.display()))));
    }
    if dir.is_dir() {
        return Some(Ok((dir, key)));
    }
    Some(create(&dir).map(|()| (dir.clone(), key)).map_err(|e| Warning(format!("cannot create the cache directory {}: {}", dir.display(), crate::fileio::io_reason(&e)))))
}

/// The cache of a run in the directory [`prepare`] gave, opened for a run with or without
/// `--combine`; or the warning to give.
pub fn for_run(prepared: Option<Result<(PathBuf, Key), Warning>>, combine: bool, config: &Config, policies: &PolicySet) -> (Option<Cache>, Option<Warning>) {
    match prepared {
        None => (None, None),
        Some(Err(warning)) => (None, Some(warning)),
        Some(Ok((dir, key))) => match Cache::open(&dir, settings_digest(config, policies, combine), key) {
            Ok(cache) => (Some(cache), None),
            Err(warning) => (None, Some(warning)),
        },
    }
}

/// Saves the cache of a run (see [`Cache::save`]); what it did, when the run asked for one.
pub fn finish(cache: Option<Cache>, warning: Option<Warning>, seen: Option<&BTreeSet<String>>) -> Option<Stats> {
    match cache {
        Some(c) => Some(c.save(seen)),
        None => warning.map(|Warning(w)| Stats { warning: Some(w), ..Stats::default() }),
    }
}

/// The default cache directory of a run: `.govlint-cache` in the config root.
pub fn default_dir(config: &Config) -> PathBuf {
    let root = if config.root.as_os_str().is_empty() { Path::new(".") } else { config.root.as_path() };
    root.join(DIR_NAME)
}

impl Cache {
    /// Opens the cache in `dir` (made by [`prepare`]) for `settings` (see
    /// [`settings_digest`]), its files verified with `key`. A missing, unreadable, corrupt,
    /// unsigned or other-version index is an empty cache; a directory of the cache that is
    /// not a real directory (a symbolic link) refuses the cache (the warning to give).
    pub fn open(dir: &Path, settings: String, key: Key) -> Result<Cache, Warning> {
        let version = dir.join(format!("v{FORMAT}"));
        let dir = version.join(&settings);
        for d in [&version, &dir] {
            if std::fs::symlink_metadata(d).is_ok_and(|m| !m.is_dir()) {
                return Err(Warning(format!("{} in the cache is not a directory (a symbolic link?): the cache is not used", d.display())));
            }
        }
        let forged = std::sync::atomic::AtomicBool::new(false);
        let old = std::fs::read(dir.join("index.json"))
            .ok()
            .and_then(|bytes| match key.open(&settings, "index.json", &bytes) {
                Ok(text) => serde_json::from_slice::<Index>(text).ok(),
                Err(signed) => {
                    forged.store(signed, Ordering::Relaxed);
                    None
                }
            })
            .filter(|s| s.version == FORMAT && s.settings == settings)
            .unwrap_or_else(|| Index { version: FORMAT, settings, ..Index::default() });
        Ok(Cache {
            dir,
            key,
            forged,
            old,
            shards: (0..SHARDS).map(|_| OnceLock::new()).collect(),
            new: BTreeMap::new(),
            repository: None,
            keys: Mutex::new(HashMap::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            unread: AtomicUsize::new(0),
            repository_hit: false,
        })
    }

    /// The old entry of `name`: its meta and its payload, when both are there and agree.
    fn entry(&self, name: &str) -> Option<(&Meta, &Payload)> {
        let meta = self.old.files.get(name)?;
        let payload = self.shard(shard_of(name)).get(name).filter(|p| p.hash == meta.hash)?;
        Some((meta, payload))
    }

    /// Old shard `i`, read on first use; an unreadable, corrupt or unsigned shard is empty.
    fn shard(&self, i: usize) -> &Shard {
        self.shards[i].get_or_init(|| {
            let name = shard_name(i);
            let Ok(bytes) = std::fs::read(self.dir.join(&name)) else { return Shard::new() };
            match self.key.open(&self.old.settings, &name, &bytes) {
                Ok(text) => serde_json::from_slice(text).unwrap_or_default(),
                Err(signed) => {
                    if signed {
                        self.forged.store(true, Ordering::Relaxed);
                    }
                    Shard::new()
                }
            }
        })
    }

    /// The cached findings and excepted findings of file `name` with `text` classified as
    /// `docs`, when an earlier run evaluated the same. Counts a hit or a miss. Safe to call from
    /// the worker threads.
    pub fn lookup(&self, name: &str, text: &str, docs: &[ArtifactDoc], explicit: bool) -> Option<Hit> {
        let hash = sha256(text);
        let seen = self.old.files.get(name).filter(|m| m.hash == hash);
        // The same text has the same blob id: hashed again (libgit2's collision-detecting SHA-1
        // is slow) only for a text the cache has not seen.
        let blob = match seen {
            Some(m) => m.blob.clone(),
            None => git2::Oid::hash_object(git2::ObjectType::Blob, text.as_bytes()).map(|id| id.to_string()).unwrap_or_default(),
        };
        let key = Meta {
            hash,
            docs: docs_signature(docs),
            blob,
            explicit,
            classes: docs.iter().map(|d| (d.index, d.kind.as_str().to_string(), d.format.as_str().to_string(), d.reason.clone())).collect(),
            facts: None,
        };
        let hit = seen.filter(|m| m.docs == key.docs).and_then(|m| {
            let (_, p) = self.entry(name)?;
            type Findings = (Vec<Diagnostic>, Vec<Diagnostic>, Vec<crate::evidence::Judged>, Option<Box<crate::evidence::Links>>);
            let (diagnostics, excepted, mut judged, links) = serde_json::from_str::<Findings>(p.findings.get()).ok()?;
            for j in &mut judged {
                j.reason = j.reason.as_deref().map(crate::evidence::intern);
            }
            Some(Hit { diagnostics, excepted, judged, links, facts: m.facts.clone() })
        });
        let counter = if hit.is_some() { &self.hits } else { &self.misses };
        counter.fetch_add(1, Ordering::Relaxed);
        if let Ok(mut keys) = self.keys.lock() {
            keys.insert(name.to_string(), key);
        }
        hit
    }

    /// The artifact of a file read only for the repository rules, from its entry, without
    /// reading it: when git vouches that its content is the blob stored (`Candidate::blob`),
    /// it is named as it was, and its facts are stored. Its documents are loaded only if the
    /// repository rules run (see [`Cache::repository`]); it has no text (nothing is reported
    /// on it).
    pub fn unread(&self, c: &Candidate) -> Option<Artifact> {
        let blob = c.blob?.to_string();
        let name = c.name();
        let meta = self.old.files.get(&name).filter(|m| m.blob == blob && m.explicit == c.explicit)?;
        let digest = meta.facts.clone()?;
        let docs = meta
            .classes
            .iter()
            .map(|(index, kind, format, reason)| {
                // Which item of a list a document is matters only to its own checks, which a
                // file not read does not run.
                Some(ArtifactDoc { index: *index, kind: Kind::parse(kind)?, format: Format::parse(format)?, reason: reason.clone(), item: None })
            })
            .collect::<Option<Vec<_>>>()?;
        self.unread.fetch_add(1, Ordering::Relaxed);
        let parsed = crate::parse::ParsedFile::unread(crate::source::SourceFile::new(name.clone(), String::new()), c.syntax);
        Some(Artifact { facts: Some(Facts { digest, documents: Vec::new() }), ..Artifact::new(name, parsed, docs) })
    }

    /// Records the findings of a file looked up in this run, and its facts.
    #[allow(clippy::too_many_arguments)]
    pub fn store(
        &mut self,
        name: &str,
        diagnostics: &[Diagnostic],
        excepted: &[Diagnostic],
        judged: &[crate::evidence::Judged],
        links: Option<&crate::evidence::Links>,
        facts: Option<&Facts>,
    ) {
        let Some(mut meta) = self.keys.get_mut().ok().and_then(|k| k.get(name).cloned()) else { return };
        meta.facts = facts.map(|f| f.digest.clone());
        // A hit whose entry holds the same: the entry stays as it is (see `save`), nothing is
        // serialized again.
        if self.old.files.get(name) == Some(&meta) && self.entry(name).is_some() {
            return;
        }
        let findings = serde_json::value::to_raw_value(&(diagnostics, excepted, judged, links));
        let summaries = facts.map(|f| f.documents.iter().map(serde_json::value::to_raw_value).collect::<Result<Vec<_>, _>>()).transpose();
        if let (Ok(findings), Ok(summaries)) = (findings, summaries) {
            let payload = Payload { hash: meta.hash.clone(), findings, summaries: summaries.unwrap_or_default() };
            self.new.insert(name.to_string(), (meta, payload));
        }
    }

    /// The repository rules' findings over `artifacts`: the cached ones when every artifact
    /// (name, classification, and facts or else text) is as in the run that stored them, else
    /// `run()`'s, stored. Before `run`, the documents of the artifacts that were not read are
    /// loaded; one whose documents cannot be is left without (`Artifact::values` empty).
    /// With `volatile` (a repository rule's results depend on the time or on chance), they
    /// are neither taken from the cache nor stored.
    pub fn repository(&mut self, artifacts: &mut [Artifact], volatile: bool, run: impl FnOnce(&mut [Artifact]) -> RepositoryResults) -> RepositoryResults {
        if volatile {
            self.old.repository = None;
            self.load_unread(artifacts);
            return run(artifacts);
        }
        let digest = self.repository_digest(artifacts);
        let results = match self.old.repository.take().filter(|r| r.digest == digest) {
            Some(r) => {
                self.repository_hit = true;
                r.results
            }
            None => {
                self.load_unread(artifacts);
                run(artifacts)
            }
        };
        self.repository = Some(Repository { digest, results: results.clone() });
        results
    }

    /// The summaries of the artifacts whose documents the run did not keep (a file
    /// not read, or read with the cache on), from this run's entry or the earlier one for the
    /// same text.
    fn load_unread(&self, artifacts: &mut [Artifact]) {
        let keys = self.keys.lock().ok();
        for a in artifacts.iter_mut().filter(|a| a.awaits_documents()) {
            let current = keys.as_ref().and_then(|k| k.get(&a.file));
            let summaries = match self.new.get(&a.file) {
                Some((_, payload)) => &payload.summaries,
                None => match self.entry(&a.file) {
                    Some((meta, payload)) if current.is_none_or(|k| k.hash == meta.hash) => &payload.summaries,
                    _ => continue,
                },
            };
            let values: Option<Vec<regorus::Value>> = summaries
                .iter()
                .map(|raw| serde_json::from_str::<serde_json::Value>(raw.get()).ok().map(regorus::Value::from))
                .collect();
            if let Some(values) = values.filter(|v| v.len() == 1) {
                a.values = values;
            }
        }
    }

    /// The digest of what the repository rules read: each artifact's name, its facts (or else
    /// its text's SHA-256) and its documents' classification, in name order. The fields are
    /// gathered in one buffer and hashed at once: at 10,000 artifacts, building strings first
    /// took 5 ms, and hashing each small field on its own 3 ms.
    fn repository_digest(&self, artifacts: &[Artifact]) -> String {
        let keys = self.keys.lock().ok();
        let mut order: Vec<&Artifact> = artifacts.iter().collect();
        order.sort_by(|a, b| a.file.cmp(&b.file));
        let mut all = Vec::with_capacity(artifacts.len() * 256);
        let mut field = |bytes: &[u8]| {
            all.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            all.extend_from_slice(bytes);
        };
        for a in order {
            field(a.file.as_bytes());
            match (&a.facts, keys.as_ref().and_then(|k| k.get(&a.file))) {
                (Some(f), _) => {
                    field(b"facts");
                    field(f.digest.as_bytes());
                }
                (None, Some(k)) => {
                    field(b"text");
                    field(k.hash.as_bytes());
                }
                (None, None) => {
                    field(b"text");
                    field(a.stamp().map(|r| hex(&r.sha256)).unwrap_or_default().as_bytes());
                }
            }
            field(&(a.docs.len() as u64).to_le_bytes());
            for d in &a.docs {
                field(&(d.index as u64).to_le_bytes());
                field(d.kind.as_str().as_bytes());
                field(d.format.as_str().as_bytes());
            }
        }
        hex(&Sha256::digest(&all))
    }

    /// Writes the cache: the entries stored in this run, and the earlier entries of `seen` files
    /// that this run did not evaluate (read only for the repository rules, or not read); the
    /// entries of other files (deleted, renamed, excluded) drop out. Only the shards whose
    /// entries changed are rewritten, then the index; nothing when nothing changed. Prunes the
    /// directories of other settings beyond the few most recent. Returns what the cache did,
    /// with a warning when it could not be written.
    pub fn save(mut self, seen: Option<&BTreeSet<String>>) -> Stats {
        let mut stats = Stats {
            hits: *self.hits.get_mut(),
            misses: *self.misses.get_mut(),
            repository_hit: self.repository_hit,
            unread: *self.unread.get_mut(),
            warning: None,
        };
        if *self.forged.get_mut() {
            stats.warning = Some(format!(
                "files of the cache in {} were not written by this user's govlint (their signature does not verify): they were not read, and are replaced",
                self.dir.display()
            ));
        }
        let kept = |name: &String| seen.is_none_or(|seen| seen.contains(name));
        let mut dirty = [false; SHARDS];
        for name in self.old.files.keys().filter(|n| !kept(n)) {
            dirty[shard_of(name)] = true;
        }
        for (name, (meta, _)) in &self.new {
            if self.old.files.get(name) != Some(meta) || self.entry(name).is_none() {
                dirty[shard_of(name)] = true;
            }
        }
        let repository = self.repository.take();
        // On a hit the old results were taken (see `repository`): they are the ones kept.
        let repository_changed =
            !self.repository_hit && repository.as_ref().map(|r| &r.digest) != self.old.repository.as_ref().map(|r| &r.digest);
        if !dirty.contains(&true) && !repository_changed && self.dir.join("index.json").is_file() {
            crate::teardown::release(self);
            return stats;
        }
        let mut files: BTreeMap<String, Meta> = self.old.files.iter().filter(|(n, _)| kept(n)).map(|(n, m)| (n.clone(), m.clone())).collect();
        for (name, (meta, _)) in &self.new {
            files.insert(name.clone(), meta.clone());
        }
        let written = std::fs::create_dir_all(&self.dir).map_err(|e| crate::fileio::io_reason(&e)).and_then(|()| {
            for i in (0..SHARDS).filter(|&i| dirty[i]) {
                let shard: Shard = files
                    .keys()
                    .filter(|n| shard_of(n) == i)
                    .filter_map(|n| {
                        let payload = match self.new.get(n) {
                            Some((_, p)) => p.clone(),
                            None => self.entry(n)?.1.clone(),
                        };
                        Some((n.clone(), payload))
                    })
                    .collect();
                let name = shard_name(i);
                write_json(&self.dir.join(&name), &shard, &self.key, &self.old.settings, &name)?;
            }
            let index = Index { version: FORMAT, settings: self.old.settings.clone(), files, repository };
            let written = write_json(&self.dir.join("index.json"), &index, &self.key, &self.old.settings, "index.json");
            crate::teardown::release(index);
            written
        });
        match written {
            Ok(()) => prune(&self.dir),
            Err(e) => stats.warning = Some(format!("the cache was not saved: {e}")),
        }
        crate::teardown::release(self);
        stats
    }
}

fn shard_of(name: &str) -> usize {
    usize::from(Sha256::digest(name.as_bytes())[0]) % SHARDS
}

fn shard_name(i: usize) -> String {
    format!("shard-{i:02}.json")
}

/// Writes `value` as JSON to `path`, signed (see [`Key::seal`]) as file `name` of `settings`.
fn write_json(path: &Path, value: &impl Serialize, key: &Key, settings: &str, name: &str) -> Result<(), String> {
    let text = serde_json::to_string(value).map_err(|e| e.to_string())?;
    crate::fileio::write_atomic(path, &key.seal(settings, name, &text)).map_err(|e| e.message)
}

/// Creates a cache directory, marked as one for backup tools and for git.
fn create(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join(".gitignore"), "*\n")?;
    std::fs::write(dir.join("CACHEDIR.TAG"), CACHEDIR_TAG)
}

/// Deletes the least recently written settings directories beside `current` beyond [`KEEP`]:
/// only real directories named as govlint names them (a settings digest), never what a link
/// points to.
fn prune(current: &Path) {
    let Some(dir) = current.parent() else { return };
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let ours = |e: &std::fs::DirEntry| {
        let name = e.file_name();
        let name = name.to_string_lossy();
        name.len() == 64 && name.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) && e.file_type().is_ok_and(|t| t.is_dir())
    };
    let mut others: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(ours)
        .map(|e| e.path())
        .filter(|p| p != current)
        .filter_map(|p| Some((p.join("index.json").metadata().or_else(|_| p.metadata()).ok()?.modified().ok()?, p)))
        .collect();
    if others.len() < KEEP {
        return;
    }
    others.sort();
    let extra = others.len() + 1 - KEEP;
    for (_, p) in others.into_iter().take(extra) {
        let _ = std::fs::remove_dir_all(p);
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
        d.details = Some(Box::new(serde_json::json!({"z": 0.1, "a": [1e300, -0.0, 12345678901234567890u64, 0.30000000000000004], "m": null})));
        std::sync::Arc::make_mut(&mut d.frameworks).insert("eu-ai-act".to_string(), "Art. 13".to_string());
        d.suppression = Some(Box::new(crate::diagnostic::Suppression {
            kind: crate::diagnostic::SuppressionKind::Inline,
            reason: Some("r".to_string()),
            approved_by: None,
            expires: None,
        }));
        let back: Diagnostic = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(format!("{back:?}"), format!("{d:?}"));
        assert_eq!(serde_json::to_string(&back.details).unwrap(), serde_json::to_string(&d.details).unwrap());
    }

    #[test]
    fn prune_keeps_the_most_recent() {
        let t = tempfile::tempdir().unwrap();
        let name = |i: u64| format!("{i:064x}");
        // Not the cache's: never deleted.
        std::fs::create_dir(t.path().join("notes")).unwrap();
        for i in 0..12 {
            let dir = t.path().join(name(i));
            std::fs::create_dir(&dir).unwrap();
            std::fs::write(dir.join("index.json"), "{}").unwrap();
            let time = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000 + i);
            std::fs::File::options().write(true).open(dir.join("index.json")).unwrap().set_modified(time).unwrap();
        }
        prune(&t.path().join(name(11)));
        let mut left: Vec<String> = std::fs::read_dir(t.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        let mut expected: Vec<String> = (4..12).map(name).collect();
        expected.push("notes".to_string());
        assert_eq!(left, expected);
    }
}
