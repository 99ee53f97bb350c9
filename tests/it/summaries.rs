//! The bundled repository rules read summaries of each file's documents, computed when the file
//! is read (`file_summaries` in policies/lib/repository.rego), not the documents. A user
//! repository rule turns that off, as it may read any field: the bundled rules then summarize
//! the whole documents themselves, in the one evaluation over every artifact. Comparing the XR
//! findings of the two runs over the fixtures and the corpus shows that the summaries made file
//! by file, in separate evaluations, give the same findings.

use crate::common;

use std::path::Path;

use common::{govlint_with, project_root, tempdir, write, Run};

/// A repository rule that never fires: its presence gives every rule whole documents.
const EXTRA: &str = "package govlint.repository.extra\n\nimport rego.v1\n\ndeny contains \"never\" if false\n";

fn xr_findings(run: &Run) -> Vec<String> {
    assert_ne!(run.code, 2, "the tool failed\n--- stderr\n{}", run.stderr);
    run.report()
        .diagnostics
        .iter()
        .filter(|d| d.rule.starts_with("XR"))
        .map(|d| format!("{} {}:{}:{}-{}:{} {}", d.rule, d.file, d.line, d.column, d.end_line, d.end_column, d.message))
        .collect()
}

#[track_caller]
fn same_with_whole_documents(target: &Path) {
    let (_t, policies) = tempdir();
    write(&policies, "extra.rego", EXTRA);
    let extra = policies.to_string_lossy().into_owned();
    let target = target.to_string_lossy().into_owned();
    let summarized = govlint_with(&project_root(), &[], &["check", "--format", "json", "--no-cache", &target]);
    let whole = govlint_with(&project_root(), &[], &["check", "--format", "json", "--no-cache", "-p", &extra, &target]);
    let (summarized, whole) = (xr_findings(&summarized), xr_findings(&whole));
    assert!(!summarized.is_empty(), "no repository finding in {target}: nothing compared");
    assert_eq!(summarized, whole, "{target}");
}

#[test]
fn summaries_give_the_same_findings_on_the_fixtures() {
    same_with_whole_documents(&project_root().join("fixtures/example-repo"));
}

#[test]
fn summaries_give_the_same_findings_on_the_corpus() {
    let corpus = project_root().join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is absent (it is not part of a clone)", corpus.display());
        return;
    }
    same_with_whole_documents(&corpus);
}
