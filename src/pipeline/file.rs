//! The per-file stage: read, parse, classify, validate and evaluate one file.

use std::path::{Path, PathBuf};


use crate::artifact::{Artifact, ArtifactDoc, Facts, Released};
use crate::messages::Msg;
use crate::classify::{self, Class, Format, Kind};
use crate::config::Config;
use crate::diagnostic::{self, codes, Diagnostic, Severity};
use crate::discover::{self, Candidate, Skipped};
use crate::error::ToolError;
use crate::parse::{self, ParsedFile};
use crate::source::SourceFile;
use crate::timings::{self, Stage};
use crate::{cache, evidence, policy, schema, waivers};

use super::repository::*;

/// What `govlint init` sees in a tree: the artifacts `check` would read under `config` (same
/// discovery, parsing and classification), each handed to `each` in discovery order, and the
/// files it would skip, sorted by path.
pub fn survey(paths: &[PathBuf], config: &Config, mut each: impl FnMut(Artifact)) -> Result<(Vec<Skipped>, Vec<String>), ToolError> {
    let found = discover::discover(paths, config)?;
    let notes = found.notes;
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
    Ok((skipped, notes))
}

/// Stack of each worker thread.
pub(crate) const WORKER_STACK: usize = 256 << 20;

/// Shared, read-only state of the per-file stage.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) config: &'a Config,
    pub(crate) schemas: &'a schema::Schemas,
    pub(crate) policies: &'a policy::PolicySet,
    pub(crate) combine: bool,
    pub(crate) parse_only: bool,
    /// Whether the documents are needed after their own evaluation (repository rules,
    /// `--combine`); otherwise they are dropped as soon as a file is done.
    pub(crate) keep_documents: bool,
    /// Findings of earlier runs, by file and content.
    pub(crate) cache: Option<&'a cache::Cache>,
    /// Whether the text of a file with findings is kept for the renderers.
    pub(crate) keep_sources: bool,
    /// Whether a checked file's documents become the engine's values here (see [`checked`]);
    /// not when the repository rules already have them from a read of their own.
    pub(crate) values: bool,
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
pub(crate) type Volatile = Option<Box<(Vec<Diagnostic>, Vec<Diagnostic>)>>;

/// The findings of one file, as [`checked`] takes them: those that count, those excepted (by a
/// policy's `exception` rules or an inline ignore), and the volatile packages' apart.
#[derive(Default)]
pub(crate) struct FileFindings {
    pub(crate) diags: Vec<Diagnostic>,
    pub(crate) excepted: Vec<Diagnostic>,
    pub(crate) volatile: Volatile,
}

pub(crate) enum FileResult {
    /// An artifact, its findings, its findings excepted by policy `exception` rules, and (with
    /// a cache) the findings of volatile packages, apart.
    Artifact(Box<Artifact>, Vec<Diagnostic>, Vec<Diagnostic>, Volatile),
    /// A file that is an artifact by name or config but could not be read.
    Problem(Box<Diagnostic>),
    Skipped(Skipped),
}

/// Why a file could not be read as text.
pub(crate) enum Unread {
    /// Larger than `limits.max_file_size`: refused by its length, never read whole.
    TooLarge,
    /// Unreadable, binary or not UTF-8: the finding's message ("the file …").
    Other(String),
}

/// Reads a file, bounded by the configured size.
pub(crate) fn read(c: &Candidate, config: &Config) -> Result<String, Unread> {
    use std::io::Read;
    if let Some(bytes) = &c.contents {
        return check_text(bytes.clone(), config);
    }
    let file = std::fs::File::open(&c.path).map_err(|e| Unread::Other(Msg::FileUnreadable.text(&[&crate::fileio::io_reason(&e)])))?;
    // Refuse an oversized file by its length, without reading it; `take` below still bounds a
    // file that grows while it is read.
    if file.metadata().is_ok_and(|m| m.is_file() && m.len() > config.max_file_size) {
        return Err(Unread::TooLarge);
    }
    let mut bytes = Vec::new();
    file.take(config.max_file_size + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Unread::Other(Msg::FileUnreadable.text(&[&crate::fileio::io_reason(&e)])))?;
    check_text(bytes, config)
}

/// Accepts file bytes as text: within the size limit, no NUL byte, valid UTF-8.
pub(crate) fn check_text(bytes: Vec<u8>, config: &Config) -> Result<String, Unread> {
    if bytes.len() as u64 > config.max_file_size {
        return Err(Unread::TooLarge);
    }
    if let Some(i) = memchr::memchr(0, &bytes) {
        return Err(Unread::Other(Msg::FileBinary.text(&[&i])));
    }
    String::from_utf8(bytes).map_err(|e| Unread::Other(Msg::FileNotUtf8.text(&[&e.utf8_error().valid_up_to()])))
}

/// The first [`classify::sniff::PREFIX`] bytes of a file, as text (what is not UTF-8 replaced).
pub(crate) fn prefix(c: &Candidate) -> String {
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
pub(crate) fn unreadable(c: &Candidate, config: &Config, name: String, glob: Option<classify::GlobHint>, unread: Unread) -> FileResult {
    let placed = c.explicit || classify::sniff::by_place(&c.path, &config.relative(&c.path), c.syntax, glob).is_some();
    let problem = |rule: &str, severity: Severity, message: String| FileResult::Problem(Box::new(Diagnostic::whole_file(name.clone(), rule, severity, message)));
    match unread {
        Unread::TooLarge => {
            let message = Msg::FileTooLarge.text(&[&config.max_file_size]);
            if placed || c.syntax != parse::Syntax::Json || classify::sniff::by_text(c.syntax, &prefix(c)).is_some() {
                problem(codes::LIMIT_EXCEEDED, Severity::Error, message)
            } else {
                problem(codes::LIMIT_EXCEEDED, Severity::Note, format!("{message}; its first bytes show no artifact, so it was not checked"))
            }
        }
        Unread::Other(message) if placed => problem(codes::READ_ERROR, Severity::Error, message),
        // A file skipped is listed with why: the message without its subject.
        Unread::Other(message) => FileResult::Skipped(Skipped { path: name, reason: message.strip_prefix("the file ").unwrap_or(&message).to_string() }),
    }
}

/// Reads, parses and classifies one candidate: the artifact and its documents, or why it is
/// skipped, or the read error of a file that is an artifact by name. A file that does not
/// parse is an artifact when the sniff says so ([`classify::sniff`]). Shared by `check` and
/// [`survey`], so that `govlint init` finds exactly what `govlint check` would.
pub(crate) fn read_and_classify(c: &Candidate, config: &Config) -> Result<Artifact, Box<FileResult>> {
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
    // Kubernetes objects and Helm values as kubectl and Helm read them (YAML 1.1 booleans),
    // compose files as docker compose does (variables interpolated, booleans cast from text).
    let mut resolved = None;
    for d in docs.iter().filter(|d| matches!(d.format, Format::Kubernetes | Format::HelmValues | Format::Compose)) {
        if resolved.replace(d.index) != Some(d.index) {
            if let Some(doc) = parsed.documents.get_mut(d.index) {
                match d.format {
                    Format::Compose => parse::compose::resolve(doc),
                    _ => parse::kubernetes::resolve_booleans(doc),
                }
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
    Ok(Artifact::new(name, parsed, docs))
}

/// What the files around a document that carries no signature of its own say it is: a
/// chart's values file ([`classify::helm`]), or the `README.md` of a model repository
/// ([`classify::model_repository`]). Not for a file a `kinds:` glob names (the glob decides).
pub(crate) fn by_neighbours(c: &Candidate, config: &Config, parsed: &parse::ParsedFile, value: &serde_json::Value, glob: Option<classify::GlobHint>) -> Option<Class> {
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
pub(crate) fn modelscope_body(parsed: &parse::ParsedFile) -> bool {
    parsed.syntax == parse::Syntax::Markdown && parsed.source.text.contains("modelscope.cn/") && !parsed.source.text.contains("huggingface.co/")
}

pub(crate) fn process(c: &Candidate, ctx: &Context<'_>, engine: &mut policy::Worker) -> FileResult {
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
        let findings = FileFindings { diags: hit.diagnostics, excepted: hit.excepted, volatile };
        let mut a = checked(ctx, engine, Artifact { facts: known, ..Artifact::new(name, parsed, docs) }, ctx.keep_documents, findings);
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
        // Built only if a package evaluated can read it (a small user policy often does not).
        let file_ctx = if pkgs.iter().any(|&p| set.packages[p].reads_data) {
            policy::file_context(&name, a.kind, a.format.as_str(), a.index, parsed.documents.len(), &parsed.sections, &value)
        } else {
            regorus::Value::Undefined
        };
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
    judged.shrink_to_fit();
    if summarize {
        values = vec![file_summary(set, engine, &name, &docs, values, &parsed, &mut diags)];
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
    let mut a = checked(ctx, engine, Artifact { values, ..Artifact::new(name, parsed, docs) }, ctx.keep_documents, FileFindings { diags, excepted, volatile });
    if let FileResult::Artifact(a, ..) = &mut a {
        a.judged = judged;
        a.links = Some(Box::new(links)).filter(|l| !l.is_empty());
        a.reported = true;
    }
    a
}

/// What a judging rule's result says of the document or artifact it is about.
pub(crate) fn judged_of(pkg: usize, judgement: evidence::Judgement, value: &serde_json::Value) -> evidence::Judged {
    let reason = match value {
        serde_json::Value::String(s) => Some(s.as_str()),
        v => v.get("reason").or_else(|| v.get("msg")).and_then(serde_json::Value::as_str),
    };
    let reason = reason.map(str::trim).filter(|r| !r.is_empty() && judgement != evidence::Judgement::Evidence);
    evidence::Judged::new(pkg as u32, judgement, reason.map(evidence::intern))
}

/// What an `exempt` result (`{framework, reason}`) says of the document: the rule's
/// requirement under that framework does not apply to it.
fn exemption_of(pkg: usize, value: &serde_json::Value) -> evidence::Judged {
    let text = |k: &str| value.get(k).and_then(serde_json::Value::as_str).map(str::trim).filter(|s| !s.is_empty()).map(evidence::intern);
    evidence::Judged { framework: text("framework"), ..evidence::Judged::new(pkg as u32, evidence::Judgement::NotApplicable, text("reason")) }
}

/// Takes the frameworks `exempt` names out of the clauses a finding cites; whether it still
/// cites a framework of the run (one of `chosen`, or any when none were chosen, or when it
/// cited none to begin with).
fn cites_after(d: &mut Diagnostic, exempt: &[evidence::Judged], chosen: Option<&std::collections::BTreeSet<String>>) -> bool {
    let out = |fw: &str| exempt.iter().any(|e| e.framework.as_deref() == Some(fw));
    if d.frameworks.is_empty() || !d.frameworks.keys().any(|fw| out(fw)) {
        return true;
    }
    let kept: std::collections::BTreeMap<String, String> = d.frameworks.iter().filter(|(fw, _)| !out(fw)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let cited = match chosen {
        Some(chosen) => kept.keys().any(|fw| chosen.contains(fw)),
        None => !kept.is_empty(),
    };
    d.frameworks = std::sync::Arc::new(kept);
    cited
}

/// Adds one package's findings on the document `doc` of `a` (in `source`), or its failure, to
/// `diags`, and those its `exception` rules except to `excepted`; what it judged of the
/// document to `judged` (see [`evidence`]).
pub(crate) fn gather(
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
            // The frameworks whose requirement the rule does not carry on this document.
            let exempt: Vec<evidence::Judged> = findings.iter().filter(|f| f.kind == policy::RuleKind::Exempt).map(|f| exemption_of(pkg, &f.value)).collect();
            for f in findings {
                match f.kind {
                    policy::RuleKind::Judged(j) => {
                        said = true;
                        evidence::record(judged, judged_of(pkg, j, &f.value));
                        continue;
                    }
                    policy::RuleKind::Exempt => continue,
                    _ => {}
                }
                let mut d = a.place(policy::to_diagnostic(set, &f, source, Some(doc)));
                if !exempt.is_empty() && !cites_after(&mut d, &exempt, set.frameworks.as_ref()) {
                    continue;
                }
                if f.excepted { excepted.push(excepted_by_policy(d)) } else { diags.push(d) }
            }
            for e in exempt {
                evidence::record(judged, e);
            }
        }
        Err(e) => diags.push(a.place(policy::error_diagnostic(set, pkg, &e, source, doc.span.start))),
    }
    // A rule that lists its evidence fields and says nothing itself: the fields decide.
    // Otherwise a document a judging rule said nothing of lacks evidence.
    let p = &set.packages[pkg];
    if !said && policy::states_evidence(p) {
        let j = match p.evidence_fields() {
            Some(fields) if !p.judges && evidence::has_field(&doc.value, fields) => evidence::Judgement::Evidence,
            _ => evidence::Judgement::NoEvidence,
        };
        evidence::record(judged, evidence::Judged::new(pkg as u32, j, None));
    }
}

/// The documents of a file's [`ArtifactDoc`]s: a parsed document, or an item of a list, the
/// items of the list last met made once for all of them.
pub(crate) struct Views<'p> {
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
pub(crate) fn volatile_findings(ctx: &Context<'_>, engine: &mut policy::Worker, name: &str, parsed: &ParsedFile, docs: &[ArtifactDoc]) -> (Volatile, Vec<evidence::Judged>) {
    let set = ctx.policies;
    if !set.has_volatile() || ctx.parse_only {
        return (None, Vec::new());
    }
    timings::time(set.timings(), Stage::Policies, || volatile_evaluated(ctx, engine, name, parsed, docs))
}

pub(crate) fn volatile_evaluated(ctx: &Context<'_>, engine: &mut policy::Worker, name: &str, parsed: &ParsedFile, docs: &[ArtifactDoc]) -> (Volatile, Vec<evidence::Judged>) {
    let set = ctx.policies;
    let (mut diags, mut excepted, mut judged) = (Vec::new(), Vec::new(), Vec::new());
    let mut views = Views { parsed, list: None };
    for a in docs {
        let pkgs: Vec<usize> = set.for_kind(a.kind).into_iter().filter(|&p| set.is_volatile(p) && (!ctx.combine || set.packages[p].builtin)).collect();
        if pkgs.is_empty() {
            continue;
        }
        let doc = views.of(a);
        let value = policy::to_engine(&doc.value);
        let file_ctx = policy::file_context(name, a.kind, a.format.as_str(), a.index, parsed.documents.len(), &parsed.sections, &value);
        let input = policy::PolicySet::input(value, file_ctx);
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
pub(crate) fn identify<'d>(parsed: &ParsedFile, diags: impl Iterator<Item = &'d mut Diagnostic>) {
    for d in diags {
        if let Some(doc) = d.document.and_then(|i| parsed.documents.get(i)) {
            d.identify(&doc.value);
        }
    }
}

/// A file read for the repository rules only: its documents as they read them, and no findings
/// of its own (one that cannot be read or parsed is no artifact for them).
pub(crate) fn for_repository(c: &Candidate, ctx: &Context<'_>, engine: &mut policy::Worker) -> FileResult {
    match timings::time(ctx.policies.timings(), Stage::Parse, || read_and_classify(c, ctx.config)) {
        Ok(a) => checked(ctx, engine, a, true, FileFindings::default()),
        Err(r) => *r,
    }
}

/// The artifacts among `results`, by file name, and their findings.
pub(crate) fn artifacts_and_findings(results: Vec<FileResult>) -> (Vec<Artifact>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let mut artifacts: Vec<Artifact> = results
        .into_iter()
        .filter_map(|r| match r {
            FileResult::Artifact(a, mut d, ..) => {
                found.append(&mut d);
                Some(*a)
            }
            _ => None,
        })
        .collect();
    artifacts.sort_by(|a, b| a.file.cmp(&b.file));
    (artifacts, found)
}

/// A checked file, with what it no longer needs dropped so that memory follows the files in
/// flight, not the repository: the parsed documents, their source maps and the sections (the
/// rules that see every artifact read [`Artifact::values`]; a later finding re-parses its file),
/// and the text of a file with no finding when nothing later can report on it. The artifact's
/// `values` are the documents as evaluated, converted here when the file was not evaluated (a
/// cache hit, a file read only for the repository rules, `--parse-only`) and the documents are
/// to be kept. For the bundled repository rules the kept values are the documents' summaries,
/// evaluated here when not given, and with a cache on they are its [`Facts`] instead: the
/// artifact's `facts` are those the cache holds for the same text, when it has them.
pub(crate) fn checked(ctx: &Context<'_>, engine: &mut policy::Worker, a: Artifact, keep_documents: bool, findings: FileFindings) -> FileResult {
    let Artifact { file, mut parsed, docs, values, facts: known, .. } = a;
    let FileFindings { mut diags, mut excepted, volatile } = findings;
    // Held to the end of the run, with every other file's: at their size, not their growth's.
    diags.shrink_to_fit();
    excepted.shrink_to_fit();
    let mut facts = None;
    let values = match (keep_documents, ctx.summarizes()) {
        _ if !ctx.values => Vec::new(),
        (false, _) => Vec::new(),
        (true, true) if known.is_some() => {
            facts = known;
            Vec::new()
        }
        (true, true) => {
            let summaries = if values.is_empty() { summaries(ctx.policies, engine, &file, &docs, &parsed, &mut diags) } else { values };
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
    FileResult::Artifact(Box::new(Artifact { values, facts, released, ..Artifact::new(file, parsed, docs) }), diags, excepted, volatile)
}

pub(crate) fn excepted_by_policy(mut d: Diagnostic) -> Diagnostic {
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
pub(crate) fn summaries(set: &policy::PolicySet, engine: &mut regorus::Engine, file: &str, docs: &[ArtifactDoc], parsed: &ParsedFile, diags: &mut Vec<Diagnostic>) -> Vec<regorus::Value> {
    let values = docs
        .iter()
        .map(|d| d.value(parsed))
        .collect();
    vec![file_summary(set, engine, file, docs, values, parsed, diags)]
}

/// The summaries of one file's documents (`values`, in the order of `docs`) that the bundled
/// repository rules read: one evaluation over the file, which resolves what its documents
/// share (the ConfigMaps of a workload's environment). Where the helpers fail on the file, it
/// has none, and a `policy-error` on it in `diags` says so.
pub(crate) fn file_summary(set: &policy::PolicySet, engine: &mut regorus::Engine, file: &str, docs: &[ArtifactDoc], values: Vec<regorus::Value>, parsed: &ParsedFile, diags: &mut Vec<Diagnostic>) -> regorus::Value {
    let (summary, failed) = timings::time(set.timings(), Stage::Repository, || file_summary_untimed(set, engine, file, docs, values, &parsed.sections));
    if let Some(err) = failed {
        diags.push(policy::summary_error_diagnostic(set, &err, &parsed.source));
    }
    summary
}

pub(crate) fn file_summary_untimed(set: &policy::PolicySet, engine: &mut regorus::Engine, file: &str, docs: &[ArtifactDoc], values: Vec<regorus::Value>, sections: &[parse::Section]) -> (regorus::Value, Option<String>) {
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


/// What the per-file stage does with one classified document.
pub(crate) trait DocumentExt {
    fn value(&self, parsed: &ParsedFile) -> regorus::Value;
    fn place(&self, d: Diagnostic) -> Diagnostic;
}

impl DocumentExt for ArtifactDoc {
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
