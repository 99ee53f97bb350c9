//! What each rule judged on each artifact, as the per-file and repository stages record it;
//! `coverage` turns it into the statuses of the audit report and the `no-evidence` count of
//! `govlint check` (docs/policies.md, "Evidence").
//!
//! A rule that finds nothing has not shown that its requirement is met: it may have had nothing
//! to read. So a rule states its evidence (an `evidence` rule beside `deny`, or the fields of
//! `custom.evidence` in its metadata), and says of the documents it does not judge why
//! (`not_applicable`: declared facts exclude them; `no_subject`: nothing it covers is in them;
//! `no_evidence`: they are its subject, and the facts are missing). Each artifact file keeps one
//! [`Judged`] per rule that said something of it; `coverage::statuses` turns them, with the findings,
//! into one [`Status`] per rule and artifact.

use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};


/// What a rule said of a document, in increasing precedence: a file's documents together count
/// as the highest of them (a manifest's declaration speaks for the workload beside it; a
/// Namespace beside a Deployment does not make the file's container rule inapplicable).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Judgement {
    /// Nothing the rule covers is in it (a Namespace for a container rule).
    NoSubject,
    /// It is the rule's subject, and nothing declares the facts the rule judges.
    NoEvidence,
    /// Declared facts (the repository profile, a manifest's scope) exclude it.
    NotApplicable,
    /// The rule found the facts it judges.
    Evidence,
}

impl Judgement {
    /// The judgement a rule result of this name gives, if it is one of them.
    pub fn of_rule(name: &str) -> Option<Judgement> {
        match name {
            "evidence" => Some(Judgement::Evidence),
            "not_applicable" => Some(Judgement::NotApplicable),
            "no_subject" => Some(Judgement::NoSubject),
            "no_evidence" => Some(Judgement::NoEvidence),
            _ => None,
        }
    }

    /// The names of the rules that judge, as a package declares them.
    pub const RULES: [&'static str; 4] = ["evidence", "not_applicable", "no_subject", "no_evidence"];
}

/// One rule's judgement of one artifact file: the highest of its documents'.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judged {
    /// The package, by its index in the run's policy set (the cache is kept per policy set).
    pub package: u32,
    pub judgement: Judgement,
    /// Why it does not apply, or what evidence it lacks, as the rule says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Arc<str>>,
    /// The one framework the judgement is about, for a rule's `exempt` result (always
    /// `NotApplicable`): the rule does not carry that framework's requirement on the file, for
    /// the reason given, whatever it judged of the rest. `None` for the rule's own judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<Arc<str>>,
}

impl Judged {
    /// The rule's own judgement (about every framework it cites).
    pub fn new(package: u32, judgement: Judgement, reason: Option<Arc<str>>) -> Judged {
        Judged { package, judgement, reason, framework: None }
    }

    fn key(&self) -> (u32, Option<&str>) {
        (self.package, self.framework.as_deref())
    }
}

/// The rule's own judgement of a file, among its judgements (see [`record`]).
pub fn own(list: &[Judged], package: u32) -> Option<&Judged> {
    list.binary_search_by(|x| x.key().cmp(&(package, None))).ok().map(|i| &list[i])
}

/// Adds `j` to a file's judgements (sorted by package, then framework): one entry per package
/// and framework, the highest judgement kept, with the reason that came with it (the first one,
/// among equals). A framework's entry (an exemption) is kept apart from the rule's own.
pub fn record(list: &mut Vec<Judged>, j: Judged) {
    match list.binary_search_by(|x| x.key().cmp(&j.key())) {
        Ok(i) => {
            if j.judgement > list[i].judgement {
                list[i] = j;
            } else if j.judgement == list[i].judgement && list[i].reason.is_none() {
                list[i].reason = j.reason;
            }
        }
        Err(i) => list.insert(i, j),
    }
}

/// One shared copy of a reason: a run says the same few reasons of thousands of files.
pub fn intern(reason: &str) -> Arc<str> {
    static REASONS: OnceLock<Mutex<HashSet<Arc<str>>>> = OnceLock::new();
    let set = REASONS.get_or_init(Mutex::default);
    let Ok(mut set) = set.lock() else { return Arc::from(reason) };
    share(&mut set, reason)
}

/// The copy of `s` in `strings`, added when it is not there yet.
pub fn share(strings: &mut HashSet<Arc<str>>, s: &str) -> Arc<str> {
    if let Some(known) = strings.get(s) {
        return Arc::clone(known);
    }
    let new: Arc<str> = Arc::from(s);
    strings.insert(Arc::clone(&new));
    new
}

/// Whether a document holds a value at one of the dot-separated `fields` (a field that is
/// absent, null, blank, or an empty list or mapping holds none; `false` and `0` are values).
pub fn has_field(doc: &serde_json::Value, fields: &[String]) -> bool {
    fields.iter().any(|f| {
        let mut at = doc;
        for key in f.split('.') {
            match at.get(key) {
                Some(v) => at = v,
                None => return false,
            }
        }
        match at {
            serde_json::Value::Null => false,
            serde_json::Value::String(s) => !s.trim().is_empty(),
            serde_json::Value::Array(a) => !a.is_empty(),
            serde_json::Value::Object(o) => !o.is_empty(),
            _ => true,
        }
    })
}

/// What a file's native manifests say they speak for, and the workloads the file defines: a
/// manifest beside a workload, or a ModelCard that `describes` a BOM, gives the evidence the
/// other file cannot carry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Links {
    /// Files its manifests speak for: `metadata.describes`, and the `path` of `governance.targets`
    /// (repository-relative, as written).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paths: Vec<String>,
    /// Workloads its manifests' targets name without a path: (kind, name, namespace).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<(String, Option<String>, Option<String>)>,
    /// The workloads the file defines: (kind, name, namespace) of its Kubernetes workloads,
    /// `ComposeService` and its name for each compose service.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defines: Vec<(String, String, String)>,
}

impl Links {
    pub fn is_empty(&self) -> bool {
        self.paths.is_empty() && self.targets.is_empty() && self.defines.is_empty()
    }

    /// Adds what one document of the file says.
    pub fn add(&mut self, format: crate::classify::Format, doc: &serde_json::Value) {
        use crate::classify::Format;
        let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
        match format {
            Format::Native => {
                if let Some(list) = doc.pointer("/metadata/describes").and_then(serde_json::Value::as_array) {
                    self.paths.extend(list.iter().filter_map(text));
                }
                for t in doc.pointer("/governance/targets").and_then(serde_json::Value::as_array).into_iter().flatten() {
                    match (t.get("path").and_then(text), t.get("kind").and_then(text)) {
                        (Some(path), _) => self.paths.push(path),
                        (None, Some(kind)) => self.targets.push((kind, t.get("name").and_then(text), t.get("namespace").and_then(text))),
                        (None, None) => {}
                    }
                }
            }
            Format::Kubernetes => {
                if let (Some(kind), Some(name)) = (doc.get("kind").and_then(text), doc.pointer("/metadata/name").and_then(text)) {
                    if WORKLOAD_KINDS.contains(&kind.as_str()) {
                        let ns = doc.pointer("/metadata/namespace").and_then(text).unwrap_or_default();
                        self.defines.push((kind, name, ns));
                    }
                }
            }
            Format::Compose => {
                for name in doc.get("services").and_then(serde_json::Value::as_object).into_iter().flat_map(|m| m.keys()) {
                    self.defines.push(("ComposeService".to_string(), name.clone(), String::new()));
                }
            }
            _ => {}
        }
    }
}

/// Kubernetes kinds a deployment manifest's targets name.
const WORKLOAD_KINDS: &[&str] = &[
    "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "InferenceService",
    "LLMInferenceService", "ServingRuntime", "ClusterServingRuntime", "Rollout", "Service",
];

/// A requirement's result on one artifact, or over several, from the worst: a requirement is
/// as good as its weakest artifact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// A finding of the rule counts.
    Failed,
    /// The rule's findings are all suppressed (waiver, inline ignore, baseline, exception).
    Waived,
    /// The requirement applies, or may, and nothing declares what the rule needs.
    NoEvidence,
    /// The rule evaluated the evidence it needs and found it sufficient.
    Met,
    /// Nothing the rule covers exists, or declared facts exclude it.
    NotApplicable,
}

impl Status {
    pub const ALL: [Status; 5] = [Status::Met, Status::Failed, Status::Waived, Status::NoEvidence, Status::NotApplicable];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Failed => "failed",
            Status::Waived => "waived",
            Status::NoEvidence => "no-evidence",
            Status::Met => "met",
            Status::NotApplicable => "not-applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_file_keeps_the_highest_judgement_per_rule() {
        let mut list = Vec::new();
        record(&mut list, Judged::new(3, Judgement::NoSubject, Some(intern("a Namespace"))));
        record(&mut list, Judged::new(1, Judgement::NoEvidence, None));
        record(&mut list, Judged::new(3, Judgement::NoEvidence, None));
        record(&mut list, Judged::new(3, Judgement::NoSubject, None));
        assert_eq!(list.iter().map(|j| (j.package, j.judgement)).collect::<Vec<_>>(), [(1, Judgement::NoEvidence), (3, Judgement::NoEvidence)]);
        record(&mut list, Judged::new(1, Judgement::NotApplicable, Some(intern("not public"))));
        assert_eq!(list[0].judgement, Judgement::NotApplicable);
        assert_eq!(list[0].reason.as_deref(), Some("not public"));
        // An exemption from one framework is kept beside the rule's own judgement.
        record(&mut list, Judged { framework: Some(intern("eu-ai-act")), ..Judged::new(3, Judgement::NotApplicable, Some(intern("Art. 53(2)"))) });
        assert_eq!(own(&list, 3).map(|j| j.judgement), Some(Judgement::NoEvidence));
        let exempt: Vec<(u32, Option<&str>, Option<&str>)> = list.iter().filter(|j| j.framework.is_some()).map(|j| (j.package, j.framework.as_deref(), j.reason.as_deref())).collect();
        assert_eq!(exempt, [(3, Some("eu-ai-act"), Some("Art. 53(2)"))]);
    }

    #[test]
    fn fields_hold_a_value_unless_blank() {
        let doc = json!({"governance": {"filing": {"number": "X-1", "blank": " ", "list": []}, "public": false}});
        assert!(has_field(&doc, &["governance.filing.number".to_string()]));
        assert!(has_field(&doc, &["governance.public".to_string()]), "false is a declared value");
        assert!(!has_field(&doc, &["governance.filing.blank".to_string(), "governance.filing.list".to_string()]));
        assert!(!has_field(&doc, &["governance.nothing.here".to_string()]));
    }

    #[test]
    fn statuses_order_from_the_worst() {
        let mut s = vec![Status::Met, Status::NotApplicable, Status::NoEvidence, Status::Waived];
        s.sort();
        assert_eq!(s, [Status::Waived, Status::NoEvidence, Status::Met, Status::NotApplicable]);
        assert!(Status::Failed < Status::Waived);
    }
}
