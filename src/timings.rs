//! `check --timings`: where a run's time goes, per built-in stage and per rule.
//!
//! Stages that run on the worker threads (parse, schema, policies, repository rules) add up the
//! time of every thread, so with several workers their sum can pass the run's wall time; the
//! others (discover, compile, report) are wall time on one thread. A rule's time is that of its
//! own evaluations: with `--timings` each package is evaluated on its own, not with the others
//! that apply to the same document (see [`crate::policy::PolicySet::eval_all`]), so a helper
//! several rules call is paid, and counted, by each of them. The times are never part of the
//! findings, and no output holds them unless asked.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A built-in stage of a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Walking the paths, the ignore files and git.
    Discover,
    /// Loading and compiling the policies.
    Compile,
    /// Reading, parsing and classifying the files.
    Parse,
    /// Validating documents against the JSON Schemas.
    Schema,
    /// Evaluating the per-artifact rules (input conversion and result mapping included).
    Policies,
    /// The rules that see every artifact (their per-file summaries included) and `--combine`.
    Repository,
    /// Rendering the outputs.
    Report,
}

impl Stage {
    pub const ALL: [Stage; 7] = [Stage::Discover, Stage::Compile, Stage::Parse, Stage::Schema, Stage::Policies, Stage::Repository, Stage::Report];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Discover => "discover",
            Stage::Compile => "compile",
            Stage::Parse => "parse",
            Stage::Schema => "schema",
            Stage::Policies => "policies",
            Stage::Repository => "repository rules",
            Stage::Report => "report",
        }
    }
}

/// The times of one run, added to from any thread.
#[derive(Debug)]
pub struct Timings {
    /// Nanoseconds per stage, in the order of [`Stage::ALL`].
    stages: [AtomicU64; Stage::ALL.len()],
    /// Nanoseconds and evaluations per package (indexes of the run's policy set).
    rules: Vec<(AtomicU64, AtomicU64)>,
}

impl Timings {
    /// Counters for a policy set of `packages` packages.
    pub fn new(packages: usize) -> Timings {
        Timings { stages: Default::default(), rules: (0..packages).map(|_| Default::default()).collect() }
    }

    /// Adds `elapsed` to `stage`.
    pub fn add(&self, stage: Stage, elapsed: Duration) {
        self.stages[stage as usize].fetch_add(nanos(elapsed), Ordering::Relaxed);
    }

    /// Adds one evaluation of package `pkg` that took `elapsed`.
    pub fn add_rule(&self, pkg: usize, elapsed: Duration) {
        if let Some((time, count)) = self.rules.get(pkg) {
            time.fetch_add(nanos(elapsed), Ordering::Relaxed);
            count.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// Runs `f`, adding its time to `stage`.
    pub fn time<T>(&self, stage: Stage, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = f();
        self.add(stage, start.elapsed());
        out
    }

    /// What was measured: every stage, and every package evaluated at least once, named by
    /// `rule_of` (its rule id) and `package_of` (its package name).
    pub fn report(&self, rule_of: impl Fn(usize) -> String, package_of: impl Fn(usize) -> String) -> Report {
        let stages = Stage::ALL
            .iter()
            .map(|&s| StageTime { stage: s.as_str(), ms: ms(self.stages[s as usize].load(Ordering::Relaxed)) })
            .collect();
        let mut rules: Vec<RuleTime> = self
            .rules
            .iter()
            .enumerate()
            .filter(|(_, (_, count))| count.load(Ordering::Relaxed) > 0)
            .map(|(i, (time, count))| RuleTime {
                rule: rule_of(i),
                package: package_of(i),
                ms: ms(time.load(Ordering::Relaxed)),
                evaluations: count.load(Ordering::Relaxed),
            })
            .collect();
        rules.sort_by(|a, b| b.ms.total_cmp(&a.ms).then_with(|| a.rule.cmp(&b.rule)).then_with(|| a.package.cmp(&b.package)));
        Report { stages, rules }
    }
}

/// Runs `f`, adding its time to `stage` when there are timings to keep.
pub fn time<T>(timings: Option<&Timings>, stage: Stage, f: impl FnOnce() -> T) -> T {
    match timings {
        Some(t) => t.time(stage, f),
        None => f(),
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

/// Milliseconds, to the microsecond.
fn ms(nanos: u64) -> f64 {
    (nanos / 1000) as f64 / 1000.0
}

/// The time of one stage.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StageTime {
    pub stage: &'static str,
    pub ms: f64,
}

/// The time of one rule.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RuleTime {
    pub rule: String,
    pub package: String,
    pub ms: f64,
    pub evaluations: u64,
}

/// The timings of a run, as `--format json` writes them (`timings`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Report {
    /// Every stage, in pipeline order.
    pub stages: Vec<StageTime>,
    /// The rules evaluated, slowest first.
    pub rules: Vec<RuleTime>,
}

impl Report {
    /// The table printed on stderr: stages, then rules, each slowest first, with its share of
    /// the total of its part.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let mut stages: Vec<&StageTime> = self.stages.iter().collect();
        stages.sort_by(|a, b| b.ms.total_cmp(&a.ms).then_with(|| a.stage.cmp(b.stage)));
        let total: f64 = stages.iter().map(|s| s.ms).sum();
        out.push_str(&format!("{:<40} {:>12} {:>7}\n", "stage", "time (ms)", "share"));
        for s in stages {
            out.push_str(&format!("{:<40} {:>12.3} {:>6.1}%\n", s.stage, s.ms, share(s.ms, total)));
        }
        let total: f64 = self.rules.iter().map(|r| r.ms).sum();
        out.push_str(&format!("\n{:<40} {:>12} {:>7} {:>11}\n", "rule", "time (ms)", "share", "evaluations"));
        for r in &self.rules {
            let name = if r.rule == r.package { r.rule.clone() } else { format!("{} ({})", r.rule, r.package) };
            out.push_str(&format!("{:<40} {:>12.3} {:>6.1}% {:>11}\n", name, r.ms, share(r.ms, total), r.evaluations));
        }
        out
    }
}

fn share(part: f64, total: f64) -> f64 {
    if total > 0.0 { part * 100.0 / total } else { 0.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_sort_slowest_first_and_unevaluated_ones_are_left_out() {
        let t = Timings::new(3);
        t.add_rule(0, Duration::from_micros(5));
        t.add_rule(2, Duration::from_micros(9));
        t.add_rule(2, Duration::from_micros(1));
        let r = t.report(|i| format!("R{i}"), |i| format!("p{i}"));
        let names: Vec<(&str, u64)> = r.rules.iter().map(|r| (r.rule.as_str(), r.evaluations)).collect();
        assert_eq!(names, [("R2", 2), ("R0", 1)]);
        assert_eq!(r.rules[0].ms, 0.010);
        assert_eq!(r.stages.len(), Stage::ALL.len());
    }
}
