//! Any bytes, read as a YAML stream: no panic, bounded work, and every span in the map lies
//! inside the text on character boundaries.
#![no_main]

use govlint::parse::{self, Limits, Syntax};
use govlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceFile::new("fuzz.yaml", text.to_string());
    let parsed = parse::parse(source.clone(), Syntax::Yaml, &Limits::default());
    for d in &parsed.diagnostics {
        assert!(d.span.end <= source.text.len());
    }
    for doc in &parsed.documents {
        assert!(doc.span.start <= doc.span.end && doc.span.end <= source.text.len());
        assert!(source.text.is_char_boundary(doc.span.start) && source.text.is_char_boundary(doc.span.end));
    }
});
