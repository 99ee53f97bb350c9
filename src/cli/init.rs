//! `govlint init`: a commented govlint.yaml for what the repository holds.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use govlint::ToolError;

use super::*;

#[derive(Args)]
pub(crate) struct InitArgs {
    /// The repository to survey; govlint.yaml is written there (default: the current directory).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Replace an existing config file.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run_init(args: InitArgs) -> Result<ExitCode, ToolError> {
    if !args.dir.is_dir() {
        return Err(ToolError::msg(format!("{}: not a directory", args.dir.display())));
    }
    let (path, existing) = govlint::init::target(&args.dir);
    if let (Some(existing), false) = (&existing, args.force) {
        return Err(ToolError::msg(format!(
            "{} already exists; `govlint init --force` replaces it",
            govlint::display_path(existing)
        )));
    }
    let plan = govlint::init::plan(&args.dir)?;
    write_notes(&plan.notes);
    govlint::fileio::write_atomic(&path, &plan.text)?;
    let mut out = String::new();
    let files: std::collections::BTreeSet<&str> = plan.found.iter().map(|f| f.path.as_str()).collect();
    out.push_str(&format!("found {} artifact document(s) in {} file(s):\n", plan.found.len(), files.len()));
    for f in &plan.found {
        out.push_str(&format!("  {:<18} {:<12} {}\n", f.kind.as_str(), f.format.as_str(), f.path));
    }
    for g in &plan.helm {
        out.push_str(&format!("  {:<18} {:<12} {} (by name: Helm values)\n", "deployment-config", "helm-values", g));
    }
    for (dir, inside) in &plan.excluded {
        out.push_str(&format!("excluded {dir}/ (vendored; {} artifact(s) inside)\n", inside.len()));
    }
    let names: Vec<&str> = plan.frameworks.iter().map(|f| f.name).collect();
    out.push_str(&format!("frameworks: {}\n", names.join(", ")));
    out.push_str(&format!("wrote {}\n", govlint::display_path(&path)));
    let target = govlint::display_path(&args.dir);
    let next = if target == "." { "govlint check".to_string() } else { format!("govlint check {target}") };
    out.push_str(&format!("next: run `{next}`\n"));
    write_stdout(&out);
    Ok(ExitCode::SUCCESS)
}
