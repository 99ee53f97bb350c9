//! govlint: a policy-as-code governance linter for large-model projects.
//!
//! The pipeline runs one way — discover, parse, classify, validate, (evaluate), filter, report —
//! and every stage returns values and diagnostics. Nothing in the library prints: `main.rs`
//! renders the outcome and maps it to an exit code.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod audit;
pub mod cache;
pub mod classify;
pub mod config;
pub mod diagnostic;
pub mod discover;
pub mod evidence;
pub mod git;
pub mod gitignore;
pub mod init;
pub mod i18n;
pub mod parse;
pub mod policy;
pub mod progress;
pub mod report;
pub mod rules;
pub mod schema;
pub mod scaffold;
pub mod select;
pub mod source;
pub mod teardown;
pub mod timings;
pub mod waivers;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::classify::{Class, Format, Kind};
use crate::config::Config;
use crate::diagnostic::{codes, Diagnostic, Severity, Sources};
use crate::discover::{Candidate, Skipped};
use crate::parse::ParsedFile;
use crate::source::{SourceFile, Span};
use crate::timings::Stage;

/// The tool could not do its job: bad config, bad path, bad flag. Exit code 2.
#[derive(Debug)]
pub struct ToolError {
    pub message: String,
    /// Where the problem is, when it is in a file (a config, a policy).
    pub source: Option<Arc<SourceFile>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ToolError {
    pub fn msg(message: impl Into<String>) -> Self {
        ToolError { message: message.into(), source: None, diagnostics: Vec::new() }
    }

    pub fn with_diagnostics(message: impl Into<String>, source: Arc<SourceFile>, diagnostics: Vec<Diagnostic>) -> Self {
        ToolError { message: message.into(), source: Some(source), diagnostics }
    }
}

impl std::fmt::Display for ToolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ToolError {}

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

/// One classified document of an artifact file.
#[derive(Debug, Clone)]
pub struct ArtifactDoc {
    pub index: usize,
    pub kind: Kind,
    pub format: Format,
    pub reason: String,
    /// The item of a list document (`kind: List` with `items`) this is: each item is checked as
    /// the document it is (see [`parse::kubernetes::items`]).
    pub item: Option<usize>,
}

impl ArtifactDoc {
    /// The document's value in `parsed` (the item's, for an item of a list), as the policy
    /// engine holds it; null when it cannot be found.
    fn value(&self, parsed: &ParsedFile) -> regorus::Value {
        let doc = parsed.documents.get(self.index).map(|d| &d.value);
        let value = match self.item {
            None => doc,
            Some(i) => doc.and_then(|d| d.get("items")?.get(i)),
        };
        value.map(policy::to_engine).unwrap_or(regorus::Value::Null)
    }

    /// A finding on this document, placed in its file: in its document, and for an item of a
    /// list, with its JSON path made the list's.
    fn place(&self, d: Diagnostic) -> Diagnostic {
        in_item(d.in_document(self.index, Some(self.kind.as_str())), self.item)
    }
}

/// A file that holds at least one artifact document.
#[derive(Debug, Clone)]
pub struct Artifact {
    pub file: String,
    pub parsed: ParsedFile,
    pub docs: Vec<ArtifactDoc>,
    /// The documents of `docs`, in order, as the policy engine holds them — kept after the
    /// file's own evaluation only for the rules that see every artifact (repository rules,
    /// `--combine`). For the bundled repository rules, one value instead: the list of the
    /// file's summaries (see [`policy::PolicySet::summary`]).
    pub values: Vec<regorus::Value>,
    /// The summaries the bundled repository rules read, for the cache; see [`Facts`].
    pub facts: Option<Facts>,
    /// The length and SHA-256 of the text, when the text was let go after the file's own checks
    /// (no finding needs it) while a repository finding may still have to be placed in it: the
    /// file is then read again, and used only if it is still the same.
    pub released: Option<Released>,
    /// What the rules that state their evidence said of the file, one entry per rule (see
    /// [`evidence`]).
    pub judged: Vec<evidence::Judged>,
    /// Whether the file's own checks ran and are reported (not a file read only for the
    /// repository rules).
    pub reported: bool,
    /// What its manifests speak for, and the workloads it defines (see [`evidence::Links`]);
    /// `None` when neither.
    pub links: Option<Box<evidence::Links>>,
}

/// The length and SHA-256 of a text that is no longer held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Released {
    pub len: usize,
    pub sha256: [u8; 32],
}

impl Released {
    pub fn of(text: &str) -> Released {
        use sha2::Digest;
        Released { len: text.len(), sha256: sha2::Sha256::digest(text.as_bytes()).into() }
    }
}

impl Artifact {
    /// Whether this artifact's documents are still to be loaded for the repository rules: it
    /// was not read (its facts came from the cache, see [`cache::Cache::unread`]), or it was
    /// read with the cache on, whose entries hold its documents.
    fn awaits_documents(&self) -> bool {
        self.facts.is_some() && self.values.is_empty()
    }

    /// The length and SHA-256 of the file's text, held or released (none for a file that was
    /// not read).
    pub fn stamp(&self) -> Option<Released> {
        match &self.released {
            Some(r) => Some(r.clone()),
            // An artifact's text is never empty: one that is was not read.
            None if self.parsed.source.text.is_empty() => None,
            None => Some(Released::of(&self.parsed.source.text)),
        }
    }

    /// The text of the file: the one held, or a released one read again if the file still
    /// holds it (otherwise the empty text: findings are then placed at the start of the file).
    fn text(&self) -> Arc<SourceFile> {
        let Some(released) = &self.released else { return Arc::clone(&self.parsed.source) };
        match std::fs::read_to_string(&self.file) {
            Ok(text) if Released::of(&text) == *released => SourceFile::new(self.parsed.source.name.clone(), text),
            _ => Arc::clone(&self.parsed.source),
        }
    }
}

/// The summaries of an artifact's documents that the bundled repository rules read (see
/// [`policy::PolicySet::summary`]; `documents` holds one value, the file's list of them), and
/// their digest: the repository rules' findings depend on the artifacts only through these.
/// The summaries are dropped once the cache has stored them; the digest stays.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub digest: String,
    pub documents: Vec<serde_json::Value>,
}

/// What to check, and how.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    /// An explicit config file; otherwise found by walking up from the first path.
    pub config: Option<PathBuf>,
    /// Worker threads; `None` uses every core.
    pub jobs: Option<usize>,
    /// Policies to load (the config's `policies:`, `params:` and `frameworks:` are added).
    pub policy: policy::LoadOptions,
    /// Frameworks chosen on the command line (they replace the config's).
    pub frameworks: Vec<String>,
    /// `--select`: the rules reported, by id or prefix, when given (see [`select`]).
    pub select: Option<Vec<String>>,
    /// `--ignore`: rules not reported, by id or prefix.
    pub ignore: Vec<String>,
    /// Evaluate user policies once over every artifact (conftest `--combine`).
    pub combine: bool,
    /// Lint the content staged in the git index instead of the working tree.
    pub staged: bool,
    /// Report only files changed since the merge base of this ref and HEAD.
    pub changed_since: Option<String>,
    /// Suppress findings recorded in this baseline file.
    pub baseline: Option<PathBuf>,
    /// Read, parse and classify only: no schema, no policy (the benchmark's floor).
    pub parse_only: bool,
    /// The output language chosen on the command line; otherwise `GOVLINT_LANG`, the config's
    /// `lang:`, then the locale decide (see [`i18n::resolve`]).
    pub lang: Option<i18n::Lang>,
    /// Show a progress bar on stderr once the run lasts a moment (see [`progress`]).
    pub progress: bool,
    /// Cache per-file results between runs: `Some(true)` on, `Some(false)` off, `None` as the
    /// config's `cache:` says (on when `cache_dir` is given).
    pub cache: Option<bool>,
    /// The cache directory (default: `.govlint-cache` in the config root).
    pub cache_dir: Option<PathBuf>,
    /// Nothing after the run shows the files' text (no excerpts, no SARIF): each text is let go
    /// once its file is checked, not kept for the files with findings.
    pub drop_sources: bool,
    /// Time each stage and each rule (`--timings`; see [`timings`]).
    pub timings: bool,
}

/// The result of a run.
#[derive(Debug)]
pub struct Outcome {
    pub config: Config,
    /// Sorted, with config overrides applied.
    pub diagnostics: Vec<Diagnostic>,
    pub artifacts: Vec<Artifact>,
    pub skipped: Vec<Skipped>,
    /// Files read, artifacts or not.
    pub files_read: usize,
    /// Findings that are reported but do not count: waived, suppressed inline, in the
    /// baseline, or excepted by a policy's `exception` rule. Each carries its `suppression`.
    pub suppressed: Vec<Diagnostic>,
    /// The policy packages that ran.
    pub packages: Vec<policy::Package>,
    /// The rule ids known, and those in force before the selection.
    pub rule_ids: select::RuleIds,
    /// Indices in `config.waivers` of the waivers that matched a finding.
    pub waivers_used: Vec<usize>,
    /// The output language; each diagnostic carries its `localized` text when it is not English.
    pub lang: i18n::Lang,
    /// What the result cache did, when the run used (or asked for) one.
    pub cache: Option<cache::Stats>,
    /// What the repository rules said of the repository itself (a result that names no
    /// artifact: the repository profile in govlint.yaml).
    pub repository_judged: Vec<evidence::Judged>,
    /// Where the run's time went, with `--timings` (the report stage is the caller's to add).
    pub timings: Option<Arc<timings::Timings>>,
}

impl Outcome {
    /// The text of every artifact and of the config, by display name.
    pub fn sources(&self) -> Sources {
        let mut s: Sources = self.artifacts.iter().map(|a| (a.file.clone(), Arc::clone(&a.parsed.source))).collect();
        if let Some(c) = &self.config.source {
            s.insert(c.name.clone(), Arc::clone(c));
        }
        s
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// The renderers' view of this run.
    pub fn view<'a>(&'a self, sources: &'a Sources) -> report::RunView<'a> {
        self.view_for(sources, true)
    }

    /// The renderers' view of this run; without `per_artifact`, the list of artifacts with the
    /// rules evaluated on each, and the rules' documentation, are left empty: only SARIF and
    /// JUnit show them, and the documentation is read from every bundled rule's metadata.
    pub fn view_for<'a>(&'a self, sources: &'a Sources, per_artifact: bool) -> report::RunView<'a> {
        let builtin: Vec<String> = codes::ALL.iter().map(|(c, _)| c.to_string()).collect();
        let artifacts = self
            .artifacts
            .iter()
            .filter(|_| per_artifact)
            .map(|a| {
                let mut kinds: Vec<String> = a.docs.iter().map(|d| d.kind.as_str().to_string()).collect();
                kinds.sort();
                kinds.dedup();
                let mut rules = builtin.clone();
                for p in &self.packages {
                    if a.docs.iter().any(|d| p.role == policy::Role::Artifact && p.applies_to(d.kind))
                        || (p.role == policy::Role::Repository && p.applies_to_any(&a.docs.iter().map(|d| d.kind).collect::<Vec<_>>()))
                    {
                        rules.push(p.rule_id());
                    }
                }
                rules.sort();
                rules.dedup();
                report::ArtifactRules { file: a.file.clone(), kinds, rules, released: a.released.clone() }
            })
            .collect();
        report::RunView {
            diagnostics: &self.diagnostics,
            suppressed: &self.suppressed,
            sources,
            artifacts,
            rules: if per_artifact { rules::for_run(&self.packages) } else { Vec::new() },
            summary: report::Summary::of(self),
        }
    }

    /// What `-v` says of the rules of the run, after the config: the frameworks in force and
    /// where they come from (`cli_frameworks`, the `--framework` flags, else the config's), the
    /// rules on (counted by framework, and named), and the rules in force that the selection
    /// turned off, by why.
    pub fn describe_rules(&self, cli_frameworks: &[String]) -> Vec<String> {
        let mut lines = Vec::new();
        let bundled_in_force = self.packages.iter().any(|p| p.builtin) || self.rule_ids.in_force.iter().any(|id| self.rule_ids.frameworks.contains_key(id));
        let (frameworks, from): (Vec<String>, &str) = if !bundled_in_force {
            (Vec::new(), "--no-builtin: no bundled rule is in force")
        } else if !cli_frameworks.is_empty() {
            (cli_frameworks.to_vec(), "from --framework")
        } else if !self.config.frameworks.is_empty() {
            (self.config.frameworks.clone(), "from the config's frameworks:")
        } else {
            (policy::FRAMEWORKS.iter().map(|f| f.to_string()).collect(), "none chosen: every bundled rule is in force")
        };
        lines.push(if frameworks.is_empty() { format!("frameworks: none ({from})") } else { format!("frameworks: {} ({from})", frameworks.join(", ")) });
        let rules: Vec<&policy::Package> = self.packages.iter().filter(|p| p.role != policy::Role::Library).collect();
        let bundled = rules.iter().filter(|p| p.builtin).count();
        let per_framework: Vec<String> = frameworks
            .iter()
            .map(|f| {
                let n = rules.iter().filter(|p| p.builtin && p.meta.as_ref().is_some_and(|m| m.custom.frameworks.contains_key(f))).count();
                format!("{f} {n}")
            })
            .collect();
        let checks: Vec<&str> = codes::ALL.iter().map(|(c, _)| *c).filter(|c| self.config.selection.enabled(c)).collect();
        let mut on: Vec<String> = checks.iter().map(|c| c.to_string()).chain(rules.iter().map(|p| p.rule_id())).collect();
        on.sort();
        on.dedup();
        let by_framework = if per_framework.is_empty() { String::new() } else { format!(": {}", per_framework.join(", ")) };
        lines.push(format!(
            "rules on: {} ({bundled} bundled{by_framework}; {} built-in checks; {} user policies); `govlint rules` describes the bundled ones",
            on.len(),
            checks.len(),
            rules.len() - bundled,
        ));
        lines.push(format!("  {}", on.join(" ")));
        let mut off: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
        for id in &self.rule_ids.in_force {
            if let Some(why) = self.config.selection.why_off(id) {
                off.entry(why.as_str()).or_default().push(id);
            }
        }
        for (why, ids) in off {
            lines.push(format!("rules off ({why}): {}", ids.join(" ")));
        }
        lines
    }

    /// The English title of the rule `id` that ran: its metadata's, or a built-in check's
    /// description.
    pub fn title(&self, id: &str) -> Option<String> {
        if let Some((_, description)) = codes::ALL.iter().find(|(c, _)| *c == id) {
            return Some(description.to_string());
        }
        self.packages.iter().find(|p| p.rule_id() == id).and_then(|p| p.meta.as_ref()?.title.clone())
    }

    /// Whether any diagnostic reaches `fail_on`.
    /// The timings of the run, its rules named, when it was timed.
    pub fn timings_report(&self) -> Option<timings::Report> {
        let t = self.timings.as_ref()?;
        Some(t.report(|i| self.packages[i].rule_id(), |i| self.packages[i].name.clone()))
    }

    pub fn failed(&self, fail_on: config::FailOn) -> bool {
        fail_on.threshold().is_some_and(|t| self.diagnostics.iter().any(|d| d.severity >= t))
    }
}

/// Loads the config for `opts`: the explicit file; or, with `--staged`, the one staged in the
/// index; or the one found walking up to the root of the repository; or the defaults. A config
/// passed over (above the repository, or in the working tree but not staged) is named in the
/// config's notes.
pub fn load_config(opts: &CheckOptions) -> Result<Config, ToolError> {
    let first = opts.paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    if let Some(p) = &opts.config {
        let mut config = Config::load(p)?;
        config.origin = config::Origin::Explicit;
        return Ok(config);
    }
    let located = Config::locate(&first);
    if opts.staged {
        if let Some((path, repo_path, bytes)) = git::staged_config(&first, config::FILE_NAMES)? {
            let text = String::from_utf8(bytes).map_err(|_| ToolError::msg(format!("the staged {repo_path} is not UTF-8 text")))?;
            return Config::from_staged(&display_path(&path), text, &path);
        }
    }
    let mut config = match &located.path {
        Some(p) if opts.staged => {
            let mut config = default_config(&first);
            config.notes.push(format!("{} is not staged: the commit will not record it, and it is not used (stage it, or name it with -c)", display_path(p)));
            config
        }
        Some(p) => Config::load(p)?,
        None => default_config(&first),
    };
    if let Some(outside) = &located.outside {
        config.notes.push(format!(
            "{} lies above the repository and is not used; name it with `-c {}` to use it",
            display_path(outside),
            display_path(outside)
        ));
    }
    Ok(config)
}

/// The defaults, rooted at the first path checked.
fn default_config(first: &Path) -> Config {
    let root = if first.is_dir() { first.to_path_buf() } else { first.parent().map(Path::to_path_buf).unwrap_or_default() };
    Config::default_at(root)
}

/// The most files one worker task takes. Left to itself, rayon hands a worker a long run of
/// files that no idle worker can take from it, and at 10,000 files one core was idle for about a
/// second and a half at the end; with short runs the workers finish together. Each task makes
/// its own engine clone, which is small next to checking a file.
const FILES_PER_TASK: usize = 16;

/// Runs `govlint check`.
pub fn check(opts: &CheckOptions) -> Result<Outcome, ToolError> {
    let mut config = load_config(opts)?;
    config.selection.select.clone_from(&opts.select);
    config.selection.ignore.clone_from(&opts.ignore);
    // Everything that can refuse the run is read before any artifact is.
    let lang = i18n::resolve(opts.lang, config.lang).map_err(ToolError::msg)?;
    let today = waivers::today()?;
    let baseline = opts.baseline.as_deref().map(waivers::Baseline::load).transpose()?;
    let paths = if opts.paths.is_empty() { vec![PathBuf::from(".")] } else { opts.paths.clone() };
    // Discovery keeps out of a `--cache-dir`.
    config.cache_dir.clone_from(&opts.cache_dir);
    // Git's account of the changes, the walk and the policies' compilation do not depend on
    // one another: they run at once. The walk is skipped where it would likely go unused (a
    // `--changed-since` run with no bundled rules, which may need no unchanged file).
    let speculate = !opts.staged && (opts.changed_since.is_none() || opts.policy.builtin);
    // Git reads the index, and hands its paths to the walk, which would read it too.
    let (share, shared) = if speculate && opts.changed_since.is_some() {
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        (Some(send), discover::SharedIndex::new(receive))
    } else {
        (None, discover::SharedIndex::default())
    };
    let git = opts.changed_since.clone().map(|reference| {
        let start = paths[0].clone();
        // The walk, when there is one, finds the untracked files too: git need not list them.
        std::thread::spawn(move || git::changed_since(&start, &reference, !speculate, share))
    });
    // The cache's directory is made before the walk, which keeps out of it; its index is read
    // once the policies are compiled (its key holds their digest), while the walk goes on.
    let prepared = cache::prepare(opts, &config);
    let (policies, cache, walked) = std::thread::scope(|s| {
        let (paths, config) = (&paths, &config);
        let walk = speculate.then(|| {
            s.spawn(move || {
                let start = std::time::Instant::now();
                (discover::discover_sharing(paths, config, shared), start.elapsed())
            })
        });
        let start = std::time::Instant::now();
        let policies = if opts.parse_only {
            policy::PolicySet::compile(Vec::new(), &policy::LoadOptions::default())
        } else {
            policy::PolicySet::load(&load_options(opts, config))
        };
        let policies = policies.map(|p| (p, start.elapsed()));
        let cache = policies.as_ref().ok().map(|(p, _)| cache::for_run(prepared, opts, config, p));
        (policies, cache, walk.map(|w| w.join().unwrap_or_else(|_| (Err(ToolError::msg("walking the paths failed")), std::time::Duration::ZERO))))
    });
    let (mut policies, compiled_in) = policies?;
    let timings = opts.timings.then(|| Arc::new(timings::Timings::new(policies.packages.len())));
    if let Some(t) = &timings {
        policies.set_timings(Arc::clone(t));
        t.add(Stage::Compile, compiled_in);
    }
    let walked = walked.map(|(walked, took)| {
        if let Some(t) = &timings {
            t.add(Stage::Discover, took);
        }
        walked
    });
    let discovering = std::time::Instant::now();
    // A rule id that names nothing is a typo, found once the user policies are known.
    if !opts.parse_only {
        check_rule_ids(&config, &policies.rule_ids)?;
    }
    let (mut cache, cache_warning) = cache.unwrap_or_default();
    let repository = policies.repository();
    // Without repository rules, the unchanged files are never read: the changed ones are taken
    // from git, no walk needed.
    let changed_only = repository.is_empty() && !opts.combine;
    let (changed, unchanged, mut untracked) = match git {
        Some(git) => {
            let mut changes = git.join().unwrap_or_else(|_| Err(ToolError::msg("reading the changes from git failed")))?;
            config.notes.append(&mut changes.notes);
            // The shortcut below takes the changed files from git alone: it needs the list.
            if changed_only {
                if let Some(untracked) = changes.untracked.take() {
                    changes.changed.extend(untracked.list());
                }
            }
            let changed: std::collections::BTreeSet<PathBuf> = changes.changed.iter().filter_map(|p| p.canonicalize().ok()).collect();
            (Some(changed), changes.unchanged, changes.untracked)
        }
        None => (None, Default::default(), None),
    };
    let shortcut = match &changed {
        Some(changed) if changed_only => discover::among(&paths, changed, &config),
        _ => None,
    };
    let walked_less = shortcut.is_some();
    let mut found = match (shortcut, walked) {
        (Some(found), _) => found,
        (None, _) if opts.staged => discover::staged(&paths, &config)?,
        (None, Some(walked)) => walked?,
        (None, None) => discover::discover(&paths, &config)?,
    };
    if let Some(t) = &timings {
        // What git and the walk left to do here (the walk's own time is counted above).
        t.add(Stage::Discover, discovering.elapsed());
    }
    if let Some(changed) = &changed {
        // Each candidate lies under one of the given paths: resolve those once and join the
        // rest, rather than resolving every candidate (a readlink per path component).
        let roots: Vec<(&PathBuf, Option<PathBuf>)> = paths.iter().map(|p| (p, p.canonicalize().ok())).collect();
        for c in &mut found.candidates {
            let resolved = roots
                .iter()
                .find_map(|(root, canonical)| Some(canonical.as_ref()?.join(c.path.strip_prefix(root).ok()?)))
                .or_else(|| c.path.canonicalize().ok());
            // A file git vouches unchanged is tracked: only the others can be changed or
            // untracked.
            c.blob = resolved.as_ref().and_then(|p| unchanged.get(p).copied());
            c.report = c.blob.is_none() && resolved.is_some_and(|p| changed.contains(&p) || untracked.as_mut().is_some_and(|u| u.contains(&p)));
        }
    }
    // Unchanged files are read only when repository rules need every artifact.
    let partial = changed.is_some() || found.candidates.iter().any(|c| !c.report);
    let seen: std::collections::BTreeSet<String> = found.candidates.iter().filter(|_| cache.is_some()).map(|c| c.name()).collect();
    if partial && repository.is_empty() {
        found.candidates.retain(|c| c.report);
    }
    let schemas = schema::Schemas::bundled();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        // Parsers and the policy engine recurse on nesting that a hostile file chooses (within
        // `limits.max_depth` and saphyr's own bound); a roomy stack keeps that from overflowing.
        // Only the pages used are ever committed.
        .stack_size(WORKER_STACK)
        .build()
        .map_err(|e| ToolError::msg(format!("cannot start worker threads: {e}")))?;
    let files_read = found.candidates.len();
    let progress = progress::Progress::new(opts.progress, files_read as u64);
    // `read_ctx` reads for the repository rules alone (and never borrows the cache).
    let read_ctx = Context {
        config: &config,
        schemas: &schemas,
        policies: &policies,
        combine: opts.combine,
        parse_only: opts.parse_only,
        keep_documents: !repository.is_empty() || opts.combine,
        cache: None,
        keep_sources: !opts.drop_sources,
        values: true,
    };
    let ctx = Context { cache: cache.as_ref(), ..read_ctx };
    let check_files = |candidates: &[Candidate], ctx: &Context<'_>| -> Vec<FileResult> {
        candidates
            .par_iter()
            .with_max_len(FILES_PER_TASK)
            .map_init(
                || policies.worker(),
                |engine, c| {
                    let r = process(c, ctx, engine);
                    progress.inc();
                    r
                },
            )
            .collect()
    };
    // The repository rules need every file's documents, and evaluate in one engine: run after
    // the files' own checks, they would keep one core idle. So (without a cache, which holds
    // the documents of unchanged files, and without `--combine`) every file is first read for
    // them alone, which costs about a parse, and they run while the files are checked.
    let overlap = !repository.is_empty() && cache.is_none() && !opts.combine && !opts.parse_only;
    let quiet = progress::Progress::new(false, 0);
    // Every candidate read for the repository rules alone; a file not reported is done once
    // read (the bar counts every file read).
    let read_for_repository = |progress: &progress::Progress| {
        artifacts_of(pool.install(|| {
            found
                .candidates
                .par_iter()
                .with_max_len(FILES_PER_TASK)
                .map_init(|| policies.worker(), |engine, c| {
                    let r = for_repository(c, &read_ctx, engine);
                    if !c.report {
                        progress.inc();
                    }
                    r
                })
                .collect()
        }))
    };
    let mut early: Option<(RepositoryResults, Vec<Artifact>)> = None;
    let results: Vec<FileResult> = if overlap {
        let mut read = read_for_repository(&progress);
        let reported: Vec<Candidate> = found.candidates.iter().filter(|c| c.report).cloned().collect();
        let (xr, results) = pool.install(|| {
            rayon::join(
                || repository_rules(&policies, &repository, &mut read, &quiet),
                || check_files(&reported, &Context { values: false, ..ctx }),
            )
        });
        early = Some((xr, read));
        results
    } else {
        pool.install(|| check_files(&found.candidates, &ctx))
    };

    // Sized once: grown by doubling, a large run's findings would be held twice over at the
    // moment of each copy.
    let total = results
        .iter()
        .map(|r| if let FileResult::Artifact(_, d, _, v) = r { d.len() + v.as_ref().map_or(0, |v| v.0.len()) } else { 1 })
        .sum();
    let mut diagnostics = Vec::with_capacity(total);
    let mut exceptions = Vec::new();
    let mut artifacts = Vec::with_capacity(results.len());
    let mut skipped = found.skipped;
    let reported: std::collections::BTreeSet<String> = found.candidates.iter().filter(|c| c.report).map(|c| c.name()).collect();
    for r in results {
        match r {
            FileResult::Artifact(mut a, mut d, mut e, volatile) => {
                if let Some(cache) = &mut cache {
                    cache.store(&a.file, &d, &e, &a.judged, a.links.as_deref(), a.facts.as_ref());
                }
                if let Some(facts) = &mut a.facts {
                    facts.documents = Vec::new(); // stored; the digest is what the run needs
                }
                diagnostics.append(&mut d);
                exceptions.append(&mut e);
                // Found afresh in every run, never stored.
                if let Some(v) = volatile {
                    let (mut vd, mut ve) = *v;
                    diagnostics.append(&mut vd);
                    exceptions.append(&mut ve);
                }
                artifacts.push(*a);
            }
            FileResult::Problem(d) => diagnostics.push(*d),
            FileResult::Skipped(s) => skipped.push(s),
        }
    }
    artifacts.sort_by(|a, b| a.file.cmp(&b.file));
    if opts.combine {
        let documents = artifacts.iter().map(|a| a.docs.len()).sum();
        let (mut d, mut e) = combined_rules(&policies, &mut policies.wide_worker(documents), &artifacts);
        diagnostics.append(&mut d);
        exceptions.append(&mut e);
    }
    let results = match early {
        // The repository rules ran while the files were checked, on what was read for them.
        Some((results, read)) => {
            let (results, read) = if read_again(&artifacts, &read, &reported) {
                // A checked file is not what they read (it changed during the run): they run
                // again, on what the files hold now.
                let mut read = read_for_repository(&quiet);
                (pool.install(|| repository_rules(&policies, &repository, &mut read, &progress)), read)
            } else {
                (results, read)
            };
            // The files read for them alone are artifacts too (their findings are placed there).
            artifacts.extend(read.into_iter().filter(|a| !reported.contains(&a.file)));
            artifacts.sort_by(|a, b| a.file.cmp(&b.file));
            results
        }
        // Last, as it takes the documents: they are not needed after it.
        None => {
            progress.phase("repository rules", repository.len() as u64);
            let run = |artifacts: &mut [Artifact]| {
                // The cache could not give the documents of a file it vouched for: read it after all.
                for a in artifacts.iter_mut().filter(|a| a.awaits_documents()) {
                    reread(a, &config, &policies);
                }
                pool.install(|| repository_rules(&policies, &repository, artifacts, &progress))
            };
            match &mut cache {
                Some(cache) => cache.repository(&mut artifacts, repository.iter().any(|&p| policies.is_volatile(p)), run),
                None => run(&mut artifacts),
            }
        }
    };
    let placing = std::time::Instant::now();
    let (mut d, mut e, repository_judged) = repository_diagnostics(&policies, results, &mut artifacts, &config, partial.then_some(&reported), !opts.drop_sources);
    if let Some(t) = &timings {
        t.add(Stage::Repository, placing.elapsed());
    }
    diagnostics.append(&mut d);
    exceptions.append(&mut e);
    progress.finish();
    // A run that did not look at every file keeps the entries of the files it did not see.
    let cache = cache::finish(cache, cache_warning, (!walked_less).then_some(&seen));
    if partial {
        diagnostics.retain(|d| reported.contains(&d.file));
        exceptions.retain(|d| reported.contains(&d.file));
    }
    let diagnostics: Vec<Diagnostic> = diagnostics.into_iter().filter_map(|d| config.apply(d)).collect();
    // The rules this run evaluated and reports: a waiver or a baseline entry of another rule is
    // neither used nor stale.
    let evaluated: std::collections::BTreeSet<String> = policies.packages.iter().map(policy::Package::rule_id).collect();
    let ran = |rule: &str| config.selection.enabled(rule) && (evaluated.contains(rule) || codes::ALL.iter().any(|(c, _)| *c == rule));
    let (mut diagnostics, mut waived, waivers_used) = waivers::apply_with_usage(&config, diagnostics, &today, !partial, ran);
    let mut suppressed = exceptions;
    suppressed.append(&mut waived);
    if let Some(baseline) = &baseline {
        let (kept, mut known) = baseline.apply(diagnostics, !partial, ran);
        diagnostics = kept;
        suppressed.append(&mut known);
    }
    diagnostic::sort(&mut diagnostics);
    diagnostic::sort(&mut suppressed);
    skipped.sort();
    let translator = i18n::Translator::new(&policies.packages, lang);
    diagnostics.iter_mut().chain(suppressed.iter_mut()).for_each(|d| translator.apply(d));
    let packages = policies.packages.clone();
    let rule_ids = policies.rule_ids.clone();
    // What the run built and the outcome does not hold: often left to the end of the process.
    teardown::release((policies, schemas, found.candidates, seen, reported, changed, unchanged, untracked));
    Ok(Outcome { config, diagnostics, artifacts, skipped, files_read, suppressed, packages, rule_ids, waivers_used, lang, cache, repository_judged, timings })
}

/// The policy options of a run: the command line's, plus the config's policies, params and
/// frameworks.
pub fn load_options(opts: &CheckOptions, config: &Config) -> policy::LoadOptions {
    let mut load = opts.policy.clone();
    load.timeout = config.policy_timeout;
    load.paths.extend(config.policies.iter().cloned());
    let mut params = config.params.clone();
    policy::merge(&mut params, std::mem::take(&mut load.params));
    load.params = params;
    load.profile = config.profile.clone();
    let frameworks = if opts.frameworks.is_empty() { config.frameworks.clone() } else { opts.frameworks.clone() };
    if !frameworks.is_empty() {
        load.frameworks = Some(frameworks.into_iter().collect());
    }
    load.selection = config.selection.clone();
    load.timings = opts.timings;
    load
}

/// Refuses a run whose selection names no rule: an id or prefix of `--select` or `--ignore`
/// that matches no rule, a `--select` whose rules none is in force (it would report nothing
/// and pass), a key of the config's `rules:` that matches no rule, or a waiver whose `rule` is
/// not a rule's id. The config's mistakes are reported at their line and column.
pub fn check_rule_ids(config: &Config, ids: &select::RuleIds) -> Result<(), ToolError> {
    for (flag, selectors) in [("--select", config.selection.select.as_deref().unwrap_or_default()), ("--ignore", &config.selection.ignore[..])] {
        for s in selectors {
            let problem = match ids.problem(s) {
                // Ignoring what does not run is harmless; selecting it would report nothing.
                Some(select::Problem::NotInForce { .. }) if flag == "--ignore" => None,
                p => p,
            };
            if let Some(p) = problem {
                return Err(ToolError::msg(select::describe(flag, s, &p)));
            }
        }
    }
    let Some(source) = &config.source else { return Ok(()) };
    let mut diags = Vec::new();
    for (key, span) in &config.rule_keys {
        if let Some(p @ select::Problem::Unknown { .. }) = ids.problem(key) {
            diags.push(
                Diagnostic::at(source, *span, "config", Severity::Error, select::describe("the `rules:` key", key, &p))
                    .with_label("no such rule")
                    .with_help("a key of `rules:` is a rule id (MC001) or the start of some (MC); `govlint rules` lists them"),
            );
        }
    }
    for w in &config.waivers {
        if !ids.known.contains(&w.rule) {
            let suggestion = match ids.problem(&w.rule) {
                Some(select::Problem::Unknown { suggestion }) => suggestion,
                _ => None,
            };
            let hint = suggestion.map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
            let message = if ids.knows(&w.rule) {
                format!("the waiver's rule `{}` is the start of rule ids, not one: a waiver names one rule{hint}", w.rule)
            } else {
                format!("the waiver's rule `{}` is not a rule id{hint}; `govlint rules` lists them", w.rule)
            };
            diags.push(
                Diagnostic::at(source, w.rule_span, "config", Severity::Error, message)
                    .with_label("no such rule")
                    .with_help("a waiver's `rule` is the id of one rule, as findings show it"),
            );
        }
    }
    if diags.is_empty() {
        return Ok(());
    }
    diagnostic::sort(&mut diags);
    Err(ToolError::with_diagnostics(format!("invalid configuration in {}", source.name), Arc::clone(source), diags))
}

/// What `govlint init` sees in a tree: the artifacts `check` would read under `config` (same
/// discovery, parsing and classification), each handed to `each` in discovery order, and the
/// files it would skip, sorted by path.
pub fn survey(paths: &[PathBuf], config: &Config, mut each: impl FnMut(Artifact)) -> Result<Vec<Skipped>, ToolError> {
    let found = discover::discover(paths, config)?;
    let mut skipped = found.skipped;
    // Each artifact is handed over and dropped as it is read: what a survey holds at once is
    // one file's documents, not the repository's.
    for c in &found.candidates {
        match read_and_classify(c, config) {
            Ok(a) if !a.docs.is_empty() => each(a),
            Ok(_) => {}
            Err(r) => {
                if let FileResult::Skipped(s) = *r {
                    skipped.push(s);
                }
            }
        }
    }
    skipped.sort();
    Ok(skipped)
}

/// Stack of each worker thread.
const WORKER_STACK: usize = 256 << 20;

/// Shared, read-only state of the per-file stage.
#[derive(Clone, Copy)]
struct Context<'a> {
    config: &'a Config,
    schemas: &'a schema::Schemas,
    policies: &'a policy::PolicySet,
    combine: bool,
    parse_only: bool,
    /// Whether the documents are needed after their own evaluation (repository rules,
    /// `--combine`); otherwise they are dropped as soon as a file is done.
    keep_documents: bool,
    /// Findings of earlier runs, by file and content.
    cache: Option<&'a cache::Cache>,
    /// Whether the text of a file with findings is kept for the renderers.
    keep_sources: bool,
    /// Whether a checked file's documents become the engine's values here (see [`checked`]);
    /// not when the repository rules already have them from a read of their own.
    values: bool,
}

impl Context<'_> {
    /// Whether the repository rules read summaries of the documents rather than the documents
    /// (not under `--combine`, whose rules see whole documents).
    fn summarizes(&self) -> bool {
        self.policies.summarizes() && !self.combine
    }
}

/// The findings and excepted findings of the packages whose results depend on the time or on
/// chance (see [`policy::PolicySet::is_volatile`]), kept apart when a cache is in use: they are
/// never stored, and are found afresh when the rest comes from the cache.
type Volatile = Option<Box<(Vec<Diagnostic>, Vec<Diagnostic>)>>;

enum FileResult {
    /// An artifact, its findings, its findings excepted by policy `exception` rules, and (with
    /// a cache) the findings of volatile packages, apart.
    Artifact(Box<Artifact>, Vec<Diagnostic>, Vec<Diagnostic>, Volatile),
    /// A file that is an artifact by name or config but could not be read.
    Problem(Box<Diagnostic>),
    Skipped(Skipped),
}

/// Why a file could not be read as text.
enum Unread {
    /// Larger than `limits.max_file_size`: refused by its length, never read whole.
    TooLarge,
    /// Unreadable, binary or not UTF-8: the reason, after "the file".
    Other(String),
}

/// Reads a file, bounded by the configured size.
fn read(c: &Candidate, config: &Config) -> Result<String, Unread> {
    use std::io::Read;
    if let Some(bytes) = &c.contents {
        return check_text(bytes.clone(), config);
    }
    let file = std::fs::File::open(&c.path).map_err(|e| Unread::Other(format!("cannot be read: {}", discover::io_reason(&e))))?;
    // Refuse an oversized file by its length, without reading it; `take` below still bounds a
    // file that grows while it is read.
    if file.metadata().is_ok_and(|m| m.is_file() && m.len() > config.max_file_size) {
        return Err(Unread::TooLarge);
    }
    let mut bytes = Vec::new();
    file.take(config.max_file_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Unread::Other(format!("cannot be read: {}", discover::io_reason(&e))))?;
    check_text(bytes, config)
}

fn too_large(config: &Config) -> String {
    format!("is larger than the {} byte limit (`limits.max_file_size` in govlint.yaml)", config.max_file_size)
}

/// Accepts file bytes as text: within the size limit, no NUL byte, valid UTF-8.
fn check_text(bytes: Vec<u8>, config: &Config) -> Result<String, Unread> {
    if bytes.len() as u64 > config.max_file_size {
        return Err(Unread::TooLarge);
    }
    if let Some(i) = bytes.iter().position(|b| *b == 0) {
        return Err(Unread::Other(format!("has binary content (a NUL byte at offset {i})")));
    }
    String::from_utf8(bytes).map_err(|e| Unread::Other(format!("is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to())))
}

/// The first [`classify::sniff::PREFIX`] bytes of a file, as text (what is not UTF-8 replaced).
fn prefix(c: &Candidate) -> String {
    use std::io::Read;
    let mut bytes = Vec::new();
    match &c.contents {
        Some(all) => bytes.extend_from_slice(&all[..all.len().min(classify::sniff::PREFIX)]),
        None => {
            if let Ok(file) = std::fs::File::open(&c.path) {
                let _ = file.take(classify::sniff::PREFIX as u64).read_to_end(&mut bytes);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// What becomes of a file that could not be read as text. One that is an artifact by its place
/// (named on the command line, a `kinds:` glob, its name, a directory of deployment configs) is
/// a finding. An oversized file is a `limit-exceeded` finding unless nothing suggests an
/// artifact: every YAML or Markdown file counts (the formats artifacts are written in, seldom
/// megabytes of data), and a JSON file when its place or its first bytes say so; any other
/// oversized JSON (a dataset, a tokenizer) is a note. Any other unreadable file is skipped.
fn unreadable(c: &Candidate, config: &Config, name: String, glob: Option<classify::GlobHint>, unread: Unread) -> FileResult {
    let placed = c.explicit || classify::sniff::by_place(&c.path, &config.relative(&c.path), c.syntax, glob).is_some();
    let problem = |rule: &str, severity: Severity, message: String| FileResult::Problem(Box::new(Diagnostic::whole_file(name.clone(), rule, severity, message)));
    match unread {
        Unread::TooLarge => {
            let message = format!("the file {}", too_large(config));
            if placed || c.syntax != parse::Syntax::Json || classify::sniff::by_text(c.syntax, &prefix(c)).is_some() {
                problem(codes::LIMIT_EXCEEDED, Severity::Error, message)
            } else {
                problem(codes::LIMIT_EXCEEDED, Severity::Note, format!("{message}; its first bytes show no artifact, so it was not checked"))
            }
        }
        Unread::Other(reason) if placed => problem(codes::READ_ERROR, Severity::Error, format!("the file {reason}")),
        Unread::Other(reason) => FileResult::Skipped(Skipped { path: name, reason }),
    }
}

/// Reads, parses and classifies one candidate: the artifact and its documents, or why it is
/// skipped, or the read error of a file that is an artifact by name. A file that does not
/// parse is an artifact when the sniff says so ([`classify::sniff`]). Shared by `check` and
/// [`survey`], so that `govlint init` finds exactly what `govlint check` would.
fn read_and_classify(c: &Candidate, config: &Config) -> Result<Artifact, Box<FileResult>> {
    let name = c.name();
    let glob = config.kind_hint(&c.path);
    let text = match read(c, config) {
        Ok(t) => t,
        Err(unread) => return Err(Box::new(unreadable(c, config, name, glob, unread))),
    };
    // A chart's template is a Go template, YAML only once Helm renders it: checked as it is,
    // it would be a parse error or a schema error for what the template leaves to its values.
    if !c.explicit && c.syntax == parse::Syntax::Yaml && classify::kind_from_name(&c.path).is_none() && classify::sniff::helm_template(&c.path, &text) {
        return Err(Box::new(FileResult::Skipped(Skipped { path: name, reason: classify::sniff::HELM_TEMPLATE.to_string() })));
    }
    if !c.explicit && glob.is_none() && c.syntax == parse::Syntax::Yaml && classify::kustomize_patch(&c.path) {
        let reason = "a kustomize patch (its kustomization applies it to a base): a partial object, checked once built".to_string();
        return Err(Box::new(FileResult::Skipped(Skipped { path: name, reason })));
    }
    let source = SourceFile::new(name.clone(), text);
    let mut parsed = parse::parse(source, c.syntax, &config.limits);
    if !c.explicit
        && glob.is_none()
        && c.syntax == parse::Syntax::Yaml
        && classify::kind_from_name(&c.path).is_none()
        && parsed.source.text.contains("{{")
        && parsed.documents.iter().any(|d| classify::sniff::template_placeholder(&d.value))
    {
        return Err(Box::new(FileResult::Skipped(Skipped { path: name, reason: classify::sniff::TEMPLATE.to_string() })));
    }
    // A front matter that is never closed reads as none at all (as on the Hub): a card that
    // meant one loses its metadata without a word, so it is a parse error.
    let unclosed = parsed.unclosed.filter(|_| classify::sniff::unclosed_front_matter(&c.path, &parsed.source.text));
    if let Some(open) = unclosed {
        let mut d = Diagnostic::at(&parsed.source, open, codes::PARSE_ERROR, Severity::Error, "the front matter is never closed: no `---` line ends it")
            .with_label("opened here")
            .with_help("end the front matter with a `---` line; without one, the Hub reads the card as having no metadata");
        let kind = classify::sniff::by_text(c.syntax, &parsed.source.text).and_then(|s| s.kind).unwrap_or(classify::Kind::ModelCard);
        d.kind = Some(kind.as_str().to_string());
        parsed.diagnostics.push(d);
    }
    let mut docs = Vec::new();
    let mut why_not = None;
    for doc in &parsed.documents {
        // An empty document (a stream's trailing `---`, or a `---` between two) holds nothing
        // to check; it is an artifact only as the whole of a file named as one.
        if doc.value.is_null() && (parsed.documents.len() > 1 || !(c.explicit || glob.is_some())) {
            why_not.get_or_insert_with(|| "an empty YAML document".to_string());
            continue;
        }
        let class = classify::classify(&c.path, c.syntax, &doc.value, parsed.has_front_matter, glob).or_else(|e| {
            // A duplicated key: the document is an artifact if either reading makes it one
            // (the duplicate is then reported with the rest of its findings).
            let later = doc.last_wins().ok_or_else(|| e.clone())?;
            let class = classify::classify(&c.path, c.syntax, &later, parsed.has_front_matter, glob).map_err(|_| e)?;
            Ok(Class { reason: format!("{}, by the later value of a duplicated key", class.reason), ..class })
        });
        match class {
            // A list is checked item by item, each as the document it is; a list none of whose
            // items is an artifact is checked as it is.
            Ok(Class { kind, format, reason }) if format == Format::Kubernetes && parse::kubernetes::is_list(&doc.value) => {
                let list = doc.value.get("kind").and_then(serde_json::Value::as_str).unwrap_or("List");
                let mut objects = 0;
                for (i, item) in doc.value["items"].as_array().into_iter().flatten().enumerate() {
                    objects += usize::from(item.get("apiVersion").is_some_and(serde_json::Value::is_string) && item.get("kind").is_some_and(serde_json::Value::is_string));
                    match classify::classify(&c.path, c.syntax, item, false, glob) {
                        Ok(c) => {
                            let reason = format!("item {} of a `{list}`: {}", i + 1, c.reason);
                            docs.push(ArtifactDoc { index: doc.index, kind: c.kind, format: c.format, reason, item: Some(i) });
                        }
                        Err(e) => {
                            why_not.get_or_insert(format!("item {} of a `{list}`: {e}", i + 1));
                        }
                    }
                }
                // A list of cluster plumbing is not an artifact; one of no objects is what it is.
                if objects == 0 {
                    docs.push(ArtifactDoc { index: doc.index, kind, format, reason, item: None });
                }
            }
            // A card whose front matter has only keys every card uses is a ModelScope card
            // when its body points at the ModelScope hub (as ModelScope's card template does).
            Ok(Class { kind, format: Format::Huggingface, reason }) if kind == Kind::ModelCard && glob.is_none() && !reason.contains("Hugging Face model-card keys") && modelscope_body(&parsed) => {
                let reason = format!("{reason}; its body points at the ModelScope hub (modelscope.cn)");
                docs.push(ArtifactDoc { index: doc.index, kind, format: Format::Modelscope, reason, item: None });
            }
            Ok(Class { kind, format, reason }) => docs.push(ArtifactDoc { index: doc.index, kind, format, reason, item: None }),
            Err(e) => match by_neighbours(c, config, &parsed, &doc.value, glob) {
                Some(class) => docs.push(ArtifactDoc { index: doc.index, kind: class.kind, format: class.format, reason: class.reason, item: None }),
                None => {
                    why_not.get_or_insert(e);
                }
            },
        }
    }
    // Kubernetes objects and Helm values as kubectl and Helm read them (YAML 1.1 booleans).
    let mut resolved = None;
    for d in docs.iter().filter(|d| matches!(d.format, Format::Kubernetes | Format::HelmValues)) {
        if resolved.replace(d.index) != Some(d.index) {
            if let Some(doc) = parsed.documents.get_mut(d.index) {
                parse::kubernetes::resolve_booleans(doc);
            }
        }
    }
    let candidate = c.explicit || unclosed.is_some() || classify::is_candidate(&c.path, c.syntax, parsed.has_front_matter, glob);
    if docs.is_empty() && (!candidate || parsed.diagnostics.is_empty()) {
        let failed = parsed.diagnostics.iter().any(|d| d.rule == codes::PARSE_ERROR || d.rule == codes::LIMIT_EXCEEDED);
        if !failed {
            let reason = why_not.unwrap_or_else(|| "holds no document".to_string());
            return Err(Box::new(FileResult::Skipped(Skipped { path: name, reason })));
        }
        // It does not parse: the sniff decides from what survives whether it is an artifact.
        match classify::sniff::unparsed(&c.path, &config.relative(&c.path), c.syntax, &parsed.source.text, glob) {
            Ok(sniffed) => {
                for d in &mut parsed.diagnostics {
                    d.kind = sniffed.kind.map(|k| k.as_str().to_string());
                }
            }
            Err(reason) => return Err(Box::new(FileResult::Skipped(Skipped { path: name, reason }))),
        }
    }
    Ok(Artifact { file: name, parsed, docs, values: Vec::new(), facts: None, released: None, judged: Vec::new(), reported: false, links: None })
}

/// What the files around a document that carries no signature of its own say it is: a
/// chart's values file ([`classify::helm`]), or the `README.md` of a model repository
/// ([`classify::model_repository`]). Not for a file a `kinds:` glob names (the glob decides).
fn by_neighbours(c: &Candidate, config: &Config, parsed: &parse::ParsedFile, value: &serde_json::Value, glob: Option<classify::GlobHint>) -> Option<Class> {
    if glob.is_some() {
        return None;
    }
    match c.syntax {
        parse::Syntax::Yaml => {
            let keys: Vec<&str> = value.as_object()?.keys().map(String::as_str).collect();
            let charts = || config.charts.get_or_init(|| classify::helm::charts(&config.root)).as_slice();
            let reason = classify::helm::values_of(&c.path, &keys, charts, &config.root)?;
            Some(Class { kind: Kind::DeploymentConfig, format: Format::HelmValues, reason })
        }
        parse::Syntax::Markdown if c.path.file_name().is_some_and(|n| n == "README.md") && value.as_object().is_some() => {
            let reason = classify::model_repository(c.path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")))?;
            let format = if modelscope_body(parsed) { Format::Modelscope } else { Format::Huggingface };
            Some(Class { kind: Kind::ModelCard, format, reason })
        }
        _ => None,
    }
}

/// Whether a card's body points at the ModelScope hub.
fn modelscope_body(parsed: &parse::ParsedFile) -> bool {
    parsed.syntax == parse::Syntax::Markdown && parsed.source.text.contains("modelscope.cn/") && !parsed.source.text.contains("huggingface.co/")
}

fn process(c: &Candidate, ctx: &Context<'_>, engine: &mut regorus::Engine) -> FileResult {
    if !c.report && ctx.summarizes() {
        if let Some(a) = ctx.cache.and_then(|cache| cache.unread(c)) {
            return FileResult::Artifact(Box::new(a), Vec::new(), Vec::new(), None);
        }
    }
    if !c.report {
        return for_repository(c, ctx, engine);
    }
    let clock = ctx.policies.timings();
    let Artifact { file: name, mut parsed, docs, .. } = match timings::time(clock, Stage::Parse, || read_and_classify(c, ctx.config)) {
        Ok(a) => a,
        Err(r) => return *r,
    };
    // The parse findings move into the file's findings; nothing reads them from `parsed` later.
    let mut diags = std::mem::take(&mut parsed.diagnostics);
    if let Some(hit) = ctx.cache.and_then(|cache| cache.lookup(&name, &parsed.source.text, &docs, c.explicit)) {
        let known = hit.facts.map(|digest| Facts { digest, documents: Vec::new() });
        let (volatile, fresh) = volatile_findings(ctx, engine, &name, &parsed, &docs);
        let mut a = checked(ctx, engine, name, parsed, docs, Vec::new(), known, ctx.keep_documents, (hit.diagnostics, hit.excepted), volatile);
        if let FileResult::Artifact(a, ..) = &mut a {
            // What the volatile packages judged is judged again, as their findings are.
            a.judged = hit.judged.into_iter().filter(|j| !ctx.policies.is_volatile(j.package as usize)).collect();
            for j in fresh {
                evidence::record(&mut a.judged, j);
            }
            a.links = hit.links;
            a.reported = true;
        }
        return a;
    }
    for d in &mut diags {
        if let Some(i) = d.document.or_else(|| doc_at(&parsed, d.span)) {
            d.document = Some(i);
            // A file that does not parse keeps the kind the sniff gave its findings.
            d.kind = docs.iter().find(|a| a.index == i && a.item.is_none_or(|n| d.pointer.as_deref().is_some_and(|p| within(p, n)))).map(|a| a.kind.as_str().to_string()).or(d.kind.take());
        }
    }
    let mut excepted = Vec::new();
    let mut values = Vec::new();
    let mut judged = Vec::new();
    let set = ctx.policies;
    let summarize = ctx.keep_documents && ctx.values && ctx.summarizes() && !ctx.parse_only;
    // With a cache, the volatile packages' findings are kept apart: the cache must not keep them.
    let split = ctx.cache.is_some() && set.has_volatile();
    let mut volatile: (Vec<Diagnostic>, Vec<Diagnostic>) = (Vec::new(), Vec::new());
    // `--parse-only` stops here: parse errors are reported, nothing is validated or evaluated.
    let mut views = Views { parsed: &parsed, list: None };
    let mut links = evidence::Links::default();
    for a in docs.iter().filter(|_| !ctx.parse_only) {
        let doc = views.of(a);
        links.add(a.format, &doc.value);
        let found = timings::time(clock, Stage::Schema, || ctx.schemas.validate(&parsed.source, doc, a.kind, a.format));
        diags.extend(found.into_iter().map(|d| a.place(d)));
        let evaluating = clock.map(|_| std::time::Instant::now());
        let pkgs: Vec<usize> = set.for_kind(a.kind).into_iter().filter(|&p| !ctx.combine || set.packages[p].builtin).collect();
        // Kept for the rules that see every artifact, or for the file's summaries below.
        let keep = ctx.keep_documents && ctx.values;
        if pkgs.is_empty() && !keep {
            // No rule to evaluate, and nothing to keep (`--no-builtin` without policies).
            continue;
        }
        let value = policy::to_engine(&doc.value);
        if keep {
            values.push(value.clone());
        }
        let file_ctx = policy::file_context(&name, a.kind, a.format.as_str(), a.index, parsed.documents.len(), &parsed.sections);
        let input = policy::PolicySet::input(value, file_ctx);
        for (pkg, result) in set.eval_all(engine, &pkgs, &input) {
            let (d, e) = if split && set.is_volatile(pkg) { (&mut volatile.0, &mut volatile.1) } else { (&mut diags, &mut excepted) };
            gather(set, pkg, result, (&parsed.source, doc), a, (d, e), &mut judged);
        }
        if let (Some(t), Some(start)) = (clock, evaluating) {
            t.add(Stage::Policies, start.elapsed());
        }
    }
    // A per-artifact rule's silence on a file means no evidence: only the rest is kept, and
    // what lacks evidence for a reason the rule gave (no market declared…), with its reason.
    judged.retain(|j| j.judgement != evidence::Judgement::NoEvidence || j.reason.is_some());
    if summarize {
        values = vec![file_summary(set, engine, &name, &docs, values, &parsed.sections)];
    }
    identify(&parsed, diags.iter_mut().chain(excepted.iter_mut()).chain(volatile.0.iter_mut()).chain(volatile.1.iter_mut()));
    let ignores = waivers::inline_ignores(&parsed);
    let (diags, mut ignored) = waivers::apply_inline(&ignores, diags);
    excepted.append(&mut ignored);
    let volatile = split.then(|| {
        let (d, mut e) = volatile;
        let (d, mut ignored) = waivers::apply_inline(&ignores, d);
        e.append(&mut ignored);
        Box::new((d, e))
    });
    let mut a = checked(ctx, engine, name, parsed, docs, values, None, ctx.keep_documents, (diags, excepted), volatile);
    if let FileResult::Artifact(a, ..) = &mut a {
        a.judged = judged;
        a.links = Some(Box::new(links)).filter(|l| !l.is_empty());
        a.reported = true;
    }
    a
}

/// What a judging rule's result says of the document or artifact it is about.
fn judged_of(pkg: usize, judgement: evidence::Judgement, value: &serde_json::Value) -> evidence::Judged {
    let reason = match value {
        serde_json::Value::String(s) => Some(s.as_str()),
        v => v.get("reason").or_else(|| v.get("msg")).and_then(serde_json::Value::as_str),
    };
    let reason = reason.map(str::trim).filter(|r| !r.is_empty() && judgement != evidence::Judgement::Evidence);
    evidence::Judged { package: pkg as u32, judgement, reason: reason.map(evidence::intern) }
}

/// Adds one package's findings on the document `doc` of `a` (in `source`), or its failure, to
/// `diags`, and those its `exception` rules except to `excepted`; what it judged of the
/// document to `judged` (see [`evidence`]).
fn gather(
    set: &policy::PolicySet,
    pkg: usize,
    result: Result<Vec<policy::Finding>, String>,
    (source, doc): (&SourceFile, &parse::Document),
    a: &ArtifactDoc,
    (diags, excepted): (&mut Vec<Diagnostic>, &mut Vec<Diagnostic>),
    judged: &mut Vec<evidence::Judged>,
) {
    let mut said = false;
    match result {
        Ok(findings) => {
            for f in findings {
                if let policy::RuleKind::Judged(j) = f.kind {
                    said = true;
                    evidence::record(judged, judged_of(pkg, j, &f.value));
                    continue;
                }
                let d = a.place(policy::to_diagnostic(set, &f, source, Some(doc)));
                if f.excepted { excepted.push(excepted_by_policy(d)) } else { diags.push(d) }
            }
        }
        Err(e) => diags.push(a.place(policy::error_diagnostic(set, pkg, &e, source, doc.span.start))),
    }
    // A rule that lists its evidence fields and says nothing itself: the fields decide.
    // Otherwise a document a judging rule said nothing of lacks evidence.
    let p = &set.packages[pkg];
    if !said && evidence::states_evidence(p) {
        let j = match p.evidence_fields() {
            Some(fields) if !p.judges && evidence::has_field(&doc.value, fields) => evidence::Judgement::Evidence,
            _ => evidence::Judgement::NoEvidence,
        };
        evidence::record(judged, evidence::Judged { package: pkg as u32, judgement: j, reason: None });
    }
}

/// The documents of a file's [`ArtifactDoc`]s: a parsed document, or an item of a list, the
/// items of the list last met made once for all of them.
struct Views<'p> {
    parsed: &'p ParsedFile,
    list: Option<(usize, Vec<parse::Document>)>,
}

impl Views<'_> {
    fn of(&mut self, a: &ArtifactDoc) -> &parse::Document {
        let Some(i) = a.item else { return &self.parsed.documents[a.index] };
        if self.list.as_ref().is_none_or(|(at, _)| *at != a.index) {
            self.list = Some((a.index, parse::kubernetes::items(&self.parsed.documents[a.index])));
        }
        &self.list.as_ref().expect("made above").1[i]
    }
}

/// The findings of the volatile packages on a file whose other findings came from the cache
/// (see [`Volatile`]), and what they judged of it.
fn volatile_findings(ctx: &Context<'_>, engine: &mut regorus::Engine, name: &str, parsed: &ParsedFile, docs: &[ArtifactDoc]) -> (Volatile, Vec<evidence::Judged>) {
    let set = ctx.policies;
    if !set.has_volatile() || ctx.parse_only {
        return (None, Vec::new());
    }
    timings::time(set.timings(), Stage::Policies, || volatile_evaluated(ctx, engine, name, parsed, docs))
}

fn volatile_evaluated(ctx: &Context<'_>, engine: &mut regorus::Engine, name: &str, parsed: &ParsedFile, docs: &[ArtifactDoc]) -> (Volatile, Vec<evidence::Judged>) {
    let set = ctx.policies;
    let (mut diags, mut excepted, mut judged) = (Vec::new(), Vec::new(), Vec::new());
    let mut views = Views { parsed, list: None };
    for a in docs {
        let pkgs: Vec<usize> = set.for_kind(a.kind).into_iter().filter(|&p| set.is_volatile(p) && (!ctx.combine || set.packages[p].builtin)).collect();
        if pkgs.is_empty() {
            continue;
        }
        let doc = views.of(a);
        let file_ctx = policy::file_context(name, a.kind, a.format.as_str(), a.index, parsed.documents.len(), &parsed.sections);
        let input = policy::PolicySet::input(policy::to_engine(&doc.value), file_ctx);
        for (pkg, result) in set.eval_all(engine, &pkgs, &input) {
            gather(set, pkg, result, (&parsed.source, doc), a, (&mut diags, &mut excepted), &mut judged);
        }
    }
    identify(parsed, diags.iter_mut().chain(excepted.iter_mut()));
    let (diags, mut ignored) = waivers::apply_inline(&waivers::inline_ignores(parsed), diags);
    excepted.append(&mut ignored);
    judged.retain(|j| j.judgement != evidence::Judgement::NoEvidence || j.reason.is_some());
    (Some(Box::new((diags, excepted))), judged)
}

/// Sets what each finding in a document of `parsed` is about (see [`Diagnostic::identify`]).
fn identify<'d>(parsed: &ParsedFile, diags: impl Iterator<Item = &'d mut Diagnostic>) {
    for d in diags {
        if let Some(doc) = d.document.and_then(|i| parsed.documents.get(i)) {
            d.identify(&doc.value);
        }
    }
}

/// Whether the checked artifacts (`checked`, the reported files) differ from the ones read for
/// the repository rules (`read`): a reported file read in one pass and not the other, or read
/// with another text.
fn read_again(checked: &[Artifact], read: &[Artifact], reported: &std::collections::BTreeSet<String>) -> bool {
    let stamps: std::collections::HashMap<&str, Option<Released>> = checked.iter().map(|a| (a.file.as_str(), a.stamp())).collect();
    let mut matched = 0;
    for a in read.iter().filter(|a| reported.contains(&a.file)) {
        match stamps.get(a.file.as_str()) {
            Some(stamp) if *stamp == a.stamp() => matched += 1,
            _ => return true,
        }
    }
    matched != stamps.len()
}

/// A file read for the repository rules only: its documents as they read them, and no findings
/// of its own (one that cannot be read or parsed is no artifact for them).
fn for_repository(c: &Candidate, ctx: &Context<'_>, engine: &mut regorus::Engine) -> FileResult {
    match timings::time(ctx.policies.timings(), Stage::Parse, || read_and_classify(c, ctx.config)) {
        Ok(Artifact { file, parsed, docs, .. }) => checked(ctx, engine, file, parsed, docs, Vec::new(), None, true, (Vec::new(), Vec::new()), None),
        Err(r) => *r,
    }
}

/// The artifacts among `results`, by file name.
fn artifacts_of(results: Vec<FileResult>) -> Vec<Artifact> {
    let mut artifacts: Vec<Artifact> = results
        .into_iter()
        .filter_map(|r| match r {
            FileResult::Artifact(a, ..) => Some(*a),
            _ => None,
        })
        .collect();
    artifacts.sort_by(|a, b| a.file.cmp(&b.file));
    artifacts
}

/// A checked file, with what it no longer needs dropped so that memory follows the files in
/// flight, not the repository: the parsed documents, their source maps and the sections (the
/// rules that see every artifact read [`Artifact::values`]; a later finding re-parses its file),
/// and the text of a file with no finding when nothing later can report on it. `values` are the
/// documents as evaluated, converted here when the file was not evaluated (a cache hit, a file
/// read only for the repository rules, `--parse-only`) and the documents are to be kept. For the
/// bundled repository rules the kept values are the documents' summaries, evaluated here when
/// not given, and with a cache on they are its [`Facts`] instead: `known`, the facts the cache
/// holds for the same text, when it has them.
#[allow(clippy::too_many_arguments)]
fn checked(
    ctx: &Context<'_>,
    engine: &mut regorus::Engine,
    file: String,
    mut parsed: ParsedFile,
    docs: Vec<ArtifactDoc>,
    values: Vec<regorus::Value>,
    known: Option<Facts>,
    keep_documents: bool,
    (diags, excepted): (Vec<Diagnostic>, Vec<Diagnostic>),
    volatile: Volatile,
) -> FileResult {
    let mut facts = None;
    let values = match (keep_documents, ctx.summarizes()) {
        _ if !ctx.values => Vec::new(),
        (false, _) => Vec::new(),
        (true, true) if known.is_some() => {
            facts = known;
            Vec::new()
        }
        (true, true) => {
            let summaries = if values.is_empty() { summaries(ctx.policies, engine, &file, &docs, &parsed) } else { values };
            if ctx.cache.is_some() {
                // The engine's values are built again only if the repository rules run after
                // all (the cache holds the summaries, see `cache::Cache::repository`).
                let summaries: Vec<serde_json::Value> = summaries.iter().map(|v| serde_json::to_value(v).unwrap_or_default()).collect();
                facts = Some(Facts { digest: cache::facts_digest(&summaries), documents: summaries });
                Vec::new()
            } else {
                summaries
            }
        }
        (true, false) if values.len() == docs.len() => values,
        (true, false) => docs
            .iter()
            .map(|d| d.value(&parsed))
            .collect(),
    };
    parsed.sections = Vec::new();
    parsed.documents = Vec::new();
    // The text stays for the renderers only where a finding points into it, and only if they
    // show text. When repository rules may still place a finding in it, its stamp stays
    // instead (see `Artifact::text`).
    let mut released = None;
    let volatile_empty = volatile.as_ref().is_none_or(|v| v.0.is_empty() && v.1.is_empty());
    if !ctx.keep_sources || (diags.is_empty() && excepted.is_empty() && volatile_empty) {
        released = keep_documents.then(|| Released::of(&parsed.source.text));
        parsed.source = SourceFile::new(parsed.source.name.clone(), String::new());
    }
    FileResult::Artifact(Box::new(Artifact { file, parsed, docs, values, facts, released, judged: Vec::new(), reported: false, links: None }), diags, excepted, volatile)
}

fn excepted_by_policy(mut d: Diagnostic) -> Diagnostic {
    d.suppression = Some(Box::new(diagnostic::Suppression {
        kind: diagnostic::SuppressionKind::Exception,
        reason: Some("excepted by the policy's `exception` rule".to_string()),
        approved_by: None,
        expires: None,
    }));
    d
}

/// The summaries of the documents of `docs` that the bundled repository rules read, as one value
/// (see [`file_summary`]), from the parsed documents.
fn summaries(set: &policy::PolicySet, engine: &mut regorus::Engine, file: &str, docs: &[ArtifactDoc], parsed: &ParsedFile) -> Vec<regorus::Value> {
    let values = docs
        .iter()
        .map(|d| d.value(parsed))
        .collect();
    vec![file_summary(set, engine, file, docs, values, &parsed.sections)]
}

/// The summaries of one file's documents (`values`, in the order of `docs`) that the bundled
/// repository rules read: one evaluation over the file, which resolves what its documents
/// share (the ConfigMaps of a workload's environment).
fn file_summary(set: &policy::PolicySet, engine: &mut regorus::Engine, file: &str, docs: &[ArtifactDoc], values: Vec<regorus::Value>, sections: &[parse::Section]) -> regorus::Value {
    timings::time(set.timings(), Stage::Repository, || file_summary_untimed(set, engine, file, docs, values, sections))
}

fn file_summary_untimed(set: &policy::PolicySet, engine: &mut regorus::Engine, file: &str, docs: &[ArtifactDoc], values: Vec<regorus::Value>, sections: &[parse::Section]) -> regorus::Value {
    let path = regorus::Value::from(file);
    // A Markdown card's title section (its first heading, at level 1): the model pages it links
    // there name the model that a card without front matter describes (`title_text`).
    let title = sections.first().filter(|s| s.level == 1).map(|s| s.text.as_str()).unwrap_or("");
    let entries: Vec<regorus::Value> = docs
        .iter()
        .zip(values)
        .map(|(d, value)| {
            let mut entry = artifact_entry(&path, d, value);
            if d.kind == Kind::ModelCard && !title.is_empty() {
                if let Ok(map) = entry.as_object_mut() {
                    map.insert(regorus::Value::from("title_text"), regorus::Value::from(title));
                }
            }
            entry
        })
        .collect();
    let input = regorus::Value::from(std::collections::BTreeMap::from([(regorus::Value::from("artifacts"), regorus::Value::from(entries))]));
    set.summary(engine, &input)
}

/// Reads an artifact that was not read (see [`cache::Cache::unread`]) for the repository rules:
/// its documents' summaries (only the bundled rules' summaries leave files unread). A file that
/// can no longer be read keeps none.
fn reread(a: &mut Artifact, config: &Config, policies: &policy::PolicySet) {
    if !policies.summarizes() {
        return;
    }
    let c = Candidate::new(PathBuf::from(&a.file), a.parsed.syntax, false);
    let Ok(fresh) = timings::time(policies.timings(), Stage::Parse, || read_and_classify(&c, config)) else { return };
    a.values = summaries(policies, &mut policies.worker(), &a.file, &fresh.docs, &fresh.parsed);
    a.docs = fresh.docs;
}

/// The input of the repository rules, `{artifacts: [{path, kind, format, index, document}]}`,
/// built from the documents the engine already holds (shared, not copied); or, when they read
/// summaries, `{summaries: [...]}`, the list of each file's summaries.
pub fn repository_input(artifacts: &[Artifact], summaries: bool) -> regorus::Value {
    use std::collections::BTreeMap;
    let key = |k: &str| regorus::Value::from(k);
    if summaries {
        let list: Vec<regorus::Value> = artifacts.iter().flat_map(|a| a.values.iter().cloned()).collect();
        return regorus::Value::from(BTreeMap::from([(key("summaries"), regorus::Value::from(list))]));
    }
    let mut list = Vec::new();
    for a in artifacts {
        let path = regorus::Value::from(a.file.as_str());
        list.extend(a.docs.iter().zip(&a.values).map(|(d, value)| artifact_entry(&path, d, value.clone())));
    }
    regorus::Value::from(BTreeMap::from([(key("artifacts"), regorus::Value::from(list))]))
}

/// One artifact entry of the repository rules' input: `{path, kind, format, index, document}`.
fn artifact_entry(path: &regorus::Value, d: &ArtifactDoc, document: regorus::Value) -> regorus::Value {
    let key = |k: &str| regorus::Value::from(k);
    regorus::Value::from(std::collections::BTreeMap::from([
        (key("path"), path.clone()),
        (key("kind"), key(d.kind.as_str())),
        (key("format"), key(d.format.as_str())),
        (key("index"), regorus::Value::from(d.index as u64)),
        (key("document"), document),
    ]))
}

/// What the repository rules found: each package's findings, or why it failed, by package.
pub type RepositoryResults = Vec<(usize, Result<Vec<policy::Finding>, String>)>;

/// Runs the repository rules once over every artifact, in one engine, and takes the documents
/// from `artifacts` (the input holds them). The results come in the order of `repo`.
fn repository_rules(set: &policy::PolicySet, repo: &[usize], artifacts: &mut [Artifact], progress: &progress::Progress) -> RepositoryResults {
    if repo.is_empty() {
        return Vec::new();
    }
    timings::time(set.timings(), Stage::Repository, || repository_evaluated(set, repo, artifacts, progress))
}

fn repository_evaluated(set: &policy::PolicySet, repo: &[usize], artifacts: &mut [Artifact], progress: &progress::Progress) -> RepositoryResults {
    let ctx = regorus::Value::from(serde_json::json!({"path": "", "kind": "repository"}));
    let documents = artifacts.iter().map(|a| a.docs.len()).sum();
    let input = policy::PolicySet::input(repository_input(artifacts, set.summarizes()), ctx);
    for a in artifacts.iter_mut() {
        a.values = Vec::new(); // the input holds them now
    }
    // One query over every package, in one engine: what they share of the library (the indexes
    // over every card and workload, most of their cost) is evaluated once. Spread over the
    // workers, each worker evaluated it again, for no gain in time and at twice the memory.
    let results = set.eval_all_wide(&mut set.wide_worker(documents), repo, &input, documents);
    progress.inc_by(repo.len() as u64);
    results
}

/// The diagnostics of the repository rules' findings. A finding names its artifact with `file`
/// (and `index` for a multi-document file), and is placed by re-parsing that file (read again
/// when its text was released, and held again with `keep_sources`); one without is reported on
/// the config. The findings are placed file by file, so that one file's parse is held at a time.
/// With `only`, the findings on other files are left out unplaced (a run that reports only some
/// files).
fn repository_diagnostics(
    set: &policy::PolicySet,
    results: RepositoryResults,
    artifacts: &mut [Artifact],
    config: &Config,
    only: Option<&std::collections::BTreeSet<String>>,
    keep_sources: bool,
) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<evidence::Judged>) {
    let mut diags = Vec::new();
    let mut excepted = Vec::new();
    let mut repository = Vec::new();
    let fallback = config.path.as_deref().map(display_path).unwrap_or_else(|| ".".to_string());
    let by_name: std::collections::HashMap<&str, usize> = artifacts.iter().enumerate().map(|(i, a)| (a.file.as_str(), i)).collect();
    let mut placed: Vec<(Option<usize>, policy::Finding)> = Vec::new();
    let mut judged_on: Vec<(usize, evidence::Judged)> = Vec::new();
    for (pkg, result) in results {
        match result {
            Ok(findings) => {
                for f in findings {
                    let file = f.value.get("file").and_then(serde_json::Value::as_str);
                    if only.is_some_and(|only| !only.contains(file.unwrap_or(&fallback))) {
                        continue;
                    }
                    let target = file.and_then(|p| by_name.get(p).copied());
                    if let policy::RuleKind::Judged(j) = f.kind {
                        // Of an artifact, or else of the repository itself.
                        let judged = judged_of(pkg, j, &f.value);
                        match target {
                            Some(i) => judged_on.push((i, judged)),
                            None => evidence::record(&mut repository, judged),
                        }
                        continue;
                    }
                    placed.push((target, f));
                }
            }
            Err(e) => diags.push(Diagnostic::whole_file(
                fallback.clone(),
                codes::POLICY_ERROR,
                Severity::Error,
                format!("policy {} failed: {e}", set.packages[pkg].name),
            )),
        }
    }
    drop(by_name);
    for (i, judged) in judged_on {
        evidence::record(&mut artifacts[i].judged, judged);
    }
    // Stable: a file's findings keep the packages' order.
    placed.sort_by_key(|(target, _)| *target);
    // The file being placed in, parsed, with the items of its lists as they are needed.
    let mut config_parse: Option<ParsedFile> = None;
    let mut current: Option<(usize, ParsedFile, std::collections::HashMap<usize, Vec<parse::Document>>)> = None;
    for (target, f) in placed {
        let d = match target {
            Some(i) => {
                if current.as_ref().is_none_or(|(at, _, _)| *at != i) {
                    let a = &mut artifacts[i];
                    let source = a.text();
                    if keep_sources && a.released.is_some() && !source.text.is_empty() {
                        a.parsed.source = Arc::clone(&source);
                        a.released = None;
                    }
                    current = Some((i, parse::parse(source, a.parsed.syntax, &config.limits), Default::default()));
                }
                let (_, parsed, lists) = current.as_mut().expect("parsed above");
                let a = &artifacts[i];
                let index = f.value.get("index").and_then(serde_json::Value::as_u64).map(|i| i as usize);
                let doc_idx = index.or_else(|| a.docs.first().map(|d| d.index)).unwrap_or(0);
                let kind = a.docs.iter().find(|d| d.index == doc_idx).map(|d| d.kind.as_str());
                let doc = parsed.documents.get(doc_idx);
                // On a list, the finding is on one of its items (its path starts there): the
                // first whose text has the path.
                let items: &[parse::Document] = match doc.filter(|d| parse::kubernetes::is_list(&d.value)) {
                    Some(list) => lists.entry(doc_idx).or_insert_with(|| parse::kubernetes::items(list)),
                    None => &[],
                };
                let pointer = policy::result_pointer(&f.value).unwrap_or_default();
                let item = items.iter().position(|i| i.map.get(&pointer).is_some());
                let mut d = match item {
                    Some(i) => in_item(policy::to_diagnostic(set, &f, &parsed.source, Some(&items[i])), Some(i)),
                    None => policy::to_diagnostic(set, &f, &parsed.source, doc),
                }
                .in_document(doc_idx, kind);
                if let Some(doc) = doc {
                    d.identify(&doc.value);
                }
                d
            }
            None => match (f.value.get("file").and_then(serde_json::Value::as_str), &config.source) {
                // About the repository: its `path` is in govlint.yaml (the profile).
                (None, Some(source)) => {
                    let parsed = config_parse.get_or_insert_with(|| parse::parse(Arc::clone(source), parse::Syntax::Yaml, &parse::Limits::default()));
                    policy::to_diagnostic(set, &f, source, parsed.documents.first())
                }
                (file, _) => {
                    let mut d = policy::to_diagnostic(set, &f, &SourceFile::new(fallback.clone(), String::new()), None);
                    d.file = file.map(str::to_string).unwrap_or_else(|| fallback.clone());
                    d
                }
            },
        };
        if f.excepted { excepted.push(excepted_by_policy(d)) } else { diags.push(d) }
    }
    (diags, excepted, repository)
}

/// conftest `--combine`: user policies see every artifact document at once, as
/// `[{path, contents}]`; their findings are reported on `(combined)`.
fn combined_rules(set: &policy::PolicySet, engine: &mut regorus::Engine, artifacts: &[Artifact]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    timings::time(set.timings(), Stage::Repository, || combined_evaluated(set, engine, artifacts))
}

fn combined_evaluated(set: &policy::PolicySet, engine: &mut regorus::Engine, artifacts: &[Artifact]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let input: Vec<regorus::Value> = artifacts
        .iter()
        .flat_map(|a| {
            a.values.iter().map(move |v| {
                let entry = [(regorus::Value::from("path"), regorus::Value::from(a.file.as_str())), (regorus::Value::from("contents"), v.clone())];
                regorus::Value::from(std::collections::BTreeMap::from(entry))
            })
        })
        .collect();
    let ctx = regorus::Value::from(serde_json::json!({"path": "(combined)"}));
    let input = policy::PolicySet::input(regorus::Value::from(input), ctx);
    let combined = SourceFile::new("(combined)", String::new());
    let mut diags = Vec::new();
    let mut excepted = Vec::new();
    let user: Vec<usize> = (0..set.packages.len()).filter(|&i| !set.packages[i].builtin && set.packages[i].role == policy::Role::Artifact).collect();
    let documents = artifacts.iter().map(|a| a.docs.len()).sum();
    for (pkg, result) in user.iter().map(|&p| (p, set.eval_one_wide(engine, p, &input, documents))) {
        match result {
            Ok(findings) => {
                // What a combined policy judges concerns no one artifact.
                for f in findings.into_iter().filter(|f| !matches!(f.kind, policy::RuleKind::Judged(_))) {
                    let d = policy::to_diagnostic(set, &f, &combined, None);
                    if f.excepted { excepted.push(excepted_by_policy(d)) } else { diags.push(d) }
                }
            }
            Err(e) => diags.push(policy::error_diagnostic(set, pkg, &e, &combined, 0)),
        }
    }
    (diags, excepted)
}

/// A finding on item `item` of a list document, its JSON path made the list's.
fn in_item(mut d: Diagnostic, item: Option<usize>) -> Diagnostic {
    if let (Some(i), Some(p)) = (item, d.pointer.as_mut()) {
        *p = format!("{}{p}", parse::kubernetes::item_pointer(i));
    }
    d
}

/// Whether `pointer` is item `item` of a list document or below it.
fn within(pointer: &str, item: usize) -> bool {
    let prefix = parse::kubernetes::item_pointer(item);
    pointer.strip_prefix(&prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The document whose text holds `span`; past the last document, the one that failed to parse.
fn doc_at(parsed: &ParsedFile, span: Span) -> Option<usize> {
    match parsed.documents.iter().find(|d| d.span.start <= span.start && span.start <= d.span.end) {
        Some(d) => Some(d.index),
        None if parsed.syntax == parse::Syntax::Yaml && parsed.documents.last().is_some_and(|d| span.start > d.span.end) => {
            Some(parsed.documents.len())
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn artifact(file: &str, text: &str) -> Artifact {
        let parsed = ParsedFile::unread(SourceFile::new(file, text.to_string()), parse::Syntax::Yaml);
        Artifact { file: file.to_string(), parsed, docs: Vec::new(), values: Vec::new(), facts: None, released: None, judged: Vec::new(), reported: false, links: None }
    }

    fn released(file: &str, text: &str) -> Artifact {
        let mut a = artifact(file, "");
        a.released = Some(Released::of(text));
        a
    }

    #[test]
    fn the_repository_rules_read_again_when_a_checked_file_changed_meanwhile() {
        let reported: std::collections::BTreeSet<String> = ["a.yaml".to_string()].into();
        // What they read of the unreported file is theirs alone; the reported one is compared,
        // whether its text is held or released.
        let read = vec![released("a.yaml", "x: 1\n"), released("b.yaml", "y: 1\n")];
        assert!(!read_again(&[artifact("a.yaml", "x: 1\n")], &read, &reported));
        assert!(!read_again(&[released("a.yaml", "x: 1\n")], &read, &reported));
        assert!(read_again(&[artifact("a.yaml", "x: 2\n")], &read, &reported));
        // Read in one pass and not the other.
        assert!(read_again(&[], &read, &reported));
        assert!(read_again(&[artifact("a.yaml", "x: 1\n")], &[released("b.yaml", "y: 1\n")], &reported));
    }
}
