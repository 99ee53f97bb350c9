//! Source text and positions.
//!
//! Every stage reports locations as byte spans into the file's text; this module owns the one
//! conversion from a byte offset to the 1-based line and column a user reads, and the source map
//! that ties each JSON pointer of a parsed document back to the text it came from.

use std::sync::Arc;

/// A half-open byte range into a file's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end: end.max(start) }
    }
    pub fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// A 1-based line and column; the column counts Unicode scalar values, as editors do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// A file's text and its line index.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as shown to the user (relative where possible, `/`-separated).
    pub name: Arc<str>,
    pub text: String,
    line_starts: Vec<usize>,
}

impl SourceFile {
    pub fn new(name: impl Into<Arc<str>>, text: String) -> Arc<Self> {
        let mut line_starts = vec![0];
        let bytes = text.as_bytes();
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // A lone CR ends a line too (old Mac line ends); CRLF counts once, at the LF.
            if bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n') {
                line_starts.push(i + 1);
            }
        }
        Arc::new(SourceFile { name: name.into(), text, line_starts })
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The position of a byte offset (clamped to the text, and moved back to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line_idx = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let mut start = self.line_starts[line_idx];
        // Editors do not show a byte order mark: it is not a column of the first line.
        if start == 0 && offset > 0 && self.text.starts_with('\u{feff}') {
            start = '\u{feff}'.len_utf8();
        }
        let column = self.text[start..offset].chars().count() + 1;
        Position { line: line_idx + 1, column }
    }

    /// The byte offset of a 1-based line and column (columns in characters), clamped to the text.
    pub fn offset(&self, line: usize, column: usize) -> usize {
        let span = self.line_span(line.max(1));
        let text = &self.text[span.start..span.end];
        span.start + text.char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| i)
    }

    /// The byte span of the 1-based line `line`, without its line end.
    pub fn line_span(&self, line: usize) -> Span {
        let idx = line.saturating_sub(1).min(self.line_starts.len() - 1);
        let start = self.line_starts[idx];
        let mut end = self.line_starts.get(idx + 1).copied().unwrap_or(self.text.len());
        let bytes = self.text.as_bytes();
        while end > start && matches!(bytes[end - 1], b'\n' | b'\r') {
            end -= 1;
        }
        Span::new(start, end)
    }
}

/// Where one node of a document sits in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodeSpan {
    /// The value itself.
    pub value: Span,
    /// The key that introduced it, for members of a mapping.
    pub key: Option<Span>,
}

/// JSON pointer → location, for one document.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    nodes: foldhash::HashMap<String, NodeSpan>,
    /// Nodes that copy another node of the document (a YAML alias, a member brought in by a
    /// merge key) → the pointer of the node they copy, whose descendants are written there.
    links: foldhash::HashMap<String, String>,
}

/// How many links one lookup follows (each leads to a node written earlier, so a chain ends;
/// the bound only caps the work).
const MAX_LINKS: usize = 32;

/// The result of looking a pointer up: the span found, and whether it is the node asked for or
/// its nearest existing ancestor (the node is missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub pointer: String,
    pub span: NodeSpan,
    pub exact: bool,
}

impl SourceMap {
    /// Records `span` at `pointer` unless a node is there already; the span the map keeps.
    pub fn insert(&mut self, pointer: String, span: NodeSpan) -> NodeSpan {
        *self.nodes.entry(pointer).or_insert(span)
    }

    pub fn get(&self, pointer: &str) -> Option<&NodeSpan> {
        self.nodes.get(pointer)
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn pointers(&self) -> impl Iterator<Item = (&String, &NodeSpan)> {
        self.nodes.iter()
    }

    /// Records that the node at `from` copies the node at `to` (see [`SourceMap::locate`]).
    pub fn link(&mut self, from: String, to: String) {
        self.links.entry(from).or_insert(to);
    }

    /// The links recorded, `(from, to)`.
    pub fn links(&self) -> impl Iterator<Item = (&String, &String)> {
        self.links.iter()
    }

    /// The node at `pointer`, or else its nearest ancestor that exists (the root always does).
    /// A node that copies another (an alias, a merged member) is found where the copied node is
    /// written, and so are its descendants: the value a rule judges is shown where its text is.
    pub fn locate(&self, pointer: &str) -> Option<Located> {
        self.locate_within(pointer, MAX_LINKS)
    }

    fn locate_within(&self, pointer: &str, links: usize) -> Option<Located> {
        let mut p = pointer;
        let mut exact = true;
        loop {
            if links > 0 && !self.links.is_empty() {
                if let Some(to) = self.links.get(p) {
                    let copied = format!("{to}{}", &pointer[p.len()..]);
                    if let Some(found) = self.locate_within(&copied, links - 1) {
                        return Some(found);
                    }
                }
            }
            if let Some(span) = self.nodes.get(p) {
                return Some(Located { pointer: p.to_string(), span: *span, exact });
            }
            if p.is_empty() {
                return None;
            }
            exact = false;
            p = match p.rfind('/') {
                Some(i) => &p[..i],
                None => "",
            };
        }
    }
}

/// Escapes one reference token of a JSON pointer (RFC 6901).
pub fn escape_token(token: &str) -> std::borrow::Cow<'_, str> {
    if token.bytes().any(|b| b == b'~' || b == b'/') {
        token.replace('~', "~0").replace('/', "~1").into()
    } else {
        token.into()
    }
}

/// Whether `pointer` is scratch: the parsers build the nodes under a complex key, a merge source
/// or a duplicate key's later value at pointers that start with NUL, as no document's can, and
/// record none of them (nothing can ask for them).
pub fn is_scratch(pointer: &str) -> bool {
    pointer.starts_with('\u{0}')
}

/// Appends the member `name` to the pointer `out`.
fn push_member(out: &mut String, name: &str) {
    out.push('/');
    out.push_str(&escape_token(name));
}

/// The pointer of the member `name` of the node at `parent`.
pub fn member_pointer(parent: &str, name: &str) -> String {
    let mut out = String::with_capacity(parent.len() + 1 + name.len());
    out.push_str(parent);
    push_member(&mut out, name);
    out
}

/// The pointer of the item `index` of the array at `parent`.
pub fn item_pointer(parent: &str, index: usize) -> String {
    let mut digits = itoa::Buffer::new();
    let digits = digits.format(index);
    let mut out = String::with_capacity(parent.len() + 1 + digits.len());
    out.push_str(parent);
    out.push('/');
    out.push_str(digits);
    out
}

/// Builds a JSON pointer from path segments.
pub fn pointer_of<'a>(segments: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = String::new();
    for s in segments {
        push_member(&mut out, s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_chars() {
        let f = SourceFile::new("t", "ab\r\nçd\nx".to_string());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(4), Position { line: 2, column: 1 });
        // 'd' follows a two-byte char: byte 6, column 2.
        assert_eq!(f.position(6), Position { line: 2, column: 2 });
        assert_eq!(f.position(8), Position { line: 3, column: 1 });
        assert_eq!(f.line_span(1), Span::new(0, 2));
    }

    #[test]
    fn byte_order_mark_is_not_a_column() {
        let f = SourceFile::new("t", "\u{feff}ab: 1\nc".to_string());
        assert_eq!(f.position(0), Position { line: 1, column: 1 });
        assert_eq!(f.position(3), Position { line: 1, column: 1 });
        assert_eq!(f.position(7), Position { line: 1, column: 5 });
        assert_eq!(f.position(9), Position { line: 2, column: 1 });
    }

    #[test]
    fn cr_only_line_ends_count() {
        let f = SourceFile::new("t", "a\rb\rc".to_string());
        assert_eq!(f.position(4).line, 3);
    }

    #[test]
    fn missing_pointer_falls_back_to_ancestor() {
        let mut m = SourceMap::default();
        let s = NodeSpan { value: Span::new(0, 10), key: None };
        m.insert(String::new(), s);
        m.insert("/a".into(), NodeSpan { value: Span::new(3, 5), key: Some(Span::new(0, 1)) });
        let l = m.locate("/a/b/c").unwrap();
        assert_eq!(l.pointer, "/a");
        assert!(!l.exact);
        assert!(m.locate("/a").unwrap().exact);
        assert_eq!(pointer_of(["a/b", "c~d"]), "/a~1b/c~0d");
    }
}
