//! The integration tests, one binary: each former test file is a module here, so the crate is
//! linked once for all of them (as ripgrep's tests/ are). Shared helpers are `common` and
//! `policy_support`; snapshots are under `snapshots/`, named `it__<module>__<name>.snap`.

mod common;
mod policy_support;

mod architecture;
mod audit;
mod cache;
mod check;
mod corpus;
mod evidence;
mod firstrun;
mod gates;
mod hostile;
mod i18n;
mod install;
mod markets;
mod misuse;
mod never_skipped;
mod opa_differences;
mod output_escaping;
mod parse_only;
mod policy;
mod real_repos;
mod rules;
mod sandbox;
mod sarif;
mod selection;
mod snapshots;
mod sourcemap_props;
mod statistics;
mod summaries;
mod suppression;
mod timings;
