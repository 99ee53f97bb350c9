//! Markdown cards: the YAML front matter as the document, the body as sections.
//!
//! Front matter is found the way the Hugging Face Hub finds it: optional UTF-8 BOM and blank
//! lines, a `---` line, YAML, a closing `---` (or `...`) line; CRLF line ends are fine.

use std::sync::Arc;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::{Map, Value};

use super::{yaml, Document, Limits, ParsedFile, Section, Syntax};
use crate::diagnostic::codes;
use crate::source::{NodeSpan, SourceFile, SourceMap, Span};

/// Where the front matter and the body are, in bytes of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Split {
    /// No front matter: the whole file (after any BOM) is body. `unclosed` is the opening
    /// fence of a front matter that no fence closes (read, as on the Hub, as a thematic break).
    None { body: usize, unclosed: Option<Span> },
    /// `yaml` is the text between the fences; `open` is the opening fence line.
    Closed { open: Span, yaml: Span, body: usize },
}

fn line_is(line: &str, fence: &str) -> bool {
    line.trim_end_matches(['\r', '\n']).trim_end_matches([' ', '\t']) == fence
}

/// Finds the front matter of `text`.
pub fn split(text: &str) -> Split {
    let mut pos = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let start = pos;
    // Skip blank lines before the opening fence.
    let mut lines = text[pos..].split_inclusive('\n');
    let open = loop {
        match lines.next() {
            None => return Split::None { body: start, unclosed: None },
            Some(l) if l.trim().is_empty() => pos += l.len(),
            Some(l) if line_is(l, "---") => break Span::new(pos, pos + l.trim_end_matches(['\r', '\n']).len()),
            Some(_) => return Split::None { body: start, unclosed: None },
        }
    };
    pos += text[pos..].split_inclusive('\n').next().map_or(0, str::len);
    let yaml_start = pos;
    for l in text[pos..].split_inclusive('\n') {
        if line_is(l, "---") || line_is(l, "...") {
            return Split::Closed { open, yaml: Span::new(yaml_start, pos), body: pos + l.len() };
        }
        pos += l.len();
    }
    // No closing fence: as on the Hugging Face Hub, the opening `---` was a thematic break.
    Split::None { body: start, unclosed: Some(open) }
}

/// Parses a Markdown file.
pub fn parse(source: Arc<SourceFile>, limits: &Limits) -> ParsedFile {
    let text = source.text.as_str();
    let mut diagnostics = Vec::new();
    let mut documents = Vec::new();
    let mut unclosed = None;
    let (body, has_front_matter) = match split(text) {
        Split::None { body, unclosed: opener } => {
            unclosed = opener;
            // A card without front matter still has a (empty) document, so that a file named as
            // a card is checked — and found to lack its metadata.
            let at = Span::empty(body);
            let mut map = SourceMap::default();
            map.insert(String::new(), NodeSpan { value: at, key: None });
            documents.push(Document { index: 0, value: Value::Object(Map::new()), map, span: at, later: Vec::new(), yaml11: Vec::new() });
            (body, false)
        }
        Split::Closed { open, yaml, body } => {
            let slice = &text[yaml.start..yaml.end];
            let mut parsed = yaml::parse(&source, yaml.start, slice, limits);
            diagnostics.append(&mut parsed.diagnostics);
            match parsed.documents.len() {
                0 if diagnostics.iter().all(|d| d.rule != codes::PARSE_ERROR) => {
                    // Empty front matter: an empty mapping, located at the opening fence.
                    let mut map = SourceMap::default();
                    map.insert(String::new(), NodeSpan { value: open, key: None });
                    documents.push(Document { index: 0, value: Value::Object(Map::new()), map, span: open, later: Vec::new(), yaml11: Vec::new() });
                }
                0 => {}
                _ => {
                    let mut doc = parsed.documents.swap_remove(0);
                    doc.index = 0;
                    if doc.value.is_null() {
                        doc.value = Value::Object(Map::new());
                        doc.map.insert(String::new(), NodeSpan { value: open, key: None });
                    }
                    documents.push(doc);
                }
            }
            (body, true)
        }
    };
    let sections = sections(&source, body);
    ParsedFile { source, syntax: Syntax::Markdown, documents, sections, has_front_matter, unclosed, diagnostics }
}

/// The headings of the body that starts at byte `body`, each with its own text.
pub fn sections(source: &SourceFile, body: usize) -> Vec<Section> {
    let text = &source.text[body.min(source.text.len())..];
    let mut out: Vec<Section> = Vec::new();
    let mut heading: Option<(u8, usize, String)> = None;
    for (ev, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                close_section(source, body, &mut out, range.start);
                heading = Some((level as u8, body + range.start, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, start, title)) = heading.take() {
                    let line = source.position(start).line;
                    let after = body + range.end;
                    out.push(Section {
                        heading: title.trim().to_string(),
                        level,
                        line,
                        words: 0,
                        text: String::new(),
                        span: Span::new(after, after),
                    });
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, title)) = heading.as_mut() {
                    title.push_str(&t);
                } else if let Some(s) = out.last_mut() {
                    s.words += words(&t);
                }
            }
            _ => {}
        }
    }
    close_section(source, body, &mut out, text.len());
    out
}

/// The words of `text`, as `split_whitespace` counts them; ASCII text byte by byte.
fn words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    // The ASCII characters `char::is_whitespace` holds: `u8::is_ascii_whitespace` and U+000B.
    let blank = |b: u8| b.is_ascii_whitespace() || b == 0x0b;
    let mut count = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        let word = !blank(b);
        count += usize::from(word && !in_word);
        in_word = word;
    }
    count
}

fn close_section(source: &SourceFile, body: usize, out: &mut [Section], end: usize) {
    if let Some(s) = out.last_mut() {
        if s.text.is_empty() && s.span.is_empty() {
            let end = (body + end).max(s.span.start);
            s.span = Span::new(s.span.start, end);
            s.text = source.text[s.span.start..end].trim().to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_front_matter_after_bom_and_blank_lines() {
        let t = "\u{feff}\n\r\n---\r\nlicense: mit\r\n---\r\n# Title\r\n";
        match split(t) {
            Split::Closed { yaml, .. } => assert_eq!(&t[yaml.start..yaml.end], "license: mit\r\n"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(split("# no front matter\n---\n"), Split::None { unclosed: None, .. }));
        assert_eq!(split("---\na: 1\n"), Split::None { body: 0, unclosed: Some(Span::new(0, 3)) });
    }

    #[test]
    fn crlf_front_matter_positions() {
        let f = SourceFile::new("README.md", "---\r\nlicense: mit\r\ntags:\r\n  - x\r\n---\r\n# Model\r\nsome words here\r\n## Uses\r\n<!-- c -->\r\n".to_string());
        let p = parse(f.clone(), &Limits::default());
        let d = &p.documents[0];
        let n = d.map.get("/tags/0").unwrap();
        assert_eq!(f.position(n.value.start), crate::source::Position { line: 4, column: 5 });
        assert_eq!(p.sections.len(), 2);
        assert_eq!(p.sections[0].heading, "Model");
        assert_eq!(p.sections[0].words, 3);
        assert_eq!(p.sections[1].line, 8);
        assert_eq!(p.sections[1].words, 0);
    }

    #[test]
    fn words_are_counted_as_split_whitespace_counts_them() {
        for t in ["", " ", "one", " two  words ", "a\tb\nc\rd\x0be\x0cf", "line one\r\nline two\n", "naïve café", "中文 模型\u{3000}卡", "x\u{a0}y"] {
            assert_eq!(words(t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn empty_front_matter_is_an_empty_mapping() {
        let f = SourceFile::new("README.md", "---\n---\nbody\n".to_string());
        let p = parse(f, &Limits::default());
        assert_eq!(p.documents[0].value, Value::Object(Map::new()));
    }
}
