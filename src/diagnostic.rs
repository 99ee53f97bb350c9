//! The diagnostic: the one value every stage produces and every renderer reads.

use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::source::{Position, SourceFile, Span};

/// How serious a finding is. Ordered so that `Error > Warning > Note`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "note" | "info" => Some(Severity::Note),
            "warning" | "warn" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Rule ids of the checks built into the pipeline (policies bring their own).
pub mod codes {
    /// A file that is not well-formed YAML, JSON or front matter.
    pub const PARSE_ERROR: &str = "parse-error";
    /// A mapping key given twice.
    pub const DUPLICATE_KEY: &str = "duplicate-key";
    /// A value that breaks its format's JSON Schema.
    pub const SCHEMA: &str = "schema";
    /// A file that could not be read (permissions, binary content, invalid UTF-8).
    pub const READ_ERROR: &str = "read-error";
    /// Input beyond a configured bound (nesting depth, alias expansion, document count, size).
    pub const LIMIT_EXCEEDED: &str = "limit-exceeded";
    /// A policy that failed at run time on one document.
    pub const POLICY_ERROR: &str = "policy-error";
    /// YAML that PyYAML reads but the YAML spec (and stricter parsers) reject; read as PyYAML
    /// reads it, and noted.
    pub const YAML_PORTABILITY: &str = "yaml-portability";
    /// A waiver past its `expires` date (raised by `waivers`).
    pub const WAIVER_EXPIRED: &str = "waiver-expired";
    /// A waiver that matched no finding.
    pub const WAIVER_UNUSED: &str = "waiver-unused";
    /// A baseline entry that matched no finding, or a baseline of an old format.
    pub const BASELINE_STALE: &str = "baseline-stale";

    /// The severity a built-in check reports at: a note for what is read as its main reader
    /// reads it, an error for everything else.
    pub fn severity(id: &str) -> super::Severity {
        if id == YAML_PORTABILITY {
            super::Severity::Note
        } else {
            super::Severity::Error
        }
    }

    /// Every built-in id with a one-line description, for `govlint rules`.
    pub const ALL: &[(&str, &str)] = &[
        (PARSE_ERROR, "The file is not well-formed YAML, JSON or Markdown front matter."),
        (DUPLICATE_KEY, "A mapping gives the same key twice; the value would depend on the parser."),
        (SCHEMA, "A value breaks the JSON Schema of its artifact's format."),
        (READ_ERROR, "The file could not be read as UTF-8 text."),
        (LIMIT_EXCEEDED, "The input goes beyond a configured bound (depth, aliases, documents, size)."),
        (POLICY_ERROR, "A policy failed while evaluating one document (a runtime error or its time limit)."),
        (YAML_PORTABILITY, "YAML that PyYAML (the Hugging Face Hub's reader) accepts and the YAML spec does not; read as PyYAML reads it."),
    ];
}

/// One finding, located in a file. Serializable for the result cache (`crate::cache`); the
/// JSON output has its own shape (`report::json`).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub message: String,
    /// The file as shown to the user.
    pub file: Arc<str>,
    pub span: Span,
    pub start: Position,
    pub end: Position,
    /// Text of the label under the span (e.g. "missing here").
    pub label: Option<String>,
    /// Shared by the findings of a rule (its remediation).
    pub help: Option<Arc<str>>,
    /// The JSON pointer of the offending value within its document, when there is one.
    pub pointer: Option<String>,
    /// The 0-based index of the document within a multi-document file.
    pub document: Option<usize>,
    /// The artifact kind of the document, when it was classified.
    pub kind: Option<String>,
    /// A digest of what the finding is about, when its document names it (see [`object_of`]):
    /// part of the fingerprint, so that a baseline tells a replaced object from the one it
    /// recorded. A digest, not the text: a large run holds millions of findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<std::num::NonZeroU64>,
    /// Framework → clause references of the rule behind the finding.
    pub frameworks: Arc<std::collections::BTreeMap<String, String>>,
    /// Extra data a policy attached to the finding. (This field and the next two are boxed:
    /// most findings have none of them, and a large run holds hundreds of thousands.)
    pub details: Option<Box<serde_json::Value>>,
    /// Why the finding does not count, when it is suppressed.
    pub suppression: Option<Box<Suppression>>,
    /// The text in the output language, when it is not English (set once after the run, so
    /// never part of a cached finding).
    #[serde(skip)]
    pub localized: Option<Box<crate::lang::Localized>>,
}

/// How a finding was suppressed: it is reported, but it is not a failure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// `waiver` (govlint.yaml), `inline` (a `govlint-ignore` comment), `baseline`, or
    /// `exception` (a policy's conftest `exception` rule).
    pub kind: SuppressionKind,
    pub reason: Option<String>,
    pub approved_by: Option<String>,
    /// ISO 8601 date the waiver expires.
    pub expires: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SuppressionKind {
    Waiver,
    Inline,
    Baseline,
    Exception,
}

impl SuppressionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SuppressionKind::Waiver => "waiver",
            SuppressionKind::Inline => "inline",
            SuppressionKind::Baseline => "baseline",
            SuppressionKind::Exception => "exception",
        }
    }
}

impl Diagnostic {
    /// A diagnostic at `span` of `source`.
    pub fn at(
        source: &SourceFile,
        span: Span,
        rule: impl Into<String>,
        severity: Severity,
        message: impl Into<String>,
    ) -> Self {
        let (start, end) = (source.position(span.start), source.position(span.end));
        Diagnostic::new(rule.into(), severity, message.into(), source.name.clone(), span, start, end)
    }

    /// A diagnostic about a file as a whole (no text to point into).
    pub fn whole_file(file: impl Into<Arc<str>>, rule: &str, severity: Severity, message: String) -> Self {
        let p = Position { line: 1, column: 1 };
        Diagnostic::new(rule.to_string(), severity, message, file.into(), Span::empty(0), p, p)
    }

    /// A diagnostic with what every one has, and nothing else yet.
    fn new(rule: String, severity: Severity, message: String, file: Arc<str>, span: Span, start: Position, end: Position) -> Self {
        Diagnostic {
            rule,
            severity,
            message,
            file,
            span,
            start,
            end,
            label: None,
            help: None,
            pointer: None,
            document: None,
            kind: None,
            object: None,
            frameworks: Default::default(),
            details: None,
            suppression: None,
            localized: None,
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<Arc<str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn with_pointer(mut self, pointer: impl Into<String>) -> Self {
        self.pointer = Some(pointer.into());
        self
    }

    pub fn in_document(mut self, index: usize, kind: Option<&str>) -> Self {
        self.document = Some(index);
        self.kind = kind.map(str::to_string);
        self
    }

    /// Sets [`Diagnostic::object`] from the document the finding is in.
    pub fn identify(&mut self, document: &serde_json::Value) {
        use sha2::{Digest, Sha256};
        self.object = object_of(document, self.pointer.as_deref()).map(|o| {
            let digest = Sha256::digest(o.as_bytes());
            let bits = u64::from_le_bytes(digest[..8].try_into().unwrap_or_default());
            std::num::NonZeroU64::new(bits).unwrap_or(std::num::NonZeroU64::MIN)
        });
    }

    /// A stable identity for baselines and SARIF `partialFingerprints` (format 2): the rule, the
    /// file, what the finding is about ([`Diagnostic::object`]: the object's kind, namespace
    /// and name, each named element on its path, and the path) or else the document's index
    /// and the JSON path — never the line, so a finding that moves stays the same, and a
    /// replaced object (another name, namespace, kind, container or image) is another finding.
    /// A finding with no JSON path (a parse error, a Markdown body finding) uses its message.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        let at = match self.object {
            Some(o) => ["object".to_string(), o.to_string()],
            None => ["document".to_string(), self.document.unwrap_or(0).to_string()],
        };
        for part in [FINGERPRINT_FORMAT, self.rule.as_str(), &self.file, &at[0], &at[1]] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        match &self.pointer {
            Some(p) if self.object.is_none() => h.update(p.as_bytes()),
            Some(_) => {}
            None => h.update(self.message.as_bytes()),
        }
        let digest = h.finalize();
        data_encoding::HEXLOWER.encode(&digest[..16])
    }

    /// The order of the output: file, line, column, rule, then the rest for a total order.
    pub fn sort_key(&self) -> impl Ord + '_ {
        (
            &self.file,
            self.start.line,
            self.start.column,
            &self.rule,
            &self.message,
            self.span.end,
            &self.pointer,
            std::cmp::Reverse(self.severity),
        )
    }
}

/// The format of [`Diagnostic::fingerprint`]: 1 hashed the rule, file, document index and JSON
/// path alone.
pub const FINGERPRINT_FORMAT: &str = "2";

/// What a finding at `pointer` in the document `value` is about, when something names it: the
/// document's own identity (a Kubernetes object's or native manifest's `kind namespace/name`),
/// then the path, where each step into a list names the element (a `List` item's identity; a
/// container's or component's `name`, `image`, `version`) instead of its index, and each step
/// into a mapping whose value has a string `image` (a compose service) adds that image.
/// `None` when nothing on the way is named.
pub fn object_of(value: &serde_json::Value, pointer: Option<&str>) -> Option<String> {
    use serde_json::Value;
    let mut out = identity(value).unwrap_or_default();
    let mut named = !out.is_empty();
    let mut node = Some(value);
    for token in pointer.unwrap_or("").split('/').skip(1) {
        let key = token.replace("~1", "/").replace("~0", "~");
        let next = match node {
            Some(Value::Array(items)) => key.parse::<usize>().ok().and_then(|i| items.get(i)),
            Some(Value::Object(members)) => members.get(&key),
            _ => None,
        };
        out.push('/');
        match (node, next) {
            (Some(Value::Array(_)), Some(element)) => match identity(element).or_else(|| element_name(element)) {
                Some(id) => {
                    out.push_str(&format!("[{id}]"));
                    named = true;
                }
                None => out.push_str(token),
            },
            (_, next) => {
                out.push_str(token);
                if let Some(image) = next.and_then(|n| n.get("image")).and_then(Value::as_str) {
                    out.push_str(&format!("[image={image}]"));
                    named = true;
                }
            }
        }
        node = next;
    }
    named.then_some(out)
}

/// `kind namespace/name` of a document that has `kind` and `metadata.name`.
fn identity(v: &serde_json::Value) -> Option<String> {
    let kind = v.get("kind")?.as_str()?;
    let metadata = v.get("metadata")?;
    let name = metadata.get("name").or_else(|| metadata.get("generateName"))?.as_str()?;
    let namespace = metadata.get("namespace").and_then(serde_json::Value::as_str).unwrap_or("");
    Some(format!("{kind} {namespace}/{name}"))
}

/// The `name`, `image` and `version` of a list element that has any of them as strings.
fn element_name(v: &serde_json::Value) -> Option<String> {
    let parts: Vec<String> = ["name", "image", "version"]
        .iter()
        .filter_map(|k| v.get(*k).and_then(serde_json::Value::as_str).map(|s| format!("{k}={s}")))
        .collect();
    (!parts.is_empty()).then(|| parts.join(","))
}

/// Sorts diagnostics into their output order and drops exact repeats.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup_by(|a, b| a.sort_key() == b.sort_key());
}

/// A set of source files, by display name, for renderers that show excerpts.
pub type Sources = std::collections::BTreeMap<String, Arc<SourceFile>>;
