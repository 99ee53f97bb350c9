//! A maturity level per CAICT layer, derived from the requirements' statuses: govlint's own
//! method, following the roadmap's structure of four stages in order (diagnosis, capability
//! building, application deployment, operations management), not an official CAICT score
//! (docs/audit-report.md, "Maturity").
//!
//! For one layer, each stage's requirements are the rules of that layer and stage that ran. A
//! stage *holds back* the layer when one of its requirements that applies is `failed`,
//! `waived` or `no-evidence`; it is *reached* when none does and at least one is `met`; a stage
//! whose requirements are all `not-applicable` (or that has none) is passed over. The level is
//! the number of the last stage reached before the first stage that holds the layer back (0 when
//! none is); the gaps are that stage's requirements that are not met.

use serde::{Deserialize, Serialize};

use super::{Layer, Stage, Status};

/// The maturity of one layer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LayerMaturity {
    pub layer: String,
    /// 0 to 4: the number of the last stage reached.
    pub level: usize,
    /// The last stage reached, when one is.
    pub reached: Option<String>,
    /// The stage that holds the layer back, when one does.
    pub held_at: Option<String>,
    /// The requirements of that stage that are not met, worst first.
    pub gaps: Vec<Gap>,
    /// Stages passed over: no requirement of theirs applies (or none exists) for this layer.
    pub passed_over: Vec<String>,
}

/// A requirement that holds a layer back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub rule: String,
    pub status: Status,
}

/// The level of each layer, in the roadmap's order, from each rule's (layer, stage, overall
/// status, id). Rules without a layer or a stage take no part.
pub fn levels(rules: &[(Option<String>, Option<String>, Status, String)]) -> Vec<LayerMaturity> {
    Layer::ALL
        .iter()
        .map(|layer| {
            let mut m = LayerMaturity { layer: layer.as_str().to_string(), level: 0, reached: None, held_at: None, gaps: Vec::new(), passed_over: Vec::new() };
            for (n, stage) in Stage::ALL.iter().map(|s| s.as_str()).enumerate() {
                let applicable: Vec<(Status, &str)> = rules
                    .iter()
                    .filter(|(l, s, status, _)| l.as_deref() == Some(layer.as_str()) && s.as_deref() == Some(stage) && *status != Status::NotApplicable)
                    .map(|(_, _, status, id)| (*status, id.as_str()))
                    .collect();
                if applicable.is_empty() {
                    m.passed_over.push(stage.to_string());
                    continue;
                }
                let mut gaps: Vec<Gap> =
                    applicable.iter().filter(|(s, _)| *s != Status::Met).map(|(s, id)| Gap { rule: id.to_string(), status: *s }).collect();
                if !gaps.is_empty() {
                    gaps.sort_by(|a, b| (a.status, &a.rule).cmp(&(b.status, &b.rule)));
                    m.held_at = Some(stage.to_string());
                    m.gaps = gaps;
                    break;
                }
                m.level = n + 1;
                m.reached = Some(stage.to_string());
            }
            // Stages after the one that holds the layer back were not looked at.
            if let Some(held) = &m.held_at {
                let at = Stage::ALL.iter().position(|s| s.as_str() == held).unwrap_or(0);
                m.passed_over.retain(|s| Stage::ALL.iter().position(|x| x.as_str() == s).unwrap_or(0) < at);
            }
            m
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(layer: &str, stage: &str, status: Status, id: &str) -> (Option<String>, Option<String>, Status, String) {
        (Some(layer.to_string()), Some(stage.to_string()), status, id.to_string())
    }

    #[test]
    fn a_layer_climbs_until_a_stage_holds_it_back() {
        let rules = vec![
            rule("infrastructure", "diagnosis", Status::Met, "A"),
            // Nothing applies at capability building: passed over, earns nothing.
            rule("infrastructure", "capability-building", Status::NotApplicable, "B"),
            rule("infrastructure", "application-deployment", Status::Met, "C"),
            rule("infrastructure", "operations-management", Status::NoEvidence, "D"),
            rule("infrastructure", "operations-management", Status::Met, "E"),
            rule("infrastructure", "operations-management", Status::Failed, "F"),
        ];
        let m = &levels(&rules)[0];
        assert_eq!(m.level, 3);
        assert_eq!(m.reached.as_deref(), Some("application-deployment"));
        assert_eq!(m.held_at.as_deref(), Some("operations-management"));
        assert_eq!(m.gaps, vec![Gap { rule: "F".into(), status: Status::Failed }, Gap { rule: "D".into(), status: Status::NoEvidence }]);
        assert_eq!(m.passed_over, ["capability-building"]);
    }

    #[test]
    fn a_waiver_holds_a_layer_back_and_nothing_reached_is_level_zero() {
        let rules = vec![rule("data-resources", "diagnosis", Status::Waived, "A"), rule("data-resources", "capability-building", Status::Met, "B")];
        let m = levels(&rules).into_iter().find(|m| m.layer == "data-resources").unwrap();
        assert_eq!((m.level, m.reached, m.held_at.as_deref()), (0, None, Some("diagnosis")));
        // A layer with no requirement at all is at level 0, every stage passed over.
        let empty = levels(&rules).into_iter().find(|m| m.layer == "infrastructure").unwrap();
        assert_eq!((empty.level, empty.passed_over.len()), (0, 4));
    }
}
