//! The check pipeline: what to check (options), the per-file stage (read, parse, classify,
//! validate, evaluate), the repository stage (the rules that see every artifact), and the
//! outcome the renderers read. Nothing here prints.

mod file;
mod options;
mod outcome;
mod repository;
mod run;

pub use file::survey;
pub use options::{check_rule_ids, load_config, load_options, CheckOptions};
pub use outcome::Outcome;
pub use repository::repository_input;
pub use run::check;
