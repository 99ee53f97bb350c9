//! Renderers. Each reads diagnostics (and the sources they point into) and returns text; none
//! prints, and none reaches back into the pipeline.

pub mod human;
pub mod json;
pub mod tests;

use std::str::FromStr;

/// The output formats of `govlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
}

impl FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "human" => Ok(OutputFormat::Human),
            "json" => Ok(OutputFormat::Json),
            other => Err(format!("unknown output format `{other}` (expected human or json)")),
        }
    }
}

/// Counts for the closing summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub artifacts: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Summary {
    pub fn of(outcome: &crate::Outcome) -> Summary {
        use crate::diagnostic::Severity;
        Summary {
            files: outcome.files_read,
            artifacts: outcome.artifacts.len(),
            errors: outcome.count(Severity::Error),
            warnings: outcome.count(Severity::Warning),
            notes: outcome.count(Severity::Note),
        }
    }

    pub fn line(&self) -> String {
        fn n(count: usize, one: &str, many: &str) -> String {
            format!("{count} {}", if count == 1 { one } else { many })
        }
        format!(
            "{}, {}, {}, {}, {}",
            n(self.files, "file read", "files read"),
            n(self.artifacts, "artifact", "artifacts"),
            n(self.errors, "error", "errors"),
            n(self.warnings, "warning", "warnings"),
            n(self.notes, "note", "notes"),
        )
    }
}
