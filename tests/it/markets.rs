//! Scope by market: a requirement of one jurisdiction binds what is offered there. A model,
//! dataset and service declared outside China and the EU get no Chinese or EU finding; declared
//! in China they get the Chinese ones and not the EU's; with no market declared anywhere the
//! rules of a market report `no-evidence`, never a finding. An artifact's own `regions` win over
//! the repository profile's.

use crate::common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::{check_json, govlint_with, tempdir, write};
use serde_json::Value;

/// The rules that bind one market (docs/policies.md, "Markets").
const CHINA: &[&str] = &["MC009", "MC010", "DS003", "DS004", "DP001", "DP002", "DP003", "DP004", "DP006", "DP019", "DP020", "DP021"];
const EU: &[&str] = &["MC015", "MC016", "DP012", "DP023"];

/// A model card, a dataset manifest and a deployment manifest that record none of the facts the
/// Chinese or EU rules ask for; `card_regions` is the card's own declaration, if any.
fn tree(profile: Option<&str>, card_regions: Option<&str>) -> (tempfile::TempDir, PathBuf) {
    let (guard, dir) = tempdir();
    let root = dir.join("repo");
    let regions = card_regions.map(|r| format!("  regions: {r}\n")).unwrap_or_default();
    write(
        &root,
        "models/chat/model-card.yaml",
        &format!("apiVersion: govlint.dev/v1\nkind: ModelCard\nmetadata:\n  name: chat\nlicense: apache-2.0\ngovernance:\n  model_id: acme/chat\n{regions}"),
    );
    write(
        &root,
        "datasets/web/dataset-manifest.yaml",
        "apiVersion: govlint.dev/v1\nkind: DatasetManifest\nmetadata:\n  name: web\nlicense: cc-by-4.0\ngovernance:\n  sources:\n    - {id: crawl, type: web-scraped, license: cc-by-4.0, collected: 2024-09-01, harmful_content_rate: 0.2}\n",
    );
    write(
        &root,
        "deploy/chat.yaml",
        "apiVersion: govlint.dev/v1\nkind: DeploymentManifest\nmetadata:\n  name: chat\ngovernance:\n  service: {public: true}\n",
    );
    if let Some(p) = profile {
        write(&root, "govlint.yaml", p);
    }
    (guard, root)
}

fn fired(root: &Path) -> BTreeSet<String> {
    let (_, r) = check_json(root, &[]);
    r.diagnostics.iter().map(|d| d.rule.clone()).collect()
}

fn report(root: &Path) -> Value {
    let run = govlint_with(root, &[("SOURCE_DATE_EPOCH", "1796126400")], &["report", "--format", "json"]);
    run.expect_code(0);
    serde_json::from_str(&run.stdout).unwrap()
}

fn status(v: &Value, rule: &str, file_suffix: &str) -> String {
    artifact(v, rule, file_suffix)["status"].as_str().unwrap().to_string()
}

fn artifact<'a>(v: &'a Value, rule: &str, file_suffix: &str) -> &'a Value {
    let req = v["frameworks"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["requirements"].as_array().unwrap())
        .find(|r| r["rule"] == rule)
        .unwrap_or_else(|| panic!("no requirement {rule}"));
    let a = req["artifacts"].as_array().unwrap().iter().find(|a| a["file"].as_str().unwrap().ends_with(file_suffix));
    a.unwrap_or_else(|| panic!("{rule} lists no {file_suffix}: {req}"))
}

#[test]
fn outside_china_and_the_eu_no_chinese_or_eu_rule_fires() {
    let (_g, root) = tree(Some("profile:\n  regions: [US, JP]\n"), None);
    let fired = fired(&root);
    for id in CHINA.iter().chain(EU) {
        assert!(!fired.contains(*id), "{id} fires on a repository declared in US and JP: {fired:?}");
    }
    let v = report(&root);
    assert_eq!(status(&v, "MC009", "model-card.yaml"), "not-applicable");
    assert_eq!(status(&v, "MC016", "model-card.yaml"), "not-applicable");
    assert_eq!(status(&v, "DS004", "dataset-manifest.yaml"), "not-applicable");
    assert_eq!(status(&v, "DP001", "chat.yaml"), "not-applicable");
}

#[test]
fn offered_in_china_the_chinese_rules_fire_and_the_eu_rules_do_not() {
    let (_g, root) = tree(Some("profile:\n  regions: [CN]\n"), None);
    let fired = fired(&root);
    for id in CHINA {
        assert!(fired.contains(*id), "{id} does not fire on a repository declared in CN: {fired:?}");
    }
    for id in EU {
        assert!(!fired.contains(*id), "{id} fires on a repository declared in CN only: {fired:?}");
    }
}

#[test]
fn placed_on_the_eu_market_the_eu_rules_fire() {
    let (_g, root) = tree(Some("profile:\n  regions: [DE]\n"), None);
    let fired = fired(&root);
    for id in EU {
        assert!(fired.contains(*id), "{id} does not fire on a repository declared in DE: {fired:?}");
    }
    for id in CHINA {
        assert!(!fired.contains(*id), "{id} fires on a repository declared in DE: {fired:?}");
    }
}

#[test]
fn without_declared_markets_the_rules_of_a_market_lack_the_evidence() {
    let (_g, root) = tree(None, None);
    let fired = fired(&root);
    for id in CHINA.iter().chain(EU) {
        assert!(!fired.contains(*id), "{id} fires with no market declared: {fired:?}");
    }
    let v = report(&root);
    for (rule, file) in [("MC009", "model-card.yaml"), ("MC015", "model-card.yaml"), ("DS004", "dataset-manifest.yaml"), ("DP001", "chat.yaml"), ("DP012", "chat.yaml")] {
        assert_eq!(status(&v, rule, file), "no-evidence", "{rule} on {file}");
        let reason = artifact(&v, rule, file)["reason"].as_str().unwrap_or_default();
        assert!(reason.starts_with("no market is declared for the"), "{rule} on {file}: {reason}");
    }
}

#[test]
fn a_cards_own_markets_win_over_the_profile() {
    let (_g, root) = tree(Some("profile:\n  regions: [US]\n"), Some("[CN]"));
    let fired = fired(&root);
    assert!(fired.contains("MC009") && fired.contains("MC010"), "{fired:?}");
    assert!(!fired.contains("DP001") && !fired.contains("DS004"), "{fired:?}");
}
