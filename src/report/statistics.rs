//! `--statistics`: the findings of a run counted per rule and severity, most frequent first,
//! as `ruff --statistics` counts them. Only findings that count are counted (not the waived,
//! inline-ignored, baseline or excepted ones), and all of them, whatever `-q` prints.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;
use unicode_width::UnicodeWidthStr;

use crate::diagnostic::{Diagnostic, Severity};

/// One line of the table: how many findings a rule made at one severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    pub count: usize,
    pub rule: String,
    pub severity: Severity,
    /// The rule's title in the output language; `None` for a policy without one.
    pub title: Option<String>,
}

/// The rows of `diags`: one per rule and severity (a policy's result may set its own), sorted by
/// count (most first), then rule id, then severity (errors first). `title` gives a rule's
/// English title; a finding's translated title wins over it.
pub fn rows(diags: &[Diagnostic], title: impl Fn(&str) -> Option<String>) -> Vec<Row> {
    let mut counts: BTreeMap<(&str, Severity), (usize, Option<&str>)> = BTreeMap::new();
    for d in diags {
        let e = counts.entry((d.rule.as_str(), d.severity)).or_insert((0, None));
        e.0 += 1;
        if e.1.is_none() {
            e.1 = d.localized.as_ref().and_then(|l| l.title.as_deref());
        }
    }
    let mut rows: Vec<Row> = counts
        .into_iter()
        .map(|((rule, severity), (count, localized))| Row {
            count,
            rule: rule.to_string(),
            severity,
            title: localized.map(str::to_string).or_else(|| title(rule)),
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(&b.rule)).then_with(|| b.severity.cmp(&a.severity)));
    rows
}

/// The table for people: count, rule, severity and title in aligned columns, one rule per line.
/// Titles come from the rules' metadata and user policies: printed inert.
pub fn render(rows: &[Row]) -> String {
    let count_width = rows.iter().map(|r| r.count.to_string().len()).max().unwrap_or(1);
    let rule_width = rows.iter().map(|r| super::inert(&r.rule).width()).max().unwrap_or(0);
    let mut out = String::new();
    for r in rows {
        let rule = super::inert(&r.rule);
        let pad = rule_width - rule.width();
        let title = r.title.as_deref().map(super::inert).unwrap_or_default();
        let line = format!("{:>count_width$}  {rule}{:pad$}  {:<7}  {title}", r.count, "", r.severity.as_str());
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::sample_view;

    fn title(rule: &str) -> Option<String> {
        sample_view().rules.iter().find(|r| r.id == rule).map(|r| r.title.clone())
    }

    #[test]
    fn sample() {
        let view = sample_view();
        let mut diags = view.diagnostics.to_vec();
        // A second finding of one rule, and one of a policy without a title at two severities.
        diags.push(diags[0].clone());
        let mut user = diags[0].clone();
        user.rule = "main".to_string();
        user.severity = Severity::Warning;
        diags.push(user.clone());
        user.severity = Severity::Error;
        diags.push(user);
        insta::assert_snapshot!(render(&rows(&diags, title)));
    }

    #[test]
    fn empty_run() {
        assert_eq!(render(&rows(&[], title)), "");
    }
}
