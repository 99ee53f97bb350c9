//! Filtering findings that should not count: waivers from govlint.yaml (with reason, approver
//! and expiry), inline `govlint-ignore` comments, and a baseline of known findings. Suppressed
//! findings are still reported, with their `suppression`; they never fail a run.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::messages::Msg;
use crate::diagnostic::{Diagnostic, Severity, Suppression, SuppressionKind};
use crate::parse::ParsedFile;
use crate::source::{SourceFile, Span};
use crate::error::ToolError;

pub use crate::config::waiver::{path_glob, RawWaiver, Waiver};

/// Today's date, `YYYY-MM-DD` (UTC), or `GOVLINT_TODAY` when set (for reproducible runs). A
/// `GOVLINT_TODAY` that is not a date in that form is an error: compared as text with the
/// waivers' expiry dates, it would revive every expired waiver (or expire every one).
pub fn today() -> Result<String, ToolError> {
    match std::env::var("GOVLINT_TODAY") {
        Ok(d) if !d.is_empty() => {
            let canonical = chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok().map(|date| date.format("%Y-%m-%d").to_string());
            match canonical {
                Some(c) if c == d => Ok(d),
                _ => Err(ToolError::msg(format!("GOVLINT_TODAY is `{d}`, not a date in the form YYYY-MM-DD (e.g. 2025-06-30)"))),
            }
        }
        _ => Ok(chrono::Utc::now().date_naive().format("%Y-%m-%d").to_string()),
    }
}

/// Rule ids of the findings this module raises (kept with the other built-in ids in
/// [`crate::diagnostic::codes`]).
pub mod codes {
    pub use crate::diagnostic::codes::{BASELINE_STALE, WAIVER_EXPIRED, WAIVER_UNUSED};
}

/// Applies the config's waivers. Returns the findings still counted, plus a finding for each
/// expired waiver and (when `report_unused`) each waiver that matched nothing, among the
/// waivers of the rules that `ran` says the run evaluated; and the indices in `config.waivers`
/// of the waivers that matched a finding (the audit report tells used waivers from unused ones).
pub fn apply_with_usage(
    config: &Config,
    diags: Vec<Diagnostic>,
    today: &str,
    report_unused: bool,
    ran: impl Fn(&str) -> bool,
) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<usize>) {
    let mut used = vec![false; config.waivers.len()];
    // The waived findings are taken out in place: a large run's findings are never held twice.
    let mut kept = diags;
    let waived: Vec<Diagnostic> = kept
        .extract_if(.., |d| {
            if config.waivers.is_empty() {
                return false;
            }
            let rel = config.relative(Path::new(&*d.file));
            let Some((i, w)) = config.waivers.iter().enumerate().find(|(_, w)| !w.expired(today) && w.matches(d, &rel)) else { return false };
            used[i] = true;
            d.suppression = Some(Box::new(w.suppression()));
            true
        })
        .collect();
    if let Some(src) = &config.source {
        // A waiver of a rule the run did not evaluate or report covers nothing it could check:
        // neither its expiry nor its use is the run's to judge.
        for (i, w) in config.waivers.iter().enumerate().filter(|(_, w)| ran(&w.rule)) {
            if w.expired(today) {
                kept.push(
                    Diagnostic::at(
                        src,
                        w.span,
                        codes::WAIVER_EXPIRED,
                        Severity::Error,
                        Msg::WaiverExpired.text(&[&w.rule, &w.paths.join(", "), &w.expires.as_deref().unwrap_or("")]),
                    )
                    .with_label(Msg::ExpiredWaiver.text(&[]))
                    .with_help(Msg::RenewWaiver.text(&[])),
                );
            } else if report_unused && !used[i] {
                kept.push(
                    Diagnostic::at(src, w.span, codes::WAIVER_UNUSED, Severity::Warning, Msg::WaiverUnused.text(&[&w.rule, &w.paths.join(", ")]))
                        .with_label(Msg::UnusedWaiver.text(&[]))
                        .with_help(Msg::RemoveWaiver.text(&[])),
                );
            }
        }
    }
    let used = used.iter().enumerate().filter(|(_, u)| **u).map(|(i, _)| i).collect();
    (kept, waived, used)
}

/// An inline `govlint-ignore` comment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignore {
    pub rules: Vec<String>,
    pub reason: Option<String>,
    /// Lines (1-based, inclusive) the comment covers.
    pub lines: (usize, usize),
    /// The key the comment covers, with everything below it.
    pub pointer: Option<String>,
    /// The document (of a YAML stream) that holds the line the comment covers: the comment
    /// covers nothing in another document, even at the same JSON path.
    pub document: Option<usize>,
}

fn parse_directive(comment: &str) -> Option<(Vec<String>, Option<String>)> {
    let rest = comment.trim().strip_prefix("govlint-ignore:")?.trim();
    let (ids, reason) = match rest.split_once(char::is_whitespace) {
        Some((ids, reason)) => (ids, Some(reason.trim().to_string()).filter(|r| !r.is_empty())),
        None => (rest, None),
    };
    let rules: Vec<String> = ids.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
    (!rules.is_empty()).then_some((rules, reason))
}

/// The inline ignores of a parsed file: `# govlint-ignore: ID[,ID] reason` in YAML (and front
/// matter) covers the key on the next line and its value; `<!-- govlint-ignore: ID reason -->`
/// in a Markdown body covers the next line.
pub fn inline_ignores(parsed: &ParsedFile) -> Vec<Ignore> {
    let src = &parsed.source;
    // Every directive names itself: most files have none, and need no reading line by line.
    if memchr::memmem::find(src.text.as_bytes(), b"govlint-ignore:").is_none() {
        return Vec::new();
    }
    let lines: Vec<&str> = src.text.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let directive = if let Some(c) = t.strip_prefix('#') {
            parse_directive(c)
        } else if let Some(c) = t.strip_prefix("<!--").and_then(|c| c.trim_end().strip_suffix("-->")) {
            parse_directive(c)
        } else {
            None
        };
        let Some((rules, reason)) = directive else { continue };
        // The next line that is neither blank nor a comment.
        let Some(next) = (i + 1..lines.len()).find(|&j| {
            let t = lines[j].trim();
            !t.is_empty() && !t.starts_with('#')
        }) else {
            continue;
        };
        let line_no = next + 1;
        let mut covered = (line_no, line_no);
        let mut pointer = None;
        let at = src.line_span(line_no).start;
        let mut document = parsed.documents.iter().find(|d| d.span.start <= at && at <= d.span.end).map(|d| d.index);
        for doc in &parsed.documents {
            let found = doc
                .map
                .pointers()
                .filter(|(_, n)| n.key.is_some_and(|k| src.position(k.start).line == line_no))
                // The shallowest key on the line; of keys as deep (a flow mapping), the first.
                .min_by_key(|(p, n)| (p.len(), n.key.map(|k| k.start)));
            if let Some((p, n)) = found {
                pointer = Some(p.clone());
                covered = (line_no, src.position(n.value.end).line.max(line_no));
                document = Some(doc.index);
            }
        }
        out.push(Ignore { rules, reason, lines: covered, pointer, document });
    }
    out
}

/// Moves findings covered by an inline ignore to `suppressed`.
pub fn apply_inline(ignores: &[Ignore], diags: Vec<Diagnostic>) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    if ignores.is_empty() {
        return (diags, Vec::new());
    }
    let mut kept = Vec::new();
    let mut suppressed = Vec::new();
    for mut d in diags {
        let hit = ignores.iter().find(|ig| {
            ig.rules.contains(&d.rule)
                && (ig.document.is_none() || d.document.is_none() || ig.document == d.document)
                && (ig.pointer.as_deref().zip(d.pointer.as_deref()).is_some_and(|(p, dp)| dp == p || dp.starts_with(&format!("{p}/")))
                    || (ig.lines.0..=ig.lines.1).contains(&d.start.line))
        });
        match hit {
            Some(ig) => {
                d.suppression = Some(Box::new(Suppression {
                    kind: SuppressionKind::Inline,
                    reason: ig.reason.clone(),
                    approved_by: None,
                    expires: None,
                }));
                suppressed.push(d);
            }
            None => kept.push(d),
        }
    }
    (kept, suppressed)
}

/// The format of the baselines written: 2 since fingerprints name the object a finding is
/// about (see [`Diagnostic::fingerprint`]).
pub const BASELINE_VERSION: u32 = 2;

/// A baseline file: the fingerprints of known findings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<BaselineEntry>,
    /// The file it was read from, for the findings about it.
    #[serde(skip)]
    source: Option<Arc<SourceFile>>,
}

/// One known finding; only `fingerprint` is matched, the rest helps a reader.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct BaselineEntry {
    pub fingerprint: String,
    pub rule: String,
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pointer: Option<String>,
    pub message: String,
}

impl Baseline {
    pub fn of(diags: &[Diagnostic]) -> Baseline {
        let mut findings: Vec<BaselineEntry> = diags
            .iter()
            .map(|d| BaselineEntry {
                fingerprint: d.fingerprint(),
                rule: d.rule.clone(),
                file: d.file.to_string(),
                pointer: d.pointer.clone(),
                message: d.message.clone(),
            })
            .collect();
        findings.sort();
        findings.dedup();
        Baseline { version: BASELINE_VERSION, findings, source: None }
    }

    pub fn load(path: &Path) -> Result<Baseline, ToolError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ToolError::msg(format!("cannot read baseline {}: {}", path.display(), crate::fileio::io_reason(&e))))?;
        let src = SourceFile::new(crate::paths::display_path(path), text);
        let mut baseline: Baseline = serde_json::from_str(&src.text).map_err(|e| {
            let at = src.offset(e.line(), e.column());
            let d = Diagnostic::at(&src, Span::empty(at), "baseline", Severity::Error, format!("invalid baseline: {e}"));
            ToolError::with_diagnostics(format!("invalid baseline {}", path.display()), Arc::clone(&src), vec![d])
        })?;
        if baseline.version > BASELINE_VERSION {
            return Err(ToolError::msg(format!(
                "the baseline {} is of format {}, newer than this govlint reads ({BASELINE_VERSION}): upgrade govlint",
                path.display(),
                baseline.version
            )));
        }
        baseline.source = Some(src);
        Ok(baseline)
    }

    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Moves findings known to the baseline to `suppressed`. Its entries that match nothing
    /// are reported (`baseline-stale`, a warning, at the entry), when `report_unused` (a run
    /// that saw every file): the finding was fixed, or it is now about another object. A
    /// baseline of format 1 is applied to nothing, and says so: its fingerprints did not tell a
    /// replaced object from the one recorded, so the findings it hid are reported again. Entries
    /// of rules that `reported` says the run does not report are never stale.
    pub fn apply(&self, diags: Vec<Diagnostic>, report_unused: bool, reported: impl Fn(&str) -> bool) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
        let mut kept = diags;
        if self.version < BASELINE_VERSION {
            let message = Msg::BaselineOldFormat.text(&[&self.version, &self.findings.len()]);
            kept.push(self.finding(self.offset_of("\"version\""), message, Msg::FormatOne, Msg::WriteBaselineAgain));
            return (kept, Vec::new());
        }
        let known: BTreeSet<&str> = self.findings.iter().map(|f| f.fingerprint.as_str()).collect();
        let mut used = BTreeSet::new();
        let suppressed = kept
            .extract_if(.., |d| {
                let fingerprint = d.fingerprint();
                let hit = known.contains(fingerprint.as_str());
                if hit {
                    d.suppression = Some(Box::new(Suppression { kind: SuppressionKind::Baseline, reason: Some("in the baseline".to_string()), approved_by: None, expires: None }));
                    used.insert(fingerprint);
                }
                hit
            })
            .collect();
        if report_unused {
            for e in self.findings.iter().filter(|e| !used.contains(&e.fingerprint) && reported(&e.rule)) {
                let at = self.offset_of(&format!("\"{}\"", e.fingerprint));
                let message = Msg::BaselineEntryUnused.text(&[&e.rule, &e.file]);
                kept.push(self.finding(at, message, Msg::StaleEntry, Msg::RemoveEntry));
            }
        }
        (kept, suppressed)
    }

    /// Where `needle` first is in the baseline's text (its start when absent).
    fn offset_of(&self, needle: &str) -> usize {
        self.source.as_ref().and_then(|s| s.text.find(needle)).unwrap_or(0)
    }

    /// A `baseline-stale` warning at `at` in the baseline.
    fn finding(&self, at: usize, message: String, label: Msg, help: Msg) -> Diagnostic {
        let source = self.source.clone().unwrap_or_else(|| SourceFile::new("baseline", String::new()));
        Diagnostic::at(&source, Span::empty(at), codes::BASELINE_STALE, Severity::Warning, message).with_label(label.text(&[])).with_help(help.text(&[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse, Limits, Syntax};

    #[test]
    fn directive_syntax() {
        assert_eq!(parse_directive(" govlint-ignore: DP013,DP014 legacy image"), Some((vec!["DP013".into(), "DP014".into()], Some("legacy image".into()))));
        assert_eq!(parse_directive("govlint-ignore: MC001"), Some((vec!["MC001".into()], None)));
        assert_eq!(parse_directive("just a comment"), None);
    }

    #[test]
    fn inline_ignore_covers_the_next_key_and_its_value() {
        let src = SourceFile::new("d.yaml", "a: 1\n# govlint-ignore: X reason\nb:\n  c: 2\n  d: 3\ne: 4\n".to_string());
        let p = parse(src, Syntax::Yaml, &Limits::default());
        let ig = inline_ignores(&p);
        assert_eq!(ig.len(), 1);
        assert_eq!(ig[0].pointer.as_deref(), Some("/b"));
        assert_eq!(ig[0].lines, (3, 5));
    }

    #[test]
    fn inline_ignore_before_a_flow_mapping_takes_its_first_key_every_time() {
        // Two keys as deep on the covered line: the first, whatever order the map holds them in.
        // Each parse makes a map with its own hash seed, so its order differs from run to run.
        for _ in 0..8 {
            let src = SourceFile::new("d.yaml", "# govlint-ignore: X\n{zz: 1, aa: 2, bb: 3}\n".to_string());
            let p = parse(src, Syntax::Yaml, &Limits::default());
            assert_eq!(inline_ignores(&p)[0].pointer.as_deref(), Some("/zz"));
        }
    }
}
