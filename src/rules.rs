//! The rule registry: the pipeline's built-in checks and the bundled Rego rules, documented by
//! their metadata. `govlint rules` and `govlint explain` render it; docs/rules.md is generated
//! from it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use crate::diagnostic::codes;
use crate::i18n::{self, Lang, Ui};
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

fn kinds(r: &RuleDoc, lang: Lang) -> String {
    if r.kinds.is_empty() { i18n::ui(Ui::Any, lang).to_string() } else { r.kinds.join(",") }
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

fn frameworks(r: &RuleDoc) -> String {
    r.frameworks.keys().cloned().collect::<Vec<_>>().join(",")
}

/// A plain-text table.
pub fn table(rules: &[RuleDoc]) -> String {
    table_in(rules, Lang::En)
}

/// A plain-text table, titles in `lang`.
pub fn table_in(rules: &[RuleDoc], lang: Lang) -> String {
    let rows: Vec<[String; 6]> = rules
        .iter()
        .map(|r| localized(r, lang))
        .map(|r| [r.id.clone(), r.severity.clone(), kinds(&r, lang), r.layer.clone().unwrap_or_else(|| "-".into()), frameworks(&r), r.title.clone()])
        .collect();
    let header = match lang {
        Lang::En => ["ID", "SEVERITY", "KINDS", "LAYER", "FRAMEWORKS", "TITLE"],
        Lang::ZhCn => ["编号", "严重级别", "制品类型", "层级", "框架", "标题"],
    };
    // Columns are measured in terminal cells: a Chinese character takes two.
    let width = |s: &str| unicode_width::UnicodeWidthStr::width(s);
    let mut widths = header.map(width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[String]| {
        let mut l = String::new();
        for (i, c) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                l.push_str(c);
            } else {
                let _ = write!(l, "{c}{}  ", " ".repeat(widths[i] - width(c)));
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
    json_in(rules, Lang::En)
}

/// JSON, versioned: English fields always; in another language each rule also has
/// `localized: {lang, title, description, remediation}`.
pub fn json_in(rules: &[RuleDoc], lang: Lang) -> String {
    let list: Vec<serde_json::Value> = rules
        .iter()
        .map(|r| {
            let mut v = serde_json::to_value(r).unwrap_or_default();
            if let (Some(t), Some(obj)) = (i18n::rule_doc(&r.id, lang), v.as_object_mut()) {
                obj.insert(
                    "localized".to_string(),
                    serde_json::json!({"lang": lang, "title": t.title, "description": t.description, "remediation": t.remediation}),
                );
            }
            v
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&serde_json::json!({"version": 1, "rules": list})).unwrap_or_default();
    s.push('\n');
    s
}

/// The rules reference, docs/rules.md.
pub fn markdown(rules: &[RuleDoc]) -> String {
    markdown_in(rules, Lang::En)
}

/// The rules reference in `lang` (docs/rules.md is the English one).
pub fn markdown_in(rules: &[RuleDoc], lang: Lang) -> String {
    let rules: Vec<RuleDoc> = rules.iter().map(|r| localized(r, lang)).collect();
    let mut out = match lang {
        Lang::En => String::from("# govlint rules\n\nGenerated by `govlint rules --format markdown` from the rules' metadata; do not edit by hand.\n\n"),
        Lang::ZhCn => String::from("# govlint 规则\n\n由 `govlint rules --lang zh-CN --format markdown` 根据规则元数据生成，请勿手工编辑。\n\n"),
    };
    out.push_str(match lang {
        Lang::En => "| id | severity | kinds | layer | frameworks | title |\n|---|---|---|---|---|---|\n",
        Lang::ZhCn => "| 编号 | 严重级别 | 制品类型 | 层级 | 框架 | 标题 |\n|---|---|---|---|---|---|\n",
    });
    for r in &rules {
        let _ = writeln!(
            out,
            "| [{id}](#{anchor}) | {} | {} | {} | {} | {} |",
            r.severity,
            kinds(r, lang),
            r.layer.clone().unwrap_or_else(|| "-".into()),
            frameworks(r).replace(',', ", "),
            r.title.replace('|', "\\|"),
            id = r.id,
            anchor = r.id.to_ascii_lowercase(),
        );
    }
    out.push_str(match lang {
        Lang::En => "\n## Sources\n\n",
        Lang::ZhCn => "\n## 来源 (Sources)\n\n",
    });
    out.push_str(sources());
    for r in &rules {
        out.push('\n');
        out.push_str(&explain_markdown(r, lang));
    }
    out
}

/// Where each framework's facts were read, and which numbers come from secondary summaries:
/// `policies/SOURCES.md`, kept with the rules it speaks for.
pub fn sources() -> &'static str {
    crate::policy::BUNDLE.get_file("SOURCES.md").and_then(|f| f.contents_utf8()).unwrap_or_default()
}

/// One rule's page; `r` is already in `lang` (see [`localized`]), `lang` picks the fixed words.
fn explain_markdown(r: &RuleDoc, lang: Lang) -> String {
    let w = |u| i18n::ui(u, lang);
    let (comma, semi, colon) = if lang == Lang::En { (", ", "; ", ": ") } else { ("，", "；", "：") };
    let mut out = String::new();
    let _ = writeln!(
        out,
        "## {}\n\n**{}** — {} `{}`{comma}{}{colon}{}",
        r.id,
        r.title,
        w(Ui::Severity),
        r.severity,
        w(Ui::Kinds),
        kinds(r, lang)
    );
    if let (Some(l), Some(s)) = (&r.layer, &r.stage) {
        let _ = writeln!(out, "\n{}{colon}{l}{semi}{}{colon}{s}", w(Ui::CaictLayer), w(Ui::CaictStage));
    }
    if !r.description.is_empty() && r.description != r.title {
        let _ = writeln!(out, "\n{}", r.description);
    }
    if !r.frameworks.is_empty() {
        let _ = write!(out, "\n{}{}\n\n", w(Ui::Frameworks), colon.trim_end());
        for (k, v) in &r.frameworks {
            let _ = writeln!(out, "- {k}: {v}");
        }
    }
    if let Some(rem) = &r.remediation {
        let _ = writeln!(out, "\n{}{colon}{}", w(Ui::HowToFix), rem.trim());
    }
    if let Some(needs) = &r.evidence {
        let _ = writeln!(out, "\n{}{colon}{}", w(Ui::Evidence), needs.trim());
    }
    if !r.params.is_empty() {
        let _ = write!(out, "\n{}{}\n\n", w(Ui::Parameters), colon.trim_end());
        for (k, v) in &r.params {
            let _ = writeln!(out, "- `{}.{k}` = `{v}`", r.id.to_ascii_lowercase());
        }
    }
    for (label, snippet) in &r.examples {
        let _ = writeln!(out, "\n{} ({label}){}\n\n```yaml\n{}\n```", w(Ui::Example), colon.trim_end(), snippet.trim_end());
    }
    if !r.related_resources.is_empty() {
        let _ = write!(out, "\n{}{}\n\n", w(Ui::References), colon.trim_end());
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
    let _ = writeln!(out, "\n{}{colon}`{}`", w(Ui::Source), r.source);
    out
}

/// `govlint explain ID`.
pub fn explain(r: &RuleDoc) -> String {
    explain_markdown(r, Lang::En)
}

/// `govlint explain ID --lang …`.
pub fn explain_in(r: &RuleDoc, lang: Lang) -> String {
    explain_markdown(&localized(r, lang), lang)
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
