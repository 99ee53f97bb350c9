//! Parsing with source maps: YAML, JSON and Markdown front matter.
//!
//! Each parser turns a file's text into documents — a `serde_json::Value` plus a source map from
//! JSON pointer to span — and diagnostics for what it could not accept (a syntax error at the
//! parser's position, a duplicate key at its second occurrence). Parsers never panic on input.

pub mod compose;
pub mod json;
pub mod kubernetes;
pub mod markdown;
pub mod yaml;

use std::sync::Arc;

use serde_json::Value;

use crate::diagnostic::{codes, Diagnostic, Severity};
use crate::messages::Msg;
use crate::source::{Position, SourceFile, SourceMap, Span};

/// The syntax of a file, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Syntax {
    Yaml,
    Json,
    Markdown,
}

impl Syntax {
    /// The syntax for a file name, or `None` when govlint does not read such files.
    pub fn from_path(path: &std::path::Path) -> Option<Syntax> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "yaml" | "yml" => Some(Syntax::Yaml),
            "json" | "jsonld" => Some(Syntax::Json),
            "md" | "markdown" => Some(Syntax::Markdown),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Syntax::Yaml => "yaml",
            Syntax::Json => "json",
            Syntax::Markdown => "markdown",
        }
    }
}

/// Bounds that keep hostile input from exhausting the machine.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Deepest nesting of mappings and sequences accepted.
    pub max_depth: usize,
    /// Most nodes a document may hold once aliases are expanded.
    pub max_nodes: usize,
    /// Most documents in one YAML stream.
    pub max_documents: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_depth: 256, max_nodes: 1_000_000, max_documents: 1_000 }
    }
}

/// A Markdown heading in the body of a card.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Section {
    pub heading: String,
    pub level: u8,
    /// 1-based line of the heading.
    pub line: usize,
    /// Words in the section's own text, up to the next heading of any level.
    pub words: usize,
    /// The section's own text, as written.
    #[serde(skip)]
    pub text: String,
    #[serde(skip)]
    pub span: Span,
}

/// One parsed document.
#[derive(Debug, Clone)]
pub struct Document {
    /// 0-based position in its file.
    pub index: usize,
    pub value: Value,
    pub map: SourceMap,
    /// The document's text (for Markdown: the front matter).
    pub span: Span,
    /// The later values of the keys given more than once, by JSON pointer, in the order given:
    /// `value` keeps each key's first value (and the duplicate is a finding), but most
    /// consumers read the last, so classification reads both (see [`Document::last_wins`]).
    pub later: Vec<(String, Value)>,
    /// The plain scalars that YAML 1.1 reads as booleans (`yes`, `On`, `n`…) and the 1.2 core
    /// schema, which `value` follows, as strings: by JSON pointer, with the boolean. Tools
    /// that read YAML 1.1 (kubectl, Helm) see booleans there; see [`kubernetes`].
    pub yaml11: Vec<(String, bool)>,
}

impl Document {
    /// The document as a parser that keeps the last value of a duplicated key reads it; `None`
    /// when no key is given twice.
    pub fn last_wins(&self) -> Option<Value> {
        if self.later.is_empty() {
            return None;
        }
        let mut value = self.value.clone();
        for (pointer, later) in &self.later {
            if let Some(slot) = value.pointer_mut(pointer) {
                *slot = later.clone();
            }
        }
        Some(value)
    }
}

/// A parsed file.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub source: Arc<SourceFile>,
    pub syntax: Syntax,
    pub documents: Vec<Document>,
    /// Markdown body sections (empty for YAML and JSON).
    pub sections: Vec<Section>,
    /// Whether a Markdown file had front matter at all.
    pub has_front_matter: bool,
    /// The opening `---` of a Markdown front matter that nothing closes (the file is read as
    /// having none, as on the Hugging Face Hub); see [`crate::classify::sniff`].
    pub unclosed: Option<Span>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ParsedFile {
    /// A file that was not read (its facts came from the cache): no text, no documents.
    pub fn unread(source: Arc<SourceFile>, syntax: Syntax) -> ParsedFile {
        ParsedFile { source, syntax, documents: Vec::new(), sections: Vec::new(), has_front_matter: false, unclosed: None, diagnostics: Vec::new() }
    }
}

/// Parses `source` as `syntax`.
pub fn parse(source: Arc<SourceFile>, syntax: Syntax, limits: &Limits) -> ParsedFile {
    match syntax {
        Syntax::Yaml => {
            let out = yaml::parse(&source, 0, &source.text, limits);
            ParsedFile {
                source: source.clone(),
                syntax,
                documents: out.documents,
                sections: Vec::new(),
                has_front_matter: false,
                unclosed: None,
                diagnostics: out.diagnostics,
            }
        }
        Syntax::Json => {
            let out = json::parse(&source, limits);
            ParsedFile {
                source: source.clone(),
                syntax,
                documents: out.documents,
                sections: Vec::new(),
                has_front_matter: false,
                unclosed: None,
                diagnostics: out.diagnostics,
            }
        }
        Syntax::Markdown => markdown::parse(source, limits),
    }
}

/// What a parser returns.
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The finding of a key given twice in one mapping, the same from both parsers: at the second
/// key, with its JSON pointer (`child`) unless it lies inside a duplicate's own later value
/// (which has no place in the document), and with the first key's position in the help, worded
/// for the parser (`help`).
fn duplicate_key(source: &SourceFile, span: Span, name: &str, child: &str, first: Option<Position>, help: Msg) -> Diagnostic {
    let mut d = Diagnostic::at(source, span, codes::DUPLICATE_KEY, Severity::Error, Msg::DuplicateKey.text(&[&name])).with_label(Msg::GivenAgain.text(&[]));
    if !crate::source::is_scratch(child) {
        d = d.with_pointer(child.to_string());
    }
    if let Some(p) = first {
        d = d.with_help(help.text(&[&p.line, &p.column]));
    }
    d
}
