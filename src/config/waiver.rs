//! A waiver as govlint.yaml declares it: which rule, where, why, approved by whom, until when.
//! Applying waivers to findings is `waivers`'.

use std::path::Path;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::diagnostic::{Diagnostic, Suppression, SuppressionKind};
use crate::source::Span;

/// A waiver from govlint.yaml.
#[derive(Debug, Clone)]
pub struct Waiver {
    pub rule: String,
    pub paths: Vec<String>,
    globs: GlobSet,
    /// JSON pointer the waiver is limited to (the value and everything below it).
    pub pointer: Option<String>,
    pub reason: String,
    pub approved_by: String,
    /// `YYYY-MM-DD`.
    pub expires: Option<String>,
    /// Where the waiver is written in the config.
    pub span: Span,
    /// Where its `rule` is written.
    pub rule_span: Span,
}

/// The raw form in the config.
#[derive(Debug, Clone, Deserialize)]
pub struct RawWaiver {
    pub rule: String,
    pub paths: Vec<String>,
    pub path: Option<PathSpec>,
    pub reason: String,
    pub approved_by: String,
    pub expires: Option<String>,
}

/// A JSON path as a pointer string or an array of keys and indices.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum PathSpec {
    Pointer(String),
    Keys(Vec<serde_json::Value>),
}

impl Waiver {
    pub fn new(raw: RawWaiver, span: Span, rule_span: Span) -> Result<Waiver, String> {
        let mut b = GlobSetBuilder::new();
        for p in &raw.paths {
            b.add(path_glob(p).map_err(|e| format!("invalid glob `{p}` in a waiver: {}", e.kind()))?);
        }
        let globs = b.build().map_err(|e| e.to_string())?;
        let pointer = raw.path.map(|p| match p {
            PathSpec::Pointer(s) => s,
            PathSpec::Keys(keys) => crate::policy::result_pointer(&serde_json::json!({ "path": keys })).unwrap_or_default(),
        });
        Ok(Waiver {
            rule: raw.rule,
            paths: raw.paths,
            globs,
            pointer,
            reason: raw.reason,
            approved_by: raw.approved_by,
            expires: raw.expires,
            span,
            rule_span,
        })
    }

    /// Whether the waiver has expired by `today` (`YYYY-MM-DD`; it holds through its expiry day).
    pub fn expired(&self, today: &str) -> bool {
        self.expires.as_deref().is_some_and(|e| e < today)
    }

    pub(crate) fn matches(&self, d: &Diagnostic, relative: &Path) -> bool {
        d.rule == self.rule
            && self.globs.is_match(relative)
            && self.pointer.as_deref().is_none_or(|p| {
                d.pointer.as_deref().is_some_and(|dp| dp == p || dp.starts_with(&format!("{p}/")))
            })
    }

    pub(crate) fn suppression(&self) -> Suppression {
        Suppression {
            kind: SuppressionKind::Waiver,
            reason: Some(self.reason.clone()),
            approved_by: Some(self.approved_by.clone()),
            expires: self.expires.clone(),
        }
    }
}

/// A path glob of the config (a waiver's `paths`, `kinds:`, `exclude:`), matched against a path
/// relative to the config's directory as gitignore matches a pattern that holds a `/`: `*`,
/// `?` and `[…]` stay within one path segment, `**` spans any number of them (`deploy/*.yaml`
/// is not `deploy/a/b.yaml`; `deploy/**/*.yaml` is). A waiver or an exclude that reached
/// further than it reads would hide findings nobody approved, or skip files nobody meant to.
pub fn path_glob(pattern: &str) -> Result<globset::Glob, globset::Error> {
    GlobBuilder::new(pattern).literal_separator(true).build()
}
