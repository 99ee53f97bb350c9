//! The rule registry: every catalog id of the requirement catalog is bundled, ids are stable,
//! docs/rules.md is what `govlint rules --format markdown` prints, and framework packs select
//! the rules that cite them.

use crate::common;

use common::{govlint, project_root};

/// The requirement catalog's ids. A removed or renamed id fails here: ids never change meaning.
fn catalog_ids() -> Vec<String> {
    let mut ids = Vec::new();
    for (prefix, n) in [("MC", 21), ("DS", 16), ("DP", 23), ("XR", 7), ("DG", 6)] {
        for i in 1..=n {
            ids.push(format!("{prefix}{i:03}"));
        }
    }
    ids
}

#[test]
fn every_catalog_id_is_a_bundled_rule() {
    let rules = govlint::rules::catalog().expect("the bundled metadata parses");
    let bundled: Vec<&str> = rules.iter().filter(|r| r.source.starts_with("policies/")).map(|r| r.id.as_str()).collect();
    let missing: Vec<String> = catalog_ids().into_iter().filter(|id| !bundled.contains(&id.as_str())).collect();
    assert!(missing.is_empty(), "catalog ids without a bundled rule: {missing:?}");
    let mut seen = std::collections::BTreeSet::new();
    for id in &bundled {
        assert!(seen.insert(*id), "rule id {id} is defined twice");
    }
}

#[test]
fn rules_command_lists_every_catalog_id() {
    let run = govlint(&project_root(), &["rules"]);
    run.expect_code(0);
    for id in catalog_ids() {
        assert!(run.stdout.lines().any(|l| l.starts_with(&format!("{id} "))), "`govlint rules` does not list {id}");
    }
}

#[test]
fn docs_rules_md_is_up_to_date() {
    let run = govlint(&project_root(), &["rules", "--format", "markdown"]);
    run.expect_code(0);
    let committed = std::fs::read_to_string(project_root().join("docs/rules.md")).unwrap_or_default();
    assert!(
        committed == run.stdout,
        "docs/rules.md is out of date: regenerate it with `cargo run -- rules --format markdown > docs/rules.md`"
    );
}

#[test]
fn the_diagnosis_stage_has_a_requirement_in_every_layer() {
    let rules = govlint::rules::catalog().unwrap();
    for layer in govlint::audit::Layer::ALL.map(govlint::audit::Layer::as_str) {
        assert!(
            rules.iter().any(|r| r.stage.as_deref() == Some("diagnosis") && r.layer.as_deref() == Some(layer)),
            "no diagnosis-stage rule in the {layer} layer"
        );
    }
}

#[test]
fn every_rule_belongs_to_the_caict_pack_and_packs_select_rules() {
    let rules = govlint::rules::catalog().unwrap();
    for r in rules.iter().filter(|r| r.source.starts_with("policies/")) {
        assert!(r.frameworks.contains_key("caict-roadmap-2024"), "{} is not in caict-roadmap-2024", r.id);
        // A name the report does not know would be left out of its matrix and maturity.
        assert!(r.layer.as_deref().and_then(govlint::audit::Layer::parse).is_some(), "{} names no CAICT layer the report knows: {:?}", r.id, r.layer);
        assert!(r.stage.as_deref().and_then(govlint::audit::Stage::parse).is_some(), "{} names no CAICT stage the report knows: {:?}", r.id, r.stage);
    }
    let baseline: Vec<&str> = rules.iter().filter(|r| r.frameworks.contains_key("baseline") && r.source.starts_with("policies/")).map(|r| r.id.as_str()).collect();
    for id in ["MC001", "MC007", "MC014", "DP013", "DP014", "DP015", "DP016", "DP017"] {
        assert!(baseline.contains(&id), "{id} is not in the baseline pack");
    }
}

#[test]
fn docs_rules_md_names_the_sources_of_every_framework() {
    let doc = std::fs::read_to_string(project_root().join("docs/rules.md")).unwrap_or_default();
    let sources = doc.split("\n## Sources\n").nth(1).and_then(|rest| rest.split("\n## ").next()).expect("docs/rules.md has a Sources section");
    for fw in govlint::policy::FRAMEWORKS {
        let part = sources.split(&format!("### {fw}\n")).nth(1).unwrap_or_else(|| panic!("no sources for {fw}"));
        let part = part.split("\n### ").next().unwrap_or_default();
        assert!(part.contains("| document | version, date | where its text was read | secondary ([2nd]) |") || fw == "baseline", "{fw}: {part}");
    }
    // Every rule that takes a number from a secondary summary says so, and the numbers are
    // listed among the sources.
    for r in govlint::rules::catalog().unwrap().iter().filter(|r| r.source.starts_with("policies/")) {
        let meta = std::fs::read_to_string(project_root().join(&r.source)).unwrap();
        if meta.contains("secondary_source:") && meta.contains("cn-genai:") {
            assert!(sources.contains(&r.id), "{} has a secondary source but the cn-genai sources do not name it", r.id);
        }
    }
}
