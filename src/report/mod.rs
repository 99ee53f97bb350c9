//! Renderers. Each reads diagnostics (and the sources they point into) and returns text; none
//! prints, and none reaches back into the pipeline.

pub mod human;
pub mod json;
pub mod tests;

use std::str::FromStr;

use crate::diagnostic::{Diagnostic, Sources};
use crate::rules::RuleDoc;

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

/// What a renderer sees of a run. Renderers read this and nothing else.
#[derive(Debug, Clone)]
pub struct RunView<'a> {
    /// Findings that count, sorted.
    pub diagnostics: &'a [Diagnostic],
    /// Findings reported but suppressed (waiver, inline, baseline, policy exception), sorted.
    pub suppressed: &'a [Diagnostic],
    /// The text of every artifact, by display path, for excerpts.
    pub sources: &'a Sources,
    /// Each artifact file with the rule ids evaluated on it, in path order.
    pub artifacts: Vec<ArtifactRules>,
    /// Documentation of every rule that ran or is referenced, by id order.
    pub rules: Vec<RuleDoc>,
    pub summary: Summary,
}

/// An artifact file and the rules that were evaluated on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtifactRules {
    pub file: String,
    pub kinds: Vec<String>,
    pub rules: Vec<String>,
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
