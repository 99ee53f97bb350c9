//! Human output: each diagnostic rendered by miette with the source line, a label under the
//! exact span, the rule id and the help.
//!
//! miette prints every line of the excerpt whole and draws the label's underline as wide as the
//! span: a finding on a one-line file of megabytes would print the line (and a wide span its
//! underline) in full, once per finding, and a column past 65,535 is beyond what its formatting
//! can pad. So miette is never given the file itself but an [`Excerpt`]: the lines around the
//! span, each cut to a window of [`WIDTH`] characters around it, numbered as in the file. Text
//! from the repository (file names, messages, the excerpt) is printed inert (see
//! [`super::inert`]): no control character, line break or escape sequence reaches the terminal
//! or the CI log raw.

use std::fmt;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceCode, SpanContents};

use super::{inert, is_active};
use crate::diagnostic::{Diagnostic, Severity, Sources};
use crate::source::{SourceFile, Span};

/// Characters of a source line shown at most.
const WIDTH: usize = 160;
/// Characters shown before the span when a line is cut in front of it.
const LEAD: usize = 40;
/// Lines of a span shown at most; a longer span is shown by its first lines.
const SPAN_LINES: usize = 5;

/// What miette is shown of a file for one finding (see the module's header).
struct Excerpt {
    name: String,
    /// The lines shown, each cut to its window and ended by `\n` (as in the file).
    text: String,
    /// The 0-based line in the file of the first line of `text`.
    first_line: usize,
    /// The finding's span in `text`.
    span: Span,
    /// The 0-based column in the file where the span starts, for the header.
    column: usize,
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let inner = self.text.read_span(span, context_lines_before, context_lines_after)?;
        // The header names the span's start as the file counts it, not as the excerpt does.
        let column = if span.offset() == self.span.start && context_lines_before == 0 { self.column } else { inner.column() };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.first_line,
            column,
            inner.line_count(),
        )))
    }
}

impl Excerpt {
    /// The excerpt of `source` for a finding at `span`, which starts at the 1-based `line` and
    /// `column` and ends on the 1-based `end_line`.
    fn new(name: &str, source: &SourceFile, span: Span, line: usize, column: usize, end_line: usize) -> Excerpt {
        let last = end_line.clamp(line, line + SPAN_LINES - 1);
        // The span as shown: cut at the end of its last line shown.
        let end = if last < end_line { source.line_span(last).end } else { span.end };
        let start_line = source.line_span(line);
        // The window is a byte distance from each line's start: from the start of the line
        // when the span starts near it, else from a little before the span.
        let lead = span.start.saturating_sub(start_line.start);
        let skip = if lead + LEAD < WIDTH { 0 } else { back(&source.text, span.start, LEAD) - start_line.start };
        let first = line.saturating_sub(1).max(1);
        let shown_last = (last + 1).min(source.line_count());
        let mut text = String::new();
        let (mut at_start, mut at_end) = (0, 0);
        for l in first..=shown_last {
            let ls = source.line_span(l);
            let mut from = floor(&source.text, (ls.start + skip).min(ls.end));
            if l == 1 && source.text[from..].starts_with('\u{feff}') {
                from += '\u{feff}'.len_utf8(); // not a column (see `SourceFile::position`)
            }
            let to = ahead(&source.text, from, ls.end, WIDTH);
            if from > ls.start && !(l == 1 && from == '\u{feff}'.len_utf8()) {
                text.push('…');
            }
            // Where the span's ends fall in the window.
            let start_at = (l == line).then(|| floor(&source.text, span.start.clamp(from, to)));
            let end_at = (l == last).then(|| floor(&source.text, end.clamp(from, to)));
            for (i, c) in source.text[from..to].char_indices() {
                if start_at == Some(from + i) {
                    at_start = text.len();
                }
                if end_at == Some(from + i) {
                    at_end = text.len();
                }
                text.push(if is_active(c) && c != '\t' { picture(c) } else { c });
            }
            if start_at == Some(to) {
                at_start = text.len();
            }
            if end_at == Some(to) {
                at_end = text.len();
            }
            if to < ls.end {
                text.push('…');
            }
            // Each line keeps its line end (miette shows an empty last line only with one).
            if l < source.line_count() {
                text.push('\n');
            }
        }
        let first_line = first - 1;
        Excerpt { name: inert(name).into_owned(), text, first_line, span: Span::new(at_start, at_end.max(at_start)), column: column.saturating_sub(1) }
    }
}

/// The character that stands for an active character in an excerpt: a control picture for C0
/// controls and DEL (one column, as the character they replace), else the replacement character.
fn picture(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        _ => '\u{fffd}',
    }
}

/// The largest char boundary of `text` at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The offset `n` characters before `at` in `text` (at most to 0).
fn back(text: &str, at: usize, n: usize) -> usize {
    text[..at].char_indices().rev().take(n).last().map_or(at, |(i, _)| i)
}

/// The offset `n` characters after `from` in `text`, at most `limit`.
fn ahead(text: &str, from: usize, limit: usize, n: usize) -> usize {
    text[from..limit].char_indices().nth(n).map_or(limit, |(i, _)| from + i)
}

/// One diagnostic in the shape miette renders, its texts made inert.
struct Render<'a> {
    d: &'a Diagnostic,
    message: String,
    rule: String,
    label: Option<String>,
    help: Option<String>,
    source: Option<&'a Excerpt>,
    /// Whether miette renders the help; off to find where the help starts.
    with_help: bool,
}

impl<'a> Render<'a> {
    fn new(d: &'a Diagnostic, source: Option<&'a Excerpt>) -> Render<'a> {
        // The texts in the output language (the diagnostic's `localized` texts when it has them).
        let localized = d.localized.as_ref();
        let message = localized.map_or(&d.message, |l| &l.message);
        let label = localized.and_then(|l| l.label.as_deref()).or(d.label.as_deref());
        let help = localized.and_then(|l| l.help.as_deref()).or(d.help.as_deref());
        Render {
            d,
            message: inert(message).into_owned(),
            rule: inert(&d.rule).into_owned(),
            label: label.map(|l| inert(l).into_owned()),
            help: help.map(|h| inert(h).into_owned()),
            source,
            with_help: true,
        }
    }
}

impl fmt::Debug for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Display for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Render<'_> {}

impl miette::Diagnostic for Render<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help.as_ref().filter(|_| self.with_help).map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let source = self.source?;
        let span = (source.span.start, source.span.len());
        Some(Box::new(std::iter::once(LabeledSpan::new_primary_with_span(self.label.clone(), span))))
    }
}

/// Renders diagnostics for a terminal (`color`) or a file/pipe.
pub fn render(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false);
    let mut out = String::new();
    for d in diags {
        let excerpt = sources
            .get(&*d.file)
            .filter(|s| d.span.end <= s.text.len() && !s.text.is_empty())
            .map(|s| Excerpt::new(&d.file, s, d.span, d.start.line, d.start.column, d.end.line));
        let r = Render::new(d, excerpt.as_ref());
        let mut full = String::new();
        if handler.render_report(&mut full, &r).is_ok() {
            out.push_str(&with_clauses(&handler, &r, full));
        }
        if excerpt.is_none() {
            // No text to show: still say where.
            let at = crate::i18n::ui(crate::i18n::Ui::At, d.localized.as_ref().map_or(crate::i18n::Lang::En, |l| l.lang));
            out.push_str(&format!("  {at} {}:{}:{}\n", inert(&d.file), d.start.line, d.start.column));
        }
        out.push('\n');
    }
    out
}

/// Inserts the clauses behind the rule between the snippet and the help, so that the help (how
/// to fix it) stays last. miette renders the help at the end of a report: rendering without it
/// gives the text before it.
fn with_clauses(handler: &GraphicalReportHandler, r: &Render<'_>, full: String) -> String {
    if r.d.frameworks.is_empty() {
        return full;
    }
    let mut head = String::new();
    let bare = Render { with_help: false, ..Render::new(r.d, r.source) };
    if handler.render_report(&mut head, &bare).is_err() || !full.starts_with(&head) {
        return full;
    }
    let clauses: Vec<String> = r.d.frameworks.iter().map(|(fw, clause)| format!("{fw}: {clause}")).collect();
    let zh = r.d.localized.as_ref().is_some_and(|l| l.lang == crate::i18n::Lang::ZhCn);
    let (prefix, examples) = if zh { ("  条款：", "给出合规与不合规的示例") } else { ("  clause: ", "shows passing and failing examples") };
    let text = format!("{}; `govlint explain {}` {examples}", clauses.join("; "), r.rule);
    let mut out = head.clone();
    out.push_str(&wrap(prefix, &inert(&text), 100));
    out.push_str(&full[head.len()..]);
    out
}

/// `text` after `prefix`, wrapped at `width` columns with continuation lines aligned under it.
fn wrap(prefix: &str, text: &str, width: usize) -> String {
    // Terminal columns: East Asian wide characters take two.
    let cols = |s: &str| s.chars().map(|c| if c as u32 >= 0x1100 { 2 } else { 1 }).sum::<usize>();
    let indent = " ".repeat(cols(prefix));
    let mut out = String::new();
    let mut line = prefix.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && cols(&line) + 1 + cols(word) > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.clone();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, needle: &str) -> Excerpt {
        let source = SourceFile::new("f.yaml", text.to_string());
        let start = text.find(needle).unwrap();
        let span = Span::new(start, start + needle.len());
        let (a, b) = (source.position(span.start), source.position(span.end));
        Excerpt::new("f.yaml", &source, span, a.line, a.column, b.line)
    }

    #[test]
    fn a_long_line_is_cut_around_the_span() {
        let text = format!("a: 1\nb: {}TARGET{}\nc: 2\n", "x".repeat(1000), "y".repeat(1000));
        let e = excerpt(&text, "TARGET");
        let lines: Vec<&str> = e.text.lines().collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1].starts_with('…') && lines[1].ends_with('…'), "{}", lines[1]);
        assert!(lines[1].chars().count() <= WIDTH + 2);
        assert_eq!(&e.text[e.span.start..e.span.end], "TARGET");
        assert_eq!((e.first_line, e.column), (0, 1003));
        // Context lines take the same window: nothing of them is left but the mark.
        assert_eq!(lines[0], "…");
    }

    #[test]
    fn control_characters_show_as_pictures_in_place() {
        let e = excerpt("name: \"a\u{1b}[2Jb\" # x\n", "b\"");
        assert_eq!(e.text, "name: \"a\u{241b}[2Jb\" # x\n");
        assert_eq!(&e.text[e.span.start..e.span.end], "b\"");
    }

    #[test]
    fn a_long_span_is_shown_by_its_first_lines() {
        let text: String = (0..20).map(|i| format!("k{i}: v\n")).collect();
        let source = SourceFile::new("f.yaml", text.clone());
        let e = Excerpt::new("f.yaml", &source, Span::new(0, text.len() - 1), 1, 1, 20);
        assert_eq!(e.text.lines().count(), SPAN_LINES + 1);
        assert_eq!(&e.text[e.span.start..e.span.end], "k0: v\nk1: v\nk2: v\nk3: v\nk4: v");
    }
}
