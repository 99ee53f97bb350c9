//! `govlint schema`: a bundled JSON Schema, standalone.

use std::process::ExitCode;

use clap::Args;
use govlint::ToolError;

use super::*;

#[derive(Args)]
pub(crate) struct SchemaArgs {
    /// model-card, dataset-manifest, deployment-config, governance (the block) or config
    /// (govlint.yaml).
    kind: String,
    /// The artifact format (default: native).
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
}

pub(crate) fn run_schema(args: SchemaArgs) -> Result<ExitCode, ToolError> {
    use govlint::classify::{Format, Kind};
    let kinds = "model-card, dataset-manifest, deployment-config, governance, config";
    let name = match args.kind.as_str() {
        "governance" | "config" if args.format.is_some() => {
            return Err(ToolError::msg(format!("`{}` has one schema; --format applies to artifact kinds", args.kind)));
        }
        "governance" => "governance.schema.json",
        "config" => "govlint-config.schema.json",
        k => {
            let kind = Kind::parse(k).ok_or_else(|| ToolError::msg(format!("unknown kind `{k}`; one of: {kinds}")))?;
            let formats: Vec<&str> =
                Format::ALL.iter().filter(|f| govlint::schema::file_for(kind, **f).is_some()).map(|f| f.as_str()).collect();
            let wanted = args.format.as_deref().unwrap_or("native");
            Format::parse(wanted)
                .and_then(|f| govlint::schema::file_for(kind, f))
                .ok_or_else(|| ToolError::msg(format!("no `{wanted}` format for {k}; one of: {}", formats.join(", "))))?
        }
    };
    let schema = govlint::schema::standalone(name).unwrap_or_default();
    write_stdout(&format!("{}\n", serde_json::to_string_pretty(&schema).unwrap_or_default()));
    Ok(ExitCode::SUCCESS)
}
