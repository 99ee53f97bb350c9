//! The govlint command line: parses flags, runs the library, prints, and maps the outcome to an
//! exit code — 0 clean, 1 findings at or above `--fail-on`, 2 the tool could not do its job.
//! This is the only place that prints.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use govlint::report::{self};
use govlint::ToolError;

mod cli;

use cli::{color_enabled, Color};

// Rule evaluation allocates and frees small values at a high rate; mimalloc spends far less
// time on that than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `govlint --version`: the package version and the commit it was built from (see build.rs).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("GOVLINT_COMMIT"), ")");

#[derive(Parser)]
#[command(name = "govlint", version = VERSION, about = "Governance linter for model cards, dataset manifests and deployment configs", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check governance artifacts against the bundled schemas and policies.
    Check(cli::check::CheckArgs),
    /// Run the `test_*` rules of Rego test files (default: the bundled policies).
    Test(cli::test::TestArgs),
    /// List the rules: id, severity, kinds, layer, frameworks, title.
    Rules(cli::rules::RulesArgs),
    /// Show a rule's documentation: description, remediation, references, examples.
    Explain(cli::explain::ExplainArgs),
    /// Write the audit report: an evidence pack of what was checked, against which clause,
    /// with which result, and which waivers apply (exits 0 even with findings).
    Report(cli::report::ReportArgs),
    /// Survey this repository and write a commented govlint.yaml for what is found.
    Init(cli::init::InitArgs),
    /// Write a native manifest template with the fields the enabled frameworks need.
    New(cli::new::NewArgs),
    /// Print a bundled JSON Schema, for editors that validate while typing.
    Schema(cli::schema::SchemaArgs),
    /// Print a shell completion script.
    Completions(cli::completions::CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand with --out-dir.
    Man(cli::man::ManArgs),
}

/// mimalloc's `purge_delay` option (`mi_option_purge_delay` in mimalloc.h; the crate leaves
/// option numbers unnamed).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;
/// mimalloc's `arena_eager_commit` option (`mi_option_arena_eager_commit`).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;

/// By default mimalloc gives memory that was freed back to the system a second later. A large
/// run frees and allocates hundreds of megabytes within that second where one stage hands over
/// to the next (the findings of every file gathered, what was read for the repository rules let
/// go), and its peak can then hold both. A tenth of a second keeps that short, and costs a short
/// run nothing measurable (giving memory back at once added about 30 ms to a `--changed-since`
/// run of 260 ms). A value the user set in `MIMALLOC_PURGE_DELAY` is kept.
///
/// On Linux mimalloc also commits each arena it reserves whole (the system overcommits); with
/// arenas committed as they are used instead, a run of 100,000 artifacts peaked at 856 MiB
/// rather than 912 (one run each, `MIMALLOC_ARENA_EAGER_COMMIT=0`; why was not traced). A value
/// the user set in `MIMALLOC_ARENA_EAGER_COMMIT` is kept.
///
/// Runs before any other thread exists, as the options must.
fn return_freed_memory_soon() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: no other thread exists yet to read the option while it is set.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    }
    if std::env::var_os("MIMALLOC_ARENA_EAGER_COMMIT").is_none() {
        // SAFETY: as above.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0) };
    }
}

/// How long freed memory is kept before it is given back, in milliseconds.
const PURGE_DELAY_MS: std::os::raw::c_long = 100;

fn main() -> ExitCode {
    // regorus's parser makes and drops errors as it tries alternatives, hundreds per policy
    // set; with RUST_BACKTRACE set, each would capture a backtrace, which slows the compile of
    // the bundled packs by about half. govlint shows errors by their message only, so library
    // backtraces are off unless asked for by name; panics still follow RUST_BACKTRACE. This
    // runs before any other thread exists.
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        std::env::set_var("RUST_LIB_BACKTRACE", "0");
    }
    return_freed_memory_soon();
    govlint::teardown::exit_after_run();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => cli::check::run_check(args),
        Command::Test(args) => cli::test::run_test(args),
        Command::Rules(args) => cli::rules::run_rules(args),
        Command::Explain(args) => cli::explain::run_explain(args),
        Command::Report(args) => cli::report::run_report(args),
        Command::Init(args) => cli::init::run_init(args),
        Command::New(args) => cli::new::run_new(args),
        Command::Schema(args) => cli::schema::run_schema(args),
        Command::Completions(args) => cli::completions::run_completions(args),
        Command::Man(args) => cli::man::run_man(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_tool_error(&e);
            ExitCode::from(2)
        }
    }
}

fn report_tool_error(e: &ToolError) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {}", report::inert(&e.message));
    if let Some(src) = &e.source {
        let sources = [(src.name.to_string(), src.clone())].into_iter().collect();
        let color = color_enabled(Color::Auto, std::io::stderr().is_terminal());
        let _ = write!(err, "{}", report::human::render(&e.diagnostics, &sources, color));
    }
}
