//! `govlint explain`: one rule's documentation page.

use std::process::ExitCode;

use clap::Args;
use govlint::ToolError;

use super::*;

#[derive(Args)]
pub(crate) struct ExplainArgs {
    /// A rule id, e.g. MC001 or schema.
    id: String,
    #[command(flatten)]
    lang: LangArg,
}

pub(crate) fn run_explain(args: ExplainArgs) -> Result<ExitCode, ToolError> {
    let rules = govlint::rules::catalog()?;
    match rules.iter().find(|r| r.id.eq_ignore_ascii_case(&args.id)) {
        Some(r) => {
            write_stdout(&super::rules::explain(r, args.lang.resolve()?));
            Ok(ExitCode::SUCCESS)
        }
        None => Err(ToolError::msg(format!("unknown rule `{}`; `govlint rules` lists them", args.id))),
    }
}

// ---- First run and editor support: init, new, schema, completions, man ----
