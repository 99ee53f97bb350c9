//! Property tests of the source map: for generated documents written as JSON and as YAML (block
//! and flow styles), every JSON pointer of the value has a span, and the text of that span parses
//! back to the value at the pointer. Findings are located through this map, so a wrong span is a
//! finding shown on the wrong text.

use std::sync::Arc;

use govlint::parse::{self, Limits, Syntax};
use govlint::source::SourceFile;
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Keys and strings with the characters that need care: `~` and `/` (pointer escapes), quotes,
/// backslashes, YAML indicators, multi-byte characters, and text that looks like other scalars.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z]{0,6}",
        "[a-z~/ :#\\-\"'\\\\é中]{0,8}",
        Just("true".to_string()),
        Just("null".to_string()),
        Just("1.5".to_string()),
        Just("- x".to_string()),
    ]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1.0e6..1.0e6f64).prop_map(Value::from),
        text().prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    scalar().prop_recursive(5, 48, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((text(), inner), 0..5).prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every pointer of `v`, with the value there.
fn pointers(v: &Value, at: String, out: &mut Vec<(String, Value)>) {
    out.push((at.clone(), v.clone()));
    match v {
        Value::Array(items) => items.iter().enumerate().for_each(|(i, x)| pointers(x, format!("{at}/{i}"), out)),
        Value::Object(m) => m.iter().for_each(|(k, x)| pointers(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out)),
        _ => {}
    }
}

/// A YAML emitter: block collections, except where `flow` picks flow style (JSON text, which
/// YAML reads as flow collections) for a node; every string double-quoted with JSON escapes.
fn emit(v: &Value, indent: usize, flow: &mut impl FnMut() -> bool, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                out.push_str(&pad);
                out.push('-');
                child(item, indent, flow, out);
            }
        }
        Value::Object(m) if !m.is_empty() => {
            for (k, x) in m {
                out.push_str(&pad);
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                child(x, indent, flow, out);
            }
        }
        other => {
            out.push_str(&pad);
            out.push_str(&serde_json::to_string(other).unwrap());
            out.push('\n');
        }
    }
}

fn child(v: &Value, indent: usize, flow: &mut impl FnMut() -> bool, out: &mut String) {
    let nested = matches!(v, Value::Array(a) if !a.is_empty()) || matches!(v, Value::Object(m) if !m.is_empty());
    if nested && !flow() {
        out.push('\n');
        emit(v, indent + 2, flow, out);
    } else {
        out.push(' ');
        out.push_str(&serde_json::to_string(v).unwrap());
        out.push('\n');
    }
}

/// The text of a span, standing alone: what precedes it on its first line becomes spaces, so a
/// block collection keeps its indentation.
fn standalone(text: &str, start: usize, end: usize) -> String {
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    format!("{}{}", " ".repeat(text[line_start..start].chars().count()), &text[start..end])
}

fn check(text: String, syntax: Syntax, value: &Value) -> Result<(), TestCaseError> {
    let source = SourceFile::new("t", text);
    let parsed = parse::parse(Arc::clone(&source), syntax, &Limits::default());
    prop_assert!(parsed.diagnostics.is_empty(), "{:?}\n{}", parsed.diagnostics, source.text);
    let doc = &parsed.documents[0];
    prop_assert_eq!(&doc.value, value);
    let mut all = Vec::new();
    pointers(value, String::new(), &mut all);
    for (ptr, expected) in all {
        let node = doc.map.get(&ptr);
        prop_assert!(node.is_some(), "no span for {:?} in\n{}", ptr, source.text);
        let span = node.unwrap().value;
        let piece = standalone(&source.text, span.start, span.end);
        let back = SourceFile::new("piece", piece.clone());
        let reparsed = parse::parse(back, syntax, &Limits::default());
        prop_assert!(reparsed.diagnostics.is_empty(), "{:?}: {:?} does not parse: {:?}", ptr, piece, reparsed.diagnostics);
        let got = reparsed.documents.first().map(|d| d.value.clone()).unwrap_or(Value::Null);
        prop_assert_eq!(&got, &expected, "{:?}: span text {:?}", ptr, piece);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn json_spans_parse_back(v in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { serde_json::to_string(&v).unwrap() };
        check(text, Syntax::Json, &v)?;
    }

    #[test]
    fn yaml_spans_parse_back(v in value(), styles in any::<u64>()) {
        let mut bits = styles;
        let mut flow = || { let f = bits & 1 == 1; bits = bits.rotate_right(1); f };
        let mut text = String::new();
        emit(&v, 0, &mut flow, &mut text);
        check(text, Syntax::Yaml, &v)?;
    }
}
