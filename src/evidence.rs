//! What each rule judged on each artifact: the statuses of the audit report and the
//! `no-evidence` count of `govlint check` (docs/policies.md, "Evidence").
//!
//! A rule that finds nothing has not shown that its requirement is met: it may have had nothing
//! to read. So a rule states its evidence (an `evidence` rule beside `deny`, or the fields of
//! `custom.evidence` in its metadata), and says of the documents it does not judge why
//! (`not_applicable`: declared facts exclude them; `no_subject`: nothing it covers is in them;
//! `no_evidence`: they are its subject, and the facts are missing). Each artifact file keeps one
//! [`Judged`] per rule that said something of it; [`statuses`] turns them, with the findings,
//! into one [`Status`] per rule and artifact.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use crate::policy::{Package, Role};
use crate::Outcome;

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
}

/// Adds `j` to a file's judgements (sorted by package): one entry per package, the highest
/// judgement kept, with the reason that came with it (the first one, among equals).
pub fn record(list: &mut Vec<Judged>, j: Judged) {
    match list.binary_search_by_key(&j.package, |x| x.package) {
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
    if let Some(r) = set.get(reason) {
        return Arc::clone(r);
    }
    let r: Arc<str> = Arc::from(reason);
    set.insert(Arc::clone(&r));
    r
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

    /// As a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Failed => "failed",
            Status::Waived => "waived",
            Status::NoEvidence => "no evidence",
            Status::Met => "met",
            Status::NotApplicable => "not applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Whether a package states its evidence: its modules declare one of the judging rules, or its
/// metadata lists `custom.evidence.fields`. A package that does not is taken to read whole
/// documents, so a document it finds nothing on counts as met (as conftest policies do).
pub fn states_evidence(p: &Package) -> bool {
    p.judges || p.evidence_fields().is_some()
}

/// The status of one rule on one artifact file, with the reason a rule gave for
/// `not-applicable` or `no-evidence`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArtifactStatus {
    pub status: Status,
    pub reason: Option<Arc<str>>,
}

/// The status of each rule (by package index) on each artifact it concerns, artifact by
/// artifact in the order of `outcome.artifacts`, and by package within one:
/// - a per-artifact rule concerns every artifact with a document of its kinds;
/// - a repository rule that states its evidence concerns the artifacts it names (in a
///   finding or a judgement); one that does not, every artifact of its kinds.
///
/// Per file: a counting finding makes it `failed`, suppressed ones only `waived`; a rule that
/// does not state evidence is otherwise `met`; else the file's judgement decides, and a file
/// the rule said nothing of is `no-evidence` for a per-artifact rule.
pub fn statuses(outcome: &Outcome) -> Vec<BTreeMap<usize, ArtifactStatus>> {
    let ids: Vec<String> = outcome.packages.iter().map(Package::rule_id).collect();
    let by_rule: HashMap<&str, Vec<usize>> = ids.iter().enumerate().fold(HashMap::new(), |mut m, (i, id)| {
        m.entry(id.as_str()).or_default().push(i);
        m
    });
    // (file, rule) → whether a finding counts there.
    let mut found: HashMap<(&str, &str), bool> = HashMap::new();
    for d in &outcome.diagnostics {
        found.insert((d.file.as_str(), d.rule.as_str()), true);
    }
    for d in &outcome.suppressed {
        found.entry((d.file.as_str(), d.rule.as_str())).or_insert(false);
    }
    // Rules with findings on each file, for the repository rules that name their artifacts.
    let mut named: HashMap<&str, Vec<usize>> = HashMap::new();
    for (file, rule) in found.keys() {
        for &p in by_rule.get(rule).map(Vec::as_slice).unwrap_or_default() {
            named.entry(file).or_default().push(p);
        }
    }
    let own: Vec<BTreeMap<usize, ArtifactStatus>> = outcome
        .artifacts
        .iter()
        .map(|a| {
            let kinds: Vec<crate::classify::Kind> = a.docs.iter().map(|d| d.kind).collect();
            let mut concerned: Vec<usize> = Vec::new();
            for (i, p) in outcome.packages.iter().enumerate() {
                let applies = match p.role {
                    Role::Artifact => p.applies_to_any(&kinds),
                    Role::Repository if states_evidence(p) => false,
                    Role::Repository => p.applies_to_any(&kinds),
                    Role::Library => false,
                };
                if applies {
                    concerned.push(i);
                }
            }
            concerned.extend(a.judged.iter().map(|j| j.package as usize));
            concerned.extend(named.get(a.file.as_str()).map(Vec::as_slice).unwrap_or_default());
            concerned.sort_unstable();
            concerned.dedup();
            concerned
                .into_iter()
                .filter(|&i| outcome.packages[i].role != Role::Library)
                .map(|i| {
                    let p = &outcome.packages[i];
                    let judged = a.judged.binary_search_by_key(&(i as u32), |j| j.package).ok().map(|k| &a.judged[k]);
                    let status = match found.get(&(a.file.as_str(), ids[i].as_str())) {
                        Some(true) => ArtifactStatus { status: Status::Failed, reason: None },
                        Some(false) => ArtifactStatus { status: Status::Waived, reason: None },
                        None if !states_evidence(p) => ArtifactStatus { status: Status::Met, reason: None },
                        None => {
                            let judgement = judged.map(|j| j.judgement).unwrap_or(match p.role {
                                Role::Repository => Judgement::NoSubject,
                                _ => Judgement::NoEvidence,
                            });
                            let status = match judgement {
                                Judgement::Evidence => Status::Met,
                                Judgement::NoEvidence => Status::NoEvidence,
                                Judgement::NotApplicable | Judgement::NoSubject => Status::NotApplicable,
                            };
                            let reason = judged.and_then(|j| j.reason.clone()).filter(|_| status != Status::Met);
                            ArtifactStatus { status, reason }
                        }
                    };
                    (i, status)
                })
                .collect()
        })
        .collect();
    covered(outcome, own)
}

/// The statuses of the files that other files' manifests speak for (a workload a
/// DeploymentManifest targets, a BOM a ModelCard describes): where a rule lacks evidence in the
/// file itself, the manifest's status stands for it, with where it comes from.
fn covered(outcome: &Outcome, mut own: Vec<BTreeMap<usize, ArtifactStatus>>) -> Vec<BTreeMap<usize, ArtifactStatus>> {
    let arts = &outcome.artifacts;
    // Who speaks for each file, found by lookups: a path names the files it is a tail of, a
    // target the files that define a workload of its kind and name.
    let mut by_tail: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_workload: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, a) in arts.iter().enumerate() {
        let mut rest = a.file.as_str();
        by_tail.entry(rest).or_default().push(i);
        while let Some((_, tail)) = rest.split_once('/') {
            by_tail.entry(tail).or_default().push(i);
            rest = tail;
        }
        for (kind, name, _) in a.links.as_deref().map(|l| l.defines.as_slice()).unwrap_or_default() {
            by_workload.entry((kind.as_str(), name.as_str())).or_default().push(i);
        }
    }
    let mut speakers: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (c, a) in arts.iter().enumerate() {
        let Some(links) = a.links.as_deref() else { continue };
        let mut spoken: BTreeSet<usize> = BTreeSet::new();
        for p in &links.paths {
            spoken.extend(by_tail.get(p.trim_start_matches("./")).into_iter().flatten());
        }
        for (kind, name, ns) in &links.targets {
            let candidates: Vec<usize> = match name {
                Some(n) => by_workload.get(&(kind.as_str(), n.as_str())).cloned().unwrap_or_default(),
                // A target without a name names every workload of its kind.
                None => by_workload.iter().filter(|((k, _), _)| k == kind).flat_map(|(_, v)| v.iter().copied()).collect(),
            };
            spoken.extend(candidates.into_iter().filter(|&t| {
                arts[t].links.as_deref().is_some_and(|l| {
                    l.defines.iter().any(|(k, n, s)| k == kind && name.as_ref().is_none_or(|x| x == n) && ns.as_ref().is_none_or(|x| x.is_empty() || x == s))
                })
            }));
        }
        for t in spoken.into_iter().filter(|&t| t != c) {
            speakers.entry(t).or_default().insert(c);
        }
    }
    for (a, by) in speakers {
        let lacking: Vec<usize> = own[a].iter().filter(|(_, s)| s.status == Status::NoEvidence).map(|(p, _)| *p).collect();
        for p in lacking {
            // The worst of what the manifests that speak for it say, where one says something.
            let said = by
                .iter()
                .filter_map(|&c| own[c].get(&p).filter(|s| s.status != Status::NoEvidence).map(|s| (s.status, c, s.reason.clone())))
                .min_by_key(|(status, c, _)| (*status, *c));
            if let Some((status, c, reason)) = said {
                let from = &arts[c].file;
                let reason = match reason {
                    Some(r) => format!("{r} (declared in `{from}`)"),
                    None => format!("declared in `{from}`"),
                };
                own[a].insert(p, ArtifactStatus { status, reason: Some(intern(&reason)) });
            }
        }
    }
    own
}

/// The name the repository itself has as a subject when there is no config file (with one, the
/// config's display name: a repository rule's finding that names no artifact is placed there).
pub const REPOSITORY_SUBJECT: &str = "(repository)";

/// The status of each repository rule that speaks of the repository itself (named `name`, the
/// config's display name): one that judged it (a result naming no artifact), or has a finding on
/// the config (where a repository finding that names no artifact is placed).
pub fn repository_statuses(outcome: &Outcome, name: &str) -> Vec<(usize, ArtifactStatus)> {
    let mut out = Vec::new();
    for (i, p) in outcome.packages.iter().enumerate().filter(|(_, p)| p.role == Role::Repository) {
        let id = p.rule_id();
        let counting = outcome.diagnostics.iter().any(|d| d.file == name && d.rule == id);
        let waived = outcome.suppressed.iter().any(|d| d.file == name && d.rule == id);
        let judged = outcome.repository_judged.iter().find(|j| j.package as usize == i);
        let status = if counting {
            ArtifactStatus { status: Status::Failed, reason: None }
        } else if waived {
            ArtifactStatus { status: Status::Waived, reason: None }
        } else if let Some(j) = judged {
            let status = match j.judgement {
                Judgement::Evidence => Status::Met,
                Judgement::NoEvidence => Status::NoEvidence,
                Judgement::NotApplicable | Judgement::NoSubject => Status::NotApplicable,
            };
            ArtifactStatus { status, reason: j.reason.clone().filter(|_| status != Status::Met) }
        } else {
            continue;
        };
        out.push((i, status));
    }
    out
}

/// How many (rule, artifact) pairs of the reported artifacts are `no-evidence`.
pub fn no_evidence_count(outcome: &Outcome) -> usize {
    let artifacts: usize = statuses(outcome)
        .iter()
        .zip(&outcome.artifacts)
        .filter(|(_, a)| a.reported)
        .map(|(m, _)| m.values().filter(|s| s.status == Status::NoEvidence).count())
        .sum();
    // The repository itself (the diagnosis rules read its profile).
    let name = outcome.config.source.as_ref().map_or(REPOSITORY_SUBJECT, |s| s.name.as_str());
    artifacts + repository_statuses(outcome, name).iter().filter(|(_, s)| s.status == Status::NoEvidence).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_file_keeps_the_highest_judgement_per_rule() {
        let mut list = Vec::new();
        record(&mut list, Judged { package: 3, judgement: Judgement::NoSubject, reason: Some(intern("a Namespace")) });
        record(&mut list, Judged { package: 1, judgement: Judgement::NoEvidence, reason: None });
        record(&mut list, Judged { package: 3, judgement: Judgement::NoEvidence, reason: None });
        record(&mut list, Judged { package: 3, judgement: Judgement::NoSubject, reason: None });
        assert_eq!(list.iter().map(|j| (j.package, j.judgement)).collect::<Vec<_>>(), [(1, Judgement::NoEvidence), (3, Judgement::NoEvidence)]);
        record(&mut list, Judged { package: 1, judgement: Judgement::NotApplicable, reason: Some(intern("not public")) });
        assert_eq!(list[0].judgement, Judgement::NotApplicable);
        assert_eq!(list[0].reason.as_deref(), Some("not public"));
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
