//! The govlint command line: parses flags, runs the library, prints, and maps the outcome to an
//! exit code — 0 clean, 1 findings at or above `--fail-on`, 2 the tool could not do its job.
//! This is the only place that prints.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use govlint::config::FailOn;
use govlint::report::{self, OutputFormat};
use govlint::{CheckOptions, ToolError};

#[derive(Parser)]
#[command(name = "govlint", version, about = "Governance linter for model cards, dataset manifests and deployment configs", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check governance artifacts against the bundled schemas and policies.
    Check(CheckArgs),
    /// Run the `test_*` rules of Rego test files (default: the bundled policies).
    Test(TestArgs),
    /// List the rules: id, severity, kinds, layer, frameworks, title.
    Rules(RulesArgs),
    /// Show a rule's documentation: description, remediation, references, examples.
    Explain(ExplainArgs),
}

#[derive(Args)]
struct TestArgs {
    /// Policy directories or files (default: the bundled policies).
    paths: Vec<PathBuf>,
    /// Print per-file line coverage.
    #[arg(long)]
    coverage: bool,
    /// Fail when total coverage is below this percentage (implies --coverage).
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
    threshold: Option<f64>,
    /// Only run tests whose name contains this text.
    #[arg(long, value_name = "TEXT")]
    run: Option<String>,
    /// Rego syntax of the policies.
    #[arg(long, value_enum, default_value_t = RegoVersion::V1)]
    rego_version: RegoVersion,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Args)]
struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    format: RulesFormat,
}

#[derive(Args)]
struct ExplainArgs {
    /// A rule id, e.g. MC001 or schema.
    id: String,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RegoVersion {
    V0,
    V1,
}

fn parse_percent(s: &str) -> Result<f64, String> {
    match s.trim_end_matches('%').parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!("`{s}` is not a percentage from 0 to 100")),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Never,
    Always,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories to check (default: the current directory).
    paths: Vec<PathBuf>,
    /// Use this config file instead of searching for govlint.yaml.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output format, optionally to a file: `human`, `json`, `sarif`, `junit`, `github`,
    /// `markdown`, e.g. `--format human --format sarif:govlint.sarif` (repeatable).
    #[arg(long, value_name = "FORMAT[:FILE]", value_parser = parse_output)]
    format: Vec<Output>,
    /// Print only findings at or above --fail-on, and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Lint the content staged in the git index (for pre-commit hooks).
    #[arg(long, conflicts_with = "changed_since")]
    staged: bool,
    /// Report only files changed since the merge base of REF and HEAD (working tree included).
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
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
    /// List the files skipped and why (on stderr).
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
    #[arg(long = "framework", value_name = "NAME", value_parser = ["caict-roadmap-2024", "cn-genai", "eu-ai-act", "nist-ai-600-1", "baseline"])]
    frameworks: Vec<String>,
}

/// One requested output: a format, to stdout or to a file.
#[derive(Clone)]
struct Output {
    format: OutputFormat,
    file: Option<PathBuf>,
}

fn parse_output(s: &str) -> Result<Output, String> {
    let (name, file) = match s.split_once(':') {
        Some((n, f)) if !f.is_empty() => (n, Some(PathBuf::from(f))),
        Some((_, _)) => return Err(format!("`{s}`: a file name must follow the colon")),
        None => (s, None),
    };
    Ok(Output { format: name.parse()?, file })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Test(args) => run_test(args),
        Command::Rules(args) => run_rules(args),
        Command::Explain(args) => run_explain(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_tool_error(&e);
            ExitCode::from(2)
        }
    }
}

fn color_enabled(c: Color, stream_is_tty: bool) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stream_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn report_tool_error(e: &ToolError) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {}", e.message);
    if let Some(src) = &e.source {
        let sources = [(src.name.clone(), src.clone())].into_iter().collect();
        let color = color_enabled(Color::Auto, std::io::stderr().is_terminal());
        let _ = write!(err, "{}", report::human::render(&e.diagnostics, &sources, color));
    }
}

fn run_check(args: CheckArgs) -> Result<ExitCode, ToolError> {
    let policy = govlint::policy::LoadOptions {
        builtin: !args.no_builtin,
        paths: args.policies,
        namespaces: args.namespaces,
        all_namespaces: args.all_namespaces,
        data: args.data,
        rego_v0: args.rego_version == RegoVersion::V0,
        ..Default::default()
    };
    let opts = CheckOptions {
        paths: args.paths,
        config: args.config,
        jobs: args.jobs.map(usize::from),
        policy,
        frameworks: args.frameworks,
        combine: args.combine,
        staged: args.staged,
        changed_since: args.changed_since,
        baseline: args.baseline,
    };
    let mut outcome = govlint::check(&opts)?;
    let fail_on = match args.fail_on {
        Some(FailOnArg::Error) => FailOn::Error,
        Some(FailOnArg::Warning) => FailOn::Warning,
        Some(FailOnArg::Note) => FailOn::Note,
        Some(FailOnArg::Never) => FailOn::Never,
        None => outcome.config.fail_on,
    };
    if args.verbose {
        let mut err = std::io::stderr().lock();
        for s in &outcome.skipped {
            let _ = writeln!(err, "skipped {}: {}", s.path, s.reason);
        }
        for a in &outcome.artifacts {
            for d in &a.docs {
                let _ = writeln!(err, "checked {} (document {}): {} ({}), {}", a.file, d.index + 1, d.kind.as_str(), d.format.as_str(), d.reason);
            }
        }
    }
    if let Some(path) = &args.write_baseline {
        let baseline = govlint::waivers::Baseline::of(&outcome.diagnostics);
        govlint::waivers::write_atomic(path, &baseline.to_json())?;
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "wrote {} findings to the baseline {}", baseline.findings.len(), path.display());
        return Ok(ExitCode::SUCCESS);
    }
    if args.quiet {
        // Only what fails the run is shown.
        let threshold = fail_on.threshold();
        outcome.diagnostics.retain(|d| threshold.is_some_and(|t| d.severity >= t));
    }
    let sources = outcome.sources();
    let view = outcome.view(&sources);
    let outputs = if args.format.is_empty() { vec![Output { format: OutputFormat::Human, file: None }] } else { args.format };
    for out in &outputs {
        let to_terminal = out.file.is_none() && std::io::stdout().is_terminal();
        let mut text = match out.format {
            OutputFormat::Human => report::human::render(view.diagnostics, view.sources, color_enabled(args.color, to_terminal)),
            OutputFormat::Json => report::json::render(view.diagnostics, view.suppressed, view.summary),
            OutputFormat::Sarif => report::sarif::render(&view),
            OutputFormat::Junit => report::junit::render(&view),
            OutputFormat::Github => report::github::render(&view),
            OutputFormat::Markdown => report::markdown::render(&view),
        };
        if out.format == OutputFormat::Human && !args.quiet {
            text.push_str(&view.summary.line());
            text.push('\n');
        }
        match &out.file {
            Some(path) => govlint::waivers::write_atomic(path, &text)?,
            None => write_stdout(&text),
        }
    }
    Ok(if outcome.failed(fail_on) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn write_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not a failure.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn run_test(args: TestArgs) -> Result<ExitCode, ToolError> {
    let opts = govlint::policy::testing::TestOptions {
        paths: args.paths,
        coverage: args.coverage || args.threshold.is_some(),
        rego_v0: args.rego_version == RegoVersion::V0,
        run: args.run,
    };
    let report = govlint::policy::testing::run(&opts)?;
    write_stdout(&report::tests::render(&report));
    let below = args.threshold.is_some_and(|t| report.total_coverage() < t);
    if let Some(t) = args.threshold.filter(|_| below) {
        write_stdout(&format!("coverage {:.1}% is below the threshold of {t}%\n", report.total_coverage()));
    }
    Ok(if report.failed() > 0 || below { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn run_rules(args: RulesArgs) -> Result<ExitCode, ToolError> {
    let rules = govlint::rules::catalog()?;
    let text = match args.format {
        RulesFormat::Table => govlint::rules::table(&rules),
        RulesFormat::Json => govlint::rules::json(&rules),
        RulesFormat::Markdown => govlint::rules::markdown(&rules),
    };
    write_stdout(&text);
    Ok(ExitCode::SUCCESS)
}

fn run_explain(args: ExplainArgs) -> Result<ExitCode, ToolError> {
    let rules = govlint::rules::catalog()?;
    match rules.iter().find(|r| r.id.eq_ignore_ascii_case(&args.id)) {
        Some(r) => {
            write_stdout(&govlint::rules::explain(r));
            Ok(ExitCode::SUCCESS)
        }
        None => Err(ToolError::msg(format!("unknown rule `{}`; `govlint rules` lists them", args.id))),
    }
}
