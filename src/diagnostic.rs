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
    /// A file that could not be read (permissions, invalid UTF-8, too large).
    pub const READ_ERROR: &str = "read-error";
    /// Input beyond a configured bound (nesting depth, alias expansion, document count, size).
    pub const LIMIT_EXCEEDED: &str = "limit-exceeded";
    /// A policy that failed at run time on one document.
    pub const POLICY_ERROR: &str = "policy-error";

    /// Every built-in id with a one-line description, for `govlint rules`.
    pub const ALL: &[(&str, &str)] = &[
        (PARSE_ERROR, "The file is not well-formed YAML, JSON or Markdown front matter."),
        (DUPLICATE_KEY, "A mapping gives the same key twice; the value would depend on the parser."),
        (SCHEMA, "A value breaks the JSON Schema of its artifact's format."),
        (READ_ERROR, "The file could not be read as UTF-8 text."),
        (LIMIT_EXCEEDED, "The input goes beyond a configured bound (depth, aliases, documents, size)."),
        (POLICY_ERROR, "A policy failed while evaluating one document (a runtime error or its time limit)."),
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
    pub file: String,
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
    pub localized: Option<Box<crate::i18n::Localized>>,
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
        let start = source.position(span.start);
        let end = source.position(span.end);
        Diagnostic {
            rule: rule.into(),
            severity,
            message: message.into(),
            file: source.name.clone(),
            span,
            start,
            end,
            label: None,
            help: None,
            pointer: None,
            document: None,
            kind: None,
            frameworks: Default::default(),
            details: None,
            suppression: None,
            localized: None,
        }
    }

    /// A diagnostic about a file as a whole (no text to point into).
    pub fn whole_file(file: impl Into<String>, rule: &str, severity: Severity, message: String) -> Self {
        let p = Position { line: 1, column: 1 };
        Diagnostic {
            rule: rule.to_string(),
            severity,
            message,
            file: file.into(),
            span: Span::empty(0),
            start: p,
            end: p,
            label: None,
            help: None,
            pointer: None,
            document: None,
            kind: None,
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

    /// A stable identity for baselines and SARIF `partialFingerprints`: the rule, the file and
    /// the JSON path of the value — not the line, so a finding that moves stays the same. A
    /// finding with no JSON path (a parse error, a Markdown body finding) uses its message.
    pub fn fingerprint(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for part in [self.rule.as_str(), self.file.as_str(), &self.document.unwrap_or(0).to_string()] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        match &self.pointer {
            Some(p) => h.update(p.as_bytes()),
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

/// Sorts diagnostics into their output order and drops exact repeats.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diags.dedup_by(|a, b| a.sort_key() == b.sort_key());
}

/// A set of source files, by display name, for renderers that show excerpts.
pub type Sources = std::collections::BTreeMap<String, Arc<SourceFile>>;
