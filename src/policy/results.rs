//! Results to findings: the conftest result rules, a finding's shape and path, and the
//! diagnostic it becomes in its source.

use super::*;

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
    /// An `exempt` result: on this document, the rule does not carry one framework's
    /// requirement (`{framework, reason}`; see [`crate::evidence`]).
    Exempt,
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

/// The rule by which a package says which frameworks' requirements it does not carry on a
/// document (docs/policies.md, "Evidence").
pub const EXEMPT: &str = "exempt";

pub(super) fn findings(pkg: usize, value: &Value) -> Vec<Finding> {
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
        if name == EXEMPT {
            let items = match v {
                Value::Array(items) => items.as_slice(),
                other => std::slice::from_ref(other),
            };
            for item in items.iter().filter(|i| i.get("framework").and_then(Value::as_str).is_some_and(|f| !f.trim().is_empty())) {
                out.push(Finding { package: pkg, rule: name.clone(), kind: RuleKind::Exempt, value: item.clone(), excepted: false });
            }
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
pub(super) fn judgements(pkg: usize, name: &str, j: crate::evidence::Judgement, v: &Value, out: &mut Vec<Finding>) {
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
/// rules and `exception`; its other rules are left out (not converted, and not held).
pub(super) fn result_values(package: &regorus::Value) -> regorus::Value {
    let Ok(object) = package.as_object() else { return package.clone() };
    let kept = object.iter().filter(|(key, _)| match key {
        regorus::Value::String(name) => rule_kind(name).is_some() || crate::evidence::Judgement::of_rule(name).is_some() || name.as_ref() == "exception" || name.as_ref() == EXEMPT,
        _ => false,
    });
    regorus::Value::from(kept.map(|(k, v)| (k.clone(), v.clone())).collect::<std::collections::BTreeMap<_, _>>())
}

pub(super) fn collect_strings(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::String(s) => {
            out.insert(s.clone());
        }
        Value::Array(items) => items.iter().for_each(|i| collect_strings(i, out)),
        _ => {}
    }
}

/// A parsed value as the engine holds it: what `regorus::Value::from` makes of it (through the
/// engine's deserializer: unsigned integers as `u64`, other integers as `i64`, the rest as
/// `f64`; an empty object as a new object), built directly, without the copy of the whole tree
/// that conversion takes first nor the deserializer's second copy of every string.
pub fn to_engine(value: &Value) -> regorus::Value {
    use regorus::Value as V;
    match value {
        Value::Null => V::Null,
        Value::Bool(b) => V::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64(), n.as_f64()) {
            (Some(u), _, _) => V::from(u),
            (None, Some(i), _) => V::from(i),
            // serde_json holds no non-finite number; the engine would refuse one.
            (None, None, Some(f)) if f.is_finite() => V::from(f),
            _ => V::Undefined,
        },
        Value::String(s) => V::from(s.as_str()),
        Value::Array(items) => V::from(items.iter().map(to_engine).collect::<Vec<_>>()),
        Value::Object(map) if map.is_empty() => V::new_object(),
        Value::Object(map) => V::from(map.iter().map(|(k, v)| (V::from(k.as_str()), to_engine(v))).collect::<BTreeMap<_, _>>()),
    }
}

/// An engine object of `fields`, as the per-file context is built.
pub(super) fn object(fields: Vec<(&str, regorus::Value)>) -> regorus::Value {
    regorus::Value::from(fields.into_iter().map(|(k, v)| (regorus::Value::from(k), v)).collect::<BTreeMap<_, _>>())
}

/// A count as the engine holds it.
pub(super) fn count(n: usize) -> regorus::Value {
    regorus::Value::from(n as u64)
}

/// The per-file context at `data.govlint.file`, made for the engine, with the Markdown body of a
/// document that has sections (see [`markdown`]) and the string leaves of the document, `doc`.
pub fn file_context(path: &str, kind: Kind, format: &str, index: usize, documents: usize, sections: &[Section], doc: &regorus::Value) -> regorus::Value {
    use regorus::Value as V;
    let markdown = markdown::body(sections);
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
    let mut fields = vec![
        ("path", V::from(path)),
        ("kind", V::from(kind.as_str())),
        ("format", V::from(format)),
        ("document", count(index)),
        ("documents", count(documents)),
        ("sections", V::from(sections)),
    ];
    fields.extend(markdown.map(|m| ("markdown", m)));
    fields.push(("strings", string_leaves(doc)));
    object(fields)
}

/// The string leaves of a document as `[path, value]` pairs, in the order of Rego's `walk`
/// (object members by key, array items by index).
fn string_leaves(doc: &regorus::Value) -> regorus::Value {
    use regorus::Value as V;
    fn visit(v: &V, path: &mut Vec<V>, out: &mut Vec<V>) {
        match v {
            V::String(_) => out.push(V::from(vec![V::from(path.clone()), v.clone()])),
            V::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(V::from(i as u64));
                    visit(item, path, out);
                    path.pop();
                }
            }
            V::Object(fields) => {
                for (k, item) in fields.iter() {
                    path.push(k.clone());
                    visit(item, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    visit(doc, &mut Vec::new(), &mut out);
    V::from(out)
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
                Msg::Here.text(&[])
            } else {
                let name = ptr.rsplit('/').next().unwrap_or("").replace("~1", "/").replace("~0", "~");
                // Every node a parser builds is in the source map, but for the copies a YAML
                // alias or merge key makes where no link leads to their text: present, not missing.
                if doc.value.pointer(ptr).is_some() {
                    Msg::ThroughAlias.text(&[&name])
                } else {
                    Msg::MissingNamed.text(&[&name])
                }
            };
            (span, label)
        }
        (_, _, Some(line)) if line >= 1 && line <= source.line_count() => (source.line_span(line), Msg::Here.text(&[])),
        (Some(doc), _, _) => (Span::empty(doc.span.start), Msg::InThisDocument.text(&[])),
        (None, _, _) => (Span::empty(0), Msg::InThisFile.text(&[])),
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
pub(super) const MAX_ERROR_CHARS: usize = 1000;

/// `err` cut to [`MAX_ERROR_CHARS`]: regorus quotes whole values in its errors, and a hostile
/// document can make that megabytes.
fn bounded(err: &str) -> String {
    match err.char_indices().nth(MAX_ERROR_CHARS) {
        Some((cut, _)) => format!("{}… ({} more bytes)", &err[..cut], err.len() - cut),
        None => err.to_string(),
    }
}

/// A diagnostic for a file whose documents the repository rules' helpers could not summarize
/// (see [`PolicySet::summary`]): the repository rules ran without them.
pub fn summary_error_diagnostic(set: &PolicySet, err: &str, source: &SourceFile) -> Diagnostic {
    let package = set.summary_file();
    Diagnostic::at(source, Span::empty(0), codes::POLICY_ERROR, Severity::Error, Msg::PolicyFailed.text(&[&SUMMARY_PACKAGE, &bounded(err)]))
        .with_label(Msg::InThisFile.text(&[]))
        .with_help(Msg::RepositoryRulesWithout.text(&[&package]))
}

/// A diagnostic for a package that failed on a document.
pub fn error_diagnostic(set: &PolicySet, pkg: usize, err: &str, source: &SourceFile, at: usize) -> Diagnostic {
    let p = &set.packages[pkg];
    let err = bounded(err);
    let help = if err.contains("time limit") {
        Msg::PolicyIsInTimeout.text(&[&p.file])
    } else if let Some(h) = opa_compat::runtime_hint(&err) {
        // The hint has no id of its own: it follows the file, as a runtime error's detail.
        Msg::PolicyIsIn.text(&[&format_args!("{}; {h}", p.file)])
    } else {
        Msg::PolicyIsIn.text(&[&p.file])
    };
    Diagnostic::at(source, Span::empty(at), codes::POLICY_ERROR, Severity::Error, Msg::PolicyFailed.text(&[&p.name, &err]))
        .with_label(Msg::WhileChecking.text(&[]))
        .with_help(help)
}
