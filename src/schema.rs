//! The bundled JSON Schemas and validation against them.
//!
//! One schema per artifact kind and format, embedded in the binary and compiled on first use
//! (a pre-commit run over one model card compiles one schema). Each validation error becomes a
//! diagnostic at the offending value, found through the document's source map; a missing
//! required property points at the object that lacks it.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use jsonschema::{Draft, Registry, Resource, ValidationError, Validator};
use serde_json::Value;

use crate::classify::{Format, Kind};
use crate::messages::Msg;
use crate::diagnostic::{codes, Diagnostic, Severity};
use crate::parse::Document;
use crate::source::{member_pointer, SourceFile, Span};

/// Where the bundled schemas say they live (`$id` prefix); nothing is fetched from there.
pub const ID_BASE: &str = "https://govlint.dev/schemas/";

/// Every bundled schema: file name and text.
pub const BUNDLED: &[(&str, &str)] = &[
    ("governance.schema.json", include_str!("../schemas/governance.schema.json")),
    ("model-card.native.schema.json", include_str!("../schemas/model-card.native.schema.json")),
    ("model-card.huggingface.schema.json", include_str!("../schemas/model-card.huggingface.schema.json")),
    ("model-card.cyclonedx.schema.json", include_str!("../schemas/model-card.cyclonedx.schema.json")),
    ("model-card.modelscope.schema.json", include_str!("../schemas/model-card.modelscope.schema.json")),
    ("dataset-manifest.native.schema.json", include_str!("../schemas/dataset-manifest.native.schema.json")),
    ("dataset-manifest.huggingface.schema.json", include_str!("../schemas/dataset-manifest.huggingface.schema.json")),
    ("dataset-manifest.croissant.schema.json", include_str!("../schemas/dataset-manifest.croissant.schema.json")),
    ("deployment-config.native.schema.json", include_str!("../schemas/deployment-config.native.schema.json")),
    ("deployment-config.kubernetes.schema.json", include_str!("../schemas/deployment-config.kubernetes.schema.json")),
    ("deployment-config.compose.schema.json", include_str!("../schemas/deployment-config.compose.schema.json")),
    ("deployment-config.helm-values.schema.json", include_str!("../schemas/deployment-config.helm-values.schema.json")),
    ("govlint-config.schema.json", include_str!("../schemas/govlint-config.schema.json")),
];

/// The schema file for a kind and format, if govlint has one.
pub fn file_for(kind: Kind, format: Format) -> Option<&'static str> {
    let name = format!("{}.{}.schema.json", kind.as_str(), format.as_str());
    BUNDLED.iter().map(|(n, _)| *n).find(|n| *n == name)
}

/// The text of a bundled schema by file name.
pub fn text(name: &str) -> Option<&'static str> {
    BUNDLED.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

fn parsed(name: &str) -> Value {
    // The bundled schemas are checked by the test suite; a broken one is a build defect.
    serde_json::from_str(text(name).unwrap_or("{}")).unwrap_or_else(|e| panic!("bundled schema {name} is not JSON: {e}"))
}

/// Every bundled schema, by its `$id`, for `$ref`: parsed and indexed once per process (it was
/// once per schema compiled, which was most of the cost of compiling one).
fn registry() -> Result<&'static Registry<'static>, String> {
    static REGISTRY: OnceLock<Result<Registry<'static>, String>> = OnceLock::new();
    REGISTRY
        .get_or_init(|| {
            let resources: Vec<(String, Resource)> = BUNDLED
                .iter()
                .map(|(n, _)| (format!("{ID_BASE}{n}"), Resource::from_contents(parsed(n))))
                .collect();
            Registry::new().draft(Draft::Draft202012).extend(resources).and_then(|b| b.prepare()).map_err(|e| format!("schema registry: {e}"))
        })
        .as_ref()
        .map_err(Clone::clone)
}

/// Compiles the bundled schema `name`, with every other bundled schema available to `$ref`.
pub fn compile(name: &str) -> Result<Validator, String> {
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .with_registry(registry()?)
        .build(&parsed(name))
        .map_err(|e| format!("schema {name}: {e}"))
}

/// Compiled validators, one per schema, built on first use and shared by all threads.
#[derive(Default)]
pub struct Schemas {
    compiled: BTreeMap<&'static str, OnceLock<Result<Validator, String>>>,
}

impl Schemas {
    pub fn bundled() -> Self {
        Schemas { compiled: BUNDLED.iter().map(|(n, _)| (*n, OnceLock::new())).collect() }
    }

    pub fn validator(&self, name: &str) -> Result<&Validator, String> {
        let cell = self.compiled.get(name).ok_or_else(|| format!("no bundled schema {name}"))?;
        cell.get_or_init(|| compile(name)).as_ref().map_err(Clone::clone)
    }

    /// Validates a document of `kind`/`format`; no schema means nothing to report.
    pub fn validate(&self, source: &SourceFile, doc: &Document, kind: Kind, format: Format) -> Vec<Diagnostic> {
        let Some(name) = file_for(kind, format) else { return Vec::new() };
        // kubectl and the API server read a field given as null (`annotations:` with nothing
        // after it) as not given: so does the schema check of a Kubernetes object.
        let pruned;
        let doc = if format == Format::Kubernetes && has_null_member(&doc.value) {
            pruned = Document { value: without_null_members(doc.value.clone()), ..doc.clone() };
            &pruned
        } else {
            doc
        };
        match self.validator(name) {
            Ok(v) => errors_to_diagnostics(v, source, doc, &format!("{} ({})", kind.as_str(), format.as_str())),
            Err(e) => vec![Diagnostic::at(source, Span::empty(doc.span.start), codes::SCHEMA, Severity::Error, e)],
        }
    }
}

/// Whether a mapping anywhere in `v` has a member whose value is null.
fn has_null_member(v: &Value) -> bool {
    match v {
        Value::Object(m) => m.values().any(|x| x.is_null() || has_null_member(x)),
        Value::Array(items) => items.iter().any(has_null_member),
        _ => false,
    }
}

/// `v` without the members of its mappings whose value is null (list items stay).
fn without_null_members(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(m.into_iter().filter(|(_, x)| !x.is_null()).map(|(k, x)| (k, without_null_members(x))).collect()),
        Value::Array(items) => Value::Array(items.into_iter().map(without_null_members).collect()),
        other => other,
    }
}

/// Runs `validator` on `doc` and turns each error into a located diagnostic.
pub fn errors_to_diagnostics(validator: &Validator, source: &SourceFile, doc: &Document, what: &str) -> Vec<Diagnostic> {
    validator.iter_errors(&doc.value).flat_map(|e| to_diagnostics(&e, source, doc, what)).collect()
}

/// A short span to label a node: the key if it has one, else the node's first line.
pub fn label_span(source: &SourceFile, doc: &Document, pointer: &str) -> (Span, bool) {
    match doc.map.locate(pointer) {
        Some(l) => {
            // A scalar is labelled itself; a mapping or sequence by its key (a short, stable
            // label), or by its first line when it has no key (the document root, a list item).
            let container = doc.value.pointer(&l.pointer).is_some_and(|v| v.is_object() || v.is_array());
            let span = match (l.exact && !container, l.span.key) {
                (true, _) => l.span.value,
                (false, Some(k)) => k,
                (false, None) => first_line(source, l.span.value),
            };
            (span, l.exact)
        }
        None => (Span::empty(doc.span.start), false),
    }
}

fn first_line(source: &SourceFile, span: Span) -> Span {
    let text = &source.text[span.start..span.end];
    let end = text.find(['\n', '\r']).map_or(span.end, |i| span.start + i);
    Span::new(span.start, end)
}

fn to_diagnostics(e: &ValidationError<'_>, source: &SourceFile, doc: &Document, what: &str) -> Vec<Diagnostic> {
    use jsonschema::error::ValidationErrorKind as K;
    let pointer = e.instance_path().as_str().to_string();
    let help = Msg::SchemaPrinted.text(&[&what]);
    let one = |pointer: String, message: String, label: Msg| {
        let (span, _) = label_span(source, doc, &pointer);
        Diagnostic::at(source, span, codes::SCHEMA, Severity::Error, message)
            .with_label(label.text(&[]))
            .with_pointer(pointer)
            .with_help(help.clone())
    };
    match e.kind() {
        K::Required { property } => {
            let name = property.as_str().map(str::to_string).unwrap_or_else(|| property.to_string());
            let missing = member_pointer(&pointer, &name);
            let (span, _) = label_span(source, doc, &pointer);
            vec![Diagnostic::at(source, span, codes::SCHEMA, Severity::Error, Msg::MissingProperty.text(&[&name]))
                .with_label(Msg::MissingNamed.text(&[&name]))
                .with_pointer(missing)
                .with_help(help.clone())]
        }
        K::AdditionalProperties { unexpected } | K::UnevaluatedProperties { unexpected } => unexpected
            .iter()
            .map(|k| {
                let p = member_pointer(&pointer, k);
                let (span, _) = label_span(source, doc, &p);
                let key = doc.map.get(&p).and_then(|n| n.key).unwrap_or(span);
                Diagnostic::at(source, key, codes::SCHEMA, Severity::Error, Msg::UnknownProperty.text(&[k]))
                    .with_label(Msg::NotAllowedHere.text(&[]))
                    .with_pointer(p)
                    .with_help(help.clone())
            })
            .collect(),
        _ => vec![one(pointer, e.to_string(), Msg::InvalidValue)],
    }
}

/// The bundled schema `name` as one self-contained document, for editors and other tools that
/// cannot be told where govlint's `$id`s live: every bundled schema it refers to, directly or
/// not, is inlined under `$defs` (keyed by file name) and each `$ref` rewritten to point there.
/// A schema that refers to no other is returned as it is bundled.
pub fn standalone(name: &str) -> Option<Value> {
    text(name)?;
    let mut needed = std::collections::BTreeSet::new();
    let mut queue = vec![name.to_string()];
    while let Some(n) = queue.pop() {
        let mut refs = Vec::new();
        collect_refs(&parsed(&n), &mut refs);
        for r in refs {
            let Some(file) = r.strip_prefix(ID_BASE).map(|t| t.split('#').next().unwrap_or(t).to_string()) else { continue };
            if file != name && text(&file).is_some() && needed.insert(file.clone()) {
                queue.push(file);
            }
        }
    }
    let mut root = parsed(name);
    if needed.is_empty() {
        return Some(root);
    }
    rewrite_refs(&mut root, name, None);
    let mut defs = match root.get_mut("$defs").map(Value::take) {
        Some(Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    for file in &needed {
        let mut schema = parsed(file);
        if let Some(obj) = schema.as_object_mut() {
            obj.remove("$id");
            obj.remove("$schema");
        }
        rewrite_refs(&mut schema, name, Some(file));
        defs.insert(file.clone(), schema);
    }
    if let Some(obj) = root.as_object_mut() {
        obj.insert("$defs".to_string(), Value::Object(defs));
    }
    Some(root)
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get("$ref") {
                out.push(r.clone());
            }
            m.values().for_each(|v| collect_refs(v, out));
        }
        Value::Array(a) => a.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

/// Rewrites the `$ref`s of a schema inlined under `$defs/<owner>` (or of the root, `owner`
/// `None`) of the standalone document of `root`.
fn rewrite_refs(v: &mut Value, root: &str, owner: Option<&str>) {
    match v {
        Value::Object(m) => {
            if let Some(Value::String(r)) = m.get_mut("$ref") {
                let local = |file: &str, fragment: &str| {
                    if file == root { format!("#{fragment}") } else { format!("#/$defs/{file}{fragment}") }
                };
                if let Some(target) = r.strip_prefix(ID_BASE) {
                    let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
                    *r = local(file, fragment);
                } else if let (Some(fragment), Some(file)) = (r.strip_prefix('#'), owner) {
                    *r = local(file, fragment);
                }
            }
            m.values_mut().for_each(|v| rewrite_refs(v, root, owner));
        }
        Value::Array(a) => a.iter_mut().for_each(|v| rewrite_refs(v, root, owner)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_schema_compiles() {
        for (name, _) in BUNDLED {
            compile(name).unwrap_or_else(|e| panic!("{e}"));
        }
    }

    #[test]
    fn every_kind_has_a_native_schema() {
        for k in Kind::ALL {
            assert!(file_for(k, Format::Native).is_some(), "{k:?}");
        }
    }
}
