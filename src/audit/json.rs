//! The audit report as JSON: the data model itself, versioned by its `version` field and
//! documented in docs/audit-report.md.

use super::AuditReport;

/// Pretty-printed, ending in a line break; keys in declaration order, maps sorted.
pub fn render(report: &AuditReport) -> String {
    let mut s = serde_json::to_string_pretty(report).unwrap_or_default();
    s.push('\n');
    s
}
