//! What to check, and how: the options of a run and the config they load.

use std::path::{Path, PathBuf};
use std::sync::Arc;


use crate::config::{self, Config};
use crate::diagnostic::{self, Diagnostic, Severity};
use crate::error::ToolError;
use crate::paths::display_path;
use crate::{git, i18n, policy, select};


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
