//! JSON with source positions, through jsonc-parser's AST in strict JSON mode.

use jsonc_parser::ast::{ObjectPropName, Value as Ast};
use jsonc_parser::{parse_to_ast, CollectOptions, ParseOptions};
use serde_json::map::Entry;
use serde_json::{Map, Number, Value};

use super::{Document, Limits, Parsed};
use crate::diagnostic::{codes, Diagnostic, Severity};
use crate::messages::Msg;
use crate::source::{is_scratch, item_pointer, member_pointer, NodeSpan, SourceFile, SourceMap, Span};

fn strict() -> ParseOptions {
    ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Parses a JSON file: one document.
pub fn parse(source: &SourceFile, limits: &Limits) -> Parsed {
    let full = source.text.as_str();
    // RFC 8259 lets a parser ignore a byte order mark; editors on Windows write one.
    let base = if full.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let text = &full[base..];
    let mut out = Parsed::default();

    // The AST is built recursively: refuse pathological nesting before building it.
    if let Some(at) = too_deep(text, limits.max_depth) {
        out.diagnostics.push(
            Diagnostic::at(
                source,
                Span::empty(base + at),
                codes::LIMIT_EXCEEDED,
                Severity::Error,
                format!("nesting deeper than {} levels", limits.max_depth),
            )
            .with_help(Msg::RaiseDepth.text(&[])),
        );
        return out;
    }

    match parse_to_ast(text, &CollectOptions::default(), &strict()) {
        Err(e) => {
            let r = e.range();
            out.diagnostics.push(
                Diagnostic::at(
                    source,
                    Span::new(base + r.start, base + r.end),
                    codes::PARSE_ERROR,
                    Severity::Error,
                    format!("invalid JSON: {}", e.kind()),
                )
                .with_label(Msg::ParserStopped.text(&[]))
                .with_help(Msg::FixJson.text(&[])),
            );
        }
        Ok(res) => {
            let Some(ast) = res.value else {
                out.diagnostics.push(Diagnostic::at(
                    source,
                    Span::empty(base),
                    codes::PARSE_ERROR,
                    Severity::Error,
                    "invalid JSON: the file holds no value",
                ));
                return out;
            };
            let mut b = Builder { source, base, map: SourceMap::default(), diagnostics: Vec::new(), later: Vec::new() };
            let value = b.build(ast, String::new(), None);
            out.diagnostics.append(&mut b.diagnostics);
            out.documents.push(Document {
                index: 0,
                value,
                map: b.map,
                span: Span::new(base, full.len()),
                later: b.later,
                yaml11: Vec::new(),
            });
        }
    }
    out
}

/// The byte offset where nesting first exceeds `max`, ignoring brackets inside strings.
fn too_deep(text: &str, max: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    for (i, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

struct Builder<'s> {
    source: &'s SourceFile,
    base: usize,
    map: SourceMap,
    diagnostics: Vec<Diagnostic>,
    /// The later values of duplicated keys (see [`Document::later`]).
    later: Vec<(String, Value)>,
}

impl Builder<'_> {
    fn span(&self, r: jsonc_parser::common::Range) -> Span {
        Span::new(self.base + r.start, self.base + r.end)
    }

    fn build(&mut self, ast: Ast<'_>, pointer: String, key: Option<Span>) -> Value {
        let (value, range) = match ast {
            Ast::StringLit(s) => (Value::String(s.value.into_owned()), s.range),
            Ast::NumberLit(n) => {
                let v = n
                    .value
                    .parse::<Number>()
                    .map(Value::Number)
                    .unwrap_or_else(|_| Value::String(n.value.to_string()));
                (v, n.range)
            }
            Ast::BooleanLit(b) => (Value::Bool(b.value), b.range),
            Ast::NullKeyword(n) => (Value::Null, n.range),
            Ast::Array(a) => {
                let mut items = Vec::with_capacity(a.elements.len());
                for (i, el) in a.elements.into_iter().enumerate() {
                    items.push(self.build(el, item_pointer(&pointer, i), None));
                }
                (Value::Array(items), a.range)
            }
            Ast::Object(o) => {
                let mut obj = Map::new();
                for prop in o.properties {
                    let (name, krange) = match prop.name {
                        ObjectPropName::String(s) => (s.value.into_owned(), s.range),
                        ObjectPropName::Word(w) => (w.value.to_string(), w.range),
                    };
                    let kspan = self.span(krange);
                    let child = member_pointer(&pointer, &name);
                    match obj.entry(name) {
                        Entry::Occupied(first) => {
                            let at = self.map.get(&child).and_then(|n| n.key).map(|k| self.source.position(k.start));
                            self.diagnostics.push(super::duplicate_key(self.source, kspan, first.key(), &child, at, Msg::JsonKeyFirstGiven));
                            // Built for its own duplicates and for classification; not placed.
                            let later = self.build(prop.value, String::from("\u{0}dup"), None);
                            if !is_scratch(&child) {
                                self.later.push((child, later));
                            }
                        }
                        Entry::Vacant(slot) => {
                            let v = self.build(prop.value, child, Some(kspan));
                            slot.insert(v);
                        }
                    }
                }
                (Value::Object(obj), o.range)
            }
        };
        let span = self.span(range);
        // Pointers under a duplicate's later value are scratch: nothing can ask for them.
        if !is_scratch(&pointer) {
            self.map.insert(pointer, NodeSpan { value: span, key });
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_and_duplicates() {
        let f = SourceFile::new("t.json", "{\n  \"a\": {\"b\": [1, \"x\"]},\n  \"a\": 2\n}".to_string());
        let p = parse(&f, &Limits::default());
        let d = &p.documents[0];
        let x = d.map.get("/a/b/1").unwrap();
        assert_eq!(&f.text[x.value.start..x.value.end], "\"x\"");
        assert_eq!(p.diagnostics[0].rule, "duplicate-key");
        assert_eq!((p.diagnostics[0].start.line, p.diagnostics[0].start.column), (3, 3));
    }

    #[test]
    fn strict_json_rejects_trailing_commas() {
        let f = SourceFile::new("t.json", "{\"a\": 1,}".to_string());
        let p = parse(&f, &Limits::default());
        assert_eq!(p.diagnostics[0].rule, "parse-error");
    }

    #[test]
    fn bom_is_skipped_and_deep_nesting_refused() {
        let f = SourceFile::new("t.json", "\u{feff}{\"a\": 1}".to_string());
        assert_eq!(parse(&f, &Limits::default()).documents[0].value["a"], 1);
        let f = SourceFile::new("t.json", "[".repeat(100_000));
        assert_eq!(parse(&f, &Limits::default()).diagnostics[0].rule, "limit-exceeded");
    }
}
