//! `govlint check`: the stages of a run put together.

use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::artifact::Artifact;
use crate::diagnostic::{self, codes, Diagnostic};
use crate::discover::{self, Candidate};
use crate::error::ToolError;
use crate::policy::RepositoryResults;
use crate::timings::{self, Stage};
use crate::{cache, git, i18n, policy, progress, schema, teardown, waivers};

use super::file::*;
use super::options::*;
use super::outcome::*;
use super::repository::*;

/// The most files one worker task takes. Left to itself, rayon hands a worker a long run of
/// files that no idle worker can take from it, and at 10,000 files one core was idle for about a
/// second and a half at the end; with short runs the workers finish together. Each task makes
/// its own engine clone, which is small next to checking a file.
pub(crate) const FILES_PER_TASK: usize = 16;

/// Runs `govlint check`.
pub fn check(opts: &CheckOptions) -> Result<Outcome, ToolError> {
    let mut config = load_config(opts)?;
    config.selection.select.clone_from(&opts.select);
    config.selection.ignore.clone_from(&opts.ignore);
    // Everything that can refuse the run is read before any artifact is.
    let lang = i18n::resolve(opts.lang, config.lang)?;
    let today = waivers::today()?;
    let baseline = opts.baseline.as_deref().map(waivers::Baseline::load).transpose()?;
    let paths = if opts.paths.is_empty() { vec![PathBuf::from(".")] } else { opts.paths.clone() };
    // Discovery keeps out of a `--cache-dir`.
    config.cache_dir.clone_from(&opts.cache_dir);
    // Git's account of the changes, the walk and the policies' compilation do not depend on
    // one another: they run at once. The walk is skipped where it would likely go unused (a
    // `--changed-since` run with no bundled rules, which may need no unchanged file).
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
    let prepared = cache::prepare(opts.cache, opts.cache_dir.as_deref(), opts.parse_only, &config);
    let (policies, cache, walked) = std::thread::scope(|s| {
        let (paths, config) = (&paths, &config);
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
        (policies, cache, walk.map(|w| w.join().unwrap_or_else(|_| (Err(ToolError::msg("walking the paths failed")), std::time::Duration::ZERO))))
    });
    let (mut policies, compiled_in) = policies?;
    let timings = opts.timings.then(|| Arc::new(timings::Timings::new(policies.packages.len())));
    if let Some(t) = &timings {
        policies.set_timings(Arc::clone(t));
        t.add(Stage::Compile, compiled_in);
    }
    let walked = walked.map(|(walked, took)| {
        if let Some(t) = &timings {
            t.add(Stage::Discover, took);
        }
        walked
    });
    let discovering = std::time::Instant::now();
    // A rule id that names nothing is a typo, found once the user policies are known.
    if !opts.parse_only {
        check_rule_ids(&config, &policies.rule_ids)?;
    }
    let (mut cache, cache_warning) = cache.unwrap_or_default();
    let repository = policies.repository();
    // Without repository rules, the unchanged files are never read: the changed ones are taken
    // from git, no walk needed.
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
            let changed: std::collections::BTreeSet<PathBuf> = changes.changed.iter().filter_map(|p| p.canonicalize().ok()).collect();
            (Some(changed), changes.unchanged, changes.untracked)
        }
        None => (None, Default::default(), None),
    };
    let shortcut = match &changed {
        Some(changed) if changed_only => discover::among(&paths, changed, &config),
        _ => None,
    };
    let walked_less = shortcut.is_some();
    let mut found = match (shortcut, walked) {
        (Some(found), _) => found,
        (None, _) if opts.staged => discover::staged(&paths, &config)?,
        (None, Some(walked)) => walked?,
        (None, None) => discover::discover(&paths, &config)?,
    };
    if let Some(t) = &timings {
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
    let seen: std::collections::BTreeSet<String> = found.candidates.iter().filter(|_| cache.is_some()).map(|c| c.name()).collect();
    if partial && repository.is_empty() {
        found.candidates.retain(|c| c.report);
    }
    let schemas = schema::Schemas::bundled();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        // Parsers and the policy engine recurse on nesting that a hostile file chooses (within
        // `limits.max_depth` and saphyr's own bound); a roomy stack keeps that from overflowing.
        // Only the pages used are ever committed.
        .stack_size(WORKER_STACK)
        .build()
        .map_err(|e| ToolError::msg(format!("cannot start worker threads: {e}")))?;
    let files_read = found.candidates.len();
    let progress = progress::Progress::new(opts.progress, files_read as u64);
    // `read_ctx` reads for the repository rules alone (and never borrows the cache).
    let read_ctx = Context {
        config: &config,
        schemas: &schemas,
        policies: &policies,
        combine: opts.combine,
        parse_only: opts.parse_only,
        keep_documents: !repository.is_empty() || opts.combine,
        cache: None,
        keep_sources: !opts.drop_sources,
        values: true,
    };
    let ctx = Context { cache: cache.as_ref(), ..read_ctx };
    let check_files = |candidates: &[Candidate], ctx: &Context<'_>| -> Vec<FileResult> {
        candidates
            .par_iter()
            .with_max_len(FILES_PER_TASK)
            .map_init(
                || policies.worker(),
                |engine, c| {
                    let r = process(c, ctx, engine);
                    progress.inc();
                    r
                },
            )
            .collect()
    };
    // The repository rules need every file's documents, and evaluate in one engine: run after
    // the files' own checks, they would keep one core idle. So (without a cache, which holds
    // the documents of unchanged files, and without `--combine`) every file is first read for
    // them alone, which costs about a parse, and they run while the files are checked.
    let overlap = !repository.is_empty() && cache.is_none() && !opts.combine && !opts.parse_only;
    let quiet = progress::Progress::new(false, 0);
    // Every candidate read for the repository rules alone; a file not reported is done once
    // read (the bar counts every file read).
    let read_for_repository = |progress: &progress::Progress| {
        artifacts_of(pool.install(|| {
            found
                .candidates
                .par_iter()
                .with_max_len(FILES_PER_TASK)
                .map_init(|| policies.worker(), |engine, c| {
                    let r = for_repository(c, &read_ctx, engine);
                    if !c.report {
                        progress.inc();
                    }
                    r
                })
                .collect()
        }))
    };
    let mut early: Option<(RepositoryResults, Vec<Artifact>)> = None;
    let results: Vec<FileResult> = if overlap {
        let mut read = read_for_repository(&progress);
        let reported: Vec<Candidate> = found.candidates.iter().filter(|c| c.report).cloned().collect();
        let (xr, results) = pool.install(|| {
            rayon::join(
                || repository_rules(&policies, &repository, &mut read, &quiet),
                || check_files(&reported, &Context { values: false, ..ctx }),
            )
        });
        early = Some((xr, read));
        results
    } else {
        pool.install(|| check_files(&found.candidates, &ctx))
    };

    // Sized once: grown by doubling, a large run's findings would be held twice over at the
    // moment of each copy.
    let total = results
        .iter()
        .map(|r| if let FileResult::Artifact(_, d, _, v) = r { d.len() + v.as_ref().map_or(0, |v| v.0.len()) } else { 1 })
        .sum();
    let mut diagnostics = Vec::with_capacity(total);
    let mut exceptions = Vec::new();
    let mut artifacts = Vec::with_capacity(results.len());
    let mut skipped = found.skipped;
    let reported: std::collections::BTreeSet<String> = found.candidates.iter().filter(|c| c.report).map(|c| c.name()).collect();
    for r in results {
        match r {
            FileResult::Artifact(mut a, mut d, mut e, volatile) => {
                if let Some(cache) = &mut cache {
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
    if opts.combine {
        let documents = artifacts.iter().map(|a| a.docs.len()).sum();
        let (mut d, mut e) = combined_rules(&policies, &mut policies.wide_worker(documents), &artifacts);
        diagnostics.append(&mut d);
        exceptions.append(&mut e);
    }
    let results = match early {
        // The repository rules ran while the files were checked, on what was read for them.
        Some((results, read)) => {
            let (results, read) = if read_again(&artifacts, &read, &reported) {
                // A checked file is not what they read (it changed during the run): they run
                // again, on what the files hold now.
                let mut read = read_for_repository(&quiet);
                (pool.install(|| repository_rules(&policies, &repository, &mut read, &progress)), read)
            } else {
                (results, read)
            };
            // The files read for them alone are artifacts too (their findings are placed there).
            artifacts.extend(read.into_iter().filter(|a| !reported.contains(&a.file)));
            artifacts.sort_by(|a, b| a.file.cmp(&b.file));
            results
        }
        // Last, as it takes the documents: they are not needed after it.
        None => {
            progress.phase("repository rules", repository.len() as u64);
            let run = |artifacts: &mut [Artifact]| {
                // The cache could not give the documents of a file it vouched for: read it after all.
                for a in artifacts.iter_mut().filter(|a| a.awaits_documents()) {
                    reread(a, &config, &policies);
                }
                pool.install(|| repository_rules(&policies, &repository, artifacts, &progress))
            };
            match &mut cache {
                Some(cache) => cache.repository(&mut artifacts, repository.iter().any(|&p| policies.is_volatile(p)), run),
                None => run(&mut artifacts),
            }
        }
    };
    let placing = std::time::Instant::now();
    let (mut d, mut e, repository_judged) = repository_diagnostics(&policies, results, &mut artifacts, &config, partial.then_some(&reported), !opts.drop_sources);
    if let Some(t) = &timings {
        t.add(Stage::Repository, placing.elapsed());
    }
    diagnostics.append(&mut d);
    exceptions.append(&mut e);
    progress.finish();
    // A run that did not look at every file keeps the entries of the files it did not see.
    let cache = cache::finish(cache, cache_warning, (!walked_less).then_some(&seen));
    if partial {
        diagnostics.retain(|d| reported.contains(&d.file));
        exceptions.retain(|d| reported.contains(&d.file));
    }
    let diagnostics: Vec<Diagnostic> = diagnostics.into_iter().filter_map(|d| config.apply(d)).collect();
    // The rules this run evaluated and reports: a waiver or a baseline entry of another rule is
    // neither used nor stale.
    let evaluated: std::collections::BTreeSet<String> = policies.packages.iter().map(policy::Package::rule_id).collect();
    let ran = |rule: &str| config.selection.enabled(rule) && (evaluated.contains(rule) || codes::ALL.iter().any(|(c, _)| *c == rule));
    let (mut diagnostics, mut waived, waivers_used) = waivers::apply_with_usage(&config, diagnostics, &today, !partial, ran);
    let mut suppressed = exceptions;
    suppressed.append(&mut waived);
    if let Some(baseline) = &baseline {
        let (kept, mut known) = baseline.apply(diagnostics, !partial, ran);
        diagnostics = kept;
        suppressed.append(&mut known);
    }
    diagnostic::sort(&mut diagnostics);
    diagnostic::sort(&mut suppressed);
    skipped.sort();
    let translator = i18n::Translator::new(&policies.packages, lang);
    diagnostics.iter_mut().chain(suppressed.iter_mut()).for_each(|d| translator.apply(d));
    let packages = policies.packages.clone();
    let rule_ids = policies.rule_ids.clone();
    // What the run built and the outcome does not hold: often left to the end of the process.
    teardown::release((policies, schemas, found.candidates, seen, reported, changed, unchanged, untracked));
    Ok(Outcome { config, diagnostics, artifacts, skipped, files_read, suppressed, packages, rule_ids, waivers_used, lang, cache, repository_judged, timings })
}
