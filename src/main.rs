//! The govlint command line: parses flags, runs the library, prints, and maps the outcome to an
//! exit code — 0 clean, 1 findings at or above `--fail-on`, 2 the tool could not do its job.
//! This is the only place that prints.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use govlint::config::FailOn;
use govlint::report::{self, OutputFormat};
use govlint::{CheckOptions, ToolError};

// Rule evaluation allocates and frees small values at a high rate; mimalloc spends far less
// time on that than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// `govlint --version`: the package version and the commit it was built from (see build.rs).
const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (commit ", env!("GOVLINT_COMMIT"), ")");

#[derive(Parser)]
#[command(name = "govlint", version = VERSION, about = "Governance linter for model cards, dataset manifests and deployment configs", long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check governance artifacts against the bundled schemas and policies.
    Check(CheckArgs),
    /// Run the `test_*` rules of Rego test files (default: the bundled policies).
    Test(TestArgs),
    /// List the rules: id, severity, kinds, layer, frameworks, title.
    Rules(RulesArgs),
    /// Show a rule's documentation: description, remediation, references, examples.
    Explain(ExplainArgs),
    /// Write the audit report: an evidence pack of what was checked, against which clause,
    /// with which result, and which waivers apply (exits 0 even with findings).
    Report(ReportArgs),
    /// Survey this repository and write a commented govlint.yaml for what is found.
    Init(InitArgs),
    /// Write a native manifest template with the fields the enabled frameworks need.
    New(NewArgs),
    /// Print a bundled JSON Schema, for editors that validate while typing.
    Schema(SchemaArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff), or write one page per subcommand with --out-dir.
    Man(ManArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Html,
    Markdown,
    Json,
}

#[derive(Args)]
struct ReportArgs {
    /// The repository or directory to report on (default: the current directory).
    #[arg(default_value = ".")]
    path: PathBuf,
    #[command(flatten)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Html)]
    format: ReportFormat,
    /// Write the report to this file (atomically) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Use this config file instead of searching for govlint.yaml.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Framework pack to enable (repeatable; replaces `frameworks:` in the config).
    #[arg(long = "framework", value_name = "NAME", value_parser = govlint::policy::FRAMEWORKS)]
    frameworks: Vec<String>,
    #[command(flatten)]
    selection: SelectArgs,
    /// Policy file or directory to evaluate besides the bundled rules (repeatable).
    #[arg(short = 'p', long = "policy", value_name = "PATH")]
    policies: Vec<PathBuf>,
    /// Do not evaluate the bundled rules.
    #[arg(long)]
    no_builtin: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Write one report over these JSON reports (`govlint report --format json` of each
    /// repository) instead of checking PATH. Reports of another version or policy bundle are
    /// refused.
    #[arg(long, value_name = "REPORT.json", num_args = 1.., conflicts_with_all = ["config", "frameworks", "policies", "no_builtin", "jobs"])]
    merge: Vec<PathBuf>,
}

#[derive(Args)]
struct TestArgs {
    /// Policy directories or files (default: the bundled policies).
    paths: Vec<PathBuf>,
    /// Print per-file line coverage.
    #[arg(long)]
    coverage: bool,
    /// Fail when total coverage is below this percentage (implies --coverage).
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent)]
    threshold: Option<f64>,
    /// Only run tests whose name contains this text.
    #[arg(long, value_name = "TEXT")]
    run: Option<String>,
    /// Rego syntax of the policies.
    #[arg(long, value_enum, default_value_t = RegoVersion::V1)]
    rego_version: RegoVersion,
    /// Data file or directory (YAML/JSON) merged into `data`, as `check -d` (repeatable).
    #[arg(short = 'd', long = "data", value_name = "PATH")]
    data: Vec<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Table,
    Json,
    Markdown,
}

#[derive(Args)]
struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = RulesFormat::Table)]
    format: RulesFormat,
    #[command(flatten)]
    lang: LangArg,
}

/// `--select` and `--ignore`, shared by `check` and `report`.
#[derive(Args)]
struct SelectArgs {
    /// Report only these rules: ids or prefixes (`--select DP013,MC` keeps DP013 and every MC
    /// rule), comma-separated, repeatable. Sets the config's `off` entries aside; see the
    /// README's "Choosing rules".
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Do not report these rules: ids or prefixes (`--ignore DP`), comma-separated, repeatable.
    /// Wins over a --select of the same or a shorter id.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    ignore: Vec<String>,
}

/// `--lang`, shared by the commands that print text for people.
#[derive(Args)]
struct LangArg {
    /// Language of the text for people: `en` or `zh-CN` (default: GOVLINT_LANG, then `lang:` in
    /// govlint.yaml, then the locale, then English). JSON keeps English fields and adds `localized`.
    #[arg(long = "lang", value_name = "LANG", value_parser = parse_lang)]
    value: Option<govlint::i18n::Lang>,
}

fn parse_lang(s: &str) -> Result<govlint::i18n::Lang, String> {
    s.parse()
}

impl LangArg {
    /// The language of a command that reads no artifacts: the flag, GOVLINT_LANG, the `lang:`
    /// of the govlint.yaml found from the working directory (when it loads), the locale.
    fn resolve(&self) -> Result<govlint::i18n::Lang, ToolError> {
        let config = govlint::config::Config::discover(std::path::Path::new("."))
            .and_then(|p| govlint::config::Config::load(&p).ok())
            .and_then(|c| c.lang);
        govlint::i18n::resolve(self.value, config).map_err(ToolError::msg)
    }
}

#[derive(Args)]
struct ExplainArgs {
    /// A rule id, e.g. MC001 or schema.
    id: String,
    #[command(flatten)]
    lang: LangArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum RegoVersion {
    V0,
    V1,
}

fn parse_percent(s: &str) -> Result<f64, String> {
    match s.trim_end_matches('%').parse::<f64>() {
        Ok(p) if (0.0..=100.0).contains(&p) => Ok(p),
        _ => Err(format!("`{s}` is not a percentage from 0 to 100")),
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Never,
    Always,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(Args)]
struct CheckArgs {
    /// Files or directories to check (default: the current directory).
    paths: Vec<PathBuf>,
    #[command(flatten)]
    lang: LangArg,
    /// Use this config file instead of searching for govlint.yaml.
    #[arg(short, long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Output format, optionally to a file: `human`, `json`, `sarif`, `junit`, `github`,
    /// `markdown`, `gitlab` (Code Quality), e.g. `--format human --format sarif:govlint.sarif`
    /// (repeatable).
    #[arg(long, value_name = "FORMAT[:FILE]", value_parser = parse_output)]
    format: Vec<Output>,
    /// Print only findings at or above --fail-on, and no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Never show the progress bar (shown on a terminal once a run lasts a moment).
    #[arg(long)]
    no_progress: bool,
    /// Lint the content staged in the git index (for pre-commit hooks).
    #[arg(long, conflicts_with = "changed_since")]
    staged: bool,
    /// Report only files changed since the merge base of REF and HEAD (working tree included).
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
    /// Report only findings not recorded in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Only read, parse and classify the files: no schema, no policy (parse errors are still
    /// reported). Measures the floor of a run.
    #[arg(long)]
    parse_only: bool,
    /// Record the current findings in this baseline file, and exit 0.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// When to color human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Least severity that fails the run (overrides `fail_on` in the config).
    #[arg(long, value_enum, value_name = "SEVERITY")]
    fail_on: Option<FailOnArg>,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Say on stderr which config applies and how it was found, the frameworks and rules on, and
    /// the files skipped and why.
    #[arg(short, long)]
    verbose: bool,
    /// Policy file or directory to evaluate besides the bundled rules (repeatable).
    #[arg(short = 'p', long = "policy", value_name = "PATH")]
    policies: Vec<PathBuf>,
    /// Do not evaluate the bundled rules.
    #[arg(long)]
    no_builtin: bool,
    /// Namespace (package) of user policies to evaluate; globs allowed (repeatable; default `main`).
    #[arg(short = 'n', long = "namespace", value_name = "NAMESPACE")]
    namespaces: Vec<String>,
    /// Evaluate user policies in every namespace.
    #[arg(long)]
    all_namespaces: bool,
    /// Data file or directory (YAML/JSON) merged into `data` (repeatable).
    #[arg(short = 'd', long = "data", value_name = "PATH")]
    data: Vec<PathBuf>,
    /// Evaluate user policies once, with every artifact as input (`[{path, contents}]`).
    #[arg(long)]
    combine: bool,
    /// Rego syntax of user policies.
    #[arg(long, value_enum, default_value_t = RegoVersion::V1)]
    rego_version: RegoVersion,
    /// Framework pack to enable (repeatable; replaces `frameworks:` in the config).
    #[arg(long = "framework", value_name = "NAME", value_parser = govlint::policy::FRAMEWORKS)]
    frameworks: Vec<String>,
    #[command(flatten)]
    selection: SelectArgs,
    /// Print a table of the findings per rule (count, rule, severity, title), most frequent
    /// first, instead of the findings; with --format json, add a `statistics` array.
    #[arg(long)]
    statistics: bool,
    /// Print on stderr the time spent in each stage and each rule, slowest first; with --format
    /// json, add a `timings` object (each rule is then evaluated on its own, so the run is slower).
    #[arg(long)]
    timings: bool,
    /// Cache each file's findings in .govlint-cache/ (in the config's directory), so a repeat
    /// run re-evaluates only the files that changed; a change of govlint, govlint.yaml or the
    /// policies starts afresh. Same as `cache: true` in govlint.yaml.
    #[arg(long)]
    cache: bool,
    /// Keep the cache in DIR instead of .govlint-cache/ (implies --cache).
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Do not use the cache, whatever govlint.yaml says.
    #[arg(long, conflicts_with_all = ["cache", "cache_dir"])]
    no_cache: bool,
}

/// One requested output: a format, to stdout or to a file.
#[derive(Clone)]
struct Output {
    format: OutputFormat,
    file: Option<PathBuf>,
}

fn parse_output(s: &str) -> Result<Output, String> {
    let (name, file) = match s.split_once(':') {
        Some((n, f)) if !f.is_empty() => (n, Some(PathBuf::from(f))),
        Some((_, _)) => return Err(format!("`{s}`: a file name must follow the colon")),
        None => (s, None),
    };
    Ok(Output { format: name.parse()?, file })
}

/// mimalloc's `purge_delay` option (`mi_option_purge_delay` in mimalloc.h; the crate leaves
/// option numbers unnamed).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// By default mimalloc gives memory that was freed back to the system a second later. A large
/// run frees and allocates hundreds of megabytes within that second where one stage hands over
/// to the next (the findings of every file gathered, what was read for the repository rules let
/// go), and its peak can then hold both. A tenth of a second keeps that short, and costs a short
/// run nothing measurable (giving memory back at once added about 30 ms to a `--changed-since`
/// run of 260 ms). A value the user set in `MIMALLOC_PURGE_DELAY` is kept.
/// Runs before any other thread exists, as the option must.
fn return_freed_memory_soon() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: no other thread exists yet to read the option while it is set.
        unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    }
}

/// How long freed memory is kept before it is given back, in milliseconds.
const PURGE_DELAY_MS: std::os::raw::c_long = 100;

fn main() -> ExitCode {
    // regorus's parser makes and drops errors as it tries alternatives, hundreds per policy
    // set; with RUST_BACKTRACE set, each would capture a backtrace, which slows the compile of
    // the bundled packs by about half. govlint shows errors by their message only, so library
    // backtraces are off unless asked for by name; panics still follow RUST_BACKTRACE. This
    // runs before any other thread exists.
    if std::env::var_os("RUST_LIB_BACKTRACE").is_none() {
        std::env::set_var("RUST_LIB_BACKTRACE", "0");
    }
    return_freed_memory_soon();
    govlint::teardown::exit_after_run();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Test(args) => run_test(args),
        Command::Rules(args) => run_rules(args),
        Command::Explain(args) => run_explain(args),
        Command::Report(args) => run_report(args),
        Command::Init(args) => run_init(args),
        Command::New(args) => run_new(args),
        Command::Schema(args) => run_schema(args),
        Command::Completions(args) => run_completions(args),
        Command::Man(args) => run_man(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            report_tool_error(&e);
            ExitCode::from(2)
        }
    }
}

fn color_enabled(c: Color, stream_is_tty: bool) -> bool {
    match c {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stream_is_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

fn report_tool_error(e: &ToolError) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "error: {}", report::inert(&e.message));
    if let Some(src) = &e.source {
        let sources = [(src.name.clone(), src.clone())].into_iter().collect();
        let color = color_enabled(Color::Auto, std::io::stderr().is_terminal());
        let _ = write!(err, "{}", report::human::render(&e.diagnostics, &sources, color));
    }
}

fn run_check(args: CheckArgs) -> Result<ExitCode, ToolError> {
    let policy = govlint::policy::LoadOptions {
        builtin: !args.no_builtin,
        paths: args.policies,
        namespaces: args.namespaces,
        all_namespaces: args.all_namespaces,
        data: args.data,
        rego_v0: args.rego_version == RegoVersion::V0,
        ..Default::default()
    };
    // Only the human and SARIF outputs show the files' text.
    let drop_sources = !args.format.is_empty() && args.format.iter().all(|o| !matches!(o.format, OutputFormat::Human | OutputFormat::Sarif));
    let opts = CheckOptions {
        paths: args.paths,
        config: args.config,
        jobs: args.jobs.map(usize::from),
        policy,
        frameworks: args.frameworks.clone(),
        select: args.selection.select,
        ignore: args.selection.ignore,
        combine: args.combine,
        staged: args.staged,
        changed_since: args.changed_since,
        baseline: args.baseline,
        parse_only: args.parse_only,
        lang: args.lang.value,
        progress: !args.quiet && !args.no_progress && std::io::stderr().is_terminal(),
        cache: if args.no_cache {
            Some(false)
        } else if args.cache || args.cache_dir.is_some() {
            Some(true)
        } else {
            None
        },
        cache_dir: args.cache_dir,
        drop_sources,
        timings: args.timings,
    };
    let mut outcome = govlint::check(&opts)?;
    let reporting = std::time::Instant::now();
    report_notes(&outcome);
    report_cache(outcome.cache.as_ref());
    let fail_on = match args.fail_on {
        Some(FailOnArg::Error) => FailOn::Error,
        Some(FailOnArg::Warning) => FailOn::Warning,
        Some(FailOnArg::Note) => FailOn::Note,
        Some(FailOnArg::Never) => FailOn::Never,
        None => outcome.config.fail_on,
    };
    if args.verbose {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{}", outcome.config.describe());
        for line in outcome.describe_rules(&args.frameworks) {
            let _ = writeln!(err, "{}", report::inert(&line));
        }
        for s in &outcome.skipped {
            // Names and reasons come from the repository: inert in the log.
            let _ = writeln!(err, "skipped {}: {}", report::inert(&s.path), report::inert(&s.reason));
        }
        for a in &outcome.artifacts {
            if a.docs.is_empty() {
                let _ = writeln!(err, "checked {}: does not parse, and its place or text marks it as an artifact (see docs/classification.md)", report::inert(&a.file));
            }
            for d in &a.docs {
                let _ = writeln!(err, "checked {} (document {}): {} ({}), {}", report::inert(&a.file), d.index + 1, d.kind.as_str(), d.format.as_str(), report::inert(&d.reason));
            }
        }
    }
    if let Some(path) = &args.write_baseline {
        let baseline = govlint::waivers::Baseline::of(&outcome.diagnostics);
        govlint::fileio::write_atomic(path, &baseline.to_json())?;
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "wrote {} findings to the baseline {}", baseline.findings.len(), path.display());
        return Ok(ExitCode::SUCCESS);
    }
    // What is counted does not depend on what is printed: the summary and the statistics are
    // of every finding, whatever -q leaves out.
    let summary = report::Summary::of(&outcome);
    let statistics = args.statistics.then(|| report::statistics::rows(&outcome.diagnostics, |id| outcome.title(id)));
    if args.quiet {
        // Only what fails the run is shown.
        let threshold = fail_on.threshold();
        outcome.diagnostics.retain(|d| threshold.is_some_and(|t| d.severity >= t));
    }
    let sources = outcome.sources();
    let outputs = if args.format.is_empty() { vec![Output { format: OutputFormat::Human, file: None }] } else { args.format };
    let per_artifact = outputs.iter().any(|o| matches!(o.format, OutputFormat::Sarif | OutputFormat::Junit));
    let mut view = report::RunView::of_run(&outcome, &sources, per_artifact);
    view.summary = summary;
    // The JSON document holds the stages up to the report, which it is part of.
    let timings = outcome.timings_report().map(|mut t| {
        t.stages.retain(|s| s.stage != govlint::timings::Stage::Report.as_str());
        t
    });
    for out in &outputs {
        let to_terminal = out.file.is_none() && std::io::stdout().is_terminal();
        let mut text = match out.format {
            OutputFormat::Human => match &statistics {
                Some(rows) => report::statistics::render(rows),
                None => report::human::render(view.diagnostics, view.sources, color_enabled(args.color, to_terminal)),
            },
            OutputFormat::Json => {
                // Streamed: the document of a large run is never held whole.
                let write = |w: &mut dyn Write| report::json::write(w, view.diagnostics, view.suppressed, view.summary, statistics.as_deref(), timings.as_ref());
                match &out.file {
                    Some(path) => govlint::fileio::write_atomic_with(path, write)?,
                    None => {
                        let mut w = std::io::BufWriter::new(std::io::stdout().lock());
                        // A closed pipe (`| head`) is not a failure.
                        let _ = write(&mut w).and_then(|()| w.flush());
                    }
                }
                continue;
            }
            OutputFormat::Sarif => report::sarif::render_in(&view, outcome.lang),
            OutputFormat::Junit => report::junit::render(&view),
            OutputFormat::Github => report::github::render(&view),
            OutputFormat::Markdown => report::markdown::render(&view),
            OutputFormat::Gitlab => report::gitlab::render(&view),
        };
        if out.format == OutputFormat::Human && !args.quiet {
            text.push_str(&view.summary.line_in(outcome.lang));
            text.push('\n');
        }
        match &out.file {
            Some(path) => govlint::fileio::write_atomic(path, &text)?,
            None => write_stdout(&text),
        }
    }
    if let Some(t) = &outcome.timings {
        t.add(govlint::timings::Stage::Report, reporting.elapsed());
        if let Some(report) = outcome.timings_report() {
            let mut err = std::io::stderr().lock();
            // Rule and package names come from the policies: inert in the log.
            let _ = write!(err, "{}", report::inert_but(&report.table(), &['\n']));
        }
    }
    let code = if outcome.failed(fail_on) { ExitCode::from(1) } else { ExitCode::SUCCESS };
    drop(view);
    govlint::teardown::release(outcome);
    Ok(code)
}

/// What the run has to tell that is not a finding (a config passed over), on stderr.
fn report_notes(outcome: &govlint::Outcome) {
    let mut err = std::io::stderr().lock();
    for note in &outcome.config.notes {
        let _ = writeln!(err, "note: {note}");
    }
}

/// The cache's warning, if any, and with GOVLINT_CACHE_STATS=1 its counts (on stderr).
fn report_cache(stats: Option<&govlint::cache::Stats>) {
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

fn write_stdout(text: &str) {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not a failure.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

fn run_report(args: ReportArgs) -> Result<ExitCode, ToolError> {
    let (date, date_source) = govlint::audit::report_date()?;
    if !args.merge.is_empty() {
        let merged = govlint::audit::merge::merge(&args.merge, date, date_source)?;
        let lang = args.lang.resolve()?;
        let text = match args.format {
            ReportFormat::Html => govlint::audit::html::render_merged_in(&merged, lang),
            ReportFormat::Markdown => govlint::audit::markdown::render_merged_in(&merged, lang),
            ReportFormat::Json => govlint::audit::merge::json(&merged),
        };
        match &args.output {
            Some(path) => govlint::fileio::write_atomic(path, &text)?,
            None => write_stdout(&text),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let opts = CheckOptions {
        paths: vec![args.path.clone()],
        config: args.config,
        jobs: args.jobs.map(usize::from),
        policy: govlint::policy::LoadOptions { builtin: !args.no_builtin, paths: args.policies, ..Default::default() },
        frameworks: args.frameworks.clone(),
        select: args.selection.select,
        ignore: args.selection.ignore,
        lang: args.lang.value,
        ..Default::default()
    };
    let outcome = govlint::check(&opts)?;
    report_notes(&outcome);
    report_cache(outcome.cache.as_ref());
    let frameworks = if args.frameworks.is_empty() { outcome.config.frameworks.clone() } else { args.frameworks };
    let build = govlint::audit::BuildOptions {
        root: args.path,
        frameworks,
        builtin_rules: !args.no_builtin,
        date,
        date_source,
        today: govlint::waivers::today()?,
    };
    let audit = govlint::audit::build(&outcome, &build);
    let text = match args.format {
        ReportFormat::Html => govlint::audit::html::render_in(&audit, outcome.lang),
        ReportFormat::Markdown => govlint::audit::markdown::render_in(&audit, outcome.lang),
        ReportFormat::Json => govlint::audit::json::render(&audit),
    };
    match &args.output {
        Some(path) => govlint::fileio::write_atomic(path, &text)?,
        None => write_stdout(&text),
    }
    // The report is evidence, not a gate: findings do not fail it.
    Ok(ExitCode::SUCCESS)
}

fn run_test(args: TestArgs) -> Result<ExitCode, ToolError> {
    let opts = govlint::policy::testing::TestOptions {
        paths: args.paths,
        coverage: args.coverage || args.threshold.is_some(),
        rego_v0: args.rego_version == RegoVersion::V0,
        run: args.run,
        data: args.data,
    };
    let report = govlint::policy::testing::run(&opts)?;
    write_stdout(&report::tests::render(&report));
    let below = args.threshold.is_some_and(|t| report.total_coverage() < t);
    if let Some(t) = args.threshold.filter(|_| below) {
        write_stdout(&format!("coverage {:.1}% is below the threshold of {t}%\n", report.total_coverage()));
    }
    Ok(if report.failed() > 0 || below { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn run_rules(args: RulesArgs) -> Result<ExitCode, ToolError> {
    let rules = govlint::rules::catalog()?;
    let lang = args.lang.resolve()?;
    let text = match args.format {
        RulesFormat::Table => govlint::rules::table_in(&rules, lang),
        RulesFormat::Json => govlint::rules::json_in(&rules, lang),
        RulesFormat::Markdown => govlint::rules::markdown_in(&rules, lang),
    };
    write_stdout(&text);
    Ok(ExitCode::SUCCESS)
}

fn run_explain(args: ExplainArgs) -> Result<ExitCode, ToolError> {
    let rules = govlint::rules::catalog()?;
    match rules.iter().find(|r| r.id.eq_ignore_ascii_case(&args.id)) {
        Some(r) => {
            write_stdout(&govlint::rules::explain_in(r, args.lang.resolve()?));
            Ok(ExitCode::SUCCESS)
        }
        None => Err(ToolError::msg(format!("unknown rule `{}`; `govlint rules` lists them", args.id))),
    }
}

// ---- First run and editor support: init, new, schema, completions, man ----

#[derive(Args)]
struct InitArgs {
    /// The repository to survey; govlint.yaml is written there (default: the current directory).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// Replace an existing config file.
    #[arg(long)]
    force: bool,
}

#[derive(Args)]
struct NewArgs {
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

#[derive(Args)]
struct SchemaArgs {
    /// model-card, dataset-manifest, deployment-config, governance (the block) or config
    /// (govlint.yaml).
    kind: String,
    /// The artifact format (default: native).
    #[arg(long, value_name = "FORMAT")]
    format: Option<String>,
}

#[derive(Args)]
struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

#[derive(Args)]
struct ManArgs {
    /// Write govlint.1 and one page per subcommand (govlint-check.1, …) into this directory.
    #[arg(long, value_name = "DIR")]
    out_dir: Option<PathBuf>,
}

fn run_init(args: InitArgs) -> Result<ExitCode, ToolError> {
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

fn run_new(args: NewArgs) -> Result<ExitCode, ToolError> {
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

fn run_schema(args: SchemaArgs) -> Result<ExitCode, ToolError> {
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

fn run_completions(args: CompletionsArgs) -> Result<ExitCode, ToolError> {
    use clap::CommandFactory;
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "govlint", &mut buf);
    write_stdout(&String::from_utf8_lossy(&buf));
    Ok(ExitCode::SUCCESS)
}

fn run_man(args: ManArgs) -> Result<ExitCode, ToolError> {
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
