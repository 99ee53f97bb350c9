//! YAML streams with source positions.
//!
//! Built on saphyr's event parser: the events carry character positions, which this module turns
//! into byte spans of the whole file, while it assembles each document as a JSON value. Scalars
//! resolve by the YAML 1.2 core schema (`yes` stays a string); anchors and aliases expand, with
//! the expansion bounded; `<<` merge keys apply, as Kubernetes and compose files use them.

use std::borrow::Cow;
use std::collections::HashMap;

use saphyr::Scalar;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span as YSpan, Tag};
use serde_json::{Map, Value};

use super::{Document, Limits, Parsed};
use crate::diagnostic::{codes, Diagnostic, Severity};
use crate::source::{escape_token, NodeSpan, SourceFile, SourceMap, Span};

/// Parses the YAML `text`, which starts at byte `base` of `source`.
///
/// YAML requires the lines that continue a quoted scalar or a flow collection to be indented
/// past the block they belong to; saphyr enforces it, PyYAML does not, and the Hugging Face Hub
/// reads card metadata with PyYAML, so cards that break the rule are common. Where saphyr stops
/// on such a line, the lines are indented (which changes no value: leading white space in a
/// quoted scalar or a flow collection is not content) and the text parsed again, with every
/// position mapped back to the original. Each construct read so is a note, never an error.
pub fn parse(source: &SourceFile, base: usize, text: &str, limits: &Limits) -> Parsed {
    let (base, text) = match text.strip_prefix('\u{feff}') {
        Some(rest) => (base + '\u{feff}'.len_utf8(), rest),
        None => (base, text),
    };
    let mut last = parse_shifted(source, base, text, &Shift::default(), limits);
    let mut shift = Shift::default();
    // Each construct read so: what it is, where saphyr stopped, the lines indented.
    let mut read: Vec<(Left, usize, Vec<usize>)> = Vec::new();
    // Each round indents one construct and parses again; where a construct cannot be read as
    // PyYAML reads it, the last parse's error stands (with the notes of those before it).
    while let Some((what, at)) = last.left {
        if read.len() >= MAX_REINDENTS {
            break;
        }
        // Positions in the original text, from here on.
        let at = at - base;
        let lines = match what {
            Left::Quoted => continuation_lines(text, at),
            Left::Flow => flow_lines(text, at),
        };
        let Some(lines) = lines.filter(|l| !l.is_empty()) else { break };
        let Some(width) = width_before(text, at, &shift) else { break };
        if !shift.insert(&lines, width) {
            break;
        }
        read.push((what, at, lines));
        last = parse_shifted(source, base, &shift.apply(text), &shift, limits);
    }
    let mut parsed = last.parsed;
    if !read.is_empty() {
        parsed.diagnostics.push(portability_note(source, base, text, &read));
    }
    parsed
}

/// How many constructs of one text are re-indented before its parse error stands.
const MAX_REINDENTS: usize = 256;

/// The widest indentation inserted: a construct inside a block indented deeper than this keeps
/// its parse error.
const MAX_WIDTH: usize = 4096;

/// What saphyr found left of its block's indentation.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Left {
    /// A quoted scalar's continuation ("invalid indentation in quoted scalar", at the quote).
    Quoted,
    /// A token inside a flow collection ("invalid indentation [in flow construct]", at the token).
    Flow,
}

/// A parse, and where it stopped on a line left of its block's indentation, if it did: what it
/// found there, and the byte in the original text.
struct Attempt {
    parsed: Parsed,
    left: Option<(Left, usize)>,
}

fn parse_shifted(source: &SourceFile, base: usize, text: &str, shift: &Shift, limits: &Limits) -> Attempt {
    let mut b = Builder {
        events: Parser::new_from_str(text),
        chars: CharMap::new(text, base, shift),
        source,
        limits,
        map: SourceMap::default(),
        anchors: HashMap::new(),
        nodes: 0,
        diagnostics: Vec::new(),
        later: Vec::new(),
        yaml11: Vec::new(),
        yaml11_anchors: HashMap::new(),
    };
    let mut documents = Vec::new();
    let mut left = None;
    loop {
        match b.stream_step(documents.len()) {
            Ok(Some(doc)) => {
                documents.push(doc);
                if documents.len() > limits.max_documents {
                    let at = documents.last().map(|d: &Document| d.span.start).unwrap_or(base);
                    b.diagnostics.push(
                        Diagnostic::at(
                            source,
                            Span::empty(at),
                            codes::LIMIT_EXCEEDED,
                            Severity::Error,
                            format!("more than {} documents in one file", limits.max_documents),
                        )
                        .with_help("raise `limits.max_documents` in govlint.yaml if this file is legitimate"),
                    );
                    documents.pop();
                    break;
                }
            }
            Ok(None) => break,
            Err(stop) => {
                if let Stop::Syntax(e) = &stop {
                    let what = match e.info() {
                        "invalid indentation in quoted scalar" => Some(Left::Quoted),
                        // Outside flow collections the scanner closes the blocks a line leaves, so
                        // a line left of the open block is in a flow collection.
                        "invalid indentation in flow construct" | "invalid indentation" => Some(Left::Flow),
                        _ => None,
                    };
                    left = what.map(|w| (w, b.chars.byte(e.marker().index())));
                }
                b.report(stop);
                break;
            }
        }
    }
    Attempt { parsed: Parsed { documents, diagnostics: b.diagnostics }, left }
}

/// The start of the line that holds byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Whether the line that starts at byte `start` can take an indentation: it holds more than
/// blanks, and is not a document marker (`---`, `...`), which PyYAML reads as one even inside a
/// scalar or a flow collection.
fn indentable(text: &str, start: usize) -> bool {
    let content = text[start..].split(['\n', '\r']).next().unwrap_or("");
    let marker = (content.starts_with("---") || content.starts_with("..."))
        && content[3..].chars().next().is_none_or(|c| c == ' ' || c == '\t');
    !content.trim_matches([' ', '\t']).is_empty() && !marker
}

/// The byte after the line break at byte `i` (a CRLF counts as one break).
fn after_break(bytes: &[u8], i: usize) -> usize {
    if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
        i + 2
    } else {
        i + 1
    }
}

/// The byte after the quoted scalar opening at `quote`, and the starts of its continuation
/// lines; `None` when it is never closed.
fn quoted_end(text: &str, quote: usize, lines: &mut Vec<usize>) -> Option<usize> {
    let bytes = text.as_bytes();
    let single = bytes.get(quote) == Some(&b'\'');
    let mut i = quote + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' if single => {
                if bytes.get(i + 1) == Some(&b'\'') {
                    i += 2;
                    continue;
                }
                return Some(i + 1);
            }
            b'"' if !single => return Some(i + 1),
            // An escape takes the next character, unless that is a line break (an escaped
            // break still starts a line).
            b'\\' if !single && !matches!(bytes.get(i + 1), Some(b'\n' | b'\r') | None) => i += 1,
            b'\n' | b'\r' => {
                i = after_break(bytes, i);
                if indentable(text, i) {
                    lines.push(i);
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The lines to indent for the quoted scalar opening at byte `quote`: its continuation lines,
/// and its own line when the quote starts it (a flow collection's entry at its line's start).
fn continuation_lines(text: &str, quote: usize) -> Option<Vec<usize>> {
    if !matches!(text.as_bytes().get(quote), Some(b'"' | b'\'')) {
        return None;
    }
    let mut lines = Vec::new();
    let start = line_start(text, quote);
    if text[start..quote].trim_matches([' ', '\t']).is_empty() && indentable(text, start) {
        lines.push(start);
    }
    quoted_end(text, quote, &mut lines)?;
    Some(lines)
}

/// The lines to indent for the token at byte `at` inside a flow collection: its own line and
/// the following ones up to the one that closes the collections open at `at`; `None` when they
/// are never closed.
fn flow_lines(text: &str, at: usize) -> Option<Vec<usize>> {
    let bytes = text.as_bytes();
    let start = line_start(text, at);
    let mut lines = Vec::new();
    if indentable(text, start) {
        lines.push(start);
    }
    let mut depth = 0usize;
    let mut i = at;
    while i < bytes.len() {
        match bytes[i] {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                if depth == 0 {
                    return Some(lines);
                }
                depth -= 1;
            }
            b'"' | b'\'' if i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'[' | b'{' | b',' | b':' | b'\n' | b'\r') => {
                i = quoted_end(text, i, &mut lines)?;
                continue;
            }
            b'#' if i == 0 || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r') => {
                while i < bytes.len() && !matches!(bytes[i], b'\n' | b'\r') {
                    i += 1;
                }
                continue;
            }
            b'\n' | b'\r' => {
                i = after_break(bytes, i);
                if indentable(text, i) {
                    lines.push(i);
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// An indentation wide enough for any block open at byte `at`: a block's indentation is the
/// column of its first key or `-`, which only blanks and the indicators of enclosing compact
/// entries (`- `, `? `, `: `) precede on its line. So one more than the widest such prefix of
/// the lines up to `at` is enough (the lines already indented continue a scalar or a flow
/// collection and open no block: they are left out, so the width does not grow from round to
/// round); `None` beyond [`MAX_WIDTH`].
fn width_before(text: &str, at: usize, shift: &Shift) -> Option<usize> {
    let mut widest = 0;
    let mut start = 0;
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    for line in text[..end].split_inclusive(['\n', '\r']) {
        if shift.inserted_at(start) == 0 {
            let prefix = line.chars().take_while(|c| matches!(c, ' ' | '\t' | '-' | '?' | ':')).count();
            widest = widest.max(prefix);
        }
        start += line.len();
    }
    let width = widest + 1;
    (width <= MAX_WIDTH).then_some(width)
}

/// The one note for a text whose constructs in `read` were indented to parse: at the first
/// one's leftmost line.
fn portability_note(source: &SourceFile, base: usize, text: &str, read: &[(Left, usize, Vec<usize>)]) -> Diagnostic {
    let indent = |l: usize| text[l..].len() - text[l..].trim_start_matches([' ', '\t']).len();
    let (what, at, lines) = &read[0];
    let first = lines.iter().copied().min_by_key(|&l| indent(l)).unwrap_or(*at);
    let here = base + first + indent(first);
    let line = |at: usize| source.position(base + at).line;
    let what = if read.len() == 1 {
        match what {
            Left::Quoted => format!("the quoted scalar opened at line {} continues", line(*at)),
            Left::Flow => format!("a flow collection continues at line {}", line(*at)),
        }
    } else {
        let mut at: Vec<String> = read.iter().take(5).map(|r| line(r.1).to_string()).collect();
        if read.len() > 5 {
            at.push("…".to_string());
        }
        format!("{} quoted scalars or flow collections (at lines {}) continue", read.len(), at.join(", "))
    };
    Diagnostic::at(
        source,
        Span::empty(here),
        codes::YAML_PORTABILITY,
        Severity::Note,
        format!(
            "{what} left of the indentation of the block it belongs to: PyYAML (which the Hugging Face Hub uses) reads this, the YAML spec and stricter parsers do not"
        ),
    )
    .with_label("continued here")
    .with_help("indent the continuation lines past the key they belong to (or write a long text as a block scalar, `|` or `>`), so that every YAML reader accepts the file")
}

/// Spaces inserted at the starts of lines of a text: the parsed text, and the way back from
/// its positions to the original's.
#[derive(Default)]
struct Shift {
    /// (byte in the original, spaces inserted there), by byte.
    inserts: Vec<(usize, usize)>,
}

impl Shift {
    /// Inserts `width` spaces at each of `lines`; false when every line already has some.
    fn insert(&mut self, lines: &[usize], width: usize) -> bool {
        let mut added = false;
        for &l in lines {
            if let Err(i) = self.inserts.binary_search_by_key(&l, |&(at, _)| at) {
                self.inserts.insert(i, (l, width));
                added = true;
            }
        }
        added
    }

    /// Spaces inserted at byte `at` of the original.
    fn inserted_at(&self, at: usize) -> usize {
        self.inserts.binary_search_by_key(&at, |&(a, _)| a).map_or(0, |i| self.inserts[i].1)
    }

    fn apply(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len() + self.inserts.iter().map(|i| i.1).sum::<usize>());
        let mut from = 0;
        for &(at, n) in &self.inserts {
            out.push_str(&text[from..at]);
            out.extend(std::iter::repeat_n(' ', n));
            from = at;
        }
        out.push_str(&text[from..]);
        out
    }

    /// The original byte of byte `b` of the shifted text; an inserted space maps to the start
    /// of its line.
    fn back(&self, b: usize) -> usize {
        let mut before = 0;
        for &(at, n) in &self.inserts {
            let shifted = at + before;
            if b < shifted {
                break;
            }
            if b < shifted + n {
                return at;
            }
            before += n;
        }
        b - before
    }
}

/// Why parsing stopped early.
enum Stop {
    Syntax(ScanError),
    Limit { at: usize, message: String, help: &'static str },
}

/// Character index → byte offset (saphyr counts characters).
struct CharMap<'s> {
    base: usize,
    len: usize,
    /// Byte offset of each character; empty when the text is ASCII and the two agree.
    table: Vec<usize>,
    /// The spaces inserted into the parsed text, to map its bytes back to the original's.
    shift: &'s Shift,
}

impl<'s> CharMap<'s> {
    fn new(text: &str, base: usize, shift: &'s Shift) -> Self {
        let table = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(b, _)| b).collect()
        };
        CharMap { base, len: text.len(), table, shift }
    }

    fn byte(&self, char_index: usize) -> usize {
        let b = if self.table.is_empty() {
            char_index.min(self.len)
        } else {
            self.table.get(char_index).copied().unwrap_or(self.len)
        };
        let b = if self.shift.inserts.is_empty() { b } else { self.shift.back(b) };
        self.base + b
    }

    fn span(&self, s: &YSpan) -> Span {
        Span::new(self.byte(s.start.index()), self.byte(s.end.index()))
    }
}

struct Builder<'a> {
    events: Parser<'a, saphyr_parser::StrInput<'a>>,
    chars: CharMap<'a>,
    source: &'a SourceFile,
    limits: &'a Limits,
    map: SourceMap,
    /// Anchored values by anchor id, with their node counts.
    anchors: HashMap<usize, (Value, usize)>,
    /// Nodes built so far in the current document, aliases counted at their full size.
    nodes: usize,
    diagnostics: Vec<Diagnostic>,
    /// The later values of the current document's duplicated keys (see [`Document::later`]).
    later: Vec<(String, Value)>,
    /// The current document's plain scalars that YAML 1.1 reads as booleans.
    yaml11: Vec<(String, bool)>,
    /// Anchors of such scalars, by id, for their aliases.
    yaml11_anchors: HashMap<usize, bool>,
}

impl<'a> Builder<'a> {
    fn next(&mut self) -> Result<(Event<'a>, YSpan), Stop> {
        match self.events.next_event() {
            Some(Ok(ev)) => Ok(ev),
            Some(Err(e)) => Err(Stop::Syntax(e)),
            // The parser always ends with StreamEnd; running dry means the same.
            None => Ok((Event::StreamEnd, YSpan::default())),
        }
    }

    fn report(&mut self, stop: Stop) {
        let d = match stop {
            Stop::Syntax(e) => {
                let at = self.chars.byte(e.marker().index());
                Diagnostic::at(self.source, Span::empty(at), codes::PARSE_ERROR, Severity::Error, format!("invalid YAML: {}", e.info()))
                    .with_label("the parser stopped here")
                    .with_help("fix the YAML syntax; every later check needs a file that parses")
            }
            Stop::Limit { at, message, help } => {
                Diagnostic::at(self.source, Span::empty(at), codes::LIMIT_EXCEEDED, Severity::Error, message).with_help(help)
            }
        };
        self.diagnostics.push(d);
    }

    /// Reads up to the next document; `None` at the end of the stream.
    fn stream_step(&mut self, index: usize) -> Result<Option<Document>, Stop> {
        loop {
            let (ev, span) = self.next()?;
            match ev {
                Event::StreamStart | Event::Nothing => continue,
                Event::StreamEnd => return Ok(None),
                Event::DocumentStart(_) => {
                    self.map = SourceMap::default();
                    self.later.clear();
                    self.yaml11.clear();
                    self.yaml11_anchors.clear();
                    self.anchors.clear();
                    self.nodes = 0;
                    let start = self.chars.span(&span).start;
                    let (ev, vspan) = self.next()?;
                    let value = self.node(ev, vspan, String::new(), None, 0)?;
                    let (end_ev, end_span) = self.next()?;
                    let mut end = self.chars.span(&end_span).end;
                    if !matches!(end_ev, Event::DocumentEnd) {
                        end = end.max(start);
                    }
                    let span = Span::new(start, end);
                    let map = std::mem::take(&mut self.map);
                    let later = std::mem::take(&mut self.later);
                    let yaml11 = std::mem::take(&mut self.yaml11);
                    return Ok(Some(Document { index, value, map, span, later, yaml11 }));
                }
                // Anything else outside a document cannot happen in a well-formed event stream.
                _ => continue,
            }
        }
    }

    fn count(&mut self, n: usize, at: usize) -> Result<(), Stop> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > self.limits.max_nodes {
            return Err(Stop::Limit {
                at,
                message: format!(
                    "document expands to more than {} nodes (aliases expanded); refusing to build it",
                    self.limits.max_nodes
                ),
                help: "an alias bomb looks like this; if the file is legitimate, raise `limits.max_nodes` in govlint.yaml",
            });
        }
        Ok(())
    }

    /// Builds the node that starts with `ev`, recording it at `pointer` (unless `pointer` is
    /// `None`-like: keys of complex form are not recorded).
    fn node(&mut self, ev: Event<'a>, span: YSpan, pointer: String, key: Option<Span>, depth: usize) -> Result<Value, Stop> {
        let vspan = self.chars.span(&span);
        match ev {
            Event::Scalar(v, style, anchor, tag) => {
                self.count(1, vspan.start)?;
                // An empty plain scalar has no text; its event span runs on to the next token.
                let vspan = if v.is_empty() && style == ScalarStyle::Plain { Span::empty(vspan.start) } else { vspan };
                let yaml11 = if style == ScalarStyle::Plain && tag.is_none() { yaml11_bool(&v) } else { None };
                let value = scalar(v, style, tag.as_ref());
                if let Some(b) = yaml11.filter(|_| value.is_string()) {
                    self.yaml11(&pointer, b);
                    if anchor > 0 {
                        self.yaml11_anchors.insert(anchor, b);
                    }
                }
                self.record(pointer, vspan, key);
                if anchor > 0 {
                    self.anchors.insert(anchor, (value.clone(), 1));
                }
                Ok(value)
            }
            Event::Alias(id) => {
                let (value, n) = self.anchors.get(&id).cloned().unwrap_or((Value::Null, 1));
                self.count(n, vspan.start)?;
                if let Some(b) = self.yaml11_anchors.get(&id).copied() {
                    self.yaml11(&pointer, b);
                }
                self.record(pointer, vspan, key);
                Ok(value)
            }
            Event::SequenceStart(anchor, _) => {
                self.depth_check(depth, vspan.start)?;
                let before = self.nodes;
                self.count(1, vspan.start)?;
                let mut items = Vec::new();
                let mut last = vspan.end;
                let end;
                loop {
                    let (ev, sp) = self.next()?;
                    if let Event::SequenceEnd = ev {
                        end = self.collection_end(&span, &sp, last);
                        break;
                    }
                    let child = format!("{pointer}/{}", items.len());
                    items.push(self.node(ev, sp, child.clone(), None, depth + 1)?);
                    last = self.map.get(&child).map_or(last, |n| n.value.end);
                }
                let value = Value::Array(items);
                self.record(pointer, Span::new(vspan.start, end), key);
                if anchor > 0 {
                    self.anchors.insert(anchor, (value.clone(), self.nodes - before));
                }
                Ok(value)
            }
            Event::MappingStart(anchor, _) => {
                self.depth_check(depth, vspan.start)?;
                let before = self.nodes;
                self.count(1, vspan.start)?;
                let mut obj = Map::new();
                let mut merges: Vec<(Value, Span)> = Vec::new();
                let mut last = vspan.end;
                let end;
                loop {
                    let (ev, sp) = self.next()?;
                    if let Event::MappingEnd = ev {
                        end = self.collection_end(&span, &sp, last);
                        break;
                    }
                    let kspan = self.chars.span(&sp);
                    let (name, is_merge) = match ev {
                        Event::Scalar(v, style, anchor, tag) => {
                            let merge = style == ScalarStyle::Plain && v == "<<";
                            let value = scalar(v.clone(), style, tag.as_ref());
                            if anchor > 0 {
                                self.anchors.insert(anchor, (value, 1));
                            }
                            (v.into_owned(), merge)
                        }
                        other => {
                            let v = self.node(other, sp, String::from("\u{0}key"), None, depth + 1)?;
                            (key_text(&v), false)
                        }
                    };
                    let (vev, vsp) = self.next()?;
                    if is_merge {
                        let v = self.node(vev, vsp, String::from("\u{0}merge"), None, depth + 1)?;
                        let mspan = self.chars.span(&vsp);
                        last = last.max(mspan.end);
                        merges.push((v, mspan));
                        continue;
                    }
                    let child = format!("{pointer}/{}", escape_token(&name));
                    if obj.contains_key(&name) {
                        let first = self.map.get(&child).and_then(|n| n.key).map(|k| self.source.position(k.start));
                        let mut d = Diagnostic::at(
                            self.source,
                            kspan,
                            codes::DUPLICATE_KEY,
                            Severity::Error,
                            format!("duplicate key `{name}`"),
                        )
                        .with_label("given again here");
                        // A duplicate inside a duplicate's later value has no place in the document.
                        if !child.contains('\u{0}') {
                            d = d.with_pointer(child.clone());
                        }
                        if let Some(p) = first {
                            d = d.with_help(format!(
                                "the key was first given at line {}, column {}; YAML parsers disagree on which value wins, so keep one",
                                p.line, p.column
                            ));
                        }
                        self.diagnostics.push(d);
                        // Build the value for its diagnostics and for classification, but keep
                        // the first one.
                        let later = self.node(vev, vsp, String::from("\u{0}dup"), None, depth + 1)?;
                        if !child.contains('\u{0}') {
                            self.later.push((child, later));
                        }
                        continue;
                    }
                    let v = self.node(vev, vsp, child.clone(), Some(kspan), depth + 1)?;
                    last = self.map.get(&child).map_or(kspan.end, |n| n.value.end.max(kspan.end));
                    obj.insert(name, v);
                }
                // Merged keys never override keys given in the mapping itself; earlier merge
                // sources win over later ones, as the merge-key convention says.
                for (m, mspan) in merges {
                    let sources = match m {
                        Value::Array(items) => items,
                        other => vec![other],
                    };
                    for src in sources {
                        if let Value::Object(src) = src {
                            for (k, v) in src {
                                if !obj.contains_key(&k) {
                                    self.record(format!("{pointer}/{}", escape_token(&k)), mspan, None);
                                    obj.insert(k, v);
                                }
                            }
                        }
                    }
                }
                let value = Value::Object(obj);
                self.record(pointer, Span::new(vspan.start, end), key);
                if anchor > 0 {
                    self.anchors.insert(anchor, (value.clone(), self.nodes - before));
                }
                Ok(value)
            }
            // An event that cannot start a node: treat as null rather than fail.
            _ => Ok(Value::Null),
        }
    }

    /// Where a collection ends: after its closing bracket when it is a flow collection (whose
    /// start event has a bracket), else at the end of its last entry (a block collection's end
    /// event sits at the next token, past blank lines and comments).
    fn collection_end(&self, start: &YSpan, end_event: &YSpan, last: usize) -> usize {
        if start.end.index() > start.start.index() {
            self.chars.byte(end_event.start.index()) + 1
        } else {
            last
        }
    }

    fn depth_check(&self, depth: usize, at: usize) -> Result<(), Stop> {
        if depth >= self.limits.max_depth {
            return Err(Stop::Limit {
                at,
                message: format!("nesting deeper than {} levels", self.limits.max_depth),
                help: "raise `limits.max_depth` in govlint.yaml if this file is legitimate",
            });
        }
        Ok(())
    }

    /// Notes a plain scalar at `pointer` that YAML 1.1 reads as the boolean `b` (see
    /// [`Document::yaml11`]).
    fn yaml11(&mut self, pointer: &str, b: bool) {
        if !pointer.contains('\u{0}') {
            self.yaml11.push((pointer.to_string(), b));
        }
    }

    fn record(&mut self, pointer: String, value: Span, key: Option<Span>) {
        // Pointers under a complex key or a merge source are scratch: nothing can ask for them.
        if !pointer.contains('\u{0}') {
            self.map.insert(pointer, NodeSpan { value, key });
        }
    }
}

/// Resolves a scalar by the YAML 1.2 core schema.
fn scalar(v: Cow<'_, str>, style: ScalarStyle, tag: Option<&Cow<'_, Tag>>) -> Value {
    let original = v.clone();
    match Scalar::parse_from_cow_and_metadata(v, style, tag) {
        Some(Scalar::Null) => Value::Null,
        Some(Scalar::Boolean(b)) => Value::Bool(b),
        Some(Scalar::Integer(i)) => Value::from(i),
        // JSON has no infinities or NaN: those keep their text.
        Some(Scalar::FloatingPoint(f)) => serde_json::Number::from_f64(f.0)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(original.into_owned())),
        Some(Scalar::String(s)) => Value::String(s.into_owned()),
        None => Value::String(original.into_owned()),
    }
}

/// The boolean YAML 1.1 reads a plain scalar as, where the 1.2 core schema reads a string
/// (`yes`, `No`, `ON`, `y`…; `true` and `false` are booleans in both).
pub fn yaml11_bool(s: &str) -> Option<bool> {
    match s {
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => Some(true),
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => Some(false),
        _ => None,
    }
}

/// A mapping key given as a collection becomes its JSON text.
fn key_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => "null".to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> (std::sync::Arc<SourceFile>, Parsed) {
        let f = SourceFile::new("t.yaml", text.to_string());
        let p = parse(&f, 0, &f.text, &Limits::default());
        (f, p)
    }

    #[test]
    fn core_schema_scalars() {
        let (_, p) = run("a: yes\nb: true\nc: 0x10\nd: 1.5\ne: ~\nf: '1'\ng: .inf\n");
        let v = &p.documents[0].value;
        assert_eq!(v["a"], "yes");
        assert_eq!(v["b"], true);
        assert_eq!(v["c"], 16);
        assert_eq!(v["d"], 1.5);
        assert_eq!(v["e"], Value::Null);
        assert_eq!(v["f"], "1");
        assert_eq!(v["g"], ".inf");
    }

    #[test]
    fn spans_of_keys_and_values() {
        let (f, p) = run("top:\n  name: é-x\n  list:\n    - a\n    - b\n");
        let d = &p.documents[0];
        let n = d.map.get("/top/name").unwrap();
        assert_eq!(&f.text[n.value.start..n.value.end], "é-x");
        assert_eq!(&f.text[n.key.unwrap().start..n.key.unwrap().end], "name");
        let b = d.map.get("/top/list/1").unwrap();
        assert_eq!(&f.text[b.value.start..b.value.end], "b");
        assert_eq!(f.position(b.value.start).line, 5);
    }

    #[test]
    fn multi_document_streams() {
        let (f, p) = run("a: 1\n---\nb: 2\n---\nc: [1, 2]\n");
        assert_eq!(p.documents.len(), 3);
        let c = p.documents[2].map.get("/c/1").unwrap();
        assert_eq!(f.position(c.value.start).line, 5);
        assert_eq!(p.documents[2].index, 2);
    }

    #[test]
    fn duplicate_key_at_second_occurrence() {
        let (f, p) = run("a: 1\nb: 2\na: 3\n");
        assert_eq!(p.documents[0].value["a"], 1);
        let d = &p.diagnostics[0];
        assert_eq!(d.rule, "duplicate-key");
        assert_eq!((d.start.line, d.start.column), (3, 1));
        assert_eq!(f.position(d.span.start).line, 3);
    }

    #[test]
    fn anchors_aliases_and_merge_keys() {
        let (_, p) = run("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\nref: *b\n");
        let v = &p.documents[0].value;
        assert_eq!(v["use"]["x"], 1);
        assert_eq!(v["use"]["y"], 3);
        assert_eq!(v["ref"]["y"], 2);
    }

    #[test]
    fn syntax_error_is_a_diagnostic() {
        let (_, p) = run("a: [1, 2\nb: 3\n");
        assert_eq!(p.diagnostics[0].rule, "parse-error");
        assert!(p.diagnostics[0].start.line >= 1);
    }

    #[test]
    fn alias_bomb_is_bounded() {
        let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..9 {
            s.push_str(&format!("{}: &{} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n", (b'a' + i) as char, (b'a' + i) as char, p = (b'a' + i - 1) as char));
        }
        let (_, p) = run(&s);
        assert!(p.diagnostics.iter().any(|d| d.rule == "limit-exceeded"));
    }

    #[test]
    fn deep_nesting_is_bounded() {
        let s = "[".repeat(10_000);
        let (_, p) = run(&s);
        assert!(!p.diagnostics.is_empty());
    }
}

#[cfg(test)]
mod span_tests {
    use super::*;

    #[test]
    fn collection_spans_stop_at_their_last_character() {
        let f = SourceFile::new("t.yaml", "a: {x}  # c\nb: [1, 2]   # c2\nc:\n  d: 1\n\n# trailing\ne: 2\n".to_string());
        let p = parse(&f, 0, &f.text, &Limits::default());
        let m = &p.documents[0].map;
        let text = |ptr: &str| {
            let s = m.get(ptr).unwrap().value;
            &f.text[s.start..s.end]
        };
        assert_eq!(text("/a"), "{x}");
        assert_eq!(text("/a/x"), "");
        assert_eq!(text("/b"), "[1, 2]");
        assert_eq!(text("/c"), "d: 1");
    }
}

#[cfg(test)]
mod pyyaml_tests {
    //! What PyYAML (the Hugging Face Hub's reader) accepts and the YAML spec does not: the values
    //! expected here are PyYAML 6's `safe_load` of the same text.
    use super::*;

    fn run(text: &str) -> (std::sync::Arc<SourceFile>, Parsed) {
        let f = SourceFile::new("t.yaml", text.to_string());
        let p = parse(&f, 0, &f.text, &Limits::default());
        (f, p)
    }

    fn rules(p: &Parsed) -> Vec<(&str, Severity, usize, usize)> {
        p.diagnostics.iter().map(|d| (d.rule.as_str(), d.severity, d.start.line, d.start.column)).collect()
    }

    #[test]
    fn quoted_scalar_continued_at_column_one_in_a_sequence() {
        let text = "widget:\n- text: \"How many sides, when\ncombined? Answer\n\n  in Chinese.\"\n  example_title: \"math\"\n- text: 'it''s\nfine'\nnext: 1\n";
        let (f, p) = run(text);
        let v = &p.documents[0].value;
        assert_eq!(v["widget"][0]["text"], "How many sides, when combined? Answer\nin Chinese.");
        assert_eq!(v["widget"][0]["example_title"], "math");
        assert_eq!(v["widget"][1]["text"], "it's fine");
        assert_eq!(v["next"], 1);
        // One note, at the first scalar's leftmost continuation line, naming both; no error.
        assert_eq!(rules(&p), [("yaml-portability", Severity::Note, 3, 1)]);
        assert!(p.diagnostics[0].message.starts_with("2 quoted scalars or flow collections (at lines 2, 7) continue"), "{}", p.diagnostics[0].message);
        // Positions are the original text's, before and after the re-indented lines.
        let m = &p.documents[0].map;
        let at = |ptr: &str| {
            let s = m.get(ptr).unwrap().value;
            (&f.text[s.start..s.end], f.position(s.start).line, f.position(s.start).column)
        };
        assert_eq!(at("/widget/0/example_title"), ("\"math\"", 6, 18));
        assert_eq!(at("/next"), ("1", 9, 7));
        let text0 = at("/widget/0/text");
        assert!(text0.0.starts_with("\"How") && text0.0.ends_with("Chinese.\""), "{}", text0.0);
    }

    #[test]
    fn nested_mapping_crlf_escapes_and_wide_characters() {
        let text = "a:\r\n  b: \"中文\\\r\n续\\\"x\\\\\r\n  y\"\r\n  c: 2\r\n";
        let (f, p) = run(text);
        let v = &p.documents[0].value;
        // An escaped break joins the lines with nothing between them.
        assert_eq!(v["a"]["b"], "中文续\"x\\ y");
        assert_eq!(v["a"]["c"], 2);
        assert_eq!(rules(&p), [("yaml-portability", Severity::Note, 3, 1)]);
        let c = p.documents[0].map.get("/a/c").unwrap().value;
        assert_eq!((&f.text[c.start..c.end], f.position(c.start).line), ("2", 5));
    }

    #[test]
    fn what_pyyaml_rejects_stays_an_error() {
        // A document marker inside the scalar, an unclosed scalar: PyYAML stops on both.
        for text in ["- t: \"a\n--- b\"\n", "- t: \"a\nb\n"] {
            let (_, p) = run(text);
            assert_eq!(p.diagnostics.iter().map(|d| d.rule.as_str()).collect::<Vec<_>>(), ["parse-error"], "{text:?}");
            assert!(p.diagnostics[0].message.contains("quoted scalar"), "{}", p.diagnostics[0].message);
        }
        // A later error of another kind is reported where it is, with the note.
        let (_, p) = run("- t: \"a\nb\"\n- [1, 2\n");
        assert_eq!(rules(&p).iter().map(|r| (r.0, r.1)).collect::<Vec<_>>(), [("parse-error", Severity::Error), ("yaml-portability", Severity::Note)]);
        assert_eq!(p.diagnostics[0].start.line, 4, "{:?}", p.diagnostics[0]);
    }

    #[test]
    fn flow_collection_continued_at_column_one() {
        let text = "tags: [a, b,\nc]\nmodel-index:\n- name: m\n  results: [{task: x,\n\n# note\nmetric: \"f1,]\",\n    value: 1}, [2,\n3]]\nafter: [\n'z'\n]\n";
        let (f, p) = run(text);
        let v = &p.documents[0].value;
        assert_eq!(v["tags"], serde_json::json!(["a", "b", "c"]));
        assert_eq!(v["model-index"][0]["results"], serde_json::json!([{"task": "x", "metric": "f1,]", "value": 1}, [2, 3]]));
        assert_eq!(v["after"], serde_json::json!(["z"]));
        let lines: Vec<(usize, usize)> = p.diagnostics.iter().map(|d| {
            assert_eq!((d.rule.as_str(), d.severity), ("yaml-portability", Severity::Note), "{d:?}");
            (d.start.line, d.start.column)
        }).collect();
        assert_eq!(lines, [(2, 1)], "{:#?}", p.diagnostics);
        assert!(p.diagnostics[0].message.contains("(at lines 2, 8, 10, 12)"), "{}", p.diagnostics[0].message);
        let m = &p.documents[0].map;
        let three = m.get("/model-index/0/results/1/1").unwrap().value;
        assert_eq!((&f.text[three.start..three.end], f.position(three.start).line, f.position(three.start).column), ("3", 10, 1));
    }

    #[test]
    fn many_constructs_at_their_keys_column_in_a_deep_block() {
        // As in KServe's CRDs: descriptions continued at the column of their key, 100 of them
        // (the indentation each needs does not grow with those before it).
        let mut text = String::from("spec:\n  versions:\n    - schema:\n        properties:\n");
        for i in 0..100 {
            text.push_str(&format!(
                "          f{i}:\n            description: \"first\n            second {i}, a line as long as a real description\"\n            type: string\n"
            ));
        }
        text.push_str("        type: object\n");
        let (_, p) = run(&text);
        assert_eq!(rules(&p), [("yaml-portability", Severity::Note, 7, 13)], "{:?}", p.diagnostics);
        assert!(p.diagnostics[0].message.starts_with("100 quoted scalars"), "{}", p.diagnostics[0].message);
        let props = &p.documents[0].value["spec"]["versions"][0]["schema"]["properties"];
        assert_eq!(props["f99"]["description"], "first second 99, a line as long as a real description");
        assert_eq!(p.documents[0].value["spec"]["versions"][0]["schema"]["type"], "object");
    }

    #[test]
    fn well_indented_yaml_has_no_note() {
        let (_, p) = run("- t: \"a\n    b\"\n");
        assert_eq!(p.documents[0].value[0]["t"], "a b");
        assert!(p.diagnostics.is_empty());
    }

    #[test]
    fn shift_maps_back() {
        let mut s = Shift::default();
        assert!(s.insert(&[3, 6], 2));
        assert!(!s.insert(&[3], 2));
        let t = s.apply("ab\ncd\nef\n");
        assert_eq!(t, "ab\n  cd\n  ef\n");
        let back: Vec<usize> = (0..t.len()).map(|b| s.back(b)).collect();
        assert_eq!(back, [0, 1, 2, 3, 3, 3, 4, 5, 6, 6, 6, 7, 8]);
    }
}
