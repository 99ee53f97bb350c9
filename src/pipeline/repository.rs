//! The repository stage: the rules that see every artifact at once, and where their
//! findings are placed.

use std::path::PathBuf;
use std::sync::Arc;


use crate::artifact::{Artifact, ArtifactDoc, Released};
use crate::messages::Msg;
use crate::config::Config;
use crate::diagnostic::{codes, Diagnostic, Severity};
use crate::discover::Candidate;
use crate::paths::display_path;
use crate::parse::{self, ParsedFile};
use crate::policy::RepositoryResults;
use crate::source::{SourceFile, Span};
use crate::timings::{self, Stage};
use crate::{evidence, policy, progress};

use super::file::*;

/// Whether the checked artifacts (`checked`, the reported files) differ from the ones read for
/// the repository rules (`read`): a reported file read in one pass and not the other, or read
/// with another text.
pub(crate) fn read_again(checked: &[Artifact], read: &[Artifact], reported: &std::collections::BTreeSet<String>) -> bool {
    let stamps: std::collections::HashMap<&str, Option<Released>> = checked.iter().map(|a| (a.file.as_str(), a.stamp())).collect();
    let mut matched = 0;
    for a in read.iter().filter(|a| reported.contains(&a.file)) {
        match stamps.get(a.file.as_str()) {
            Some(stamp) if *stamp == a.stamp() => matched += 1,
            _ => return true,
        }
    }
    matched != stamps.len()
}

/// Reads an artifact that was not read (see [`cache::Cache::unread`]) for the repository rules:
/// its documents' summaries (only the bundled rules' summaries leave files unread). A file that
/// can no longer be read keeps none.
pub(crate) fn reread(a: &mut Artifact, config: &Config, policies: &policy::PolicySet) {
    if !policies.summarizes() {
        return;
    }
    let c = Candidate::new(PathBuf::from(&a.file), a.parsed.syntax, false);
    let Ok(fresh) = timings::time(policies.timings(), Stage::Parse, || read_and_classify(&c, config)) else { return };
    // A failure to summarize it was reported when its findings were made (the cache keeps them).
    a.values = summaries(policies, &mut policies.worker(), &a.file, &fresh.docs, &fresh.parsed, &mut Vec::new());
    a.docs = fresh.docs;
}

/// The input of the repository rules, `{artifacts: [{path, kind, format, index, document}]}`,
/// built from the documents the engine already holds (shared, not copied); or, when they read
/// summaries, `{summaries: [...]}`, the list of each file's summaries.
pub fn repository_input(artifacts: &[Artifact], summaries: bool) -> regorus::Value {
    use std::collections::BTreeMap;
    let key = |k: &str| regorus::Value::from(k);
    if summaries {
        let list: Vec<regorus::Value> = artifacts.iter().flat_map(|a| a.values.iter().cloned()).collect();
        return regorus::Value::from(BTreeMap::from([(key("summaries"), regorus::Value::from(list))]));
    }
    let mut list = Vec::new();
    for a in artifacts {
        let path = regorus::Value::from(a.file.as_str());
        list.extend(a.docs.iter().zip(&a.values).map(|(d, value)| artifact_entry(&path, d, value.clone())));
    }
    regorus::Value::from(BTreeMap::from([(key("artifacts"), regorus::Value::from(list))]))
}

/// One artifact entry of the repository rules' input: `{path, kind, format, index, document}`.
pub(crate) fn artifact_entry(path: &regorus::Value, d: &ArtifactDoc, document: regorus::Value) -> regorus::Value {
    let key = |k: &str| regorus::Value::from(k);
    regorus::Value::from(std::collections::BTreeMap::from([
        (key("path"), path.clone()),
        (key("kind"), key(d.kind.as_str())),
        (key("format"), key(d.format.as_str())),
        (key("index"), regorus::Value::from(d.index as u64)),
        (key("document"), document),
    ]))
}

/// Runs the repository rules once over every artifact, in one engine, and takes the documents
/// from `artifacts` (the input holds them). The results come in the order of `repo`.
pub(crate) fn repository_rules(set: &policy::PolicySet, repo: &[usize], artifacts: &mut [Artifact], progress: &progress::Progress) -> RepositoryResults {
    if repo.is_empty() {
        return Vec::new();
    }
    timings::time(set.timings(), Stage::Repository, || repository_evaluated(set, repo, artifacts, progress))
}

pub(crate) fn repository_evaluated(set: &policy::PolicySet, repo: &[usize], artifacts: &mut [Artifact], progress: &progress::Progress) -> RepositoryResults {
    let ctx = regorus::Value::from(serde_json::json!({"path": "", "kind": "repository"}));
    let documents = artifacts.iter().map(|a| a.docs.len()).sum();
    let input = policy::PolicySet::input(repository_input(artifacts, set.summarizes()), ctx);
    for a in artifacts.iter_mut() {
        a.values = Vec::new(); // the input holds them now
    }
    // One query over every package, in one engine: what they share of the library (the indexes
    // over every card and workload, most of their cost) is evaluated once. Spread over the
    // workers, each worker evaluated it again, for no gain in time and at twice the memory.
    let results = set.eval_all_wide(set.wide_worker(documents), repo, &input, documents);
    progress.inc_by(repo.len() as u64);
    results
}

/// The repository rules' results with what they judged taken out and made small: a large
/// repository has a judgement per artifact and rule (hundreds of thousands), each a JSON object
/// as the rules give it, and the results are held while the files are checked.
pub(crate) struct Results {
    /// What the rules judged, in the order they said it: of the file named (its name shared by
    /// its judgements), or else of the repository.
    judgements: Vec<(Option<Arc<str>>, evidence::Judged)>,
    /// Their findings and failures, by package.
    findings: RepositoryResults,
}

impl From<RepositoryResults> for Results {
    fn from(results: RepositoryResults) -> Results {
        let mut names: std::collections::HashSet<Arc<str>> = std::collections::HashSet::new();
        let mut judgements = Vec::new();
        let findings = results
            .into_iter()
            .map(|(pkg, result)| {
                let result = result.map(|findings| {
                    let mut kept: Vec<policy::Finding> = findings
                        .into_iter()
                        .filter_map(|f| {
                            // `exempt` is read of a document by a per-artifact rule only.
                            if f.kind == policy::RuleKind::Exempt {
                                return None;
                            }
                            let policy::RuleKind::Judged(j) = f.kind else { return Some(f) };
                            let file = f.value.get("file").and_then(serde_json::Value::as_str).map(|name| evidence::share(&mut names, name));
                            judgements.push((file, judged_of(pkg, j, &f.value)));
                            None
                        })
                        .collect();
                    kept.shrink_to_fit();
                    kept
                });
                (pkg, result)
            })
            .collect();
        judgements.shrink_to_fit();
        Results { judgements, findings }
    }
}

/// The diagnostics of the repository rules' findings. A finding names its artifact with `file`
/// (and `index` for a multi-document file), and is placed by re-parsing that file (read again
/// when its text was released, and held again with `keep_sources`); one without is reported on
/// the config. The findings are placed file by file, so that one file's parse is held at a time.
/// With `only`, the findings on other files are left out unplaced (a run that reports only some
/// files).
pub(crate) fn repository_diagnostics(
    set: &policy::PolicySet,
    results: Results,
    artifacts: &mut [Artifact],
    config: &Config,
    only: Option<&std::collections::BTreeSet<String>>,
    keep_sources: bool,
) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<evidence::Judged>) {
    let mut diags = Vec::new();
    let mut excepted = Vec::new();
    let mut repository = Vec::new();
    let fallback = config.path.as_deref().map(display_path).unwrap_or_else(|| ".".to_string());
    let by_name: std::collections::HashMap<&str, usize> = artifacts.iter().enumerate().map(|(i, a)| (a.file.as_str(), i)).collect();
    let mut placed: Vec<(Option<usize>, policy::Finding)> = Vec::new();
    let mut judged_on: Vec<(usize, evidence::Judged)> = Vec::new();
    let Results { judgements, findings } = results;
    for (file, judged) in judgements {
        if only.is_some_and(|only| !only.contains(file.as_deref().unwrap_or(&fallback))) {
            continue;
        }
        // Of an artifact, or else of the repository itself.
        match file.and_then(|p| by_name.get(&*p).copied()) {
            Some(i) => judged_on.push((i, judged)),
            None => evidence::record(&mut repository, judged),
        }
    }
    for (pkg, result) in findings {
        match result {
            Ok(findings) => {
                for f in findings {
                    let file = f.value.get("file").and_then(serde_json::Value::as_str);
                    if only.is_some_and(|only| !only.contains(file.unwrap_or(&fallback))) {
                        continue;
                    }
                    let target = file.and_then(|p| by_name.get(p).copied());
                    placed.push((target, f));
                }
            }
            Err(e) => diags.push(Diagnostic::whole_file(
                fallback.clone(),
                codes::POLICY_ERROR,
                Severity::Error,
                Msg::PolicyFailed.text(&[&set.packages[pkg].name, &e]),
            )),
        }
    }
    drop(by_name);
    for (i, judged) in judged_on {
        evidence::record(&mut artifacts[i].judged, judged);
    }
    // Stable: a file's findings keep the packages' order.
    placed.sort_by_key(|(target, _)| *target);
    // The file being placed in, parsed, with the items of its lists as they are needed.
    let mut config_parse: Option<ParsedFile> = None;
    let mut current: Option<(usize, ParsedFile, std::collections::HashMap<usize, Vec<parse::Document>>)> = None;
    for (target, f) in placed {
        let d = match target {
            Some(i) => {
                if current.as_ref().is_none_or(|(at, _, _)| *at != i) {
                    let a = &mut artifacts[i];
                    let source = a.text();
                    if keep_sources && a.released.is_some() && !source.text.is_empty() {
                        a.parsed.source = Arc::clone(&source);
                        a.released = None;
                    }
                    current = Some((i, parse::parse(source, a.parsed.syntax, &config.limits), Default::default()));
                }
                let (_, parsed, lists) = current.as_mut().expect("parsed above");
                let a = &artifacts[i];
                let index = f.value.get("index").and_then(serde_json::Value::as_u64).map(|i| i as usize);
                let doc_idx = index.or_else(|| a.docs.first().map(|d| d.index)).unwrap_or(0);
                let kind = a.docs.iter().find(|d| d.index == doc_idx).map(|d| d.kind.as_str());
                let doc = parsed.documents.get(doc_idx);
                // On a list, the finding is on one of its items (its path starts there): the
                // first whose text has the path.
                let items: &[parse::Document] = match doc.filter(|d| parse::kubernetes::is_list(&d.value)) {
                    Some(list) => lists.entry(doc_idx).or_insert_with(|| parse::kubernetes::items(list)),
                    None => &[],
                };
                let pointer = policy::result_pointer(&f.value).unwrap_or_default();
                let item = items.iter().position(|i| i.map.get(&pointer).is_some());
                let mut d = match item {
                    Some(i) => in_item(policy::to_diagnostic(set, &f, &parsed.source, Some(&items[i])), Some(i)),
                    None => policy::to_diagnostic(set, &f, &parsed.source, doc),
                }
                .in_document(doc_idx, kind);
                if let Some(doc) = doc {
                    d.identify(&doc.value);
                }
                d
            }
            None => match (f.value.get("file").and_then(serde_json::Value::as_str), &config.source) {
                // About the repository: its `path` is in govlint.yaml (the profile).
                (None, Some(source)) => {
                    let parsed = config_parse.get_or_insert_with(|| parse::parse(Arc::clone(source), parse::Syntax::Yaml, &parse::Limits::default()));
                    policy::to_diagnostic(set, &f, source, parsed.documents.first())
                }
                (file, _) => {
                    let mut d = policy::to_diagnostic(set, &f, &SourceFile::new(fallback.clone(), String::new()), None);
                    d.file = file.map_or_else(|| Arc::from(fallback.as_str()), Arc::from);
                    d
                }
            },
        };
        if f.excepted { excepted.push(excepted_by_policy(d)) } else { diags.push(d) }
    }
    (diags, excepted, repository)
}

/// conftest `--combine`: user policies see every artifact document at once, as
/// `[{path, contents}]`; their findings are reported on `(combined)`.
pub(crate) fn combined_rules(set: &policy::PolicySet, engine: &mut regorus::Engine, artifacts: &[Artifact]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    timings::time(set.timings(), Stage::Repository, || combined_evaluated(set, engine, artifacts))
}

pub(crate) fn combined_evaluated(set: &policy::PolicySet, engine: &mut regorus::Engine, artifacts: &[Artifact]) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let input: Vec<regorus::Value> = artifacts
        .iter()
        .flat_map(|a| {
            a.values.iter().map(move |v| {
                let entry = [(regorus::Value::from("path"), regorus::Value::from(a.file.as_str())), (regorus::Value::from("contents"), v.clone())];
                regorus::Value::from(std::collections::BTreeMap::from(entry))
            })
        })
        .collect();
    let ctx = regorus::Value::from(serde_json::json!({"path": "(combined)"}));
    let input = policy::PolicySet::input(regorus::Value::from(input), ctx);
    let combined = SourceFile::new("(combined)", String::new());
    let mut diags = Vec::new();
    let mut excepted = Vec::new();
    let user: Vec<usize> = (0..set.packages.len()).filter(|&i| !set.packages[i].builtin && set.packages[i].role == policy::Role::Artifact).collect();
    let documents = artifacts.iter().map(|a| a.docs.len()).sum();
    for (pkg, result) in user.iter().map(|&p| (p, set.eval_one_wide(engine, p, &input, documents))) {
        match result {
            Ok(findings) => {
                // What a combined policy judges concerns no one artifact.
                for f in findings.into_iter().filter(|f| !matches!(f.kind, policy::RuleKind::Judged(_) | policy::RuleKind::Exempt)) {
                    let d = policy::to_diagnostic(set, &f, &combined, None);
                    if f.excepted { excepted.push(excepted_by_policy(d)) } else { diags.push(d) }
                }
            }
            Err(e) => diags.push(policy::error_diagnostic(set, pkg, &e, &combined, 0)),
        }
    }
    (diags, excepted)
}

/// A finding on item `item` of a list document, its JSON path made the list's.
pub(crate) fn in_item(mut d: Diagnostic, item: Option<usize>) -> Diagnostic {
    if let (Some(i), Some(p)) = (item, d.pointer.as_mut()) {
        *p = format!("{}{p}", parse::kubernetes::item_pointer(i));
    }
    d
}

/// Whether `pointer` is item `item` of a list document or below it.
pub(crate) fn within(pointer: &str, item: usize) -> bool {
    let prefix = parse::kubernetes::item_pointer(item);
    pointer.strip_prefix(&prefix).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The document whose text holds `span`; past the last document, the one that failed to parse.
pub(crate) fn doc_at(parsed: &ParsedFile, span: Span) -> Option<usize> {
    match parsed.documents.iter().find(|d| d.span.start <= span.start && span.start <= d.span.end) {
        Some(d) => Some(d.index),
        None if parsed.syntax == parse::Syntax::Yaml && parsed.documents.last().is_some_and(|d| span.start > d.span.end) => {
            Some(parsed.documents.len())
        }
        None => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn artifact(file: &str, text: &str) -> Artifact {
        let parsed = ParsedFile::unread(SourceFile::new(file, text.to_string()), parse::Syntax::Yaml);
        Artifact { file: file.to_string(), parsed, docs: Vec::new(), values: Vec::new(), facts: None, released: None, judged: Vec::new(), reported: false, links: None }
    }

    fn released(file: &str, text: &str) -> Artifact {
        let mut a = artifact(file, "");
        a.released = Some(Released::of(text));
        a
    }

    #[test]
    fn the_repository_rules_read_again_when_a_checked_file_changed_meanwhile() {
        let reported: std::collections::BTreeSet<String> = ["a.yaml".to_string()].into();
        // What they read of the unreported file is theirs alone; the reported one is compared,
        // whether its text is held or released.
        let read = vec![released("a.yaml", "x: 1\n"), released("b.yaml", "y: 1\n")];
        assert!(!read_again(&[artifact("a.yaml", "x: 1\n")], &read, &reported));
        assert!(!read_again(&[released("a.yaml", "x: 1\n")], &read, &reported));
        assert!(read_again(&[artifact("a.yaml", "x: 2\n")], &read, &reported));
        // Read in one pass and not the other.
        assert!(read_again(&[], &read, &reported));
        assert!(read_again(&[artifact("a.yaml", "x: 1\n")], &[released("b.yaml", "y: 1\n")], &reported));
    }
}
