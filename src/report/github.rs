//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per finding that
//! counts, which the runner turns into an annotation on the pull request's diff, then a plain
//! summary line for the log.
//!
//! Values are escaped exactly as GitHub's toolkit (`@actions/core`, `command.ts`) escapes them,
//! since the runner undoes exactly that: in the message `%`, CR and LF; in a property value
//! `:` and `,` as well. Other control characters (ESC…) are written inert first (see
//! [`super::inert`]): the runner prints the line in the log as it is. Suppressed findings are not
//! annotated: an annotation asks for a fix.
//!
//! The runner shows at most 10 error and 10 warning annotations per step (and 50 per job); the
//! rest stay in the log. Findings come in output order, so the first ones shown are stable.

use std::fmt::Write as _;

use super::RunView;
use crate::diagnostic::{Diagnostic, Severity};

/// `escapeData` of `@actions/core`, after the other active characters are made inert.
pub fn escape_data(s: &str) -> String {
    super::inert_but(s, &['\r', '\n']).replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// `escapeProperty` of `@actions/core`.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    }
}

/// One workflow command for a finding, without the line end.
pub fn annotation(d: &Diagnostic) -> String {
    let properties = [
        ("file", d.file.to_string()),
        ("line", d.start.line.to_string()),
        ("col", d.start.column.to_string()),
        ("endLine", d.end.line.to_string()),
        ("endColumn", d.end.column.to_string()),
        ("title", d.rule.clone()),
    ];
    let properties: Vec<String> = properties.iter().map(|(k, v)| format!("{k}={}", escape_property(v))).collect();
    let message = match &d.help {
        Some(h) => format!("{}\nhelp: {h}", d.message),
        None => d.message.clone(),
    };
    format!("::{} {}::{}", command(d.severity), properties.join(","), escape_data(&message))
}

pub fn render(view: &RunView) -> String {
    let mut out = String::new();
    for d in view.diagnostics {
        out.push_str(&annotation(d));
        out.push('\n');
    }
    let _ = writeln!(out, "govlint: {}", view.summary.line());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::{empty_view, sample_view, DEPLOYMENT};

    #[test]
    fn sample() {
        insta::assert_snapshot!(render(&sample_view()));
    }

    #[test]
    fn empty_run_is_only_the_summary() {
        assert_eq!(render(&empty_view()), "govlint: 0 artifacts, 0 errors, 0 warnings, 0 notes, 0 waived; 0 checks without evidence\n");
    }

    #[test]
    fn escapes_as_the_toolkit_does() {
        assert_eq!(escape_data("a%b\r\nc:d,e"), "a%25b%0D%0Ac:d,e");
        assert_eq!(escape_property("a%b\r\nc:d,e"), "a%25b%0D%0Ac%3Ad%2Ce");
        // `%` first, so that an escape is never escaped twice.
        assert_eq!(escape_property("%3A"), "%253A");
    }

    #[test]
    fn one_line_per_counted_finding() {
        let view = sample_view();
        let text = render(&view);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), view.diagnostics.len() + 1);
        assert!(lines[..lines.len() - 1].iter().all(|l| l.starts_with("::")));
        assert!(!text.contains("DP007") && !text.contains("DS004"), "suppressed findings are not annotated");
        let deploy = lines.iter().find(|l| l.contains("title=DP003")).unwrap();
        assert!(deploy.starts_with(&format!("::warning file={},", escape_property(DEPLOYMENT))));
    }
}
