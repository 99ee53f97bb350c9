//! The commands, one file each, and what they share: the `--select`/`--ignore` and `--lang`
//! flags, colour, and writing to stdout.

pub(crate) mod check;
pub(crate) mod completions;
pub(crate) mod explain;
pub(crate) mod init;
pub(crate) mod man;
pub(crate) mod new;
pub(crate) mod report;
pub(crate) mod rules;
pub(crate) mod schema;
pub(crate) mod test;

use std::io::Write;

use clap::{Args, ValueEnum};
use govlint::ToolError;


/// `--select` and `--ignore`, shared by `check` and `report`.
#[derive(Args)]
pub(crate) struct SelectArgs {
    /// Report only these rules: ids or prefixes (`--select DP013,MC` keeps DP013 and every MC
    /// rule), comma-separated, repeatable. Sets the config's `off` entries aside; see the
    /// README's "Choosing rules".
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub(crate) select: Option<Vec<String>>,
    /// Do not report these rules: ids or prefixes (`--ignore DP`), comma-separated, repeatable.
    /// Wins over a --select of the same or a shorter id.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub(crate) ignore: Vec<String>,
}

/// `--lang`, shared by the commands that print text for people.
#[derive(Args)]
pub(crate) struct LangArg {
    /// Language of the text for people: `en` or `zh-CN` (default: GOVLINT_LANG, then `lang:` in
    /// govlint.yaml, then the locale, then English). JSON keeps English fields and adds `localized`.
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    pub(crate) value: Option<govlint::i18n::Lang>,
}

pub(crate) fn parse_lang(s: &str) -> Result<govlint::i18n::Lang, String> {
    s.parse()
}

impl LangArg {
    /// The language of a command that reads no artifacts: the flag, GOVLINT_LANG, the `lang:`
    /// of the govlint.yaml found from the working directory (when it loads), the locale.
    pub(crate) fn resolve(&self) -> Result<govlint::i18n::Lang, ToolError> {
        let config = govlint::config::Config::discover(std::path::Path::new("."))
            .and_then(|p| govlint::config::Config::load(&p).ok())
            .and_then(|c| c.lang);
        govlint::i18n::resolve(self.value, config)
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RegoVersion {
    V0,
    V1,
}

pub(crate) fn parse_percent(s: &str) -> Result<f64, String> {
    match s.trim_end_matches('%').parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!("`{s}` is not a percentage from 0 to 100")),
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Color {
    Auto,
    Never,
    Always,
}

pub(crate) fn color_enabled(c: Color, stream_is_tty: bool) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stream_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

pub(crate) fn write_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not a failure.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// What the run has to tell that is not a finding (a config passed over), on stderr.
pub(crate) fn report_notes(outcome: &govlint::Outcome) {
    write_notes(&outcome.config.notes);
}

/// Notes for the user (what was passed over, and why), on stderr.
pub(crate) fn write_notes(notes: &[String]) {
    let mut err = std::io::stderr().lock();
    for note in notes {
        let _ = writeln!(err, "note: {note}");
    }
}

/// The cache's warning, if any, and with GOVLINT_CACHE_STATS=1 its counts (on stderr).
pub(crate) fn report_cache(stats: Option<&govlint::cache::Stats>) {
    let Some(stats) = stats else { return };
    let mut err = std::io::stderr().lock();
    if let Some(w) = &stats.warning {
        let _ = writeln!(err, "warning: {w}");
    }
    if std::env::var_os("GOVLINT_CACHE_STATS").is_some_and(|v| v == "1") {
        let repository = if stats.repository_hit { "hit" } else { "miss" };
        let _ = writeln!(err, "cache: {} hits, {} misses, repository {repository}, {} unread", stats.hits, stats.misses, stats.unread);
    }
}
