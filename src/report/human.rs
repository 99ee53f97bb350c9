//! Human output: each diagnostic rendered by miette with the source line, a label under the
//! exact span, the rule id and the help.

use std::fmt;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use crate::diagnostic::{Diagnostic, Severity, Sources};
use crate::source::SourceFile;

impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        self.text.read_span(span, context_lines_before, context_lines_after)
    }
}

/// One diagnostic in the shape miette renders.
struct Render<'a> {
    d: &'a Diagnostic,
    source: Option<NamedSource<Arc<SourceFile>>>,
    /// Whether miette renders the help; off to find where the help starts.
    with_help: bool,
}

impl Render<'_> {
    /// The message in the output language (the diagnostic's `localized` text when it has one).
    fn message(&self) -> &str {
        self.d.localized.as_ref().map_or(&self.d.message, |l| &l.message)
    }
}

impl fmt::Debug for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl fmt::Display for Render<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message())
    }
}

impl std::error::Error for Render<'_> {}

impl miette::Diagnostic for Render<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(&self.d.rule))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Note => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        let localized = self.d.localized.as_ref().and_then(|l| l.help.as_ref());
        localized.map(String::as_str).or(self.d.help.as_deref()).filter(|_| self.with_help).map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let span = (self.d.span.start, self.d.span.len());
        let label = self.d.localized.as_ref().and_then(|l| l.label.clone()).or_else(|| self.d.label.clone());
        Some(Box::new(std::iter::once(LabeledSpan::new_primary_with_span(label, span))))
    }
}

/// Renders diagnostics for a terminal (`color`) or a file/pipe.
pub fn render(diags: &[Diagnostic], sources: &Sources, color: bool) -> String {
    let theme = if color { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100).with_links(false);
    let mut out = String::new();
    for d in diags {
        let source = sources
            .get(&d.file)
            .filter(|s| d.span.end <= s.text.len() && !s.text.is_empty())
            .map(|s| NamedSource::new(&d.file, Arc::clone(s)));
        let has_source = source.is_some();
        let r = Render { d, source, with_help: true };
        let mut full = String::new();
        if handler.render_report(&mut full, &r).is_ok() {
            out.push_str(&with_clauses(&handler, &r, full));
        }
        if !has_source {
            // No text to show: still say where.
            let at = crate::i18n::ui(crate::i18n::Ui::At, d.localized.as_ref().map_or(crate::i18n::Lang::En, |l| l.lang));
            out.push_str(&format!("  {at} {}:{}:{}\n", d.file, d.start.line, d.start.column));
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
    let bare = Render { d: r.d, source: r.source.clone(), with_help: false };
    if handler.render_report(&mut head, &bare).is_err() || !full.starts_with(&head) {
        return full;
    }
    let clauses: Vec<String> = r.d.frameworks.iter().map(|(fw, clause)| format!("{fw}: {clause}")).collect();
    let zh = r.d.localized.as_ref().is_some_and(|l| l.lang == crate::i18n::Lang::ZhCn);
    let (prefix, examples) = if zh { ("  条款：", "给出合规与不合规的示例") } else { ("  clause: ", "shows passing and failing examples") };
    let text = format!("{}; `govlint explain {}` {examples}", clauses.join("; "), r.d.rule);
    let mut out = head.clone();
    out.push_str(&wrap(prefix, &text, 100));
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
