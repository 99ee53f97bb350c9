//! Renderers. Each reads diagnostics (and the sources they point into) and returns text; none
//! prints, and none reaches back into the pipeline: they read a `RunView`, which `RunView::of` makes
//! from a run's outcome.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod rego_tests;
pub mod sarif;
pub mod statistics;

use std::borrow::Cow;
use std::str::FromStr;

use crate::diagnostic::{Diagnostic, Sources};
use crate::pipeline::Outcome;
use crate::rules::RuleDoc;

/// Whether `c` can act on a terminal or on a CI log rather than show as text: a control
/// character (C0, DEL, C1: line breaks, ESC…), a Unicode line or paragraph separator, or a
/// bidirectional override or isolate (which reorders what a reader sees).
pub fn is_active(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every [`is_active`] character written as an escape (`\n`, `\r`, `\t`, `\u{1b}`…),
/// for text from a repository (file names, values in messages) printed to a terminal or a log:
/// nothing in it can start a line of its own (a GitHub workflow command at the start of a log
/// line) or move the cursor, and the log shows what the text holds.
pub fn inert(s: &str) -> Cow<'_, str> {
    inert_but(s, &[])
}

/// [`inert`], leaving the characters of `keep` as they are (for a format that escapes them in
/// its own way).
pub fn inert_but<'a>(s: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !s.chars().any(|c| is_active(c) && !keep.contains(&c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            _ if !is_active(c) || keep.contains(&c) => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            _ => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// The output formats of `govlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
    Sarif,
    Junit,
    Github,
    Markdown,
    Gitlab,
}

impl OutputFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [OutputFormat; 7] = [
        OutputFormat::Human,
        OutputFormat::Json,
        OutputFormat::Sarif,
        OutputFormat::Junit,
        OutputFormat::Github,
        OutputFormat::Markdown,
        OutputFormat::Gitlab,
    ];

    /// The name given to `--format`.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Human => "human",
            OutputFormat::Json => "json",
            OutputFormat::Sarif => "sarif",
            OutputFormat::Junit => "junit",
            OutputFormat::Github => "github",
            OutputFormat::Markdown => "markdown",
            OutputFormat::Gitlab => "gitlab",
        }
    }
}

impl FromStr for OutputFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        OutputFormat::ALL.into_iter().find(|f| f.name() == s).ok_or_else(|| {
            let names: Vec<&str> = OutputFormat::ALL.iter().map(|f| f.name()).collect();
            format!("unknown output format `{s}` (expected one of {})", names.join(", "))
        })
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

impl<'a> RunView<'a> {
    /// The renderers' view of this run.
    pub fn of(outcome: &'a Outcome, sources: &'a Sources) -> RunView<'a> {
        RunView::of_run(outcome, sources, true, Summary::of(outcome))
    }

    /// The renderers' view of this run; without `per_artifact`, the list of artifacts with the
    /// rules evaluated on each, and the rules' documentation, are left empty: only SARIF and
    /// JUnit show them, and the documentation is read from every bundled rule's metadata.
    /// `summary` is the run's [`Summary::of`], which the caller may have counted already.
    pub fn of_run(outcome: &'a Outcome, sources: &'a Sources, per_artifact: bool, summary: Summary) -> RunView<'a> {
        let builtin: Vec<String> = crate::diagnostic::codes::ALL.iter().map(|(c, _)| c.to_string()).collect();
        let artifacts = outcome
            .artifacts
            .iter()
            .filter(|_| per_artifact)
            .map(|a| {
                let mut kinds: Vec<String> = a.docs.iter().map(|d| d.kind.as_str().to_string()).collect();
                kinds.sort();
                kinds.dedup();
                let mut rules = builtin.clone();
                for p in &outcome.packages {
                    if a.docs.iter().any(|d| p.role == crate::policy::Role::Artifact && p.applies_to(d.kind))
                        || (p.role == crate::policy::Role::Repository && p.applies_to_any(&a.docs.iter().map(|d| d.kind).collect::<Vec<_>>()))
                    {
                        rules.push(p.rule_id());
                    }
                }
                rules.sort();
                rules.dedup();
                ArtifactRules { file: a.file.clone(), kinds, rules, released: a.released.clone() }
            })
            .collect();
        RunView {
            diagnostics: &outcome.diagnostics,
            suppressed: &outcome.suppressed,
            sources,
            artifacts,
            rules: if per_artifact { crate::rules::for_run(&outcome.packages) } else { Vec::new() },
            summary,
        }
    }
}

/// An artifact file and the rules that were evaluated on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtifactRules {
    pub file: String,
    pub kinds: Vec<String>,
    pub rules: Vec<String>,
    /// The length and SHA-256 of a text the run let go (not in `sources`).
    pub released: Option<crate::artifact::Released>,
}

/// Counts for the closing summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub artifacts: usize,
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    /// Findings reported but not counted (waived, inline, baseline, policy exception).
    pub suppressed: usize,
    /// Rule checks without evidence: (rule, artifact) pairs where a rule that states its
    /// evidence found none to judge (not findings: they do not fail the run).
    pub no_evidence: usize,
}

impl Summary {
    /// The closing summary line of the human output.
    pub fn line_in(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::En => self.line(),
            crate::lang::Lang::ZhCn => format!(
                "{} 个制品，{} 个错误，{} 个警告，{} 个提示，{} 个已豁免；{} 项检查缺少证据",
                self.artifacts, self.errors, self.warnings, self.notes, self.suppressed, self.no_evidence
            ),
        }
    }

    pub fn of(outcome: &Outcome) -> Summary {
        use crate::diagnostic::Severity;
        Summary {
            files: outcome.files_read,
            artifacts: outcome.artifacts.len(),
            errors: outcome.count(Severity::Error),
            warnings: outcome.count(Severity::Warning),
            notes: outcome.count(Severity::Note),
            suppressed: outcome.suppressed.len(),
            no_evidence: crate::coverage::no_evidence_count(outcome),
        }
    }

    pub fn line(&self) -> String {
        fn n(count: usize, one: &str, many: &str) -> String {
            format!("{count} {}", if count == 1 { one } else { many })
        }
        format!(
            "{}, {}, {}, {}, {} waived; {} without evidence",
            n(self.artifacts, "artifact", "artifacts"),
            n(self.errors, "error", "errors"),
            n(self.warnings, "warning", "warnings"),
            n(self.notes, "note", "notes"),
            self.suppressed,
            n(self.no_evidence, "check", "checks"),
        )
    }
}

/// The one set of diagnostics every renderer's snapshot tests render: each severity, a finding
/// suppressed by a waiver and one by an inline comment, a message with `%`, `,`, `:`, `|` and a
/// line break, a file whose name has a comma, a column after multi-byte characters, and a file
/// that could not be read (no source, not an artifact).
#[cfg(test)]
pub(crate) mod sample {
    use std::collections::BTreeMap;
    use std::sync::{Arc, OnceLock};

    use super::{ArtifactRules, RunView, Summary};
    use crate::diagnostic::{codes, Diagnostic, Severity, Sources, Suppression, SuppressionKind};
    use crate::policy::metadata::Resource;
    use crate::rules::RuleDoc;
    use crate::source::{SourceFile, Span};

    pub(crate) const MODEL_CARD: &str = "models/chat/README.md";
    pub(crate) const DEPLOYMENT: &str = "deploy/serving, canary.yaml";
    pub(crate) const DATASET: &str = "datasets/faq/dataset-manifest.yaml";
    pub(crate) const UNREADABLE: &str = "models/broken/model-card.yaml";

    struct Sample {
        diagnostics: Vec<Diagnostic>,
        suppressed: Vec<Diagnostic>,
        sources: Sources,
        artifacts: Vec<ArtifactRules>,
        rules: Vec<RuleDoc>,
    }

    /// The span of the `nth` occurrence of `needle` in the source.
    fn find(source: &SourceFile, needle: &str, nth: usize) -> Span {
        let start = source.text.match_indices(needle).nth(nth).map(|(i, _)| i).expect("needle in sample text");
        Span::new(start, start + needle.len())
    }

    fn rule(id: &str, severity: &str, kinds: &[&str], title: &str) -> RuleDoc {
        RuleDoc {
            id: id.to_string(),
            severity: severity.to_string(),
            kinds: kinds.iter().map(|k| k.to_string()).collect(),
            layer: None,
            stage: None,
            frameworks: BTreeMap::new(),
            title: title.to_string(),
            description: title.to_string(),
            remediation: None,
            related_resources: Vec::new(),
            examples: BTreeMap::new(),
            params: BTreeMap::new(),
            source: "built-in".to_string(),
            evidence: None,
        }
    }

    fn rules() -> Vec<RuleDoc> {
        let mut out: Vec<RuleDoc> = codes::ALL
            .iter()
            .map(|(id, desc)| RuleDoc {
                frameworks: BTreeMap::from([("baseline".to_string(), "hygiene".to_string())]),
                ..rule(id, "error", &[], desc)
            })
            .collect();
        out.push(RuleDoc {
            layer: Some("security-trustworthiness".to_string()),
            stage: Some("operations-management".to_string()),
            frameworks: BTreeMap::from([
                ("caict-roadmap-2024".to_string(), "4.4 运营管理".to_string()),
                ("nist-ai-600-1".to_string(), "MG-2.2".to_string()),
            ]),
            description: "A serving deployment runs at least two replicas, so that one failing pod does not take the model offline.".to_string(),
            remediation: Some("Set `spec.replicas` to 2 or more.".to_string()),
            source: "policies/deployment-config/dp003.rego".to_string(),
            ..rule("DP003", "warning", &["deployment-config"], "Deployment runs at least two replicas")
        });
        out.push(RuleDoc {
            layer: Some("application-services".to_string()),
            stage: Some("application-deployment".to_string()),
            frameworks: BTreeMap::from([("cn-genai".to_string(), "GB 45438-2025 4.1; 4.2".to_string())]),
            remediation: Some("Add `governance.content_labeling` with the explicit and implicit labels the service applies.".to_string()),
            related_resources: vec![Resource {
                reference: "https://www.cac.gov.cn/2025-03/14/c_1743654684782215.htm".to_string(),
                description: Some("Measures for labeling AI-generated content".to_string()),
            }],
            source: "policies/deployment-config/dp007.rego".to_string(),
            ..rule("DP007", "error", &["deployment-config"], "Deployment labels generated content")
        });
        out.push(RuleDoc {
            layer: Some("data-resources".to_string()),
            stage: Some("capability-building".to_string()),
            frameworks: BTreeMap::from([("eu-ai-act".to_string(), "Annex XII 1(c)".to_string())]),
            description: "A dataset manifest says how personal information was found and removed.".to_string(),
            source: "policies/dataset-manifest/ds004.rego".to_string(),
            ..rule("DS004", "warning", &["dataset-manifest"], "Dataset manifest documents personal-data handling")
        });
        out.push(RuleDoc {
            layer: Some("algorithm-models".to_string()),
            stage: Some("capability-building".to_string()),
            frameworks: BTreeMap::from([("eu-ai-act".to_string(), "Annex XI 1(f)".to_string())]),
            description: "A model card must name the license under which the weights are released.".to_string(),
            remediation: Some("Add `license:` with an SPDX id or an HF license id.".to_string()),
            related_resources: vec![Resource { reference: "https://huggingface.co/docs/hub/model-cards".to_string(), description: None }],
            source: "policies/model-card/mc001.rego".to_string(),
            ..rule("MC001", "error", &["model-card"], "Model card declares a license")
        });
        out.push(RuleDoc {
            source: "policies/model-card/mc010.rego".to_string(),
            ..rule("MC010", "note", &["model-card"], "Model name matches its directory")
        });
        // A rule that ran on nothing in the sample: renderers that list rules leave it out.
        out.push(rule("MC099", "error", &["model-card"], "A rule no artifact of the sample meets"));
        out.sort_by(|a, b| a.id.cmp(&b.id));
        out
    }

    fn build() -> Sample {
        let card = SourceFile::new(
            MODEL_CARD,
            "---\nlanguage: [zh, en]\nmodel_name: 客服助手 chat-7b\nbase_model: acme/base-7b\n---\n# 客服助手 chat-7b\n".to_string(),
        );
        let deploy = SourceFile::new(
            DEPLOYMENT,
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: chat\nspec:\n  replicas: 1\n".to_string(),
        );
        let dataset = SourceFile::new(DATASET, "name: faq\nlicense: CC-BY-4.0\nlicense: MIT\n".to_string());

        let front_matter = Span::new(find(&card, "language", 0).start, find(&card, "base-7b", 0).end);
        let mut missing_license = Diagnostic::at(&card, front_matter, "MC001", Severity::Error, "model card has no license")
            .with_label("missing here")
            .with_help("Add `license:` with an SPDX id or an HF license id.")
            .with_pointer("/license")
            .in_document(0, Some("model-card"));
        missing_license.frameworks = Arc::new(BTreeMap::from([("eu-ai-act".to_string(), "Annex XI 1(f)".to_string())]));
        let name_mismatch = Diagnostic::at(
            &card,
            find(&card, "chat-7b", 0),
            "MC010",
            Severity::Note,
            "`model_name` differs from its directory (chat | chat-7b)",
        )
        .with_pointer("/model_name")
        .in_document(0, Some("model-card"));

        let mut replicas = Diagnostic::at(
            &deploy,
            find(&deploy, "1", 1),
            "DP003",
            Severity::Warning,
            "replicas: 1 is below 2, the minimum for 99.9% availability\nscale out before serving traffic",
        )
        .with_help("set `spec.replicas` to >= 2 (see <docs/deploy.md>)")
        .with_pointer("/spec/replicas")
        .in_document(0, Some("deployment-config"));
        replicas.details = Some(Box::new(serde_json::json!({"replicas": 1, "minimum": 2})));
        let mut unlabeled = Diagnostic::at(&deploy, find(&deploy, "metadata", 0), "DP007", Severity::Error, "the deployment has no content-labeling block")
            .with_pointer("/metadata/annotations")
            .in_document(0, Some("deployment-config"));
        unlabeled.suppression = Some(Box::new(Suppression {
            kind: SuppressionKind::Waiver,
            reason: Some("labels are applied by the API gateway, see GOV-12".to_string()),
            approved_by: Some("compliance@acme.example".to_string()),
            expires: Some("2026-06-30".to_string()),
        }));

        let duplicate = Diagnostic::at(&dataset, find(&dataset, "license", 1), codes::DUPLICATE_KEY, Severity::Error, "key `license` is given twice")
            .with_label("second `license` here")
            .with_help("remove one of the two keys; the value would depend on the parser")
            .with_pointer("/license")
            .in_document(0, Some("dataset-manifest"));
        let mut personal_data = Diagnostic::at(&dataset, find(&dataset, "name", 0), "DS004", Severity::Warning, "the manifest does not say how personal data was removed")
            .with_pointer("/governance/personal_data")
            .in_document(0, Some("dataset-manifest"));
        personal_data.suppression = Some(Box::new(Suppression {
            kind: SuppressionKind::Inline,
            reason: Some("the FAQ holds no personal data".to_string()),
            approved_by: None,
            expires: None,
        }));

        let unreadable = Diagnostic::whole_file(
            UNREADABLE,
            codes::READ_ERROR,
            Severity::Error,
            "the file is not UTF-8 text (invalid byte at offset 12)".to_string(),
        );

        let mut diagnostics = vec![missing_license, name_mismatch, replicas, duplicate, unreadable];
        crate::diagnostic::sort(&mut diagnostics);
        let mut suppressed = vec![unlabeled, personal_data];
        crate::diagnostic::sort(&mut suppressed);
        let sources: Sources = [card, deploy, dataset].into_iter().map(|s| (s.name.to_string(), Arc::clone(&s))).collect();
        let base = [codes::DUPLICATE_KEY, codes::PARSE_ERROR, codes::SCHEMA];
        let artifact = |file: &str, kind: &str, ids: &[&str]| {
            let mut rules: Vec<String> = ids.iter().chain(base.iter()).map(|s| s.to_string()).collect();
            rules.sort();
            ArtifactRules { file: file.to_string(), kinds: vec![kind.to_string()], rules, released: None }
        };
        let artifacts = vec![
            artifact(DATASET, "dataset-manifest", &["DS004"]),
            artifact(DEPLOYMENT, "deployment-config", &["DP003", "DP007"]),
            artifact(MODEL_CARD, "model-card", &["MC001", "MC010"]),
        ];
        Sample { diagnostics, suppressed, sources, artifacts, rules: rules() }
    }

    /// The shared sample run.
    pub(crate) fn sample_view() -> RunView<'static> {
        static SAMPLE: OnceLock<Sample> = OnceLock::new();
        let s = SAMPLE.get_or_init(build);
        let count = |sev| s.diagnostics.iter().filter(|d| d.severity == sev).count();
        RunView {
            diagnostics: &s.diagnostics,
            suppressed: &s.suppressed,
            sources: &s.sources,
            artifacts: s.artifacts.clone(),
            rules: s.rules.clone(),
            summary: Summary {
                files: 5,
                artifacts: s.artifacts.len(),
                errors: count(Severity::Error),
                warnings: count(Severity::Warning),
                notes: count(Severity::Note),
                suppressed: s.suppressed.len(),
                no_evidence: 7,
            },
        }
    }

    /// An empty run: no artifact, no finding.
    pub(crate) fn empty_view() -> RunView<'static> {
        static EMPTY: OnceLock<Sources> = OnceLock::new();
        RunView {
            diagnostics: &[],
            suppressed: &[],
            sources: EMPTY.get_or_init(Sources::new),
            artifacts: Vec::new(),
            rules: Vec::new(),
            summary: Summary::default(),
        }
    }
}
