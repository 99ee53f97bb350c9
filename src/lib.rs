//! govlint: a policy-as-code governance linter for large-model projects.
//!
//! The pipeline runs one way — discover, parse, classify, validate, (evaluate), filter, report —
//! and every stage returns values and diagnostics. Nothing in the library prints: `main.rs`
//! renders the outcome and maps it to an exit code.
//!
//! The modules form layers, each importing only from the layers below it (docs/architecture.md;
//! `tests/it/architecture.rs` holds the table): base (`error`, `paths`, `fileio`, `source`,
//! `lang`, `messages`, `diagnostic`, `progress`, `teardown`, `timings`), syntax (`parse`, `classify`,
//! `evidence`, `artifact`), checks (`schema`, `select`, `policy`, `i18n`, `rules`), settings
//! (`config`, `waivers`), I/O (`gitignore`, `git`, `discover`, `cache`), the pipeline
//! (`pipeline`), and reports (`report`, `coverage`, `audit`, `init`, `scaffold`). This file only
//! declares them and re-exports what the command line uses most.
#![warn(clippy::print_stdout, clippy::print_stderr)]

// Base.
pub mod diagnostic;
pub mod error;
pub mod fileio;
pub mod lang;
pub mod messages;
pub mod paths;
pub mod progress;
pub mod source;
pub mod teardown;
pub mod timings;

// Syntax.
pub mod artifact;
pub mod classify;
pub mod evidence;
pub mod parse;

// Checks.
pub mod i18n;
pub mod policy;
pub mod rules;
pub mod schema;
pub mod select;

// Settings.
pub mod config;
pub mod waivers;

// I/O.
pub mod cache;
pub mod discover;
pub mod git;
pub mod gitignore;

// The check pipeline.
pub mod pipeline;

// Reports.
pub mod audit;
pub mod coverage;
pub mod init;
pub mod report;
pub mod scaffold;

pub use artifact::{Artifact, ArtifactDoc, Facts, Released};
pub use error::ToolError;
pub use paths::{absolute, display_path, display_prefix};
pub use pipeline::{check, check_rule_ids, load_config, load_options, repository_input, survey, CheckOptions, Outcome};
pub use policy::RepositoryResults;
