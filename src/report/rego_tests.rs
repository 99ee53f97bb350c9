//! Output of `govlint test`: failures with file:line, optional coverage, and the closing line
//! `N passed, N failed`.

use std::fmt::Write as _;

use crate::policy::testing::TestReport;

pub fn render(report: &TestReport) -> String {
    let mut out = String::new();
    for c in &report.cases {
        if let Some(why) = &c.failure {
            let _ = writeln!(out, "FAIL {}:{}: {}.{}: {why}", c.file, c.line, c.package, c.name);
        }
    }
    if !report.coverage.is_empty() {
        out.push_str("\ncoverage:\n");
        for f in &report.coverage {
            let _ = writeln!(out, "  {:>6.1}%  {}/{} lines  {}", f.percent(), f.covered, f.total, f.file);
        }
        let _ = writeln!(out, "  {:>6.1}%  total", report.total_coverage());
        out.push('\n');
    }
    let _ = writeln!(out, "{} passed, {} failed", report.passed(), report.failed());
    out
}
