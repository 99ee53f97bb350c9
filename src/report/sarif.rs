//! SARIF 2.1.0 output, for GitHub code scanning and other SARIF viewers. The document is built
//! from serde-sarif's types; this module only decides what goes where.
//!
//! One run. The driver lists the rules that produced a result or were evaluated on an artifact,
//! in id order, and every result points at its rule by id and index. Suppressed findings are
//! results too, with a `suppressions` entry, so that a viewer shows them as dismissed rather
//! than losing them. Columns count Unicode code points (`columnKind`), as the rest of govlint
//! does. Nothing in the output depends on the time or the machine.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};
use serde_sarif::sarif::{
    self, ArtifactContent, ArtifactLocation, Location, Message, MultiformatMessageString, PhysicalLocation, PropertyBag,
    Region, ReportingConfiguration, ReportingDescriptor, ResultLevel, Run, Sarif, SupressionKind, SupressionStatus,
    Tool, ToolComponent,
};

use super::RunView;
use crate::diagnostic::{Diagnostic, Severity, SuppressionKind};
use crate::i18n::{self, Lang, Ui};
use crate::rules::RuleDoc;

/// The schema URI SARIF consumers expect in `$schema`.
pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The key of govlint's fingerprint in `partialFingerprints`; bumped if `fingerprint()` changes.
pub const FINGERPRINT_KEY: &str = "govlint/v2";

/// Snippets longer than this are left out: a region that is a whole mapping says nothing more
/// in a snippet than its line numbers do.
const MAX_SNIPPET: usize = 256;

/// Where to read about govlint: the package's homepage or repository when Cargo.toml names one.
fn information_uri() -> &'static str {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or("https://github.com/govlint/govlint")
}

/// SARIF with rule descriptions and help in `lang`; results use each diagnostic's `localized`
/// text when it has one. Ids, levels and fingerprints do not depend on the language.
pub fn render(view: &RunView, lang: Lang) -> String {
    let mut s = serde_json::to_string_pretty(&log(view, lang)).unwrap_or_default();
    s.push('\n');
    s
}

/// The SARIF log of a run, rule texts in `lang`.
pub fn log(view: &RunView, lang: Lang) -> Sarif {
    let findings = {
        let mut all: Vec<&Diagnostic> = view.diagnostics.iter().chain(view.suppressed).collect();
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        all
    };
    let rules = rule_ids(view, &findings);
    let index: BTreeMap<&str, usize> = rules.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
    let descriptors: Vec<ReportingDescriptor> = rules
        .iter()
        .map(|id| match view.rules.iter().find(|r| &r.id == id) {
            Some(doc) => descriptor(doc, lang),
            None => undocumented(id, findings.iter().copied().find(|d| &d.rule == id)),
        })
        .collect();
    let artifact_index: BTreeMap<&str, usize> = view.artifacts.iter().enumerate().map(|(i, a)| (a.file.as_str(), i)).collect();
    let artifacts: Vec<sarif::Artifact> = view.artifacts.iter().map(|a| artifact(view, a)).collect();
    let results: Vec<sarif::Result> = findings
        .iter()
        .map(|d| result(view, d, index[d.rule.as_str()], artifact_index.get(&*d.file).copied()))
        .collect();

    let driver = ToolComponent::builder()
        .name("govlint")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(information_uri())
        .rules(descriptors)
        .build();
    let run = Run::builder()
        .tool(Tool::from(driver))
        .artifacts(artifacts)
        .results(results)
        .column_kind(json!(sarif::ResultColumnKind::UnicodeCodePoints))
        .build();
    Sarif::builder()
        .schema(SCHEMA_URI)
        .version(json!(sarif::Version::V2_1_0))
        .runs(vec![run])
        .build()
}

/// The rules the log describes: those with a result and those evaluated on an artifact.
fn rule_ids(view: &RunView, findings: &[&Diagnostic]) -> Vec<String> {
    let ids: BTreeSet<&str> = findings
        .iter()
        .map(|d| d.rule.as_str())
        .chain(view.artifacts.iter().flat_map(|a| a.rules.iter().map(String::as_str)))
        .collect();
    ids.into_iter().map(str::to_string).collect()
}

fn level(severity: Severity) -> ResultLevel {
    match severity {
        Severity::Error => ResultLevel::Error,
        Severity::Warning => ResultLevel::Warning,
        Severity::Note => ResultLevel::Note,
    }
}

/// A rule's friendly name, Pascal case as SARIF suggests: from the id of a built-in check
/// (`parse-error` → `ParseError`), from the title of a policy.
fn friendly_name(doc: &RuleDoc) -> Option<String> {
    let source = if doc.source == "built-in" { &doc.id } else { &doc.title };
    let name: String = source
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map(|c| c.to_uppercase().chain(cs).collect::<String>()).unwrap_or_default()
        })
        .collect();
    (!name.is_empty()).then_some(name)
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s).build()
}

fn is_web(reference: &str) -> bool {
    reference.starts_with("https://") || reference.starts_with("http://")
}

/// The rule's help: how to fix it, the clauses behind it, and where to read more; as plain text
/// and as Markdown.
fn help(doc: &RuleDoc, lang: Lang) -> Option<MultiformatMessageString> {
    let (fix_word, frameworks_word, references_word) = (i18n::ui(Ui::HowToFix, lang), i18n::ui(Ui::Frameworks, lang), i18n::ui(Ui::References, lang));
    let colon = if lang == Lang::En { ": " } else { "：" };
    let mut plain = Vec::new();
    let mut md = Vec::new();
    if let Some(fix) = doc.remediation.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        plain.push(format!("{fix_word}{colon}{fix}"));
        md.push(format!("**{}{}** {fix}", fix_word, colon.trim_end()));
    }
    if !doc.frameworks.is_empty() {
        let list = |bullet: fn(&str, &str) -> String| doc.frameworks.iter().map(|(k, v)| bullet(k, v)).collect::<Vec<_>>().join("\n");
        plain.push(format!("{frameworks_word}{}\n{}", colon.trim_end(), list(|k, v| format!("- {k}: {v}"))));
        md.push(format!("**{frameworks_word}**\n\n{}", list(|k, v| format!("- `{k}`: {v}"))));
    }
    if !doc.related_resources.is_empty() {
        let plain_refs: Vec<String> = doc
            .related_resources
            .iter()
            .map(|r| match &r.description {
                Some(d) => format!("- {} ({d})", r.reference),
                None => format!("- {}", r.reference),
            })
            .collect();
        let md_refs: Vec<String> = doc
            .related_resources
            .iter()
            .map(|r| match (&r.description, is_web(&r.reference)) {
                (Some(d), true) => format!("- [{d}]({})", r.reference),
                (None, true) => format!("- <{}>", r.reference),
                (Some(d), false) => format!("- {} ({d})", r.reference),
                (None, false) => format!("- {}", r.reference),
            })
            .collect();
        plain.push(format!("{references_word}{}\n{}", colon.trim_end(), plain_refs.join("\n")));
        md.push(format!("**{references_word}**\n\n{}", md_refs.join("\n")));
    }
    (!plain.is_empty()).then(|| MultiformatMessageString::builder().text(plain.join("\n\n")).markdown(md.join("\n\n")).build())
}

fn descriptor(english: &RuleDoc, lang: Lang) -> ReportingDescriptor {
    let localized = crate::rules::localized(english, lang);
    let doc = &localized;
    let severity = Severity::parse(&doc.severity).unwrap_or(Severity::Error);
    let mut props = BTreeMap::new();
    props.insert("kinds".to_string(), json!(doc.kinds));
    if let Some(layer) = &doc.layer {
        props.insert("layer".to_string(), json!(layer));
    }
    if let Some(stage) = &doc.stage {
        props.insert("stage".to_string(), json!(stage));
    }
    props.insert("frameworks".to_string(), json!(doc.frameworks));
    let description = if doc.description.is_empty() { &doc.title } else { &doc.description };
    let mut b = ReportingDescriptor::builder().id(doc.id.clone()).build();
    // The name is an identifier: always from the English title.
    b.name = friendly_name(english);
    b.short_description = Some(text(doc.title.clone()));
    b.full_description = Some(text(description.clone()));
    b.help = help(doc, lang);
    b.help_uri = doc.related_resources.iter().map(|r| r.reference.clone()).find(|r| is_web(r));
    b.default_configuration = Some(ReportingConfiguration::builder().level(json!(level(severity))).build());
    let mut bag = PropertyBag::builder().additional_properties(props).build();
    // Code scanning shows tags and filters on them: the frameworks a rule implements.
    bag.tags = (!doc.frameworks.is_empty()).then(|| doc.frameworks.keys().cloned().collect());
    b.properties = Some(bag);
    b
}

/// A rule with a result but no documentation (a policy the run did not describe): what its
/// first finding says of it.
fn undocumented(id: &str, first: Option<&Diagnostic>) -> ReportingDescriptor {
    let mut b = ReportingDescriptor::builder().id(id).build();
    if let Some(d) = first {
        b.default_configuration = Some(ReportingConfiguration::builder().level(json!(level(d.severity))).build());
        if !d.frameworks.is_empty() {
            b.properties = Some(
                PropertyBag::builder()
                    .additional_properties(BTreeMap::from([("frameworks".to_string(), json!(d.frameworks))]))
                    .build(),
            );
        }
    }
    b
}

/// A file path as a URI reference: relative paths stay relative (code scanning resolves them
/// against the repository root); bytes outside RFC 3986's path characters are percent-encoded,
/// `:` too, so that a first segment is never read as a scheme.
pub fn file_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let (prefix, rest) = if path.starts_with('/') {
        ("file://", path.as_str())
    } else if path.as_bytes().first().is_some_and(u8::is_ascii_alphabetic) && path.get(1..3) == Some(":/") {
        // A Windows drive: file:///C:/…
        return format!("file:///{}:{}", &path[..1], encode(&path[2..]));
    } else {
        ("", path.as_str())
    };
    format!("{prefix}{}", encode(rest))
}

fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=@/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn artifact(view: &RunView, a: &super::ArtifactRules) -> sarif::Artifact {
    let mut out = sarif::Artifact::builder()
        .location(ArtifactLocation::builder().uri(file_uri(&a.file)).build())
        .roles(vec![json!(sarif::ArtifactRoles::AnalysisTarget)])
        .properties(PropertyBag::builder().additional_properties(BTreeMap::from([("kinds".to_string(), json!(a.kinds))])).build())
        .build();
    // An empty text is one the run did not read, or let go: then its stamp, if it kept one.
    let held = view.sources.get(&a.file).filter(|s| !s.text.is_empty()).map(|s| crate::artifact::Released::of(&s.text));
    if let Some(stamp) = held.or_else(|| a.released.clone()) {
        out.length = Some(stamp.len as i64);
        out.hashes = Some(BTreeMap::from([("sha-256".to_string(), data_encoding::HEXLOWER.encode(&stamp.sha256))]));
    }
    out
}

fn region(view: &RunView, d: &Diagnostic) -> Region {
    let mut r = Region::builder()
        .start_line(d.start.line as i64)
        .start_column(d.start.column as i64)
        .end_line(d.end.line as i64)
        .end_column(d.end.column as i64)
        .byte_offset(d.span.start as i64)
        .byte_length(d.span.len() as i64)
        .build();
    r.snippet = view
        .sources
        .get(&*d.file)
        .filter(|_| !d.span.is_empty() && d.span.len() <= MAX_SNIPPET)
        .and_then(|s| s.text.get(d.span.start..d.span.end))
        .map(|t| ArtifactContent::builder().text(t).build());
    let label = d.localized.as_ref().and_then(|l| l.label.as_ref()).or(d.label.as_ref());
    r.message = label.map(Message::from);
    r
}

fn suppression(d: &Diagnostic) -> Option<sarif::Suppression> {
    let s = d.suppression.as_ref()?;
    let kind = match s.kind {
        SuppressionKind::Inline => SupressionKind::InSource,
        SuppressionKind::Waiver | SuppressionKind::Baseline | SuppressionKind::Exception => SupressionKind::External,
    };
    let mut props = BTreeMap::from([("kind".to_string(), json!(s.kind))]);
    if let Some(a) = &s.approved_by {
        props.insert("approvedBy".to_string(), json!(a));
    }
    if let Some(e) = &s.expires {
        props.insert("expires".to_string(), json!(e));
    }
    let mut out = sarif::Suppression::builder()
        .kind(json!(kind))
        .status(json!(SupressionStatus::Accepted))
        .properties(PropertyBag::builder().additional_properties(props).build())
        .build();
    out.justification = s.reason.clone();
    Some(out)
}

fn result(view: &RunView, d: &Diagnostic, rule_index: usize, artifact: Option<usize>) -> sarif::Result {
    let mut uri = ArtifactLocation::builder().uri(file_uri(&d.file)).build();
    uri.index = artifact.map(|i| i as i64);
    let location = Location::builder()
        .physical_location(PhysicalLocation::builder().artifact_location(uri).region(region(view, d)).build())
        .build();
    let (text, help) = match &d.localized {
        Some(l) => (&l.message, l.help.as_deref()),
        None => (&d.message, d.help.as_deref()),
    };
    let message = match help {
        Some(h) => format!("{text}\nhelp: {h}"),
        None => text.clone(),
    };
    let mut props: BTreeMap<String, Value> = BTreeMap::new();
    if let Some(p) = &d.pointer {
        props.insert("pointer".to_string(), json!(p));
    }
    if let Some(i) = d.document {
        props.insert("document".to_string(), json!(i));
    }
    if let Some(k) = &d.kind {
        props.insert("kind".to_string(), json!(k));
    }
    if let Some(details) = &d.details {
        props.insert("details".to_string(), details.as_ref().clone());
    }
    let mut r = sarif::Result::builder()
        .rule_id(d.rule.clone())
        .rule_index(rule_index as i64)
        .level(level(d.severity))
        .message(Message::from(&message))
        .locations(vec![location])
        .partial_fingerprints(BTreeMap::from([(FINGERPRINT_KEY.to_string(), d.fingerprint())]))
        .build();
    r.properties = (!props.is_empty()).then(|| PropertyBag::builder().additional_properties(props).build());
    r.suppressions = suppression(d).map(|s| vec![s]);
    r
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::sample::{empty_view, sample_view, DEPLOYMENT};

    fn snapshot_text(view: &RunView) -> String {
        render(view, Lang::En).replace(&format!("\"{}\"", env!("CARGO_PKG_VERSION")), "\"[version]\"")
    }

    #[test]
    fn sample() {
        insta::assert_snapshot!(snapshot_text(&sample_view()));
    }

    #[test]
    fn file_uris_of_non_ascii_names() {
        // Byte 3 inside a multi-byte character once made the drive-letter check panic.
        assert!(file_uri("ab中.yaml").ends_with("ab%E4%B8%AD.yaml"), "{}", file_uri("ab中.yaml"));
        assert_eq!(file_uri("C:/x.yaml"), "file:///C:/x.yaml");
    }

    #[test]
    fn empty_run_is_a_valid_log_with_no_results() {
        let v: Value = serde_json::from_str(&render(&empty_view(), Lang::En)).unwrap();
        assert_eq!(v["runs"][0]["results"], json!([]));
        assert_eq!(v["runs"][0]["tool"]["driver"]["rules"], json!([]));
    }

    #[test]
    fn every_result_points_at_its_rule() {
        let v: Value = serde_json::from_str(&render(&sample_view(), Lang::En)).unwrap();
        let run = &v["runs"][0];
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert_eq!(ids, sorted, "rules in id order");
        assert!(!ids.contains(&"MC099"), "a rule that ran on no artifact is left out");
        for r in run["results"].as_array().unwrap() {
            let i = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], r["ruleId"]);
        }
    }

    #[test]
    fn suppressed_findings_are_results_with_suppressions() {
        let view = sample_view();
        let v: Value = serde_json::from_str(&render(&view, Lang::En)).unwrap();
        let results = v["runs"][0]["results"].as_array().unwrap();
        assert_eq!(results.len(), view.diagnostics.len() + view.suppressed.len());
        let kinds: Vec<&str> = results
            .iter()
            .filter_map(|r| r["suppressions"].as_array())
            .map(|s| s[0]["kind"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["inSource", "external"]);
    }

    /// The sample holds the awkward cases (suppressions, a comma and a space in a path, a file
    /// with no source); tests/it/sarif.rs validates real runs the same way. The OASIS schema says
    /// draft-04 but uses draft-06's `uri-reference` format, which a draft-04 validator skips, so
    /// it is checked under draft-07 too (the schema has nothing else the two read differently).
    #[test]
    #[allow(clippy::print_stderr)] // the note that the check was skipped
    fn sample_is_valid_against_the_official_schema() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/schemas-external/sarif-schema-2.1.0.json");
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("skipped: {path} is absent, the SARIF output is not validated against the schema");
            return;
        };
        let schema: Value = serde_json::from_str(&text).unwrap();
        let log: Value = serde_json::from_str(&render(&sample_view(), Lang::En)).unwrap();
        let mut broken = log.clone();
        broken["runs"][0]["results"][0]["level"] = json!("fatal");
        broken["runs"][0]["artifacts"][0]["location"]["uri"] = json!("a b");
        for (draft, options) in [("draft-04", jsonschema::draft4::options()), ("draft-07", jsonschema::draft7::options())] {
            let validator = options.should_validate_formats(true).build(&schema).unwrap();
            let errors = |v: &Value| validator.iter_errors(v).map(|e| format!("{e} at {}", e.instance_path())).collect::<Vec<_>>();
            let found = errors(&log);
            assert!(found.is_empty(), "{draft}: {found:#?}");
            // The validator is live: a log that breaks the schema is caught.
            let found = errors(&broken);
            assert_eq!(found.len(), if draft == "draft-04" { 1 } else { 2 }, "{draft}: {found:#?}");
        }
    }

    #[test]
    fn file_uris_are_encoded_relative_references() {
        assert_eq!(file_uri(DEPLOYMENT), "deploy/serving,%20canary.yaml");
        assert_eq!(file_uri("a:b/模型.yaml"), "a%3Ab/%E6%A8%A1%E5%9E%8B.yaml");
        assert_eq!(file_uri("/tmp/x y.yaml"), "file:///tmp/x%20y.yaml");
        assert_eq!(file_uri("C:\\repo\\card.md"), "file:///C:/repo/card.md");
        assert_eq!(file_uri("100%.yaml"), "100%25.yaml");
    }

    #[test]
    fn friendly_names_are_pascal_case() {
        let view = sample_view();
        let name = |id: &str| friendly_name(view.rules.iter().find(|r| r.id == id).unwrap());
        assert_eq!(name("duplicate-key").as_deref(), Some("DuplicateKey"));
        assert_eq!(name("MC001").as_deref(), Some("ModelCardDeclaresALicense"));
    }
}
