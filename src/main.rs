//! The govlint command line: parses flags, runs the library, prints, and maps the outcome to an
//! exit code — 0 clean, 1 findings at or above `--fail-on`, 2 the tool could not do its job.
//! This is the only place that prints.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use govlint::config::FailOn;
use govlint::report::{self, OutputFormat, Summary};
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
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "human", value_parser = parse_format)]
    format: OutputFormat,
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
}

fn parse_format(s: &str) -> Result<OutputFormat, String> {
    s.parse()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
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
    let opts = CheckOptions { paths: args.paths, config: args.config, jobs: args.jobs.map(usize::from) };
    let outcome = govlint::check(&opts)?;
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
    let summary = Summary::of(&outcome);
    let text = match args.format {
        OutputFormat::Human => {
            let color = color_enabled(args.color, std::io::stdout().is_terminal());
            let mut s = report::human::render(&outcome.diagnostics, &outcome.sources(), color);
            s.push_str(&summary.line());
            s.push('\n');
            s
        }
        OutputFormat::Json => report::json::render(&outcome.diagnostics, summary),
    };
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
        // A closed pipe (`| head`) is not a failure of the check.
    }
    Ok(if outcome.failed(fail_on) { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
