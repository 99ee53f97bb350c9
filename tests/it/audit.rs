//! `govlint report`: snapshots of the Markdown and JSON audit reports on the example
//! repository, byte-identical output across runs and thread counts, and the HTML report opened
//! in headless Chromium (screenshot and PDF).
//!
//! The example repository sits inside govlint's own git repository, whose commit, branch and
//! dirtiness change with every commit; the tests copy it into a fresh repository with fixed
//! authors and dates, so that every git fact in the report is stable.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{copy_tree, example_repo, tempdir};

/// 2026-01-01T00:00:00Z and 2026-03-15T09:30:00Z: the commit dates of the fixture history.
const FIRST_COMMIT: i64 = 1_767_225_600;
const SECOND_COMMIT: i64 = 1_773_567_000;
/// The report date: 2026-12-01T12:00:00Z.
const SOURCE_DATE_EPOCH: &str = "1796126400";
const TODAY: &str = "2026-12-01";

/// Waivers of every status on `TODAY`: active, expiring within 30 days, expired, unused.
const WAIVERS: &str = "
waivers:
  - rule: DP013
    paths: [\"deploy/k8s/stack.yaml\"]
    reason: the embedder image is pinned by the platform's admission controller (GOV-31)
    approved_by: security@acme.example
    expires: 2027-06-30
  - rule: MC014
    paths: [\"models/legacy-summarizer/**\"]
    reason: legacy card kept as published upstream; retirement planned in GOV-40
    approved_by: compliance@acme.example
    expires: 2026-12-20
  - rule: DP014
    paths: [\"deploy/k8s/stack.yaml\"]
    reason: resource limits set by the namespace quota
    approved_by: platform@acme.example
    expires: 2026-11-01
  - rule: MC001
    paths: [\"models/acme-chat-7b/**\"]
    reason: license under legal review
    approved_by: legal@acme.example
    expires: 2027-03-31
";

/// Commits every file not ignored, leaving out the directories `leave_out`.
fn commit(repo: &git2::Repository, who: (&str, &str), when: i64, message: &str, leave_out: &[&str]) {
    let mut index = repo.index().unwrap();
    index.add_all(["*"], git2::IndexAddOption::DEFAULT, None).unwrap();
    if !leave_out.is_empty() {
        index.remove_all(leave_out, None).unwrap();
    }
    index.write().unwrap();
    let tree = repo.find_tree(index.write_tree().unwrap()).unwrap();
    let sig = git2::Signature::new(who.0, who.1, &git2::Time::new(when, 0)).unwrap();
    let parent = repo.head().ok().and_then(|h| h.peel_to_commit().ok());
    let parents: Vec<&git2::Commit<'_>> = parent.iter().collect();
    repo.commit(Some("HEAD"), &sig, &sig, message, &tree, &parents).unwrap();
}

/// The example repository with waivers, committed in two commits by two authors on `main`,
/// with an `origin` remote: (guard, repository root).
fn fixture_repo() -> (tempfile::TempDir, PathBuf) {
    let (guard, dir) = tempdir();
    let root = dir.join("llm-governance");
    copy_tree(&example_repo(), &root);
    let config = root.join("govlint.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, format!("{text}{WAIVERS}")).unwrap();
    let mut opts = git2::RepositoryInitOptions::new();
    opts.initial_head("main");
    let repo = git2::Repository::init_opts(&root, &opts).unwrap();
    // Credentials in a remote URL must not reach the report.
    repo.remote("origin", "https://ci-bot:s3cret@git.example.com/acme/llm-governance.git").unwrap();
    commit(&repo, ("Ada Auditor", "ada@acme.example"), FIRST_COMMIT, "Import models and datasets", &["deploy"]);
    commit(&repo, ("Lin Wei", "lin@acme.example"), SECOND_COMMIT, "Add serving configs", &[]);
    (guard, root)
}

/// Runs `govlint report` in `dir` with the fixed dates; returns (exit code, stdout bytes, stderr).
fn report(dir: &Path, args: &[&str]) -> (i32, Vec<u8>, String) {
    let out = assert_cmd::Command::cargo_bin("govlint")
        .unwrap()
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .env("GOVLINT_TODAY", TODAY)
        .env_remove("GOVLINT_LANG")
        .arg("report")
        .args(args)
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The report text, with what changes whenever govlint itself changes (its version and the
/// digests of the bundled policies and schemas) replaced by placeholders.
fn stable(bytes: &[u8]) -> String {
    let text = String::from_utf8(bytes.to_vec()).unwrap().replace(env!("CARGO_PKG_VERSION"), "[version]");
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    let flush = |run: &mut String, out: &mut String| {
        if run.len() == 64 {
            out.push_str("[sha256]");
        } else {
            out.push_str(run);
        }
        run.clear();
    };
    for c in text.chars() {
        if c.is_ascii_digit() || ('a'..='f').contains(&c) {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    out
}

#[test]
fn markdown_report_snapshot() {
    let (_guard, root) = fixture_repo();
    let (code, stdout, stderr) = report(&root, &["--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    insta::assert_snapshot!("audit_markdown", stable(&stdout));
}

#[test]
fn json_report_snapshot() {
    let (_guard, root) = fixture_repo();
    let (code, stdout, stderr) = report(&root, &["--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let text = stable(&stdout);
    insta::assert_snapshot!("audit_json", text);
    let v: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    assert_eq!(v["version"], 2);
    // The facts a compliance officer relies on, beyond the snapshot.
    let h = &v["header"];
    assert_eq!(h["repository"], "https://git.example.com/acme/llm-governance.git", "credentials are dropped");
    assert_eq!(h["branch"], "main");
    assert_eq!(h["dirty"], false);
    assert_eq!(h["date"], "2026-12-01T12:00:00Z");
    let head = git2::Repository::open(&root).unwrap().head().unwrap().target().unwrap();
    assert_eq!(h["commit"], head.to_string());
    let status = |rule: &str| -> String {
        v["waivers"].as_array().unwrap().iter().find(|w| w["rule"] == rule).unwrap()["status"].as_str().unwrap().to_string()
    };
    assert!(!text.contains("hf_acmeEXAMPLEtoken"), "a plain-text secret found by DP016 is not copied into the report");
    assert!(text.contains("[redacted]"));
    assert_eq!(status("DP013"), "active");
    assert_eq!(status("MC014"), "expiring");
    assert_eq!(status("DP014"), "expired");
    assert_eq!(status("MC001"), "unused");
    let artifact = |file: &str| v["artifacts"].as_array().unwrap().iter().find(|a| a["file"] == file).unwrap().clone();
    assert_eq!(artifact("deploy/k8s/stack.yaml")["last_change"]["author"], "Lin Wei");
    assert_eq!(artifact("models/acme-chat-7b/README.md")["last_change"]["author"], "Ada Auditor");
    assert_eq!(artifact("models/acme-chat-7b/README.md")["last_change"]["date"], "2026-01-01T00:00:00Z");
}

#[test]
fn report_is_byte_identical_across_runs_and_thread_counts() {
    let (_guard, root) = fixture_repo();
    for format in ["json", "markdown", "html"] {
        let (c1, a, e1) = report(&root, &["--format", format]);
        let (c2, b, e2) = report(&root, &["--format", format, "-j", "1"]);
        assert_eq!((c1, c2), (0, 0), "{e1}{e2}");
        assert!(a == b, "{format} report differs between runs");
    }
}

#[test]
fn report_to_a_file_exits_zero_with_findings_and_marks_a_dirty_tree() {
    let (_guard, root) = fixture_repo();
    let out = root.parent().unwrap().join("audit.json");
    std::fs::write(root.join("models/acme-chat-7b/model-card.yaml"), "name: changed\n").unwrap();
    let (code, stdout, stderr) = report(&root, &["--format", "json", "-o", out.to_str().unwrap()]);
    assert_eq!(code, 0, "findings do not fail a report: {stderr}");
    assert!(stdout.is_empty());
    let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["header"]["dirty"], true);
    assert!(v["summary"]["findings"]["error"].as_u64().unwrap() > 0);
}

#[test]
fn report_tool_errors_exit_two() {
    let (_guard, root) = fixture_repo();
    let (code, _, stderr) = report(&root, &["--config", "missing.yaml"]);
    assert_eq!(code, 2, "{stderr}");
    let out = assert_cmd::Command::cargo_bin("govlint")
        .unwrap()
        .current_dir(&root)
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["report", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
}

#[test]
fn html_report_is_self_contained_and_escaped() {
    let (_guard, root) = fixture_repo();
    // Markup in an artifact must come out as text.
    std::fs::write(
        root.join("models/acme-chat-7b/model-card.yaml"),
        std::fs::read_to_string(root.join("models/acme-chat-7b/model-card.yaml")).unwrap()
            + "\n# <script>alert(1)</script>\nbogus_key_<b>: \"<img src=x onerror=alert(1)>\"\n",
    )
    .unwrap();
    let (code, stdout, stderr) = report(&root, &["--format", "html"]);
    assert_eq!(code, 0, "{stderr}");
    let html = String::from_utf8(stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("Noto Sans CJK SC"));
    assert!(html.contains("@media print") && html.contains("break-before: page"));
    assert_eq!(html.matches("<svg").count(), 2, "charts by layer and by framework");
    for remote in ["src=\"http", "href=\"http", "url(", "@import", "<script", "<link"] {
        assert!(!html.contains(remote), "the page must not load `{remote}`");
    }
    assert!(!html.contains("<img"), "markup from an artifact is escaped");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the excerpt shows the markup as text");
}

/// The Chromium binary, or `None` (the test is then skipped, unless on CI).
fn chromium() -> Option<PathBuf> {
    for name in ["chromium", "chromium-browser", "google-chrome"] {
        if let Ok(out) = Command::new("which").arg(name).output() {
            if out.status.success() {
                return Some(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
            }
        }
    }
    None
}

fn headless(browser: &Path, profile: &Path) -> Command {
    let mut c = Command::new(browser);
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    c
}

/// The number of pages of a PDF: `pdfinfo` when installed, else its `/Type /Page` objects.
fn pdf_pages(pdf: &Path) -> usize {
    if let Ok(out) = Command::new("pdfinfo").arg(pdf).output() {
        if out.status.success() {
            let text = String::from_utf8_lossy(&out.stdout);
            if let Some(n) = text.lines().find_map(|l| l.strip_prefix("Pages:")).and_then(|n| n.trim().parse().ok()) {
                return n;
            }
        }
    }
    let bytes = std::fs::read(pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[test]
fn html_report_renders_and_prints_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(std::env::var("CI").is_err(), "chromium is required on CI (.ci/run installs it)");
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    let (_guard, root) = fixture_repo();
    let work = root.parent().unwrap().to_path_buf();
    let html = work.join("audit.html");
    let (code, _, stderr) = report(&root, &["--format", "html", "-o", html.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let url = format!("file://{}", html.display());

    let png = work.join("audit.png");
    let out = headless(&browser, &work.join("profile-shot"))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1280,2000")
        .arg(&url)
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium --screenshot failed: {}", String::from_utf8_lossy(&out.stderr));
    let shot = std::fs::read(&png).unwrap();
    assert!(shot.starts_with(b"\x89PNG"), "not a PNG");
    // A blank 1280×2000 page compresses to a few kilobytes; the report does not.
    assert!(shot.len() > 50_000, "the screenshot looks empty ({} bytes)", shot.len());

    let pdf = work.join("audit.pdf");
    let out = headless(&browser, &work.join("profile-pdf"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(&url)
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium --print-to-pdf failed: {}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    // The cover and one page per section at least.
    let pages = pdf_pages(&pdf);
    assert!(pages >= 6, "the PDF has {pages} pages");
    // The statuses, what they rest on and the maturity levels reach the printed page.
    if let Ok(text) = Command::new("pdftotext").arg(&pdf).arg("-").output() {
        if text.status.success() {
            let text = String::from_utf8_lossy(&text.stdout);
            for words in ["Maturity by CAICT layer", "not an official CAICT score", "No evidence", "Needs:", "Evidence judged:", "Repository profile"] {
                assert!(text.contains(words), "the printed report lacks {words:?}");
            }
        }
    }
    if let Ok(dir) = std::env::var("GOVLINT_AUDIT_ARTIFACTS") {
        // For a look at the output: copy the screenshot and PDF out of the temp dir.
        let dir = PathBuf::from(dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(&png, dir.join("audit.png")).unwrap();
        std::fs::copy(&pdf, dir.join("audit.pdf")).unwrap();
        std::fs::copy(&html, dir.join("audit.html")).unwrap();
    }
}

#[test]
fn outside_git_the_report_has_no_git_facts_and_rules_without_artifacts_are_not_applicable() {
    let (_guard, dir) = tempdir();
    let root = dir.join("cards");
    copy_tree(&example_repo().join("models"), &root.join("models"));
    let (code, stdout, stderr) = report(&root, &["--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let h = &v["header"];
    for key in ["repository", "branch", "commit", "dirty"] {
        assert!(h[key].is_null(), "{key} outside git: {}", h[key]);
    }
    assert!(v["artifacts"].as_array().unwrap().iter().all(|a| a["last_change"].is_null() && a["uncommitted"].is_null()));
    let requirements: Vec<&serde_json::Value> =
        v["frameworks"].as_array().unwrap().iter().flat_map(|f| f["requirements"].as_array().unwrap()).collect();
    let status = |rule: &str| requirements.iter().find(|r| r["rule"] == rule).map(|r| r["status"].as_str().unwrap().to_string());
    // Only model cards here: the dataset rules apply to nothing, the model-card rules do.
    assert_eq!(status("DS001").as_deref(), Some("not-applicable"));
    assert_eq!(status("MC001").as_deref(), Some("failed"));
    let na = v["summary"]["frameworks"].as_array().unwrap().iter().map(|f| f["not_applicable"].as_u64().unwrap()).sum::<u64>();
    assert!(na > 0);
}

/// The example repository's report and the serving-only fixture's, as JSON files in the parent
/// of the example's copy: (guard, that directory).
fn two_reports() -> (tempfile::TempDir, PathBuf) {
    let (guard, root) = fixture_repo();
    let work = root.parent().unwrap().to_path_buf();
    let (code, _, stderr) = report(&root, &["--format", "json", "-o", work.join("governance.json").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let serving = work.join("serving");
    copy_tree(&common::fixtures().join("serving-only"), &serving);
    std::fs::write(serving.join("govlint.yaml"), "profile:\n  regions: [US]\n  public: false\n").unwrap();
    let (code, _, stderr) = report(&serving, &["--format", "json", "-o", work.join("serving.json").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    (guard, work)
}

#[test]
fn merged_report_snapshot() {
    let (_guard, work) = two_reports();
    let (code, stdout, stderr) = report(&work, &["--merge", "governance.json", "serving.json", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let (code, stdout, stderr) = report(&work, &["--merge", "governance.json", "serving.json", "--format", "markdown"]);
    assert_eq!(code, 0, "{stderr}");
    // The table of inputs shortens the bundle digest, which changes with every policy edit.
    let bundle = &v["header"]["policy_bundle"]["sha256"].as_str().unwrap()[..12];
    insta::assert_snapshot!("audit_merged_markdown", stable(&stdout).replace(&format!("`{bundle}`"), "`[bundle]`"));
    assert_eq!(v["kind"], "merged");
    assert_eq!(v["repositories"].as_array().unwrap().len(), 2);
    let inputs: Vec<&str> = v["header"]["inputs"].as_array().unwrap().iter().map(|i| i["repository"].as_str().unwrap()).collect();
    assert_eq!(inputs, ["https://git.example.com/acme/llm-governance.git", "serving.json"]);
    // A requirement's row gives its status in each repository; combined, the worst.
    let dp001 = v["frameworks"][0]["requirements"].as_array().unwrap().iter().find(|r| r["rule"] == "DP001").unwrap();
    let statuses: Vec<(&str, &str)> =
        dp001["artifacts"].as_array().unwrap().iter().map(|a| (a["file"].as_str().unwrap(), a["status"].as_str().unwrap())).collect();
    assert_eq!(statuses, [("https://git.example.com/acme/llm-governance.git", "no-evidence"), ("serving.json", "not-applicable")]);
    assert_eq!(dp001["status"], "no-evidence");
    // The combined counts are the sums of the repositories'.
    let sum: u64 = v["repositories"].as_array().unwrap().iter().map(|r| r["summary"]["artifacts"].as_u64().unwrap()).sum();
    assert_eq!(v["summary"]["artifacts"], sum);
    assert_eq!(v["summary"]["maturity"].as_array().unwrap().len(), 5);
    // The HTML: one page, a section per repository, self-contained.
    let (code, stdout, _) = report(&work, &["--merge", "governance.json", "serving.json", "--format", "html"]);
    assert_eq!(code, 0);
    let html = String::from_utf8(stdout).unwrap();
    assert!(html.contains("<section id=\"r0\" class=\"page\">") && html.contains("<section id=\"r1\" class=\"page\">"));
    assert!(!html.contains("<script") && !html.contains("src=\"http"));
    // The same inputs give the same bytes.
    let (_, again, _) = report(&work, &["--merge", "governance.json", "serving.json", "--format", "html"]);
    assert!(html.as_bytes() == again.as_slice());
}

#[test]
fn merge_refuses_reports_judged_by_other_rules() {
    let (_guard, work) = two_reports();
    let text = std::fs::read_to_string(work.join("serving.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["version"] = 1.into();
    std::fs::write(work.join("old.json"), serde_json::to_string(&v).unwrap()).unwrap();
    let (code, stdout, stderr) = report(&work, &["--merge", "governance.json", "old.json"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stdout.is_empty());
    assert!(stderr.contains("old.json is a report of version 1") && stderr.contains("version 2"), "{stderr}");

    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["header"]["policy_bundle"]["sha256"] = "0".repeat(64).into();
    std::fs::write(work.join("other.json"), serde_json::to_string(&v).unwrap()).unwrap();
    let (code, _, stderr) = report(&work, &["--merge", "governance.json", "other.json", "--format", "markdown"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("other.json was checked with the policy bundle sha256:0000") && stderr.contains("governance.json"), "{stderr}");

    std::fs::write(work.join("broken.json"), "{\"version\": 2,\n").unwrap();
    let (code, _, stderr) = report(&work, &["--merge", "broken.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("broken.json:2:"), "{stderr}");
    let (code, _, stderr) = report(&work, &["--merge", "missing.json"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("missing.json"), "{stderr}");
}

#[test]
fn merge_states_what_differs_between_the_inputs() {
    let (_guard, work) = two_reports();
    let serving = work.join("serving");
    let (code, _, stderr) = report(&serving, &["--format", "json", "--framework", "eu-ai-act", "-o", work.join("eu.json").to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stdout, stderr) = report(&work, &["--merge", "governance.json", "eu.json", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let v: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let notes: Vec<&str> = v["header"]["notes"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
    assert!(notes.iter().any(|n| n.starts_with("`eu.json` reports on eu-ai-act")), "{notes:?}");
}

#[test]
fn a_requirement_row_lists_a_handful_of_artifacts_and_counts_the_rest() {
    let (_guard, dir) = tempdir();
    for i in 0..12 {
        common::write(
            &dir,
            &format!("deploy/app-{i:02}.yaml"),
            &format!("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{i}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: registry.example/app:1.{i}\n"),
        );
    }
    let (code, stdout, _) = report(&dir, &["--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_slice(&stdout).unwrap();
    let dp013 = v["frameworks"][0]["requirements"].as_array().unwrap().iter().find(|r| r["rule"] == "DP013").unwrap();
    assert_eq!(dp013["artifacts"].as_array().unwrap().len(), 12, "the JSON lists every artifact");
    assert_eq!(dp013["counts"]["failed"], 12);
    let (_, stdout, _) = report(&dir, &["--format", "html"]);
    let html = String::from_utf8(stdout).unwrap();
    let row = html.lines().find(|l| l.contains("href=\"#rule-DP013\"")).unwrap();
    assert_eq!(row.matches("<li ").count(), 5, "{row}");
    assert!(row.contains("<a class=\"more\" href=\"#req-DP013\">all 12: 12 failed →</a>"), "{row}");
    // One click away, the full list: the twelve files of one directory, named once, linked to
    // where that directory starts among the artifacts.
    let list = html.split("<div class=\"reqlist\" id=\"req-DP013\">").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(list.contains("<b>failed</b> (12)"), "{list}");
    assert!(list.contains("<a href=\"#d0\">deploy/</a> (all 12)"), "{list}");
    assert!(html.contains("<div class=\"artifact\" id=\"d0\">"));
    let (_, stdout, _) = report(&dir, &["--format", "markdown"]);
    let md = String::from_utf8(stdout).unwrap();
    let row = md.lines().find(|l| l.starts_with("| DP013 |")).unwrap();
    assert_eq!(row.matches("failed<br>").count(), 5, "{row}");
    assert!(row.contains("… 12 in all: 12 failed (the JSON report lists every one)"), "{row}");
    // A directory where only some files share a status names them.
    common::write(&dir, "deploy/app-12.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-12\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: registry.example/app@sha256:4f1c1e0b2d3a4c5b6a79880f1e2d3c4b5a69788f0e1d2c3b4a59687f0e1d2c3b\n");
    let (_, stdout, _) = report(&dir, &["--format", "html"]);
    let html = String::from_utf8(stdout).unwrap();
    let list = html.split("<div class=\"reqlist\" id=\"req-DP013\">").nth(1).unwrap().split("</div>").next().unwrap();
    assert!(list.contains("<b>met</b> (1): <a href=\"#d0\">deploy/</a> app-12.yaml"), "{list}");
    assert!(list.contains("<b>failed</b> (12): <a href=\"#d0\">deploy/</a> app-00.yaml, app-01.yaml"), "{list}");
    // Rules with the same artifacts and statuses share one list.
    assert!(html.contains("The same artifacts, with the same statuses, as <a href=\"#req-"), "{html}");
}

#[test]
fn merged_html_report_prints_in_headless_chromium() {
    let Some(browser) = chromium() else {
        assert!(std::env::var("CI").is_err(), "chromium is required on CI (.ci/run installs it)");
        eprintln!("skipped: chromium is not installed (apt-get install chromium)");
        return;
    };
    let (_guard, work) = two_reports();
    let html = work.join("merged.html");
    let (code, _, stderr) = report(&work, &["--merge", "governance.json", "serving.json", "--format", "html", "-o", html.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let pdf = work.join("merged.pdf");
    let out = headless(&browser, &work.join("profile-merged"))
        .arg("--no-pdf-header-footer")
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .unwrap();
    assert!(out.status.success(), "chromium --print-to-pdf failed: {}", String::from_utf8_lossy(&out.stderr));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    // The cover, the summary, the frameworks, a section per repository, the rule inventory.
    let pages = pdf_pages(&pdf);
    assert!(pages >= 6, "the PDF has {pages} pages");
    if let Ok(text) = Command::new("pdftotext").arg(&pdf).arg("-").output() {
        if text.status.success() {
            let text = String::from_utf8_lossy(&text.stdout);
            for words in ["Maturity by CAICT layer", "no evidence", "serving.json"] {
                assert!(text.contains(words), "the printed report lacks {words:?}");
            }
        }
    }
}

#[test]
fn an_artifact_that_could_not_be_classified_says_why() {
    let (_guard, dir) = tempdir();
    let root = dir.join("cards");
    copy_tree(&example_repo().join("models"), &root.join("models"));
    // Named as a model card, but its front matter does not parse.
    std::fs::write(root.join("models/acme-chat-7b/model-card.yaml"), "name: [unclosed\nlicense: mit\n").unwrap();
    let (_, stdout, stderr) = report(&root, &["--format", "markdown"]);
    let md = String::from_utf8(stdout).unwrap();
    let section = md.split("### `models/acme-chat-7b/model-card.yaml`").nth(1).unwrap_or_else(|| panic!("{stderr}\n{md}"));
    assert!(section.lines().any(|l| l == "- Kind: not classified: parse error"), "{section}");
    let (_, stdout, _) = report(&root, &["--format", "html"]);
    let html = String::from_utf8(stdout).unwrap();
    assert!(html.contains("<p class=\"meta\">not classified: parse error · "), "the HTML report says it too");
    assert!(!md.contains("- Kind: \n"), "no artifact has an empty kind");
}
