//! JSON output, version 1 (documented in docs/json-output.md). Field order is fixed; the
//! document is pretty-printed and ends with a newline.

use serde::Serialize;

use super::Summary;
use crate::diagnostic::Diagnostic;

/// The version of the JSON document; bumped on any incompatible change.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct SpanOut {
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct DiagOut<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    file: &'a str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    span: SpanOut,
    label: Option<&'a str>,
    help: Option<&'a str>,
    pointer: Option<&'a str>,
    document: Option<usize>,
    kind: Option<&'a str>,
    frameworks: &'a std::collections::BTreeMap<String, String>,
    details: Option<&'a serde_json::Value>,
    fingerprint: String,
    suppression: Option<&'a crate::diagnostic::Suppression>,
    /// Present only when the output language is not English.
    #[serde(skip_serializing_if = "Option::is_none")]
    localized: Option<&'a crate::lang::Localized>,
}

#[derive(Serialize)]
struct Doc<'a> {
    version: u32,
    tool: Tool,
    diagnostics: List<'a>,
    suppressed: List<'a>,
    summary: Summary,
    /// Only with `--statistics`.
    #[serde(skip_serializing_if = "Option::is_none")]
    statistics: Option<&'a [super::statistics::Row]>,
    /// Only with `--timings`.
    #[serde(skip_serializing_if = "Option::is_none")]
    timings: Option<&'a crate::timings::Report>,
}

/// Diagnostics serialized one by one as they are written, not gathered first.
struct List<'a>(&'a [Diagnostic]);

impl Serialize for List<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(out))
    }
}

fn out(d: &Diagnostic) -> DiagOut<'_> {
    DiagOut {
                rule: &d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                file: &d.file,
                line: d.start.line,
                column: d.start.column,
                end_line: d.end.line,
                end_column: d.end.column,
                span: SpanOut { start: d.span.start, end: d.span.end },
                label: d.label.as_deref(),
                help: d.help.as_deref(),
                pointer: d.pointer.as_deref(),
                document: d.document,
                kind: d.kind.as_deref(),
                frameworks: &d.frameworks,
                details: d.details.as_deref(),
                fingerprint: d.fingerprint(),
                suppression: d.suppression.as_deref(),
                localized: d.localized.as_deref(),
    }
}

pub fn render(diags: &[Diagnostic], suppressed: &[Diagnostic], summary: Summary, statistics: Option<&[super::statistics::Row]>) -> String {
    let mut out = Vec::new();
    write(&mut out, diags, suppressed, summary, statistics, None).expect("writing to memory does not fail");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// Writes the document to `w` as it is serialized (a large run's output is never held whole);
/// `statistics`, when given, as its last field.
pub fn write(
    w: &mut dyn std::io::Write,
    diags: &[Diagnostic],
    suppressed: &[Diagnostic],
    summary: Summary,
    statistics: Option<&[super::statistics::Row]>,
    timings: Option<&crate::timings::Report>,
) -> std::io::Result<()> {
    let doc = Doc {
        version: VERSION,
        tool: Tool { name: "govlint", version: env!("CARGO_PKG_VERSION") },
        diagnostics: List(diags),
        suppressed: List(suppressed),
        summary,
        statistics,
        timings,
    };
    serde_json::to_writer_pretty(&mut *w, &doc)?;
    w.write_all(b"\n")
}
