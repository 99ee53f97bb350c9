//! `govlint new`: native manifest templates. The template text lives in `templates/`, one file
//! per kind; a field that a rule needs carries a marker (`# @ MC001 XR002`) that is replaced by
//! one comment line per rule naming the clauses behind it, for the enabled framework packs only.
//! A field none of whose rules is enabled is left out, with everything under it. Values are
//! left empty (null), which the schemas reject, so an unfilled template never passes.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::classify::Kind;
use crate::rules::RuleDoc;

/// The template text of each kind, markers included.
pub fn raw(kind: Kind) -> &'static str {
    match kind {
        Kind::ModelCard => include_str!("../templates/model-card.yaml"),
        Kind::DatasetManifest => include_str!("../templates/dataset-manifest.yaml"),
        Kind::DeploymentConfig => include_str!("../templates/deployment-config.yaml"),
    }
}

/// The rule ids a template line is marked with, and the line without its marker.
fn marker(line: &str) -> Option<(&str, Vec<&str>)> {
    let (field, ids) = line.split_once("  # @ ")?;
    Some((field, ids.split_whitespace().collect()))
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The rule ids that templates mark fields with, for the test that they all exist.
pub fn marked_rules(kind: Kind) -> BTreeSet<String> {
    raw(kind).lines().filter_map(marker).flat_map(|(_, ids)| ids.into_iter().map(str::to_string)).collect()
}

/// Renders the template of `kind` for the enabled `frameworks` (`None`: every pack).
pub fn render(kind: Kind, rules: &[RuleDoc], frameworks: Option<&BTreeSet<String>>) -> String {
    let enabled = |fw: &str| frameworks.is_none_or(|set| set.contains(fw));
    let mut out = String::new();
    // While a left-out field's block is being skipped: its indentation.
    let mut skipping: Option<usize> = None;
    // Rules already explained above: later fields name them only.
    let mut explained: BTreeSet<&str> = BTreeSet::new();
    for line in raw(kind).lines() {
        if let Some(level) = skipping {
            if line.trim().is_empty() || indent(line) > level {
                continue;
            }
            skipping = None;
        }
        let Some((field, ids)) = marker(line) else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let pad = " ".repeat(indent(field));
        let mut notes = String::new();
        for id in ids {
            let Some(rule) = rules.iter().find(|r| r.id == id) else { continue };
            let clauses: Vec<String> =
                rule.frameworks.iter().filter(|(fw, _)| enabled(fw)).map(|(fw, clause)| format!("{fw}: {clause}")).collect();
            if clauses.is_empty() {
                continue;
            }
            if explained.insert(id) {
                let _ = writeln!(notes, "{pad}# {id} {}: {}", rule.title, clauses.join("; "));
            } else {
                let _ = writeln!(notes, "{pad}# {id} (see above)");
            }
        }
        if notes.is_empty() {
            skipping = Some(indent(field));
            continue;
        }
        out.push_str(&notes);
        out.push_str(field.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_whose_rules_are_all_disabled_is_left_out_with_its_block() {
        let rules = crate::rules::catalog().expect("catalog");
        let only = BTreeSet::from(["baseline".to_string()]);
        let text = render(Kind::ModelCard, &rules, Some(&only));
        // MC001 cites the baseline pack; MC015 (copyright policy) does not.
        assert!(text.contains("\nlicense:\n"), "{text}");
        assert!(!text.contains("copyright_policy"), "{text}");
        assert!(!text.contains("tdm_opt_out_method"), "{text}");
        // Fields without a marker (what the schema requires) stay.
        assert!(text.contains("metadata:\n  # The model's name"), "{text}");
    }
}
