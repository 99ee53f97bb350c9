//! The result of a run, as the renderers and the audit report read it.

use std::sync::Arc;


use crate::artifact::Artifact;
use crate::config::{self, Config};
use crate::diagnostic::{codes, Diagnostic, Severity, Sources};
use crate::discover::Skipped;
use crate::timings::{self};
use crate::{cache, evidence, i18n, policy, select};


/// The result of a run.
#[derive(Debug)]
pub struct Outcome {
    pub config: Config,
    /// Sorted, with config overrides applied.
    pub diagnostics: Vec<Diagnostic>,
    pub artifacts: Vec<Artifact>,
    pub skipped: Vec<Skipped>,
    /// Files read, artifacts or not.
    pub files_read: usize,
    /// Findings that are reported but do not count: waived, suppressed inline, in the
    /// baseline, or excepted by a policy's `exception` rule. Each carries its `suppression`.
    pub suppressed: Vec<Diagnostic>,
    /// The policy packages that ran.
    pub packages: Vec<policy::Package>,
    /// The rule ids known, and those in force before the selection.
    pub rule_ids: select::RuleIds,
    /// Indices in `config.waivers` of the waivers that matched a finding.
    pub waivers_used: Vec<usize>,
    /// The output language; each diagnostic carries its `localized` text when it is not English.
    pub lang: i18n::Lang,
    /// What the result cache did, when the run used (or asked for) one.
    pub cache: Option<cache::Stats>,
    /// What the repository rules said of the repository itself (a result that names no
    /// artifact: the repository profile in govlint.yaml).
    pub repository_judged: Vec<evidence::Judged>,
    /// Where the run's time went, with `--timings` (the report stage is the caller's to add).
    pub timings: Option<Arc<timings::Timings>>,
}

impl Outcome {
    /// The text of every artifact and of the config, by display name.
    pub fn sources(&self) -> Sources {
        let mut s: Sources = self.artifacts.iter().map(|a| (a.file.clone(), Arc::clone(&a.parsed.source))).collect();
        if let Some(c) = &self.config.source {
            s.insert(c.name.to_string(), Arc::clone(c));
        }
        s
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == severity).count()
    }

    /// What `-v` says of the rules of the run, after the config: the frameworks in force and
    /// where they come from (`cli_frameworks`, the `--framework` flags, else the config's), the
    /// rules on (counted by framework, and named), and the rules in force that the selection
    /// turned off, by why.
    pub fn describe_rules(&self, cli_frameworks: &[String]) -> Vec<String> {
        let mut lines = Vec::new();
        let bundled_in_force = self.packages.iter().any(|p| p.builtin) || self.rule_ids.in_force.iter().any(|id| self.rule_ids.frameworks.contains_key(id));
        let (frameworks, from): (Vec<String>, &str) = if !bundled_in_force {
            (Vec::new(), "--no-builtin: no bundled rule is in force")
        } else if !cli_frameworks.is_empty() {
            (cli_frameworks.to_vec(), "from --framework")
        } else if !self.config.frameworks.is_empty() {
            (self.config.frameworks.clone(), "from the config's frameworks:")
        } else {
            (policy::FRAMEWORKS.iter().map(|f| f.to_string()).collect(), "none chosen: every bundled rule is in force")
        };
        lines.push(if frameworks.is_empty() { format!("frameworks: none ({from})") } else { format!("frameworks: {} ({from})", frameworks.join(", ")) });
        let rules: Vec<&policy::Package> = self.packages.iter().filter(|p| p.role != policy::Role::Library).collect();
        let bundled = rules.iter().filter(|p| p.builtin).count();
        let per_framework: Vec<String> = frameworks
            .iter()
            .map(|f| {
                let n = rules.iter().filter(|p| p.builtin && p.meta.as_ref().is_some_and(|m| m.custom.frameworks.contains_key(f))).count();
                format!("{f} {n}")
            })
            .collect();
        let checks: Vec<&str> = codes::ALL.iter().map(|(c, _)| *c).filter(|c| self.config.selection.enabled(c)).collect();
        let mut on: Vec<String> = checks.iter().map(|c| c.to_string()).chain(rules.iter().map(|p| p.rule_id())).collect();
        on.sort();
        on.dedup();
        let by_framework = if per_framework.is_empty() { String::new() } else { format!(": {}", per_framework.join(", ")) };
        lines.push(format!(
            "rules on: {} ({bundled} bundled{by_framework}; {} built-in checks; {} user policies); `govlint rules` describes the bundled ones",
            on.len(),
            checks.len(),
            rules.len() - bundled,
        ));
        lines.push(format!("  {}", on.join(" ")));
        let mut off: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
        for id in &self.rule_ids.in_force {
            if let Some(why) = self.config.selection.why_off(id) {
                off.entry(why.as_str()).or_default().push(id);
            }
        }
        for (why, ids) in off {
            lines.push(format!("rules off ({why}): {}", ids.join(" ")));
        }
        lines
    }

    /// The English title of the rule `id` that ran: its metadata's, or a built-in check's
    /// description.
    pub fn title(&self, id: &str) -> Option<String> {
        if let Some((_, description)) = codes::ALL.iter().find(|(c, _)| *c == id) {
            return Some(description.to_string());
        }
        self.packages.iter().find(|p| p.rule_id() == id).and_then(|p| p.meta.as_ref()?.title.clone())
    }

    /// Whether any diagnostic reaches `fail_on`.
    /// The timings of the run, its rules named, when it was timed.
    pub fn timings_report(&self) -> Option<timings::Report> {
        let t = self.timings.as_ref()?;
        Some(t.report(|i| self.packages[i].rule_id(), |i| self.packages[i].name.clone()))
    }

    pub fn failed(&self, fail_on: config::FailOn) -> bool {
        fail_on.threshold().is_some_and(|t| self.diagnostics.iter().any(|d| d.severity >= t))
    }
}
