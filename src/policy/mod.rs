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
mod regex_ext;
pub mod testing;
pub mod volatile;

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

/// The default parameters shipped with the bundle: every YAML file under `policies/params/`,
/// merged in path order.
pub fn default_params() -> Value {
    let mut params = json!({});
    let Some(dir) = BUNDLE.get_dir("params") else { return params };
    let mut files: Vec<_> = dir.files().filter(|f| f.path().extension().is_some_and(|e| e == "yaml")).collect();
    files.sort_by_key(|f| f.path());
    for f in files {
        let src = SourceFile::new(format!("policies/{}", f.path().display()), f.contents_utf8().unwrap_or_default().to_string());
        if let Some(doc) = parse::yaml::parse(&src, 0, &src.text, &Limits::default()).documents.into_iter().next() {
            merge(&mut params, doc.value);
        }
    }
    params
}

/// Deep-merges `over` into `base` (objects merge; anything else replaces).
pub fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(slot) => merge(slot, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (_, Value::Null) => {}
        (slot, v) => *slot = v,
    }
}

/// The `package` of a Rego text.
pub fn package_of(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let l = l.trim();
        l.strip_prefix("package ").map(|p| p.split('#').next().unwrap_or("").trim().to_string())
    })
}

/// Every bundled `.rego` file, tests included, in path order.
pub fn bundled_files() -> Vec<RegoFile> {
    let mut out = Vec::new();
    collect_bundle(&BUNDLE, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn collect_bundle(dir: &Dir<'static>, out: &mut Vec<RegoFile>) {
    for f in dir.files() {
        if f.path().extension().is_some_and(|e| e == "rego") {
            let text = f.contents_utf8().unwrap_or_default().to_string();
            let path = format!("policies/{}", f.path().to_string_lossy().replace('\\', "/"));
            let package = package_of(&text).unwrap_or_default();
            out.push(RegoFile { source: SourceFile::new(path.clone(), text), path, builtin: true, package });
        }
    }
    for d in dir.dirs() {
        collect_bundle(d, out);
    }
}

/// The `.rego` files under user paths, in path order. A missing path is a tool error; so is a
/// file named directly that is not a `.rego` file or not text: its content is never compiled,
/// so never quoted in an error (`-p /proc/self/environ` would put the environment in a CI log).
pub fn user_files(paths: &[PathBuf]) -> Result<Vec<RegoFile>, ToolError> {
    let mut out = Vec::new();
    for p in paths {
        let meta = std::fs::metadata(p).map_err(|e| {
            ToolError::msg(format!("policy path {} cannot be read: {}", p.display(), crate::fileio::io_reason(&e)))
        })?;
        let files: Vec<PathBuf> = if meta.is_dir() {
            walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "rego"))
                .map(|e| e.path().to_path_buf())
                .collect()
        } else if p.extension().is_some_and(|x| x == "rego") && meta.is_file() {
            vec![p.clone()]
        } else {
            return Err(ToolError::msg(format!("policy path {} is not a .rego file or a directory", p.display())));
        };
        for f in files {
            let text = read_text(&f).map_err(|why| ToolError::msg(format!("policy {} {why}", f.display())))?;
            let path = crate::paths::display_path(&f);
            let package = package_of(&text).unwrap_or_default();
            out.push(RegoFile { source: SourceFile::new(path.clone(), text), path, builtin: false, package });
        }
    }
    Ok(out)
}

/// The text of a file read as a policy or data, or why it is not text (no content is quoted).
fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot be read: {}", crate::fileio::io_reason(&e)))?;
    if bytes.contains(&0) {
        return Err("is not a text file (it holds a NUL byte)".to_string());
    }
    String::from_utf8(bytes).map_err(|e| format!("is not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// Loads `-d/--data` files (YAML or JSON, or directories of them) into one object. A file that
/// is not YAML or JSON by its name is refused unread; one that does not parse is reported by
/// its position alone: data files are not policies, and their text (which may hold anything)
/// is never printed.
pub fn load_data(paths: &[PathBuf]) -> Result<Value, ToolError> {
    let mut data = json!({});
    for p in paths {
        let files: Vec<PathBuf> = if p.is_dir() {
            walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
                .map(|e| e.path().to_path_buf())
                .filter(|f| matches!(Syntax::from_path(f), Some(Syntax::Yaml | Syntax::Json)))
                .collect()
        } else if !p.exists() {
            return Err(ToolError::msg(format!("data path {} does not exist", p.display())));
        } else if matches!(Syntax::from_path(p), Some(Syntax::Yaml | Syntax::Json)) {
            vec![p.clone()]
        } else {
            return Err(ToolError::msg(format!("data path {} is not a YAML or JSON file (.yaml, .yml, .json) or a directory", p.display())));
        };
        for f in files {
            let text = read_text(&f).map_err(|why| ToolError::msg(format!("data file {} {why}", f.display())))?;
            let syntax = Syntax::from_path(&f).unwrap_or(Syntax::Yaml);
            let src = SourceFile::new(crate::paths::display_path(&f), text);
            let parsed = parse::parse(Arc::clone(&src), syntax, &Limits::default());
            if let Some(d) = parsed.diagnostics.first() {
                return Err(ToolError::msg(format!("data file {}:{}:{} does not parse: {}", src.name, d.start.line, d.start.column, d.message)));
            }
            for d in parsed.documents {
                if d.value.is_object() {
                    merge(&mut data, d.value);
                }
            }
        }
    }
    Ok(data)
}

/// Turns a regorus error (`--> file:line:col … error: message`) into a located tool error.
pub fn rego_error(err: &str, files: &[RegoFile]) -> ToolError {
    let located = err.lines().find_map(|l| l.trim().strip_prefix("--> ")).and_then(|loc| {
        let mut parts = loc.rsplitn(3, ':');
        let col: usize = parts.next()?.trim().parse().ok()?;
        let line: usize = parts.next()?.trim().parse().ok()?;
        Some((parts.next()?.to_string(), line, col))
    });
    let message = err
        .lines()
        .find_map(|l| l.trim().strip_prefix("error: "))
        .unwrap_or_else(|| err.trim())
        .to_string();
    if let Some((file, line, col)) = located {
        if let Some(f) = files.iter().find(|f| f.path == file) {
            let at = rego_offset(&f.source, line, col);
            let mut d = Diagnostic::at(&f.source, Span::new(at, at + 1), "policy-compile", Severity::Error, message.clone())
                .with_label("here");
            if let Some(help) = opa_compat::hint(&message, &f.source, at) {
                d = d.with_help(help);
            }
            return ToolError::with_diagnostics(format!("policy {file} does not compile: {message}"), Arc::clone(&f.source), vec![d]);
        }
        return ToolError::msg(format!("policy {file}:{line}:{col}: {message}"));
    }
    ToolError::msg(format!("policy error: {message}"))
}

/// The byte offset of a regorus `line:col`. regorus counts a tab as four columns and a quoted
/// string by its bytes, and `opa fmt` indents with tabs, so the column is not a character count.
fn rego_offset(source: &SourceFile, line: usize, col: usize) -> usize {
    let span = source.line_span(line.max(1));
    let mut visual = 1;
    for (i, ch) in source.text[span.start..span.end].char_indices() {
        if visual >= col {
            return span.start + i;
        }
        visual += if ch == '\t' { 4 } else { ch.len_utf8() };
    }
    span.end
}

/// Most elements `numbers.range` and `numbers.range_step` may produce.
pub const MAX_RANGE: i64 = 1_000_000;

/// Replaces regorus's `numbers.range` and `numbers.range_step` with bounded versions. The
/// builtins reserve the whole array before checking the time limit, so `numbers.range(1, 1e10)`
/// would abort the process on a failed allocation, and a zero step divides by zero. Extensions
/// are looked up before builtins, so these take their place for every policy.
fn bound_ranges(engine: &mut Engine) -> Result<(), ToolError> {
    fn range(name: &str, from: &regorus::Value, to: &regorus::Value, step: Option<&regorus::Value>) -> anyhow::Result<regorus::Value> {
        let int = |v: &regorus::Value| v.as_i64().map_err(|_| anyhow::anyhow!("{name}: operands must be integers"));
        let (from, to) = (int(from)?, int(to)?);
        let step = match step {
            Some(s) => int(s)?,
            None => 1,
        };
        if step <= 0 {
            anyhow::bail!("{name}: step must be a positive integer");
        }
        let len = (i128::from(to) - i128::from(from)).unsigned_abs() / step as u128 + 1;
        if len > MAX_RANGE as u128 {
            anyhow::bail!("{name}: a range of {len} elements is more than govlint allows ({MAX_RANGE})");
        }
        let dir = if to >= from { step } else { -step };
        let items = (0..len as i64).map(|i| regorus::Value::from(from + i * dir)).collect::<Vec<_>>();
        Ok(regorus::Value::from(items))
    }
    let fail = |e: anyhow::Error| ToolError::msg(format!("cannot set up the policy engine: {e}"));
    engine
        .add_extension("numbers.range".to_string(), 2, Box::new(|a: Vec<regorus::Value>| match &a[..] {
            [from, to] => range("numbers.range", from, to, None),
            _ => anyhow::bail!("numbers.range expects 2 arguments"),
        }))
        .map_err(fail)?;
    engine
        .add_extension(
            "numbers.range_step".to_string(),
            3,
            Box::new(|a: Vec<regorus::Value>| match &a[..] {
                [from, to, step] => range("numbers.range_step", from, to, Some(step)),
                _ => anyhow::bail!("numbers.range_step expects 3 arguments"),
            }),
        )
        .map_err(fail)
}

/// The engine's time limit on one evaluation, checked every 64 steps.
fn time_limit(limit: Duration) -> regorus::utils::limits::ExecutionTimerConfig {
    regorus::utils::limits::ExecutionTimerConfig { limit, check_interval: std::num::NonZeroU32::new(64).unwrap_or(std::num::NonZeroU32::MIN) }
}

/// The rule ids a run knows and those in force (see [`crate::select::RuleIds`]): the built-in
/// checks, the packages compiled that are not helpers (bundled rules of every framework, user
/// policies of every namespace), and, when the bundled rules were not compiled
/// (`--no-builtin`), their ids from their metadata.
fn rule_ids(by_name: &BTreeMap<String, Package>, opts: &LoadOptions, in_force: &dyn Fn(&Package) -> bool) -> crate::select::RuleIds {
    let mut ids = crate::select::RuleIds::default();
    for (code, _) in codes::ALL {
        ids.known.insert(code.to_string());
        ids.in_force.insert(code.to_string());
    }
    let rules = |name: &str| name.starts_with(RULES_PREFIX) || name.starts_with(REPOSITORY_PREFIX);
    for p in by_name.values().filter(|p| p.role != Role::Library && (!p.builtin || rules(&p.name))) {
        let id = p.rule_id();
        if p.builtin {
            ids.frameworks.insert(id.clone(), p.meta.as_ref().map(|m| m.custom.frameworks.keys().cloned().collect()).unwrap_or_default());
        }
        if in_force(p) {
            ids.in_force.insert(id.clone());
        }
        ids.known.insert(id);
    }
    // Only worth the metadata's parse when there is a selection to check.
    let selecting = opts.selection.select.is_some() || !opts.selection.ignore.is_empty() || !opts.selection.config.is_empty();
    if !opts.builtin && selecting {
        for f in bundled_files().into_iter().filter(|f| !f.is_test() && rules(&f.package)) {
            if let Ok(Some(meta)) = metadata::parse(&f.source) {
                let id = meta.custom.id.clone().unwrap_or_else(|| f.package.clone());
                ids.frameworks.insert(id.clone(), meta.custom.frameworks.keys().cloned().collect());
                ids.known.insert(id);
            }
        }
    }
    ids
}

/// See [`PolicySet::digest`].
fn bundle_digest(files: &[RegoFile], data: &Value, opts: &LoadOptions, packages: &[Package]) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    let mut field = |bytes: &[u8]| {
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    };
    for f in files {
        field(f.path.as_bytes());
        field(&[u8::from(f.builtin)]);
        field(f.source.text.as_bytes());
    }
    field(data.to_string().as_bytes());
    let frameworks = opts.frameworks.as_ref().map(|f| f.iter().cloned().collect::<Vec<_>>());
    let options = json!({
        "builtin": opts.builtin,
        "namespaces": opts.namespaces,
        "all_namespaces": opts.all_namespaces,
        "rego_v0": opts.rego_v0,
        "frameworks": frameworks,
        // What the selection leaves to evaluate.
        "packages": packages.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        "timeout_ms": opts.timeout.as_millis() as u64,
    });
    field(options.to_string().as_bytes());
    data_encoding::HEXLOWER.encode(&h.finalize())
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
        // With --no-builtin only the helpers are compiled: the rules would never run.
        let bundled: Vec<RegoFile> = bundled_files()
            .into_iter()
            .filter(|f| !f.is_test() && !overridden.contains(f.package.as_str()))
            .filter(|f| opts.builtin || f.package.starts_with(LIB_PREFIX))
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
        let mut engine = Engine::new();
        engine.set_gather_prints(true);
        bound_ranges(&mut engine)?;
        regex_ext::register(&mut engine).map_err(|e| ToolError::msg(format!("cannot set up the policy engine: {e}")))?;
        bounds::register(&mut engine).map_err(|e| ToolError::msg(format!("cannot set up the policy engine: {e}")))?;
        if opts.context_rules {
            context::register(&mut engine).map_err(|e| ToolError::msg(format!("cannot set up the policy engine: {e}")))?;
        }
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
            });
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
        engine
            .add_data(regorus::Value::from(data))
            .map_err(|e| ToolError::msg(format!("cannot load data: {e}")))?;
        // Analyse every module now, so an unsafe variable or a bad reference stops the run
        // before any document is read.
        engine.eval_query("true".to_string(), false).map_err(|e| rego_error(&e.to_string(), &files))?;
        if let Some(c) = recursion::find(&files) {
            let message = format!("function `{}` is recursive ({}); Rego forbids recursion", c.name, c.path.join(" calls "));
            let header = format!("policy {}:{} does not compile: {message}", c.file, c.line);
            return Err(match files.iter().find(|f| f.path == c.file) {
                Some(f) => {
                    let d = Diagnostic::at(&f.source, Span::new(c.offset, c.offset + c.name.len()), "policy-compile", Severity::Error, message)
                        .with_label("defined here");
                    ToolError::with_diagnostics(header, Arc::clone(&f.source), vec![d])
                }
                None => ToolError::msg(header),
            });
        }
        engine.set_execution_timer_config(time_limit(opts.timeout));
        let volatile_names = volatile::packages(&files);
        let volatile = (0..packages.len()).filter(|&i| volatile_names.contains(&packages[i].name)).collect();

        Ok(PolicySet { engine, packages, terms, files, timeout: opts.timeout, digest, groups, summary, volatile, rule_ids, timings: None })
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

    /// An engine for one worker thread.
    pub fn worker(&self) -> Engine {
        self.engine.clone()
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
        self.query(engine, &self.terms[pkg]).map(|v| v.map(|v| findings(pkg, &v)).unwrap_or_default())
    }

    /// Evaluates several packages on one document in a single query — the query analysis and
    /// the `with` setup are paid once, not once per package. When that query fails (a runtime
    /// error or the time limit in one package), each package is evaluated alone, so the error
    /// is reported on the package that caused it and the others still report.
    pub fn eval_all(&self, engine: &mut Engine, pkgs: &[usize], input: &Input) -> Vec<(usize, Result<Vec<Finding>, String>)> {
        self.eval_all_scaled(engine, pkgs, input, 1)
    }

    /// [`PolicySet::eval_all`] for an input of `documents` documents: the repository rules'
    /// (see [`PolicySet::wide_worker`]).
    pub fn eval_all_wide(&self, engine: &mut Engine, pkgs: &[usize], input: &Input, documents: usize) -> Vec<(usize, Result<Vec<Finding>, String>)> {
        self.eval_all_scaled(engine, pkgs, input, hundreds(documents))
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
        Self::prepare(engine, input, scale);
        let values = match self.groups.get(pkgs) {
            Some(rule) => {
                let values = engine.eval_rule(rule.clone()).ok()?;
                let _ = engine.take_prints();
                // Only the result rules of each package are converted, not its other rules.
                let values: Vec<Value> = values.as_array().ok()?.iter().map(result_rules).collect::<Result<_, _>>().ok()?;
                return (values.len() == pkgs.len()).then(|| pkgs.iter().zip(values).map(|(&p, v)| (p, Ok(findings(p, &v)))).collect());
            }
            None => {
                let refs: Vec<&str> = pkgs.iter().map(|&p| self.terms[p].as_str()).collect();
                self.query(engine, &format!("[{}]", refs.join(", ")))
            }
        };
        match values {
            Ok(Some(Value::Array(values))) if values.len() == pkgs.len() => Some(pkgs.iter().zip(values).map(|(&p, v)| (p, Ok(findings(p, &v)))).collect()),
            _ => None,
        }
    }

    /// Whether the repository rules read summaries of the documents (see [`PolicySet::summary`])
    /// rather than the documents.
    pub fn summarizes(&self) -> bool {
        self.summary.is_some()
    }

    /// The summaries of the documents of one file that the bundled repository rules read, from
    /// `input`: `{artifacts: [...]}`, the file's artifact entries as the repository rules'
    /// input has them (see [`crate::pipeline::repository_input`]). Null when they read whole documents, or
    /// when it cannot be evaluated (the repository rules then see nothing of the file).
    pub fn summary(&self, engine: &mut Engine, input: &regorus::Value) -> regorus::Value {
        let Some(rule) = &self.summary else { return regorus::Value::Null };
        bounds::begin(1);
        context::set(None);
        engine.set_input(input.clone());
        let value = engine.eval_rule(rule.clone()).unwrap_or(regorus::Value::Null);
        let _ = engine.take_prints();
        if value == regorus::Value::Undefined { regorus::Value::Null } else { value }
    }

    /// Evaluates `term` on the input and context set (see [`PolicySet::prepare`]); `None` when undefined.
    fn query(&self, engine: &mut Engine, term: &str) -> Result<Option<Value>, String> {
        let results = engine.eval_query(term.to_string(), false).map_err(|e| {
            let s = e.to_string();
            s.lines().find_map(|l| l.trim().strip_prefix("error: ").map(str::to_string)).unwrap_or_else(|| s.trim().to_string())
        })?;
        let _ = engine.take_prints();
        match results.result.first().and_then(|r| r.expressions.first()).map(|e| &e.value) {
            None => Ok(None),
            Some(v) => serde_json::to_value(v).map(Some).map_err(|e| e.to_string()),
        }
    }
}

/// The started hundreds of `documents`, at least one: what the limits of an evaluation that
/// sees them all are multiplied by.
fn hundreds(documents: usize) -> u64 {
    documents.div_ceil(100).max(1) as u64
}

/// The indexes of the per-artifact packages that apply to a document of `kind`.
fn artifact_packages(packages: &[Package], kind: Kind) -> Vec<usize> {
    (0..packages.len()).filter(|&i| packages[i].role == Role::Artifact && packages[i].applies_to(kind)).collect()
}

/// The package that holds the generated group rules.
const GROUP_PACKAGE: &str = "govlint_internal.groups";

/// Adds one rule for each group of packages that a document of some kind is checked against
/// (with and without the user packages, which `--combine` takes out), and returns the rule of
/// each group. A document is then evaluated by the rule's path: no query text to parse or
/// analyse per document, which is most of an evaluation's cost with a small policy set.
/// Should the module not parse (a package name it cannot spell), every group is evaluated by a
/// query as before.
/// With `alone`, each per-artifact package is also a group of its own (for `--timings`).
fn group_rules(engine: &mut Engine, packages: &[Package], terms: &[String], alone: bool) -> BTreeMap<Vec<usize>, String> {
    let mut groups = BTreeMap::new();
    for p in (0..packages.len()).filter(|&p| alone && packages[p].role == Role::Artifact) {
        let name = format!("g{}", groups.len());
        groups.insert(vec![p], name);
    }
    for kind in Kind::ALL {
        let all = artifact_packages(packages, kind);
        let builtin: Vec<usize> = all.iter().copied().filter(|&i| packages[i].builtin).collect();
        for group in [all, builtin] {
            if !group.is_empty() && !groups.contains_key(&group) {
                let name = format!("g{}", groups.len());
                groups.insert(group, name);
            }
        }
    }
    if groups.is_empty() {
        return BTreeMap::new();
    }
    let mut module = format!("package {GROUP_PACKAGE}\n\nimport rego.v1\n");
    for (group, name) in &groups {
        let refs: Vec<&str> = group.iter().map(|&p| terms[p].as_str()).collect();
        module.push_str(&format!("\n{name} := [{}]\n", refs.join(", ")));
    }
    engine.set_rego_v0(false);
    if engine.add_policy("<govlint groups>".to_string(), module).is_err() {
        return BTreeMap::new();
    }
    groups.into_iter().map(|(g, name)| (g, format!("data.{GROUP_PACKAGE}.{name}"))).collect()
}

/// The term that evaluates each package's results: `data.<package>` for a package declared in
/// one module. For one declared in several (a conftest policy directory in `package main`),
/// an object of its result rules (`deny*`, `violation*`, `warn*`, `exception`), each read by its
/// own path: regorus 0.14, evaluating a package's whole document, marks the package evaluated
/// once its first module's rules are, and a later module's rules then read an import alias
/// (`import data.kubernetes`, then `kubernetes.is_service`) as an undefined rule of the
/// package: their results were lost. Read rule by rule, each module's imports apply.
fn package_terms(engine: &mut Engine, packages: &[Package]) -> Vec<String> {
    use regorus::unstable::{Expr, Rule, RuleHead};
    fn root(e: &Expr) -> Option<String> {
        match e {
            Expr::Var { span, .. } => Some(span.text().to_string()),
            Expr::RefDot { refr, .. } | Expr::RefBrack { refr, .. } => root(refr),
            _ => None,
        }
    }
    // Per package: how many modules declare it, and the names its rules are rooted at.
    let mut declared: BTreeMap<String, (usize, BTreeSet<String>)> = BTreeMap::new();
    for m in engine.get_modules() {
        let Ok(name) = regorus::utils::get_path_string(&m.package.refr, None) else { continue };
        let entry = declared.entry(name).or_default();
        entry.0 += 1;
        for r in &m.policy {
            let refr = match r.as_ref() {
                Rule::Spec { head: RuleHead::Compr { refr, .. } | RuleHead::Set { refr, .. }, .. } => refr,
                Rule::Default { refr, args, .. } if args.is_empty() => refr,
                _ => continue,
            };
            entry.1.extend(root(refr));
        }
    }
    packages
        .iter()
        .map(|p| match declared.get(&p.name) {
            Some((modules, rules)) if *modules > 1 => {
                let parts: Vec<String> = rules
                    .iter()
                    .filter(|r| rule_kind(r).is_some() || *r == "exception")
                    .map(|r| format!("{{\"{r}\": x | x := data.{}.{r}}}", p.name))
                    .collect();
                format!("object.union_n([{}])", parts.join(", "))
            }
            _ => format!("data.{}", p.name),
        })
        .collect()
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

/// Whether a rule name is a conftest result rule, and of which kind.
pub fn rule_kind(name: &str) -> Option<RuleKind> {
    let (kind, rest) = if let Some(r) = name.strip_prefix("deny") {
        (RuleKind::Deny, r)
    } else if let Some(r) = name.strip_prefix("violation") {
        (RuleKind::Violation, r)
    } else if let Some(r) = name.strip_prefix("warn") {
        (RuleKind::Warn, r)
    } else {
        return None;
    };
    (rest.is_empty() || rest.starts_with('_')).then_some(kind)
}

/// Failure or warning, or what a rule judged of a document (not a finding: see
/// [`crate::evidence`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum RuleKind {
    Deny,
    Violation,
    Warn,
    Judged(crate::evidence::Judgement),
}

/// Whether a package states its evidence: its modules declare one of the judging rules, or its
/// metadata lists `custom.evidence.fields`. A package that does not is taken to read whole
/// documents, so a document it finds nothing on counts as met (as conftest policies do).
pub fn states_evidence(p: &Package) -> bool {
    p.judges || p.evidence_fields().is_some()
}

/// The results of the repository rules, by package index: each package's findings, or the
/// error it failed with.
pub type RepositoryResults = Vec<(usize, Result<Vec<Finding>, String>)>;

/// One result of one rule.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    pub package: usize,
    pub rule: String,
    pub kind: RuleKind,
    pub value: Value,
    /// Excepted by an `exception` rule of the package (conftest semantics).
    pub excepted: bool,
}

fn findings(pkg: usize, value: &Value) -> Vec<Finding> {
    let Some(obj) = value.as_object() else { return Vec::new() };
    // conftest: `exception` yields rule names without their `deny_`/`violation_` prefix.
    let mut excepted: BTreeSet<String> = BTreeSet::new();
    if let Some(exc) = obj.get("exception") {
        collect_strings(exc, &mut excepted);
    }
    let mut out = Vec::new();
    for (name, v) in obj {
        if let Some(j) = crate::evidence::Judgement::of_rule(name) {
            judgements(pkg, name, j, v, &mut out);
            continue;
        }
        let Some(kind) = rule_kind(name) else { continue };
        let short = name
            .trim_start_matches("deny")
            .trim_start_matches("violation")
            .trim_start_matches("warn")
            .trim_start_matches('_')
            .to_string();
        let is_excepted = kind != RuleKind::Warn && excepted.contains(&short);
        let items: Vec<Value> = match v {
            Value::Array(items) => items.clone(),
            Value::Bool(true) => vec![Value::String(String::new())],
            Value::Bool(false) | Value::Null => Vec::new(),
            other => vec![other.clone()],
        };
        for item in items {
            out.push(Finding { package: pkg, rule: name.clone(), kind, value: item, excepted: is_excepted });
        }
    }
    out
}

/// The results of a judging rule (`evidence`, `not_applicable`, `no_subject`, `no_evidence`):
/// one for each item that names an artifact (`{file, index?, reason?}`, as a repository rule
/// gives them), and one for the rest of a true, non-empty value, whose value is the reason its
/// strings give (joined), or null. False, null and empty values say nothing.
fn judgements(pkg: usize, name: &str, j: crate::evidence::Judgement, v: &Value, out: &mut Vec<Finding>) {
    let push = |out: &mut Vec<Finding>, value: Value| out.push(Finding { package: pkg, rule: name.to_string(), kind: RuleKind::Judged(j), value, excepted: false });
    let reason_of = |item: &Value| -> Option<String> {
        match item {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Object(o) => o.get("reason").or_else(|| o.get("msg")).and_then(Value::as_str).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
            _ => None,
        }
    };
    let rest = |items: &[&Value]| -> Value {
        let reasons: Vec<String> = items.iter().filter_map(|i| reason_of(i)).collect::<BTreeSet<_>>().into_iter().collect();
        if reasons.is_empty() { Value::Null } else { Value::String(reasons.join("; ")) }
    };
    match v {
        Value::Array(items) => {
            let mut others = Vec::new();
            for item in items {
                if item.get("file").is_some_and(Value::is_string) {
                    push(out, item.clone());
                } else {
                    others.push(item);
                }
            }
            if !others.is_empty() {
                push(out, rest(&others));
            }
        }
        Value::Bool(false) | Value::Null => {}
        Value::String(s) if s.trim().is_empty() => {}
        Value::Object(o) if o.is_empty() => {}
        Value::Object(o) if o.get("file").is_some_and(Value::is_string) => push(out, v.clone()),
        other => push(out, rest(&[other])),
    }
}

/// What [`findings`] reads of a package's evaluated document: its result rules, its judging
/// rules and `exception`, in its order, as JSON; its other rules' values are left unconverted.
fn result_rules(package: &regorus::Value) -> Result<Value, serde_json::Error> {
    let Ok(object) = package.as_object() else { return serde_json::to_value(package) };
    let mut out = serde_json::Map::new();
    for (key, value) in object.iter() {
        if let regorus::Value::String(name) = key {
            if rule_kind(name).is_some() || crate::evidence::Judgement::of_rule(name).is_some() || name.as_ref() == "exception" {
                out.insert(name.to_string(), serde_json::to_value(value)?);
            }
        }
    }
    Ok(Value::Object(out))
}

fn collect_strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        _ => {}
    }
}

/// A parsed value as the engine holds it: what `regorus::Value::from` makes of it, without the
/// copy of the whole tree that conversion takes first.
pub fn to_engine(value: &Value) -> regorus::Value {
    use serde::Deserialize;
    regorus::Value::deserialize(value).unwrap_or(regorus::Value::Undefined)
}

/// The per-file context at `data.govlint.file`, made for the engine.
pub fn file_context(path: &str, kind: Kind, format: &str, index: usize, documents: usize, sections: &[Section]) -> regorus::Value {
    use regorus::Value as V;
    let object = |fields: Vec<(&str, V)>| V::from(fields.into_iter().map(|(k, v)| (V::from(k), v)).collect::<BTreeMap<V, V>>());
    let count = |n: usize| V::from(n as u64);
    let sections: Vec<V> = sections
        .iter()
        .map(|s| {
            object(vec![
                ("heading", V::from(s.heading.as_str())),
                ("level", count(s.level as usize)),
                ("line", count(s.line)),
                ("words", count(s.words)),
                ("text", V::from(s.text.as_str())),
            ])
        })
        .collect();
    object(vec![
        ("path", V::from(path)),
        ("kind", V::from(kind.as_str())),
        ("format", V::from(format)),
        ("document", count(index)),
        ("documents", count(documents)),
        ("sections", V::from(sections)),
    ])
}

/// A result's `path`: an array of keys and indices, or a JSON pointer.
pub fn result_pointer(v: &Value) -> Option<String> {
    match v.get("path")? {
        Value::String(s) if s.is_empty() || s.starts_with('/') => Some(s.clone()),
        Value::String(s) => Some(format!("/{}", escape_token(s))),
        Value::Array(items) => Some(
            items
                .iter()
                .map(|i| match i {
                    Value::String(s) => format!("/{}", escape_token(s)),
                    Value::Number(n) => format!("/{n}"),
                    other => format!("/{}", escape_token(&other.to_string())),
                })
                .collect(),
        ),
        _ => None,
    }
}

/// Turns a finding on a document into a located diagnostic.
pub fn to_diagnostic(set: &PolicySet, f: &Finding, source: &SourceFile, doc: Option<&Document>) -> Diagnostic {
    let p = &set.packages[f.package];
    let (message, severity_override, details) = match &f.value {
        Value::String(s) => (s.clone(), None, None),
        Value::Object(o) => (
            o.get("msg").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| f.value.to_string()),
            o.get("severity").and_then(Value::as_str).and_then(Severity::parse),
            o.get("details").cloned(),
        ),
        other => (other.to_string(), None, None),
    };
    let severity = severity_override.unwrap_or(match f.kind {
        RuleKind::Warn => Severity::Warning,
        _ => p.severity().unwrap_or(Severity::Error),
    });
    let pointer = result_pointer(&f.value);
    let line = f.value.get("line").and_then(Value::as_u64).map(|l| l as usize);
    let (span, label) = match (doc, &pointer, line) {
        (Some(doc), Some(ptr), _) => {
            let (span, exact) = crate::schema::label_span(source, doc, ptr);
            let label = if exact {
                "here".to_string()
            } else {
                let missing = ptr.rsplit('/').next().unwrap_or("").replace("~1", "/").replace("~0", "~");
                format!("`{missing}` is missing here")
            };
            (span, label)
        }
        (_, _, Some(line)) if line >= 1 && line <= source.line_count() => (source.line_span(line), "here".to_string()),
        (Some(doc), _, _) => (Span::empty(doc.span.start), "in this document".to_string()),
        (None, _, _) => (Span::empty(0), "in this file".to_string()),
    };
    let mut d = Diagnostic::at(source, span, p.rule_id(), severity, message).with_label(label);
    if let Some(ptr) = pointer {
        d = d.with_pointer(ptr);
    }
    d.help = p.remediation.clone();
    d.frameworks = Arc::clone(&p.clauses);
    d.details = details.map(Box::new);
    d
}

/// Longest policy error message kept, in characters.
const MAX_ERROR_CHARS: usize = 1000;

/// A diagnostic for a package that failed on a document.
pub fn error_diagnostic(set: &PolicySet, pkg: usize, err: &str, source: &SourceFile, at: usize) -> Diagnostic {
    let p = &set.packages[pkg];
    // regorus quotes whole values in its errors; a hostile document can make that megabytes.
    let err = match err.char_indices().nth(MAX_ERROR_CHARS) {
        Some((cut, _)) => format!("{}… ({} more bytes)", &err[..cut], err.len() - cut),
        None => err.to_string(),
    };
    let help = if err.contains("time limit") {
        format!("the policy is in {}; a policy that needs longer can be given it with `limits.policy_timeout_ms` in govlint.yaml", p.file)
    } else if let Some(h) = opa_compat::runtime_hint(&err) {
        format!("the policy is in {}; {h}", p.file)
    } else {
        format!("the policy is in {}", p.file)
    };
    Diagnostic::at(source, Span::empty(at), codes::POLICY_ERROR, Severity::Error, format!("policy {} failed: {err}", p.name))
        .with_label("while checking this document")
        .with_help(help)
}

#[cfg(test)]
mod tests {
    use super::*;

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
