//! A Markdown summary for a pull-request comment (GitHub-flavoured): a verdict, the counts, the
//! findings that count in one table in output order (so grouped by file), and the suppressed
//! findings with their reasons in a collapsed section.
//!
//! A comment holds at most 65,536 characters, so the tables stop at [`MAX_ROWS`] rows with a
//! line saying how many more there are, and long messages are cut. Text from findings is
//! escaped for a table cell (see [`cell`]): it shows as written, and nothing in it can end the
//! cell or the row, or become HTML, a link or emphasis; what CommonMark reads as a code span
//! stays code.
//!
//! The verdict is ❌ when any error counts, the default `fail_on`; the renderer does not see the
//! run's `fail_on`.

use std::fmt::Write as _;

use super::RunView;
use crate::diagnostic::{Diagnostic, Severity};

/// Rows of each table before the rest are summed up in one line.
pub const MAX_ROWS: usize = 100;

/// Characters of a message or reason before it is cut.
const MAX_TEXT: usize = 200;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "❌ error",
        Severity::Warning => "⚠️ warning",
        Severity::Note => "ℹ️ note",
    }
}

/// Cuts `s` to [`MAX_TEXT`] characters.
fn cut(s: &str) -> String {
    match s.char_indices().nth(MAX_TEXT) {
        Some((i, _)) => format!("{}…", s[..i].trim_end()),
        None => s.to_string(),
    }
}

/// Escapes text outside code for a table cell: a backslash, the characters that would make
/// emphasis, a link, raw HTML or an entity (`*`, `_`, `[`, `]`, `<`, `>`, `&`), a backtick that
/// opens no code span, the table's `|`, and line breaks (as `<br>`).
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

/// Escapes the inside of a code span for a table cell: GitHub reads `\|` as `|` even there, and
/// a code span cannot break a line.
fn escape_code(s: &str) -> String {
    s.replace('|', "\\|").replace("\r\n", " ").replace(['\r', '\n'], " ")
}

/// The length of the run of backticks at the start of `s`.
fn run_at(s: &str) -> usize {
    s.bytes().take_while(|b| *b == b'`').count()
}

/// Where the code span opened by a run of `n` backticks ends in `rest` (the text after the run):
/// the start of the next run of exactly `n` backticks, as CommonMark pairs them.
fn closing(rest: &str, n: usize) -> Option<usize> {
    let mut i = 0;
    while let Some(at) = rest[i..].find('`') {
        let start = i + at;
        let len = run_at(&rest[start..]);
        if len == n {
            return Some(start);
        }
        i = start + len;
    }
    None
}

/// A message for a table cell: what CommonMark would read as a code span (a run of backticks
/// closed by a run of the same length) stays code, re-fenced so that nothing in it can close it
/// early; everything else is escaped text. Active characters are made inert first.
pub fn cell(s: &str) -> String {
    inline(&cut(s))
}

/// [`cell`] without the cut, for text of the tool's own that may be longer (what a rule needs).
pub fn inline(s: &str) -> String {
    let s = super::inert_but(s, &['\r', '\n']);
    let mut out = String::with_capacity(s.len() + 16);
    let (mut i, mut text_from) = (0, 0);
    while let Some(at) = s[i..].find('`') {
        let start = i + at;
        let n = run_at(&s[start..]);
        match closing(&s[start + n..], n) {
            Some(len) => {
                out.push_str(&escape_text(&s[text_from..start]));
                out.push_str(&code(&s[start + n..start + n + len]));
                i = start + n + len + n;
                text_from = i;
            }
            // Backticks that open nothing are text.
            None => i = start + n,
        }
    }
    out.push_str(&escape_text(&s[text_from..]));
    out
}

/// `s` as a code span, whatever backticks it holds; active characters are made inert.
pub fn code(s: &str) -> String {
    let s = super::inert(s);
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if longest > 0 { " " } else { "" };
    format!("{fence}{pad}{}{pad}{fence}", escape_code(&s))
}

fn location(d: &Diagnostic) -> String {
    code(&format!("{}:{}", d.file, d.start.line))
}

fn more(out: &mut String, hidden: usize, what: &str) {
    if hidden > 0 {
        let _ = writeln!(out, "\n_…and {} not shown here._", plural(hidden, &format!("more {what}"), &format!("more {what}s")));
    }
}

pub fn render(view: &RunView) -> String {
    let s = view.summary;
    let mut out = String::new();
    if s.errors > 0 {
        let _ = writeln!(out, "## ❌ govlint: {}", plural(s.errors, "error", "errors"));
    } else {
        let _ = writeln!(out, "## ✅ govlint: no errors");
    }
    out.push_str("\n| artifacts | errors | warnings | notes | suppressed | checks without evidence |\n|---:|---:|---:|---:|---:|---:|\n");
    let _ = writeln!(out, "| {} | {} | {} | {} | {} | {} |", s.artifacts, s.errors, s.warnings, s.notes, view.suppressed.len(), s.no_evidence);

    if !view.diagnostics.is_empty() {
        out.push_str("\n| severity | rule | location | message |\n|---|---|---|---|\n");
        for d in view.diagnostics.iter().take(MAX_ROWS) {
            let _ = writeln!(out, "| {} | {} | {} | {} |", severity(d.severity), code(&d.rule), location(d), cell(&d.message));
        }
        more(&mut out, view.diagnostics.len().saturating_sub(MAX_ROWS), "finding");
    }

    if !view.suppressed.is_empty() {
        let n = view.suppressed.len();
        let _ = writeln!(out, "\n<details>\n<summary>{} (not counted)</summary>\n", plural(n, "suppressed finding", "suppressed findings"));
        for d in view.suppressed.iter().take(MAX_ROWS) {
            let _ = write!(out, "- {} {} {} — {}", severity(d.severity), code(&d.rule), location(d), cell(&d.message));
            if let Some(sup) = &d.suppression {
                let _ = write!(out, " — **{}**", sup.kind.as_str());
                if let Some(reason) = &sup.reason {
                    let _ = write!(out, ": {}", cell(reason));
                }
                let extra: Vec<String> = [
                    sup.approved_by.as_deref().map(|a| format!("approved by {}", cell(a))),
                    sup.expires.as_deref().map(|e| format!("expires {}", cell(e))),
                ]
                .into_iter()
                .flatten()
                .collect();
                if !extra.is_empty() {
                    let _ = write!(out, " ({})", extra.join(", "));
                }
            }
            out.push('\n');
        }
        more(&mut out, n.saturating_sub(MAX_ROWS), "suppressed finding");
        out.push_str("\n</details>\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::{empty_view, sample_view};

    #[test]
    fn sample() {
        insta::assert_snapshot!(render(&sample_view()));
    }

    #[test]
    fn empty_run() {
        insta::assert_snapshot!(render(&empty_view()));
    }

    #[test]
    fn cells_escape_pipes_breaks_and_html_but_keep_code() {
        assert_eq!(cell("a | b\nc <d> & `x|y`"), "a \\| b<br>c &lt;d&gt; &amp; `x\\|y`");
        assert_eq!(cell("odd ` tick <"), "odd \\` tick &lt;");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(cut(&"é".repeat(MAX_TEXT + 5)).chars().count(), MAX_TEXT + 1);
    }

    #[test]
    fn cells_pair_backtick_runs_as_commonmark_does() {
        // A backslash before a backtick would keep it from opening a span: the backslash is
        // escaped, so the backtick does open one, and the HTML stays code.
        assert_eq!(cell("\\` <img src=x> \\`"), "\\\\` <img src=x> \\`");
        // Runs of two close runs of two; a run of one inside stays code.
        assert_eq!(cell("a ``b`<i>`c`` d"), "a `` b`<i>`c `` d");
        // A run that nothing closes is text, and so is what follows it.
        assert_eq!(cell("``x` <img>"), "\\`\\`x\\` &lt;img&gt;");
        // Links, emphasis and control characters.
        assert_eq!(cell("[a](b) *c* \u{1b}[31m"), "\\[a\\](b) \\*c\\* \\\\u{1b}\\[31m");
    }

    #[test]
    fn long_runs_are_capped() {
        let base = sample_view();
        let many: Vec<Diagnostic> = (0..MAX_ROWS + 7).map(|_| base.diagnostics[0].clone()).collect();
        let view = RunView { diagnostics: &many, ..base };
        let text = render(&view);
        assert_eq!(text.lines().filter(|l| l.starts_with("| ❌ error")).count(), MAX_ROWS);
        assert!(text.contains("_…and 7 more findings not shown here._"));
    }
}
