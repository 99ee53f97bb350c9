//! Rego policies: loading, metadata, evaluation, and mapping results back to the source.
//!
//! Policies compile once per run into one regorus engine; each worker thread evaluates on its own
//! clone. Packages have roles by name (docs/policies.md):
//! - `govlint.rules.*` — bundled per-artifact rules, one per file, with `# METADATA`;
//! - `govlint.repository.*` — repository rules, evaluated once per run with every artifact;
//! - `govlint.lib.*` — helpers, never evaluated as rules;
//! - anything else — user policies, conftest style, selected by namespace (`main` by default).

pub mod bounds;
mod context;
pub mod metadata;
pub mod opa_compat;
pub mod recursion;
mod markdown;
mod regex_ext;
pub mod testing;
pub mod volatile;

mod groups;
mod load;
mod results;
mod setup;
mod slots;
pub mod shared;

pub use load::*;
pub use results::*;
use groups::*;
use setup::*;
pub use setup::MAX_RANGE;
pub use slots::Worker;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use globset::{Glob, GlobSetBuilder};
use include_dir::{include_dir, Dir};
use regorus::Engine;
use serde_json::{json, Value};

use crate::classify::Kind;
use crate::diagnostic::{codes, Diagnostic, Severity};
use crate::parse::{self, Document, Limits, Section, Syntax};
use crate::source::{escape_token, SourceFile, Span};
use crate::error::ToolError;
use crate::messages::Msg;
use metadata::Metadata;

/// The bundled policies, embedded in the binary.
pub static BUNDLE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/policies");

/// The framework packs a run can enable (`frameworks:` in govlint.yaml, `--framework`).
pub const FRAMEWORKS: [&str; 5] = ["caict-roadmap-2024", "cn-genai", "eu-ai-act", "nist-ai-600-1", "baseline"];

/// Prefix of bundled per-artifact rule packages.
pub const RULES_PREFIX: &str = "govlint.rules.";
/// Prefix of repository-rule packages (bundled or user).
pub const REPOSITORY_PREFIX: &str = "govlint.repository.";
/// Prefix of helper packages.
pub const LIB_PREFIX: &str = "govlint.lib.";

/// What a package is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Artifact,
    Repository,
    Library,
}

/// One Rego file.
#[derive(Debug, Clone)]
pub struct RegoFile {
    /// As shown to users: `policies/…` for bundled files, the display path for others.
    pub path: String,
    pub source: Arc<SourceFile>,
    pub builtin: bool,
    pub package: String,
}

impl RegoFile {
    pub fn is_test(&self) -> bool {
        self.path.ends_with("_test.rego")
    }
}

/// An evaluable package.
#[derive(Debug, Clone)]
pub struct Package {
    pub name: String,
    pub role: Role,
    /// The file that declares it (the one with metadata, when several do).
    pub file: String,
    pub meta: Option<Metadata>,
    pub builtin: bool,
    /// The metadata's framework clauses and remediation as every finding carries them (shared
    /// by the package's findings, not copied into each).
    pub clauses: Arc<BTreeMap<String, String>>,
    pub remediation: Option<Arc<str>>,
    /// Whether its modules declare a rule that judges its documents (`evidence`,
    /// `not_applicable`, `no_subject`, `no_evidence`; see [`crate::evidence`]).
    pub judges: bool,
    /// Whether its modules name `data` anywhere (see [`names_data`]): one that does not cannot
    /// read the file context (`data.govlint.file`, `data.conftest.file`), which is then not built
    /// for it.
    pub reads_data: bool,
}

impl Package {
    /// The rule id its findings carry: the metadata's `custom.id`, else the package name (as
    /// conftest reports a policy by its namespace).
    pub fn rule_id(&self) -> String {
        self.meta.as_ref().and_then(|m| m.custom.id.clone()).unwrap_or_else(|| self.name.clone())
    }

    /// Whether the package applies to any of `kinds`.
    pub fn applies_to_any(&self, kinds: &[Kind]) -> bool {
        kinds.iter().any(|k| self.applies_to(*k))
    }

    /// Whether the package applies to a document of `kind` (no `kinds` means every kind).
    pub fn applies_to(&self, kind: Kind) -> bool {
        self.meta.as_ref().is_none_or(|m| m.custom.kinds.is_empty() || m.custom.kinds.contains(&kind))
    }

    pub fn severity(&self) -> Option<Severity> {
        self.meta.as_ref().and_then(|m| m.custom.severity)
    }

    /// The fields of `custom.evidence`, when the metadata lists some.
    pub fn evidence_fields(&self) -> Option<&[String]> {
        self.meta.as_ref().and_then(|m| m.custom.evidence.as_ref()).map(|e| e.fields.as_slice()).filter(|f| !f.is_empty())
    }
}

/// How to load policies.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Evaluate the bundled rules (the bundled helpers load either way).
    pub builtin: bool,
    /// User policy files and directories.
    pub paths: Vec<PathBuf>,
    /// Namespaces (package names, globs allowed) of user policies to evaluate.
    pub namespaces: Vec<String>,
    pub all_namespaces: bool,
    /// Data files and directories, merged into `data`.
    pub data: Vec<PathBuf>,
    /// Parse user policies as Rego v0.
    pub rego_v0: bool,
    /// Overrides of `data.govlint.params`.
    pub params: Value,
    /// Only bundled rules of these frameworks; `None` for all.
    pub frameworks: Option<BTreeSet<String>>,
    /// Time limit for one evaluation of one package on one document.
    pub timeout: Duration,
    /// Which rules are reported: packages whose rule it turns off are not evaluated.
    pub selection: crate::select::Selection,
    /// The repository profile, at `data.govlint.profile` (an empty object when none).
    pub profile: Value,
    /// Prepare to evaluate each package on its own, so that its time can be measured
    /// (`check --timings`, see [`PolicySet::set_timings`]).
    pub timings: bool,
    /// Define `data.govlint.file` and `data.conftest.file` as rules that read each evaluation's
    /// context (see [`context`]); off for `govlint test`, whose tests give them with `with`.
    pub context_rules: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            builtin: true,
            paths: Vec::new(),
            namespaces: Vec::new(),
            all_namespaces: false,
            data: Vec::new(),
            rego_v0: false,
            params: Value::Null,
            frameworks: None,
            timeout: Duration::from_secs(5),
            selection: crate::select::Selection::default(),
            profile: json!({}),
            timings: false,
            context_rules: true,
        }
    }
}

/// The compiled policies of a run.
#[derive(Clone)]
pub struct PolicySet {
    engine: Engine,
    pub packages: Vec<Package>,
    /// The term that evaluates each package's results (see [`package_terms`]).
    terms: Vec<String>,
    pub files: Vec<RegoFile>,
    /// The time limit of one evaluation on one document.
    timeout: Duration,
    /// SHA-256 (hex) of everything that decides what the policies find; see [`PolicySet::digest`].
    digest: String,
    /// The rule that evaluates each per-kind group of packages in one go; see [`group_rules`].
    groups: BTreeMap<Vec<usize>, String>,
    /// The rule that summarizes one file's documents for the repository rules, when those are
    /// the bundled ones over the bundled helpers (`data.govlint.lib.repository.file_summaries`);
    /// otherwise `None`, and they see whole documents.
    summary: Option<String>,
    /// The packages (indexes in `packages`) whose results depend on the time or on chance (see
    /// [`volatile`]): never cached.
    volatile: BTreeSet<usize>,
    /// The rule ids known and in force, before the selection (see [`crate::select`]).
    pub rule_ids: crate::select::RuleIds,
    /// Where each package's evaluations are timed (`check --timings`).
    timings: Option<Arc<crate::timings::Timings>>,
    /// The engines of the groups of bundled rules, compiled once a run has enough documents
    /// of a group (see src/policy/slots.rs).
    slots: Option<Arc<slots::Slots>>,
    /// The frameworks chosen (`--framework`, `frameworks:`), `None` for all: a finding that an
    /// `exempt` result leaves citing none of them is no finding of the run.
    pub frameworks: Option<BTreeSet<String>>,
}

impl std::fmt::Debug for PolicySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PolicySet").field("packages", &self.packages.len()).finish()
    }
}

/// The rule that gives the summaries of one file's documents for the repository rules
/// (`data.govlint.lib.repository.file_summaries`), when every repository
/// rule and every helper they can reach is bundled: a user's repository rule, or a user module
/// in a bundled namespace, may read any field, and then every rule sees whole documents.
fn summary_rule(files: &[RegoFile], packages: &[Package]) -> Option<String> {
    // A user repository package, or one replacing a bundled package, comes from a user file in
    // these namespaces.
    let bundled_only = files.iter().all(|f| f.builtin || !(f.package.starts_with(LIB_PREFIX) || f.package.starts_with(REPOSITORY_PREFIX)));
    if !bundled_only || !packages.iter().any(|p| p.role == Role::Repository) || !files.iter().any(|f| f.package == SUMMARY_PACKAGE) {
        return None;
    }
    Some(format!("data.{SUMMARY_PACKAGE}.file_summaries"))
}

/// The bundled helpers of the repository rules, which summarize each file for them.
const SUMMARY_PACKAGE: &str = "govlint.lib.repository";

/// A glob matcher over package names.
fn namespace_matcher(namespaces: &[String]) -> Result<globset::GlobSet, ToolError> {
    let mut b = GlobSetBuilder::new();
    let defaults = ["main".to_string()];
    let list = if namespaces.is_empty() { &defaults[..] } else { namespaces };
    for n in list {
        b.add(Glob::new(n).map_err(|e| ToolError::msg(format!("invalid namespace pattern `{n}`: {}", e.kind())))?);
    }
    b.build().map_err(|e| ToolError::msg(format!("invalid namespace patterns: {e}")))
}

impl PolicySet {
    /// Loads, compiles and indexes the policies.
    pub fn load(opts: &LoadOptions) -> Result<PolicySet, ToolError> {
        let user: Vec<RegoFile> = user_files(&opts.paths)?.into_iter().filter(|f| !f.is_test()).collect();
        // A user package of the same name replaces the bundled one (a working copy of the
        // bundle, or an override of a helper).
        let overridden: BTreeSet<&str> = user.iter().map(|f| f.package.as_str()).collect();
        // With --no-builtin only the helpers are compiled: the rules would never run. Nor would
        // the helpers where no user module names `data` (see [`names_data`]): nothing could
        // reach them, and compiling them is most of the start-up of a small policy set.
        let helpers = user.iter().any(|f| names_data(&f.source.text));
        let bundled: Vec<RegoFile> = bundled_files()
            .into_iter()
            .filter(|f| !f.is_test() && !overridden.contains(f.package.as_str()))
            .filter(|f| opts.builtin || (helpers && f.package.starts_with(LIB_PREFIX)))
            .collect();
        let mut all = bundled;
        all.extend(user);
        Self::compile(all, opts)
    }

    /// Compiles the given files (tests excluded by the caller).
    pub fn compile(files: Vec<RegoFile>, opts: &LoadOptions) -> Result<PolicySet, ToolError> {
        // regorus's own cache of compiled patterns serves the builtins that `regex_ext` leaves
        // to it (`regex.is_valid`, `regex.template_match`) and the glob builtins.
        // A call of an OPA builtin this engine lacks is refused here, as OPA refuses an unknown
        // function, rather than failing on each document that reaches it.
        opa_compat::check_builtins(&files)?;
        regorus::cache::configure(regorus::cache::Config { regex: 4096, glob: 512 });
        // The context is read under `data`: a set of modules none of which names it cannot read it.
        let mut engine = base_engine(opts.context_rules && files.iter().any(|f| names_data(&f.source.text)))?;
        for f in files.iter().filter(|f| f.builtin) {
            engine.add_policy(f.path.clone(), f.source.text.clone()).map_err(|e| rego_error(&e.to_string(), &files))?;
        }
        if opts.rego_v0 {
            engine.set_rego_v0(true);
        }
        for f in files.iter().filter(|f| !f.builtin) {
            engine.add_policy(f.path.clone(), f.source.text.clone()).map_err(|e| rego_error(&e.to_string(), &files))?;
        }
        let user_ns = namespace_matcher(&opts.namespaces)?;
        let mut by_name: BTreeMap<String, Package> = BTreeMap::new();
        for f in &files {
            if f.package.is_empty() {
                continue;
            }
            let meta = metadata::parse(&f.source)
                .map_err(|d| ToolError::with_diagnostics(format!("invalid METADATA in {}", f.path), Arc::clone(&f.source), d))?;
            let role = if f.package.starts_with(LIB_PREFIX) {
                Role::Library
            } else if f.package.starts_with(REPOSITORY_PREFIX) {
                Role::Repository
            } else {
                Role::Artifact
            };
            let entry = by_name.entry(f.package.clone()).or_insert_with(|| Package {
                name: f.package.clone(),
                role,
                file: f.path.clone(),
                meta: None,
                builtin: f.builtin,
                clauses: Arc::default(),
                remediation: None,
                judges: false,
                reads_data: false,
            });
            entry.reads_data |= names_data(&f.source.text);
            // regorus reads the rule heads; a module it cannot answer for judges nothing.
            entry.judges |= crate::evidence::Judgement::RULES.iter().any(|r| engine.has_declared_rule_rooted_at(&f.path, r).unwrap_or(false));
            if entry.meta.is_none() && meta.is_some() {
                entry.meta = meta;
                entry.file = f.path.clone();
            }
        }
        for p in by_name.values_mut() {
            if let Some(meta) = &p.meta {
                p.clauses = Arc::new(meta.custom.frameworks.iter().map(|(k, v)| (k.clone(), v.joined())).collect());
                p.remediation = meta.custom.remediation.as_deref().map(|r| Arc::from(r.trim()));
            }
        }
        let in_force = |p: &Package| match (p.role, p.builtin) {
            (Role::Library, _) => false,
            (_, true) => {
                opts.builtin
                    && (p.name.starts_with(RULES_PREFIX) || p.name.starts_with(REPOSITORY_PREFIX))
                    && opts.frameworks.as_ref().is_none_or(|sel| p.meta.as_ref().is_some_and(|m| m.custom.frameworks.keys().any(|k| sel.contains(k))))
            }
            (Role::Repository, false) => true,
            (Role::Artifact, false) => opts.all_namespaces || user_ns.is_match(&p.name),
        };
        let rule_ids = rule_ids(&by_name, opts, &in_force);
        let packages: Vec<Package> = by_name.into_values().filter(|p| in_force(p) && opts.selection.enabled(&p.rule_id())).collect();
        let terms = package_terms(&mut engine, &packages);
        let groups = group_rules(&mut engine, &packages, &terms, opts.timings);
        let summary = summary_rule(&files, &packages);
        engine.set_rego_v0(opts.rego_v0);
        let mut params = default_params();
        merge(&mut params, opts.params.clone());
        let mut data = load_data(&opts.data)?;
        let profile = if opts.profile.is_object() { opts.profile.clone() } else { json!({}) };
        merge(&mut data, json!({"govlint": {"params": params}}));
        // Set whole, not merged: a `-d` file cannot add facts to the declared profile.
        if let Some(g) = data.get_mut("govlint").and_then(Value::as_object_mut) {
            g.insert("profile".to_string(), profile);
        }
        let digest = bundle_digest(&files, &data, opts, &packages);
        let data = regorus::Value::from(data);
        engine.add_data(data.clone()).map_err(|e| ToolError::msg(format!("cannot load data: {e}")))?;
        // Analyse every module now, so an unsafe variable or a bad reference stops the run
        // before any document is read.
        engine.eval_query("true".to_string(), false).map_err(|e| rego_error(&e.to_string(), &files))?;
        if let Some(c) = recursion::find(&files) {
            let message = format!("function `{}` is recursive ({}); Rego forbids recursion", c.name, c.path.join(" calls "));
            let header = format!("policy {}:{} does not compile: {message}", c.file, c.line);
            return Err(match files.iter().find(|f| f.path == c.file) {
                Some(f) => {
                    let d = Diagnostic::at(&f.source, Span::new(c.offset, c.offset + c.name.len()), "policy-compile", Severity::Error, message)
                        .with_label(Msg::DefinedHere.text(&[]));
                    ToolError::with_diagnostics(header, Arc::clone(&f.source), vec![d])
                }
                None => ToolError::msg(header),
            });
        }
        engine.set_execution_timer_config(time_limit(opts.timeout));
        let volatile_names = volatile::packages(&files);
        let volatile = (0..packages.len()).filter(|&i| volatile_names.contains(&packages[i].name)).collect();

        let slots = if opts.builtin && opts.context_rules && !opts.timings { slots::Slots::new(&files, &packages, &groups, data).map(Arc::new) } else { None };
        let frameworks = opts.frameworks.clone();
        Ok(PolicySet { engine, packages, terms, files, timeout: opts.timeout, digest, groups, summary, volatile, rule_ids, timings: None, slots, frameworks })
    }

    /// Compiles the engine of a group of bundled rules once `after` of its documents have been
    /// evaluated (see src/policy/slots.rs; 0: at the first). For tests, which hold every evaluation on
    /// such an engine to the same findings as the full engine's.
    pub fn set_group_engines_after(&mut self, after: usize) {
        if let Some(s) = self.slots.as_mut().and_then(Arc::get_mut) {
            s.set_after(after);
        }
    }

    /// A digest of the policy bundle: every module's path and source text (bundled and user, in
    /// load order), the data documents with the params, and the options that select or bound
    /// the rules (bundled rules, frameworks, namespaces, Rego version, time limit). Two sets
    /// with the same digest find the same things in the same documents.
    pub fn digest(&self) -> &str {
        &self.digest
    }

    /// Times every evaluation of a package from now on, each package evaluated on its own (the
    /// set should be loaded with [`LoadOptions::timings`], or each evaluation parses a query).
    pub fn set_timings(&mut self, timings: Arc<crate::timings::Timings>) {
        self.timings = Some(timings);
    }

    /// Where evaluations are timed, when they are.
    pub fn timings(&self) -> Option<&crate::timings::Timings> {
        self.timings.as_deref()
    }

    /// The engines of one worker thread.
    pub fn worker(&self) -> Worker {
        Worker::new(self.engine.clone())
    }

    /// An engine for the rules that see `documents` documents at once (repository rules,
    /// `--combine`): the time limit of one document for each started hundred of them.
    pub fn wide_worker(&self, documents: usize) -> Engine {
        let mut engine = self.engine.clone();
        let hundreds = u32::try_from(hundreds(documents)).unwrap_or(u32::MAX);
        engine.set_execution_timer_config(time_limit(self.timeout.saturating_mul(hundreds)));
        engine
    }

    /// Whether package `pkg`'s results depend on the time or on chance: its findings on a
    /// document are evaluated afresh on every run, never taken from the cache.
    pub fn is_volatile(&self, pkg: usize) -> bool {
        self.volatile.contains(&pkg)
    }

    /// Whether any package is volatile (see [`PolicySet::is_volatile`]).
    pub fn has_volatile(&self) -> bool {
        !self.volatile.is_empty()
    }

    /// Packages that apply to a document of `kind`.
    pub fn for_kind(&self, kind: Kind) -> Vec<usize> {
        artifact_packages(&self.packages, kind)
    }

    /// Repository packages.
    pub fn repository(&self) -> Vec<usize> {
        (0..self.packages.len()).filter(|&i| self.packages[i].role == Role::Repository).collect()
    }

    /// The input of one evaluation: the document (or the repository), already converted for
    /// the engine, and its per-file context (`data.govlint.file`; see [`file_context`]), from
    /// which `data.conftest.file` is made. Cloning it is cheap, so one input can serve several
    /// engines.
    pub fn input(doc: regorus::Value, file: regorus::Value) -> Input {
        let path = match &file["path"] {
            regorus::Value::Undefined => regorus::Value::Null,
            p => p.clone(),
        };
        let dir = match path.as_string() {
            Ok(p) => regorus::Value::from(Path::new(p.as_ref()).parent().map(|d| d.to_string_lossy().to_string()).unwrap_or_default()),
            Err(_) => regorus::Value::Null,
        };
        let conftest = regorus::Value::from(BTreeMap::from([(regorus::Value::from("dir"), dir), (regorus::Value::from("name"), path)]));
        Input { doc, file, conftest }
    }

    /// Sets the engine's input and this thread's context (see [`context`]) for an evaluation.
    fn prepare(engine: &mut Engine, input: &Input, scale: u64) {
        bounds::begin(scale);
        context::set(Some((&input.file, &input.conftest)));
        engine.set_input(input.doc.clone());
    }

    /// Evaluates one package on a prepared input, in its own query: for inputs as large as the
    /// whole repository, where one package's time limit must not cost the others their results.
    pub fn eval_one(&self, engine: &mut Engine, pkg: usize, input: &Input) -> Result<Vec<Finding>, String> {
        self.eval_one_scaled(engine, pkg, input, 1)
    }

    /// [`PolicySet::eval_one`] for an input of `documents` documents (see [`PolicySet::wide_worker`]).
    pub fn eval_one_wide(&self, engine: &mut Engine, pkg: usize, input: &Input, documents: usize) -> Result<Vec<Finding>, String> {
        self.eval_one_scaled(engine, pkg, input, hundreds(documents))
    }

    fn eval_one_scaled(&self, engine: &mut Engine, pkg: usize, input: &Input, scale: u64) -> Result<Vec<Finding>, String> {
        if let Some(t) = &self.timings {
            let start = std::time::Instant::now();
            let out = self.eval_one_untimed(engine, pkg, input, scale);
            t.add_rule(pkg, start.elapsed());
            return out;
        }
        self.eval_one_untimed(engine, pkg, input, scale)
    }

    fn eval_one_untimed(&self, engine: &mut Engine, pkg: usize, input: &Input, scale: u64) -> Result<Vec<Finding>, String> {
        Self::prepare(engine, input, scale);
        match self.query(engine, &self.terms[pkg])? {
            Some(package) => serde_json::to_value(result_values(&package)).map(|v| findings(pkg, &v)).map_err(|e| e.to_string()),
            None => Ok(Vec::new()),
        }
    }

    /// Evaluates several packages on one document in a single query — the query analysis and
    /// the `with` setup are paid once, not once per package. When that query fails (a runtime
    /// error or the time limit in one package), each package is evaluated alone, so the error
    /// is reported on the package that caused it and the others still report.
    pub fn eval_all(&self, worker: &mut Worker, pkgs: &[usize], input: &Input) -> Vec<(usize, Result<Vec<Finding>, String>)> {
        let engine = worker.for_group(self, pkgs);
        self.eval_all_scaled(engine, pkgs, input, 1)
    }

    /// [`PolicySet::eval_all`] for an input of `documents` documents: the repository rules'
    /// (see [`PolicySet::wide_worker`]).
    pub fn eval_all_wide(&self, mut engine: Engine, pkgs: &[usize], input: &Input, documents: usize) -> Vec<(usize, Result<Vec<Finding>, String>)> {
        let scale = hundreds(documents);
        if self.timings.is_none() && !pkgs.is_empty() {
            if let Some(values) = self.group_values(&mut engine, pkgs, input, scale) {
                // What the engine holds besides the results (every index the rules built over
                // the repository) is let go before the findings are made.
                drop(engine);
                if let Some(out) = self.group_findings(pkgs, &values) {
                    return out;
                }
                engine = self.wide_worker(documents);
            }
        }
        self.eval_all_scaled(&mut engine, pkgs, input, scale)
    }

    fn eval_all_scaled(&self, engine: &mut Engine, pkgs: &[usize], input: &Input, scale: u64) -> Vec<(usize, Result<Vec<Finding>, String>)> {
        if pkgs.is_empty() {
            return Vec::new();
        }
        // Timed, each package alone: what one package costs is then its own.
        if let Some(t) = &self.timings {
            return pkgs
                .iter()
                .map(|&p| {
                    let start = std::time::Instant::now();
                    let out = match self.eval_group(engine, &[p], input, scale) {
                        Some(mut one) => one.pop().map_or_else(|| Ok(Vec::new()), |(_, r)| r),
                        None => self.eval_one_untimed(engine, p, input, scale),
                    };
                    t.add_rule(p, start.elapsed());
                    (p, out)
                })
                .collect();
        }
        if let Some(out) = self.eval_group(engine, pkgs, input, scale) {
            return out;
        }
        pkgs.iter().map(|&p| (p, self.eval_one_scaled(engine, p, input, scale))).collect()
    }

    /// Evaluates the packages `pkgs` in one query; `None` when it fails (each package is then
    /// evaluated alone, so that the error is reported on the one that caused it).
    fn eval_group(&self, engine: &mut Engine, pkgs: &[usize], input: &Input, scale: u64) -> Option<Evaluated> {
        let values = self.group_values(engine, pkgs, input, scale)?;
        self.group_findings(pkgs, &values)
    }

    /// The result rules of each package of `pkgs`, evaluated in one query; `None` when it fails.
    /// Only the result rules are kept, not the package's other rules.
    fn group_values(&self, engine: &mut Engine, pkgs: &[usize], input: &Input, scale: u64) -> Option<Vec<regorus::Value>> {
        Self::prepare(engine, input, scale);
        let values = match self.groups.get(pkgs) {
            Some(rule) => {
                let values = engine.eval_rule(rule.clone()).ok()?;
                let _ = engine.take_prints();
                values
            }
            None => {
                let refs: Vec<&str> = pkgs.iter().map(|&p| self.terms[p].as_str()).collect();
                self.query(engine, &format!("[{}]", refs.join(", "))).ok()??
            }
        };
        let values = values.as_array().ok()?;
        (values.len() == pkgs.len()).then(|| values.iter().map(result_values).collect())
    }

    /// The findings of each package of `pkgs` from its result rules; `None` when one cannot be
    /// read.
    fn group_findings(&self, pkgs: &[usize], values: &[regorus::Value]) -> Option<Evaluated> {
        let values: Vec<Value> = values.iter().map(serde_json::to_value).collect::<Result<_, _>>().ok()?;
        Some(pkgs.iter().zip(values).map(|(&p, v)| (p, Ok(findings(p, &v)))).collect())
    }

    /// Whether the repository rules read summaries of the documents (see [`PolicySet::summary`])
    /// rather than the documents.
    pub fn summarizes(&self) -> bool {
        self.summary.is_some()
    }

    /// The summaries of the documents of one file that the bundled repository rules read, from
    /// `input`: `{artifacts: [...]}`, the file's artifact entries as the repository rules'
    /// input has them (see [`crate::pipeline::repository_input`]). Null when they read whole
    /// documents. When the helpers fail on the file (an error, or no value), an empty list (the repository rules then
    /// see nothing of it) and the error, which the caller reports on the file (see
    /// [`results::summary_error_diagnostic`]): one odd file never stops the repository rules.
    pub fn summary(&self, engine: &mut Engine, input: &regorus::Value) -> (regorus::Value, Option<String>) {
        let Some(rule) = &self.summary else { return (regorus::Value::Null, None) };
        bounds::begin(1);
        context::set(None);
        engine.set_input(input.clone());
        let value = engine.eval_rule(rule.clone());
        let _ = engine.take_prints();
        match value {
            // The helpers always give a list; nothing at all means they failed on the file.
            Ok(regorus::Value::Undefined) => (regorus::Value::from(Vec::<regorus::Value>::new()), Some("the helpers gave no summary of the file".to_string())),
            Ok(v) => (shared::compact(&v), None),
            Err(e) => (regorus::Value::from(Vec::<regorus::Value>::new()), Some(first_error_line(&e.to_string()))),
        }
    }

    /// The file of the helpers that summarize documents for the repository rules.
    pub fn summary_file(&self) -> &str {
        self.files.iter().find(|f| f.package == SUMMARY_PACKAGE).map_or("", |f| f.path.as_str())
    }

    /// Evaluates `term` on the input and context set (see [`PolicySet::prepare`]); `None` when undefined.
    fn query(&self, engine: &mut Engine, term: &str) -> Result<Option<regorus::Value>, String> {
        let results = engine.eval_query(term.to_string(), false).map_err(|e| first_error_line(&e.to_string()))?;
        let _ = engine.take_prints();
        Ok(results.result.into_iter().next().and_then(|r| r.expressions.into_iter().next()).map(|e| e.value))
    }
}

/// What a regorus error says, without its trace: the line after `error: `, else all of it.
fn first_error_line(s: &str) -> String {
    s.lines().find_map(|l| l.trim().strip_prefix("error: ").map(str::to_string)).unwrap_or_else(|| s.trim().to_string())
}

/// A new engine with govlint's builtins (bounded ranges, regex, memory bounds) and, with
/// `context`, the rules that give each evaluation's file context.
fn base_engine(context: bool) -> Result<Engine, ToolError> {
    let fail = |e: anyhow::Error| ToolError::msg(format!("cannot set up the policy engine: {e}"));
    let mut engine = Engine::new();
    engine.set_gather_prints(true);
    bound_ranges(&mut engine)?;
    regex_ext::register(&mut engine).map_err(fail)?;
    bounds::register(&mut engine).map_err(fail)?;
    if context {
        context::register(&mut engine).map_err(fail)?;
    }
    Ok(engine)
}

/// Whether a module's text has the word `data` anywhere, in a reference, an import, a string or
/// a comment: a module without it cannot reach any document under `data` (Rego's only other
/// root is `input`). Erring towards yes costs only the building of the file context.
pub fn names_data(text: &str) -> bool {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices("data").any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(word) && !text[at + 4..].chars().next().is_some_and(word)
    })
}

/// What one evaluation sees (see [`PolicySet::input`]).
#[derive(Debug, Clone)]
pub struct Input {
    /// The document, `input`.
    doc: regorus::Value,
    /// `data.govlint.file`.
    file: regorus::Value,
    /// `data.conftest.file`: `{name, dir}`.
    conftest: regorus::Value,
}

/// Each package's findings on a document, or why it failed.
pub type Evaluated = Vec<(usize, Result<Vec<Finding>, String>)>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_reads_the_file_context_only_if_it_names_data() {
        assert!(!names_data("package main\nimport rego.v1\ndeny contains \"no\" if input.metadata == null\n"));
        // A field or rule whose name holds the word is not a reference to `data`.
        assert!(!names_data("package main\nx := input.metadata_data\ny := input.database\n"));
        for reads in ["x := data.conftest.file.name", "import data.govlint\nx := govlint.file", "x := data[\"govlint\"]", "# data\n", "x := object.get(data, \"k\", 1)"] {
            assert!(names_data(&format!("package main\n{reads}\n")), "{reads}");
        }
    }

    #[test]
    fn a_document_reaches_the_engine_as_the_engine_would_read_it_itself() {
        let doc = serde_json::json!({
            "zeta": [1, -2, 2.5, 18446744073709551615u64, -9223372036854775808i64, 1e300, 0.1],
            "alpha": {"": null, "nested": {"empty": {}, "list": [], "t": true, "f": false}},
            "unicode": "模型卡 ✓", "escaped/key~": "x", "num": 3.0
        });
        assert_eq!(to_engine(&doc), regorus::Value::from(doc.clone()));
        for scalar in [serde_json::json!(null), serde_json::json!({}), serde_json::json!([]), serde_json::json!(-0.0), serde_json::json!("")] {
            assert_eq!(to_engine(&scalar), regorus::Value::from(scalar.clone()), "{scalar}");
        }
    }

    #[test]
    fn a_file_the_summary_helpers_fail_on_has_no_summary_and_an_error() {
        let set = PolicySet::load(&LoadOptions::default()).expect("the bundled policies compile");
        assert!(set.summarizes());
        let mut worker = set.worker();
        let entry = |path: serde_json::Value| to_engine(&json!({"artifacts": [{"path": path, "kind": "model-card", "format": "native", "index": 0, "document": {"metadata": {"name": "m"}}}]}));
        let (ok, none) = set.summary(&mut worker, &entry(json!("models/m/model-card.yaml")));
        assert_eq!((ok.as_array().map(|l| l.len()).ok(), none), (Some(1), None));
        // govlint always gives a path as text; a number stands here for whatever a helper
        // cannot read.
        let (empty, err) = set.summary(&mut worker, &entry(json!(7)));
        assert_eq!(empty, regorus::Value::from(Vec::<regorus::Value>::new()));
        assert!(err.is_some_and(|e| !e.is_empty() && !e.contains('\n')));
        assert!(set.summary_file().ends_with("repository.rego"), "{}", set.summary_file());
    }

    #[test]
    fn rule_names_follow_conftest() {
        assert_eq!(rule_kind("deny"), Some(RuleKind::Deny));
        assert_eq!(rule_kind("deny_latest_tag"), Some(RuleKind::Deny));
        assert_eq!(rule_kind("violation"), Some(RuleKind::Violation));
        assert_eq!(rule_kind("warn_x"), Some(RuleKind::Warn));
        assert_eq!(rule_kind("denylist"), None);
        assert_eq!(rule_kind("helper"), None);
    }

    #[test]
    fn result_paths_become_pointers() {
        assert_eq!(result_pointer(&json!({"path": ["a", 0, "b/c"]})).as_deref(), Some("/a/0/b~1c"));
        assert_eq!(result_pointer(&json!({"path": "/x/y"})).as_deref(), Some("/x/y"));
        assert_eq!(result_pointer(&json!({"msg": "m"})), None);
    }

    #[test]
    fn exceptions_mark_deny_results() {
        let v = json!({"deny_root": ["r"], "deny": ["d"], "warn_root": ["w"], "exception": [["root"]]});
        let f = findings(0, &v);
        assert!(f.iter().find(|f| f.rule == "deny_root").unwrap().excepted);
        assert!(!f.iter().find(|f| f.rule == "deny").unwrap().excepted);
        assert!(!f.iter().find(|f| f.rule == "warn_root").unwrap().excepted);
    }

    #[test]
    fn rego_columns_count_tabs_as_four() {
        let s = SourceFile::new("p.rego", "package p\n\tname != 1\n".to_string());
        assert_eq!(rego_offset(&s, 2, 5), 11);
    }

    #[test]
    fn params_merge_deeply() {
        let mut base = json!({"a": {"x": 1, "y": 2}});
        merge(&mut base, json!({"a": {"y": 3}}));
        assert_eq!(base, json!({"a": {"x": 1, "y": 3}}));
    }
}
