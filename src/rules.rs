//! The rule registry: the pipeline's built-in checks and the bundled Rego rules, documented by
//! their metadata. `govlint rules` and `govlint explain` render it; docs/rules.md is generated
//! from it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::diagnostic::codes;
use crate::policy::{self, metadata::Resource, REPOSITORY_PREFIX, RULES_PREFIX};
use crate::ToolError;

/// One rule's documentation.
#[derive(Debug, Clone, Serialize)]
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
}

/// Every rule: built-in checks, then bundled Rego rules in id order.
pub fn catalog() -> Result<Vec<RuleDoc>, ToolError> {
    let mut out: Vec<RuleDoc> = codes::ALL
        .iter()
        .map(|(id, desc)| RuleDoc {
            id: id.to_string(),
            severity: "error".to_string(),
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
        let c = &meta.custom;
        let id = c.id.clone().unwrap_or_else(|| f.package.clone());
        let key = id.to_ascii_lowercase();
        let rule_params = c
            .params
            .iter()
            .map(|p| (p.clone(), params.get(&key).and_then(|v| v.get(p)).cloned().unwrap_or(serde_json::Value::Null)))
            .collect();
        bundled.push(RuleDoc {
            id,
            severity: c.severity.map(|s| s.as_str().to_string()).unwrap_or_else(|| "error".to_string()),
            kinds: c.kinds.iter().map(|k| k.as_str().to_string()).collect(),
            layer: c.layer.clone(),
            stage: c.stage.clone(),
            frameworks: c.frameworks.iter().map(|(k, v)| (k.clone(), v.joined())).collect(),
            title: meta.title.clone().unwrap_or_default(),
            description: meta.description.clone().unwrap_or_default().trim().to_string(),
            remediation: c.remediation.clone(),
            related_resources: meta.related_resources.clone(),
            examples: c.examples.clone(),
            params: rule_params,
            source: f.path.clone(),
        });
    }
    bundled.sort_by(|a, b| a.id.cmp(&b.id));
    out.extend(bundled);
    Ok(out)
}

fn kinds(r: &RuleDoc) -> String {
    if r.kinds.is_empty() { "any".to_string() } else { r.kinds.join(",") }
}

fn frameworks(r: &RuleDoc) -> String {
    r.frameworks.keys().cloned().collect::<Vec<_>>().join(",")
}

/// A plain-text table.
pub fn table(rules: &[RuleDoc]) -> String {
    let rows: Vec<[String; 6]> = rules
        .iter()
        .map(|r| [r.id.clone(), r.severity.clone(), kinds(r), r.layer.clone().unwrap_or_else(|| "-".into()), frameworks(r), r.title.clone()])
        .collect();
    let header = ["ID", "SEVERITY", "KINDS", "LAYER", "FRAMEWORKS", "TITLE"];
    let mut widths = header.map(str::len);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else {
                let _ = write!(l, "{:<w$}  ", c, w = widths[i]);
            }
        }
        out.push_str(l.trim_end());
        out.push('\n');
    };
    line(&header.map(String::from));
    for row in &rows {
        line(row);
    }
    out
}

/// JSON, versioned.
pub fn json(rules: &[RuleDoc]) -> String {
    let mut s = serde_json::to_string_pretty(&serde_json::json!({"version": 1, "rules": rules})).unwrap_or_default();
    s.push('\n');
    s
}

/// The rules reference, docs/rules.md.
pub fn markdown(rules: &[RuleDoc]) -> String {
    let mut out = String::from("# govlint rules\n\nGenerated by `govlint rules --format markdown` from the rules' metadata; do not edit by hand.\n\n");
    out.push_str("| id | severity | kinds | layer | frameworks | title |\n|---|---|---|---|---|---|\n");
    for r in rules {
        let _ = writeln!(
            out,
            "| [{id}](#{anchor}) | {} | {} | {} | {} | {} |",
            r.severity,
            kinds(r),
            r.layer.clone().unwrap_or_else(|| "-".into()),
            frameworks(r).replace(',', ", "),
            r.title.replace('|', "\\|"),
            id = r.id,
            anchor = r.id.to_ascii_lowercase(),
        );
    }
    for r in rules {
        out.push('\n');
        out.push_str(&explain_markdown(r));
    }
    out
}

fn explain_markdown(r: &RuleDoc) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n\n**{}** — severity `{}`, kinds: {}", r.id, r.title, r.severity, kinds(r));
    if let (Some(l), Some(s)) = (&r.layer, &r.stage) {
        let _ = writeln!(out, "\nCAICT layer: {l}; stage: {s}");
    }
    if !r.description.is_empty() && r.description != r.title {
        let _ = writeln!(out, "\n{}", r.description);
    }
    if !r.frameworks.is_empty() {
        out.push_str("\nFrameworks:\n\n");
        for (k, v) in &r.frameworks {
            let _ = writeln!(out, "- {k}: {v}");
        }
    }
    if let Some(rem) = &r.remediation {
        let _ = writeln!(out, "\nHow to fix: {}", rem.trim());
    }
    if !r.params.is_empty() {
        out.push_str("\nParameters (`params:` in govlint.yaml):\n\n");
        for (k, v) in &r.params {
            let _ = writeln!(out, "- `{}.{k}` = `{v}`", r.id.to_ascii_lowercase());
        }
    }
    for (label, snippet) in &r.examples {
        let _ = writeln!(out, "\nExample ({label}):\n\n```yaml\n{}\n```", snippet.trim_end());
    }
    if !r.related_resources.is_empty() {
        out.push_str("\nReferences:\n\n");
        for res in &r.related_resources {
            match &res.description {
                Some(d) => {
                    let _ = writeln!(out, "- {} — {d}", res.reference);
                }
                None => {
                    let _ = writeln!(out, "- {}", res.reference);
                }
            }
        }
    }
    let _ = writeln!(out, "\nSource: `{}`", r.source);
    out
}

/// `govlint explain ID`.
pub fn explain(r: &RuleDoc) -> String {
    explain_markdown(r)
}

/// Documentation for the rules of a run: the catalog, plus an entry for each user policy
/// package (from its metadata, if any) so that every finding's rule is described.
pub fn for_run(packages: &[crate::policy::Package]) -> Vec<RuleDoc> {
    let mut rules = catalog().unwrap_or_default();
    for p in packages.iter().filter(|p| !p.builtin) {
        let meta = p.meta.clone().unwrap_or_default();
        let c = &meta.custom;
        let id = c.id.clone().unwrap_or_else(|| p.name.clone());
        if rules.iter().any(|r| r.id == id) {
            continue;
        }
        rules.push(RuleDoc {
            id,
            severity: c.severity.map(|s| s.as_str().to_string()).unwrap_or_else(|| "error".to_string()),
            kinds: c.kinds.iter().map(|k| k.as_str().to_string()).collect(),
            layer: c.layer.clone(),
            stage: c.stage.clone(),
            frameworks: c.frameworks.iter().map(|(k, v)| (k.clone(), v.joined())).collect(),
            title: meta.title.clone().unwrap_or_else(|| format!("policy {}", p.name)),
            description: meta.description.clone().unwrap_or_default(),
            remediation: c.remediation.clone(),
            related_resources: meta.related_resources.clone(),
            examples: c.examples.clone(),
            params: BTreeMap::new(),
            source: p.file.clone(),
        });
    }
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    rules
}
