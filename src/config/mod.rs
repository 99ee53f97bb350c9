//! `govlint.yaml`: found by walking up from the target to the root of its repository, validated
//! against its own bundled schema (so a mistake is reported at its line and column, like any
//! finding), then read into `Config`. A config above the repository is not the repository's
//! own: it is used only when named with `-c`.

pub mod waiver;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::classify::{Format, GlobHint, Kind};
use crate::messages::Msg;
use crate::diagnostic::{Diagnostic, Severity};
use crate::parse::{self, Limits, Syntax};
use crate::schema;
use crate::source::{SourceFile, Span};
use crate::error::ToolError;

/// The name of the default cache directory, in the config root (see `cache`). Discovery never
/// enters a directory of this name.
pub const CACHE_DIR_NAME: &str = ".govlint-cache";

/// File names govlint looks for, in order, in each directory walking up.
pub const FILE_NAMES: &[&str] = &["govlint.yaml", ".govlint.yaml", "govlint.yml"];

/// The least severity that fails the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Note,
    Never,
}

impl FailOn {
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Note => Some(Severity::Note),
            FailOn::Never => None,
        }
    }

    pub fn parse(s: &str) -> Option<FailOn> {
        match s {
            "error" => Some(FailOn::Error),
            "warning" => Some(FailOn::Warning),
            "note" => Some(FailOn::Note),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }
}

pub use crate::select::Level;

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawGlob {
    Plain(String),
    Full { glob: String, format: Option<String> },
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawLevel {
    Plain(String),
    Full { severity: String },
}

#[derive(Debug, Default, Deserialize)]
struct RawLimits {
    max_file_size: Option<u64>,
    max_depth: Option<usize>,
    max_nodes: Option<usize>,
    max_documents: Option<usize>,
    policy_timeout_ms: Option<u64>,
}

#[derive(Debug, Default, Deserialize)]
struct Raw {
    #[serde(default)]
    kinds: BTreeMap<String, Vec<RawGlob>>,
    #[serde(default)]
    exclude: Vec<String>,
    fail_on: Option<FailOn>,
    lang: Option<String>,
    #[serde(default)]
    rules: BTreeMap<String, RawLevel>,
    #[serde(default)]
    limits: RawLimits,
    #[serde(default)]
    policies: Vec<String>,
    #[serde(default)]
    params: serde_json::Value,
    #[serde(default)]
    frameworks: Vec<String>,
    #[serde(default)]
    waivers: Vec<waiver::RawWaiver>,
    #[serde(default)]
    cache: bool,
    #[serde(default)]
    profile: serde_json::Value,
}

/// How the config of a run was chosen (`-v` says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Named with `-c`.
    Explicit,
    /// Found walking up from the first path checked, within its repository.
    Found,
    /// Read from the git index, as the commit will record it (`--staged`).
    Staged,
    /// None: the defaults.
    Default,
}

/// The validated configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The config file, when there is one.
    pub path: Option<PathBuf>,
    /// How it was chosen.
    pub origin: Origin,
    /// What the user is to be told on stderr besides the findings: a config passed over, a
    /// submodule whose changes could not be told apart.
    pub notes: Vec<String>,
    /// The directory globs are relative to: the config's directory, else the target.
    pub root: PathBuf,
    kind_globs: Vec<(GlobSet, GlobHint)>,
    exclude: GlobSet,
    pub fail_on: FailOn,
    /// The output language (`lang:`), when the config sets one.
    pub lang: Option<crate::i18n::Lang>,
    /// Which rules are reported, at which severity: the config's `rules:`, and the command
    /// line's `--select`/`--ignore` once [`crate::check`] adds them.
    pub selection: crate::select::Selection,
    /// Each key of `rules:` and where it is written, for the error when it names no rule.
    pub rule_keys: Vec<(String, Span)>,
    pub limits: Limits,
    /// Largest file read, in bytes.
    pub max_file_size: u64,
    /// Longest one policy evaluation may run.
    pub policy_timeout: std::time::Duration,
    /// Extra policy directories or files (resolved against the config's directory).
    pub policies: Vec<PathBuf>,
    /// Overrides of `data.govlint.params`.
    pub params: serde_json::Value,
    /// Framework packs enabled; empty means the default.
    pub frameworks: Vec<String>,
    pub waivers: Vec<waiver::Waiver>,
    /// The config's text, for findings about it (expired or unused waivers).
    pub source: Option<Arc<SourceFile>>,
    /// Cache per-file results between runs (`cache:`; `--cache`/`--no-cache` win over it).
    pub cache: bool,
    /// A cache directory other than `.govlint-cache` (`--cache-dir`): discovery never enters it.
    pub cache_dir: Option<PathBuf>,
    /// The repository profile (`profile:`): the facts declared once for every artifact (markets,
    /// public service, minors, owner, data classification, systemic risk) and the diagnosis
    /// stage's assessment. An empty object when the config declares none. Policies read it at
    /// `data.govlint.profile`.
    pub profile: serde_json::Value,
    /// The line of `profile:` in the config.
    pub profile_line: Option<usize>,
    /// The Helm charts under the root, found on first need (a values file outside its chart).
    pub charts: Arc<std::sync::OnceLock<Vec<crate::classify::helm::Chart>>>,
}

/// The default largest file govlint reads: 16 MiB.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// The default time limit of one policy evaluation: far above what a real rule needs, short
/// enough that a looping policy cannot hold a CI job.
pub const DEFAULT_POLICY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

impl Config {
    /// The configuration used where there is no file.
    pub fn default_at(root: PathBuf) -> Config {
        Config {
            path: None,
            origin: Origin::Default,
            notes: Vec::new(),
            root,
            kind_globs: Vec::new(),
            exclude: GlobSet::empty(),
            fail_on: FailOn::default(),
            lang: None,
            selection: crate::select::Selection::default(),
            rule_keys: Vec::new(),
            limits: Limits::default(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            policy_timeout: DEFAULT_POLICY_TIMEOUT,
            policies: Vec::new(),
            params: serde_json::Value::Null,
            frameworks: Vec::new(),
            waivers: Vec::new(),
            source: None,
            cache: false,
            cache_dir: None,
            profile: serde_json::json!({}),
            profile_line: None,
            charts: Arc::default(),
        }
    }

    /// The config of `start`: the first config file walking up from it to the root of the git
    /// repository that holds it (through the repositories that hold that one as a submodule),
    /// or to the file system's root outside any repository.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        Self::locate(start).path
    }

    /// [`Config::discover`], and the config that walking on past the repository's root would
    /// have found: a file there belongs to whoever owns the directories above the checkout (a
    /// home directory, a CI runner), not to the repository, and is never used silently.
    pub fn locate(start: &Path) -> Located {
        let Some(abs) = crate::paths::absolute(start).map(|a| lexical(&a)) else { return Located::default() };
        let mut dir = if abs.is_dir() { Some(abs.as_path()) } else { abs.parent() };
        let mut above_repository = false;
        while let Some(d) = dir {
            if let Some(p) = FILE_NAMES.iter().map(|n| d.join(n)).find(|p| p.is_file()) {
                return if above_repository { Located { path: None, outside: Some(p) } } else { Located { path: Some(p), outside: None } };
            }
            above_repository |= is_repository_root(d);
            dir = d.parent();
        }
        Located::default()
    }

    /// Reads and validates the config file at `path`.
    pub fn load(path: &Path) -> Result<Config, ToolError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ToolError::msg(format!("cannot read config {}: {e}", path.display())))?;
        let name = crate::paths::display_path(path);
        Self::from_text(&name, text, path)
    }

    /// Validates a config whose text did not come from its file (the staged one): `path` is
    /// where it is in the working tree, which its globs and paths are relative to.
    pub fn from_staged(name: &str, text: String, path: &Path) -> Result<Config, ToolError> {
        let mut config = Self::from_text(name, text, path)?;
        config.origin = Origin::Staged;
        Ok(config)
    }

    /// What `-v` says of the config in use.
    pub fn describe(&self) -> String {
        let name = self.source.as_ref().map(|s| s.name.clone()).unwrap_or_default();
        match self.origin {
            Origin::Explicit => format!("config: {name} (given with -c)"),
            Origin::Found => format!("config: {name} (found walking up from the first path checked)"),
            Origin::Staged => format!("config: {name} (as staged in the git index)"),
            Origin::Default => "config: none found in the repository; the defaults apply".to_string(),
        }
    }

    fn from_text(name: &str, text: String, path: &Path) -> Result<Config, ToolError> {
        let source = SourceFile::new(name, text);
        let parsed = parse::parse(Arc::clone(&source), Syntax::Yaml, &Limits::default());
        let mut diags = parsed.diagnostics;
        let doc = parsed.documents.into_iter().next();
        if diags.is_empty() {
            if let Some(doc) = &doc {
                let v = schema::Schemas::bundled();
                let validator = v.validator("govlint-config.schema.json").map_err(ToolError::msg)?;
                diags = schema::errors_to_diagnostics(validator, &source, doc, "govlint.yaml");
                for d in &mut diags {
                    d.rule = "config".to_string();
                    d.help = Some(Msg::SeeConfiguration.text(&[]).into());
                }
            }
        }
        if !diags.is_empty() {
            return Err(ToolError::with_diagnostics(format!("invalid configuration in {name}"), source, diags));
        }
        // Where each item of the list at `key` is written: its first line, or with `field`, that
        // field's value.
        let item_spans = |key: &str, field: &str| -> Vec<Span> {
            doc.as_ref()
                .map(|d| {
                    let n = d.value.get(key).and_then(|l| l.as_array()).map_or(0, Vec::len);
                    (0..n).map(|i| crate::schema::label_span(&source, d, &format!("/{key}/{i}{field}")).0).collect()
                })
                .unwrap_or_default()
        };
        let waiver_spans = item_spans("waivers", "");
        let waiver_rule_spans = item_spans("waivers", "/rule");
        let policy_spans = item_spans("policies", "");
        let rule_keys: Vec<(String, Span)> = doc
            .as_ref()
            .and_then(|d| d.value.get("rules").and_then(|r| r.as_object()).map(|r| (d, r)))
            .map(|(d, rules)| {
                rules
                    .keys()
                    .map(|k| {
                        let node = d.map.get(&crate::source::pointer_of(["rules", k.as_str()]));
                        (k.clone(), node.and_then(|n| n.key).unwrap_or_default())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let profile_line = doc.as_ref().filter(|d| d.value.get("profile").is_some()).map(|d| source.position(crate::schema::label_span(&source, d, "/profile").0.start).line);
        let value = doc.map(|d| d.value).unwrap_or(serde_json::Value::Null);
        let raw: Raw = if value.is_null() {
            Raw::default()
        } else {
            serde_json::from_value(value).map_err(|e| ToolError::msg(format!("invalid configuration in {name}: {e}")))?
        };
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut cfg = Config::default_at(root);
        cfg.path = Some(path.to_path_buf());
        cfg.origin = Origin::Found;
        let glob_err = |g: &str, e: globset::Error| {
            let at = source.text.find(g).unwrap_or(0);
            ToolError::with_diagnostics(
                format!("invalid configuration in {name}"),
                Arc::clone(&source),
                vec![Diagnostic::at(&source, Span::new(at, at + g.len()), "config", Severity::Error, format!("invalid glob `{g}`: {}", e.kind()))],
            )
        };
        for (kind, globs) in raw.kinds {
            let kind = Kind::parse(&kind).ok_or_else(|| ToolError::msg(format!("unknown kind {kind}")))?;
            for g in globs {
                let (glob, format) = match g {
                    RawGlob::Plain(g) => (g, None),
                    RawGlob::Full { glob, format } => (glob, format.as_deref().and_then(Format::parse)),
                };
                let set = GlobSetBuilder::new().add(waiver::path_glob(&glob).map_err(|e| glob_err(&glob, e))?).build().map_err(|e| glob_err(&glob, e))?;
                cfg.kind_globs.push((set, GlobHint { kind, format }));
            }
        }
        let mut ex = GlobSetBuilder::new();
        for g in &raw.exclude {
            ex.add(waiver::path_glob(g).map_err(|e| glob_err(g, e))?);
            // `dir` also excludes everything below it.
            if let Ok(below) = waiver::path_glob(&format!("{}/**", g.trim_end_matches('/'))) {
                ex.add(below);
            }
        }
        cfg.exclude = ex.build().map_err(|e| ToolError::msg(format!("invalid exclude globs in {name}: {e}")))?;
        cfg.fail_on = raw.fail_on.unwrap_or_default();
        // The schema admits only known tags.
        cfg.lang = raw.lang.as_deref().and_then(crate::i18n::Lang::parse);
        for (id, level) in raw.rules {
            let s = match level {
                RawLevel::Plain(s) | RawLevel::Full { severity: s } => s,
            };
            let level = if s == "off" { Level::Off } else { Level::Severity(Severity::parse(&s).unwrap_or(Severity::Error)) };
            cfg.selection.config.insert(id, level);
        }
        cfg.rule_keys = rule_keys;
        let l = raw.limits;
        cfg.limits = Limits {
            max_depth: l.max_depth.unwrap_or(cfg.limits.max_depth),
            max_nodes: l.max_nodes.unwrap_or(cfg.limits.max_nodes),
            max_documents: l.max_documents.unwrap_or(cfg.limits.max_documents),
        };
        cfg.max_file_size = l.max_file_size.unwrap_or(DEFAULT_MAX_FILE_SIZE);
        cfg.policy_timeout = l.policy_timeout_ms.map_or(DEFAULT_POLICY_TIMEOUT, std::time::Duration::from_millis);
        cfg.policies = raw.policies.iter().map(|p| cfg.root.join(p)).collect();
        // A policy path is read, walked and shown in errors: from the repository's own config,
        // only what the repository holds. The command line's -p is the user's own choice.
        let inside = repository_root(&cfg.root).and_then(|r| r.canonicalize().ok());
        for (i, (raw_path, path)) in raw.policies.iter().zip(&cfg.policies).enumerate() {
            let refuse = |why: String| {
                let span = policy_spans.get(i).copied().unwrap_or_default();
                ToolError::with_diagnostics(
                    format!("invalid configuration in {name}"),
                    Arc::clone(&source),
                    vec![Diagnostic::at(&source, span, "config", Severity::Error, why)
                        .with_label("outside the repository")
                        .with_help("a policy outside the repository can be named on the command line with -p")],
                )
            };
            match (path.canonicalize(), &inside) {
                (Ok(resolved), Some(root)) if !resolved.starts_with(root) => {
                    return Err(refuse(format!(
                        "the policy path `{raw_path}` leads to {}, outside the repository {}",
                        resolved.display(),
                        root.display()
                    )));
                }
                (Ok(_), None) => return Err(refuse(format!("the policy path `{raw_path}` cannot be placed in the repository"))),
                _ => {}
            }
        }
        cfg.params = raw.params;
        cfg.frameworks = raw.frameworks;
        cfg.cache = raw.cache;
        if raw.profile.is_object() {
            cfg.profile = raw.profile;
            cfg.profile_line = profile_line;
        }
        for (i, w) in raw.waivers.into_iter().enumerate() {
            let span = waiver_spans.get(i).copied().unwrap_or_default();
            let rule_span = waiver_rule_spans.get(i).copied().unwrap_or(span);
            let w = waiver::Waiver::new(w, span, rule_span).map_err(|e| {
                ToolError::with_diagnostics(
                    format!("invalid configuration in {name}"),
                    Arc::clone(&source),
                    vec![Diagnostic::at(&source, span, "config", Severity::Error, e)],
                )
            })?;
            cfg.waivers.push(w);
        }
        cfg.source = Some(source);
        Ok(cfg)
    }

    /// The path of `path` relative to the config root, `/`-separated, for glob matching.
    pub fn relative(&self, path: &Path) -> PathBuf {
        let abs = crate::paths::absolute(path).unwrap_or_else(|| path.to_path_buf());
        let root = crate::paths::absolute(&self.root).unwrap_or_else(|| self.root.clone());
        abs.strip_prefix(&root).map(Path::to_path_buf).unwrap_or(abs)
    }

    pub fn is_excluded(&self, path: &Path) -> bool {
        !self.exclude.is_empty() && self.exclude.is_match(self.relative(path))
    }

    /// [`Config::is_excluded`] for a path already relative to the config root (`/`-separated).
    pub fn is_excluded_relative(&self, rel: impl AsRef<Path>) -> bool {
        !self.exclude.is_empty() && self.exclude.is_match(rel.as_ref())
    }

    /// The first `kinds:` glob that matches `path`.
    pub fn kind_hint(&self, path: &Path) -> Option<GlobHint> {
        if self.kind_globs.is_empty() {
            return None;
        }
        let rel = self.relative(path);
        self.kind_globs.iter().find(|(set, _)| set.is_match(&rel)).map(|(_, h)| *h)
    }

    /// Applies the rule selection and the per-rule severities: `None` drops the diagnostic.
    pub fn apply(&self, mut d: Diagnostic) -> Option<Diagnostic> {
        if !self.selection.enabled(&d.rule) {
            return None;
        }
        if let Some(s) = self.selection.severity(&d.rule) {
            d.severity = s;
        }
        Some(d)
    }
}

/// Where [`Config::locate`] found a config.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Located {
    /// The config of the repository (or, outside any repository, of the directories above).
    pub path: Option<PathBuf>,
    /// The first config above the repository's root, when the repository has none.
    pub outside: Option<PathBuf>,
}

/// `path` with `.` and `..` resolved as text (`a/b/..` is `a`), as the shell resolves them.
pub(crate) fn lexical(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The top of the git working tree that holds `dir` (see [`is_repository_root`]), else `dir`
/// itself: what a config's paths may reach. `None` when `dir` cannot be made absolute.
pub fn repository_root(dir: &Path) -> Option<PathBuf> {
    let abs = lexical(&crate::paths::absolute(dir)?);
    Some(abs.ancestors().find(|d| is_repository_root(d)).unwrap_or(&abs).to_path_buf())
}

/// Whether `dir` is the top of a git working tree: it holds `.git`, a directory or a file
/// that points to one. A submodule's `.git` file (whose git directory lies in another
/// repository's `modules/`) is not: the repository that holds the submodule is walked on to.
fn is_repository_root(dir: &Path) -> bool {
    let git = dir.join(".git");
    match std::fs::symlink_metadata(&git) {
        Ok(m) if m.is_dir() => true,
        Ok(m) if m.is_file() => {
            let text = std::fs::read(&git).unwrap_or_default();
            let text = String::from_utf8_lossy(&text[..text.len().min(4096)]).replace('\\', "/");
            let gitdir = text.trim().strip_prefix("gitdir:").map(str::trim).unwrap_or("");
            !gitdir.split('/').any(|segment| segment == "modules")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, ToolError> {
        Config::from_text("govlint.yaml", text.to_string(), Path::new("/repo/govlint.yaml"))
    }

    #[test]
    fn unknown_key_points_at_its_line() {
        let e = load("fail_on: error\nexclud:\n  - x\n").unwrap_err();
        let d = &e.diagnostics[0];
        assert_eq!((d.start.line, d.start.column), (2, 1));
        assert!(d.message.contains("exclud"), "{}", d.message);
    }

    #[test]
    fn bad_value_points_at_the_value() {
        let e = load("kinds:\n  model-card: [\"a\"]\nfail_on: sometimes\n").unwrap_err();
        assert_eq!(e.diagnostics[0].start.line, 3);
        assert_eq!(e.diagnostics[0].start.column, 10);
    }

    #[test]
    fn globs_overrides_and_limits() {
        let c = load("kinds:\n  deployment-config:\n    - glob: 'charts/*/values.yaml'\n      format: helm-values\nexclude: [vendor]\nrules:\n  schema: warning\n  duplicate-key: off\nlimits:\n  max_depth: 50\n").unwrap();
        let h = c.kind_hint(Path::new("/repo/charts/a/values.yaml")).unwrap();
        assert_eq!(h.format, Some(Format::HelmValues));
        assert!(c.is_excluded(Path::new("/repo/vendor/x/y.yaml")));
        assert!(!c.is_excluded(Path::new("/repo/models/y.yaml")));
        assert_eq!(c.selection.config["schema"], Level::Severity(Severity::Warning));
        assert_eq!(c.selection.config["duplicate-key"], Level::Off);
        assert_eq!(c.limits.max_depth, 50);
        assert_eq!(c.policy_timeout, DEFAULT_POLICY_TIMEOUT);
        let c = load("limits:\n  policy_timeout_ms: 250\n").unwrap();
        assert_eq!(c.policy_timeout, std::time::Duration::from_millis(250));
        assert!(!c.cache);
        assert!(load("cache: true\n").unwrap().cache);
        assert_eq!(load("cache: yes please\n").unwrap_err().diagnostics[0].start.line, 1);
    }
}
