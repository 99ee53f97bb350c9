//! Any bytes, read as a Markdown card: the front-matter splitter returns spans in order and
//! inside the text, and parsing the whole card (front matter and body sections) never panics.
#![no_main]

use govlint::parse::markdown::{self, Split};
use govlint::parse::Limits;
use govlint::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match markdown::split(text) {
        Split::None { body } => assert!(body <= text.len() && text.is_char_boundary(body)),
        Split::Closed { open, yaml, body } => {
            assert!(open.end <= yaml.start && yaml.start <= yaml.end && yaml.end <= body && body <= text.len());
            assert!(text.is_char_boundary(yaml.start) && text.is_char_boundary(yaml.end) && text.is_char_boundary(body));
        }
    }
    let source = SourceFile::new("README.md", text.to_string());
    let parsed = markdown::parse(source.clone(), &Limits::default());
    for s in &parsed.sections {
        assert!(s.span.start <= s.span.end && s.span.end <= source.text.len());
    }
});
