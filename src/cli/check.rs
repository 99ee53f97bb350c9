//! `govlint check`: its flags, the run, and the outputs written.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use govlint::config::FailOn;
use govlint::report::{self, OutputFormat};
use govlint::{CheckOptions, ToolError};

use super::*;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum FailOnArg {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(Args)]
pub(crate) struct CheckArgs {
    /// Files or directories to check (default: the current directory).
    paths: Vec<PathBuf>,
    #[command(flatten)]
    lang: LangArg,
    /// Use this config file instead of searching for govlint.yaml.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output format, optionally to a file: `human`, `json`, `sarif`, `junit`, `github`,
    /// `markdown`, `gitlab` (Code Quality), e.g. `--format human --format sarif:govlint.sarif`
    /// (repeatable).
    #[arg(long, value_name = "FORMAT[:FILE]", value_parser = parse_output)]
    format: Vec<Output>,
    /// Print only findings at or above --fail-on, and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Never show the progress bar (shown on a terminal once a run lasts a moment).
    #[arg(long)]
    no_progress: bool,
    /// Lint the content staged in the git index (for pre-commit hooks).
    #[arg(long, conflicts_with = "changed_since")]
    staged: bool,
    /// Report only files changed since the merge base of REF and HEAD (working tree included).
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Only read, parse and classify the files: no schema, no policy (parse errors are still
    /// reported). Measures the floor of a run.
    #[arg(long)]
    parse_only: bool,
    /// Record the current findings in this baseline file, and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Least severity that fails the run (overrides `fail_on` in the config).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<FailOnArg>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Say on stderr which config applies and how it was found, the frameworks and rules on, and
    /// the files skipped and why.
    #[arg(short, long)]
    verbose: bool,
    /// Policy file or directory to evaluate besides the bundled rules (repeatable).
    #[arg(short = 'p', long = "policy", value_name = "PATH")]
    policies: Vec<PathBuf>,
    /// Do not evaluate the bundled rules.
    #[arg(long)]
    no_builtin: bool,
    /// Namespace (package) of user policies to evaluate; globs allowed (repeatable; default `main`).
    #[arg(short = 'n', long = "namespace", value_name = "NAMESPACE")]
    namespaces: Vec<String>,
    /// Evaluate user policies in every namespace.
    #[arg(long)]
    all_namespaces: bool,
    /// Data file or directory (YAML/JSON) merged into `data` (repeatable).
    #[arg(short = 'd', long = "data", value_name = "PATH")]
    data: Vec<PathBuf>,
    /// Evaluate user policies once, with every artifact as input (`[{path, contents}]`).
    #[arg(long)]
    combine: bool,
    /// Rego syntax of user policies.
    #[arg(long, value_enum, default_value_t = RegoVersion::V1)]
    rego_version: RegoVersion,
    /// Framework pack to enable (repeatable; replaces `frameworks:` in the config).
    #[arg(long = "framework", value_name = "NAME", value_parser = govlint::policy::FRAMEWORKS)]
    frameworks: Vec<String>,
    #[command(flatten)]
    selection: SelectArgs,
    /// Print a table of the findings per rule (count, rule, severity, title), most frequent
    /// first, instead of the findings; with --format json, add a `statistics` array.
    #[arg(long)]
    statistics: bool,
    /// Print on stderr the time spent in each stage and each rule, slowest first; with --format
    /// json, add a `timings` object (each rule is then evaluated on its own, so the run is slower).
    #[arg(long)]
    timings: bool,
    /// Cache each file's findings in .govlint-cache/ (in the config's directory), so a repeat
    /// run re-evaluates only the files that changed; a change of govlint, govlint.yaml or the
    /// policies starts afresh. Same as `cache: true` in govlint.yaml.
    #[arg(long)]
    cache: bool,
    /// Keep the cache in DIR instead of .govlint-cache/ (implies --cache).
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Do not use the cache, whatever govlint.yaml says.
    #[arg(long, conflicts_with_all = ["cache", "cache_dir"])]
    no_cache: bool,
}

/// One requested output: a format, to stdout or to a file.
#[derive(Clone)]
pub(crate) struct Output {
    format: OutputFormat,
    file: Option<PathBuf>,
}

pub(crate) fn parse_output(s: &str) -> Result<Output, String> {
    let (name, file) = match s.split_once(':') {
        Some((n, f)) if !f.is_empty() => (n, Some(PathBuf::from(f))),
        Some((_, _)) => return Err(format!("`{s}`: a file name must follow the colon")),
        None => (s, None),
    };
    Ok(Output { format: name.parse()?, file })
}

pub(crate) fn run_check(args: CheckArgs) -> Result<ExitCode, ToolError> {
    let policy = govlint::policy::LoadOptions {
        builtin: !args.no_builtin,
        paths: args.policies,
        namespaces: args.namespaces,
        all_namespaces: args.all_namespaces,
        data: args.data,
        rego_v0: args.rego_version == RegoVersion::V0,
        ..Default::default()
    };
    // Only the human and SARIF outputs show the files' text.
    let drop_sources = !args.format.is_empty() && args.format.iter().all(|o| !matches!(o.format, OutputFormat::Human | OutputFormat::Sarif));
    let opts = CheckOptions {
        paths: args.paths,
        config: args.config,
        jobs: args.jobs.map(usize::from),
        policy,
        frameworks: args.frameworks.clone(),
        select: args.selection.select,
        ignore: args.selection.ignore,
        combine: args.combine,
        staged: args.staged,
        changed_since: args.changed_since,
        baseline: args.baseline,
        parse_only: args.parse_only,
        lang: args.lang.value,
        progress: !args.quiet && !args.no_progress && std::io::stderr().is_terminal(),
        cache: if args.no_cache {
            Some(false)
        } else if args.cache || args.cache_dir.is_some() {
            Some(true)
        } else {
            None
        },
        cache_dir: args.cache_dir,
        drop_sources,
        timings: args.timings,
    };
    let mut outcome = govlint::check(&opts)?;
    let reporting = std::time::Instant::now();
    report_notes(&outcome);
    report_cache(outcome.cache.as_ref());
    let fail_on = match args.fail_on {
        Some(FailOnArg::Error) => FailOn::Error,
        Some(FailOnArg::Warning) => FailOn::Warning,
        Some(FailOnArg::Note) => FailOn::Note,
        Some(FailOnArg::Never) => FailOn::Never,
        None => outcome.config.fail_on,
    };
    if args.verbose {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{}", outcome.config.describe());
        for line in outcome.describe_rules(&args.frameworks) {
            let _ = writeln!(err, "{}", report::inert(&line));
        }
        for s in &outcome.skipped {
            // Names and reasons come from the repository: inert in the log.
            let _ = writeln!(err, "skipped {}: {}", report::inert(&s.path), report::inert(&s.reason));
        }
        for a in &outcome.artifacts {
            if a.docs.is_empty() {
                let _ = writeln!(err, "checked {}: does not parse, and its place or text marks it as an artifact (see docs/classification.md)", report::inert(&a.file));
            }
            for d in &a.docs {
                let _ = writeln!(err, "checked {} (document {}): {} ({}), {}", report::inert(&a.file), d.index + 1, d.kind.as_str(), d.format.as_str(), report::inert(&d.reason));
            }
        }
    }
    if let Some(path) = &args.write_baseline {
        let baseline = govlint::waivers::Baseline::of(&outcome.diagnostics);
        govlint::fileio::write_atomic(path, &baseline.to_json())?;
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "wrote {} findings to the baseline {}", baseline.findings.len(), path.display());
        return Ok(ExitCode::SUCCESS);
    }
    // What is counted does not depend on what is printed: the summary and the statistics are
    // of every finding, whatever -q leaves out.
    let summary = report::Summary::of(&outcome);
    let statistics = args.statistics.then(|| report::statistics::rows(&outcome.diagnostics, |id| outcome.title(id)));
    if args.quiet {
        // Only what fails the run is shown.
        let threshold = fail_on.threshold();
        outcome.diagnostics.retain(|d| threshold.is_some_and(|t| d.severity >= t));
    }
    let sources = outcome.sources();
    let outputs = if args.format.is_empty() { vec![Output { format: OutputFormat::Human, file: None }] } else { args.format };
    let per_artifact = outputs.iter().any(|o| matches!(o.format, OutputFormat::Sarif | OutputFormat::Junit));
    let view = report::RunView::of_run(&outcome, &sources, per_artifact, summary);
    // The JSON document holds the stages up to the report, which it is part of.
    let timings = outcome.timings_report().map(|mut t| {
        t.stages.retain(|s| s.stage != govlint::timings::Stage::Report.as_str());
        t
    });
    for out in &outputs {
        let to_terminal = out.file.is_none() && std::io::stdout().is_terminal();
        let mut text = match out.format {
            OutputFormat::Human => match &statistics {
                Some(rows) => report::statistics::render(rows),
                None => report::human::render(view.diagnostics, view.sources, color_enabled(args.color, to_terminal)),
            },
            OutputFormat::Json => {
                // Streamed: the document of a large run is never held whole.
                let write = |w: &mut dyn Write| report::json::write(w, view.diagnostics, view.suppressed, view.summary, statistics.as_deref(), timings.as_ref());
                match &out.file {
                    Some(path) => govlint::fileio::write_atomic_with(path, write)?,
                    None => {
                        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
                        // A closed pipe (`| head`) is not a failure.
                        let _ = write(&mut w).and_then(|()| w.flush());
                    }
                }
                continue;
            }
            OutputFormat::Sarif => report::sarif::render(&view, outcome.lang),
            OutputFormat::Junit => report::junit::render(&view),
            OutputFormat::Github => report::github::render(&view),
            OutputFormat::Markdown => report::markdown::render(&view),
            OutputFormat::Gitlab => report::gitlab::render(&view),
        };
        if out.format == OutputFormat::Human && !args.quiet {
            text.push_str(&view.summary.line_in(outcome.lang));
            text.push('\n');
        }
        match &out.file {
            Some(path) => govlint::fileio::write_atomic(path, &text)?,
            None => write_stdout(&text),
        }
    }
    if let Some(t) = &outcome.timings {
        t.add(govlint::timings::Stage::Report, reporting.elapsed());
        if let Some(report) = outcome.timings_report() {
            let mut err = std::io::stderr().lock();
            // Rule and package names come from the policies: inert in the log.
            let _ = write!(err, "{}", report::inert_but(&report.table(), &['\n']));
        }
    }
    let code = if outcome.failed(fail_on) { ExitCode::from(1) } else { ExitCode::SUCCESS };
    drop(view);
    govlint::teardown::release(outcome);
    Ok(code)
}


