//! Evidence statuses end to end: a requirement is `met` only where its rule judged the facts it
//! needs; the repository profile declares applicability once; `no-evidence` is counted in every
//! output and never fails a run; the diagnosis rules read the profile; the maturity levels.
//!
//! The trees are `fixtures/serving-only/` (a Kubernetes deployment with no governance manifest,
//! as many real serving repositories are) copied into a temporary directory, with the
//! `govlint.yaml` each test writes.

use crate::common;

use std::path::{Path, PathBuf};

use common::{copy_tree, fixtures, govlint_with, tempdir, write};
use serde_json::Value;

/// The report date and waiver day, fixed.
const ENV: &[(&str, &str)] = &[("SOURCE_DATE_EPOCH", "1796126400"), ("GOVLINT_TODAY", "2026-12-01")];

/// Requirements that only a governance declaration (a manifest's `governance:` block, the
/// profile) can evidence: no workload field says them.
const GOVERNANCE_EVIDENCE: &[&str] = &[
    "DP001", "DP002", "DP003", "DP004", "DP005", "DP006", "DP007", "DP008", "DP009", "DP010", "DP011", "DP012", "DP018", "DP019", "DP020", "DP021", "DP022", "DP023", "XR002", "XR004",
    "XR005", "DG001", "DG002", "DG003", "DG004", "DG005", "DG006",
];

/// A copy of `fixtures/serving-only` with `config` as its govlint.yaml (none when `None`).
fn serving_only(config: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let (guard, dir) = tempdir();
    let root = dir.join("serving");
    copy_tree(&fixtures().join("serving-only"), &root);
    if let Some(c) = config {
        write(&root, "govlint.yaml", c);
    }
    (guard, root)
}

/// `govlint report --format json` in `dir`, parsed.
fn report(dir: &Path, args: &[&str]) -> Value {
    let mut all = vec!["report", "--format", "json"];
    all.extend_from_slice(args);
    let run = govlint_with(dir, ENV, &all);
    run.expect_code(0);
    serde_json::from_str(&run.stdout).unwrap()
}

/// A requirement of the report, from the first framework that has it.
fn requirement<'a>(v: &'a Value, rule: &str) -> &'a Value {
    v["frameworks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["requirements"].as_array().unwrap())
        .find(|r| r["rule"] == rule)
        .unwrap_or_else(|| panic!("no requirement {rule}"))
}

fn status_on<'a>(req: &'a Value, file_suffix: &str) -> &'a Value {
    req["artifacts"].as_array().unwrap().iter().find(|a| a["file"].as_str().unwrap().ends_with(file_suffix)).unwrap_or_else(|| panic!("{} lists no {file_suffix}: {req}", req["rule"]))
}

/// The profile of an internal service outside China and the EU, with a complete assessment.
const INTERNAL: &str = "profile:
  regions: [US]
  public: false
  commercial: false
  systemic_risk: false
  owner: {name: Platform Team, email: platform@acme.example}
  data_classification: general
  assessment:
    date: 2025-01-15
    scenario: Internal code-review assistant for ACME engineers.
    requirements:
      infrastructure: One GPU node per region; p95 latency under 3 s.
      data-resources: No training; prompts are the engineers' own code.
      algorithm-models: An open code model, 7B, 16k context.
      application-services: IDE plugin and a review bot.
      security-trustworthiness: No code leaves the company network.
    strategy:
      route: An open model served as it is, without fine-tuning.
      goals: Halve the review turnaround.
    resources:
      compute: 2 x A100 80GB on the internal cluster.
      data: None beyond the prompts.
    team:
      - {role: business owner, name: Li Wei}
      - {role: security, name: Zhang Min}
    risk: {level: low, rationale: Internal users only; no decision about individuals.}
";

#[test]
fn a_kubernetes_only_repository_has_no_met_governance_requirement() {
    let (_guard, root) = serving_only(None);
    let v = report(&root, &[]);
    for rule in GOVERNANCE_EVIDENCE {
        let req = requirement(&v, rule);
        assert_ne!(req["status"], "met", "{rule} is met with nothing to read: {req}");
        for a in req["artifacts"].as_array().unwrap() {
            assert_ne!(a["status"], "met", "{rule} is met on {}", a["file"]);
        }
    }
    // The serving Deployment lacks the governance facts; the RBAC and Issuer files run no service.
    let dp019 = requirement(&v, "DP019");
    assert_eq!(dp019["status"], "no-evidence");
    assert_eq!(status_on(dp019, "assistant.yaml")["status"], "no-evidence");
    // The RBAC and Issuer files are cluster plumbing: not artifacts, so no requirement lists them.
    let files = |req: &Value| req["artifacts"].as_array().unwrap().iter().map(|a| a["file"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert!(files(dp019).iter().all(|f| !f.ends_with("rbac.yaml") && !f.ends_with("issuer.yaml")), "{dp019}");
    assert!(dp019["needs"].as_str().unwrap().contains("governance.content_safety"), "{dp019}");
    // What a workload does say is judged, and met where it holds.
    for rule in ["DP013", "DP014", "DP015", "DP016", "DP017"] {
        let req = requirement(&v, rule);
        assert_eq!(req["status"], "met", "{req}");
        assert_eq!(status_on(req, "assistant.yaml")["status"], "met");
    }
    assert!(files(requirement(&v, "DP013")).iter().all(|f| !f.ends_with("rbac.yaml")));
    // The workload serves a model no manifest speaks for: whether it is commercial, and public in
    // China, is not declared.
    assert_eq!(status_on(requirement(&v, "XR004"), "assistant.yaml")["status"], "no-evidence");
    assert_eq!(status_on(requirement(&v, "XR002"), "assistant.yaml")["status"], "no-evidence");
    // Nothing of the diagnosis stage is declared: the repository itself lacks the evidence.
    let dg001 = requirement(&v, "DG001");
    assert_eq!(dg001["artifacts"][0]["file"], "(repository)");
    assert_eq!(dg001["artifacts"][0]["status"], "no-evidence");
    assert!(v["header"]["profile"].is_null());
}

#[test]
fn a_profile_declaring_an_internal_service_makes_dp001_not_applicable() {
    let (_guard, root) = serving_only(Some("profile:\n  regions: [CN]\n  public: false\n"));
    let v = report(&root, &[]);
    let dp001 = requirement(&v, "DP001");
    assert_eq!(dp001["status"], "not-applicable", "{dp001}");
    let on = status_on(dp001, "assistant.yaml");
    assert_eq!(on["status"], "not-applicable");
    assert!(on["reason"].as_str().unwrap().contains("profile.public in govlint.yaml"), "{on}");
    assert_eq!(v["header"]["profile"]["public"], false);
    assert_eq!(v["header"]["profile_line"], 1);
    // Declared once, it speaks for every service: the other Chinese rules too.
    for rule in ["DP003", "DP004", "DP019", "XR004"] {
        assert_eq!(requirement(&v, rule)["status"], "not-applicable", "{rule}");
    }
    // Not for what it does not decide: monitoring is still to be declared.
    assert_eq!(requirement(&v, "DP009")["status"], "no-evidence");

    // A manifest's own declaration wins over the profile for its service.
    write(
        &root,
        "deploy/governance.yaml",
        "apiVersion: govlint.dev/v1\nkind: DeploymentManifest\nmetadata:\n  name: assistant\ngovernance:\n  service: {public: true, regions: [CN]}\n",
    );
    let v = report(&root, &[]);
    let dp001 = requirement(&v, "DP001");
    assert_eq!(dp001["status"], "failed", "{dp001}");
    assert_eq!(status_on(dp001, "governance.yaml")["status"], "failed");
    assert_eq!(status_on(dp001, "assistant.yaml")["status"], "not-applicable");
}

#[test]
fn no_evidence_is_counted_in_every_output_and_fails_nothing() {
    // The same Deployment without `--model`: no finding at all, only missing evidence.
    let (_guard, root) = serving_only(None);
    let text = std::fs::read_to_string(root.join("deploy/assistant.yaml")).unwrap();
    let start = text.find("          args:").unwrap();
    let end = start + text[start..].find('\n').unwrap() + 1;
    write(&root, "deploy/assistant.yaml", &format!("{}{}", &text[..start], &text[end..]));

    let v = report(&root, &[]);
    // (rule, file) pairs without evidence, from the report.
    let mut pairs = std::collections::BTreeSet::new();
    for f in v["frameworks"].as_array().unwrap() {
        for r in f["requirements"].as_array().unwrap() {
            for a in r["artifacts"].as_array().unwrap().iter().filter(|a| a["status"] == "no-evidence") {
                pairs.insert((r["rule"].as_str().unwrap().to_string(), a["file"].as_str().unwrap().to_string()));
            }
        }
    }
    assert_eq!(pairs.len(), 24, "{pairs:?}");

    let human = govlint_with(&root, ENV, &["check"]);
    human.expect_code(0);
    assert!(human.stdout.ends_with(&format!("0 waived; {} checks without evidence\n", pairs.len())), "{}", human.stdout);
    let json = govlint_with(&root, ENV, &["check", "--format", "json"]);
    json.expect_code(0);
    let j: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(j["summary"]["no_evidence"], pairs.len());
    assert_eq!(j["summary"]["errors"], 0);
    let md = govlint_with(&root, ENV, &["check", "--format", "markdown"]);
    md.expect_code(0);
    assert!(md.stdout.contains("| checks without evidence |") && md.stdout.contains(&format!("| 0 | {} |", pairs.len())), "{}", md.stdout);
    let gh = govlint_with(&root, ENV, &["check", "--format", "github"]);
    assert!(gh.stdout.contains(&format!("{} checks without evidence", pairs.len())), "{}", gh.stdout);
    // `--fail-on note` fails on notes, never on missing evidence.
    govlint_with(&root, ENV, &["check", "--fail-on", "note"]).expect_code(0);

    // The report counts requirements by status, framework by framework and in the matrix.
    let caict = v["summary"]["frameworks"].as_array().unwrap().iter().find(|f| f["framework"] == "caict-roadmap-2024").unwrap();
    let without = v["frameworks"][0]["requirements"].as_array().unwrap().iter().filter(|r| r["status"] == "no-evidence").count();
    assert_eq!(caict["no_evidence"], without);
    let in_matrix: u64 = v["summary"]["matrix"].as_array().unwrap().iter().flat_map(|r| r["cells"].as_array().unwrap()).map(|c| c["no_evidence"].as_u64().unwrap()).sum();
    assert_eq!(in_matrix as usize, without);
    let md = govlint_with(&root, ENV, &["report", "--format", "markdown"]);
    assert!(md.stdout.contains(&format!("| caict-roadmap-2024 | {} | 0 | 0 | {without} |", caict["met"])), "{}", md.stdout);
    assert!(md.stdout.contains("> No evidence: the requirement applies"), "the one sentence that says what to add");
    assert!(md.stdout.contains("- **DP019** (1 without evidence): `governance.content_safety`"), "{}", md.stdout);
    let html = govlint_with(&root, ENV, &["report", "--format", "html"]).stdout;
    assert!(html.contains("<th class=\"num\">No evidence</th>"), "framework table column");
    assert!(html.contains("<span class=\"badge no-evidence\">no evidence</span>"));
    assert!(html.contains("<div class=\"needs\">Needs: <code>governance.content_safety</code>"));
    assert!(html.contains("none declared (<code>profile:</code> in govlint.yaml)"), "the header says no profile is declared");
}

#[test]
fn the_diagnosis_rules_read_the_profile_and_point_into_govlint_yaml() {
    let (_guard, root) = serving_only(Some("profile:\n  regions: [US]\n  assessment:\n    date: 2025-01-15\n    scenario: Internal assistant.\n"));
    let run = govlint_with(&root, ENV, &["check", "--format", "json"]);
    let j: Value = serde_json::from_str(&run.stdout).unwrap();
    let dg: Vec<&Value> = j["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"].as_str().unwrap().starts_with("DG")).collect();
    // Every layer's requirements, the team and owner, compute, data, risk level and rationale,
    // the strategy's route and goals are missing from the declared assessment.
    assert_eq!(dg.iter().filter(|d| d["rule"] == "DG001").count(), 5, "{dg:?}");
    for d in &dg {
        assert_eq!(d["file"], "govlint.yaml", "{d}");
        assert_eq!(d["severity"], "warning");
        // A missing field points at its nearest existing ancestor in the config.
        assert!(d["line"].as_u64().unwrap() >= 1 && d["line"].as_u64().unwrap() <= 3 || d["pointer"] == "/profile/owner", "{d}");
    }
    let v = report(&root, &[]);
    assert_eq!(requirement(&v, "DG001")["status"], "failed");
    assert_eq!(requirement(&v, "DG001")["artifacts"][0]["file"], "govlint.yaml");
    // Complete, it is met with evidence.
    let (_guard, root) = serving_only(Some(INTERNAL));
    let v = report(&root, &[]);
    for rule in ["DG001", "DG002", "DG003", "DG004", "DG005", "DG006"] {
        assert_eq!(requirement(&v, rule)["status"], "met", "{rule}");
    }
}

#[test]
fn maturity_levels_of_a_hand_computed_repository() {
    // The internal assistant: a complete assessment, a compliant serving Deployment, no card, no
    // dataset, no governance manifest. By hand, layer by layer (docs/audit-report.md, "Maturity"):
    // - infrastructure: diagnosis DG003 met; capability building MC012 not applicable (no card),
    //   passed over; deployment DP013, DP014, DP017 met; operations DP015 met but DP009 (monitoring)
    //   without evidence: level 3, held at operations by DP009.
    // - data resources: DG004 met; nothing else applies (no dataset, no card): level 1.
    // - algorithm models: DG006 met; capability building passed over; deployment XR001 failed (the
    //   served model has no card): level 1, held by XR001.
    // - application services: DG001 met; deployment DP012 not applicable (US only), XR002 not
    //   applicable (not commercial), DP018 without evidence: level 1, held by DP018.
    // - security: DG002, DG005 met; capability building passed over; deployment DP016 met, the
    //   Chinese rules not applicable (not public): level 3; operations DP006, DP007 not
    //   applicable, DP011 (log retention) without evidence: held by DP011.
    let (_guard, root) = serving_only(Some(INTERNAL));
    let v = report(&root, &[]);
    let levels: Vec<(String, u64, Option<String>, Vec<String>)> = v["summary"]["maturity"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["layer"].as_str().unwrap().to_string(),
                m["level"].as_u64().unwrap(),
                m["held_at"].as_str().map(str::to_string),
                m["gaps"].as_array().unwrap().iter().map(|g| format!("{} {}", g["rule"].as_str().unwrap(), g["status"].as_str().unwrap())).collect(),
            )
        })
        .collect();
    let expected = vec![
        ("infrastructure".to_string(), 3, Some("operations-management".to_string()), vec!["DP009 no-evidence".to_string()]),
        ("data-resources".to_string(), 1, None, vec![]),
        ("algorithm-models".to_string(), 1, Some("application-deployment".to_string()), vec!["XR001 failed".to_string()]),
        ("application-services".to_string(), 1, Some("application-deployment".to_string()), vec!["DP018 no-evidence".to_string()]),
        ("security-trustworthiness".to_string(), 3, Some("operations-management".to_string()), vec!["DP011 no-evidence".to_string()]),
    ];
    assert_eq!(levels, expected);
    let md = govlint_with(&root, ENV, &["report", "--format", "markdown"]).stdout;
    assert!(md.contains("| infrastructure | 3 / 4 — deployed | application-deployment | operations-management | DP009 no evidence |"), "{md}");
    assert!(md.contains("not an official CAICT score"));
}

#[test]
fn evidence_comes_back_the_same_from_the_cache() {
    let (_guard, root) = serving_only(Some("cache: true\nprofile:\n  public: false\n"));
    let cold = govlint_with(&root, ENV, &["check", "--format", "json"]);
    let warm = govlint_with(&root, &[ENV[0], ENV[1], ("GOVLINT_CACHE_STATS", "1")], &["check", "--format", "json"]);
    assert!(warm.stderr.contains("cache: 1 hits"), "{}", warm.stderr);
    let a: Value = serde_json::from_str(&cold.stdout).unwrap();
    let b: Value = serde_json::from_str(&warm.stdout).unwrap();
    assert_eq!(a["summary"], b["summary"]);
    assert!(a["summary"]["no_evidence"].as_u64().unwrap() > 0);
    let r1 = govlint_with(&root, ENV, &["report", "--format", "json"]).stdout;
    let r2 = govlint_with(&root, ENV, &["report", "--format", "json"]).stdout;
    assert_eq!(r1, r2);
}

#[test]
fn a_mistake_in_the_profile_is_a_config_error_at_its_line() {
    let (_guard, root) = serving_only(Some("profile:\n  regions: [CN]\n  minorz: true\n"));
    let run = govlint_with(&root, ENV, &["check"]);
    run.expect_code(2);
    assert!(run.stderr.contains("govlint.yaml:3:3"), "{}", run.stderr);
    assert!(run.stderr.contains("minorz"), "{}", run.stderr);
}

#[test]
fn a_manifest_beside_a_workload_speaks_for_it() {
    let (_guard, root) = serving_only(None);
    // The governance facts of the assistant, in a manifest of their own that targets it.
    write(
        &root,
        "governance/assistant.yaml",
        "apiVersion: govlint.dev/v1
kind: DeploymentManifest
metadata:
  name: assistant
governance:
  targets:
    - {kind: Deployment, name: assistant, namespace: assistant}
  service: {public: true, regions: [CN]}
  content_safety: {input_filter: true, output_filter: true, provider: keyword library}
",
    );
    let v = report(&root, &[]);
    let dp019 = requirement(&v, "DP019");
    assert_eq!(status_on(dp019, "governance/assistant.yaml")["status"], "met");
    let on = status_on(dp019, "deploy/assistant.yaml");
    assert_eq!(on["status"], "met", "{dp019}");
    assert_eq!(on["reason"], "declared in `governance/assistant.yaml`");
    // Where the manifest fails, so does the service it speaks for.
    let dp001 = requirement(&v, "DP001");
    assert_eq!(status_on(dp001, "deploy/assistant.yaml")["status"], "failed");
    // A manifest that targets another workload speaks for nothing here.
    let text = std::fs::read_to_string(root.join("governance/assistant.yaml")).unwrap().replace("name: assistant, namespace", "name: other, namespace");
    write(&root, "governance/assistant.yaml", &text);
    let v = report(&root, &[]);
    assert_eq!(status_on(requirement(&v, "DP019"), "deploy/assistant.yaml")["status"], "no-evidence");
}

#[test]
fn every_met_names_the_evidence_its_rule_judged() {
    let (_guard, root) = serving_only(Some(INTERNAL));
    let v = report(&root, &[]);
    let md = govlint_with(&root, ENV, &["report", "--format", "markdown"]).stdout;
    let rests_on = md.split("### What `met` rests on\n").nth(1).unwrap_or_else(|| panic!("no section on what `met` rests on: {md}"));
    let rests_on = rests_on.split("\n## ").next().unwrap();
    let html = govlint_with(&root, ENV, &["report", "--format", "html"]).stdout;
    let mut met = 0;
    for r in v["frameworks"].as_array().unwrap().iter().flat_map(|f| f["requirements"].as_array().unwrap()) {
        if r["counts"]["met"].as_u64().unwrap() == 0 {
            continue;
        }
        met += 1;
        let rule = r["rule"].as_str().unwrap();
        let needs = r["needs"].as_str().unwrap_or_else(|| panic!("{rule} is met and says nothing of its evidence"));
        // Markdown: the rule, how many artifacts are met, and the evidence judged.
        let line = rests_on.lines().find(|l| l.starts_with(&format!("- **{rule}** ("))).unwrap_or_else(|| panic!("{rule} is met and not listed:\n{rests_on}"));
        assert!(line.contains(&format!("({} met): ", r["counts"]["met"])), "{line}");
        assert!(line.contains(needs.split('`').nth(1).unwrap_or(needs)), "{line} / {needs}");
        // HTML: the requirement's row says what was judged (or, where evidence is also
        // missing somewhere, what is needed: the same text).
        let row = html.lines().find(|l| l.contains(&format!("href=\"#rule-{rule}\""))).unwrap();
        assert!(row.contains("<div class=\"judged\">Evidence judged: ") || row.contains("<div class=\"needs\">Needs: "), "{row}");
    }
    assert!(met >= 8, "the fixture meets {met} requirements");
    // A workload rule met on the Deployment names the image fields it read.
    assert!(rests_on.contains("- **DP013** (1 met): the image of each container"), "{rests_on}");
    let row = html.lines().find(|l| l.contains("href=\"#rule-DP013\"")).unwrap();
    assert!(row.contains("<div class=\"judged\">Evidence judged: the image of each container"), "{row}");
    // The diagnosis rules met name the assessment they read.
    assert!(rests_on.contains("- **DG003** (1 met): `profile.assessment.resources.compute`"), "{rests_on}");
}

#[test]
fn rules_turned_off_are_listed_and_not_reported() {
    // By a prefix in the config, and by --ignore: nothing was checked, so no status is claimed.
    for (config, args) in [(Some("rules:\n  DP01: off\n"), vec![]), (None, vec!["--ignore", "DP01"])] {
        let (_guard, root) = serving_only(config);
        let v = report(&root, &args);
        let off: Vec<&str> = v["header"]["rules_off"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert_eq!(off, ["DP010", "DP011", "DP012", "DP013", "DP014", "DP015", "DP016", "DP017", "DP018", "DP019"], "{args:?}");
        let reported = |rule: &str| v["frameworks"].as_array().unwrap().iter().flat_map(|f| f["requirements"].as_array().unwrap()).any(|r| r["rule"] == rule);
        assert!(!reported("DP013") && !reported("DP019"));
        assert!(reported("DP009"));
        assert!(v["summary"]["statuses"].get("DP013").is_none());
    }
}

/// The requirement `rule` of `framework` in a JSON report.
fn requirement_of<'a>(v: &'a Value, framework: &str, rule: &str) -> &'a Value {
    let f = v["frameworks"].as_array().unwrap().iter().find(|f| f["id"] == framework).unwrap_or_else(|| panic!("no framework {framework}"));
    f["requirements"].as_array().unwrap().iter().find(|r| r["rule"] == rule).unwrap_or_else(|| panic!("{framework} has no requirement {rule}"))
}

#[test]
fn an_open_release_is_out_of_the_eu_documentation_duties_only() {
    let (_t, dir) = tempdir();
    let card = |governance: &str| format!("---\nlicense: apache-2.0\npipeline_tag: text-generation\ngovernance: {governance}\n---\n\n# open-7b\n\nA small open model.\n");
    write(&dir, "open/README.md", &card("{weights_public: true, systemic_risk: false}"));
    write(&dir, "held/README.md", &card("{systemic_risk: false}"));
    let (run, r) = common::check_json(&dir, &[]);
    run.expect_code(1);
    // The architecture is missing from both cards: the finding on the open release cites its
    // other frameworks; the other card's cites the EU AI Act too.
    let cited = |file: &str| -> Vec<Vec<String>> {
        let v: Value = serde_json::from_str(&run.stdout).unwrap();
        v["diagnostics"].as_array().unwrap().iter().filter(|d| d["rule"] == "MC004" && d["file"] == file).map(|d| d["frameworks"].as_object().unwrap().keys().cloned().collect()).collect()
    };
    assert!(!r.diagnostics.is_empty());
    assert!(cited("open/README.md").iter().all(|f| !f.contains(&"eu-ai-act".to_string()) && f.contains(&"caict-roadmap-2024".to_string())), "{:?}", cited("open/README.md"));
    assert!(cited("held/README.md").iter().all(|f| f.contains(&"eu-ai-act".to_string())), "{:?}", cited("held/README.md"));
    // With only the EU AI Act in force, the open release has no MC004 finding at all.
    let eu = common::check_json(&dir, &["--framework", "eu-ai-act"]).1;
    assert!(eu.in_file("open/README.md").iter().all(|d| !["MC001", "MC003", "MC004", "MC005", "MC006", "MC008", "MC012", "MC013"].contains(&d.rule.as_str())), "{:#?}", eu.diagnostics);
    assert!(eu.in_file("held/README.md").iter().any(|d| d.rule == "MC004"), "{:#?}", eu.diagnostics);
    // In the audit report the EU requirement is not applicable to the open release, with the
    // reason; the CAICT one still fails there; the copyright duty (Art. 53(1)(c)) is not exempt.
    let v = report(&dir, &[]);
    let open = status_on(requirement_of(&v, "eu-ai-act", "MC004"), "open/README.md");
    assert_eq!(open["status"], "not-applicable", "{open}");
    assert!(open["reason"].as_str().unwrap().contains("Art. 53(2)") && open["reason"].as_str().unwrap().contains("`apache-2.0`"), "{open}");
    assert_eq!(status_on(requirement_of(&v, "eu-ai-act", "MC004"), "held/README.md")["status"], "failed");
    assert_eq!(requirement_of(&v, "eu-ai-act", "MC004")["status"], "failed");
    assert_eq!(status_on(requirement_of(&v, "caict-roadmap-2024", "MC004"), "open/README.md")["status"], "failed");
    assert_ne!(status_on(requirement_of(&v, "eu-ai-act", "MC015"), "open/README.md")["status"], "not-applicable");
}
