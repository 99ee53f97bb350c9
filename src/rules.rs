//! The rule registry: the pipeline's built-in checks and the bundled Rego rules, documented by
//! their metadata. `govlint rules` and `govlint explain` render it; docs/rules.md is generated
//! from it.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::diagnostic::codes;
use crate::i18n::{self, Lang};
use crate::policy::{self, metadata::Resource, REPOSITORY_PREFIX, RULES_PREFIX};
use crate::error::ToolError;

/// One rule's documentation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleDoc {
    pub id: String,
    pub severity: String,
    pub kinds: Vec<String>,
    pub layer: Option<String>,
    pub stage: Option<String>,
    pub frameworks: BTreeMap<String, String>,
    pub title: String,
    pub description: String,
    pub remediation: Option<String>,
    pub related_resources: Vec<Resource>,
    /// `pass`/`fail` snippets.
    pub examples: BTreeMap<String, String>,
    /// Parameters read from `data.govlint.params`, with their defaults.
    pub params: BTreeMap<String, serde_json::Value>,
    /// Where the rule is defined (`policies/…` or `built-in`).
    pub source: String,
    /// The facts the rule needs to judge a document (`custom.evidence.needs`; docs/policies.md,
    /// "Evidence").
    #[serde(default)]
    pub evidence: Option<String>,
}

impl RuleDoc {
    /// A rule's documentation from its metadata; `default_title` stands in for a missing title.
    fn from_meta(
        id: String,
        meta: &policy::metadata::Metadata,
        default_title: String,
        params: BTreeMap<String, serde_json::Value>,
        source: String,
    ) -> RuleDoc {
        let c = &meta.custom;
        RuleDoc {
            id,
            severity: c.severity.map(|s| s.as_str().to_string()).unwrap_or_else(|| "error".to_string()),
            kinds: c.kinds.iter().map(|k| k.as_str().to_string()).collect(),
            layer: c.layer.clone(),
            stage: c.stage.clone(),
            frameworks: c.frameworks.iter().map(|(k, v)| (k.clone(), v.joined())).collect(),
            title: meta.title.clone().unwrap_or(default_title),
            description: meta.description.clone().unwrap_or_default().trim().to_string(),
            remediation: c.remediation.clone(),
            related_resources: meta.related_resources.clone(),
            examples: c.examples.clone(),
            params,
            source,
            evidence: c.evidence.as_ref().and_then(|e| e.needs.as_deref()).map(|n| n.trim().to_string()).filter(|n| !n.is_empty()),
        }
    }
}

/// Every rule: built-in checks, then bundled Rego rules in id order.
pub fn catalog() -> Result<Vec<RuleDoc>, ToolError> {
    let mut out: Vec<RuleDoc> = codes::ALL
        .iter()
        .map(|(id, desc)| RuleDoc {
            id: id.to_string(),
            severity: codes::severity(id).as_str().to_string(),
            kinds: Vec::new(),
            layer: None,
            stage: None,
            frameworks: BTreeMap::from([("baseline".to_string(), "hygiene".to_string())]),
            title: desc.to_string(),
            description: desc.to_string(),
            remediation: None,
            related_resources: Vec::new(),
            examples: BTreeMap::new(),
            params: BTreeMap::new(),
            source: "built-in".to_string(),
            evidence: Some("the file itself: every document it holds is read".to_string()),
        })
        .collect();
    let params = policy::default_params();
    let mut bundled = Vec::new();
    for f in policy::bundled_files() {
        if f.is_test() || !(f.package.starts_with(RULES_PREFIX) || f.package.starts_with(REPOSITORY_PREFIX)) {
            continue;
        }
        let meta = policy::metadata::parse(&f.source)
            .map_err(|d| ToolError::with_diagnostics(format!("invalid METADATA in {}", f.path), f.source.clone(), d))?
            .unwrap_or_default();
        let id = meta.custom.id.clone().unwrap_or_else(|| f.package.clone());
        let key = id.to_ascii_lowercase();
        let rule_params = meta
            .custom
            .params
            .iter()
            .map(|p| (p.clone(), params.get(&key).and_then(|v| v.get(p)).cloned().unwrap_or(serde_json::Value::Null)))
            .collect();
        bundled.push(RuleDoc::from_meta(id, &meta, String::new(), rule_params, f.path.clone()));
    }
    bundled.sort_by(|a, b| a.id.cmp(&b.id));
    out.extend(bundled);
    Ok(out)
}

/// `r` with its title, description and remediation in `lang` where it has them (ids, kinds and
/// clause references stay as they are).
pub fn localized(r: &RuleDoc, lang: Lang) -> RuleDoc {
    let mut out = r.clone();
    if let Some(t) = i18n::rule_doc(&r.id, lang) {
        if let Some(title) = t.title {
            out.title = title;
        }
        if let Some(d) = t.description {
            out.description = d;
        }
        if t.remediation.is_some() {
            out.remediation = t.remediation;
        }
        if t.evidence.is_some() {
            out.evidence = t.evidence;
        }
        for (fw, clause) in t.clauses {
            if let Some(slot) = out.frameworks.get_mut(&fw) {
                *slot = clause;
            }
        }
    }
    out
}

/// Where each framework's facts were read, and which numbers come from secondary summaries:
/// `policies/SOURCES.md`, kept with the rules it speaks for.
pub fn sources() -> &'static str {
    crate::policy::BUNDLE.get_file("SOURCES.md").and_then(|f| f.contents_utf8()).unwrap_or_default()
}

/// Documentation for the rules of a run: the catalog, plus an entry for each user policy
/// package (from its metadata, if any) so that every finding's rule is described.
pub fn for_run(packages: &[crate::policy::Package]) -> Vec<RuleDoc> {
    let mut rules = catalog().unwrap_or_default();
    for p in packages.iter().filter(|p| !p.builtin) {
        let meta = p.meta.clone().unwrap_or_default();
        let id = meta.custom.id.clone().unwrap_or_else(|| p.name.clone());
        if rules.iter().any(|r| r.id == id) {
            continue;
        }
        rules.push(RuleDoc::from_meta(id, &meta, format!("policy {}", p.name), BTreeMap::new(), p.file.clone()));
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}
