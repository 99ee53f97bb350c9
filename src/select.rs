//! Which rules a run reports, and at which severity: `--select` and `--ignore` on the command
//! line and the config's `rules:`, resolved as ruff resolves its selectors.
//!
//! A selector is a rule id or the start of one (`DP013`, `DP`, `MC01`). Where several match a
//! rule, the longest (the most specific) decides; `--ignore` wins over `--select` at equal
//! length. The command line comes before the config: a `--select` sets the rules on by itself,
//! and the config's `off` entries no longer count (as `ruff --select F401` sets aside
//! pyproject.toml's selection); without one, the config's `rules:` decide and `--ignore` turns
//! off what it matches. The config's severities apply to whatever is on. The framework packs
//! (`--framework`, `frameworks:`) come first: they say which bundled rules are in force at all,
//! and a selection picks among those.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{codes, Severity};

/// A per-rule override in the config's `rules:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Off,
    Severity(Severity),
}

/// The built-in checks that say a file could not be checked, or cannot be trusted to have been
/// (a duplicated key hides one of its values from every rule). A `--select` that does not name
/// them leaves them on: the rules it selects could not have run on such a file, and a run that
/// passes over it in silence would report them met. Only an `--ignore` that matches one turns
/// it off then (without a `--select`, the config's `off` does too).
pub const INTEGRITY: [&str; 5] = [codes::PARSE_ERROR, codes::READ_ERROR, codes::LIMIT_EXCEEDED, codes::POLICY_ERROR, codes::DUPLICATE_KEY];

/// The rule selection of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// `--select`, when given: the rules on, by id or prefix.
    pub select: Option<Vec<String>>,
    /// `--ignore`: rules off, by id or prefix.
    pub ignore: Vec<String>,
    /// The config's `rules:`, by id or prefix.
    pub config: BTreeMap<String, Level>,
}

/// Why a rule in force is off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Off {
    /// `--select` was given and matches it not.
    NotSelected,
    /// An `--ignore` selector matches it.
    Ignored,
    /// The config's `rules:` sets it `off`.
    Config,
}

impl Off {
    pub fn as_str(self) -> &'static str {
        match self {
            Off::NotSelected => "not selected by --select",
            Off::Ignored => "--ignore",
            Off::Config => "off in the config's rules:",
        }
    }
}

/// Whether `selector` names `id`: the id itself or its start.
pub fn matches(selector: &str, id: &str) -> bool {
    !selector.is_empty() && id.starts_with(selector)
}

/// The most specific selector of `selectors` that matches `id`, by its length.
fn best<'a>(selectors: impl IntoIterator<Item = &'a String>, id: &str) -> Option<usize> {
    selectors.into_iter().filter(|s| matches(s, id)).map(String::len).max()
}

impl Selection {
    /// Whether nothing is selected or ignored: every rule in force is on.
    pub fn is_everything(&self) -> bool {
        self.select.is_none() && self.ignore.is_empty() && !self.config.values().any(|l| *l == Level::Off)
    }

    /// Whether the rule `id` is reported.
    pub fn enabled(&self, id: &str) -> bool {
        self.why_off(id).is_none()
    }

    /// Why the rule `id` is off, or `None` when it is on.
    pub fn why_off(&self, id: &str) -> Option<Off> {
        if let Some(select) = &self.select {
            // The command line's selection is the basis; the config's `off` does not count.
            let implicit = INTEGRITY.contains(&id).then_some(0);
            let on = best(select, id).or(implicit);
            let off = best(&self.ignore, id);
            return match (on, off) {
                (None, None) => Some(Off::NotSelected),
                (_, Some(o)) if on.is_none_or(|s| o >= s) => Some(Off::Ignored),
                _ => None,
            };
        }
        if best(&self.ignore, id).is_some() {
            return Some(Off::Ignored);
        }
        match self.config_level(id) {
            Some(Level::Off) => Some(Off::Config),
            _ => None,
        }
    }

    /// The severity the config gives the rule `id`, if any (its most specific key that sets one).
    pub fn severity(&self, id: &str) -> Option<Severity> {
        match self.config_level(id) {
            Some(Level::Severity(s)) => Some(s),
            // The key that decides is `off` (and a --select turned the rule on): the next most
            // specific key with a severity, if any.
            Some(Level::Off) => self
                .config
                .iter()
                .filter(|(k, l)| matches(k, id) && matches!(l, Level::Severity(_)))
                .max_by_key(|(k, _)| k.len())
                .and_then(|(_, l)| if let Level::Severity(s) = l { Some(*s) } else { None }),
            None => None,
        }
    }

    /// The level of the config's most specific key that matches `id`.
    fn config_level(&self, id: &str) -> Option<Level> {
        self.config.iter().filter(|(k, _)| matches(k, id)).max_by_key(|(k, _)| k.len()).map(|(_, l)| *l)
    }

    /// The command line's selectors as text, for the digest of what a run evaluates.
    pub fn digest_text(&self) -> String {
        let mut keys: Vec<String> = self.config.iter().map(|(k, l)| format!("{k}={l:?}")).collect();
        keys.sort();
        format!("select={:?};ignore={:?};config={keys:?}", self.select, self.ignore)
    }
}

/// The rule ids a run knows, to tell a typo from a rule that does not run here.
#[derive(Debug, Clone, Default)]
pub struct RuleIds {
    /// Every id a selection may name: the built-in checks, every bundled rule (whatever the
    /// frameworks), and every user policy loaded (whatever the namespaces).
    pub known: BTreeSet<String>,
    /// The ids in force before any selection: the built-in checks, the bundled rules of the
    /// enabled frameworks, and the user policies of the namespaces evaluated.
    pub in_force: BTreeSet<String>,
    /// The framework packs each bundled rule cites, for the hint of a rule not in force.
    pub frameworks: BTreeMap<String, Vec<String>>,
}

/// What is wrong with one selector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// It names no rule at all (a typo): the suggestion is a known id it may have meant.
    Unknown { suggestion: Option<String> },
    /// It names rules, none of which is in force (a `--select` that would report nothing).
    NotInForce { frameworks: Vec<String> },
}

impl RuleIds {
    /// Whether `selector` matches a known id.
    pub fn knows(&self, selector: &str) -> bool {
        self.known.iter().any(|id| matches(selector, id))
    }

    /// What is wrong with `selector` as an id or prefix of rules that can run, if anything.
    pub fn problem(&self, selector: &str) -> Option<Problem> {
        if !self.knows(selector) {
            return Some(Problem::Unknown { suggestion: self.suggest(selector) });
        }
        if self.in_force.iter().any(|id| matches(selector, id)) {
            return None;
        }
        let frameworks: BTreeSet<String> =
            self.known.iter().filter(|id| matches(selector, id)).flat_map(|id| self.frameworks.get(id).cloned().unwrap_or_default()).collect();
        Some(Problem::NotInForce { frameworks: frameworks.into_iter().collect() })
    }

    /// A known id that `selector` may have meant: the same letters in another case, or the
    /// start of one in another case.
    fn suggest(&self, selector: &str) -> Option<String> {
        let lower = selector.to_ascii_lowercase();
        if let Some(id) = self.known.iter().find(|id| id.to_ascii_lowercase() == lower) {
            return Some(id.clone());
        }
        let mut prefixes = self.known.iter().filter(|id| id.to_ascii_lowercase().starts_with(&lower) && !lower.is_empty());
        let first = prefixes.next()?;
        Some(first[..selector.len()].to_string())
    }
}

/// A selector's problem as a sentence, naming where it was given as `what` (`--select`, the
/// config's `rules:`).
pub fn describe(what: &str, selector: &str, problem: &Problem) -> String {
    match problem {
        Problem::Unknown { suggestion } => {
            let hint = suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default();
            format!("{what} `{selector}` is neither a rule id nor the start of one{hint}; `govlint rules` lists the rules")
        }
        Problem::NotInForce { frameworks } if frameworks.is_empty() => {
            format!("{what} `{selector}` names no rule that runs here: its policies are outside the namespaces evaluated (see -n and --all-namespaces)")
        }
        Problem::NotInForce { frameworks } => format!(
            "{what} `{selector}` names no rule that runs here: the frameworks enabled leave out every rule it names (they belong to {}); add one with --framework",
            frameworks.join(", ")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_more_specific_selector_wins() {
        let s = Selection { select: Some(ids(&["DP013"])), ignore: ids(&["DP"]), ..Default::default() };
        assert!(s.enabled("DP013"));
        assert_eq!(s.why_off("DP014"), Some(Off::Ignored));
        assert_eq!(s.why_off("MC001"), Some(Off::NotSelected));
        let s = Selection { select: Some(ids(&["DP"])), ignore: ids(&["DP013"]), ..Default::default() };
        assert!(!s.enabled("DP013"));
        assert!(s.enabled("DP014"));
        // At equal specificity, --ignore wins.
        let s = Selection { select: Some(ids(&["MC001"])), ignore: ids(&["MC001"]), ..Default::default() };
        assert!(!s.enabled("MC001"));
    }

    #[test]
    fn the_command_line_comes_before_the_config() {
        let config = BTreeMap::from([("MC017".to_string(), Level::Off), ("MC".to_string(), Level::Severity(Severity::Warning))]);
        let s = Selection { config: config.clone(), ..Default::default() };
        assert_eq!(s.why_off("MC017"), Some(Off::Config));
        assert!(s.enabled("MC001"));
        assert_eq!(s.severity("MC001"), Some(Severity::Warning));
        // A --select sets the config's `off` aside; its severities still apply.
        let s = Selection { select: Some(ids(&["MC"])), config: config.clone(), ..Default::default() };
        assert!(s.enabled("MC017"));
        assert_eq!(s.severity("MC017"), Some(Severity::Warning));
        // Without one, --ignore turns off what the config turns on.
        let config = BTreeMap::from([("DP".to_string(), Level::Off), ("DP013".to_string(), Level::Severity(Severity::Error))]);
        let s = Selection { config, ..Default::default() };
        assert!(s.enabled("DP013"));
        assert!(!s.enabled("DP014"));
        let s = Selection { ignore: ids(&["DP013"]), ..s };
        assert_eq!(s.why_off("DP013"), Some(Off::Ignored));
    }

    #[test]
    fn a_select_leaves_the_integrity_checks_on_unless_ignored() {
        let s = Selection { select: Some(ids(&["MC001"])), ..Default::default() };
        assert!(s.enabled("parse-error"));
        assert!(s.enabled("duplicate-key"));
        assert!(!s.enabled("schema"));
        let s = Selection { ignore: ids(&["parse-error"]), ..s };
        assert!(!s.enabled("parse-error"));
    }

    #[test]
    fn problems_name_typos_and_rules_not_in_force() {
        let ids = RuleIds {
            known: ["DP013", "MC001", "main", "schema"].iter().map(|s| s.to_string()).collect(),
            in_force: ["MC001", "main", "schema"].iter().map(|s| s.to_string()).collect(),
            frameworks: BTreeMap::from([("DP013".to_string(), vec!["baseline".to_string()])]),
        };
        assert_eq!(ids.problem("MC"), None);
        assert_eq!(ids.problem("DP99"), Some(Problem::Unknown { suggestion: None }));
        assert_eq!(ids.problem("mc001"), Some(Problem::Unknown { suggestion: Some("MC001".into()) }));
        assert_eq!(ids.problem("dp"), Some(Problem::Unknown { suggestion: Some("DP".into()) }));
        assert_eq!(ids.problem("DP"), Some(Problem::NotInForce { frameworks: vec!["baseline".into()] }));
        assert_eq!(ids.problem(""), Some(Problem::Unknown { suggestion: None }));
    }
}
