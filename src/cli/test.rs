//! `govlint test`: the `test_*` rules of Rego test files.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use govlint::report::{self};
use govlint::ToolError;

use super::*;

#[derive(Args)]
pub(crate) struct TestArgs {
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
    /// Data file or directory (YAML/JSON) merged into `data`, as `check -d` (repeatable).
    #[arg(short = 'd', long = "data", value_name = "PATH")]
    data: Vec<PathBuf>,
}

pub(crate) fn run_test(args: TestArgs) -> Result<ExitCode, ToolError> {
    let opts = govlint::policy::testing::TestOptions {
        paths: args.paths,
        coverage: args.coverage || args.threshold.is_some(),
        rego_v0: args.rego_version == RegoVersion::V0,
        run: args.run,
        data: args.data,
    };
    let report = govlint::policy::testing::run(&opts)?;
    write_stdout(&report::rego_tests::render(&report));
    let below = args.threshold.is_some_and(|t| report.total_coverage() < t);
    if let Some(t) = args.threshold.filter(|_| below) {
        write_stdout(&format!("coverage {:.1}% is below the threshold of {t}%\n", report.total_coverage()));
    }
    Ok(if report.failed() > 0 || below { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
