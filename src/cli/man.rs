//! `govlint man`: the man pages.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use govlint::ToolError;

use super::*;
use crate::Cli;

#[derive(Args)]
pub(crate) struct ManArgs {
    /// Write govlint.1 and one page per subcommand (govlint-check.1, …) into this directory.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

pub(crate) fn run_man(args: ManArgs) -> Result<ExitCode, ToolError> {
    use clap::CommandFactory;
    let fail = |e: std::io::Error| ToolError::msg(format!("cannot write the man page: {e}"));
    match args.out_dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(fail)?;
            clap_mangen::generate_to(Cli::command(), &dir).map_err(fail)?;
            write_stdout(&format!("wrote the man pages to {}\n", dir.display()));
        }
        None => {
            let mut buf = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut buf).map_err(fail)?;
            write_stdout(&String::from_utf8_lossy(&buf));
        }
    }
    Ok(ExitCode::SUCCESS)
}
