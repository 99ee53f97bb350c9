//! `govlint completions`: a shell completion script.

use std::process::ExitCode;

use clap::Args;
use govlint::ToolError;

use super::*;
use crate::Cli;

#[derive(Args)]
pub(crate) struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

pub(crate) fn run_completions(args: CompletionsArgs) -> Result<ExitCode, ToolError> {
    use clap::CommandFactory;
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "govlint", &mut buf);
    write_stdout(&String::from_utf8_lossy(&buf));
    Ok(ExitCode::SUCCESS)
}
