//! Any bytes, read as JSON: no panic, and every span lies inside the text.
#![no_main]

use govlint::parse::{self, Limits, Syntax};
use govlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let source = SourceFile::new("fuzz.json", text.to_string());
    let parsed = parse::parse(source.clone(), Syntax::Json, &Limits::default());
    for d in &parsed.diagnostics {
        assert!(d.span.end <= source.text.len());
    }
    for doc in &parsed.documents {
        assert!(doc.span.end <= source.text.len());
    }
});
