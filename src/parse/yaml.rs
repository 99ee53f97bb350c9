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
use serde_json::map::Entry;
use serde_json::{Map, Value};

use super::{Document, Limits, Parsed};
use crate::diagnostic::{codes, Diagnostic, Severity};
use crate::messages::Msg;
use crate::source::{is_scratch, item_pointer, member_pointer, NodeSpan, SourceFile, SourceMap, Span};

mod pyyaml;

/// The scratch pointer a merge key's value is built at.
const MERGE: &str = "\u{0}merge";

/// A merge key's value, the span of its text, and the links recorded while it was built.
type Merge = (Value, Span, Vec<(String, String)>);

use pyyaml::*;

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

/// Why parsing stopped early.
enum Stop {
    Syntax(ScanError),
    Limit { at: usize, message: String, help: Msg },
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
    /// Anchored values by anchor id, with their node counts and the pointer they are written
    /// at (`None` for one written where nothing is recorded, see [`is_scratch`]).
    anchors: HashMap<usize, (Value, usize, Option<String>)>,
    /// Links recorded under a merge key's value while it is built (its pointer is scratch): the
    /// mapping that merges it links its members to what they copy, see [`Builder::link_merged`].
    merge_links: Vec<(String, String)>,
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
                    .with_label(Msg::ParserStopped.text(&[]))
                    .with_help(Msg::FixYaml.text(&[]))
            }
            Stop::Limit { at, message, help } => {
                Diagnostic::at(self.source, Span::empty(at), codes::LIMIT_EXCEEDED, Severity::Error, message).with_help(help.text(&[]))
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
                    let (value, _) = self.node(ev, vspan, String::new(), None, 0)?;
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
                help: Msg::AliasBomb,
            });
        }
        Ok(())
    }

    /// Builds the node that starts with `ev`, recording it at `pointer` (unless `pointer` is
    /// scratch, see [`is_scratch`]), with where its span ends.
    fn node(&mut self, ev: Event<'a>, span: YSpan, pointer: String, key: Option<Span>, depth: usize) -> Result<(Value, Option<usize>), Stop> {
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
                let at = (anchor > 0 && !is_scratch(&pointer)).then(|| pointer.clone());
                let end = self.record(pointer, vspan, key);
                if anchor > 0 {
                    self.anchors.insert(anchor, (value.clone(), 1, at));
                }
                Ok((value, end))
            }
            Event::Alias(id) => {
                let (value, n, at) = self.anchors.get(&id).cloned().unwrap_or((Value::Null, 1, None));
                self.count(n, vspan.start)?;
                if let Some(b) = self.yaml11_anchors.get(&id).copied() {
                    self.yaml11(&pointer, b);
                }
                if let Some(at) = at {
                    self.link(pointer.clone(), at);
                }
                let end = self.record(pointer, vspan, key);
                Ok((value, end))
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
                    let (item, item_end) = self.node(ev, sp, item_pointer(&pointer, items.len()), None, depth + 1)?;
                    items.push(item);
                    last = item_end.unwrap_or(last);
                }
                let value = Value::Array(items);
                let at = (anchor > 0 && !is_scratch(&pointer)).then(|| pointer.clone());
                let end = self.record(pointer, Span::new(vspan.start, end), key);
                if anchor > 0 {
                    self.anchors.insert(anchor, (value.clone(), self.nodes - before, at));
                }
                Ok((value, end))
            }
            Event::MappingStart(anchor, _) => {
                self.depth_check(depth, vspan.start)?;
                let before = self.nodes;
                self.count(1, vspan.start)?;
                let mut obj = Map::new();
                let mut merges: Vec<Merge> = Vec::new();
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
                            if anchor > 0 {
                                let value = scalar(v.clone(), style, tag.as_ref());
                                self.anchors.insert(anchor, (value, 1, None));
                            }
                            (v.into_owned(), merge)
                        }
                        other => {
                            let (v, _) = self.node(other, sp, String::from("\u{0}key"), None, depth + 1)?;
                            (key_text(&v), false)
                        }
                    };
                    let (vev, vsp) = self.next()?;
                    if is_merge {
                        let from = self.merge_links.len();
                        let start = self.chars.span(&vsp);
                        let (v, v_end) = self.node(vev, vsp, String::from(MERGE), None, depth + 1)?;
                        let links = self.merge_links.split_off(from);
                        // The whole source: an alias, or an inline mapping or list.
                        let mspan = Span::new(start.start, v_end.unwrap_or(start.end).max(start.end));
                        last = last.max(mspan.end);
                        merges.push((v, mspan, links));
                        continue;
                    }
                    let child = member_pointer(&pointer, &name);
                    match obj.entry(name) {
                        Entry::Occupied(first) => {
                            let at = self.map.get(&child).and_then(|n| n.key).map(|k| self.source.position(k.start));
                            self.diagnostics.push(super::duplicate_key(self.source, kspan, first.key(), &child, at, Msg::YamlKeyFirstGiven));
                            // Build the value for its diagnostics and for classification, but keep
                            // the first one.
                            let (later, _) = self.node(vev, vsp, String::from("\u{0}dup"), None, depth + 1)?;
                            if !is_scratch(&child) {
                                self.later.push((child, later));
                            }
                        }
                        Entry::Vacant(slot) => {
                            let (v, v_end) = self.node(vev, vsp, child, Some(kspan), depth + 1)?;
                            last = v_end.map_or(kspan.end, |e| e.max(kspan.end));
                            slot.insert(v);
                        }
                    }
                }
                // Merged keys never override keys given in the mapping itself; earlier merge
                // sources win over later ones, as the merge-key convention says.
                for (m, mspan, links) in merges {
                    let (sources, listed) = match m {
                        Value::Array(items) => (items, true),
                        other => (vec![other], false),
                    };
                    for (i, src) in sources.into_iter().enumerate() {
                        if let Value::Object(src) = src {
                            let base = if listed { item_pointer(MERGE, i) } else { String::from(MERGE) };
                            for (k, v) in src {
                                if !obj.contains_key(&k) {
                                    let child = member_pointer(&pointer, &k);
                                    self.link_merged(&links, &base, &k, &child);
                                    self.record(child, mspan, None);
                                    obj.insert(k, v);
                                }
                            }
                        }
                    }
                }
                let value = Value::Object(obj);
                let at = (anchor > 0 && !is_scratch(&pointer)).then(|| pointer.clone());
                let end = self.record(pointer, Span::new(vspan.start, end), key);
                if anchor > 0 {
                    self.anchors.insert(anchor, (value.clone(), self.nodes - before, at));
                }
                Ok((value, end))
            }
            // An event that cannot start a node: treat as null rather than fail.
            _ => Ok((Value::Null, None)),
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
                help: Msg::RaiseDepth,
            });
        }
        Ok(())
    }

    /// Notes a plain scalar at `pointer` that YAML 1.1 reads as the boolean `b` (see
    /// [`Document::yaml11`]).
    fn yaml11(&mut self, pointer: &str, b: bool) {
        if !is_scratch(pointer) {
            self.yaml11.push((pointer.to_string(), b));
        }
    }

    /// Records that the node at `from` copies the one at `to`: in the source map, or, while a
    /// merge key's value is built (scratch pointers under [`MERGE`]), for the mapping that merges
    /// it. Other scratch nodes are never looked up, and record nothing.
    fn link(&mut self, from: String, to: String) {
        if !is_scratch(&from) {
            self.map.link(from, to);
        } else if from.starts_with(MERGE) {
            self.merge_links.push((from, to));
        }
    }

    /// Links the member `child`, merged under the name `name` from the merge source built at
    /// `base`, to what it copies: the copied source's member (the source was an alias), or,
    /// below it, whatever the source's own aliases copy.
    fn link_merged(&mut self, links: &[(String, String)], base: &str, name: &str, child: &str) {
        let member = member_pointer(base, name);
        for (from, to) in links {
            if from == base {
                self.link(child.to_string(), member_pointer(to, name));
            } else if let Some(rest) = from.strip_prefix(member.as_str()).filter(|r| r.is_empty() || r.starts_with('/')) {
                self.link(format!("{child}{rest}"), to.clone());
            }
        }
    }

    /// Records the node at `pointer` (unless scratch) and returns where its span ends.
    fn record(&mut self, pointer: String, value: Span, key: Option<Span>) -> Option<usize> {
        if is_scratch(&pointer) {
            return Some(value.end);
        }
        Some(self.map.insert(pointer, NodeSpan { value, key }).value.end)
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

    /// The text a pointer is located at, and whether the node itself was found.
    fn located(text: &str, pointer: &str) -> (String, bool) {
        let (f, p) = run(text);
        let l = p.documents[0].map.locate(pointer).unwrap();
        (f.text[l.span.value.start..l.span.value.end].to_string(), l.exact)
    }

    #[test]
    fn copies_are_located_where_their_text_is() {
        let text = "x: &x\n  on: true\n  env: &e {TOKEN: abc}\n  lim: {mem: 1g}\n\
                    a:\n  <<: *x\n  on: false\n\
                    b:\n  <<: [{k: 1}, *x]\n  env: *e\n\
                    c:\n  <<: {env: *e, own: {v: 2}}\n\
                    d:\n  <<: {<<: *x}\n";
        // A merged member, and the members below it, are where the anchored mapping writes them.
        assert_eq!(located(text, "/a/env/TOKEN"), ("abc".to_string(), true));
        assert_eq!(located(text, "/a/lim/mem"), ("1g".to_string(), true));
        // A key of the mapping itself is not merged over.
        assert_eq!(located(text, "/a/on"), ("false".to_string(), true));
        // Merge lists, an alias as a member's value, an alias inside an inline merge source,
        // and a merge inside a merge source.
        assert_eq!(located(text, "/b/on"), ("true".to_string(), true));
        assert_eq!(located(text, "/b/k"), ("[{k: 1}, *x]".to_string(), true));
        assert_eq!(located(text, "/b/env/TOKEN"), ("abc".to_string(), true));
        assert_eq!(located(text, "/c/env/TOKEN"), ("abc".to_string(), true));
        assert_eq!(located(text, "/d/lim/mem"), ("1g".to_string(), true));
        // An inline source's own nodes are recorded nowhere: its member is found at the source.
        assert_eq!(located(text, "/c/own/v"), ("{env: *e, own: {v: 2}}".to_string(), false));
        // What the copy lacks is missing where the anchored mapping would hold it.
        assert_eq!(located(text, "/a/lim/cpu"), ("{mem: 1g}".to_string(), false));
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
