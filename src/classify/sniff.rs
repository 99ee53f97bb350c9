//! The sniff: whether a file that could not be parsed (or read whole) is a governance artifact,
//! from what survives of it — the config's globs, its name, the directory it is in, and
//! signatures in its raw text. A file it names is reported (a `parse-error` at the parser's
//! position, a `read-error` or `limit-exceeded`), never skipped: a broken or oversized artifact
//! must not pass the gate by being unreadable. Documented in docs/classification.md.
//!
//! It runs only on what failed: a file that parses is classified from its documents (see
//! [`super::classify`]), so the sniff reads no file twice and costs nothing on a healthy tree.

use std::path::{Component, Path};

use super::{kind_from_name, GlobHint, Kind, HF_DATASET_KEYS, HF_MODEL_KEYS, NATIVE_API_VERSION};
use crate::parse::Syntax;
use serde_json::Value;

/// Why a file that does not parse is taken for an artifact, and the kind it looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    pub kind: Option<Kind>,
    pub reason: String,
}

fn sniffed(kind: Option<Kind>, reason: impl Into<String>) -> Sniffed {
    Sniffed { kind, reason: reason.into() }
}

/// Directories where deployment configs live by convention (`deploy/`, `k8s/`…): a YAML file
/// below one that does not parse is taken for a deployment config.
pub const DEPLOYMENT_DIRS: &[&str] = &["deploy", "deployment", "deployments", "k8s", "kubernetes", "kube", "manifests"];

/// Bytes of an oversized file read to sniff it (see [`by_text`]).
pub const PREFIX: usize = 64 * 1024;

/// What the place of a file says: a `kinds:` glob, a card's or manifest's name, a compose file's
/// name, or (for YAML) a directory of deployment configs on its path `rel`, relative to the
/// config root (ignored when it is not below it).
pub fn by_place(path: &Path, rel: &Path, syntax: Syntax, glob: Option<GlobHint>) -> Option<Sniffed> {
    if let Some(g) = glob {
        return Some(sniffed(Some(g.kind), "matched a `kinds:` glob in the config"));
    }
    if let Some(h) = kind_from_name(path) {
        return Some(sniffed(Some(h.kind), "file name"));
    }
    let in_deploy_dir = rel.is_relative()
        && rel.parent().is_some_and(|dir| {
            dir.components().any(|c| matches!(c, Component::Normal(n) if n.to_str().is_some_and(|n| DEPLOYMENT_DIRS.contains(&n.to_ascii_lowercase().as_str()))))
        });
    if syntax == Syntax::Yaml && in_deploy_dir {
        return Some(sniffed(Some(Kind::DeploymentConfig), "YAML in a directory of deployment configs"));
    }
    None
}

/// What the raw text says (all of it, or the first [`PREFIX`] bytes of an oversized file):
/// top-level `apiVersion:` and `kind:` lines (a Kubernetes object; a native manifest with
/// `apiVersion: govlint.dev/v1`), a `bomFormat` key (CycloneDX), the Croissant vocabulary
/// (`mlcommons.org/croissant`), and in Markdown, front matter keys only Hugging Face cards use.
pub fn by_text(syntax: Syntax, text: &str) -> Option<Sniffed> {
    if text.contains("mlcommons.org/croissant") {
        return Some(sniffed(Some(Kind::DatasetManifest), "its text names the Croissant vocabulary (mlcommons.org/croissant)"));
    }
    match syntax {
        Syntax::Json => {
            if text.contains("\"bomFormat\"") {
                return Some(sniffed(Some(Kind::ModelCard), "its text has a CycloneDX `bomFormat` key"));
            }
            if text.contains("\"apiVersion\"") && text.contains("\"kind\"") {
                return Some(object(text.contains(&format!("\"{NATIVE_API_VERSION}\"")), json_kind(text)));
            }
            None
        }
        // Of a Markdown file, only the front matter counts (its body may quote anything).
        Syntax::Markdown => card_keys(front(text)),
        Syntax::Yaml => {
            let top = |key: &str| text.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix(':').map(scalar));
            if top("bomFormat").is_some() {
                return Some(sniffed(Some(Kind::ModelCard), "its text has a top-level CycloneDX `bomFormat` key"));
            }
            if let (Some(api), Some(kind)) = (top("apiVersion"), top("kind")) {
                return Some(object(api.starts_with("govlint.dev/"), Some(kind)));
            }
            None
        }
    }
}

/// The front matter of a Markdown text, closed or not: from a first `---` line (after a BOM
/// and blank lines) to the next `---` or `...` line, or to the end; empty without an opener.
fn front(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.len() - text.trim_start_matches(['\n', '\r', ' ', '\t']).len();
    let body = &text[start..];
    let Some(rest) = body.strip_prefix("---").filter(|r| r.starts_with(['\n', '\r'])) else { return "" };
    let mut end = 0;
    for line in rest.split_inclusive('\n').skip(1) {
        if matches!(line.trim_end(), "---" | "...") {
            break;
        }
        end += line.len();
    }
    let first = rest.find('\n').map_or(rest.len(), |i| i + 1);
    &rest[..(first + end).min(rest.len())]
}

/// A Kubernetes object, or a native manifest of the `kind` given.
fn object(native: bool, kind: Option<&str>) -> Sniffed {
    if native {
        let kind = kind.and_then(|k| Kind::ALL.into_iter().find(|c| c.native_kind() == k));
        return sniffed(kind, "its text has `apiVersion: govlint.dev/v1` (a native manifest)");
    }
    sniffed(Some(Kind::DeploymentConfig), "its text has top-level `apiVersion` and `kind` (a Kubernetes object)")
}

/// The value of the first `"kind": "…"` of a JSON text.
fn json_kind(text: &str) -> Option<&str> {
    let rest = &text[text.find("\"kind\"")? + 6..];
    let rest = rest.trim_start().strip_prefix(':')?.trim_start().strip_prefix('"')?;
    Some(&rest[..rest.find('"')?])
}

/// A plain or quoted scalar after a key's colon, without a trailing comment.
fn scalar(rest: &str) -> &str {
    let v = rest.split(" #").next().unwrap_or("").trim();
    v.trim_matches(|c| c == '"' || c == '\'')
}

/// Top-level lines of keys only Hugging Face cards use (`pipeline_tag:`, `task_categories:`…).
fn card_keys(text: &str) -> Option<Sniffed> {
    let has = |keys: &[&str]| text.lines().any(|l| keys.iter().any(|k| l.strip_prefix(k).is_some_and(|r| r.starts_with(':'))));
    if has(HF_DATASET_KEYS) {
        return Some(sniffed(Some(Kind::DatasetManifest), "its front matter has Hugging Face dataset-card keys"));
    }
    has(HF_MODEL_KEYS).then(|| sniffed(Some(Kind::ModelCard), "its front matter has Hugging Face model-card keys"))
}

/// Whether a Markdown text whose first line `---` is never closed holds a front matter all the
/// same: a line of a Hugging Face card key follows the opener. (The Hub then reads no front
/// matter at all, the `---` being a thematic break, so the card loses its metadata.)
pub fn unclosed_front_matter(path: &Path, text: &str) -> bool {
    let readme = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.eq_ignore_ascii_case("readme.md"));
    let common = |l: &str| super::HF_COMMON_KEYS.iter().any(|k| l.strip_prefix(k).is_some_and(|r| r.starts_with(':')));
    let front = front(text);
    card_keys(front).is_some() || ((readme || kind_from_name(path).is_some()) && front.lines().any(common))
}

/// Whether a file is a Helm chart template: Go template actions (`{{`) in a file inside a
/// chart — below a directory that holds a `Chart.yaml` (its `templates/`, and the `files/`
/// it renders with `tpl`), or template helpers (`*.tpl`, a library of charts). Such a file is
/// YAML only once rendered. A chart's values files are not templates.
pub fn helm_template(path: &Path, text: &str) -> bool {
    // Helm renders neither its values files nor `Chart.yaml`: `{{` there is text.
    text.contains("{{")
        && !super::helm::is_values_name(path)
        && path.file_name().is_none_or(|n| n != "Chart.yaml")
        && path.ancestors().skip(1).filter(|d| !d.as_os_str().is_empty()).any(|dir| {
            dir.join("Chart.yaml").is_file()
                || std::fs::read_dir(dir).is_ok_and(|entries| entries.filter_map(Result::ok).any(|e| e.path().extension().is_some_and(|x| x == "tpl")))
        })
}

/// Whether a parsed YAML value holds a template placeholder where a value goes, unquoted
/// (`name: {{ x }}`, `- {{ x }}`): YAML reads `{{ x }}` as a mapping whose one key is the
/// mapping `{x: null}`, with no value, which no author means; so the file is a template (Jinja,
/// Go), YAML only once rendered. A quoted placeholder (`name: "{{ x }}"`) is a string, and text
/// in a block scalar (a script in a ConfigMap) is text: neither makes a template.
pub fn template_placeholder(v: &Value) -> bool {
    match v {
        Value::Object(m) => {
            (m.len() == 1 && m.iter().all(|(k, x)| k.starts_with("{\"") && x.is_null())) || m.values().any(template_placeholder)
        }
        Value::Array(items) => items.iter().any(template_placeholder),
        _ => false,
    }
}

/// Why a template outside a Helm chart is skipped.
pub const TEMPLATE: &str = "a template (`{{ … }}` placeholders where values go): YAML only once rendered";

/// Why a Helm chart template is skipped.
pub const HELM_TEMPLATE: &str = "a Helm chart template (Go template actions `{{` inside a chart): YAML only once rendered";

/// The sniff of a file whose text does not parse: by place, then by text; `Err` says why it
/// is not taken for an artifact (a Helm chart template; no signature).
pub fn unparsed(path: &Path, rel: &Path, syntax: Syntax, text: &str, glob: Option<GlobHint>) -> Result<Sniffed, String> {
    if glob.is_none() && kind_from_name(path).is_none() && helm_template(path, text) {
        return Err(format!("does not parse, and is {HELM_TEMPLATE}"));
    }
    by_place(path, rel, syntax, glob).or_else(|| by_text(syntax, text)).ok_or_else(|| {
        "does not parse, and neither its place nor its text (apiVersion/kind, bomFormat, Croissant, card keys) marks it as an artifact".to_string()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_signatures() {
        let k = |syntax, text| by_text(syntax, text).and_then(|s| s.kind);
        assert_eq!(k(Syntax::Yaml, "apiVersion: apps/v1\nkind: Deployment\nmetadata: [\n"), Some(Kind::DeploymentConfig));
        assert_eq!(k(Syntax::Yaml, "apiVersion: govlint.dev/v1\nkind: ModelCard\nname: [x\n"), Some(Kind::ModelCard));
        assert_eq!(k(Syntax::Json, "// c\n{\"bomFormat\": \"CycloneDX\",}"), Some(Kind::ModelCard));
        assert_eq!(k(Syntax::Json, "{\"@context\": {\"cr\": \"http://mlcommons.org/croissant/\"},}"), Some(Kind::DatasetManifest));
        assert_eq!(k(Syntax::Json, "{\"apiVersion\": \"v1\", \"kind\": \"Pod\",}"), Some(Kind::DeploymentConfig));
        assert_eq!(k(Syntax::Markdown, "---\nlicense: mit\npipeline_tag: text-generation\n# Model\n"), Some(Kind::ModelCard));
        // Indented keys are not top-level; a tsconfig with comments has no signature.
        assert_eq!(k(Syntax::Yaml, "jobs:\n  apiVersion: 1\n  kind: x\n"), None);
        assert_eq!(k(Syntax::Json, "{\n  // c\n  \"compilerOptions\": {},\n}"), None);
        assert_eq!(k(Syntax::Markdown, "---\ntitle: Docs\ntags: [a]\n"), None);
    }

    #[test]
    fn places() {
        let p = |path: &str, syntax| by_place(Path::new(path), Path::new(path), syntax, None).and_then(|s| s.kind);
        assert_eq!(p("deploy/app.yaml", Syntax::Yaml), Some(Kind::DeploymentConfig));
        assert_eq!(p("ops/k8s/base/app.yml", Syntax::Yaml), Some(Kind::DeploymentConfig));
        assert_eq!(p("models/m/MODEL_CARD.md", Syntax::Markdown), Some(Kind::ModelCard));
        assert_eq!(p("deploy/notes.json", Syntax::Json), None);
        assert_eq!(p("deploy.yaml", Syntax::Yaml), None);
        // Not below the config root: its directories say nothing.
        assert_eq!(by_place(Path::new("/srv/deploy/x.yaml"), Path::new("/srv/deploy/x.yaml"), Syntax::Yaml, None), None);
    }

    #[test]
    fn unclosed_front_matter_needs_card_keys() {
        assert!(unclosed_front_matter(Path::new("README.md"), "---\nlicense: mit\n\n# Model\n"));
        assert!(unclosed_front_matter(Path::new("docs/x.md"), "---\npipeline_tag: text-generation\n"));
        assert!(!unclosed_front_matter(Path::new("README.md"), "---\nNote: this is a thematic break\n"));
        assert!(!unclosed_front_matter(Path::new("docs/x.md"), "---\nlicense: mit\n"));
    }
}
