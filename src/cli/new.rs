//! `govlint new`: a native manifest template.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use govlint::{CheckOptions, ToolError};

use super::*;

#[derive(Args)]
pub(crate) struct NewArgs {
    /// The kind of manifest.
    #[arg(value_parser = ["model-card", "dataset-manifest", "deployment-config"])]
    kind: String,
    /// Write the template here (default: print it).
    path: Option<PathBuf>,
    /// Replace an existing file at PATH.
    #[arg(long)]
    force: bool,
    /// Use this config file's `frameworks:` instead of searching for govlint.yaml.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Framework pack whose fields to include (repeatable; default: the config's, else all).
    #[arg(long = "framework", value_name = "NAME", value_parser = govlint::policy::FRAMEWORKS)]
    frameworks: Vec<String>,
}

pub(crate) fn run_new(args: NewArgs) -> Result<ExitCode, ToolError> {
    let kind = govlint::classify::Kind::parse(&args.kind).ok_or_else(|| ToolError::msg(format!("unknown kind `{}`", args.kind)))?;
    let frameworks = if args.frameworks.is_empty() {
        let here = args.path.as_ref().and_then(|p| p.parent()).filter(|p| !p.as_os_str().is_empty()).map(PathBuf::from);
        let opts = CheckOptions { paths: vec![here.unwrap_or_else(|| PathBuf::from("."))], config: args.config, ..Default::default() };
        govlint::load_config(&opts)?.frameworks
    } else {
        args.frameworks
    };
    let enabled: Option<std::collections::BTreeSet<String>> =
        if frameworks.is_empty() { None } else { Some(frameworks.into_iter().collect()) };
    let rules = govlint::rules::catalog()?;
    let text = govlint::scaffold::render(kind, &rules, enabled.as_ref());
    match &args.path {
        None => write_stdout(&text),
        Some(path) => {
            if path.exists() && !args.force {
                return Err(ToolError::msg(format!("{} already exists; --force replaces it", path.display())));
            }
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| ToolError::msg(format!("cannot create {}: {e}", dir.display())))?;
            }
            govlint::fileio::write_atomic(path, &text)?;
            write_stdout(&format!("wrote {}; fill in every empty value, then run `govlint check {}`\n", path.display(), path.display()));
        }
    }
    Ok(ExitCode::SUCCESS)
}
