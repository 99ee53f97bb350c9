//! `govlint check`: the stages of a run put together. [`check`] calls them in order: the plan
//! (everything that can refuse the run, read before any artifact), the start (git's account of
//! the changes, the walk and the policies' compilation, at once), the discovery of the files to
//! check, the files' own checks, the gathering of their results, the rules that see every
//! artifact, and the filters (the config, waivers, the baseline) before the translation.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use rayon::prelude::*;

use crate::artifact::Artifact;
use crate::cache::Cache;
use crate::config::Config;
use crate::diagnostic::{self, codes, Diagnostic};
use crate::discover::{self, Candidate, Found, Skipped};
use crate::error::ToolError;
use crate::lang::Lang;
use crate::policy::PolicySet;
use crate::timings::{Stage, Timings};
use crate::{cache, git, i18n, policy, progress, schema, teardown, waivers};

use super::file::*;
use super::options::*;
use super::outcome::*;
use super::repository::{self, *};

/// The most files one worker task takes. Left to itself, rayon hands a worker a long run of
/// files that no idle worker can take from it, and at 10,000 files one core was idle for about a
/// second and a half at the end; with short runs the workers finish together. Each task makes
/// its own engine clone, which is small next to checking a file.
pub(crate) const FILES_PER_TASK: usize = 16;

/// Runs `govlint check`.
pub fn check(opts: &CheckOptions) -> Result<Outcome, ToolError> {
    let mut plan = plan(opts)?;
    let Started { policies, timings, mut cache, cache_warning, pending } = start(opts, &plan)?;
    let repository = policies.repository();
    let mut files = discover_files(opts, &mut plan, pending, &repository, cache.is_some(), timings.as_deref())?;
    let schemas = schema::Schemas::bundled();
    let workers = Workers::new(opts, &plan.config, &schemas, &policies, &repository, files.found.candidates.len())?;
    let (results, early) = workers.check_files(&files.found.candidates, cache.as_ref());
    let mut run = gather(results, &mut cache, std::mem::take(&mut files.found.skipped));
    let repository_judged = workers.repository_stage(&mut run, early, &mut cache, &files);
    // The worker threads end here; the config the workers read becomes the outcome's.
    drop(workers);
    // A run that did not look at every file keeps the entries of the files it did not see.
    let cache = cache::finish(cache, cache_warning, (!files.walked_less).then_some(&files.seen));
    let (mut diagnostics, mut suppressed, waivers_used) = filter(&plan, &policies, run.diagnostics, run.exceptions, &files);
    let mut skipped = run.skipped;
    diagnostic::sort(&mut diagnostics);
    diagnostic::sort(&mut suppressed);
    skipped.sort();
    let translator = i18n::Translator::new(&policies.packages, plan.lang);
    diagnostics.iter_mut().chain(suppressed.iter_mut()).for_each(|d| translator.apply(d));
    let packages = policies.packages.clone();
    let rule_ids = policies.rule_ids.clone();
    // What the run built and the outcome does not hold: often left to the end of the process.
    teardown::release((policies, schemas, files.found.candidates, files.seen, files.reported));
    let Plan { config, lang, .. } = plan;
    Ok(Outcome {
        config,
        diagnostics,
        artifacts: run.artifacts,
        skipped,
        files_read: files.read,
        suppressed,
        packages,
        rule_ids,
        waivers_used,
        lang,
        cache,
        repository_judged,
        timings,
    })
}

/// What a run is asked to do, read before any artifact is: everything that can refuse it.
struct Plan {
    config: Config,
    lang: Lang,
    /// The day waivers are judged against.
    today: String,
    baseline: Option<waivers::Baseline>,
    paths: Vec<PathBuf>,
}

fn plan(opts: &CheckOptions) -> Result<Plan, ToolError> {
    let mut config = load_config(opts)?;
    config.selection.select.clone_from(&opts.select);
    config.selection.ignore.clone_from(&opts.ignore);
    let lang = i18n::resolve(opts.lang, config.lang)?;
    let today = waivers::today()?;
    let baseline = opts.baseline.as_deref().map(waivers::Baseline::load).transpose()?;
    let paths = if opts.paths.is_empty() { vec![PathBuf::from(".")] } else { opts.paths.clone() };
    // Discovery keeps out of a `--cache-dir`.
    config.cache_dir.clone_from(&opts.cache_dir);
    Ok(Plan { config, lang, today, baseline, paths })
}

/// What [`start`] leaves to the discovery: git's account of the changes (`--changed-since`) and
/// the walk, each with the time it took, when they ran.
struct Pending {
    git: Option<JoinHandle<Result<git::Changes, ToolError>>>,
    walked: Option<(Result<Found, ToolError>, Duration)>,
}

/// The run under way: the policies compiled, the cache opened, and what is still running.
struct Started {
    policies: PolicySet,
    timings: Option<Arc<Timings>>,
    cache: Option<Cache>,
    /// Why the cache is not used, when it was asked for and could not be.
    cache_warning: Option<cache::Warning>,
    pending: Pending,
}

/// Starts the run: git's account of the changes, the walk and the policies' compilation do not
/// depend on one another, and run at once. The walk is skipped where it would likely go unused
/// (a `--changed-since` run with no bundled rules, which may need no unchanged file). A rule id
/// that names nothing is a typo, found once the user policies are known.
fn start(opts: &CheckOptions, plan: &Plan) -> Result<Started, ToolError> {
    let (paths, config) = (&plan.paths, &plan.config);
    let speculate = !opts.staged && (opts.changed_since.is_none() || opts.policy.builtin);
    // Git reads the index, and hands its paths to the walk, which would read it too.
    let (share, shared) = if speculate && opts.changed_since.is_some() {
        let (send, receive) = std::sync::mpsc::sync_channel(1);
        (Some(send), discover::SharedIndex::new(receive))
    } else {
        (None, discover::SharedIndex::default())
    };
    let git = opts.changed_since.clone().map(|reference| {
        let start = paths[0].clone();
        // The walk, when there is one, finds the untracked files too: git need not list them.
        std::thread::spawn(move || git::changed_since(&start, &reference, !speculate, share))
    });
    // The cache's directory is made before the walk, which keeps out of it; its index is read
    // once the policies are compiled (its key holds their digest), while the walk goes on.
    let prepared = cache::prepare(opts.cache, opts.cache_dir.as_deref(), opts.parse_only, config);
    let (policies, cache, walked) = std::thread::scope(|s| {
        let walk = speculate.then(|| {
            s.spawn(move || {
                let start = std::time::Instant::now();
                (discover::discover_sharing(paths, config, shared), start.elapsed())
            })
        });
        let start = std::time::Instant::now();
        let policies = if opts.parse_only {
            policy::PolicySet::compile(Vec::new(), &policy::LoadOptions::default())
        } else {
            policy::PolicySet::load(&load_options(opts, config))
        };
        let policies = policies.map(|p| (p, start.elapsed()));
        let cache = policies.as_ref().ok().map(|(p, _)| cache::for_run(prepared, opts.combine, config, p));
        (policies, cache, walk.map(|w| w.join().unwrap_or_else(|_| (Err(ToolError::msg("walking the paths failed")), Duration::ZERO))))
    });
    let (mut policies, compiled_in) = policies?;
    let timings = opts.timings.then(|| Arc::new(Timings::new(policies.packages.len())));
    if let Some(t) = &timings {
        policies.set_timings(Arc::clone(t));
        t.add(Stage::Compile, compiled_in);
    }
    if !opts.parse_only {
        check_rule_ids(config, &policies.rule_ids)?;
    }
    let (cache, cache_warning) = cache.unwrap_or_default();
    Ok(Started { policies, timings, cache, cache_warning, pending: Pending { git, walked } })
}

/// The files a run checks, and what it reports on.
struct Files {
    /// The candidates to read (only those reported, unless repository rules need every
    /// artifact), and the files skipped.
    found: Found,
    /// How many files are read.
    read: usize,
    /// The files reported on.
    reported: BTreeSet<String>,
    /// Whether only some of the files read are reported (`--changed-since`, `--staged`).
    partial: bool,
    /// Every file found, for the cache to keep the entries of (with a cache only).
    seen: BTreeSet<String>,
    /// Whether the files came from git's list of changes alone, with no walk: the cache then
    /// keeps the entries of the files not seen.
    walked_less: bool,
}

/// Which files to check, and which to report on: the walk's, the staged ones, or, with
/// `--changed-since`, git's account of what changed. Without repository rules, the unchanged
/// files are never read: the changed ones are taken from git, no walk needed.
fn discover_files(opts: &CheckOptions, plan: &mut Plan, pending: Pending, repository: &[usize], cached: bool, timings: Option<&Timings>) -> Result<Files, ToolError> {
    let discovering = std::time::Instant::now();
    let Pending { git, walked } = pending;
    let walked = walked.map(|(walked, took)| {
        if let Some(t) = timings {
            t.add(Stage::Discover, took);
        }
        walked
    });
    let (config, paths) = (&mut plan.config, &plan.paths);
    let changed_only = repository.is_empty() && !opts.combine;
    let (changed, unchanged, mut untracked) = match git {
        Some(git) => {
            let mut changes = git.join().unwrap_or_else(|_| Err(ToolError::msg("reading the changes from git failed")))?;
            config.notes.append(&mut changes.notes);
            // The shortcut below takes the changed files from git alone: it needs the list.
            if changed_only {
                if let Some(untracked) = changes.untracked.take() {
                    changes.changed.extend(untracked.list());
                }
            }
            let changed: BTreeSet<PathBuf> = changes.changed.iter().filter_map(|p| p.canonicalize().ok()).collect();
            (Some(changed), changes.unchanged, changes.untracked)
        }
        None => (None, Default::default(), None),
    };
    let shortcut = match &changed {
        Some(changed) if changed_only => discover::among(paths, changed, config),
        _ => None,
    };
    let walked_less = shortcut.is_some();
    let mut found = match (shortcut, walked) {
        (Some(found), _) => found,
        (None, _) if opts.staged => discover::staged(paths, config)?,
        (None, Some(walked)) => walked?,
        (None, None) => discover::discover(paths, config)?,
    };
    config.notes.append(&mut found.notes);
    if let Some(t) = timings {
        // What git and the walk left to do here (the walk's own time is counted above).
        t.add(Stage::Discover, discovering.elapsed());
    }
    if let Some(changed) = &changed {
        // Each candidate lies under one of the given paths: resolve those once and join the
        // rest, rather than resolving every candidate (a readlink per path component).
        let roots: Vec<(&PathBuf, Option<PathBuf>)> = paths.iter().map(|p| (p, p.canonicalize().ok())).collect();
        for c in &mut found.candidates {
            let resolved = roots
                .iter()
                .find_map(|(root, canonical)| Some(canonical.as_ref()?.join(c.path.strip_prefix(root).ok()?)))
                .or_else(|| c.path.canonicalize().ok());
            // A file git vouches unchanged is tracked: only the others can be changed or
            // untracked.
            c.blob = resolved.as_ref().and_then(|p| unchanged.get(p).copied());
            c.report = c.blob.is_none() && resolved.is_some_and(|p| changed.contains(&p) || untracked.as_mut().is_some_and(|u| u.contains(&p)));
        }
    }
    // Unchanged files are read only when repository rules need every artifact.
    let partial = changed.is_some() || found.candidates.iter().any(|c| !c.report);
    let seen: BTreeSet<String> = found.candidates.iter().filter(|_| cached).map(|c| c.name()).collect();
    if partial && repository.is_empty() {
        found.candidates.retain(|c| c.report);
    }
    let reported: BTreeSet<String> = found.candidates.iter().filter(|c| c.report).map(|c| c.name()).collect();
    teardown::release((changed, unchanged, untracked));
    Ok(Files { read: found.candidates.len(), found, reported, partial, seen, walked_less })
}

/// What the files' checks share: the worker threads, the progress bar, and what a file is read
/// and checked with.
struct Workers<'a> {
    opts: &'a CheckOptions,
    pool: rayon::ThreadPool,
    progress: progress::Progress,
    /// A bar that shows nothing, for work the bar does not count.
    quiet: progress::Progress,
    policies: &'a PolicySet,
    repository: &'a [usize],
    /// What a file is read with for the repository rules alone (it never borrows the cache).
    read_ctx: Context<'a>,
}

impl<'a> Workers<'a> {
    fn new(opts: &'a CheckOptions, config: &'a Config, schemas: &'a schema::Schemas, policies: &'a PolicySet, repository: &'a [usize], files: usize) -> Result<Workers<'a>, ToolError> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(opts.jobs.unwrap_or(0))
            // Parsers and the policy engine recurse on nesting that a hostile file chooses (within
            // `limits.max_depth` and saphyr's own bound); a roomy stack keeps that from overflowing.
            // Only the pages used are ever committed.
            .stack_size(WORKER_STACK)
            .build()
            .map_err(|e| ToolError::msg(format!("cannot start worker threads: {e}")))?;
        let progress = progress::Progress::new(opts.progress, files as u64);
        let read_ctx = Context {
            config,
            schemas,
            policies,
            combine: opts.combine,
            parse_only: opts.parse_only,
            keep_documents: !repository.is_empty() || opts.combine,
            cache: None,
            keep_sources: !opts.drop_sources,
            values: true,
        };
        Ok(Workers { opts, pool, progress, quiet: progress::Progress::new(false, 0), policies, repository, read_ctx })
    }

    /// The files' own checks, each file's on one worker.
    fn check(&self, candidates: &[Candidate], ctx: &Context<'_>) -> Vec<FileResult> {
        candidates
            .par_iter()
            .with_max_len(FILES_PER_TASK)
            .map_init(
                || self.policies.worker(),
                |engine, c| {
                    let r = process(c, ctx, engine);
                    self.progress.inc();
                    r
                },
            )
            .collect()
    }

    /// Every candidate read for the repository rules alone; a file not reported is done once
    /// read (the bar counts every file read). With them, what reading them found: a file the
    /// helpers could not summarize (see [`crate::policy::summary_error_diagnostic`]).
    fn read_for_repository(&self, candidates: &[Candidate], progress: &progress::Progress) -> (Vec<Artifact>, Vec<Diagnostic>) {
        let read = artifacts_and_findings(self.pool.install(|| {
            candidates
                .par_iter()
                .with_max_len(FILES_PER_TASK)
                .map_init(|| self.policies.worker(), |engine, c| {
                    let r = for_repository(c, &self.read_ctx, engine);
                    if !c.report {
                        progress.inc();
                    }
                    r
                })
                .collect()
        }));
        self.forget_shared_strings();
        read
    }

    /// Lets the workers forget the strings the summaries they made share (the summaries keep
    /// theirs): called once every file that is summarized has been read.
    fn forget_shared_strings(&self) {
        self.pool.broadcast(|_| policy::shared::forget());
    }

    /// Checks every file. The repository rules need every file's documents, and evaluate in
    /// one engine: run after the files' own checks, they keep one core idle. So (without a
    /// cache, which holds the documents of unchanged files, and without `--combine`), where they
    /// are likely to take longer than reading every file once more (see [`overlap_pays`]), every
    /// file is first read for them alone, and they run while the files are checked: their
    /// results come back with what they read.
    fn check_files(&self, candidates: &[Candidate], cache: Option<&Cache>) -> (Vec<FileResult>, Option<Early>) {
        let ctx = Context { cache, ..self.read_ctx };
        let overlap = !self.repository.is_empty()
            && cache.is_none()
            && !self.opts.combine
            && !self.opts.parse_only
            && self.pool.current_num_threads() > 1
            && overlap_pays(candidates);
        if !overlap {
            let results = self.pool.install(|| self.check(candidates, &ctx));
            self.forget_shared_strings();
            return (results, None);
        }
        let (mut read, found) = self.read_for_repository(candidates, &self.progress);
        let reported: Vec<Candidate> = candidates.iter().filter(|c| c.report).cloned().collect();
        let (xr, results) = self.pool.install(|| {
            rayon::join(
                || repository::Results::from(repository_rules(self.policies, self.repository, &mut read, &self.quiet)),
                || self.check(&reported, &Context { values: false, ..ctx }),
            )
        });
        (results, Some((xr, read, found)))
    }

    /// The rules that see every artifact: `--combine`'s user policies, and the repository rules
    /// (run already when [`Workers::check_files`] ran them, and again if a checked file is not
    /// what they read), whose findings are placed in the artifacts they name. Returns what they
    /// said of the repository itself.
    fn repository_stage(&self, run: &mut Gathered, early: Option<Early>, cache: &mut Option<Cache>, files: &Files) -> Vec<crate::evidence::Judged> {
        let (policies, repository, config) = (self.policies, self.repository, self.read_ctx.config);
        let reported = &files.reported;
        let artifacts = &mut run.artifacts;
        if self.opts.combine {
            let documents = artifacts.iter().map(|a| a.docs.len()).sum();
            let (mut d, mut e) = combined_rules(policies, &mut policies.wide_worker(documents), artifacts);
            run.diagnostics.append(&mut d);
            run.exceptions.append(&mut e);
        }
        let results = match early {
            // The repository rules ran while the files were checked, on what was read for them.
            Some((results, read, found)) => {
                let (results, read, mut found) = if read_again(artifacts, &read, reported) {
                    // A checked file is not what they read (it changed during the run): they run
                    // again, on what the files hold now.
                    let (mut read, found) = self.read_for_repository(&files.found.candidates, &self.quiet);
                    (self.pool.install(|| repository_rules(policies, repository, &mut read, &self.progress)).into(), read, found)
                } else {
                    (results, read, found)
                };
                // The files' own checks made no summaries: what the reading the rules used found
                // (a file they could not summarize) goes with the findings; a file not reported
                // has none shown.
                run.diagnostics.append(&mut found);
                // The files read for them alone are artifacts too (their findings are placed there).
                artifacts.extend(read.into_iter().filter(|a| !reported.contains(&a.file)));
                artifacts.sort_by(|a, b| a.file.cmp(&b.file));
                results
            }
            // Last, as it takes the documents: they are not needed after it.
            None => {
                self.progress.phase("repository rules", repository.len() as u64);
                let run = |artifacts: &mut [Artifact]| {
                    // The cache could not give the documents of a file it vouched for: read it after all.
                    for a in artifacts.iter_mut().filter(|a| a.awaits_documents()) {
                        reread(a, config, policies);
                    }
                    self.pool.install(|| repository_rules(policies, repository, artifacts, &self.progress))
                };
                match cache {
                    Some(cache) => cache.repository(artifacts, repository.iter().any(|&p| policies.is_volatile(p)), run),
                    None => run(artifacts),
                }
                .into()
            }
        };
        let placing = std::time::Instant::now();
        let (mut d, mut e, repository_judged) = repository_diagnostics(policies, results, artifacts, config, files.partial.then_some(reported), !self.opts.drop_sources);
        if let Some(t) = policies.timings() {
            t.add(Stage::Repository, placing.elapsed());
        }
        run.diagnostics.append(&mut d);
        run.exceptions.append(&mut e);
        self.progress.finish();
        repository_judged
    }
}

/// The repository rules' results when they ran beside the files' checks, with what they read
/// and what reading it found.
type Early = (repository::Results, Vec<Artifact>, Vec<Diagnostic>);

/// The mean size of a candidate file above which the repository rules are not run beside the
/// files' checks. Run beside them, they cost a second reading of every file (about 20–30 ns of
/// CPU a byte here) and save the time they take (about 0.2–0.6 ms an artifact): worth it for
/// many small artifacts (a generated repository of 10,000, 11.5 KB a file: 11 s of repository
/// rules against 2 s of reading), not for a repository of large manifests (a KServe checkout,
/// 1,155 candidates of 121 KB on average: 0.3 s against 4.5 s). A measured break-even, not a
/// fact of any standard: the findings are the same either way.
const OVERLAP_MAX_MEAN_BYTES: u64 = 20_000;

/// Whether the repository rules are likely to take longer than reading `candidates` again: the
/// files are small on average (see [`OVERLAP_MAX_MEAN_BYTES`]).
fn overlap_pays(candidates: &[Candidate]) -> bool {
    let bytes: u64 = candidates
        .iter()
        .map(|c| match &c.contents {
            Some(staged) => staged.len() as u64,
            None => std::fs::metadata(&c.path).map_or(0, |m| m.len()),
        })
        .sum();
    !candidates.is_empty() && bytes / (candidates.len() as u64) < OVERLAP_MAX_MEAN_BYTES
}

/// The results of the files' own checks, gathered.
struct Gathered {
    diagnostics: Vec<Diagnostic>,
    /// Findings excepted by a policy's `exception` rules, or by an inline ignore.
    exceptions: Vec<Diagnostic>,
    /// In path order.
    artifacts: Vec<Artifact>,
    skipped: Vec<Skipped>,
}

/// Gathers the files' results, storing each artifact's in the cache.
fn gather(results: Vec<FileResult>, cache: &mut Option<Cache>, mut skipped: Vec<Skipped>) -> Gathered {
    // Sized once: grown by doubling, a large run's findings would be held twice over at the
    // moment of each copy.
    let total = results
        .iter()
        .map(|r| if let FileResult::Artifact(_, d, _, v) = r { d.len() + v.as_ref().map_or(0, |v| v.0.len()) } else { 1 })
        .sum();
    let mut diagnostics = Vec::with_capacity(total);
    let mut exceptions = Vec::new();
    let mut artifacts = Vec::with_capacity(results.len());
    for r in results {
        match r {
            FileResult::Artifact(mut a, mut d, mut e, volatile) => {
                if let Some(cache) = cache {
                    cache.store(&a.file, &d, &e, &a.judged, a.links.as_deref(), a.facts.as_ref());
                }
                if let Some(facts) = &mut a.facts {
                    facts.documents = Vec::new(); // stored; the digest is what the run needs
                }
                diagnostics.append(&mut d);
                exceptions.append(&mut e);
                // Found afresh in every run, never stored.
                if let Some(v) = volatile {
                    let (mut vd, mut ve) = *v;
                    diagnostics.append(&mut vd);
                    exceptions.append(&mut ve);
                }
                artifacts.push(*a);
            }
            FileResult::Problem(d) => diagnostics.push(*d),
            FileResult::Skipped(s) => skipped.push(s),
        }
    }
    artifacts.sort_by(|a, b| a.file.cmp(&b.file));
    Gathered { diagnostics, exceptions, artifacts, skipped }
}

/// The filters: a run that reports only some files keeps their findings alone; then the
/// config's severities and rule selection, the waivers, and the baseline. Returns the findings
/// that count, those suppressed, and the waivers used.
fn filter(plan: &Plan, policies: &PolicySet, diagnostics: Vec<Diagnostic>, exceptions: Vec<Diagnostic>, files: &Files) -> (Vec<Diagnostic>, Vec<Diagnostic>, Vec<usize>) {
    let (mut diagnostics, mut exceptions) = (diagnostics, exceptions);
    let (reported, partial) = (&files.reported, files.partial);
    if partial {
        diagnostics.retain(|d| reported.contains(&*d.file));
        exceptions.retain(|d| reported.contains(&*d.file));
    }
    let config = &plan.config;
    let diagnostics: Vec<Diagnostic> = diagnostics.into_iter().filter_map(|d| config.apply(d)).collect();
    // The rules this run evaluated and reports: a waiver or a baseline entry of another rule is
    // neither used nor stale.
    let evaluated: BTreeSet<String> = policies.packages.iter().map(policy::Package::rule_id).collect();
    let ran = |rule: &str| config.selection.enabled(rule) && (evaluated.contains(rule) || codes::ALL.iter().any(|(c, _)| *c == rule));
    let (mut diagnostics, mut waived, waivers_used) = waivers::apply_with_usage(config, diagnostics, &plan.today, !partial, ran);
    let mut suppressed = exceptions;
    suppressed.append(&mut waived);
    if let Some(baseline) = &plan.baseline {
        let (kept, mut known) = baseline.apply(diagnostics, !partial, ran);
        diagnostics = kept;
        suppressed.append(&mut known);
    }
    (diagnostics, suppressed, waivers_used)
}
