//! The bundled repository rules see only the fields of each document that they read
//! (`document_fields` in policies/lib/repository.rego). A user repository rule turns that off,
//! as it may read any field: comparing the XR findings of the two runs over the fixtures and
//! the corpus shows that the projection keeps every field the bundled rules need.

mod common;

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
    let projected = govlint_with(&project_root(), &[], &["check", "--format", "json", "--no-cache", &target]);
    let whole = govlint_with(&project_root(), &[], &["check", "--format", "json", "--no-cache", "-p", &extra, &target]);
    let (projected, whole) = (xr_findings(&projected), xr_findings(&whole));
    assert!(!projected.is_empty(), "no repository finding in {target}: nothing compared");
    assert_eq!(projected, whole, "{target}");
}

#[test]
fn projected_documents_give_the_same_findings_on_the_fixtures() {
    same_with_whole_documents(&project_root().join("fixtures/example-repo"));
}

#[test]
fn projected_documents_give_the_same_findings_on_the_corpus() {
    let corpus = project_root().join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is absent (it is not part of a clone)", corpus.display());
        return;
    }
    same_with_whole_documents(&corpus);
}
