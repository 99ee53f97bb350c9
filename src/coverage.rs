//! The statuses of a run: what each rule judged on each artifact (`evidence`), with the
//! findings, made one status per rule and artifact, for the audit report and the `no-evidence`
//! count of `govlint check` (docs/policies.md, "Evidence").

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};

use crate::evidence::{intern, Judgement, Status};
use crate::messages::Msg;
use crate::pipeline::Outcome;
use crate::policy::{states_evidence, Package, Role};

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
    let mut found: HashMap<(&str, &str), bool> = HashMap::with_capacity(outcome.diagnostics.len() + outcome.suppressed.len());
    for d in &outcome.diagnostics {
        found.insert((&*d.file, d.rule.as_str()), true);
    }
    for d in &outcome.suppressed {
        found.entry((&*d.file, d.rule.as_str())).or_insert(false);
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
                    let judged = crate::evidence::own(&a.judged, i as u32);
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
                    Some(r) => Msg::WithDeclaredIn.text(&[&r, &from]),
                    None => Msg::DeclaredIn.text(&[&from]),
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
        let counting = outcome.diagnostics.iter().any(|d| &*d.file == name && d.rule == id);
        let waived = outcome.suppressed.iter().any(|d| &*d.file == name && d.rule == id);
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
    let name = outcome.config.source.as_ref().map_or(REPOSITORY_SUBJECT, |s| &*s.name);
    artifacts + repository_statuses(outcome, name).iter().filter(|(_, s)| s.status == Status::NoEvidence).count()
}
