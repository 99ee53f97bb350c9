//! Engines that hold only what one group of packages needs.
//!
//! regorus looks a path of `data` up, the first time an evaluation reads it, by going through
//! every module compiled (`ensure_module_evaluated`), and a group of packages reads each of its
//! packages and each helper rule that way: with every bundled rule in one engine, a deployment
//! config was checked against an engine of 81 modules when the 23 rules of its kind and the
//! helpers are 31. A group of bundled packages (the rules of one kind) is therefore evaluated,
//! once enough documents of it have been seen, on an engine compiled with that group's packages
//! and the helper packages they read (see [`helpers_read`]) alone: the same modules for the rules
//! that run, so the same findings, for about 14 % fewer instructions on a deployment config (and
//! 14 % off the bundled run on the benchmark's 10,000 artifacts). Compiling one costs a few
//! hundredths of a second of CPU, which a run of a few files would not earn back: until
//! [`AFTER`] documents of a group have been evaluated, and for anything else (user policies,
//! `--timings`, the repository rules), the full engine serves. Each worker thread holds a clone
//! of each group's engine it used (the 10,000-artifact run peaked at 207 MiB instead of 180;
//! 196 MiB since the engines hold only the helpers their rules read).

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;

use super::recursion::blank_comments_and_strings;
use super::volatile::{data_refs, related};
use super::*;

/// How many documents of a group are evaluated on the full engine before one is compiled for it.
pub const AFTER: usize = 100;

/// One group of bundled packages and, once compiled, its own engine.
pub(super) struct Slot {
    /// The group (indexes in [`PolicySet::packages`]), as [`PolicySet::groups`] keys it.
    pkgs: Vec<usize>,
    /// Documents of the group evaluated so far.
    seen: AtomicUsize,
    /// Whether a thread has taken on compiling the engine.
    claimed: AtomicBool,
    /// The engine, once compiled; `None` when it could not be (the full engine then serves).
    engine: OnceLock<Option<Engine>>,
}

/// What the slots' engines are compiled from.
pub(super) struct Slots {
    slots: Vec<Slot>,
    /// `data`, as the full engine has it.
    data: regorus::Value,
    /// Documents of a group evaluated on the full engine before its own is compiled.
    after: usize,
}

impl Slots {
    /// One slot per group of `groups` made of bundled rules only, when every module is bundled
    /// (a user module may read any package, so then every evaluation sees them all).
    pub(super) fn new(files: &[RegoFile], packages: &[Package], groups: &BTreeMap<Vec<usize>, String>, data: regorus::Value) -> Option<Slots> {
        if !files.iter().all(|f| f.builtin) {
            return None;
        }
        let slots: Vec<Slot> = groups
            .keys()
            .filter(|g| g.iter().all(|&p| packages[p].builtin && packages[p].role == Role::Artifact))
            .map(|g| Slot { pkgs: g.clone(), seen: AtomicUsize::new(0), claimed: AtomicBool::new(false), engine: OnceLock::new() })
            .collect();
        (!slots.is_empty()).then(|| Slots { slots, data, after: AFTER })
    }

    /// Compiles each group's engine after `after` of its documents (0: at its first).
    pub(super) fn set_after(&mut self, after: usize) {
        self.after = after;
    }

    /// The slot of group `pkgs`, and its engine when it is to be used now: compiled by the
    /// thread that sees the group's [`Slots::after`]-th document; until it is ready, `None`
    /// (the full engine serves, as it does for the documents before).
    fn ready(&self, set: &PolicySet, pkgs: &[usize]) -> Option<(usize, &Engine)> {
        let i = self.slots.iter().position(|s| s.pkgs == pkgs)?;
        let slot = &self.slots[i];
        if let Some(engine) = slot.engine.get() {
            return engine.as_ref().map(|e| (i, e));
        }
        if slot.seen.fetch_add(1, Ordering::Relaxed) < self.after || slot.claimed.swap(true, Ordering::AcqRel) {
            return None;
        }
        let engine = slot.engine.get_or_init(|| self.compile(set, &slot.pkgs).ok());
        engine.as_ref().map(|e| (i, e))
    }

    /// An engine of the packages `pkgs` and the helpers they read (from the set's modules, all
    /// bundled), set up as the full one is, with the group's rule under the name the full engine
    /// gives it.
    fn compile(&self, set: &PolicySet, pkgs: &[usize]) -> Result<Engine, ToolError> {
        let names: BTreeSet<&str> = pkgs.iter().map(|&p| set.packages[p].name.as_str()).collect();
        let libs = helpers_read(&set.files, &names);
        let mut engine = base_engine(true)?;
        for f in set.files.iter().filter(|f| libs.contains(f.package.as_str()) || names.contains(f.package.as_str())) {
            engine.add_policy(f.path.clone(), f.source.text.clone()).map_err(|e| ToolError::msg(e.to_string()))?;
        }
        let rule = set.groups.get(pkgs).and_then(|r| r.rsplit('.').next()).ok_or_else(|| ToolError::msg("no group rule"))?;
        let module = group_module([(rule, pkgs)], &set.terms);
        engine.add_policy("<govlint groups>".to_string(), module).map_err(|e| ToolError::msg(e.to_string()))?;
        engine.add_data(self.data.clone()).map_err(|e| ToolError::msg(e.to_string()))?;
        engine.eval_query("true".to_string(), false).map_err(|e| ToolError::msg(e.to_string()))?;
        engine.set_execution_timer_config(time_limit(set.timeout));
        Ok(engine)
    }
}

/// The helper packages (`govlint.lib.*`) that the modules of packages `names` read, and those
/// they read in turn: each reference under `data` in their text (comments and strings aside, as
/// [`super::volatile`] reads them) takes the helper packages it reaches, so a reference through
/// a computed key or to a namespace above the helpers (`data.govlint.lib[k]`, `data`) takes them
/// all. Fewer modules make regorus's lookups shorter: each first read of a path of `data`, and
/// each switch of module, goes through the list of modules.
fn helpers_read<'a>(files: &'a [RegoFile], names: &BTreeSet<&str>) -> BTreeSet<&'a str> {
    let helpers: Vec<&RegoFile> = files.iter().filter(|f| f.package.starts_with(LIB_PREFIX)).collect();
    let mut read: BTreeSet<&str> = BTreeSet::new();
    let mut todo: Vec<&RegoFile> = files.iter().filter(|f| names.contains(f.package.as_str())).collect();
    while let Some(f) = todo.pop() {
        for path in data_refs(&blank_comments_and_strings(&f.source.text)) {
            for h in helpers.iter().filter(|h| related(&path, &h.package)) {
                if read.insert(h.package.as_str()) {
                    todo.extend(helpers.iter().filter(|g| g.package == h.package));
                }
            }
        }
    }
    read
}

/// A worker thread's engines: a clone of the full engine, and of each group's own once it is
/// in use. Derefs to the full engine, which serves everything but [`PolicySet::eval_all`].
pub struct Worker {
    engine: Engine,
    slots: Vec<Option<Engine>>,
}

impl Worker {
    pub(super) fn new(engine: Engine) -> Worker {
        Worker { engine, slots: Vec::new() }
    }

    /// The engine that evaluates group `pkgs` of `set`.
    pub(super) fn for_group(&mut self, set: &PolicySet, pkgs: &[usize]) -> &mut Engine {
        let Some((i, proto)) = set.slots.as_deref().and_then(|s| s.ready(set, pkgs)) else { return &mut self.engine };
        if self.slots.len() <= i {
            self.slots.resize_with(i + 1, || None);
        }
        self.slots[i].get_or_insert_with(|| proto.clone())
    }
}

impl Deref for Worker {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        &self.engine
    }
}

impl DerefMut for Worker {
    fn deref_mut(&mut self) -> &mut Engine {
        &mut self.engine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_engine_finds_what_the_full_engine_finds() {
        let mut set = PolicySet::load(&LoadOptions::default()).expect("the bundled policies compile");
        set.set_group_engines_after(0);
        let cases = [
            ("fixtures/example-repo/deploy/k8s/stack.yaml", Syntax::Yaml, Kind::DeploymentConfig, "kubernetes"),
            ("fixtures/example-repo/deploy/compose/docker-compose.yaml", Syntax::Yaml, Kind::DeploymentConfig, "compose"),
            ("fixtures/example-repo/deploy/helm/values.yaml", Syntax::Yaml, Kind::DeploymentConfig, "helm-values"),
            ("fixtures/example-repo/models/legacy-summarizer/README.md", Syntax::Markdown, Kind::ModelCard, "huggingface"),
            ("fixtures/example-repo/models/acme-chat-7b/model-card.yaml", Syntax::Yaml, Kind::ModelCard, "native"),
            ("fixtures/example-repo/datasets/web-crawl/dataset-manifest.yaml", Syntax::Yaml, Kind::DatasetManifest, "native"),
        ];
        let mut worker = set.worker();
        let mut found = 0;
        for (path, syntax, kind, format) in cases {
            let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).expect("the fixture is there");
            let parsed = parse::parse(SourceFile::new(path, text), syntax, &Limits::default());
            let pkgs = set.for_kind(kind);
            for doc in &parsed.documents {
                let value = to_engine(&doc.value);
                let context = file_context(path, kind, format, doc.index, parsed.documents.len(), &parsed.sections, &value);
                let input = PolicySet::input(value, context);
                let full = set.eval_all_scaled(&mut set.engine.clone(), &pkgs, &input, 1);
                let grouped = set.eval_all(&mut worker, &pkgs, &input);
                assert_eq!(format!("{grouped:?}"), format!("{full:?}"), "{path}, document {}", doc.index);
                found += full.iter().map(|(_, r)| r.as_ref().map_or(0, Vec::len)).sum::<usize>();
            }
        }
        // Each kind's rules ran on an engine of their own, and found something to compare.
        assert_eq!(worker.slots.iter().filter(|s| s.is_some()).count(), Kind::ALL.len());
        assert!(found > 10, "{found} findings");
    }

    #[test]
    fn a_group_engine_holds_the_helpers_its_rules_read() {
        let files: Vec<RegoFile> = bundled_files().into_iter().filter(|f| !f.is_test()).collect();
        let group = |kind: &str| -> BTreeSet<&str> { files.iter().filter(|f| f.path.starts_with(&format!("policies/{kind}/"))).map(|f| f.package.as_str()).collect() };
        for (kind, helpers) in [
            ("deployment-config", ["govlint.lib.core", "govlint.lib.deploy"]),
            ("model-card", ["govlint.lib.core", "govlint.lib.model"]),
            ("dataset-manifest", ["govlint.lib.core", "govlint.lib.dataset"]),
        ] {
            let names = group(kind);
            assert!(names.len() > 10, "{kind}: {names:?}");
            assert_eq!(helpers_read(&files, &names), BTreeSet::from(helpers), "{kind}");
        }
        // A helper read through a computed key, or a namespace above the helpers, takes them all.
        let all: BTreeSet<&str> = files.iter().map(|f| f.package.as_str()).filter(|p| p.starts_with(LIB_PREFIX)).collect();
        for text in ["x := data.govlint.lib[k].f if some k in {\"core\"}\n", "x := data.govlint.lib\n", "x := data.govlint[\"lib\"].core.f\n"] {
            let mut with_user = files.clone();
            with_user.push(RegoFile { path: "p.rego".to_string(), source: SourceFile::new("p.rego", format!("package p\n\n{text}")), builtin: true, package: "p".to_string() });
            assert_eq!(helpers_read(&with_user, &BTreeSet::from(["p"])), all, "{text}");
        }
    }

    #[test]
    fn user_modules_keep_every_evaluation_on_the_full_engine() {
        let user = RegoFile {
            path: "policy/main.rego".to_string(),
            source: SourceFile::new("policy/main.rego", "package main\n\ndeny contains \"x\" if input.x\n".to_string()),
            builtin: false,
            package: "main".to_string(),
        };
        let mut files: Vec<RegoFile> = bundled_files().into_iter().filter(|f| !f.is_test()).collect();
        files.push(user);
        let set = PolicySet::compile(files, &LoadOptions::default()).expect("compiles");
        assert!(set.slots.is_none());
    }
}
