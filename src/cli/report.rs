//! `govlint report`: the audit report of a run, or of several merged.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use govlint::{CheckOptions, ToolError};

use super::*;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ReportFormat {
    Html,
    Markdown,
    Json,
}

#[derive(Args)]
pub(crate) struct ReportArgs {
    /// The repository or directory to report on (default: the current directory).
    #[arg(default_value = ".")]
    path: PathBuf,
    #[command(flatten)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    format: ReportFormat,
    /// Write the report to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Use this config file instead of searching for govlint.yaml.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Framework pack to enable (repeatable; replaces `frameworks:` in the config).
    #[arg(long = "framework", value_name = "NAME", value_parser = govlint::policy::FRAMEWORKS)]
    frameworks: Vec<String>,
    #[command(flatten)]
    selection: SelectArgs,
    /// Policy file or directory to evaluate besides the bundled rules (repeatable).
    #[arg(short = 'p', long = "policy", value_name = "PATH")]
    policies: Vec<PathBuf>,
    /// Do not evaluate the bundled rules.
    #[arg(long)]
    no_builtin: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Write one report over these JSON reports (`govlint report --format json` of each
    /// repository) instead of checking PATH. Reports of another version or policy bundle are
    /// refused.
    #[arg(long, value_name = "REPORT.json", num_args = 1.., conflicts_with_all = ["config", "frameworks", "policies", "no_builtin", "jobs"])]
    merge: Vec<PathBuf>,
}

pub(crate) fn run_report(args: ReportArgs) -> Result<ExitCode, ToolError> {
    let (date, date_source) = govlint::audit::report_date()?;
    if !args.merge.is_empty() {
        let merged = govlint::audit::merge::merge(&args.merge, date, date_source)?;
        let lang = args.lang.resolve()?;
        let text = match args.format {
            ReportFormat::Html => govlint::audit::html::render_merged(&merged, lang),
            ReportFormat::Markdown => govlint::audit::markdown::render_merged(&merged, lang),
            ReportFormat::Json => govlint::audit::merge::json(&merged),
        };
        match &args.output {
            Some(path) => govlint::fileio::write_atomic(path, &text)?,
            None => write_stdout(&text),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let opts = CheckOptions {
        paths: vec![args.path.clone()],
        config: args.config,
        jobs: args.jobs.map(usize::from),
        policy: govlint::policy::LoadOptions { builtin: !args.no_builtin, paths: args.policies, ..Default::default() },
        frameworks: args.frameworks.clone(),
        select: args.selection.select,
        ignore: args.selection.ignore,
        lang: args.lang.value,
        ..Default::default()
    };
    let outcome = govlint::check(&opts)?;
    report_notes(&outcome);
    report_cache(outcome.cache.as_ref());
    let frameworks = if args.frameworks.is_empty() { outcome.config.frameworks.clone() } else { args.frameworks };
    let build = govlint::audit::BuildOptions {
        root: args.path,
        frameworks,
        builtin_rules: !args.no_builtin,
        date,
        date_source,
        today: govlint::waivers::today()?,
    };
    let audit = govlint::audit::build(&outcome, &build);
    let text = match args.format {
        ReportFormat::Html => govlint::audit::html::render(&audit, outcome.lang),
        ReportFormat::Markdown => govlint::audit::markdown::render(&audit, outcome.lang),
        ReportFormat::Json => govlint::audit::json::render(&audit),
    };
    match &args.output {
        Some(path) => govlint::fileio::write_atomic(path, &text)?,
        None => write_stdout(&text),
    }
    // The report is evidence, not a gate: findings do not fail it.
    Ok(ExitCode::SUCCESS)
}
