//! `govlint init`: the first run in a repository. It surveys the tree with the same discovery,
//! parsing and classification as `govlint check` ([`crate::pipeline::survey`]), then drafts a commented
//! `govlint.yaml`: kind globs for where the artifacts are, excludes for vendored copies, Helm
//! values files (which no content sniffing can recognise) and the framework packs that fit the
//! regions the deployments declare. Nothing here writes or prints: `main.rs` does both.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

use serde_json::Value;

use crate::classify::{Format, Kind};
use crate::config::Config;
use crate::error::ToolError;

/// Directories that hold copies of other projects' files, or what a build or a release
/// generates from the team's sources (checked where they are written, not again in copies).
const VENDORED: &[&str] = &["vendor", "third_party", "third-party", "node_modules", "dist", "install", "release", "releases", "generated"];

/// EU member states (ISO 3166-1 alpha-2); with `EU` itself they select the EU AI Act pack.
const EU_MEMBERS: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL",
    "PT", "RO", "SK", "SI", "ES", "SE",
];

/// One artifact document found, by path relative to the config's directory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Found {
    pub path: String,
    pub kind: Kind,
    pub format: Format,
}

/// A framework pack chosen, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Framework {
    pub name: &'static str,
    pub why: String,
}

/// The drafted configuration and what it was drafted from.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Artifact documents that the config covers.
    pub found: Vec<Found>,
    /// Helm values files recognised by name and place, with the glob that names them.
    pub helm: Vec<String>,
    /// Vendored directories excluded, and the artifacts in them.
    pub excluded: BTreeMap<String, Vec<String>>,
    pub frameworks: Vec<Framework>,
    /// The text of `govlint.yaml`.
    pub text: String,
    /// What the user is to be told of the survey (a git repository that could not be opened,
    /// whose ignored files were surveyed too).
    pub notes: Vec<String>,
}

/// `path` relative to `root`, `/`-separated; `None` when it is not below `root`.
/// The files found in one directory for one kind, and their formats.
type FilesAndFormats<'a> = (BTreeSet<&'a str>, BTreeSet<&'a str>);

fn relative(root: &Path, path: &Path) -> Option<String> {
    let abs = std::path::absolute(path).ok()?;
    let root = std::path::absolute(root).ok()?;
    let rel = abs.strip_prefix(&root).ok()?;
    let parts: Vec<String> = rel.components().filter_map(|c| match c {
        Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
        _ => None,
    }).collect();
    Some(parts.join("/"))
}

/// The top directory of `rel` (`deploy/`), or `./` for a file at the top.
fn top_dir(rel: &str) -> String {
    rel.split_once('/').map_or_else(|| "./".to_string(), |(top, _)| format!("{top}/"))
}

/// The vendored directory holding `rel`, if any (`vendor`, `third_party/x/vendor`…).
fn vendored_dir(rel: &str) -> Option<String> {
    let parts: Vec<&str> = rel.split('/').collect();
    let i = parts[..parts.len().saturating_sub(1)].iter().position(|p| VENDORED.contains(p))?;
    Some(parts[..=i].join("/"))
}

/// Whether a file govlint skipped looks like a Helm chart's values file: named `values*.yaml`
/// and beside a `Chart.yaml` or under a `helm`/`charts` directory.
fn helm_values_glob(root: &Path, rel: &str) -> Option<String> {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    let lower = name.to_ascii_lowercase();
    if !(lower.starts_with("values") && (lower.ends_with(".yaml") || lower.ends_with(".yml"))) {
        return None;
    }
    let beside_chart = root.join(dir).join("Chart.yaml").is_file();
    let in_helm_dir = dir.split('/').any(|p| p == "helm" || p == "charts");
    if !(beside_chart || in_helm_dir) || dir.is_empty() {
        return None;
    }
    Some(format!("{dir}/**/values*.yaml"))
}

/// Adds every region that the artifact's governance blocks declare in `service.regions`.
fn regions(a: &crate::artifact::Artifact, rel: &str, out: &mut BTreeMap<String, BTreeSet<String>>) {
    for d in &a.docs {
        let doc = &a.parsed.documents[d.index].value;
        let list = doc.pointer("/governance/service/regions").and_then(Value::as_array);
        for r in list.into_iter().flatten().filter_map(Value::as_str) {
            out.entry(r.to_ascii_uppercase()).or_default().insert(rel.to_string());
        }
    }
}

fn files(set: &BTreeSet<String>) -> String {
    set.iter().cloned().collect::<Vec<_>>().join(", ")
}

/// The framework packs that fit what was found.
fn choose_frameworks(regions: &BTreeMap<String, BTreeSet<String>>) -> Vec<Framework> {
    let mut out = vec![
        Framework { name: "baseline", why: "always: files parse, match their schema, no duplicate keys".to_string() },
        Framework { name: "caict-roadmap-2024", why: "always: the CAICT roadmap, which every bundled rule traces to".to_string() },
    ];
    if regions.is_empty() {
        for (name, why) in [
            ("cn-genai", "no deployment declares governance.service.regions yet: every pack stays on"),
            ("eu-ai-act", "(idem); remove the packs of markets you do not serve"),
            ("nist-ai-600-1", "(idem)"),
        ] {
            out.push(Framework { name, why: why.to_string() });
        }
        return out;
    }
    let pick = |codes: &dyn Fn(&str) -> bool| -> BTreeSet<String> {
        regions.iter().filter(|(r, _)| codes(r)).flat_map(|(_, f)| f.iter().cloned()).collect()
    };
    let cn = pick(&|r| r == "CN");
    if !cn.is_empty() {
        out.push(Framework { name: "cn-genai", why: format!("service.regions has CN in {}", files(&cn)) });
    }
    let eu = pick(&|r| r == "EU" || EU_MEMBERS.contains(&r));
    if !eu.is_empty() {
        out.push(Framework { name: "eu-ai-act", why: format!("service.regions has the EU or a member state in {}", files(&eu)) });
    }
    let us = pick(&|r| r == "US");
    if !us.is_empty() {
        out.push(Framework { name: "nist-ai-600-1", why: format!("service.regions has US in {}", files(&us)) });
    }
    out
}

/// Surveys `root` as `govlint check` would with no config, and drafts `govlint.yaml` for it.
pub fn plan(root: &Path) -> Result<Plan, ToolError> {
    let config = Config::default_at(root.to_path_buf());
    let mut found = Vec::new();
    let mut excluded: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut declared = BTreeMap::new();
    let (skipped, notes) = crate::pipeline::survey(&[root.to_path_buf()], &config, |a| {
        let rel = relative(root, Path::new(&a.file)).unwrap_or_else(|| a.file.clone());
        if let Some(dir) = vendored_dir(&rel) {
            excluded.entry(dir).or_default().push(rel);
            return;
        }
        for d in &a.docs {
            found.push(Found { path: rel.clone(), kind: d.kind, format: d.format });
        }
        regions(&a, &rel, &mut declared);
    })?;
    found.sort();
    found.dedup();
    let mut helm: Vec<String> = skipped
        .iter()
        .filter_map(|s| relative(root, Path::new(&s.path)))
        .filter(|rel| vendored_dir(rel).is_none())
        .filter_map(|rel| helm_values_glob(root, &rel))
        .collect();
    helm.sort();
    helm.dedup();
    let frameworks = choose_frameworks(&declared);
    let text = render(&found, &helm, &excluded, &frameworks);
    Ok(Plan { found, helm, excluded, frameworks, text, notes })
}

fn render(found: &[Found], helm: &[String], excluded: &BTreeMap<String, Vec<String>>, frameworks: &[Framework]) -> String {
    let mut out = String::new();
    out.push_str(
        "# govlint configuration, drafted by `govlint init` from the artifacts found under this\n\
         # directory. Globs are relative to this file. Every key is optional; the README's\n\
         # \"Configuration\" section lists them all, and `govlint schema config` prints the schema.\n\n",
    );
    out.push_str(
        "# Which files are which artifact. govlint recognised every artifact found here by its\n\
         # content or its place (docs/classification.md), so none needs a glob; a glob is for a\n\
         # file it cannot recognise (e.g. `model-card: [\"models/**/README.md\"]`), and forces\n\
         # its kind on every file it matches. Found, by directory:\n",
    );
    let mut dirs: BTreeMap<(Kind, String), FilesAndFormats> = BTreeMap::new();
    for f in found {
        let (files, formats) = dirs.entry((f.kind, top_dir(&f.path))).or_default();
        files.insert(&f.path);
        formats.insert(f.format.as_str());
    }
    for ((kind, dir), (files, formats)) in &dirs {
        let n = files.len();
        let formats = formats.iter().copied().collect::<Vec<_>>().join(", ");
        let _ = writeln!(out, "#   {:<18} {dir}  {n} file{} ({formats})", kind.as_str(), if n == 1 { "" } else { "s" });
    }
    if found.is_empty() {
        out.push_str("#   nothing yet: start one with `govlint new model-card`\n");
    }
    if helm.is_empty() {
        out.push_str("kinds: {}\n");
    } else {
        out.push_str(
            "kinds:\n  deployment-config:\n    # Helm values of a chart kept elsewhere: named values*.yaml in a chart directory.\n",
        );
        for g in helm {
            let _ = writeln!(out, "    - glob: \"{g}\"\n      format: helm-values");
        }
    }
    out.push('\n');
    if excluded.is_empty() {
        out.push_str("# Paths (globs) never read, e.g. vendored copies of other projects' files.\nexclude: []\n\n");
    } else {
        out.push_str("# Vendored copies of other projects' files: not ours to fix.\nexclude:\n");
        for (dir, files) in excluded {
            let _ = writeln!(out, "  - \"{dir}\"    # {} artifact{} inside", files.len(), if files.len() == 1 { "" } else { "s" });
        }
        out.push('\n');
    }
    out.push_str("# The least severity that fails a run: error | warning | note | never.\nfail_on: error\n\n");
    out.push_str(
        "# Framework packs. A bundled rule runs when it cites one of them (`govlint rules` lists\n\
         # each rule's clauses), and `govlint new` comments each field with their clauses. Every\n\
         # bundled rule cites caict-roadmap-2024, so while it is listed every rule runs; drop it to\n\
         # run only the rules of the other packs. The market packs follow the regions the\n\
         # deployments declare in governance.service.regions: CN -> cn-genai, EU or a member\n\
         # state -> eu-ai-act, US -> nist-ai-600-1.\n\
         frameworks:\n",
    );
    let width = frameworks.iter().map(|f| f.name.len()).max().unwrap_or(0);
    for f in frameworks {
        let _ = writeln!(out, "  - {:<width$}    # {}", f.name, f.why);
    }
    out.push_str(SUPPRESSIONS);
    out
}

/// The end of a drafted config: per-rule overrides and the two ways to suppress a finding, as
/// commented examples (a rule id here that names no rule would be an error once uncommented).
const SUPPRESSIONS: &str = "
# Per-rule overrides: a rule id, or the start of some, set `off` or to a severity (the longest
# key that matches a rule decides). On the command line, --select and --ignore choose rules the
# same way and win over this (README: \"Choosing rules\").
# rules:
#   MC017: off
#   DP: warning

# Suppressing an accepted finding: it is still reported, as suppressed, but never fails a run.
# In the artifact, a comment on the line before a key covers that key and what is below it, in
# its own YAML document (in a Markdown body, `<!-- govlint-ignore: RULE reason -->` covers the
# next line):
#     # govlint-ignore: DP013 the registry signs this tag; see SEC-42
#     image: registry.example.com/tei:1.5
# Here, a waiver: one rule, the files (globs relative to this file), optionally a JSON path,
# who approved it and until when. An expired waiver is an error.
# waivers:
#   - rule: DP016
#     paths: [\"deploy/staging/*.yaml\"]
#     path: /spec/template/spec/containers/0/env
#     reason: dummy credentials of the staging mock, rotated daily
#     approved_by: security@example.com
#     expires: 2027-06-30
";

/// The config file `init` writes in `dir`, and an existing one it must not overwrite.
pub fn target(dir: &Path) -> (PathBuf, Option<PathBuf>) {
    let existing = crate::config::FILE_NAMES.iter().map(|n| dir.join(n)).find(|p| p.exists());
    (dir.join(crate::config::FILE_NAMES[0]), existing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_and_vendored_trees() {
        assert_eq!(top_dir("models/acme/README.md"), "models/");
        assert_eq!(top_dir("model-card.yaml"), "./");
        assert_eq!(vendored_dir("vendor/x/isvc.yaml").as_deref(), Some("vendor"));
        assert_eq!(vendored_dir("deploy/vendor.yaml"), None);
    }

    #[test]
    fn regions_choose_packs() {
        let mut r = BTreeMap::new();
        r.insert("DE".to_string(), BTreeSet::from(["d.yaml".to_string()]));
        let names: Vec<_> = choose_frameworks(&r).iter().map(|f| f.name).collect();
        assert_eq!(names, ["baseline", "caict-roadmap-2024", "eu-ai-act"]);
        assert_eq!(choose_frameworks(&BTreeMap::new()).len(), 5);
    }
}
