//! What PyYAML reads and the YAML spec does not: continuation lines of quoted scalars and flow
//! collections indented no further than their block. Such lines are indented, the text parsed
//! again, and each construct read so is noted (`yaml-portability`).

use super::*;

/// How many constructs of one text are re-indented before its parse error stands.
pub(super) const MAX_REINDENTS: usize = 256;

/// The widest indentation inserted: a construct inside a block indented deeper than this keeps
/// its parse error.
pub(super) const MAX_WIDTH: usize = 4096;

/// What saphyr found left of its block's indentation.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Left {
    /// A quoted scalar's continuation ("invalid indentation in quoted scalar", at the quote).
    Quoted,
    /// A token inside a flow collection ("invalid indentation [in flow construct]", at the token).
    Flow,
}

/// A parse, and where it stopped on a line left of its block's indentation, if it did: what it
/// found there, and the byte in the original text.
pub(super) struct Attempt {
    pub(super) parsed: Parsed,
    pub(super) left: Option<(Left, usize)>,
}

pub(super) fn parse_shifted(source: &SourceFile, base: usize, text: &str, shift: &Shift, limits: &Limits) -> Attempt {
    let mut b = Builder {
        events: Parser::new_from_str(text),
        chars: CharMap::new(text, base, shift),
        source,
        limits,
        map: SourceMap::default(),
        anchors: HashMap::new(),
        merge_links: Vec::new(),
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
                        .with_help(Msg::RaiseDocuments.text(&[])),
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
pub(super) fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// Whether the line that starts at byte `start` can take an indentation: it holds more than
/// blanks, and is not a document marker (`---`, `...`), which PyYAML reads as one even inside a
/// scalar or a flow collection.
pub(super) fn indentable(text: &str, start: usize) -> bool {
    let content = text[start..].split(['\n', '\r']).next().unwrap_or("");
    let marker = (content.starts_with("---") || content.starts_with("..."))
        && content[3..].chars().next().is_none_or(|c| c == ' ' || c == '\t');
    !content.trim_matches([' ', '\t']).is_empty() && !marker
}

/// The byte after the line break at byte `i` (a CRLF counts as one break).
pub(super) fn after_break(bytes: &[u8], i: usize) -> usize {
    if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
        i + 2
    } else {
        i + 1
    }
}

/// The byte after the quoted scalar opening at `quote`, and the starts of its continuation
/// lines; `None` when it is never closed.
pub(super) fn quoted_end(text: &str, quote: usize, lines: &mut Vec<usize>) -> Option<usize> {
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
pub(super) fn continuation_lines(text: &str, quote: usize) -> Option<Vec<usize>> {
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
pub(super) fn flow_lines(text: &str, at: usize) -> Option<Vec<usize>> {
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
pub(super) fn width_before(text: &str, at: usize, shift: &Shift) -> Option<usize> {
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
pub(super) fn portability_note(source: &SourceFile, base: usize, text: &str, read: &[(Left, usize, Vec<usize>)]) -> Diagnostic {
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
pub(super) struct Shift {
    /// (byte in the original, spaces inserted there), by byte.
    pub(super) inserts: Vec<(usize, usize)>,
}

impl Shift {
    /// Inserts `width` spaces at each of `lines`; false when every line already has some.
    pub(super) fn insert(&mut self, lines: &[usize], width: usize) -> bool {
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
    pub(super) fn inserted_at(&self, at: usize) -> usize {
        self.inserts.binary_search_by_key(&at, |&(a, _)| a).map_or(0, |i| self.inserts[i].1)
    }

    pub(super) fn apply(&self, text: &str) -> String {
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
    pub(super) fn back(&self, b: usize) -> usize {
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

#[cfg(test)]
mod tests {
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
