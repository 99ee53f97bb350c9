//! `# METADATA` blocks of Rego files. regorus does not read them, so govlint does: the comment
//! lines after `# METADATA` form a YAML document (OPA's annotation format), parsed with source
//! positions so a malformed block is reported at its line in the `.rego` file.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::classify::Kind;
use crate::diagnostic::{Diagnostic, Severity};
use crate::parse::{yaml, Limits};
use crate::source::SourceFile;

/// A reference a rule cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resource {
    #[serde(rename = "ref")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The `custom:` part of a bundled rule's metadata.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Custom {
    pub id: Option<String>,
    pub severity: Option<Severity>,
    #[serde(default)]
    pub kinds: Vec<Kind>,
    pub layer: Option<String>,
    pub stage: Option<String>,
    /// Framework → clause(s) behind the rule.
    #[serde(default)]
    pub frameworks: BTreeMap<String, Clauses>,
    pub remediation: Option<String>,
    /// Parameters the rule reads from `data.govlint.params`.
    #[serde(default)]
    pub params: Vec<String>,
    /// Whether a threshold comes from a secondary summary rather than the standard's text.
    #[serde(default)]
    pub secondary_source: Option<String>,
    /// Examples for `govlint explain`: `pass` and `fail` snippets.
    #[serde(default)]
    pub examples: BTreeMap<String, String>,
    /// The evidence the rule judges (docs/policies.md, "Evidence").
    #[serde(default)]
    pub evidence: Option<Evidence>,
    /// Localized texts, by language tag.
    #[serde(default)]
    pub i18n: BTreeMap<String, BTreeMap<String, Value>>,
}

/// `custom.evidence`: what a rule needs to judge a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The facts the rule judges and where they are declared, for people: the audit report
    /// shows it where the rule found none.
    #[serde(default)]
    pub needs: Option<String>,
    /// Dot-separated document paths (`governance.filing.number`). Without an `evidence` rule in
    /// the policy, a document with a value at one of them is evidence.
    #[serde(default)]
    pub fields: Vec<String>,
}

/// One clause or several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Clauses {
    One(String),
    Many(Vec<String>),
}

impl Clauses {
    pub fn joined(&self) -> String {
        match self {
            Clauses::One(s) => s.clone(),
            Clauses::Many(v) => v.join("; "),
        }
    }
}

/// A `# METADATA` block.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub scope: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub related_resources: Vec<Resource>,
    #[serde(default)]
    pub custom: Custom,
}

/// Reads the first `# METADATA` block of a Rego file; `Ok(None)` when there is none.
pub fn parse(source: &Arc<SourceFile>) -> Result<Option<Metadata>, Vec<Diagnostic>> {
    let text = source.text.as_str();
    let mut start = 0;
    let mut lines = text.split_inclusive('\n');
    // Find the `# METADATA` line.
    loop {
        let Some(line) = lines.next() else { return Ok(None) };
        start += line.len();
        if line.trim_end() == "# METADATA" {
            break;
        }
    }
    // The block is the following comment lines; strip `# ` (or `#`) and keep byte positions by
    // blanking the prefix instead of removing it, so the YAML parser's offsets stay the file's.
    let mut yaml_text = String::new();
    for line in lines {
        let trimmed = line.trim_start();
        if !trimmed.starts_with('#') {
            break;
        }
        let indent = line.len() - trimmed.len();
        let prefix = if trimmed.starts_with("# ") { 2 } else { 1 };
        yaml_text.push_str(&" ".repeat(indent + prefix));
        yaml_text.push_str(&trimmed[prefix..]);
    }
    // The blanked prefix shifts every line right by the same amount, which YAML accepts; the
    // text before the block is blanked too, so offsets in the shadow are offsets in the file.
    let padded = format!("{}{}", blank_like(&text[..start]), yaml_text);
    let shadow = SourceFile::new(source.name.clone(), padded);
    let parsed = yaml::parse(&shadow, start, &shadow.text[start..], &Limits::default());
    let relocate = |mut d: Diagnostic| {
        d.start = source.position(d.span.start);
        d.end = source.position(d.span.end);
        d.rule = "policy-metadata".to_string();
        d
    };
    if !parsed.diagnostics.is_empty() {
        return Err(parsed.diagnostics.into_iter().map(relocate).collect());
    }
    let Some(doc) = parsed.documents.into_iter().next() else { return Ok(Some(Metadata::default())) };
    match serde_json::from_value::<Metadata>(doc.value.clone()) {
        Ok(m) => Ok(Some(m)),
        Err(e) => {
            let span = doc.map.get("").map(|n| n.value).unwrap_or(doc.span);
            Err(vec![Diagnostic::at(source, crate::source::Span::new(span.start, span.start), "policy-metadata", Severity::Error, format!("invalid METADATA block: {e}"))])
        }
    }
}

/// Text of the same byte length and line structure as `s`, but blank.
fn blank_like(s: &str) -> String {
    s.bytes().map(|b| if b == b'\n' { '\n' } else { ' ' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_block() {
        let f = SourceFile::new(
            "p.rego",
            "# METADATA\n# title: T\n# related_resources:\n#   - ref: https://x\n# custom:\n#   id: MC001\n#   severity: error\n#   kinds: [model-card]\n#   frameworks:\n#     eu-ai-act: \"Annex XI 1(f)\"\npackage govlint.rules.mc001\n".to_string(),
        );
        let m = parse(&f).unwrap().unwrap();
        assert_eq!(m.title.as_deref(), Some("T"));
        assert_eq!(m.custom.id.as_deref(), Some("MC001"));
        assert_eq!(m.custom.kinds, vec![Kind::ModelCard]);
        assert_eq!(m.custom.frameworks["eu-ai-act"].joined(), "Annex XI 1(f)");
        assert_eq!(m.related_resources[0].reference, "https://x");
    }

    #[test]
    fn bad_yaml_is_located_in_the_rego_file() {
        let f = SourceFile::new("p.rego", "# METADATA\n# title: [unclosed\n# x: 1\npackage p\n".to_string());
        let e = parse(&f).unwrap_err();
        assert!(e[0].start.line >= 2 && e[0].start.line <= 4, "{:?}", e[0].start);
    }

    #[test]
    fn no_block() {
        let f = SourceFile::new("p.rego", "package p\n".to_string());
        assert_eq!(parse(&f).unwrap(), None);
    }
}
