//! The error of a run that could not do its job (exit code 2), as opposed to its findings.

use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The tool could not do its job: bad config, bad path, bad flag. Exit code 2.
#[derive(Debug)]
pub struct ToolError {
    pub message: String,
    /// Where the problem is, when it is in a file (a config, a policy).
    pub source: Option<Arc<SourceFile>>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ToolError {
    pub fn msg(message: impl Into<String>) -> Self {
        ToolError { message: message.into(), source: None, diagnostics: Vec::new() }
    }

    pub fn with_diagnostics(message: impl Into<String>, source: Arc<SourceFile>, diagnostics: Vec<Diagnostic>) -> Self {
        ToolError { message: message.into(), source: Some(source), diagnostics }
    }
}

impl std::fmt::Display for ToolError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ToolError {}
