//! JUnit XML, for the test tabs of CI systems, built with quick-junit.
//!
//! One test suite per file, one test case per rule evaluated on it: a case fails when the rule
//! has a finding that counts in that file (of any severity — the failure's `type` says which),
//! and passes otherwise; a case whose findings are all suppressed passes, with a note of what
//! was suppressed and why in its `system-out`. Files and rules that have findings but are not in
//! the run's artifact list (a file that could not be read, a repository rule reported on the
//! config) get a suite and a case too, so that no finding is left out of the counts. No
//! timestamps, durations or host names: the same run gives the same bytes.

use std::collections::BTreeMap;

use quick_junit::{NonSuccessKind, Property, Report, TestCase, TestCaseStatus, TestSuite};

use super::{inert, RunView};
use crate::diagnostic::Diagnostic;

#[derive(Default)]
struct Case<'a> {
    counted: Vec<&'a Diagnostic>,
    suppressed: Vec<&'a Diagnostic>,
}

/// A finding on one line: its file name and message inert (see [`super::inert`]), since CI
/// systems print the report's text in their logs.
fn location(d: &Diagnostic) -> String {
    format!("{}:{}:{}: {}", inert(&d.file), d.start.line, d.start.column, inert(&d.message))
}

pub fn render(view: &RunView) -> String {
    // file → rule → findings; BTreeMaps give the output order.
    let mut files: BTreeMap<&str, BTreeMap<&str, Case>> = BTreeMap::new();
    for a in &view.artifacts {
        let cases = files.entry(a.file.as_str()).or_default();
        for r in &a.rules {
            cases.entry(r.as_str()).or_default();
        }
    }
    for d in view.diagnostics {
        files.entry(&*d.file).or_default().entry(d.rule.as_str()).or_default().counted.push(d);
    }
    for d in view.suppressed {
        files.entry(&*d.file).or_default().entry(d.rule.as_str()).or_default().suppressed.push(d);
    }
    let kinds: BTreeMap<&str, &[String]> = view.artifacts.iter().map(|a| (a.file.as_str(), a.kinds.as_slice())).collect();

    let mut report = Report::new("govlint");
    for (file, cases) in files {
        let mut suite = TestSuite::new(inert(file).into_owned());
        if let Some(k) = kinds.get(file).filter(|k| !k.is_empty()) {
            suite.add_property(Property::new("kinds", k.join(",")));
        }
        for (rule, case) in cases {
            let status = match case.counted.first() {
                Some(first) => {
                    let worst = case.counted.iter().map(|d| d.severity).max().unwrap_or(first.severity);
                    let mut s = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    s.set_message(inert(&first.message));
                    s.set_type(worst.as_str());
                    s.set_description(case.counted.iter().map(|d| location(d)).collect::<Vec<_>>().join("\n"));
                    s
                }
                None => TestCaseStatus::success(),
            };
            let mut tc = TestCase::new(inert(rule).into_owned(), status);
            tc.set_classname(inert(file).into_owned());
            if !case.suppressed.is_empty() {
                let notes: Vec<String> = case
                    .suppressed
                    .iter()
                    .map(|d| {
                        let s = d.suppression.as_ref();
                        let kind = s.map_or("suppressed", |s| s.kind.as_str());
                        match s.and_then(|s| s.reason.as_deref()) {
                            Some(reason) => format!("suppressed ({kind}: {}): {}", inert(reason), location(d)),
                            None => format!("suppressed ({kind}): {}", location(d)),
                        }
                    })
                    .collect();
                tc.set_system_out(notes.join("\n"));
            }
            suite.add_test_case(tc);
        }
        report.add_test_suite(suite);
    }
    report.to_string().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::{empty_view, sample_view, UNREADABLE};

    #[test]
    fn sample() {
        insta::assert_snapshot!(render(&sample_view()));
    }

    #[test]
    fn round_trips_and_counts_match() {
        let view = sample_view();
        let xml = render(&view);
        let report = Report::deserialize_from_str(&xml).expect("well-formed JUnit XML");
        let cases: usize = view.artifacts.iter().map(|a| a.rules.len()).sum::<usize>() + 1; // + the unreadable file's case
        assert_eq!(report.tests, cases);
        // duplicate-key, MC001, MC010, DP003, read-error.
        assert_eq!(report.failures, 5);
        assert_eq!(report.errors, 0);
        assert_eq!(report.test_suites.len(), view.artifacts.len() + 1);
        assert!(report.test_suites.iter().any(|s| &*s.name == UNREADABLE));
        for s in &report.test_suites {
            assert_eq!(s.tests, s.test_cases.len());
        }
    }

    #[test]
    fn suppressed_only_case_passes_with_a_note() {
        let report = Report::deserialize_from_str(&render(&sample_view())).unwrap();
        let case = report.test_suites.iter().flat_map(|s| &s.test_cases).find(|c| &*c.name == "DP007").unwrap();
        assert!(matches!(case.status, TestCaseStatus::Success { .. }));
        assert!(case.system_out.as_ref().unwrap().as_str().contains("waiver: labels are applied by the API gateway"));
    }

    #[test]
    fn empty_run_is_an_empty_report() {
        let report = Report::deserialize_from_str(&render(&empty_view())).unwrap();
        assert_eq!((report.tests, report.failures, report.test_suites.len()), (0, 0, 0));
    }
}
